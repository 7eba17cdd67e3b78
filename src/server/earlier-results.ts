// Where a job's rows remember nothing (a busy lock kept them unwritten, a sort moved them), its last log line is
// the memory: the log's last lines are read for the jobs core/run/chunk-program.ts asks about (the Result cells are
// read by the program itself).
import { LOG_LINES_REMEMBERED, LOG_SHEET_NAME, LoggedLine, lastLoggedResults } from '../core/log-rows';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The log's last lines (Job ID and Result, found by their titles); none when there is no log yet. */
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
  const [job, result] = ['Job ID', 'Result'].map((title) => headers.indexOf(title));
  if (job < 0 || result < 0) return [];
  // Only the columns from Job ID to Result: the log's other columns are not needed.
  const from = Math.min(job, result);
  const first = Math.max(2, lastRow - LOG_LINES_REMEMBERED + 1);
  const values = log.getRange(first, from + 1, lastRow - first + 1, Math.abs(result - job) + 1).getDisplayValues();
  return values.map((line) => ({ jobId: line[job - from], result: line[result - from] }));
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
