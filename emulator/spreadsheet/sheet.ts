/**
 * Apps Script's Sheet (https://developers.google.com/apps-script/reference/spreadsheet/sheet). One object per
 * sheet, returned every time (emulation.sheetApi), so scripts may compare sheets by identity.
 */
import { describeArgumentTypes, MESSAGES } from './apps-script-error';
import { writeTypedInput } from './cell-writer';
import { CountedService, Emulation } from './emulation';
import { Filter } from './filter';
import { Range } from './range';
import { checkCoordinates, RangeArea, resolveA1 } from './range-area';
import { RangeList } from './range-list';
import { SheetModel } from './sheet-model';
import type { Spreadsheet } from './spreadsheet';

const models = new WeakMap<object, SheetModel>();

/** The model behind a Sheet the script handed back, or undefined if it is not one of ours. */
export function sheetModelOf(sheet: unknown): SheetModel | undefined {
  return typeof sheet === 'object' && sheet !== null ? models.get(sheet) : undefined;
}

export class Sheet extends CountedService {
  constructor(emulation: Emulation, model: SheetModel) {
    super('Sheet', emulation);
    models.set(this, model);
  }

  private get model(): SheetModel {
    return models.get(this)!;
  }

  getName(): string {
    this.called('getName');
    return this.model.name;
  }

  setName(name: string): Sheet {
    this.called('setName');
    const existing = this.emulation.book.findSheet(name);
    if (existing && existing !== this.model) throw this.emulation.book.error(MESSAGES.duplicateSheet(name));
    this.model.name = name;
    this.emulation.book.version++;
    return this;
  }

  getSheetId(): number {
    this.called('getSheetId');
    return this.model.id;
  }

  /** 1-based position among the tabs. */
  getIndex(): number {
    this.called('getIndex');
    return this.emulation.book.sheets.indexOf(this.model) + 1;
  }

  getParent(): Spreadsheet {
    this.called('getParent');
    return this.emulation.spreadsheetApi();
  }

  /** "Activates this sheet. Does not alter the sheet itself, only the parent's notion of the active sheet." */
  activate(): Sheet {
    this.called('activate');
    this.emulation.book.activate(this.model);
    return this;
  }

  /**
   * getRange(a1Notation) or getRange(row, column, numRows?, numColumns?), 1-based. Throws Apps Script's messages
   * for a start before row/column 1, a size below 1, a range beyond the grid, or A1 text it cannot read.
   */
  getRange(a1Notation: string): Range;
  getRange(row: number, column: number, numRows?: number, numColumns?: number): Range;
  getRange(...args: unknown[]): Range {
    this.called('getRange');
    return rangeFromArguments(this.emulation, this.model, args, 'SpreadsheetApp.Sheet.getRange');
  }

  getRangeList(a1Notations: string[]): RangeList {
    this.called('getRangeList');
    const { book } = this.emulation;
    const areas = a1Notations.map((a1) => {
      // A range list stays in one sheet: a prefix naming another sheet is not found.
      const sameSheet = (name: string) => (book.findSheet(name) === this.model ? this.model : undefined);
      const resolved = resolveA1(a1, sameSheet, this.model);
      if (typeof resolved === 'string') throw book.error(resolved);
      return resolved.area;
    });
    return new RangeList(this.emulation, this.model, areas);
  }

  /** "A Range corresponding to the dimensions in which data is present": A1 to (last row, last column); A1 when empty. */
  getDataRange(): Range {
    this.called('getDataRange');
    const numRows = Math.max(this.model.lastRow(), 1);
    const numColumns = Math.max(this.model.lastColumn(), 1);
    return new Range(this.emulation, this.model, { row: 1, column: 1, numRows, numColumns });
  }

  /** "The position of the last row that has content"; 0 for an empty sheet. */
  getLastRow(): number {
    this.called('getLastRow');
    return this.model.lastRow();
  }

  getLastColumn(): number {
    this.called('getLastColumn');
    return this.model.lastColumn();
  }

  getMaxRows(): number {
    this.called('getMaxRows');
    return this.model.maxRows;
  }

  getMaxColumns(): number {
    this.called('getMaxColumns');
    return this.model.maxColumns;
  }

