// The rows of the "AODocs Jobs log" sheet: one per request outcome, so nothing a user started is untraced.
import { CellRef, JobAction, JobResult } from '../shared/api';
import { asLiteralText, asOwnSentence } from './cell-text';

export const LOG_SHEET_NAME = 'AODocs Jobs log';
export const LOG_SHEET_REFUSED =
  'The "AODocs Jobs log" sheet records what happened and is never rewritten: select the job IDs in another sheet.';
export const LOG_HEADERS = ['Time', 'User', 'Action', 'Job ID', 'Sheet', 'Cells', 'HTTP code', 'Status', 'Result'];

function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function a1(cell: CellRef): string {
  return `${columnLetters(cell.column)}${cell.row}`;
}

/** Where the result went: the cells written, the cells whose job ID had moved, the rows that could not be written. */
function cellsText(result: JobResult): string {
  const parts = result.written.map(a1);
  for (const m of result.moved) {
    parts.push(m.to ? `${a1(m.from)} moved to ${a1(m.to)}` : `${a1(m.from)} no longer holds it: not written`);
  }
  for (const cell of result.notWritten ?? []) parts.push(`${a1(cell)} not written`);
  return parts.join(', ');
}

export function logRows(
  results: JobResult[],
  context: { time: Date; user: string; action: JobAction; sheetName: string },
): unknown[][] {
  return results.map((r) => [
    new Date(context.time.getTime()),
    asLiteralText(context.user),
    context.action,
    asLiteralText(r.jobId),
    asLiteralText(context.sheetName),
    asLiteralText(cellsText(r)),
    r.httpCode ?? '',
    asLiteralText(r.status ?? ''),
    asOwnSentence(r.result),
  ]);
}
