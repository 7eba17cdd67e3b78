/**
 * Apps Script's Filter, as far as the add-on needs it: Sheet.getFilter() returns one when rows are hidden by a
 * filter (https://developers.google.com/apps-script/reference/spreadsheet/filter). Its range is the sheet's data
 * range, which is what a filter created over the data covers.
 */
import { CountedService, Emulation } from './emulation';
import { Range } from './range';
import { SheetModel } from './sheet-model';

export class Filter extends CountedService {
  constructor(
    emulation: Emulation,
    private readonly sheet: SheetModel,
  ) {
    super('Filter', emulation);
  }

  getRange(): Range {
    this.called('getRange');
    const numRows = Math.max(this.sheet.lastRow(), ...this.sheet.rowsHiddenByFilter(), 1);
    const numColumns = Math.max(this.sheet.lastColumn(), 1);
    return new Range(this.emulation, this.sheet, { row: 1, column: 1, numRows, numColumns });
  }

  /** Removes the filter: the rows it hid show again. */
  remove(): void {
    this.called('remove');
    for (const row of this.sheet.rowsHiddenByFilter()) this.sheet.setHiddenByFilter(row, false);
    this.emulation.book.version++;
  }
}
