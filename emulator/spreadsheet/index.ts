/** The emulated Spreadsheet service and its control API (contract: emulator/README.md). */
export { EmulatedSpreadsheet } from './emulated-spreadsheet';
export type { EmulatedSpreadsheetOptions } from './emulated-spreadsheet';
export type { SheetControl } from './sheet-control';
export type { UiState, UiMenuRecord } from './ui-state';
export type { Realm } from './realm';
