/**
 * Utilities.formatDate(date, timeZone, pattern) with java.text.SimpleDateFormat letters
 * (https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)):
 * G y Y M L d H k K h m s S E u a z Z X, quoted text ('T', '' for a quote). Zone names (z) come from Intl and may
 * differ from Java's for some zones (Intl writes "GMT+1" where Java writes "CET").
 */
import { MONTH_NAMES, WEEKDAY_NAMES, wallClockAsUtc, wallClockAt } from '../spreadsheet/time-zone';

interface ZonedParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number; // 0-23
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
  offsetMinutes: number;
  zoneName: string;
}

const zoneNameFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's short name at that instant ("GMT+1", "PST"), from Intl. */
function zoneNameAt(epochMs: number, timeZone: string): string {
  let formatter = zoneNameFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' });
    zoneNameFormatters.set(timeZone, formatter);
  }
  return formatter.formatToParts(epochMs).find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

function zonedParts(epochMs: number, timeZone: string): ZonedParts {
  const wall = wallClockAt(epochMs, timeZone);
  const asUtc = wallClockAsUtc(wall);
  return {
    ...wall,
    weekday: new Date(asUtc).getUTCDay(),
    offsetMinutes: Math.round((asUtc - epochMs) / 60000),
    zoneName: zoneNameAt(epochMs, timeZone),
  };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function offset(minutes: number, separator: string, zeroAsZ: boolean, width: number): string {
  if (zeroAsZ && minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const hours = pad(Math.floor(Math.abs(minutes) / 60), 2);
  const rest = pad(Math.abs(minutes) % 60, 2);
  return width === 1 ? `${sign}${hours}` : `${sign}${hours}${separator}${rest}`;
}

function field(letter: string, width: number, p: ZonedParts): string {
  switch (letter) {
    case 'G':
      return p.year > 0 ? 'AD' : 'BC';
    case 'y':
    case 'Y':
      return width === 2 ? pad(p.year % 100, 2) : pad(p.year, width);
    case 'M':
    case 'L':
      if (width >= 4) return MONTH_NAMES[p.month - 1];
      if (width === 3) return MONTH_NAMES[p.month - 1].slice(0, 3);
      return pad(p.month, width);
    case 'd':
      return pad(p.day, width);
    case 'H':
      return pad(p.hour, width);
    case 'k':
      return pad(p.hour === 0 ? 24 : p.hour, width);
    case 'K':
      return pad(p.hour % 12, width);
    case 'h':
      return pad(p.hour % 12 === 0 ? 12 : p.hour % 12, width);
    case 'm':
      return pad(p.minute, width);
    case 's':
      return pad(p.second, width);
    case 'S':
      return pad(p.millisecond, Math.max(width, 3)).slice(0, Math.max(width, 3));
    case 'E':
      return width >= 4 ? WEEKDAY_NAMES[p.weekday] : WEEKDAY_NAMES[p.weekday].slice(0, 3);
    case 'u':
      return String(p.weekday === 0 ? 7 : p.weekday);
    case 'a':
      return p.hour < 12 ? 'AM' : 'PM';
    case 'z':
      return p.zoneName;
    case 'Z':
      return offset(p.offsetMinutes, '', false, 2);
    case 'X':
      return offset(p.offsetMinutes, width >= 3 ? ':' : '', true, width);
    default:
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

export function formatDate(epochMs: number, timeZone: string, pattern: string): string {
  const parts = zonedParts(epochMs, timeZone);
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const char = pattern[i];
    if (char === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      // Quoted text runs to the next lone quote; '' inside it is a literal quote.
      for (i++; i < pattern.length; i++) {
        if (pattern[i] !== "'") out += pattern[i];
        else if (pattern[i + 1] === "'") out += pattern[i++];
        else break;
      }
      i++;
      continue;
    }
    if (/[A-Za-z]/.test(char)) {
      let width = 1;
      while (pattern[i + width] === char) width++;
      out += field(char, width, parts);
      i += width;
      continue;
    }
    out += char;
    i++;
  }
  return out;
}
