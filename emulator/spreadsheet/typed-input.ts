/**
 * Turns what a script passes to setValue(s)/appendRow, or what a user types, into cell content, the way Sheets
 * parses typed input (the Sheets API calls it USER_ENTERED: "parsed exactly as if entered into the UI",
 * https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption).
 *
 * Choices (Sheets' parser is undocumented beyond that sentence; this covers what the add-on meets):
 * - A string starting with '=' is a formula (Range.setValues: "If a value begins with =, it's interpreted as a
 *   formula", https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluesvalues). Only '='
 *   triggers a formula here; Sheets also turns some '+...' input into formulas, which is not emulated: '+12' is the
 *   number 12 and '+abc' stays text.
 * - A leading apostrophe stores the rest as text; the apostrophe is neither in the value nor in the display.
 * - Numeric text (optional sign, decimals, exponent, en-US thousands separators, a trailing %) becomes a number;
 *   leading zeros are lost ('01234' -> 1234), as in Sheets.
 * - TRUE/FALSE in any case become booleans.
 * - Dates `yyyy-m-d` / `yyyy/m/d` and en-US `m/d/yyyy`, optionally followed by `h:mm` or `h:mm:ss`, become Dates
 *   at that wall-clock time in the spreadsheet's time zone. `2026-11-29T10:00:00Z` (ISO with T) stays text.
 * - In a cell formatted as plain text ('@') strings are stored as typed: no number, date, boolean or formula.
 *   (What Sheets does with '=' there through setValues is not published: docs/SOURCES.md#set-values-parsing.)
 * - JS numbers, booleans and Dates are stored as they are; null/undefined write an empty cell; anything else is
 *   stored as its String().
 */
import { CellValue, isDate } from './cell';
import { instantOfWallClock } from './time-zone';

export interface ParsedInput {
  value: CellValue;
  formula: string;
  /** Format Sheets applies automatically when the cell's format is automatic, e.g. '0%' for '12%'. */
  autoFormat?: string;
}

const EMPTY: ParsedInput = { value: '', formula: '' };
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PERCENT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))%$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

export function parseTypedInput(input: unknown, timeZone: string, plainText = false): ParsedInput {
  if (input === null || input === undefined) return EMPTY;
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input, formula: '' };
  if (isDate(input)) return { value: new Date(input.getTime()), formula: '' };
  const text = String(input);
  if (text === '') return EMPTY;
  if (text.startsWith("'")) return { value: text.slice(1), formula: '' };
  if (plainText) return { value: text, formula: '' };
  if (text.startsWith('=')) return { value: '', formula: text };
  return parseLiteral(text, timeZone) ?? { value: text, formula: '' };
}

function parseLiteral(text: string, timeZone: string): ParsedInput | null {
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) return { value: Number(trimmed), formula: '' };
  if (GROUPED_NUMBER.test(trimmed)) {
    const value = Number(trimmed.replace(/,/g, ''));
    return { value, formula: '', autoFormat: Number.isInteger(value) ? '#,##0' : '#,##0.00' };
  }
  const percent = PERCENT.exec(trimmed);
  if (percent) {
    const value = Number(percent[1]) / 100;
    return { value, formula: '', autoFormat: percent[1].includes('.') ? '0.00%' : '0%' };
  }
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true', formula: '' };
  const date = parseDate(trimmed, timeZone);
  return date ? { value: date, formula: '' } : null;
}

function parseDate(text: string, timeZone: string): Date | null {
  const iso = ISO_DATE.exec(text);
  const us = iso ? null : US_DATE.exec(text);
  if (!iso && !us) return null;
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : [Number(us![3]), Number(us![1]), Number(us![2])];
  const time = (iso ?? us)!.slice(4).map((part) => (part === undefined ? 0 : Number(part)));
  const [hour, minute, second] = time;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) return null;
  return new Date(instantOfWallClock({ year, month, day, hour, minute, second, millisecond: 0 }, timeZone));
}
