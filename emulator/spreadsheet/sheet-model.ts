/**
 * One sheet's grid, stored sparsely by row so that work is proportional to the cells touched: a 5,000-row sheet
 * costs 5,000 row entries, and an untouched row costs nothing. Rows carry their cells and their hidden state, so
 * inserting, deleting or sorting rows moves contents, formats and hidden state together, as Sheets does.
 * This is internal state; the Apps Script objects (sheet.ts, range.ts) and the control API (sheet-control.ts) use it.
 */
import { Cell, CellValue, hasContent, isDate } from './cell';

interface Row {
  cells: (Cell | undefined)[]; // index column - 1
  hiddenByUser: boolean;
  hiddenByFilter: boolean;
}

/** A new sheet's grid in Sheets: 1000 rows by 26 columns. */
export const DEFAULT_MAX_ROWS = 1000;
export const DEFAULT_MAX_COLUMNS = 26;

export class SheetModel {
  private rows: (Row | undefined)[] = []; // index row - 1
  private contentVersion = 0;
  private extentCache: { version: number; lastRow: number; lastColumn: number } | null = null;
  frozenRows = 0;

  constructor(
    public name: string,
    readonly id: number,
    public maxRows = DEFAULT_MAX_ROWS,
    public maxColumns = DEFAULT_MAX_COLUMNS,
  ) {}

  cell(row: number, column: number): Cell | undefined {
    return this.rows[row - 1]?.cells[column - 1];
  }

  /** The cell, created when missing (the grid grows to hold it). */
  cellForWrite(row: number, column: number): Cell {
    this.growTo(row, column);
    const cells = this.rowForWrite(row).cells;
    let cell = cells[column - 1];
    if (!cell) {
      cell = { value: '', formula: '' };
      cells[column - 1] = cell;
    }
    return cell;
  }

  setContent(row: number, column: number, value: CellValue, formula: string): Cell {
    const cell = this.cellForWrite(row, column);
    cell.value = value;
    cell.formula = formula;
    this.contentVersion++;
    return cell;
  }

  clearContent(row: number, column: number): void {
    const cell = this.cell(row, column);
    if (!cell) return;
    cell.value = '';
    cell.formula = '';
    this.contentVersion++;
  }

  /** Removes content and formats (Range.clear()). */
  removeCell(row: number, column: number): void {
    const cells = this.rows[row - 1]?.cells;
    if (!cells?.[column - 1]) return;
    cells[column - 1] = undefined;
    this.contentVersion++;
  }

  /** Sheet.clear / clearContents / clearFormats. */
  clearAll(contents: boolean, formats: boolean): void {
    for (const row of this.rows) {
      for (const cell of row?.cells ?? []) {
        if (!cell) continue;
        if (contents) {
          cell.value = '';
          cell.formula = '';
        }
        if (formats) {
          cell.numberFormat = undefined;
          cell.fontWeight = undefined;
        }
      }
    }
    this.contentVersion++;
  }

  growTo(row: number, column: number): void {
    if (row > this.maxRows) this.maxRows = row;
    if (column > this.maxColumns) this.maxColumns = column;
  }

  /** Sheet.getLastRow(): the last row with content (a value or a formula; formats do not count), 0 when empty. */
  lastRow(): number {
    return this.extent().lastRow;
  }

  /** Sheet.getLastColumn(): the last column with content, 0 when empty. */
  lastColumn(): number {
    return this.extent().lastColumn;
  }

  private extent(): { lastRow: number; lastColumn: number } {
    if (this.extentCache?.version === this.contentVersion) return this.extentCache;
    let lastRow = 0;
    let lastColumn = 0;
    for (let r = 0; r < this.rows.length; r++) {
      const cells = this.rows[r]?.cells;
      if (!cells) continue;
      for (let c = cells.length - 1; c >= 0; c--) {
        if (hasContent(cells[c])) {
          lastRow = r + 1;
          if (c + 1 > lastColumn) lastColumn = c + 1;
          break;
        }
      }
    }
    this.extentCache = { version: this.contentVersion, lastRow, lastColumn };
    return this.extentCache;
  }

  isHiddenByUser(row: number): boolean {
    return this.rows[row - 1]?.hiddenByUser ?? false;
  }

  isHiddenByFilter(row: number): boolean {
    return this.rows[row - 1]?.hiddenByFilter ?? false;
  }

