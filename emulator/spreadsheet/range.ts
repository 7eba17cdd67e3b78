/**
 * Apps Script's Range: a rectangle of one sheet. Reference:
 * https://developers.google.com/apps-script/reference/spreadsheet/range
 * Rows and columns are 1-based. Reads and writes add the range's cell count to the workbook's cellsRead /
 * cellsWritten, which is what a script's data volume costs in Sheets.
 */
import { describeArgumentTypes, MESSAGES } from './apps-script-error';
import { Cell, CellValue, hasContent, isDate } from './cell';
import { writeTypedInput } from './cell-writer';
import { displayValue, readValue, reportedNumberFormat } from './display-format';
import { CountedService, Emulation } from './emulation';
import { areaToA1, checkCoordinates, forEachCellOf, RangeArea } from './range-area';
import { realmGrid } from './realm';
import type { Sheet } from './sheet';
import { SheetModel } from './sheet-model';

export interface RangeInternals {
  sheet: SheetModel;
  area: RangeArea;
}

// Kept off the objects so the script sees only Apps Script's methods.
const internals = new WeakMap<object, RangeInternals>();

/** The sheet and area behind a Range the script handed back, or undefined if it is not one of ours. */
export function rangeInternals(range: unknown): RangeInternals | undefined {
  return typeof range === 'object' && range !== null ? internals.get(range) : undefined;
}

export class Range extends CountedService {
  constructor(emulation: Emulation, sheet: SheetModel, area: RangeArea) {
    super('Range', emulation);
    internals.set(this, { sheet, area });
  }

  private get model(): SheetModel {
    return internals.get(this)!.sheet;
  }

  private get area(): RangeArea {
    return internals.get(this)!.area;
  }

  getRow(): number {
    this.called('getRow');
    return this.area.row;
  }

  getColumn(): number {
    this.called('getColumn');
    return this.area.column;
  }

  getNumRows(): number {
    this.called('getNumRows');
    return this.area.numRows;
  }

  getNumColumns(): number {
    this.called('getNumColumns');
    return this.area.numColumns;
  }

  getHeight(): number {
    this.called('getHeight');
    return this.area.numRows;
  }

  getWidth(): number {
    this.called('getWidth');
    return this.area.numColumns;
  }

  /** "Returns the end row position." */
  getLastRow(): number {
    this.called('getLastRow');
    return this.area.row + this.area.numRows - 1;
  }

  /** "Returns the end column position." */
  getLastColumn(): number {
    this.called('getLastColumn');
    return this.area.column + this.area.numColumns - 1;
  }

  /** Without the sheet name; a range made from `A:A` reads back `A:A`, one made from `A1:A1000` reads `A1:A1000`. */
  getA1Notation(): string {
    this.called('getA1Notation');
    return areaToA1(this.area);
  }

  getSheet(): Sheet {
    this.called('getSheet');
    return this.emulation.sheetApi(this.model);
  }

  getGridId(): number {
    this.called('getGridId');
    return this.model.id;
  }

  /** Numbers, booleans, Dates (fresh copies) and strings; '' for empty cells and for formulas (not evaluated). */
  getValues(): CellValue[][] {
    this.called('getValues');
    return this.readAll((cell) => this.valueOf(cell));
  }

  getValue(): CellValue {
    this.called('getValue');
    return this.valueOf(this.readTopLeft());
  }

  getDisplayValues(): string[][] {
    this.called('getDisplayValues');
    const timeZone = this.emulation.book.timeZone;
    return this.readAll((cell) => displayValue(cell, timeZone));
  }

  getDisplayValue(): string {
    this.called('getDisplayValue');
    return displayValue(this.readTopLeft(), this.emulation.book.timeZone);
  }

  getFormulas(): string[][] {
    this.called('getFormulas');
    return this.readAll((cell) => cell?.formula ?? '');
  }

  getFormula(): string {
    this.called('getFormula');
    return this.readTopLeft()?.formula ?? '';
  }

  getNumberFormats(): string[][] {
    this.called('getNumberFormats');
    const timeZone = this.emulation.book.timeZone;
    return this.readAll((cell) => reportedNumberFormat(cell, timeZone));
  }

  getNumberFormat(): string {
    this.called('getNumberFormat');
    return reportedNumberFormat(this.readTopLeft(), this.emulation.book.timeZone);
  }

  getFontWeight(): string {
    this.called('getFontWeight');
    return this.readTopLeft()?.fontWeight ?? 'normal';
  }

  isBlank(): boolean {
    this.called('isBlank');
    const { row, column, numRows, numColumns } = this.area;
    for (let r = row; r < row + numRows; r++) {
      for (let c = column; c < column + numColumns; c++) if (hasContent(this.model.cell(r, c))) return false;
    }
    return true;
  }

  /**
   * Must match the range's dimensions, checked before anything is written: "The number of rows in the data does
   * not match..." (https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluesvalues).
   * Strings are parsed as typed input (typed-input.ts).
   */
  setValues(values: unknown[][]): Range {
    this.called('setValues');
    this.checkGrid(values, 'setValues');
    const { row, column } = this.area;
    values.forEach((rowValues, r) => rowValues.forEach((value, c) => this.write(row + r, column + c, value)));
    this.wrote();
    return this;
  }

