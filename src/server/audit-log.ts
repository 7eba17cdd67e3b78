// Appends to the "AODocs Jobs log" sheet, created on first use. Under the document lock, a chunk's lines go in one
// write. Without it (a colleague's run held the lock past the wait), each line goes in with Sheet.appendRow, which
// is atomic, so the trace of every cancel sent survives a busy lock.
import { LOG_HEADERS, LOG_SHEET_NAME } from '../core/log-rows';
import { appendRows, insertHeadedSheet } from './sheet-append';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The log sheet, created when missing. It is built under a name of its own and then renamed: an execution
 * appending without the lock never finds the log without its header (its line would land in row 1, and the header
 * be written over it), and of two executions creating it at once, the second finds the name taken, drops its draft
 * and uses the first's.
 */
function logSheet(spreadsheet: Spreadsheet): Sheet {
  const existing = spreadsheet.getSheetByName(LOG_SHEET_NAME);
  if (existing) return existing;
  const active = spreadsheet.getActiveSheet();
  const draftName = `${LOG_SHEET_NAME} (new ${Utilities.getUuid().slice(0, 8)})`;
  const draft = insertHeadedSheet(spreadsheet, draftName, LOG_HEADERS, spreadsheet.getSheets().length);
  try {
    draft.setName(LOG_SHEET_NAME);
    return draft;
  } catch (error) {
    const created = spreadsheet.getSheetByName(LOG_SHEET_NAME);
    if (!created) throw error;
    spreadsheet.deleteSheet(draft);
    return created;
  } finally {
    // insertSheet makes the new sheet active: give the user back the sheet they were working in.
    spreadsheet.setActiveSheet(active, true);
  }
}

/** Under the document lock: the lines in one write below the last row. */
export function appendLog(spreadsheet: Spreadsheet, rows: unknown[][]): void {
  if (rows.length === 0) return;
  appendRows(logSheet(spreadsheet), rows, LOG_HEADERS.length);
}

/**
 * Without the lock: one appendRow per line, each atomic (docs/BEHAVIOUR.md), so two lockless writers never write over each
 * other. A writer under the lock measures the last row and then writes below it (appendLog): a lockless line that
 * lands between those two calls is written over. That window is two calls long and needs a lock held past the wait
 * to open at all; closing it would cost the batched log write of every chunk (one appendRow per line).
 */
export function appendLogWithoutLock(spreadsheet: Spreadsheet, rows: unknown[][]): void {
  if (rows.length === 0) return;
  const sheet = logSheet(spreadsheet);
  for (const row of rows) sheet.appendRow(row);
}
