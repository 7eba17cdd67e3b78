// Appends to the "AODocs Jobs log" sheet, created on first use. Called under the document lock: two chunks
// appending at once would otherwise both write after the same last row.
import { LOG_HEADERS, LOG_SHEET_NAME } from '../core/log-rows';
import { appendRows, insertHeadedSheet } from './sheet-append';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function logSheet(spreadsheet: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  const existing = spreadsheet.getSheetByName(LOG_SHEET_NAME);
  if (existing) return existing;
  const active = spreadsheet.getActiveSheet();
  const sheet = insertHeadedSheet(spreadsheet, LOG_SHEET_NAME, LOG_HEADERS, spreadsheet.getSheets().length);
  // insertSheet makes the new sheet active: give the user back the sheet they were working in.
  spreadsheet.setActiveSheet(active, true);
  return sheet;
}

export function appendLog(spreadsheet: Spreadsheet, rows: unknown[][]): void {
  if (rows.length === 0) return;
  appendRows(logSheet(spreadsheet), rows, LOG_HEADERS.length);
}
