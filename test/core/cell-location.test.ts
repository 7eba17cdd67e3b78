// docs/BEHAVIOUR.md 4, "Writing results": a row is written only if its job ID cell still holds that job ID. A
// result follows its job ID to another row only when that is unambiguous: the ID occurs in the ID column exactly
// as many times as the run selected it, then (the plan's `follow`) and now. Deleted rows never stop a run.
import { CellRef } from '../../src/shared/api';
import {
  ColumnTexts,
  ExpectedCell,
  LocatedCell,
  columnsToReadWhole,
  locateCells,
  spansToRead,
} from '../../src/core/cell-location';

const HEADER_ROW = 1;

const cell = (row: number, column = 1): CellRef => ({ row, column });

const expected = (text: string, row: number, follow: boolean, column = 1): ExpectedCell => ({
  key: text,
  text,
  cell: cell(row, column),
  follow,
});

/** A column's texts now, as the sheet holds them: `rows[r]` is row r; rows not given are blank. */
function sheetColumn(column: number, rows: Record<number, string>, lastRow: number): ColumnTexts {
  const texts: string[] = [];
  for (let row = HEADER_ROW + 1; row <= lastRow; row++) texts.push(rows[row] ?? '');
  return { column, first: HEADER_ROW + 1, texts };
}

/** What the server reads for spansToRead: each span's rows, cut where the grid ends (`lastRow`). */
function readSpans(cells: ExpectedCell[], columns: ColumnTexts[]): ColumnTexts[] {
  return spansToRead(cells).map(({ column, first, last }) => {
    const whole = columns.find((c) => c.column === column) as ColumnTexts;
    return { column, first, texts: whole.texts.slice(first - whole.first, last - whole.first + 1) };
  });
}

/** The whole flow of one write: read the spans, read the columns that need it, locate. */
function locate(cells: ExpectedCell[], columns: ColumnTexts[]): { located: LocatedCell[]; whole: number[] } {
  const spans = readSpans(cells, columns);
  const whole = columnsToReadWhole(cells, spans);
  const wholeTexts = columns.filter((c) => whole.includes(c.column));
  return { located: locateCells(cells, spans, wholeTexts), whole };
}

describe('spansToRead', () => {
  test('one span per column, from its first to its last expected row', () => {
    const cells = [expected('A', 7, true), expected('B', 3, false), expected('C', 5, true, 4), expected('D', 12, true)];
    expect(spansToRead(cells)).toEqual(
      expect.arrayContaining([
        { column: 1, first: 3, last: 12 },
        { column: 4, first: 5, last: 5 },
      ]),
    );
    expect(spansToRead(cells)).toHaveLength(2);
  });

  test('many rows of one column do not overflow anything', () => {
    const cells = Array.from({ length: 200_000 }, (_, i) => expected(`J${i}`, i + 2, true));
    expect(spansToRead(cells)).toEqual([{ column: 1, first: 2, last: 200_001 }]);
  });
});

describe('locateCells: a job ID still in its cell', () => {
  test('is written in place, nothing moved, no column read whole', () => {
    const cells = [expected('J1', 3, true), expected('J2', 5, false)];
    const { located, whole } = locate(cells, [sheetColumn(1, { 3: 'J1', 4: 'x', 5: 'J2' }, 6)]);
    expect(whole).toEqual([]);
    expect(located).toEqual(
      expect.arrayContaining([
        { key: 'J1', at: cell(3) },
        { key: 'J2', at: cell(5) },
      ]),
    );
    expect(located).toHaveLength(2);
  });
});