  /** Sets every cell of the range to the value. */
  setValue(value: unknown): Range {
    this.called('setValue');
    this.forEachCell((r, c) => this.write(r, c, value));
    this.wrote();
    return this;
  }

  setFormula(formula: string): Range {
    this.called('setFormula');
    this.forEachCell((r, c) => this.write(r, c, formula));
    this.wrote();
    return this;
  }

  /** Clears values and formulas, keeps formats. */
  clearContent(): Range {
    this.called('clearContent');
    this.forEachCell((r, c) => this.model.clearContent(r, c));
    this.wrote();
    return this;
  }

  /** Clears contents and formats. */
  clear(): Range {
    this.called('clear');
    this.forEachCell((r, c) => this.model.removeCell(r, c));
    this.wrote();
    return this;
  }

  clearFormat(): Range {
    this.called('clearFormat');
    this.forEachCell((r, c) => {
      const cell = this.model.cell(r, c);
      if (cell) {
        cell.numberFormat = undefined;
        cell.fontWeight = undefined;
      }
    });
    this.wrote();
    return this;
  }

  setNumberFormat(numberFormat: string): Range {
    this.called('setNumberFormat');
    this.forEachCell((r, c) => (this.model.cellForWrite(r, c).numberFormat = numberFormat));
    this.wrote();
    return this;
  }

  setNumberFormats(numberFormats: string[][]): Range {
    this.called('setNumberFormats');
    this.checkGrid(numberFormats, 'setNumberFormats');
    const { row, column } = this.area;
    numberFormats.forEach((formats, r) =>
      formats.forEach((format, c) => (this.model.cellForWrite(row + r, column + c).numberFormat = format)),
    );
    this.wrote();
    return this;
  }

  /** Stored (getFontWeight reads it back); it changes nothing else. */
  setFontWeight(fontWeight: string | null): Range {
    this.called('setFontWeight');
    this.forEachCell((r, c) => (this.model.cellForWrite(r, c).fontWeight = fontWeight ?? 'normal'));
    this.wrote();
    return this;
  }

  /** Selects this range alone in its sheet, with its top-left cell as the current cell, and activates the sheet. */
  activate(): Range {
    this.called('activate');
    const { book } = this.emulation;
    book.selections.set(this.model, { ranges: [this.area], current: { row: this.area.row, column: this.area.column } });
    book.activate(this.model);
    return this;
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    this.called('offset');
    const area: RangeArea = {
      row: this.area.row + Math.trunc(rowOffset),
      column: this.area.column + Math.trunc(columnOffset),
      numRows: numRows === undefined ? this.area.numRows : Math.trunc(numRows),
      numColumns: numColumns === undefined ? this.area.numColumns : Math.trunc(numColumns),
    };
    const problem = checkCoordinates(this.model, area);
    if (problem) throw this.emulation.book.error(problem);
    return new Range(this.emulation, this.model, area);
  }

  /** A cell of this range, 1-based relative to its top-left. */
  getCell(row: number, column: number): Range {
    this.called('getCell');
    if (row < 1 || column < 1 || row > this.area.numRows || column > this.area.numColumns) {
      throw this.emulation.book.error('Cell reference out of range');
    }
    const area = { row: this.area.row + row - 1, column: this.area.column + column - 1, numRows: 1, numColumns: 1 };
    return new Range(this.emulation, this.model, area);
  }

  /** This emulation has no merged cells. */
  getMergedRanges(): Range[] {
    this.called('getMergedRanges');
    return new this.emulation.book.realm.Array() as Range[];
  }

  isPartOfMerge(): boolean {
    this.called('isPartOfMerge');
    return false;
  }

  private valueOf(cell: Cell | undefined): CellValue {
    const value = readValue(cell, this.emulation.book.timeZone);
    return isDate(value) ? new this.emulation.book.realm.Date(value.getTime()) : value;
  }

  private readAll<T>(read: (cell: Cell | undefined) => T): T[][] {
    const { row, column, numRows, numColumns } = this.area;
    const { book } = this.emulation;
    book.cellsRead += numRows * numColumns;
    return realmGrid(book.realm, numRows, numColumns, (r, c) => read(this.model.cell(row + r, column + c)));
  }

  private readTopLeft(): Cell | undefined {
    this.emulation.book.cellsRead += 1;
    return this.model.cell(this.area.row, this.area.column);
  }

  private write(row: number, column: number, value: unknown): void {
    writeTypedInput(this.model, row, column, value, this.emulation.book);
  }

  private forEachCell(action: (row: number, column: number) => void): void {
    forEachCellOf(this.area, action);
  }

  private wrote(): void {
    const { book } = this.emulation;
    book.cellsWritten += this.area.numRows * this.area.numColumns;
    book.version++;
  }

  private checkGrid(grid: unknown, method: string): void {
    const { book } = this.emulation;
    if (!Array.isArray(grid) || !grid.every((row) => Array.isArray(row))) {
      throw book.error(MESSAGES.signatureMismatch(describeArgumentTypes([grid]), `SpreadsheetApp.Range.${method}`));
    }
    if (grid.length !== this.area.numRows) throw book.error(MESSAGES.rowsMismatch(grid.length, this.area.numRows));
    for (const row of grid as unknown[][]) {
      if (row.length !== this.area.numColumns) {
        throw book.error(MESSAGES.columnsMismatch(row.length, this.area.numColumns));
      }
    }
  }
}
