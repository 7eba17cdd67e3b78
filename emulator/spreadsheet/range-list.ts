/**
 * Apps Script's RangeList: "a collection of one or more Range instances in the same sheet"
 * (https://developers.google.com/apps-script/reference/spreadsheet/range-list). What the selection returns.
 */
import { writeTypedInput } from './cell-writer';
import { CountedService, Emulation } from './emulation';
import { forEachCellOf, RangeArea } from './range-area';
import { Range } from './range';
import { SheetModel } from './sheet-model';

export class RangeList extends CountedService {
  constructor(
    emulation: Emulation,
    private readonly sheet: SheetModel,
    private readonly areas: readonly RangeArea[],
  ) {
    super('RangeList', emulation);
  }

  /** The ranges in the list's order (for a selection: as made, the current cell's range last). */
  getRanges(): Range[] {
    this.called('getRanges');
    const ranges = new this.emulation.book.realm.Array() as Range[];
    for (const area of this.areas) ranges.push(new Range(this.emulation, this.sheet, area));
    return ranges;
  }

  setNumberFormat(numberFormat: string): RangeList {
    this.called('setNumberFormat');
    this.writeEach((r, c) => (this.sheet.cellForWrite(r, c).numberFormat = numberFormat));
    return this;
  }

  setFontWeight(fontWeight: string | null): RangeList {
    this.called('setFontWeight');
    this.writeEach((r, c) => (this.sheet.cellForWrite(r, c).fontWeight = fontWeight ?? 'normal'));
    return this;
  }

  setValue(value: unknown): RangeList {
    this.called('setValue');
    const { book } = this.emulation;
    this.writeEach((r, c) => writeTypedInput(this.sheet, r, c, value, book));
    return this;
  }

  clearContent(): RangeList {
    this.called('clearContent');
    this.writeEach((r, c) => this.sheet.clearContent(r, c));
    return this;
  }

  clear(): RangeList {
    this.called('clear');
    this.writeEach((r, c) => this.sheet.removeCell(r, c));
    return this;
  }

  /** Selects these ranges; the current cell becomes the top-left of the last one. */
  activate(): RangeList {
    this.called('activate');
    const { book } = this.emulation;
    const last = this.areas[this.areas.length - 1];
    book.selections.set(this.sheet, { ranges: [...this.areas], current: { row: last.row, column: last.column } });
    book.activate(this.sheet);
    return this;
  }

  private writeEach(action: (row: number, column: number) => void): void {
    const { book } = this.emulation;
    for (const area of this.areas) {
      forEachCellOf(area, action);
      book.cellsWritten += area.numRows * area.numColumns;
    }
    book.version++;
  }
}
