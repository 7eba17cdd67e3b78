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

/** Adds rows (a block at a time) and columns (the user may have deleted some) so that the rows fit. */
function growToFit(sheet: GoogleAppsScript.Spreadsheet.Sheet, lastRow: number, width: number): void {
  const missing = lastRow - sheet.getMaxRows();
  if (missing > 0) sheet.insertRowsAfter(sheet.getMaxRows(), Math.max(missing, GROW_BY));
  const missingColumns = width - sheet.getMaxColumns();
  if (missingColumns > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), missingColumns);
}

/**
 * Writes the rows below the last one. The grid is measured only when the write does not fit (the sheet grows by a
 * block of rows, so that happens once per GROW_BY rows, or after the user deleted columns): each measure is a
 * round trip to the spreadsheet, paid by every chunk otherwise.
 */
export function appendRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: unknown[][], width: number): void {
  if (rows.length === 0) return;
  const first = sheet.getLastRow() + 1;
  const write = () => sheet.getRange(first, 1, rows.length, width).setValues(rows);
  try {
    write();
  } catch {
    // "The coordinates of the range are outside the dimensions of the sheet": grow, then write once more (a
    // second failure is a real one and reaches the caller).
    growToFit(sheet, first + rows.length - 1, width);
    write();
  }
}
