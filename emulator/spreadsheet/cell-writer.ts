/** Writes typed input into one cell, honouring the cell's number format (plain text '@' keeps strings as typed). */
import { isPlainTextFormat } from './display-format';
import { SheetModel } from './sheet-model';
import { parseTypedInput } from './typed-input';

/** What typed input depends on besides the cell: the workbook's time zone and an unverified platform behaviour. */
export interface InputSettings {
  timeZone: string;
  /** See Workbook.plainTextKeepsApostrophe. */
  plainTextKeepsApostrophe: boolean;
}

export function writeTypedInput(
  sheet: SheetModel,
  row: number,
  column: number,
  input: unknown,
  settings: InputSettings,
): void {
  const numberFormat = sheet.cell(row, column)?.numberFormat;
  const plainText = isPlainTextFormat(numberFormat);
  // Only a string is typed input that could start with an apostrophe; numbers, booleans and dates stay values.
  const keepApostrophe = plainText && settings.plainTextKeepsApostrophe && typeof input === 'string';
  const parsed = keepApostrophe ? { value: input, formula: '' } : parseTypedInput(input, settings.timeZone, plainText);
  const cell = sheet.setContent(row, column, parsed.value, parsed.formula);
  // Sheets gives a typed '12%' or '1,234' a matching format, but only where no format was chosen.
  if (parsed.autoFormat && cell.numberFormat === undefined) cell.numberFormat = parsed.autoFormat;
}