  getFrozenRows(): number {
    this.called('getFrozenRows');
    return this.model.frozenRows;
  }

  setFrozenRows(rows: number): Sheet {
    this.called('setFrozenRows');
    this.model.frozenRows = rows;
    this.emulation.book.version++;
    return this;
  }

  getFrozenColumns(): number {
    this.called('getFrozenColumns');
    return 0;
  }

  isRowHiddenByUser(rowPosition: number): boolean {
    this.called('isRowHiddenByUser');
    return this.model.isHiddenByUser(rowPosition);
  }

  isRowHiddenByFilter(rowPosition: number): boolean {
    this.called('isRowHiddenByFilter');
    return this.model.isHiddenByFilter(rowPosition);
  }

  /** 1-based, like the rest of the service. */
  hideRows(rowIndex: number, numRows = 1): void {
    this.called('hideRows');
    this.checkRows(rowIndex, numRows);
    for (let r = rowIndex; r < rowIndex + numRows; r++) this.model.setHiddenByUser(r, true);
    this.emulation.book.version++;
  }

  /** Unhides rows hidden by the user; rows a filter hides stay hidden. */
  showRows(rowIndex: number, numRows = 1): void {
    this.called('showRows');
    this.checkRows(rowIndex, numRows);
    for (let r = rowIndex; r < rowIndex + numRows; r++) this.model.setHiddenByUser(r, false);
    this.emulation.book.version++;
  }

  /** The sheet's filter, or null. In this emulation a filter exists while it hides rows (control hideRowsByFilter). */
  getFilter(): Filter | null {
    this.called('getFilter');
    return this.model.rowsHiddenByFilter().length > 0 ? new Filter(this.emulation, this.model) : null;
  }

  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    this.called('insertRowsBefore');
    this.insertRows(beforePosition, howMany);
    return this;
  }

  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    this.called('insertRowsAfter');
    this.insertRows(afterPosition + 1, howMany);
    return this;
  }

  insertRowBefore(beforePosition: number): Sheet {
    this.called('insertRowBefore');
    this.insertRows(beforePosition, 1);
    return this;
  }

  insertRowAfter(afterPosition: number): Sheet {
    this.called('insertRowAfter');
    this.insertRows(afterPosition + 1, 1);
    return this;
  }

  insertColumnsBefore(beforePosition: number, howMany: number): Sheet {
    this.called('insertColumnsBefore');
    this.insertColumns(beforePosition, howMany);
    return this;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    this.called('insertColumnsAfter');
    this.insertColumns(afterPosition + 1, howMany);
    return this;
  }

  insertColumnBefore(beforePosition: number): Sheet {
    this.called('insertColumnBefore');
    this.insertColumns(beforePosition, 1);
    return this;
  }

  insertColumnAfter(afterPosition: number): Sheet {
    this.called('insertColumnAfter');
    this.insertColumns(afterPosition + 1, 1);
    return this;
  }

  deleteRow(rowPosition: number): Sheet {
    this.called('deleteRow');
    deleteRowsOf(this.emulation, this.model, rowPosition, 1);
    return this;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.called('deleteRows');
    deleteRowsOf(this.emulation, this.model, rowPosition, howMany);
  }

  deleteColumn(columnPosition: number): Sheet {
    this.called('deleteColumn');
    this.deleteColumnsAt(columnPosition, 1);
    return this;
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.called('deleteColumns');
    this.deleteColumnsAt(columnPosition, howMany);
  }

  /**
   * "Appends a row to the bottom of the current data region in the sheet. If a cell's content begins with =, it's
   * interpreted as a formula." Values are parsed like setValues; the grid grows when the row falls beyond it.
   */
  appendRow(rowContents: unknown[]): Sheet {
    this.called('appendRow');
    const { book } = this.emulation;
    if (!Array.isArray(rowContents)) {
      throw book.error(
        MESSAGES.signatureMismatch(describeArgumentTypes([rowContents]), 'SpreadsheetApp.Sheet.appendRow'),
      );
    }
    const row = this.model.lastRow() + 1;
    this.model.growTo(row, rowContents.length);
    rowContents.forEach((value, index) => writeTypedInput(this.model, row, index + 1, value, book));
    book.cellsWritten += rowContents.length;
    book.version++;
    return this;
  }

  clear(): Sheet {
    this.called('clear');
    this.clearAll(true, true);
    return this;
  }

  clearContents(): Sheet {
    this.called('clearContents');
    this.clearAll(true, false);
    return this;
  }

  clearFormats(): Sheet {
    this.called('clearFormats');
    this.clearAll(false, true);
    return this;
  }

  /** Column widths have no effect here. */
  autoResizeColumns(_startColumn: number, _numColumns: number): Sheet {
    this.called('autoResizeColumns');
    return this;
  }

  autoResizeColumn(_columnPosition: number): Sheet {
    this.called('autoResizeColumn');
    return this;
  }

  setColumnWidth(_columnPosition: number, _width: number): Sheet {
    this.called('setColumnWidth');
    return this;
  }

  isSheetHidden(): boolean {
    this.called('isSheetHidden');
    return false;
  }

  private clearAll(contents: boolean, formats: boolean): void {
    this.model.clearAll(contents, formats);
    this.emulation.book.version++;
  }

  private checkRows(rowIndex: number, numRows: number): void {
    if (rowIndex < 1 || numRows < 1 || rowIndex + numRows - 1 > this.model.maxRows) {
      throw this.emulation.book.error(MESSAGES.rowsOutOfBounds);
    }
  }

  private insertRows(beforeRow: number, howMany: number): void {
    if (beforeRow < 1 || beforeRow > this.model.maxRows + 1 || howMany < 1) {
      throw this.emulation.book.error(MESSAGES.rowsOutOfBounds);
    }
    this.model.insertRows(beforeRow, howMany);
    this.emulation.book.version++;
  }

  private insertColumns(beforeColumn: number, howMany: number): void {
    if (beforeColumn < 1 || beforeColumn > this.model.maxColumns + 1 || howMany < 1) {
      throw this.emulation.book.error(MESSAGES.columnsOutOfBounds);
    }
    this.model.insertColumns(beforeColumn, howMany);
    this.emulation.book.version++;
  }

  private deleteColumnsAt(column: number, howMany: number): void {
    const { book } = this.emulation;
    if (column < 1 || howMany < 1 || column + howMany - 1 > this.model.maxColumns) {
      throw book.error(MESSAGES.columnsOutOfBounds);
    }
    if (howMany >= this.model.maxColumns) throw book.error(MESSAGES.deleteAllColumns);
    this.model.deleteColumns(column, howMany);
    book.version++;
  }
}

