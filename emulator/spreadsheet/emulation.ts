/**
 * What every emulated Apps Script object shares: the call counter, the workbook state, the Ui state, and factories
 * for the objects that must keep one identity (a sheet is the same Sheet object every time it is returned).
 * The factories live in emulated-spreadsheet.ts so that these modules do not import one another in a cycle.
 */
import type { CallCounter } from '../call-counter';
import type { Sheet } from './sheet';
import type { SheetModel } from './sheet-model';
import type { Spreadsheet } from './spreadsheet';
import type { UiState } from './ui-state';
import type { Workbook } from './workbook';

export interface Emulation {
  readonly counter: CallCounter;
  readonly book: Workbook;
  readonly ui: UiState;
  readonly addonName: string;
  /** Buttons the next Ui.alert calls return (the control API queues them); OK/YES otherwise. */
  readonly alertAnswers: string[];
  sheetApi(model: SheetModel): Sheet;
  spreadsheetApi(): Spreadsheet;
}

/** Base of the emulated Apps Script classes: counts each call as "<Service>.<method>". */
export abstract class CountedService {
  protected constructor(
    private readonly serviceName: string,
    protected readonly emulation: Emulation,
  ) {}

  protected called(method: string): void {
    this.emulation.counter.count(this.serviceName, method);
  }

  /** Apps Script objects print as their class name. */
  toString(): string {
    return this.serviceName;
  }
}
