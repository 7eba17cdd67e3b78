// Number-format patterns and A1 parsing, below the Range API.
import { columnLetters, columnNumber, formatA1, parseA1 } from '../../../emulator/spreadsheet/a1-notation';
import { formatDatePattern } from '../../../emulator/spreadsheet/date-pattern';
import { automaticNumberDisplay } from '../../../emulator/spreadsheet/display-format';
import { formatNumberPattern } from '../../../emulator/spreadsheet/number-pattern';

const wall = { year: 2026, month: 3, day: 7, hour: 15, minute: 4, second: 9, millisecond: 250 };

test.each([
  ['yyyy-mm-dd hh:mm:ss', '2026-03-07 15:04:09'],
  ['M/d/yyyy H:mm:ss', '3/7/2026 15:04:09'],
  ['dd.MM.yy', '07.03.26'],
  ['mmm d, yyyy h:mm am/pm', 'Mar 7, 2026 3:04 pm'],
  ['dddd d mmmm', 'Saturday 7 March'],
  ['hh:mm:ss.000', '15:04:09.250'],
  ['"at" h:mm AM/PM', 'at 3:04 PM'],
])('date pattern %s shows %s', (pattern, expected) => {
  expect(formatDatePattern(wall, pattern)).toBe(expected);
});

test.each([
  [1234.567, '0', '1235'],
  [1234.567, '0.00', '1234.57'],
  [1234.567, '#,##0.00', '1,234.57'],
  [0.256, '0.0%', '25.6%'],
  [-5, '0.00', '-5.00'],
  [-5, '0;(0)', '(5)'],
  [0, '0;-0;"zero"', 'zero'],
  [7, '"#"000', '#007'],
  [1.5, '0.###', '1.5'],
  [12345, '0.00E+00', '1.23E+04'],
])('number %p with pattern %s shows %s', (value, pattern, expected) => {
  expect(formatNumberPattern(value, pattern)).toBe(expected);
});

test.each([
  [0, '0'],
  [-42, '-42'],
  [123456789012345, '123456789012345'],
  [1e15, '1E+15'],
  [2 / 3, '0.6666666667'],
  [0.0000001, '1E-07'],
])('automatic format shows %p as %s', (value, expected) => {
  expect(automaticNumberDisplay(value)).toBe(expected);
});

test('column letters round-trip', () => {
  expect([1, 26, 27, 52, 703].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  expect(['A', 'z', 'AA', 'AAA'].map(columnNumber)).toEqual([1, 26, 27, 703]);
});

test.each([
  ['A1', { startRow: 1, endRow: 1, startColumn: 1, endColumn: 1 }],
  ['$B$2:c3', { startRow: 2, endRow: 3, startColumn: 2, endColumn: 3 }],
  ['C3:A1', { startRow: 1, endRow: 3, startColumn: 1, endColumn: 3 }],
  ['B:D', { startColumn: 2, endColumn: 4 }],
  ['5:2', { startRow: 2, endRow: 5 }],
  ["'It''s'!A1", { sheetName: "It's", startRow: 1, endRow: 1, startColumn: 1, endColumn: 1 }],
])('parseA1(%s)', (a1, expected) => {
  expect(parseA1(a1)).toEqual(expected);
});

test.each(['', 'A', '3', 'A0', 'A1:B2:C3', 'ABCD1', 'A1:3', '1A'])('parseA1(%p) is not a range', (a1) => {
  expect(parseA1(a1)).toBeNull();
});

test('formatA1 writes cells, blocks, whole columns and whole rows', () => {
  expect(formatA1({ startRow: 2, endRow: 2, startColumn: 3, endColumn: 3 })).toBe('C2');
  expect(formatA1({ startRow: 1, endRow: 9, startColumn: 1, endColumn: 2 })).toBe('A1:B9');
  expect(formatA1({ startColumn: 1, endColumn: 1 })).toBe('A:A');
  expect(formatA1({ startRow: 4, endRow: 4 })).toBe('4:4');
});