/** Sheet.deleteRows, shared with the control API: refuses to leave no unfrozen row, as Sheets does. */
export function deleteRowsOf(emulation: Emulation, model: SheetModel, row: number, howMany: number): void {
  const { book } = emulation;
  if (row < 1 || howMany < 1 || row + howMany - 1 > model.maxRows) throw book.error(MESSAGES.rowsOutOfBounds);
  if (row <= model.frozenRows + 1 && row + howMany - 1 >= model.maxRows) throw book.error(MESSAGES.deleteAllRows);
  model.deleteRows(row, howMany);
  book.version++;
}

/** Shared by Sheet.getRange and Spreadsheet.getRange: the overloads, their type checks and Apps Script's messages. */
export function rangeFromArguments(
  emulation: Emulation,
  model: SheetModel,
  args: readonly unknown[],
  qualifiedMethod: string,
): Range {
  const { book } = emulation;
  if (args.length === 1 && typeof args[0] === 'string') {
    const resolved = resolveA1(args[0], (name) => book.findSheet(name), model);
    if (typeof resolved === 'string') throw book.error(resolved);
    return new Range(emulation, resolved.sheet, resolved.area);
  }
  const numeric = args.length >= 2 && args.length <= 4 && args.every((a) => typeof a === 'number' && !Number.isNaN(a));
  if (!numeric) throw book.error(MESSAGES.signatureMismatch(describeArgumentTypes(args), qualifiedMethod));
  const [row, column, numRows = 1, numColumns = 1] = (args as number[]).map(Math.trunc);
  const area: RangeArea = { row, column, numRows, numColumns };
  const problem = checkCoordinates(model, area);
  if (problem) throw book.error(problem);
  return new Range(emulation, model, area);
}
