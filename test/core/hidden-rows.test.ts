// Splitting a large selection's hidden-row check into parallel pieces, and what the server accepts back.
import {
  HIDDEN_ROWS_CHECK_MAX,
  HIDDEN_ROWS_PER_CALL,
  MAX_HIDDEN_ROUNDS,
  addRound,
  checkHiddenRowsRequest,
  checkKnownHiddenRows,
  hiddenRowsPieces,
  rowsFingerprint,
  tooManyRowsToCheck,
  trustedHiddenStates,
} from '../../src/core/hidden-rows';

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe('hiddenRowsPieces', () => {
  test.each([
    // rows, in flight, expected piece sizes
    [1000, 6, [167, 167, 167, 167, 167, 165]],
    // pieces of at least 100 rows: fewer pieces than slots, the last one smaller
    [250, 6, [100, 100, 50]],
    [90, 6, [90]],
    [1000, 1, [500, 500]],
    [2500, 2, [...Array(5).fill(417), 415]],
    // two rounds of six equal pieces rather than full pieces and a last one alone
    [5000, 6, [...Array(11).fill(417), 413]],
  ])('%i rows, %i in flight', (count, inFlight, sizes) => {
    const rows = range(2, count);
    const pieces = hiddenRowsPieces({ sheetId: 7, rows }, inFlight);
    expect(pieces.map((p) => p.rows.length)).toEqual(sizes);
    expect(pieces.flatMap((p) => p.rows)).toEqual(rows);
    expect(pieces.every((p) => p.sheetId === 7)).toBe(true);
  });

  test('every row lands in a piece no larger than one call takes, whatever the in-flight figure', () => {
    for (const inFlight of [0, 1, 3, 6, 10, 2.5, -1, NaN, Infinity]) {
      const pieces = hiddenRowsPieces({ sheetId: 1, rows: range(1, 20000) }, inFlight);
      expect(Math.max(...pieces.map((p) => p.rows.length))).toBeLessThanOrEqual(HIDDEN_ROWS_PER_CALL);
      expect(pieces.flatMap((p) => p.rows)).toEqual(range(1, 20000));
    }
  });

  test('nothing to check, no piece', () => {
    expect(hiddenRowsPieces({ sheetId: 1, rows: [] }, 6)).toEqual([]);
  });
});

describe('rounds of checks and when they are trusted', () => {
  const texts: Record<number, string> = { 2: 'a', 3: 'b', 4: 'c', 5: 'd' };
  const textOf = (row: number) => texts[row] ?? '';

  test('the fingerprint changes with a row number or with what a row holds', () => {
    const fp = rowsFingerprint([2, 3, 4], textOf);
    expect(rowsFingerprint([2, 3, 4], textOf)).toBe(fp);
    expect(rowsFingerprint([2, 3, 5], textOf)).not.toBe(fp);
    expect(rowsFingerprint([2, 3, 4], (row) => (row === 3 ? 'x' : textOf(row)))).not.toBe(fp);
    // A row's texts moved to the next row (a row inserted above) is another fingerprint.
    expect(rowsFingerprint([3, 4, 5], (row) => textOf(row - 1))).not.toBe(fp);
  });

  test('a round whose rows still hold what they held is trusted; a stale one or another sheet is not', () => {
    const good = { rows: [2, 3], hidden: [3], fingerprint: rowsFingerprint([2, 3], textOf) };
    const stale = { rows: [4, 5], hidden: [5], fingerprint: rowsFingerprint([4, 5], () => 'old') };
    const known = { sheetId: 9, rounds: [good, stale] };
    expect(trustedHiddenStates(known, 9, textOf)).toEqual({ checked: new Set([2, 3]), hidden: new Set([3]) });
    expect(trustedHiddenStates(known, 8, textOf)).toEqual({ checked: new Set(), hidden: new Set() });
    expect(trustedHiddenStates(undefined, 9, textOf)).toEqual({ checked: new Set(), hidden: new Set() });
  });

  test('a round is added with the rows answered; another sheet starts afresh', () => {
    const request = { sheetId: 3, rows: [8, 9, 10], fingerprint: 'f2' };
    const pieces = [
      { sheetId: 3, rows: [8, 9] },
      { sheetId: 3, rows: [10] },
    ];
    const first = { rows: [2], hidden: [], fingerprint: 'f1' };
    expect(addRound({ sheetId: 3, rounds: [first] }, request, pieces, [9])).toEqual({
      sheetId: 3,
      rounds: [first, { rows: [8, 9, 10], hidden: [9], fingerprint: 'f2' }],
    });
    expect(addRound({ sheetId: 4, rounds: [first] }, request, pieces, [])).toEqual({
      sheetId: 3,
      rounds: [{ rows: [8, 9, 10], hidden: [], fingerprint: 'f2' }],
    });
  });

  test('a round whose pieces do not cover the request keeps no fingerprint, so it is never trusted', () => {
    const request = { sheetId: 3, rows: [8, 9, 10], fingerprint: 'f2' };
    const known = addRound(undefined, request, [{ sheetId: 3, rows: [8, 9] }], []);
    expect(known.rounds[0].fingerprint).toBe('');
    const textOfRow = () => '';
    expect(trustedHiddenStates(known, 3, textOfRow).checked.size).toBe(0);
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
    const round = { rows: [2], hidden: [], fingerprint: '1:abc' };
    expect(checkKnownHiddenRows(undefined)).toBeUndefined();
    expect(checkKnownHiddenRows(null)).toBeUndefined();
    expect(checkKnownHiddenRows({ sheetId: 1, rounds: [round] })).toEqual({ sheetId: 1, rounds: [round] });
    for (const bad of [
      'x',
      { sheetId: 1 },
      { sheetId: 1, rounds: 'all' },
      { sheetId: 1.2, rounds: [] },
      { sheetId: 1, rounds: [null] },
      { sheetId: 1, rounds: [{ ...round, rows: [-2] }] },
      { sheetId: 1, rounds: [{ ...round, hidden: ['3'] }] },
      { sheetId: 1, rounds: [{ ...round, fingerprint: 7 }] },
      { sheetId: 1, rounds: [{ ...round, fingerprint: 'x'.repeat(41) }] },
      { sheetId: 1, rounds: [{ ...round, rows: range(1, HIDDEN_ROWS_CHECK_MAX + 1) }] },
      { sheetId: 1, rounds: Array(MAX_HIDDEN_ROUNDS + 1).fill(round) },
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
