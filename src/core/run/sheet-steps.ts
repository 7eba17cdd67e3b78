// The steps a chunk takes in the spreadsheet, on the target sheet (the one with the chunk's sheet ID, found by
// `find-sheet`), the document lock and the log; each comment says what the step is answered with (steps.ts).
import { AuthorizationStep } from './authorization';
import { FetchStep, Program } from './steps';

export type SheetStep =
  /** Find the target sheet again (getSheetById): boolean, whether it exists */
  | { kind: 'find-sheet' }
  /** The target sheet's name and frozen rows: { name: string; frozenRows: number } */
  | { kind: 'sheet-frame' }
  /** The target sheet's last row holding anything: number */
  | { kind: 'last-row' }
  /** The target sheet's last column holding anything: number */
  | { kind: 'last-column' }
  /** The target sheet's number of columns: number */
  | { kind: 'max-columns' }
  /** Displayed texts of a rectangle: string[][] */
  | { kind: 'read-texts'; row: number; column: number; numRows: number; numColumns: number }
  /** Add `count` columns after column `after`: nothing */
  | { kind: 'insert-columns'; after: number; count: number }
  /** One setValues, of `values` at row, column: nothing */
  | { kind: 'write-values'; row: number; column: number; values: unknown[][] }
  /** The document lock (LockService.getDocumentLock()): boolean, whether Apps Script gave one */
  | { kind: 'get-lock' }
  /** Wait up to waitMs for the lock: boolean, whether it was had */
  | { kind: 'try-lock'; waitMs: number }
  /** Commit the writes (SpreadsheetApp.flush): nothing */
  | { kind: 'flush' }
  | { kind: 'release-lock' }
  /** Append log lines in one write, under the lock: nothing */
  | { kind: 'append-log'; rows: unknown[][] }
  /** Append log lines one by one, each atomic, without the lock: nothing */
  | { kind: 'append-log-without-lock'; rows: unknown[][] }
  /** What the log remembers of these jobs (log-rows.ts lastLoggedResults): string[], '' where nothing */
  | { kind: 'last-logged'; jobIds: string[] }
  /** The user's email, as the log names them: string */
  | { kind: 'user-email' };

export type ChunkStep = FetchStep | SheetStep | AuthorizationStep;

export type ChunkProgram<T> = Program<T, ChunkStep>;
