// Writes result rows where core/chunk-settlement.ts placed them: the missing result columns' headers first,
// then one setValues per block. Only result columns are ever written. The caller holds the document lock.
import { Block, Placement, RowToWrite, placeRows, resultBlocks, writtenBefore } from '../core/chunk-settlement';
import { layoutResultColumns } from '../core/result-columns';
import { headerRowProblem } from '../core/header-row';
import { asLiteralText } from '../core/cell-text';
import { findCells } from './id-cells';
import { UserFacingError } from './user-facing-error';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Where the header row is, and what identifies it: the job IDs' columns, and whether it is frozen. */
export interface HeaderAt {
  row: number;
  idColumns: number[];
  frozen: boolean;
}

function ensureResultColumns(sheet: Sheet, header: HeaderAt) {
  const headerRow = header.row;
  const lastColumn = sheet.getLastColumn();
  const headers = lastColumn > 0 ? sheet.getRange(headerRow, 1, 1, lastColumn).getDisplayValues()[0] : [];
  const problem = headerRowProblem(headers, header.idColumns, header.frozen);
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

/** Writing stopped partway: `placement` holds only the rows that were written before `cause`. */
export class PartialWriteError extends Error {
  constructor(
    readonly cause: unknown,
    readonly placement: Placement,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

export function writeResults(sheet: Sheet, header: HeaderAt, rows: RowToWrite[]): Placement {
  if (rows.length === 0) return placeRows([], []);
  const columns = ensureResultColumns(sheet, header);
  const placement = placeRows(rows, findCells(sheet, header.row, rows));
  const blocks = resultBlocks(columns, placement.rows);
  blocks.forEach((block, i) => {
    try {
      writeBlock(sheet, block);
    } catch (error) {
      throw new PartialWriteError(error, writtenBefore(placement, blocks, i));
    }
  });
  return placement;
}
