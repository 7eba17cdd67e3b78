// The job ID column each sheet's user chose (asked when the header names none), kept in the user's properties
// as one small JSON object: "<spreadsheet ID>:<sheet ID>" -> the column and its header text then (a column
// inserted or deleted on its left moves the IDs: the choice holds only where the header still reads the same).
// Pure: the server reads and writes the text.
import type { IdColumnChoice } from '../shared/api';

/** Sheets remembered at most: the oldest choice is forgotten first (a property value holds 9 kB). */
export const REMEMBERED_SHEETS_MAX = 100;
const MAX_COLUMN = 18_278; // column ZZZ

export interface RememberedColumn {
  column: number;
  header: string;
}

export type RememberedColumns = Record<string, RememberedColumn>;

const MAX_HEADER = 256;

function isRemembered(value: unknown): value is RememberedColumn {
  const o = value as RememberedColumn | null;
  return (
    typeof o === 'object' &&
    o !== null &&
    Number.isInteger(o.column) &&
    o.column >= 1 &&
    o.column <= MAX_COLUMN &&
    typeof o.header === 'string'
  );
}

export function sheetKey(spreadsheetId: string, sheetId: number): string {
  return `${spreadsheetId}:${sheetId}`;
}

/** The stored choices; anything unreadable counts as none (the user is asked again). */
export function parseRemembered(stored: string | null): RememberedColumns {
  try {
    const value = JSON.parse(stored ?? '{}') as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter(([, c]) => isRemembered(c))) as RememberedColumns;
  } catch {
    return {};
  }
}

/** The choices with `key` set to `choice` (column 0 forgets it), newest last, at most REMEMBERED_SHEETS_MAX. */
export function withChoice(remembered: RememberedColumns, key: string, choice: RememberedColumn): RememberedColumns {
  const rest = Object.entries(remembered).filter(([k]) => k !== key);
  const all = choice.column === 0 ? rest : [...rest, [key, choice] as [string, RememberedColumn]];
  return Object.fromEntries(all.slice(-REMEMBERED_SHEETS_MAX));
}

/** chooseIdColumn's argument, checked: any code in the sidebar's frame can call it with anything. */
export function validateIdColumnChoice(value: unknown): IdColumnChoice | string {
  const o = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const isInt = (v: unknown, min: number, max: number): v is number =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
  if (!isInt(o.sheetId, 0, Number.MAX_SAFE_INTEGER)) return 'Invalid request: sheet ID.';
  if (!isInt(o.column, 0, MAX_COLUMN)) return 'Invalid request: column.';
  if (typeof o.header !== 'string' || o.header.length > MAX_HEADER) return 'Invalid request: header.';
  return { sheetId: o.sheetId, column: o.column, header: o.header.trim() };
}
