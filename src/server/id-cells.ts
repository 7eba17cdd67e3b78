// Reads the texts of job ID cells for core/cell-location.ts: the user may sort, insert, edit or delete rows
// while a run goes on, so every read stays inside the sheet's data as it is now (a range past it throws
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

/** The part of the sheet that holds anything: rows and columns past it are empty, or past the grid. */
interface DataExtent {
  rows: number;
  columns: number;
}

/** `lastColumn`: when the caller has just read it (under the same lock), not read again. */
function dataExtentOf(sheet: Sheet, lastColumn?: number): DataExtent {
  return { rows: sheet.getLastRow(), columns: lastColumn ?? sheet.getLastColumn() };
}

/**
 * Displayed texts, trimmed, of rows first..last of one column, cut at the data's extent (what lies past it is
 * empty, and may be past the grid after rows or columns were deleted): one read at most.
 */
function readColumn(sheet: Sheet, column: number, first: number, last: number, extent: DataExtent): string[] {
  const end = Math.min(last, extent.rows);
  if (end < first || column > extent.columns) return [];
  return sheet
    .getRange(first, column, end - first + 1, 1)
    .getDisplayValues()
    .map((r) => r[0].trim());
}

function readSpans(sheet: Sheet, spans: ColumnSpan[], extent: DataExtent): ColumnTexts[] {
  return spans.map((s) => ({
    column: s.column,
    first: s.first,
    texts: readColumn(sheet, s.column, s.first, s.last, extent),
  }));
}

/** Where the expected cells' texts are now: one read per column, and the whole column only if one moved. */
export function findCells(
  sheet: Sheet,
  headerRow: number,
  expected: ExpectedCell[],
  lastColumn?: number,
): LocatedCell[] {
  const extent = dataExtentOf(sheet, lastColumn);
  const spans = readSpans(sheet, spansToRead(expected), extent);
  const whole = readSpans(
    sheet,
    columnsToReadWhole(expected, spans).map((column) => ({ column, first: headerRow + 1, last: extent.rows })),
    extent,
  );
  return locateCells(expected, spans, whole);
}