  setHiddenByUser(row: number, hidden: boolean): void {
    if (hidden || this.rows[row - 1]) this.rowForWrite(row).hiddenByUser = hidden;
  }

  setHiddenByFilter(row: number, hidden: boolean): void {
    if (hidden || this.rows[row - 1]) this.rowForWrite(row).hiddenByFilter = hidden;
  }

  /** Rows hidden by a filter, ascending. */
  rowsHiddenByFilter(): number[] {
    const hidden: number[] = [];
    this.rows.forEach((row, index) => {
      if (row?.hiddenByFilter) hidden.push(index + 1);
    });
    return hidden;
  }

  showAllRows(): void {
    for (const row of this.rows) {
      if (row) {
        row.hiddenByUser = false;
        row.hiddenByFilter = false;
      }
    }
  }

  /** Inserts `count` blank rows before `row`; the rows from `row` down shift with their contents and state. */
  insertRows(row: number, count: number): void {
    if (row - 1 < this.rows.length) this.rows.splice(row - 1, 0, ...new Array<Row | undefined>(count));
    this.maxRows += count;
    if (row <= this.frozenRows) this.frozenRows += count;
    this.contentVersion++;
  }

  deleteRows(row: number, count: number): void {
    this.rows.splice(row - 1, count);
    this.maxRows -= count;
    const frozenDeleted = Math.max(0, Math.min(this.frozenRows, row + count - 1) - row + 1);
    this.frozenRows -= frozenDeleted;
    this.contentVersion++;
  }

  /** Inserts `count` blank columns before `column`; cells from `column` rightwards shift. */
  insertColumns(column: number, count: number): void {
    for (const row of this.rows) {
      if (row && column - 1 < row.cells.length) row.cells.splice(column - 1, 0, ...new Array<Cell | undefined>(count));
    }
    this.maxColumns += count;
    this.contentVersion++;
  }

  deleteColumns(column: number, count: number): void {
    for (const row of this.rows) row?.cells.splice(column - 1, count);
    this.maxColumns -= count;
    this.contentVersion++;
  }

  /**
   * Sorts rows startRow..endRow by one column, as Data > Sort range does: cells (values and formats) move with
   * their row; empty cells go last in either order; numbers and dates before text before booleans ascending. Hidden
   * state belongs to the row position and stays.
   */
  sortRows(startRow: number, endRow: number, column: number, ascending: boolean): void {
    const indexes = Array.from({ length: endRow - startRow + 1 }, (_, i) => startRow - 1 + i);
    const entries = indexes.map((index) => ({ cells: this.rows[index]?.cells ?? [], index }));
    entries.sort((a, b) => compareForSort(a.cells[column - 1], b.cells[column - 1], ascending) || a.index - b.index);
    entries.forEach((entry, i) => {
      const target = indexes[i];
      const row = this.rows[target];
      if (row) row.cells = entry.cells;
      else if (entry.cells.length > 0)
        this.rows[target] = { cells: entry.cells, hiddenByUser: false, hiddenByFilter: false };
    });
    this.contentVersion++;
  }

  private rowForWrite(row: number): Row {
    let entry = this.rows[row - 1];
    if (!entry) {
      entry = { cells: [], hiddenByUser: false, hiddenByFilter: false };
      this.rows[row - 1] = entry;
    }
    return entry;
  }
}

function sortRank(value: CellValue): number {
  if (typeof value === 'number' || isDate(value)) return 0;
  if (typeof value === 'string') return 1;
  return 2;
}

/** Dates sort among numbers by their day count (UTC is close enough for ordering mixed cells). */
function sortNumber(value: CellValue): number {
  return isDate(value) ? value.getTime() / 86_400_000 + 25_569 : Number(value);
}

function compareForSort(a: Cell | undefined, b: Cell | undefined, ascending: boolean): number {
  const aEmpty = !hasContent(a);
  const bEmpty = !hasContent(b);
  if (aEmpty || bEmpty) return aEmpty === bEmpty ? 0 : aEmpty ? 1 : -1;
  const av = a!.value;
  const bv = b!.value;
  let order = sortRank(av) - sortRank(bv);
  if (order === 0) {
    if (typeof av === 'string' && typeof bv === 'string') order = av.localeCompare(bv, 'en', { sensitivity: 'base' });
    else order = sortNumber(av) - sortNumber(bv);
  }
  return ascending ? order : -order;
}
