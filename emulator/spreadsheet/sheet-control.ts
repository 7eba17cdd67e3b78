/**
 * The control API for one sheet: what a user does in the Sheets UI (type, insert/delete/sort rows, hide rows,
 * filter, freeze) and how tests and the playground read the sheet back. Nothing here is counted, neither as a
 * service call nor as cells read or written.
 */
import { parseA1 } from './a1-notation';
import { CellValue } from './cell';
import { writeTypedInput } from './cell-writer';
import { displayValue, readValue, reportedNumberFormat } from './display-format';
import { Emulation } from './emulation';
import { areaFromReference, forEachCellOf } from './range-area';
import { deleteRowsOf } from './sheet';
import { SheetModel } from './sheet-model';

/** The contract in emulator/README.md. */
export interface SheetControl {
  readonly name: string;
  readonly id: number;
  type(row: number, column: number, input: unknown): void; // as typed by a user: '=...' is a formula, '12' a number
  values(): unknown[][]; // data range as getValues() returns it
  displayValues(): string[][];
  formulas(): string[][];
  cell(row: number, column: number): { value: unknown; display: string; formula: string; numberFormat: string };
  setFrozenRows(n: number): void;
  hideRowsByUser(row: number, count: number): void;
  hideRowsByFilter(rows: number[]): void;
  showAllRows(): void;
  insertRowsBefore(row: number, count: number): void; // what a user does mid-run
  deleteRows(row: number, count: number): void;
  deleteColumns(column: number, count: number): void; // Edit > Delete column, as a user would mid-run
  sortRows(startRow: number, column: number, ascending: boolean): void;
  // Added to the contract's members:
  readonly maxRows: number;
  readonly maxColumns: number;
  readonly frozenRows: number;
  readonly lastRow: number;
  readonly lastColumn: number;
  paste(row: number, column: number, rows: unknown[][]): void; // a block of typed input, top-left at (row, column)
  setNumberFormat(a1: string, numberFormat: string): void; // Format > Number on a range of this sheet
  isRowHiddenByUser(row: number): boolean;
  isRowHiddenByFilter(row: number): boolean;
}

export class ModelSheetControl implements SheetControl {
  constructor(
    private readonly emulation: Emulation,
    private readonly model: SheetModel,
  ) {}

  get name(): string {
    return this.model.name;
  }

  get id(): number {
    return this.model.id;
  }

  get maxRows(): number {
    return this.model.maxRows;
  }

  get maxColumns(): number {
    return this.model.maxColumns;
  }

  get frozenRows(): number {
    return this.model.frozenRows;
  }

  get lastRow(): number {
    return this.model.lastRow();
  }

  get lastColumn(): number {
    return this.model.lastColumn();
  }

  type(row: number, column: number, input: unknown): void {
    writeTypedInput(this.model, row, column, input, this.emulation.book);
    this.changed();
  }

  /** Pastes a block of typed input with its top-left at (row, column). */
  paste(row: number, column: number, rows: unknown[][]): void {
    const { book } = this.emulation;
    rows.forEach((values, r) => values.forEach((v, c) => writeTypedInput(this.model, row + r, column + c, v, book)));
    this.changed();
  }

  /** Format > Number on an A1 range of this sheet, e.g. setNumberFormat('B:B', '@'). */
  setNumberFormat(a1: string, numberFormat: string): void {
    const ref = parseA1(a1);
    const area = ref && areaFromReference(this.model, ref);
    if (!area || typeof area === 'string') throw new Error(`Not a range of this sheet: ${a1}`);
    forEachCellOf(area, (r, c) => (this.model.cellForWrite(r, c).numberFormat = numberFormat));
    this.changed();
  }

  values(): unknown[][] {
    const { timeZone } = this.emulation.book;
    return this.dataGrid((r, c) => readValue(this.model.cell(r, c), timeZone));
  }

  displayValues(): string[][] {
    const { timeZone } = this.emulation.book;
    return this.dataGrid((r, c) => displayValue(this.model.cell(r, c), timeZone));
  }

  formulas(): string[][] {
    return this.dataGrid((r, c) => this.model.cell(r, c)?.formula ?? '');
  }

  cell(row: number, column: number): { value: CellValue; display: string; formula: string; numberFormat: string } {
    const { timeZone } = this.emulation.book;
    const cell = this.model.cell(row, column);
    return {
      value: readValue(cell, timeZone),
      display: displayValue(cell, timeZone),
      formula: cell?.formula ?? '',
      numberFormat: reportedNumberFormat(cell, timeZone),
    };
  }

  isRowHiddenByUser(row: number): boolean {
    return this.model.isHiddenByUser(row);
  }

  isRowHiddenByFilter(row: number): boolean {
    return this.model.isHiddenByFilter(row);
  }

  setFrozenRows(n: number): void {
    this.model.frozenRows = n;
    this.changed();
  }

  hideRowsByUser(row: number, count: number): void {
    for (let r = row; r < row + count; r++) this.model.setHiddenByUser(r, true);
    this.changed();
  }

  /** Hides these rows as a filter would; Sheet.getFilter() then returns a filter. */
  hideRowsByFilter(rows: number[]): void {
    for (const row of rows) this.model.setHiddenByFilter(row, true);
    this.changed();
  }

  showAllRows(): void {
    this.model.showAllRows();
    this.changed();
  }

  /** Inserts blank rows; the rows below move down with their contents, formats and hidden state. */
  insertRowsBefore(row: number, count: number): void {
    this.model.insertRows(row, count);
    this.changed();
  }

  deleteRows(row: number, count: number): void {
    deleteRowsOf(this.emulation, this.model, row, count);
  }

  deleteColumns(column: number, count: number): void {
    this.model.deleteColumns(column, count);
    this.changed();
  }

  /** Data > Sort range from startRow to the last row with content, by one column. */
  sortRows(startRow: number, column: number, ascending: boolean): void {
    const endRow = this.model.lastRow();
    if (endRow > startRow) this.model.sortRows(startRow, endRow, column, ascending);
    this.changed();
  }

  private dataGrid<T>(read: (row: number, column: number) => T): T[][] {
    const numRows = Math.max(this.model.lastRow(), 1);
    const numColumns = Math.max(this.model.lastColumn(), 1);
    return Array.from({ length: numRows }, (_, r) => Array.from({ length: numColumns }, (_, c) => read(r + 1, c + 1)));
  }

  private changed(): void {
    this.emulation.book.version++;
  }
}