describe('locateCells: a job ID that left its cell', () => {
  test('follow=false: its cell was edited and the ID is elsewhere in the column: not followed', () => {
    const cells = [expected('J1', 3, false)];
    const column = sheetColumn(1, { 3: 'edited', 8: 'J1' }, 10);
    const { located, whole } = locate(cells, [column]);
    expect(whole).toEqual([]);
    expect(located).toEqual([{ key: 'J1', at: undefined, moved: { jobId: 'J1', from: cell(3), to: undefined } }]);
    // Even when the whole column is at hand, a cell the plan did not allow to follow stays put.
    const spans = readSpans(cells, [column]);
    expect(locateCells(cells, spans, [column])).toEqual([
      { key: 'J1', at: undefined, moved: { jobId: 'J1', from: cell(3), to: undefined } },
    ]);
  });

  test('follow=true and the ID occurs as often as selected: followed to its new row', () => {
    // The user sorted the sheet: J1 went from row 3 to row 8.
    const cells = [expected('J1', 3, true)];
    const { located, whole } = locate(cells, [sheetColumn(1, { 2: 'J0', 3: 'J9', 8: 'J1' }, 10)]);
    expect(whole).toEqual([1]);
    expect(located).toEqual([{ key: 'J1', at: cell(8), moved: { jobId: 'J1', from: cell(3), to: cell(8) } }]);
  });

  test('follow=true but a copy of the ID appeared (count now bigger): not followed', () => {
    const cells = [expected('J1', 3, true)];
    const { located } = locate(cells, [sheetColumn(1, { 3: 'J9', 6: 'J1', 8: 'J1' }, 10)]);
    expect(located).toEqual([{ key: 'J1', at: undefined, moved: { jobId: 'J1', from: cell(3), to: undefined } }]);
  });

  test('follow=true but the ID now occurs fewer times than selected: not followed', () => {
    const cells = [expected('J1', 3, true), expected('J1', 4, true)];
    const { located } = locate(cells, [sheetColumn(1, { 3: 'x', 4: 'y', 9: 'J1' }, 10)]);
    expect(located.map((l) => l.at)).toEqual([undefined, undefined]);
  });

  test('follow=true and the ID is gone from the column: lost', () => {
    const cells = [expected('J1', 3, true)];
    const { located } = locate(cells, [sheetColumn(1, { 3: 'J9', 4: 'J8' }, 10)]);
    expect(located).toEqual([{ key: 'J1', at: undefined, moved: { jobId: 'J1', from: cell(3), to: undefined } }]);
  });

  test('the ID is only in another column: not followed there', () => {
    const cells = [expected('J1', 3, true)];
    const { located } = locate(cells, [sheetColumn(1, { 3: 'J9' }, 10), sheetColumn(2, { 3: 'J1' }, 10)]);
    expect(located[0].at).toBeUndefined();
  });

  test('two selected cells of the same ID both moved: both followed, to distinct rows', () => {
    // Rows were inserted: J1 went from rows 3 and 6 to rows 4 and 9.
    const cells = [expected('J1', 3, true), expected('J1', 6, true)];
    const { located } = locate(cells, [sheetColumn(1, { 3: 'new', 4: 'J1', 6: 'other', 9: 'J1' }, 10)]);
    expect(located).toHaveLength(2);
    const rows = located.map((l) => l.at?.row);
    expect([...rows].sort()).toEqual([4, 9]);
    for (const l of located) {
      expect(l.key).toBe('J1');
      expect(l.moved?.to).toEqual(l.at);
    }
    expect(located.map((l) => l.moved?.from.row).sort()).toEqual([3, 6]);
  });

  test('one of two cells of the same ID moved: the moved one goes to the row the other does not hold', () => {
    const cells = [expected('J1', 3, true), expected('J1', 6, true)];
    const { located } = locate(cells, [sheetColumn(1, { 3: 'J1', 6: 'other', 9: 'J1' }, 10)]);
    expect(located).toEqual(
      expect.arrayContaining([
        { key: 'J1', at: cell(3) },
        { key: 'J1', at: cell(9), moved: { jobId: 'J1', from: cell(6), to: cell(9) } },
      ]),
    );
    expect(located).toHaveLength(2);
  });
});

describe('locateCells: rows deleted during the run', () => {
  test('a cell beyond the grid (texts shorter than asked) is lost, without throwing', () => {
    // The plan expected J1 in row 3 and J2 in row 12; the sheet now ends at row 6.
    const cells = [expected('J1', 3, false), expected('J2', 12, false)];
    const column = sheetColumn(1, { 3: 'J1' }, 6);
    let result: ReturnType<typeof locate> | undefined;
    expect(() => (result = locate(cells, [column]))).not.toThrow();
    expect(result?.located).toEqual(
      expect.arrayContaining([
        { key: 'J1', at: cell(3) },
        { key: 'J2', at: undefined, moved: { jobId: 'J2', from: cell(12), to: undefined } },
      ]),
    );
  });

  test('a follow=true cell beyond the grid is followed when its ID is still in the column once', () => {
    const cells = [expected('J2', 12, true)];
    const { located, whole } = locate(cells, [sheetColumn(1, { 4: 'J2' }, 6)]);
    expect(whole).toEqual([1]);
    expect(located).toEqual([{ key: 'J2', at: cell(4), moved: { jobId: 'J2', from: cell(12), to: cell(4) } }]);
  });

  test('every row below the header deleted: spans and the column are empty, every cell lost', () => {
    const cells = [expected('J1', 3, true), expected('J2', 4, false)];
    const spans: ColumnTexts[] = [{ column: 1, first: 3, texts: [] }];
    expect(() => columnsToReadWhole(cells, spans)).not.toThrow();
    expect(columnsToReadWhole(cells, spans)).toEqual([1]);
    const located = locateCells(cells, spans, [{ column: 1, first: 2, texts: [] }]);
    expect(located.map((l) => l.at)).toEqual([undefined, undefined]);
  });

  test('a column missing from what was read: its cells are lost, without throwing', () => {
    const cells = [expected('J1', 3, true, 2)];
    expect(() => locateCells(cells, [], [])).not.toThrow();
    expect(locateCells(cells, [], [])).toEqual([
      { key: 'J1', at: undefined, moved: { jobId: 'J1', from: cell(3, 2), to: undefined } },
    ]);
  });
});

describe('columnsToReadWhole', () => {
  test('lists only the columns with a follow=true cell that left its place', () => {
    const cells = [
      expected('A1', 3, true, 1), // lost, may follow: column 1 is read whole
      expected('B1', 3, false, 2), // lost, may not follow
      expected('C1', 3, true, 3), // in place
      expected('D1', 4, true, 4), // in place
      expected('D2', 5, false, 4), // lost, may not follow
    ];
    const columns = [
      sheetColumn(1, { 3: 'edited', 5: 'A1' }, 6),
      sheetColumn(2, { 3: 'edited', 5: 'B1' }, 6),
      sheetColumn(3, { 3: 'C1' }, 6),
      sheetColumn(4, { 4: 'D1', 5: 'edited' }, 6),
    ];
    expect(columnsToReadWhole(cells, readSpans(cells, columns))).toEqual([1]);
  });

  test('lists each such column once', () => {
    const cells = [expected('A1', 3, true), expected('A2', 4, true)];
    const columns = [sheetColumn(1, { 3: 'x', 4: 'y' }, 6)];
    expect(columnsToReadWhole(cells, readSpans(cells, columns))).toEqual([1]);
  });
});
