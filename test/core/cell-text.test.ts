import { asLiteralText } from '../../src/core/cell-text';

// Sheets stores a value that starts with an apostrophe as the text after it, never parsing it.
const storedAsText = (value: string): string | undefined => (value.startsWith("'") ? value.slice(1) : undefined);

describe('asLiteralText', () => {
  test.each<[string, string]>([
    ['a formula', '=HYPERLINK("http://evil","x")'],
    ['a leading plus', '+1234'],
    ['a leading minus', '-2+3'],
    ['a leading at sign', '@SUM(A1)'],
    ['a leading tab', '\t=1+1'],
    ['a leading carriage return', '\r=1+1'],
    ['a boolean-looking word', 'TRUE'],
    ['a date-looking fraction', '1/2'],
    ['a number-looking text', '00123'],
    ['a percentage', '50%'],
    ['plain text', 'IN_PROGRESS'],
    ['text already starting with an apostrophe', "'quoted"],
  ])('writes %s as literal text', (_name, text) => {
    const value = asLiteralText(text);
    expect(storedAsText(value)).toBe(text);
  });

  test('leaves the empty string empty (a cleared cell, not a lone apostrophe)', () => {
    expect(asLiteralText('')).toBe('');
  });
});
