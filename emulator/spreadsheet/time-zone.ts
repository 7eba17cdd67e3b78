/**
 * Wall-clock time in a named time zone, without a date library. Sheets stores dates as wall-clock serial numbers
 * in the spreadsheet's time zone (Spreadsheet.getSpreadsheetTimeZone()), and Apps Script converts them to and from
 * JavaScript Dates with that zone.
 */

/** English calendar names, as Sheets' number formats and Java's SimpleDateFormat print them. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock in `timeZone` at instant `epochMs`. */
export function wallClockAt(epochMs: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
    millisecond: ((epochMs % 1000) + 1000) % 1000,
  };
}

/** The wall clock read as if it were UTC, in milliseconds. */
export function wallClockAsUtc(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
}

function offsetAt(epochMs: number, timeZone: string): number {
  return wallClockAsUtc(wallClockAt(epochMs, timeZone)) - epochMs;
}

/** The instant at which the wall clock in `timeZone` reads `w` (the later one at a DST fold). */
export function instantOfWallClock(w: WallClock, timeZone: string): number {
  const asUtc = wallClockAsUtc(w);
  const first = asUtc - offsetAt(asUtc, timeZone);
  const offset = offsetAt(first, timeZone);
  return asUtc - offset;
}

/** The wall clock of a UTC-read millisecond count (the inverse of wallClockAsUtc). */
export function wallClockFromUtc(ms: number): WallClock {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

const DAY_MS = 86_400_000;
/** Day 0 of Sheets' serial dates: 1899-12-30 (https://developers.google.com/sheets/api/guides/formats#about_date_time_values). */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);

export function serialOfWallClock(w: WallClock): number {
  return (wallClockAsUtc(w) - SERIAL_EPOCH_MS) / DAY_MS;
}

export function wallClockOfSerial(serial: number): WallClock {
  return wallClockFromUtc(Math.round(SERIAL_EPOCH_MS + serial * DAY_MS));
}
