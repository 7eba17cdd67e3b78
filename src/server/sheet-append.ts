// Appends rows below a sheet's last row in one write. A range past the grid throws ("The coordinates of the
// range are outside the dimensions of the sheet"), so the sheet grows first, by a block of rows at a time so
// that most appends (one per chunk, for the log) need no growing.

import { asLiteralText } from '../core/cell-text';

const GROW_BY = 1000;

/** A new sheet whose first row holds `headers` (as text, never formulas), frozen; at `index` when given. */
export function insertHeadedSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
  headers: string[],
  index?: number,
): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = index === undefined ? spreadsheet.insertSheet(name) : spreadsheet.insertSheet(name, index);
  // A new sheet has 26 columns: keep only those it uses (Sheets counts every cell against its 10-million limit).
  const extra = sheet.getMaxColumns() - headers.length;
  if (extra > 0) sheet.deleteColumns(headers.length + 1, extra);
  sheet.getRange(1, 1, 1, headers.length).setValues([headers.map(asLiteralText)]);
  sheet.setFrozenRows(1);
  return sheet;
}

export function appendRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: unknown[][], width: number): void {
  if (rows.length === 0) return;
  const first = sheet.getLastRow() + 1;
  const missing = first + rows.length - 1 - sheet.getMaxRows();
  if (missing > 0) sheet.insertRowsAfter(sheet.getMaxRows(), Math.max(missing, GROW_BY));
  // The user may have deleted columns of the log or the listing: the rows still go in whole.
  const missingColumns = width - sheet.getMaxColumns();
  if (missingColumns > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), missingColumns);
  sheet.getRange(first, 1, rows.length, width).setValues(rows);
}
