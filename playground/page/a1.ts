// A1 notation for the page: column letters <-> numbers, and the A1 of a rectangle, whole columns and whole rows.

/** A rectangle of cells, 1-based and inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** What an A1 notation names: a rectangle of cells, whole columns (`C:E`) or whole rows (`3:5`). */
export type Area =
  | { kind: 'cells'; rect: Rect }
  | { kind: 'columns'; left: number; right: number }
  | { kind: 'rows'; top: number; bottom: number };

/** 1 -> A, 26 -> Z, 27 -> AA. */
export function columnLetters(column: number): string {
  if (!Number.isInteger(column) || column < 1) throw new Error(`Not a column number: ${column}`);
  let letters = '';
  let n = column;
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A -> 1, Z -> 26, AA -> 27 (case-insensitive). */
export function columnNumber(letters: string): number {
  if (!/^[A-Za-z]+$/.test(letters)) throw new Error(`Not column letters: ${letters}`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellA1(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** `C5` for one cell, `A2:B10` otherwise; the corners may come in any order. */
export function rectA1(rect: Rect): string {
  const r = normalizeRect(rect);
  const start = cellA1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? start : `${start}:${cellA1(r.bottom, r.right)}`;
}

/** `C:C` for one column, `C:E` for several. */
export function columnsA1(from: number, to: number): string {
  return `${columnLetters(Math.min(from, to))}:${columnLetters(Math.max(from, to))}`;
}

/** `3:3` for one row, `3:5` for several. */
export function rowsA1(from: number, to: number): string {
  return `${Math.min(from, to)}:${Math.max(from, to)}`;
}

export function normalizeRect(rect: Rect): Rect {
  return {
    top: Math.min(rect.top, rect.bottom),
    left: Math.min(rect.left, rect.right),
    bottom: Math.max(rect.top, rect.bottom),
    right: Math.max(rect.left, rect.right),
  };
}

const CELL = /^\$?([A-Za-z]+)\$?([0-9]+)$/;
const COLUMN = /^\$?([A-Za-z]+)$/;
const ROW = /^\$?([0-9]+)$/;

/** Parses `C5`, `A2:B10`, `C:E`, `3:5` (with or without `$`, an optional `'Sheet'!` prefix); null otherwise. */
export function parseA1(a1: string): Area | null {
  const bang = a1.lastIndexOf('!');
  const text = (bang >= 0 ? a1.slice(bang + 1) : a1).trim();
  const [first, second = first, extra] = text.split(':');
  if (extra !== undefined || !first) return null;
  const a = CELL.exec(first);
  const b = CELL.exec(second);
  if (a && b) {
    const rect = normalizeRect({
      top: Number(a[2]),
      left: columnNumber(a[1]),
      bottom: Number(b[2]),
      right: columnNumber(b[1]),
    });
    return rect.top >= 1 ? { kind: 'cells', rect } : null;
  }
  const ca = COLUMN.exec(first);
  const cb = COLUMN.exec(second);
  if (ca && cb && text.includes(':')) {
    const left = columnNumber(ca[1]);
    const right = columnNumber(cb[1]);
    return { kind: 'columns', left: Math.min(left, right), right: Math.max(left, right) };
  }
  const ra = ROW.exec(first);
  const rb = ROW.exec(second);
  if (ra && rb && text.includes(':')) {
    const top = Number(ra[1]);
    const bottom = Number(rb[1]);
    if (Math.min(top, bottom) < 1) return null;
    return { kind: 'rows', top: Math.min(top, bottom), bottom: Math.max(top, bottom) };
  }
  return null;
}
