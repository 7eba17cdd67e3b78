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

function dataExtentOf(sheet: Sheet): DataExtent {
  return { rows: sheet.getLastRow(), columns: sheet.getLastColumn() };
}

/** No bound: the read is tried as asked, and cut at the data only if the grid no longer reaches that far. */
const UNBOUNDED: DataExtent = { rows: Number.MAX_SAFE_INTEGER, columns: Number.MAX_SAFE_INTEGER };

/**
 * Displayed texts, trimmed, of rows first..last of one column, cut at `extent` (what lies past the data is empty,
 * and may be past the grid after rows or columns were deleted): one read at most.
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

/**
 * The chunk's spans as they are. Measuring the data's extent first would cost two round trips to the spreadsheet
 * in every chunk; the spans are read as planned, and only when the grid no longer reaches them ("The coordinates
 * of the range are outside the dimensions of the sheet": rows or columns were deleted) is the extent measured and
 * the reads cut at it.
 */
function readSpansAsPlanned(sheet: Sheet, spans: ColumnSpan[]): ColumnTexts[] {
  try {
    return readSpans(sheet, spans, UNBOUNDED);
  } catch {
    return readSpans(sheet, spans, dataExtentOf(sheet));
  }
}

/** Where the expected cells' texts are now: one read per column, and the whole column only if one moved. */
export function findCells(sheet: Sheet, headerRow: number, expected: ExpectedCell[]): LocatedCell[] {
  const spans = readSpansAsPlanned(sheet, spansToRead(expected));
  const lost = columnsToReadWhole(expected, spans);
  const extent = lost.length > 0 ? dataExtentOf(sheet) : UNBOUNDED;
  const whole = readSpans(
    sheet,
    lost.map((column) => ({ column, first: headerRow + 1, last: extent.rows })),
    extent,
  );
  return locateCells(expected, spans, whole);
}
