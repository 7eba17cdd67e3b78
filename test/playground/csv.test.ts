import { parseCsv } from '../../playground/server/csv';

test.each<[string, string, string[][]]>([
  [
    'plain rows',
    'a,b\n1,2\n',
    [
      ['a', 'b'],
      ['1', '2'],
    ],
  ],
  [
    'CRLF line ends and no final newline',
    'a,b\r\n1,2',
    [
      ['a', 'b'],
      ['1', '2'],
    ],
  ],
  [
    'quoted fields with commas, quotes and line breaks',
    '"x, y","say ""hi""","two\nlines"\n',
    [['x, y', 'say "hi"', 'two\nlines']],
  ],
  [
    'empty fields',
    'a,,c\n,,\n',
    [
      ['a', '', 'c'],
      ['', '', ''],
    ],
  ],
  ['a byte order mark', '\uFEFFJob ID\nabc\n', [['Job ID'], ['abc']]],
  ['a formula stays text here (the sheet decides)', '=1+2\n', [['=1+2']]],
])('%s', (_, text, rows) => {
  expect(parseCsv(text)).toEqual(rows);
});

test('an unclosed quote is an error, not a silent guess', () => {
  expect(() => parseCsv('"abc\n')).toThrow('CSV: a quoted field is not closed');
});
