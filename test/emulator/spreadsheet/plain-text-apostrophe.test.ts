// The one platform behaviour of plain-text cells Google does not document: whether a written leading apostrophe
// stays a character. The emulator offers both readings (option plainTextKeepsApostrophe) so the product is
// tested under each; elsewhere the apostrophe is Sheets' documented "store as text" mark.
import { spreadsheetWith } from './helpers';

describe.each([false, true])('plainTextKeepsApostrophe %s', (keeps) => {
  function written(value: unknown, format?: string) {
    const { sheet } = spreadsheetWith([['x']], { plainTextKeepsApostrophe: keeps });
    const cell = sheet.getRange(1, 1);
    if (format) cell.setNumberFormat(format);
    cell.setValues([[value]]);
    return { value: cell.getValue(), display: cell.getDisplayValue() };
  }

  test('in a plain-text cell', () => {
    expect(written("'CANCELLED", '@')).toEqual(
      keeps ? { value: "'CANCELLED", display: "'CANCELLED" } : { value: 'CANCELLED', display: 'CANCELLED' },
    );
  });

  test('in a cell of automatic format the apostrophe is always the mark', () => {
    expect(written("'1/2")).toEqual({ value: '1/2', display: '1/2' });
  });

  test('text without a mark is kept as typed in a plain-text cell; numbers and dates stay values', () => {
    expect(written('=1+1', '@').value).toBe('=1+1');
    expect(written(12, '@').value).toBe(12);
    expect(written(new Date(0), '@').value).toBeInstanceOf(Date);
  });
});
