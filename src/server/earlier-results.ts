// Reads the Result cells of rows whose answer did not settle the job: what an earlier run wrote there tells whether
// its cancel may have reached AODocs (core/earlier-result.ts decides). Only such answers need it, so a chunk
// whose cancels went through reads nothing more. Where the rows remember nothing (a busy lock kept them unwritten,
// a sort moved them), the job's last log line is the memory: the log's last lines are read too.
import { existingResultColumn } from '../core/result-columns';
import { LOG_LINES_REMEMBERED, LOG_SHEET_NAME, LoggedLine, lastLoggedResults } from '../core/log-rows';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The log's last lines (Job ID, Cells and Result, found by their titles); none when there is no log yet. */
function readLogTail(spreadsheet: Spreadsheet): LoggedLine[] {
  const log = spreadsheet.getSheetByName(LOG_SHEET_NAME);
  if (!log) return [];
  const lastRow = log.getLastRow();
  const lastColumn = log.getLastColumn();
  if (lastRow < 2 || lastColumn < 1) return [];
  const headers = log
    .getRange(1, 1, 1, lastColumn)
    .getDisplayValues()[0]
    .map((h) => h.trim());
  const [job, cells, result] = ['Job ID', 'Cells', 'Result'].map((title) => headers.indexOf(title));
  if (job < 0 || cells < 0 || result < 0) return [];
  const first = Math.max(2, lastRow - LOG_LINES_REMEMBERED + 1);
  const values = log.getRange(first, 1, lastRow - first + 1, lastColumn).getDisplayValues();
  return values.map((line) => ({ jobId: line[job], cells: line[cells], result: line[result] }));
}

/** What the log remembers of each job (core/log-rows.ts lastLoggedResults); empty texts where nothing. */
export function readLastLoggedResults(spreadsheet: Spreadsheet, jobIds: string[]): string[] {
  if (jobIds.length === 0) return [];
  try {
    return lastLoggedResults(readLogTail(spreadsheet), jobIds);
  } catch {
    // The log is being created or was deleted meanwhile: nothing is remembered from it.
    return jobIds.map(() => '');
  }
}

/** The displayed texts of the Result cells of `rows` (per job); empty when the sheet has no Result column yet. */
export function readResultTexts(sheet: Sheet, headerRow: number, rows: number[][]): string[][] {
  const all = rows.flat();
  if (all.length === 0) return rows.map(() => []);
  try {
    const lastColumn = sheet.getLastColumn();
    if (lastColumn < 1) return rows.map(() => []);
    const headers = sheet.getRange(headerRow, 1, 1, lastColumn).getDisplayValues()[0];
    const column = existingResultColumn(headers, 'Result');
    if (column === undefined) return rows.map(() => []);
    let first = Infinity;
    let last = -Infinity;
    for (const row of all) {
      first = Math.min(first, row);
      last = Math.max(last, row);
    }
    // One read for the chunk: the span of its rows in the Result column.
    const texts = sheet.getRange(first, column, last - first + 1, 1).getDisplayValues();
    return rows.map((jobRows) => jobRows.map((row) => texts[row - first][0]));
  } catch {
    // Rows or columns deleted meanwhile: the earlier run is not remembered, and the refusal reads as today's.
    return rows.map(() => []);
  }
}
