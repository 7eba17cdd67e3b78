// Reads the texts of job ID cells for core/cell-location.ts: the user may sort, insert, edit or delete rows
// while a run goes on, so every read stays inside the sheet's grid as it is now (a range past it throws
// "The coordinates of the range are outside the dimensions of the sheet").
import {
  ColumnSpan,
  ColumnTexts,
  ExpectedCell,
  LocatedCell,
  columnsToReadWhole,
  locateCells,
  spansToRead,
} from '../core/cell-location';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

interface Grid {
  rows: number;
  columns: number;
}

function gridOf(sheet: Sheet): Grid {
  return { rows: sheet.getMaxRows(), columns: sheet.getMaxColumns() };
}

/** Displayed texts, trimmed, of rows first..last of one column (fewer where the grid ends): one read. */
export function readColumn(sheet: Sheet, column: number, first: number, last: number, grid = gridOf(sheet)): string[] {
  const end = Math.min(last, grid.rows);
  if (end < first || column > grid.columns) return [];
  return sheet
    .getRange(first, column, end - first + 1, 1)
    .getDisplayValues()
    .map((r) => r[0].trim());
}

function readSpans(sheet: Sheet, spans: ColumnSpan[], grid: Grid): ColumnTexts[] {
  return spans.map((s) => ({
    column: s.column,
    first: s.first,
    texts: readColumn(sheet, s.column, s.first, s.last, grid),
  }));
}

/** Where the expected cells' texts are now: one read per column, and the whole column only if one moved. */
export function findCells(sheet: Sheet, headerRow: number, expected: ExpectedCell[]): LocatedCell[] {
  const grid = gridOf(sheet);
  const spans = readSpans(sheet, spansToRead(expected), grid);
  const lost = columnsToReadWhole(expected, spans);
  const lastRow = lost.length > 0 ? sheet.getLastRow() : 0;
  const whole = readSpans(
    sheet,
    lost.map((column) => ({ column, first: headerRow + 1, last: lastRow })),
    grid,
  );
  return locateCells(expected, spans, whole);
}
