/**
 * A1 notation as Sheets reads it: `A1`, `A1:C10`, whole columns `A:A`/`B:D`, columns from a row `A2:B`, whole rows
 * `3:3`/`2:5`, optionally prefixed by a sheet name (`Sheet1!A1:B2`, `'My sheet'!A:A`). Letters are case-insensitive,
 * `$` anchors are ignored, reversed corners are normalised (`C3:A1` is `A1:C3`).
 * Reference: https://developers.google.com/sheets/api/guides/concepts#cell (A1 notation)
 */

/** A parsed reference. An undefined bound is open: the range runs to the sheet's edge on that side. */
export interface A1Reference {
  sheetName?: string;
  startRow?: number;
  endRow?: number;
  startColumn?: number;
  endColumn?: number;
}

/** 1 -> A, 27 -> AA. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A -> 1, aa -> 27. */
export function columnNumber(letters: string): number {
  let column = 0;
  for (const ch of letters.toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return column;
}

const SHEET_PREFIX = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/;
const ENDPOINT = /^\$?([A-Za-z]{1,3})?\$?([0-9]+)?$/;

interface Endpoint {
  column?: number;
  row?: number;
}

function parseEndpoint(text: string): Endpoint | null {
  const match = ENDPOINT.exec(text);
  if (!match || (!match[1] && !match[2])) return null;
  const row = match[2] === undefined ? undefined : Number(match[2]);
  if (row === 0) return null;
  return { column: match[1] ? columnNumber(match[1]) : undefined, row };
}

/** Parses A1 notation; null when the text is not a range Sheets would recognise. */
export function parseA1(a1: string): A1Reference | null {
  let text = a1.trim();
  let sheetName: string | undefined;
  const prefixed = SHEET_PREFIX.exec(text);
  if (prefixed) {
    sheetName = prefixed[1] !== undefined ? prefixed[1].replace(/''/g, "'") : prefixed[2];
    text = prefixed[3];
  }
  const parts = text.split(':');
  if (parts.length > 2) return null;
  const first = parseEndpoint(parts[0]);
  const second = parts.length === 2 ? parseEndpoint(parts[1]) : first;
  if (!first || !second) return null;
  // Alone, only a cell is a range: `A` or `3` is not (a whole column needs `A:A`).
  if (parts.length === 1 && (first.row === undefined || first.column === undefined)) return null;
  const ref = referenceFromCorners(first, second);
  if (ref && sheetName !== undefined) ref.sheetName = sheetName;
  return ref;
}

function referenceFromCorners(a: Endpoint, b: Endpoint): A1Reference | null {
  const isCell = (e: Endpoint) => e.column !== undefined && e.row !== undefined;
  const isColumn = (e: Endpoint) => e.column !== undefined && e.row === undefined;
  const isRow = (e: Endpoint) => e.column === undefined && e.row !== undefined;
  const sorted = (x: number, y: number): [number, number] => (x <= y ? [x, y] : [y, x]);
  if (isCell(a) && isCell(b)) {
    const [startRow, endRow] = sorted(a.row!, b.row!);
    const [startColumn, endColumn] = sorted(a.column!, b.column!);
    return { startRow, endRow, startColumn, endColumn };
  }
  if (isColumn(a) && isColumn(b)) {
    const [startColumn, endColumn] = sorted(a.column!, b.column!);
    return { startColumn, endColumn };
  }
  if (isRow(a) && isRow(b)) {
    const [startRow, endRow] = sorted(a.row!, b.row!);
    return { startRow, endRow };
  }
  if (isCell(a) && isColumn(b)) {
    // `A2:B`: columns A..B from row 2 down to the last row.
    const [startColumn, endColumn] = sorted(a.column!, b.column!);
    return { startRow: a.row, startColumn, endColumn };
  }
  return null;
}

/** Formats a reference (without its sheet name) the way Range.getA1Notation() does. */
export function formatA1(ref: A1Reference): string {
  const { startRow, endRow, startColumn, endColumn } = ref;
  if (startColumn === undefined || endColumn === undefined) return `${startRow}:${endRow}`;
  const first = columnLetters(startColumn);
  const last = columnLetters(endColumn);
  if (startRow === undefined) return `${first}:${last}`;
  if (endRow === undefined) return `${first}${startRow}:${last}`;
  if (startRow === endRow && startColumn === endColumn) return `${first}${startRow}`;
  return `${first}${startRow}:${last}${endRow}`;
}
