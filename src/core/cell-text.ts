// Text written into a cell through setValues is parsed like typed input: `=...` becomes a formula, `+1` a
// number, `TRUE` a boolean, `1/2` a date, `#N/A` an error. Text from AODocs or from the user must stay text.
//
// A leading apostrophe is Sheets' "store as text" mark, but it is added only where Sheets would otherwise
// change the text: in a column formatted as plain text (`@`) Sheets may keep a written apostrophe as a
// character (Google does not document it either way), and a Status reading `'CANCELLED` would defeat "skip
// finished rows". Plain words like CANCELLED or "Not found (404)" go in as they are.

/** Words Sheets reads inside dates and times ("5 Jan 2024", "10:00 pm"), and the exponent of "1e5". */
const DATE_OR_NUMBER_WORDS = new Set(
  [
    'jan', 'january', 'feb', 'february', 'mar', 'march', 'apr', 'april', 'may', 'jun', 'june', 'jul', 'july',
    'aug', 'august', 'sep', 'sept', 'september', 'oct', 'october', 'nov', 'november', 'dec', 'december',
    'mon', 'monday', 'tue', 'tues', 'tuesday', 'wed', 'wednesday', 'thu', 'thur', 'thurs', 'thursday',
    'fri', 'friday', 'sat', 'saturday', 'sun', 'sunday', 'am', 'pm', 'a', 'p', 'e', 't', 'z', 'utc', 'gmt',
  ], // prettier-ignore
);

/** A leading character that makes typed input a formula, or that Sheets would take as the text mark itself. */
const FORMULA_OR_MARK_START = /^[\s]*[=+\-@'#]|^[\t\r\n]/;

/**
 * True when Sheets could read `text`, typed into a cell, as something other than that very text: a formula,
 * a number (currency, percent and grouping included), a date or time, a boolean, or an error value.
 * Errs on the side of marking: a needless mark costs at most a stray apostrophe in a plain-text column; a
 * missing one changes the value.
 */
export function needsTextMark(text: string): boolean {
  if (text === '') return false;
  if (FORMULA_OR_MARK_START.test(text)) return true;
  const trimmed = text.trim();
  if (/^(true|false)$/i.test(trimmed)) return true;
  if (!/\d/.test(trimmed)) return false;
  // Digits with nothing but date, time or number words around them may be parsed.
  const words = trimmed.toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.every((w) => DATE_OR_NUMBER_WORDS.has(w));
}

/** The value to hand to setValues so that the cell holds `text` literally. */
export function asLiteralText(text: string): string {
  return needsTextMark(text) ? `'${text}` : text;
}

/** A status read back from a cell: a leading text mark kept by a plain-text column is not part of it. */
export function withoutTextMark(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}
