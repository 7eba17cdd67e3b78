/**
 * The spreadsheet's internal state: its sheets in tab order, the active sheet, each sheet's selection, and the
 * data-volume counters. Shared by the Apps Script objects and the control API.
 */
import { appsScriptError, MESSAGES } from './apps-script-error';
import { RangeArea } from './range-area';
import { HOST_REALM, Realm } from './realm';
import { DEFAULT_MAX_COLUMNS, DEFAULT_MAX_ROWS, SheetModel } from './sheet-model';

/** A sheet's selection: its ranges in the order made, the one holding the current cell last. */
export interface SelectionState {
  ranges: RangeArea[];
  current: { row: number; column: number };
}

export class Workbook {
  readonly sheets: SheetModel[] = [];
  readonly selections = new Map<SheetModel, SelectionState>();
  private activeSheet: SheetModel | null = null;
  private sheetsCreated = 0;
  realm: Realm = HOST_REALM;
  /** Cells returned by reads (getValues, getDisplayValues, getFormulas, getNumberFormats and their single forms). */
  cellsRead = 0;
  /** Cells set by writes (setValue(s), appendRow, clearContent, number formats...). */
  cellsWritten = 0;
  /**
   * Whether a cell formatted as plain text ('@') keeps a written leading apostrophe as a character. Google does
   * not document it; tests run the product both ways so that it depends on neither (default: Sheets' usual
   * "store as text" mark, stripped).
   */
  plainTextKeepsApostrophe = false;
  /** Bumped on every change, so the playground can tell when to redraw. */
  version = 0;

  constructor(
    public name: string,
    public timeZone: string,
    readonly id: string,
  ) {}

  error(message: string): Error {
    return appsScriptError(message, this.realm.Error);
  }

  /** Sheet names are unique regardless of case in Sheets, and getSheetByName finds them the same way. */
  findSheet(name: string): SheetModel | undefined {
    const wanted = name.toLowerCase();
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === wanted);
  }

  /** Spreadsheet.insertSheet: throws Apps Script's message for a name already taken. */
  createSheet(name: string, maxRows = DEFAULT_MAX_ROWS, maxColumns = DEFAULT_MAX_COLUMNS, index?: number): SheetModel {
    if (this.findSheet(name)) throw this.error(MESSAGES.duplicateSheet(name));
    const sheet = new SheetModel(name, sheetIdFor(this.sheetsCreated++), maxRows, maxColumns);
    this.sheets.splice(index ?? this.sheets.length, 0, sheet);
    this.activeSheet ??= sheet;
    this.version++;
    return sheet;
  }

  deleteSheet(sheet: SheetModel): void {
    const index = this.sheets.indexOf(sheet);
    if (index === -1) return;
    this.sheets.splice(index, 1);
    this.selections.delete(sheet);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[Math.max(0, index - 1)] ?? null;
    this.version++;
  }

  /** Insert-sheet default names: "Sheet<n>" with n the sheet count + 1, skipping names taken. */
  nextDefaultSheetName(): string {
    let n = this.sheets.length + 1;
    while (this.findSheet(`Sheet${n}`)) n++;
    return `Sheet${n}`;
  }

  /** The active sheet. A spreadsheet always has one: if none was added, a blank "Sheet1" is created. */
  active(): SheetModel {
    if (!this.activeSheet) this.createSheet(this.nextDefaultSheetName());
    return this.activeSheet!;
  }

  activate(sheet: SheetModel): void {
    this.activeSheet = sheet;
    this.version++;
  }

  /** All sheets, creating the default one if there are none. */
  allSheets(): SheetModel[] {
    this.active();
    return this.sheets;
  }
}

/** The first sheet's id is 0 as in Sheets; later ones get distinct, stable, gid-like integers. */
function sheetIdFor(n: number): number {
  return n === 0 ? 0 : (n * 1_234_567_891) % 2_147_483_647;
}
