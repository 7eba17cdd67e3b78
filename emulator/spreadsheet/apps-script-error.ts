/**
 * Errors thrown the way Apps Script (V8 runtime) throws them from built-in services: an object whose `name` is
 * 'Exception', so `String(error)` and the execution log read "Exception: <message>" while `error.message` holds the
 * message alone. The messages are not in the reference pages; they are the texts Sheets' Apps Script service
 * shows (as quoted in community Q&A, docs/SOURCES.md#sheets-range-errors), reproduced word for word.
 */
export const MESSAGES = {
  startRowTooSmall: 'The starting row of the range is too small.',
  startColumnTooSmall: 'The starting column of the range is too small.',
  numRowsTooSmall: 'The number of rows in the range must be at least 1.',
  numColumnsTooSmall: 'The number of columns in the range must be at least 1.',
  outsideSheet: 'The coordinates of the range are outside the dimensions of the sheet.',
  rangeNotFound: 'Range not found',
  rowsOutOfBounds: 'Those rows are out of bounds.',
  columnsOutOfBounds: 'Those columns are out of bounds.',
  deleteAllRows: 'Sorry, it is not possible to delete all non-frozen rows.',
  deleteAllColumns: 'Sorry, it is not possible to delete all non-frozen columns.',
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columnsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  duplicateSheet: (name: string) => `A sheet with the name "${name}" already exists. Please enter another name.`,
  signatureMismatch: (types: string, qualifiedMethod: string) =>
    `The parameters (${types}) don't match the method signature for ${qualifiedMethod}.`,
};

export function appsScriptError(message: string, ErrorClass: ErrorConstructor = Error): Error {
  const error = new ErrorClass(message);
  error.name = 'Exception';
  return error;
}

/** Apps Script's type names for a call's arguments, as its signature-mismatch message lists them. */
export function describeArgumentTypes(args: readonly unknown[]): string {
  return args.map(describeArgumentType).join(',');
}

function describeArgumentType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'boolean') return 'Boolean';
  if (Array.isArray(value)) return Array.isArray(value[0]) ? 'Object[][]' : 'Object[]';
  return 'Object';
}
