/**
 * What a cell shows (Range.getDisplayValues(): "the displayed values ... taking into account date, currency and
 * number formatting", https://developers.google.com/apps-script/reference/spreadsheet/range#getdisplayvalues) and
 * what getValues()/getNumberFormat() report, given the cell's number format and the spreadsheet's time zone.
 *
 * Automatic format (Sheets' defaults, en-US locale): integers in full up to 15 digits and in scientific notation
 * beyond (12345678901234567890 shows 1.23457E+19), other numbers rounded to 10 significant digits, booleans
 * TRUE/FALSE, Dates `M/d/yyyy H:mm:ss` or `M/d/yyyy` at midnight.
 */
import { Cell, CellValue, isDate } from './cell';
import { formatDatePattern, isDateTimePattern } from './date-pattern';
import { formatNumberPattern, isNumberPattern } from './number-pattern';
import { WallClock, serialOfWallClock, wallClockAt, wallClockOfSerial, instantOfWallClock } from './time-zone';

/** What Range.getNumberFormat() reports for a number cell whose format was never set. */
export const AUTOMATIC_NUMBER_FORMAT = '0.###############';
export const DEFAULT_DATE_TIME_FORMAT = 'M/d/yyyy H:mm:ss';
export const DEFAULT_DATE_FORMAT = 'M/d/yyyy';
export const PLAIN_TEXT_FORMAT = '@';

type FormatKind = 'automatic' | 'text' | 'date' | 'number';

function kindOf(numberFormat: string | undefined): FormatKind {
  if (numberFormat === undefined || numberFormat === '' || numberFormat.toLowerCase() === 'general') return 'automatic';
  if (numberFormat === PLAIN_TEXT_FORMAT) return 'text';
  if (isDateTimePattern(numberFormat)) return 'date';
  return isNumberPattern(numberFormat) ? 'number' : 'automatic';
}

export function isPlainTextFormat(numberFormat: string | undefined): boolean {
  return numberFormat === PLAIN_TEXT_FORMAT;
}

function isMidnight(w: WallClock): boolean {
  return w.hour === 0 && w.minute === 0 && w.second === 0 && w.millisecond === 0;
}

function serialOfDate(date: Date, timeZone: string): number {
  return serialOfWallClock(wallClockAt(date.getTime(), timeZone));
}

/** The value getValues() returns: a number in a date-formatted cell reads as a Date, a Date in a number format as its serial number. */
export function readValue(cell: Cell | undefined, timeZone: string): CellValue {
  if (!cell) return '';
  const { value } = cell;
  const kind = kindOf(cell.numberFormat);
  if (typeof value === 'number' && kind === 'date')
    return new Date(instantOfWallClock(wallClockOfSerial(value), timeZone));
  if (isDate(value)) return kind === 'number' ? serialOfDate(value, timeZone) : new Date(value.getTime());
  return value;
}

export function displayValue(cell: Cell | undefined, timeZone: string): string {
  if (!cell) return '';
  const { value, numberFormat } = cell;
  if (value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const kind = kindOf(numberFormat);
  if (isDate(value)) {
    if (Number.isNaN(value.getTime())) return '';
    if (kind === 'date') return formatDatePattern(wallClockAt(value.getTime(), timeZone), numberFormat!);
    if (kind === 'number') return formatNumberPattern(serialOfDate(value, timeZone), numberFormat!);
    const wall = wallClockAt(value.getTime(), timeZone);
    return formatDatePattern(wall, isMidnight(wall) ? DEFAULT_DATE_FORMAT : DEFAULT_DATE_TIME_FORMAT);
  }
  if (kind === 'date') return formatDatePattern(wallClockOfSerial(value), numberFormat!);
  if (kind === 'number') return formatNumberPattern(value, numberFormat!);
  return automaticNumberDisplay(value);
}

/** What getNumberFormat() reports: the set pattern, else the automatic one for the kind of value held. */
export function reportedNumberFormat(cell: Cell | undefined, timeZone: string): string {
  if (cell?.numberFormat) return cell.numberFormat;
  if (cell && isDate(cell.value)) {
    return isMidnight(wallClockAt(cell.value.getTime(), timeZone)) ? DEFAULT_DATE_FORMAT : DEFAULT_DATE_TIME_FORMAT;
  }
  return AUTOMATIC_NUMBER_FORMAT;
}

export function automaticNumberDisplay(value: number): string {
  if (Number.isNaN(value)) return '#NUM!';
  if (!Number.isFinite(value)) return '#NUM!';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e15) return scientific(value);
  if (Number.isInteger(value)) return String(value);
  const integerDigits = abs >= 1 ? Math.floor(Math.log10(abs)) + 1 : 0;
  const rounded = abs >= 1 ? Number(value.toFixed(Math.max(0, 10 - integerDigits))) : Number(value.toPrecision(10));
  const text = String(rounded);
  return text.includes('e') ? scientific(value) : text;
}

function scientific(value: number): string {
  const [mantissa, exponent] = value.toExponential(5).split('e');
  const trimmed = mantissa.replace(/\.?0+$/, '');
  const power = Number(exponent);
  return `${trimmed}E${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`;
}
