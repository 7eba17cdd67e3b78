// Text written into a cell through setValues is parsed like typed input: `=...` becomes a formula, `+1` a
// number, `TRUE` a boolean, `1/2` a date, `#N/A` an error, and in a German spreadsheet `Mai 2024` a date and
// `WAHR` a boolean. Text from AODocs or from the user must stay text.
//
// A leading apostrophe is Sheets' "store as text" mark, but it is added only where Sheets could otherwise
// change the text: in a column formatted as plain text (`@`) Sheets may keep a written apostrophe as a
// character (Google does not document it either way), and a Status reading `'CANCELLED` would defeat "skip
// finished rows". Two levels:
// - text from outside (statuses, job IDs, sheet names, requestors): Sheets' parser depends on the spreadsheet's
//   locale, which is not known here, so any digit, any boolean word of a common locale, or a formula-like start
//   gets the mark. Statuses (IN_PROGRESS, CANCELLED...) have none of these and go in as they are.
// - the add-on's own sentences ("Not found (404)"): their shape is known, they start with an English word that
//   no locale reads as a date or a boolean, so they go in as they are.

/** TRUE/FALSE as Sheets reads them in the locales of its UI languages most used with AODocs. */
const BOOLEAN_WORDS = new Set([
  'true', 'false', 'wahr', 'falsch', 'vrai', 'faux', 'verdadero', 'falso', 'vero', 'verdadeiro', 'waar',
  'onwaar', 'sant', 'usant', 'prawda', 'fałsz', 'tosi', 'epätosi', 'igaz', 'hamis', 'doğru', 'yanlış',
]); // prettier-ignore

/** A leading character that makes typed input a formula or an error, or that Sheets takes as the mark itself. */
const FORMULA_OR_MARK_START = /^\s*[=+\-@'#]|^[\t\r\n]/;

/** Full-width forms (＝, １) and other compatibility characters read as their plain forms. */
function normalised(text: string): string {
  return text.normalize('NFKC');
}

/**
 * True when `text` from outside the add-on, typed into a cell, could be read by Sheets as something other than
 * that very text in some locale: a formula, an error, a number, a date or time, a boolean. Errs on the side of
 * marking: a needless mark costs at most a stray apostrophe in a plain-text column; a missing one changes the
 * value.
 */
export function needsTextMark(text: string): boolean {
  if (text === '') return false;
  const plain = normalised(text);
  if (FORMULA_OR_MARK_START.test(plain)) return true;
  if (BOOLEAN_WORDS.has(plain.trim().toLowerCase())) return true;
  return /\p{Nd}/u.test(plain);
}

/** The value to hand to setValues so that the cell holds `text`, which came from outside, literally. */
export function asLiteralText(text: string): string {
  return needsTextMark(text) ? `'${text}` : text;
}

/** Words that open a date in English ("May 5", "Mon 5 Jan"): an own sentence never starts with one. */
const DATE_WORDS = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)/i;

/**
 * The value for one of the add-on's own sentences (the Result column, the log's notes): written as it is when
 * it starts with an English word of two letters or more followed by a space or a colon, and that word cannot
 * open a date or be a boolean; any other text is treated like text from outside.
 */
export function asOwnSentence(text: string): string {
  const first = /^([A-Za-z][A-Za-z-]+)[ :,]/.exec(text)?.[1];
  const safe = first !== undefined && !DATE_WORDS.test(first) && !BOOLEAN_WORDS.has(first.toLowerCase());
  return safe ? text : asLiteralText(text);
}

/** A status read back from a cell: a leading text mark kept by a plain-text column is not part of it. */
export function withoutTextMark(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}
