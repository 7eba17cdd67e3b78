/** Writes typed input into one cell, honouring the cell's number format (plain text '@' keeps strings as typed). */
import { isPlainTextFormat } from './display-format';
import { SheetModel } from './sheet-model';
import { parseTypedInput } from './typed-input';

export function writeTypedInput(
  sheet: SheetModel,
  row: number,
  column: number,
  input: unknown,
  timeZone: string,
): void {
  const numberFormat = sheet.cell(row, column)?.numberFormat;
  const parsed = parseTypedInput(input, timeZone, isPlainTextFormat(numberFormat));
  const cell = sheet.setContent(row, column, parsed.value, parsed.formula);
  // Sheets gives a typed '12%' or '1,234' a matching format, but only where no format was chosen.
  if (parsed.autoFormat && cell.numberFormat === undefined) cell.numberFormat = parsed.autoFormat;
}
