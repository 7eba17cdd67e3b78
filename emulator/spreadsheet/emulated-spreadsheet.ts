/**
 * The emulated bound spreadsheet: `app` is installed as the bundle's global SpreadsheetApp (every call on it and on
 * the objects it returns is counted), `ui` records what the script showed, and the control API (addSheet, sheet,
 * activate, select...) stands in for the user. Contract: emulator/README.md.
 */
import type { CallCounter } from '../call-counter';
import { parseA1 } from './a1-notation';
import { Emulation } from './emulation';
import { areaToA1, containsCell, RangeArea, resolveA1 } from './range-area';
import { HOST_REALM, Realm } from './realm';
import { Sheet } from './sheet';
import { ModelSheetControl, SheetControl } from './sheet-control';
import { DEFAULT_MAX_COLUMNS, DEFAULT_MAX_ROWS, SheetModel } from './sheet-model';
import { Spreadsheet } from './spreadsheet';
import { SpreadsheetApp } from './spreadsheet-app';
import { BUTTON } from './ui';
import { emptyUiState, UiState } from './ui-state';
import { Workbook } from './workbook';

export interface EmulatedSpreadsheetOptions {
  name?: string;
  /** The spreadsheet's time zone (getSpreadsheetTimeZone), used to read and show dates. Default Etc/UTC. */
  timeZone?: string;
  counter: CallCounter;
  /** See Workbook.plainTextKeepsApostrophe. */
  plainTextKeepsApostrophe?: boolean;
  /** Title of the menu createAddonMenu() builds: the add-on's name. */
  addonName?: string;
  id?: string;
  /** The vm context's Date/Error/Array, so returned values pass the bundle's instanceof checks. */
  realm?: Partial<Realm>;
}

export class EmulatedSpreadsheet {
  readonly counter: CallCounter;
  /** The object installed as the global `SpreadsheetApp`. Every call on it, its sheets, ranges... is counted. */
  readonly app: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  /** Menus, sidebar and dialogs the script showed (Ui). */
  readonly ui: UiState;
  private readonly book: Workbook;
  private readonly emulation: Emulation;
  private readonly controls = new Map<SheetModel, ModelSheetControl>();

  constructor(options: EmulatedSpreadsheetOptions) {
    const timeZone = options.timeZone ?? 'Etc/UTC';
    new Intl.DateTimeFormat('en-US', { timeZone }); // throws RangeError now for an unknown zone
    this.counter = options.counter;
    this.ui = emptyUiState();
    this.book = new Workbook(options.name ?? 'Untitled spreadsheet', timeZone, options.id ?? 'emulated-spreadsheet-id');
    this.book.plainTextKeepsApostrophe = options.plainTextKeepsApostrophe ?? false;
    if (options.realm) this.useRealm(options.realm);
    const sheetApis = new Map<SheetModel, Sheet>();
    let spreadsheet: Spreadsheet | undefined;
    const emulation: Emulation = {
      counter: this.counter,
      book: this.book,
      ui: this.ui,
      addonName: options.addonName ?? 'AODocs Jobs',
      alertAnswers: [],
      sheetApi(model) {
        let sheet = sheetApis.get(model);
        if (!sheet) sheetApis.set(model, (sheet = new Sheet(emulation, model)));
        return sheet;
      },
      spreadsheetApi: () => (spreadsheet ??= new Spreadsheet(emulation)),
    };
    this.emulation = emulation;
    this.app = new SpreadsheetApp(emulation) as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  }

  /** Cells the script read through ranges since construction or resetCellCounts(). */
  get cellsRead(): number {
    return this.book.cellsRead;
  }

  /** Cells the script wrote (values, clears, formats) since construction or resetCellCounts(). */
  get cellsWritten(): number {
    return this.book.cellsWritten;
  }

  resetCellCounts(): void {
    this.book.cellsRead = 0;
    this.book.cellsWritten = 0;
  }

  /** Bumped by every change, by the script or the control API: the playground redraws when it moves. */
  get version(): number {
    return this.book.version;
  }

  get timeZone(): string {
    return this.book.timeZone;
  }

  /** Use the vm context's constructors for returned Dates, arrays and thrown errors. */
  useRealm(realm: Partial<Realm>): void {
    this.book.realm = { ...HOST_REALM, ...realm };
  }

