/**
 * The rectangle a Range covers, and how it was addressed (a whole-column range reads back as `A:A`), with the
 * argument checks Sheet.getRange applies. Reference: https://developers.google.com/apps-script/reference/spreadsheet/sheet#getrangerow,-column,-numrows,-numcolumns
 */
import { A1Reference, formatA1, parseA1 } from './a1-notation';
import { MESSAGES } from './apps-script-error';
import { SheetModel } from './sheet-model';

export interface RangeArea {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  /** 'all' for `A:B` (rows 1..max), 'fromRow' for `A2:B` (row 2..max), absent for bounded rows. */
  openRows?: 'all' | 'fromRow';
  /** Whole rows (`2:5`): columns 1..max. */
  openColumns?: boolean;
}

export function areaToA1(area: RangeArea): string {
  const ref: A1Reference = {
    startRow: area.openRows === 'all' ? undefined : area.row,
    endRow: area.openRows ? undefined : area.row + area.numRows - 1,
    startColumn: area.openColumns ? undefined : area.column,
    endColumn: area.openColumns ? undefined : area.column + area.numColumns - 1,
  };
  return formatA1(ref);
}

export function containsCell(area: RangeArea, row: number, column: number): boolean {
  return (
    row >= area.row && row < area.row + area.numRows && column >= area.column && column < area.column + area.numColumns
  );
}

/**
 * Checks getRange(row, column, numRows, numColumns) arguments in the order Sheets does; returns the message of the
 * first failure, or null. The grid does not grow for a range beyond it.
 */
export function checkCoordinates(sheet: SheetModel, area: RangeArea): string | null {
  if (area.row < 1) return MESSAGES.startRowTooSmall;
  if (area.column < 1) return MESSAGES.startColumnTooSmall;
  if (area.numRows < 1) return MESSAGES.numRowsTooSmall;
  if (area.numColumns < 1) return MESSAGES.numColumnsTooSmall;
  if (area.row + area.numRows - 1 > sheet.maxRows || area.column + area.numColumns - 1 > sheet.maxColumns) {
    return MESSAGES.outsideSheet;
  }
  return null;
}

/** The area an A1 reference covers on `sheet` (open bounds reach the grid's edge), or an error message. */
export function areaFromReference(sheet: SheetModel, ref: A1Reference): RangeArea | string {
  const row = ref.startRow ?? 1;
  const column = ref.startColumn ?? 1;
  const endRow = ref.endRow ?? sheet.maxRows;
  const endColumn = ref.endColumn ?? sheet.maxColumns;
  const area: RangeArea = { row, column, numRows: endRow - row + 1, numColumns: endColumn - column + 1 };
  if (ref.endRow === undefined) area.openRows = ref.startRow === undefined ? 'all' : 'fromRow';
  if (ref.startColumn === undefined) area.openColumns = true;
  if (row > sheet.maxRows || column > sheet.maxColumns) return MESSAGES.outsideSheet;
  return checkCoordinates(sheet, area) ?? area;
}

/** Parses A1 text into a sheet name (if given) and an area; an error message when Sheets would throw. */
export function resolveA1(
  a1: string,
  sheetNamed: (name: string) => SheetModel | undefined,
  defaultSheet: SheetModel,
): { sheet: SheetModel; area: RangeArea } | string {
  const ref = parseA1(a1);
  if (!ref) return MESSAGES.rangeNotFound;
  const sheet = ref.sheetName === undefined ? defaultSheet : sheetNamed(ref.sheetName);
  if (!sheet) return MESSAGES.rangeNotFound;
  const area = areaFromReference(sheet, ref);
  return typeof area === 'string' ? area : { sheet, area };
}

/** Calls `action` for each cell of the area, row by row. */
export function forEachCellOf(area: RangeArea, action: (row: number, column: number) => void): void {
  const { row, column, numRows, numColumns } = area;
  for (let r = row; r < row + numRows; r++) for (let c = column; c < column + numColumns; c++) action(r, c);
}
