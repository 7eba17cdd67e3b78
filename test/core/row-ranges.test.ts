// selectRows' input check and the A1 ranges it selects.
import { checkRowsToSelect, rowRangesA1 } from '../../src/core/row-ranges';

describe('rows to select', () => {
  test.each<[unknown]>([
    [null],
    [{}],
    [{ sheetId: 1, rows: [] }],
    [{ sheetId: 1, rows: [0] }],
    [{ sheetId: 'x', rows: [2] }],
  ])('refuses %p', (value) => {
    expect(typeof checkRowsToSelect(value)).toBe('string');
  });
  test('one A1 range per run of rows, inside the grid', () => {
    expect(rowRangesA1([9, 2, 3, 4, 12, 1001], 1000)).toEqual(['2:4', '9:9', '12:12']);
  });
});
