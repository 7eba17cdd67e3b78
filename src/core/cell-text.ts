// Text written into a cell through setValues is parsed like typed input: `=...` becomes a formula, `+1` a
// number, `TRUE` a boolean, `1/2` a date. Text from AODocs or from the user must stay text, whatever it is.

/**
 * Returns the value to hand to setValues so the cell holds `text` literally. A leading apostrophe is Sheets'
 * "store as text" mark: it is not part of the cell's value nor of what it displays. Every non-empty string gets
 * it, not only formula-looking ones, so a status like `1/2` or `TRUE` is never turned into a date or a boolean.
 */
export function asLiteralText(text: string): string {
  return text === '' ? '' : `'${text}`;
}
