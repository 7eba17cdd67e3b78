// The rows of the "AODocs Jobs log" sheet: one per request outcome, so nothing a user started is untraced.
import { CellRef, JobAction, JobResult } from '../shared/api';
import { asLiteralText, asOwnSentence, withoutTextMark } from './cell-text';

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

const NOT_WRITTEN = 'not written';

/** Where the result went: the cells written, the cells whose job ID had moved, the rows that could not be written. */
function cellsText(result: JobResult): string {
  const parts = result.written.map(a1);
  for (const m of result.moved) {
    parts.push(m.to ? `${a1(m.from)} moved to ${a1(m.to)}` : `${a1(m.from)} no longer holds it: ${NOT_WRITTEN}`);
  }
  for (const cell of result.notWritten ?? []) parts.push(`${a1(cell)} ${NOT_WRITTEN}`);
  return parts.join(', ');
}

/**
 * How many of the log's last lines Run again reads for what only the log remembers: the earlier runs worth
 * remembering are recent, and a long log must not slow every chunk with refusals in it.
 */
export const LOG_LINES_REMEMBERED = 2000;

/** A line of the log as read back: its Job ID and Result texts. */
export interface LoggedLine {
  jobId: string;
  result: string;
}

/**
 * What the log remembers of each job: the Result of the job's last line. Run again reads it, for a refused cancel
 * whose rows remember nothing, as it reads a row's Result (earlier-result.ts): the rows may not have been written
 * (a busy lock, a moved ID), or may have moved with a sort while the row now at the ID's place is another copy of
 * it. `lines` in the log's order.
 */
export function lastLoggedResults(lines: LoggedLine[], jobIds: string[]): string[] {
  const last = new Map<string, LoggedLine>();
  for (const line of lines) last.set(withoutTextMark(line.jobId.trim()), line);
  return jobIds.map((id) => last.get(id)?.result ?? '');
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
