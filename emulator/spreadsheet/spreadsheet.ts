/**
 * Apps Script's Spreadsheet (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet): the
 * one bound spreadsheet, its sheets, the active sheet and selection, toasts.
 */
import { describeArgumentTypes, MESSAGES } from './apps-script-error';
import { CountedService, Emulation } from './emulation';
import { Range, rangeInternals } from './range';
import { RangeList } from './range-list';
import { Selection, SelectionReader } from './selection';
import { rangeFromArguments, Sheet, sheetModelOf } from './sheet';

export class Spreadsheet extends CountedService {
  private readonly selection: SelectionReader;

  constructor(emulation: Emulation) {
    super('Spreadsheet', emulation);
    this.selection = new SelectionReader(emulation);
  }

  getName(): string {
    this.called('getName');
    return this.emulation.book.name;
  }

  getId(): string {
    this.called('getId');
    return this.emulation.book.id;
  }

  getUrl(): string {
    this.called('getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.emulation.book.id}/edit`;
  }

  getSpreadsheetTimeZone(): string {
    this.called('getSpreadsheetTimeZone');
    return this.emulation.book.timeZone;
  }

  getSpreadsheetLocale(): string {
    this.called('getSpreadsheetLocale');
    return 'en_US';
  }

  getSheets(): Sheet[] {
    this.called('getSheets');
    const sheets = new this.emulation.book.realm.Array() as Sheet[];
    for (const model of this.emulation.book.allSheets()) sheets.push(this.emulation.sheetApi(model));
    return sheets;
  }

  getNumSheets(): number {
    this.called('getNumSheets');
    return this.emulation.book.allSheets().length;
  }

  /** The sheet with that name, or null. */
  getSheetByName(name: string): Sheet | null {
    this.called('getSheetByName');
    this.emulation.book.allSheets();
    const model = this.emulation.book.findSheet(String(name));
    return model ? this.emulation.sheetApi(model) : null;
  }

  getSheetById(id: number): Sheet | null {
    this.called('getSheetById');
    const model = this.emulation.book.allSheets().find((sheet) => sheet.id === id);
    return model ? this.emulation.sheetApi(model) : null;
  }

  getActiveSheet(): Sheet {
    this.called('getActiveSheet');
    return this.selection.activeSheet();
  }

  setActiveSheet(sheet: Sheet): Sheet {
    this.called('setActiveSheet');
    this.emulation.book.activate(this.modelOf(sheet, 'setActiveSheet'));
    return sheet;
  }

  /**
   * insertSheet(), insertSheet(sheetName), insertSheet(sheetIndex), insertSheet(sheetName, sheetIndex): a blank
   * 1000x26 sheet that "becomes the active sheet"; at the end unless an index (0-based) is given. A name already
   * used throws "A sheet with the name ... already exists. Please enter another name."
   */
  insertSheet(nameOrIndex?: string | number, index?: number): Sheet {
    this.called('insertSheet');
    const { book } = this.emulation;
    book.allSheets();
    const name = typeof nameOrIndex === 'string' ? nameOrIndex : book.nextDefaultSheetName();
    const position = typeof nameOrIndex === 'number' ? nameOrIndex : index;
    const model = book.createSheet(name, undefined, undefined, position);
    book.activate(model);
    return this.emulation.sheetApi(model);
  }

  deleteSheet(sheet: Sheet): void {
    this.called('deleteSheet');
    this.emulation.book.deleteSheet(this.modelOf(sheet, 'deleteSheet'));
  }

  /** getRange(a1Notation): on the active sheet unless the notation names a sheet (`Sheet2!A1`). */
  getRange(a1Notation: string): Range {
    this.called('getRange');
    const { book } = this.emulation;
    if (typeof a1Notation !== 'string') {
      throw book.error(
        MESSAGES.signatureMismatch(describeArgumentTypes([a1Notation]), 'SpreadsheetApp.Spreadsheet.getRange'),
      );
    }
    return rangeFromArguments(this.emulation, book.active(), [a1Notation], 'SpreadsheetApp.Spreadsheet.getRange');
  }

  getActiveRange(): Range | null {
    this.called('getActiveRange');
    return this.selection.activeRange();
  }

  getActiveRangeList(): RangeList | null {
    this.called('getActiveRangeList');
    return this.selection.activeRangeList();
  }

  getCurrentCell(): Range | null {
    this.called('getCurrentCell');
    return this.selection.currentCell();
  }

  getSelection(): Selection {
    this.called('getSelection');
    return new Selection(this.emulation);
  }

  /** Selects the range (its sheet becomes active), as Range.activate() does. */
  setActiveRange(range: Range): Range {
    this.called('setActiveRange');
    const target = rangeInternals(range);
    if (!target) throw this.mismatch([range], 'setActiveRange');
    const { book } = this.emulation;
    const { area, sheet } = target;
    book.selections.set(sheet, { ranges: [area], current: { row: area.row, column: area.column } });
    book.activate(sheet);
    return range;
  }

  /** Recorded in ui.toasts (the message only). */
  toast(msg: string, _title?: string, _timeoutSeconds?: number): void {
    this.called('toast');
    this.emulation.ui.toasts.push(String(msg));
  }

  private modelOf(sheet: Sheet, method: string) {
    const model = sheetModelOf(sheet);
    if (!model) throw this.mismatch([sheet], method);
    return model;
  }

  private mismatch(args: unknown[], method: string): Error {
    return this.emulation.book.error(
      MESSAGES.signatureMismatch(describeArgumentTypes(args), `SpreadsheetApp.Spreadsheet.${method}`),
    );
  }
}
