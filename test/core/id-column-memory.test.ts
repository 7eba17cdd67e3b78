import {
  REMEMBERED_SHEETS_MAX,
  parseRemembered,
  sheetKey,
  validateIdColumnChoice,
  withChoice,
} from '../../src/core/id-column-memory';

describe('parseRemembered', () => {
  test.each<[string, string | null]>([
    ['nothing stored', null],
    ['not JSON', '{oops'],
    ['a list', '[1,2]'],
    ['a number', '5'],
  ])('%s: no choice', (_name, stored) => {
    expect(parseRemembered(stored)).toEqual({});
  });

  test('keeps well-formed choices only', () => {
    const stored = JSON.stringify({
      'ss:1': { column: 2, header: 'Ticket' },
      'ss:2': { column: 0, header: 'x' },
      'ss:3': { column: 2 },
      'ss:4': 3,
      'ss:5': { column: 18_279, header: '' },
    });
    expect(parseRemembered(stored)).toEqual({ 'ss:1': { column: 2, header: 'Ticket' } });
  });
});

describe('withChoice', () => {
  test('sets, replaces (newest last) and forgets a sheet', () => {
    const one = withChoice({}, sheetKey('ss', 1), { column: 2, header: 'A' });
    const two = withChoice(one, sheetKey('ss', 2), { column: 3, header: 'B' });
    const again = withChoice(two, sheetKey('ss', 1), { column: 4, header: 'C' });
    expect(Object.keys(again)).toEqual(['ss:2', 'ss:1']);
    expect(again['ss:1']).toEqual({ column: 4, header: 'C' });
    expect(withChoice(again, 'ss:2', { column: 0, header: '' })).toEqual({ 'ss:1': { column: 4, header: 'C' } });
  });

  test(`keeps at most ${REMEMBERED_SHEETS_MAX} sheets, forgetting the oldest`, () => {
    let remembered = {};
    for (let i = 0; i <= REMEMBERED_SHEETS_MAX; i++)
      remembered = withChoice(remembered, `ss:${i}`, { column: 1, header: '' });
    expect(Object.keys(remembered)).toHaveLength(REMEMBERED_SHEETS_MAX);
    expect(remembered).not.toHaveProperty('ss:0');
  });
});

describe('validateIdColumnChoice', () => {
  test('a good choice, its header trimmed', () => {
    expect(validateIdColumnChoice({ sheetId: 0, column: 3, header: ' Ticket ' })).toEqual({
      sheetId: 0,
      column: 3,
      header: 'Ticket',
    });
  });

  test.each<[unknown]>([
    [null],
    ['x'],
    [{ sheetId: -1, column: 1, header: '' }],
    [{ sheetId: 1, column: 1.5, header: '' }],
    [{ sheetId: 1, column: 18_279, header: '' }],
    [{ sheetId: 1, column: 1 }],
    [{ sheetId: 1, column: 1, header: 'x'.repeat(257) }],
  ])('refuses %p', (value) => {
    expect(validateIdColumnChoice(value)).toMatch(/^Invalid request/);
  });
});
