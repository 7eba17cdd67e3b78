// Splitting a large selection's hidden-row check into parallel pieces, and what the server accepts back.
import {
  HIDDEN_ROWS_CHECK_MAX,
  HIDDEN_ROWS_PER_CALL,
  addCheckedRows,
  checkHiddenRowsRequest,
  checkKnownHiddenRows,
  hiddenRowsPieces,
  knownHidden,
  rowsToCheck,
  tooManyRowsToCheck,
} from '../../src/core/hidden-rows';

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe('hiddenRowsPieces', () => {
  test.each([
    // rows, in flight, expected piece sizes
    [1000, 6, [167, 167, 167, 167, 167, 165]],
    [250, 6, [100, 100, 50]],
    [90, 6, [90]],
    [1000, 1, [1000]],
    [2500, 2, [625, 625, 625, 625]],
    // three rounds of six equal pieces rather than twelve full pieces and a thirteenth alone
    [13000, 6, [...Array(17).fill(723), 709]],
  ])('%i rows, %i in flight', (count, inFlight, sizes) => {
    const rows = range(2, count);
    const pieces = hiddenRowsPieces({ sheetId: 7, rows }, inFlight);
    expect(pieces.map((p) => p.rows.length)).toEqual(sizes);
    expect(pieces.flatMap((p) => p.rows)).toEqual(rows);
    expect(pieces.every((p) => p.sheetId === 7)).toBe(true);
  });

  test('no piece is ever larger than one call takes, whatever the in-flight figure', () => {
    for (const inFlight of [0, 1, 3, 6, 10, 2.5]) {
      const pieces = hiddenRowsPieces({ sheetId: 1, rows: range(1, 20000) }, inFlight);
      expect(Math.max(...pieces.map((p) => p.rows.length))).toBeLessThanOrEqual(HIDDEN_ROWS_PER_CALL);
      expect(pieces.flatMap((p) => p.rows)).toHaveLength(20000);
    }
  });

  test('nothing to check, no piece', () => {
    expect(hiddenRowsPieces({ sheetId: 1, rows: [] }, 6)).toEqual([]);
  });
});

describe('known hidden states', () => {
  const known = { sheetId: 3, checked: [2, 3, 4, 5], hidden: [3, 5] };

  test('rows already checked on the same sheet are not checked again', () => {
    expect(rowsToCheck([1, 2, 3, 6], 3, known)).toEqual([1, 6]);
    expect(knownHidden([1, 2, 3, 6], 3, known)).toEqual([3]);
  });

  test('states known about another sheet are ignored', () => {
    expect(rowsToCheck([2, 3], 4, known)).toEqual([2, 3]);
    expect(knownHidden([2, 3], 4, known)).toEqual([]);
    expect(rowsToCheck([2, 3], 3, undefined)).toEqual([2, 3]);
  });

  test('a round of answers adds to what is known; another sheet starts afresh', () => {
    expect(addCheckedRows(known, { sheetId: 3, rows: [8, 9] }, [9])).toEqual({
      sheetId: 3,
      checked: [2, 3, 4, 5, 8, 9],
      hidden: [3, 5, 9],
    });
    expect(addCheckedRows(known, { sheetId: 4, rows: [8] }, [])).toEqual({ sheetId: 4, checked: [8], hidden: [] });
    expect(addCheckedRows(undefined, { sheetId: 4, rows: [8] }, [8])).toEqual({
      sheetId: 4,
      checked: [8],
      hidden: [8],
    });
  });
});

describe('what the server accepts', () => {
  test('a readHiddenRows request: a sheet ID and at most one call worth of positive row numbers', () => {
    expect(checkHiddenRowsRequest({ sheetId: 0, rows: [1, 2] })).toEqual({ sheetId: 0, rows: [1, 2] });
    expect(checkHiddenRowsRequest({ sheetId: 5, rows: range(1, HIDDEN_ROWS_PER_CALL) })).not.toEqual(
      expect.any(String),
    );
    for (const bad of [
      null,
      'x',
      { rows: [1] },
      { sheetId: '5', rows: [1] },
      { sheetId: 5 },
      { sheetId: 5, rows: [0] },
      { sheetId: 5, rows: [1.5] },
      { sheetId: 5, rows: ['2'] },
      { sheetId: 5, rows: range(1, HIDDEN_ROWS_PER_CALL + 1) },
    ]) {
      expect(typeof checkHiddenRowsRequest(bad)).toBe('string');
    }
  });

  test('known states sent back with the plan: absent, well formed, or refused', () => {
    expect(checkKnownHiddenRows(undefined)).toBeUndefined();
    expect(checkKnownHiddenRows(null)).toBeUndefined();
    expect(checkKnownHiddenRows({ sheetId: 1, checked: [2], hidden: [] })).toEqual({
      sheetId: 1,
      checked: [2],
      hidden: [],
    });
    for (const bad of [
      'x',
      { sheetId: 1, checked: [2] },
      { sheetId: 1, checked: [-2], hidden: [] },
      { sheetId: 1.2, checked: [], hidden: [] },
      { sheetId: 1, checked: range(1, HIDDEN_ROWS_CHECK_MAX + 1), hidden: [] },
    ]) {
      expect(checkKnownHiddenRows(bad)).toEqual(expect.any(String));
    }
  });

  test('the message for a selection too large to check names the count and both ways out', () => {
    expect(tooManyRowsToCheck(150000)).toBe(
      'The selection has 150000 rows holding something; hidden rows can be looked for in at most 20000 of them. ' +
        'Select fewer rows, or turn off "Skip hidden rows" in Settings.',
    );
  });
});
