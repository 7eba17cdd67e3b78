// Finding a chunk's ID cells as a program: reads as planned, and the data's extent measured only when the grid no
// longer reaches a read, or when an ID left its cell and its column is read whole.
import { findCells } from '../../../src/core/run/find-cells';
import { ChunkStep } from '../../../src/core/run/sheet-steps';
import { drive, kinds } from './drive';

/** Column A of a sheet whose grid ends at `lastRow`: a read past it throws, as Apps Script does. */
function sheet(column: string[], lastRow = column.length) {
  return {
    'last-row': () => lastRow,
    'last-column': () => 1,
    'read-texts': (step: Extract<ChunkStep, { kind: 'read-texts' }>) => {
      if (step.row + step.numRows - 1 > lastRow)
        throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
      return column.slice(step.row - 1, step.row - 1 + step.numRows).map((t) => [` ${t} `]);
    },
  };
}

const expected = (key: string, row: number, follow = false) => ({ key, text: key, cell: { row, column: 1 }, follow });

test('cells in place: one read of the span, no measure of the sheet', () => {
  const { result, steps } = drive(findCells(1, [expected('a', 2), expected('b', 3)]), sheet(['ID', 'a', 'b']));
  expect(kinds(steps)).toEqual(['read-texts']);
  expect(result).toEqual([
    { key: 'a', at: { row: 2, column: 1 } },
    { key: 'b', at: { row: 3, column: 1 } },
  ]);
});

test('rows deleted past the span: the extent is measured and the read cut at it', () => {
  const { result, steps } = drive(findCells(1, [expected('a', 2), expected('b', 5)]), sheet(['ID', 'a', 'x'], 3));
  expect(kinds(steps)).toEqual(['read-texts', 'last-row', 'last-column', 'read-texts']);
  expect(steps[steps.length - 1]).toMatchObject({ row: 2, numRows: 2 });
  expect(result[0]).toEqual({ key: 'a', at: { row: 2, column: 1 } });
  // Its row is gone: not found.
  expect(result[1]).toMatchObject({ key: 'b', at: undefined });
});

test('an ID that moved and may be followed: its column is read whole, and the ID found again', () => {
  const { result, steps } = drive(findCells(1, [expected('a', 2, true)]), sheet(['ID', 'x', 'y', 'a']));
  expect(kinds(steps)).toEqual(['read-texts', 'last-row', 'last-column', 'read-texts']);
  expect(result).toEqual([
    expect.objectContaining({ key: 'a', at: { row: 4, column: 1 }, moved: expect.objectContaining({ jobId: 'a' }) }),
  ]);
});
