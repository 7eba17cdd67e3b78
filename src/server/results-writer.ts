// Writes result rows where core/chunk-settlement.ts placed them: the missing result columns' headers first,
// then one setValues per block. Only result columns are ever written. The caller holds the document lock.
import { Block, Placement, RowToWrite, placeRows, resultBlocks } from '../core/chunk-settlement';
import { headerProblem, layoutResultColumns } from '../core/result-columns';
import { asLiteralText } from '../core/cell-text';
import { findCells } from './id-cells';
import { UserFacingError } from './user-facing-error';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function ensureResultColumns(sheet: Sheet, headerRow: number) {
  const lastColumn = sheet.getLastColumn();
  const headers = lastColumn > 0 ? sheet.getRange(headerRow, 1, 1, lastColumn).getDisplayValues()[0] : [];
  const problem = headerProblem(headers);
  if (problem) throw new UserFacingError(problem);
  const layout = layoutResultColumns(headers, lastColumn);
  if (layout.created.length > 0) {
    const first = layout.created[0].column;
    const missing = first + layout.created.length - 1 - sheet.getMaxColumns();
    if (missing > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), missing);
    // Created columns are consecutive, right of the data: one write.
    sheet
      .getRange(headerRow, first, 1, layout.created.length)
      .setValues([layout.created.map((c) => asLiteralText(c.header))]);
  }
  return layout.columns;
}

function writeBlock(sheet: Sheet, block: Block): void {
  sheet.getRange(block.row, block.column, block.values.length, block.values[0].length).setValues(block.values);
}

export function writeResults(sheet: Sheet, headerRow: number, rows: RowToWrite[]): Placement {
  if (rows.length === 0) return placeRows([], []);
  const columns = ensureResultColumns(sheet, headerRow);
  const placement = placeRows(rows, findCells(sheet, headerRow, rows));
  for (const block of resultBlocks(columns, placement.rows)) writeBlock(sheet, block);
  return placement;
}