  /** Buttons the next Ui.alert calls return, in order (Ui.Button names: 'OK', 'CANCEL', 'YES', 'NO', 'CLOSE'). */
  answerNextAlerts(...buttons: (keyof typeof BUTTON)[]): void {
    this.emulation.alertAnswers.push(...buttons);
  }

  /** Adds a sheet holding `rows` as typed input; its grid is the data's size, at least 1000 rows by 26 columns. */
  addSheet(name: string, rows: unknown[][] = []): SheetControl {
    const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
    const model = this.book.createSheet(
      name,
      Math.max(DEFAULT_MAX_ROWS, rows.length),
      Math.max(DEFAULT_MAX_COLUMNS, width),
    );
    const control = this.controlFor(model);
    control.paste(1, 1, rows);
    return control;
  }

  /** The sheet's control; throws for an unknown name. */
  sheet(name: string): SheetControl {
    return this.controlFor(this.modelNamed(name));
  }

  /** The user deletes a sheet (its tab's Delete). */
  deleteSheet(name: string): void {
    this.book.deleteSheet(this.modelNamed(name));
  }

  sheetNames(): string[] {
    return this.book.sheets.map((sheet) => sheet.name);
  }

  activeSheetName(): string | null {
    return this.book.sheets.length > 0 ? this.book.active().name : null;
  }

  activate(sheetName: string): void {
    this.book.activate(this.modelNamed(sheetName));
  }

  /**
   * Multi-range selection in the order made; activates the sheet. The current cell (default: top-left of the last
   * range) must lie in one of the ranges; the last range holding it is moved last, as Sheets lists it.
   * An empty list clears the selection.
   */
  select(sheetName: string, a1Ranges: string[], currentCell?: string): void {
    const model = this.modelNamed(sheetName);
    this.book.activate(model);
    if (a1Ranges.length === 0) {
      this.book.selections.delete(model);
      return;
    }
    const ranges = a1Ranges.map((a1) => this.areaOn(model, a1));
    let current = { row: ranges[ranges.length - 1].row, column: ranges[ranges.length - 1].column };
    if (currentCell !== undefined) {
      const ref = parseA1(currentCell);
      if (!ref || ref.startRow === undefined || ref.startColumn === undefined)
        throw new Error(`Not a cell: ${currentCell}`);
      current = { row: ref.startRow, column: ref.startColumn };
      const holder = ranges
        .map((area, i) => (containsCell(area, current.row, current.column) ? i : -1))
        .filter((i) => i >= 0);
      if (holder.length === 0) throw new Error(`The current cell ${currentCell} is in none of the selected ranges`);
      const [moved] = ranges.splice(holder[holder.length - 1], 1);
      ranges.push(moved);
    }
    this.book.selections.set(model, { ranges, current });
  }

  /** The active sheet's selection as A1 text, or null when nothing is selected. */
  selection(): { sheetName: string; ranges: string[]; currentCell: string } | null {
    if (this.book.sheets.length === 0) return null;
    const model = this.book.active();
    const state = this.book.selections.get(model);
    if (!state) return null;
    return {
      sheetName: model.name,
      ranges: state.ranges.map(areaToA1),
      currentCell: areaToA1({ ...state.current, numRows: 1, numColumns: 1 }),
    };
  }

  private areaOn(model: SheetModel, a1: string): RangeArea {
    const resolved = resolveA1(a1, (name) => this.book.findSheet(name), model);
    if (typeof resolved === 'string') throw new Error(`${a1}: ${resolved}`);
    if (resolved.sheet !== model) throw new Error(`${a1} is not on sheet ${model.name}`);
    return resolved.area;
  }

  private modelNamed(name: string): SheetModel {
    const model = this.book.findSheet(name);
    if (!model) throw new Error(`No sheet named "${name}"; sheets: ${this.sheetNames().join(', ') || '(none)'}`);
    return model;
  }

  private controlFor(model: SheetModel): ModelSheetControl {
    let control = this.controls.get(model);
    if (!control) this.controls.set(model, (control = new ModelSheetControl(this.emulation, model)));
    return control;
  }
}
