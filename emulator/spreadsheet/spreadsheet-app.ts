/**
 * Apps Script's SpreadsheetApp for a script bound to one spreadsheet
 * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app). The selection methods read the
 * active sheet's selection (selection.ts).
 */
import { CountedService, Emulation } from './emulation';
import { Range } from './range';
import { RangeList } from './range-list';
import { Selection, SelectionReader } from './selection';
import type { Sheet } from './sheet';
import type { Spreadsheet } from './spreadsheet';
import { Ui } from './ui';

export class SpreadsheetApp extends CountedService {
  private readonly selection: SelectionReader;
  private readonly ui: Ui;

  constructor(emulation: Emulation) {
    super('SpreadsheetApp', emulation);
    this.selection = new SelectionReader(emulation);
    this.ui = new Ui(emulation);
  }

  getActive(): Spreadsheet {
    this.called('getActive');
    return this.emulation.spreadsheetApi();
  }

  getActiveSpreadsheet(): Spreadsheet {
    this.called('getActiveSpreadsheet');
    return this.emulation.spreadsheetApi();
  }

  getActiveSheet(): Sheet {
    this.called('getActiveSheet');
    return this.selection.activeSheet();
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

  getUi(): Ui {
    this.called('getUi');
    return this.ui;
  }

  /** "Applies all pending Spreadsheet changes": writes here apply at once, so only the call is counted. */
  flush(): void {
    this.called('flush');
  }
}
