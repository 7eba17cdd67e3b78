/**
 * Apps Script's Selection (https://developers.google.com/apps-script/reference/spreadsheet/selection) and the
 * selection reads Spreadsheet and SpreadsheetApp share. The selection belongs to the active sheet;
 * getActiveRangeList() lists its ranges with "the active range containing the current highlighted cell ... placed
 * last" and getActiveRange() "returns only the last selected range"
 * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#getactiverangelist).
 * Until a range is selected (control API select(), Range.activate...) they return null.
 */
import { CountedService, Emulation } from './emulation';
import { Range } from './range';
import { RangeList } from './range-list';
import type { Sheet } from './sheet';

/** Uncounted reads of the current selection, for the counted methods of SpreadsheetApp, Spreadsheet and Selection. */
export class SelectionReader {
  constructor(private readonly emulation: Emulation) {}

  private state() {
    const sheet = this.emulation.book.active();
    return { sheet, selection: this.emulation.book.selections.get(sheet) };
  }

  activeRange(): Range | null {
    const { sheet, selection } = this.state();
    if (!selection) return null;
    return new Range(this.emulation, sheet, selection.ranges[selection.ranges.length - 1]);
  }

  activeRangeList(): RangeList | null {
    const { sheet, selection } = this.state();
    return selection ? new RangeList(this.emulation, sheet, selection.ranges) : null;
  }

  currentCell(): Range | null {
    const { sheet, selection } = this.state();
    if (!selection) return null;
    const { row, column } = selection.current;
    return new Range(this.emulation, sheet, { row, column, numRows: 1, numColumns: 1 });
  }

  activeSheet(): Sheet {
    return this.emulation.sheetApi(this.emulation.book.active());
  }
}

export class Selection extends CountedService {
  private readonly reader: SelectionReader;

  constructor(emulation: Emulation) {
    super('Selection', emulation);
    this.reader = new SelectionReader(emulation);
  }

  getActiveRange(): Range | null {
    this.called('getActiveRange');
    return this.reader.activeRange();
  }

  getActiveRangeList(): RangeList | null {
    this.called('getActiveRangeList');
    return this.reader.activeRangeList();
  }

  getCurrentCell(): Range | null {
    this.called('getCurrentCell');
    return this.reader.currentCell();
  }

  getActiveSheet(): Sheet {
    this.called('getActiveSheet');
    return this.reader.activeSheet();
  }
}
