// One test per Apps Script behaviour the emulated Spreadsheet service reproduces. Each names the behaviour; the
// reference is https://developers.google.com/apps-script/reference/spreadsheet/ (class pages) unless noted.
import { spreadsheetWith, thrownBy } from './helpers';

const PARIS_2026_11_29_MIDNIGHT = Date.UTC(2026, 10, 28, 23, 0, 0);

describe('Sheet.getRange arguments', () => {
  test('getRange(row, column) is the 1-based cell at that row and column', () => {
    const { sheet } = spreadsheetWith([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(sheet.getRange(2, 1).getValue()).toBe('c');
    expect(sheet.getRange(1, 2, 2, 1).getValues()).toEqual([['b'], ['d']]);
  });

  test.each([
    [
      'a start row of 0',
      (s: GoogleAppsScript.Spreadsheet.Sheet) => s.getRange(0, 1),
      'The starting row of the range is too small.',
    ],
    [
      'a start column of 0',
      (s: GoogleAppsScript.Spreadsheet.Sheet) => s.getRange(1, 0),
      'The starting column of the range is too small.',
    ],
    [
      '0 rows',
      (s: GoogleAppsScript.Spreadsheet.Sheet) => s.getRange(1, 1, 0, 1),
      'The number of rows in the range must be at least 1.',
    ],
    [
      '0 columns',
      (s: GoogleAppsScript.Spreadsheet.Sheet) => s.getRange(1, 1, 1, 0),
      'The number of columns in the range must be at least 1.',
    ],
    [
      'a row beyond getMaxRows()',
      (s: GoogleAppsScript.Spreadsheet.Sheet) => s.getRange(1001, 1),
      'The coordinates of the range are outside the dimensions of the sheet.',
    ],
    [
      'rows running past getMaxRows()',
      (s: GoogleAppsScript.Spreadsheet.Sheet) => s.getRange(999, 1, 3, 1),
      'The coordinates of the range are outside the dimensions of the sheet.',
    ],
    [
      'a column beyond getMaxColumns()',
      (s: GoogleAppsScript.Spreadsheet.Sheet) => s.getRange(1, 27),
      'The coordinates of the range are outside the dimensions of the sheet.',
    ],
    ['unreadable A1 text', (s: GoogleAppsScript.Spreadsheet.Sheet) => s.getRange('not a range'), 'Range not found'],
    [
      'A1 text beyond the grid',
      (s: GoogleAppsScript.Spreadsheet.Sheet) => s.getRange('A1:A1001'),
      'The coordinates of the range are outside the dimensions of the sheet.',
    ],
    [
      'a sheet name that does not exist',
      (s: GoogleAppsScript.Spreadsheet.Sheet) => s.getRange('Nope!A1'),
      'Range not found',
    ],
  ])("getRange throws Apps Script's message for %s", (_case, call, message) => {
    const { sheet } = spreadsheetWith([['x']]);
    expect(thrownBy(() => call(sheet))).toBe(`Exception: ${message}`);
  });

  test('service errors are Apps Script Exceptions: message alone in e.message, "Exception: ..." in String(e)', () => {
    const { sheet } = spreadsheetWith();
    let caught: Error | undefined;
    try {
      sheet.getRange(0, 1);
    } catch (error) {
      caught = error as Error;
    }
    expect(caught?.name).toBe('Exception');
    expect(caught?.message).toBe('The starting row of the range is too small.');
  });

  test('getRange with arguments of the wrong type throws the signature-mismatch message', () => {
    const { sheet } = spreadsheetWith();
    const getRange = sheet.getRange as unknown as (...args: unknown[]) => unknown;
    expect(thrownBy(() => getRange.call(sheet, undefined))).toBe(
      "Exception: The parameters (null) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
  });
});

describe('A1 notation', () => {
  test('A1 and A1:C10 address a cell and a block', () => {
    const { sheet } = spreadsheetWith();
    const block = sheet.getRange('b2:c10');
    expect([block.getRow(), block.getColumn(), block.getNumRows(), block.getNumColumns()]).toEqual([2, 2, 9, 2]);
    expect(sheet.getRange('C3').getA1Notation()).toBe('C3');
  });

  test('a whole column A:A spans rows 1 to getMaxRows() and reads back as A:A', () => {
    const { sheet } = spreadsheetWith([['x']]);
    const column = sheet.getRange('A:A');
    expect([column.getRow(), column.getNumRows(), column.getNumColumns()]).toEqual([1, sheet.getMaxRows(), 1]);
    expect(column.getA1Notation()).toBe('A:A');
    expect(sheet.getRange('B:D').getNumColumns()).toBe(3);
    expect(sheet.getRange('B:D').getA1Notation()).toBe('B:D');
  });

  test('a bounded range over the same cells reads back with row numbers (A1:A1000)', () => {
    const { sheet } = spreadsheetWith();
    expect(sheet.getRange(1, 1, 1000, 1).getA1Notation()).toBe('A1:A1000');
  });

  test('whole rows 3:3 and 2:5 span columns 1 to getMaxColumns()', () => {
    const { sheet } = spreadsheetWith();
    const row = sheet.getRange('3:3');
    expect([row.getRow(), row.getColumn(), row.getNumRows(), row.getNumColumns()]).toEqual([3, 1, 1, 26]);
    expect(row.getA1Notation()).toBe('3:3');
    expect(sheet.getRange('2:5').getNumRows()).toBe(4);
  });

  test('a sheet-qualified A1 (Sheet!A1:B2, quoted names too) addresses that sheet', () => {
    const { es, sheet } = spreadsheetWith();
    es.addSheet('My log', [['logged']]);
    const range = sheet.getRange("'My log'!A1:B2");
    expect(range.getSheet().getName()).toBe('My log');
    expect(range.getValues()).toEqual([
      ['logged', ''],
      ['', ''],
    ]);
    expect(range.getA1Notation()).toBe('A1:B2');
  });
});

describe('Sheet size', () => {
  test('a new sheet has 1000 rows and 26 columns', () => {
    const { app } = spreadsheetWith();
    const fresh = app.getActiveSpreadsheet().insertSheet('New');
    expect([fresh.getMaxRows(), fresh.getMaxColumns()]).toEqual([1000, 26]);
  });

  test('insertRowsAfter and insertColumnsAfter grow the grid', () => {
    const { sheet } = spreadsheetWith();
    sheet.insertRowsAfter(1000, 5);
    sheet.insertColumnsAfter(26, 2);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1005, 28]);
    expect(sheet.getRange(1005, 28).getA1Notation()).toBe('AB1005');
  });
});

describe('Range.setValues / setValue', () => {
  test("setValues throws Apps Script's message on a row-count mismatch", () => {
    const { sheet } = spreadsheetWith();
    expect(thrownBy(() => sheet.getRange(1, 1, 3, 1).setValues([[1], [2]]))).toBe(
      'Exception: The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
  });

  test("setValues throws Apps Script's message on a column-count mismatch", () => {
    const { sheet } = spreadsheetWith();
    expect(
      thrownBy(() =>
        sheet.getRange(1, 1, 2, 3).setValues([
          [1, 2, 3],
          [4, 5],
        ]),
      ),
    ).toBe(
      'Exception: The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
  });

  test('setValues: a string beginning with = is a formula (getFormulas shows it; its value is not computed)', () => {
    const { sheet } = spreadsheetWith();
    const range = sheet.getRange('A1:B1');
    range.setValues([['=1+1', 'plain']]);
    expect(range.getFormulas()).toEqual([['=1+1', '']]);
    expect(range.getValues()).toEqual([['', 'plain']]);
    expect(range.getDisplayValues()).toEqual([['', 'plain']]);
  });

  test('setValues: a leading apostrophe stores the rest as text, apostrophe neither in value nor display', () => {
    const { sheet } = spreadsheetWith();
    const range = sheet.getRange('A1:C1');
    range.setValues([["'=cmd", "'0042", "'TRUE"]]);
    expect(range.getValues()).toEqual([['=cmd', '0042', 'TRUE']]);
    expect(range.getDisplayValues()).toEqual([['=cmd', '0042', 'TRUE']]);
    expect(range.getFormulas()).toEqual([['', '', '']]);
  });

  test('setValues parses numeric text to numbers, losing leading zeros; + and - signs included', () => {
    const { sheet } = spreadsheetWith();
    const range = sheet.getRange('A1:E1');
    range.setValues([['01234', '12.5', '+7', '-3', ' 42 ']]);
    expect(range.getValues()).toEqual([[1234, 12.5, 7, -3, 42]]);
    expect(range.getDisplayValue()).toBe('1234');
  });

  test('setValues keeps + - @ followed by text as text (only = makes a formula here)', () => {
    const { sheet } = spreadsheetWith();
    const range = sheet.getRange('A1:C1');
    range.setValues([['+abc', '-x', '@home']]);
    expect(range.getValues()).toEqual([['+abc', '-x', '@home']]);
    expect(range.getFormulas()).toEqual([['', '', '']]);
  });

  test('setValues parses TRUE/FALSE in any case to booleans', () => {
    const { sheet } = spreadsheetWith();
    const range = sheet.getRange('A1:C1');
    range.setValues([['true', 'FALSE', 'True']]);
    expect(range.getValues()).toEqual([[true, false, true]]);
    expect(range.getDisplayValues()).toEqual([['TRUE', 'FALSE', 'TRUE']]);
  });

  test("setValues parses yyyy-mm-dd [hh:mm:ss] to Dates in the spreadsheet's time zone", () => {
    const { sheet } = spreadsheetWith();
    const range = sheet.getRange('A1:B1');
    range.setValues([['2026-11-29', '2026-11-29 10:00:00']]);
    const [[day, time]] = range.getValues() as Date[][];
    expect(day.getTime()).toBe(PARIS_2026_11_29_MIDNIGHT);
    expect(time.getTime()).toBe(PARIS_2026_11_29_MIDNIGHT + 10 * 3600_000);
  });

  test('setValues stores JS numbers, booleans and Dates as they are, and null/undefined as empty', () => {
    const { sheet } = spreadsheetWith([['old', 'old', 'old', 'old', 'old']]);
    const date = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
    const range = sheet.getRange('A1:E1');
    range.setValues([[7, true, date, null, 'x']]);
    range.offset(0, 4, 1, 1).setValue(undefined);
    const [[number, bool, storedDate, empty, cleared]] = range.getValues();
    expect([number, bool, empty, cleared]).toEqual([7, true, '', '']);
    expect((storedDate as Date).getTime()).toBe(date.getTime());
  });

  test('setValue sets every cell of the range', () => {
    const { sheet } = spreadsheetWith();
    sheet.getRange('A1:B2').setValue('x');
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['x', 'x'],
      ['x', 'x'],
    ]);
  });
});

describe('Range reads', () => {
  test("getValues returns '' for empty cells and Dates the caller cannot use to change the sheet", () => {
    const { sheet } = spreadsheetWith([[new Date(PARIS_2026_11_29_MIDNIGHT), '']]);
    const [[date, empty]] = sheet.getRange('A1:B1').getValues() as [Date, string][];
    expect(empty).toBe('');
    date.setFullYear(1999);
    expect((sheet.getRange('A1').getValue() as Date).getTime()).toBe(PARIS_2026_11_29_MIDNIGHT);
  });

  test('getDisplayValues shows integers in full, decimals to 10 significant digits, booleans as TRUE/FALSE', () => {
    const { sheet } = spreadsheetWith([[123, 0.1 + 0.2, Math.PI, false, 'text']]);
    expect(sheet.getRange('A1:E1').getDisplayValues()).toEqual([['123', '0.3', '3.141592654', 'FALSE', 'text']]);
  });

  test('getDisplayValues shows very large numbers in scientific notation (a 20-digit ID loses its digits)', () => {
    const { sheet } = spreadsheetWith([['12345678901234567890']]);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('1.23457E+19');
  });

  test("getDisplayValues shows Dates as M/d/yyyy H:mm:ss in the spreadsheet's time zone, M/d/yyyy at midnight", () => {
    const { sheet } = spreadsheetWith([['2026-11-29 09:05:00', '2026-11-29']]);
    expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['11/29/2026 9:05:00', '11/29/2026']]);
  });

  test('getFormula(s) return the formula text and the empty string for non-formula cells', () => {
    const { sheet } = spreadsheetWith([['=SUM(B1:B2)', 5]]);
    expect(sheet.getRange('A1').getFormula()).toBe('=SUM(B1:B2)');
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['=SUM(B1:B2)', '']]);
  });

  test('getRow, getColumn, getNumRows, getNumColumns, getLastRow, getLastColumn describe the range', () => {
    const { sheet } = spreadsheetWith();
    const range = sheet.getRange('C4:E10');
    expect([
      range.getRow(),
      range.getColumn(),
      range.getNumRows(),
      range.getNumColumns(),
      range.getLastRow(),
      range.getLastColumn(),
    ]).toEqual([4, 3, 7, 3, 10, 5]);
  });

  test('offset moves the range and can resize it', () => {
    const { sheet } = spreadsheetWith();
    expect(sheet.getRange('B2:C3').offset(1, 2).getA1Notation()).toBe('D3:E4');
    expect(sheet.getRange('B2').offset(0, 1, 3, 2).getA1Notation()).toBe('C2:D4');
    expect(thrownBy(() => sheet.getRange('A1').offset(-1, 0))).toBe(
      'Exception: The starting row of the range is too small.',
    );
  });

  test('getSheet returns the same Sheet object as the spreadsheet does', () => {
    const { app, sheet } = spreadsheetWith();
    expect(sheet.getRange('A1').getSheet()).toBe(app.getActiveSheet());
    expect(sheet.getParent().getSheetByName('Jobs')).toBe(sheet);
  });
});

describe('Number formats', () => {
  test('setNumberFormat patterns change the display: yyyy-mm-dd hh:mm:ss, 0, 0.00, #,##0.00, 0%', () => {
    const { sheet } = spreadsheetWith([['2026-11-29 10:07:03', 2.5, 2.5, 1234.5, 0.125]]);
    const formats = ['yyyy-mm-dd hh:mm:ss', '0', '0.00', '#,##0.00', '0%'];
    formats.forEach((format, i) => sheet.getRange(1, i + 1).setNumberFormat(format));
    expect(sheet.getRange('A1:E1').getDisplayValues()).toEqual([
      ['2026-11-29 10:07:03', '3', '2.50', '1,234.50', '13%'],
    ]);
    expect(sheet.getRange('A1:E1').getNumberFormats()).toEqual([formats]);
  });

  test('setNumberFormats sets one pattern per cell and checks the dimensions', () => {
    const { sheet } = spreadsheetWith([[1, 2]]);
    sheet.getRange('A1:B1').setNumberFormats([['0.0', '0.000']]);
    expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['1.0', '2.000']]);
    expect(thrownBy(() => sheet.getRange('A1:B1').setNumberFormats([['0'], ['0']]))).toContain(
      'The data has 2 but the range has 1.',
    );
  });

  test("plain text format '@' keeps typed strings as text (leading zeros, =, TRUE)", () => {
    const { sheet } = spreadsheetWith();
    const range = sheet.getRange('A1:C1');
    range.setNumberFormat('@');
    range.setValues([['00123', '=1+1', 'TRUE']]);
    expect(range.getValues()).toEqual([['00123', '=1+1', 'TRUE']]);
    expect(range.getFormulas()).toEqual([['', '', '']]);
  });

  test("getNumberFormat reports '0.###############' for a cell whose format was never set", () => {
    const { sheet } = spreadsheetWith([[5]]);
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0.###############');
  });

  test('a number in a date-formatted cell reads back from getValues as a Date', () => {
    const { sheet } = spreadsheetWith([[46355]]);
    sheet.getRange('A1').setNumberFormat('yyyy-mm-dd');
    expect((sheet.getRange('A1').getValue() as Date).getTime()).toBe(PARIS_2026_11_29_MIDNIGHT);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2026-11-29');
  });
});

describe('Clearing', () => {
  test('clearContent removes values and formulas but keeps number formats', () => {
    const { sheet } = spreadsheetWith([['=A2', 5]]);
    sheet.getRange('A1:B1').setNumberFormat('0.00');
    sheet.getRange('A1:B1').clearContent();
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['', '']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['', '']]);
    sheet.getRange('B1').setValue(3);
    expect(sheet.getRange('B1').getDisplayValue()).toBe('3.00');
  });
});

describe('Sheet contents and layout', () => {
  test('getLastRow and getLastColumn give the last row and column with content (formats do not count), 0 when empty', () => {
    const { app, sheet } = spreadsheetWith([
      ['a', '', ''],
      ['', '', 'c'],
      ['', '', ''],
    ]);
    sheet.getRange('A20:Z20').setNumberFormat('@');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([2, 3]);
    const empty = app.getActiveSpreadsheet().insertSheet();
    expect([empty.getLastRow(), empty.getLastColumn()]).toEqual([0, 0]);
  });

  test('getDataRange spans A1 to the last row and column with content, A1 on an empty sheet', () => {
    const { app, sheet } = spreadsheetWith([
      ['a', ''],
      ['', ''],
      ['', 'b'],
    ]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:B3');
    expect(app.getActiveSpreadsheet().insertSheet().getDataRange().getA1Notation()).toBe('A1');
  });

  test('appendRow writes after the last row with content, parsing values like setValues', () => {
    const { sheet } = spreadsheetWith([['Job ID'], ['J1']]);
    sheet.appendRow(['J2', '=A1', '12', "'007"]);
    expect(sheet.getLastRow()).toBe(3);
    expect(sheet.getRange('A3:D3').getValues()).toEqual([['J2', '', 12, '007']]);
    expect(sheet.getRange('B3').getFormula()).toBe('=A1');
  });

  test('appendRow on a full sheet adds a row to the grid', () => {
    const { sheet } = spreadsheetWith();
    sheet.getRange(1000, 1).setValue('last');
    sheet.appendRow(['more']);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange(1001, 1).getValue()).toBe('more');
  });

  test('setFrozenRows / getFrozenRows', () => {
    const { sheet } = spreadsheetWith();
    expect(sheet.getFrozenRows()).toBe(0);
    sheet.setFrozenRows(1);
    expect(sheet.getFrozenRows()).toBe(1);
  });

  test('hideRows hides rows by user (1-based); showRows shows them again', () => {
    const { sheet } = spreadsheetWith();
    sheet.hideRows(2, 2);
    expect([1, 2, 3, 4].map((r) => sheet.isRowHiddenByUser(r))).toEqual([false, true, true, false]);
    sheet.showRows(2);
    expect([2, 3].map((r) => sheet.isRowHiddenByUser(r))).toEqual([false, true]);
  });

  test('isRowHiddenByFilter is true for filtered-out rows only, and showRows does not show them', () => {
    const { control, sheet } = spreadsheetWith([['h'], ['a'], ['b']]);
    control.hideRowsByFilter([3]);
    sheet.showRows(1, 3);
    expect([1, 2, 3].map((r) => sheet.isRowHiddenByFilter(r))).toEqual([false, false, true]);
    expect(sheet.isRowHiddenByUser(3)).toBe(false);
  });

  test('getFilter is null without a filter and returns one whose getRange covers the data when rows are filtered', () => {
    const { control, sheet } = spreadsheetWith([
      ['Job', 'Status'],
      ['a', 'x'],
      ['b', 'y'],
    ]);
    expect(sheet.getFilter()).toBeNull();
    control.hideRowsByFilter([2]);
    expect(sheet.getFilter()?.getRange().getA1Notation()).toBe('A1:B3');
  });

  test('insertRowsBefore shifts the cells below down, with their formats; deleteRows shifts them up', () => {
    const { sheet } = spreadsheetWith([['a'], ['b'], ['c']]);
    sheet.getRange('A2').setNumberFormat('@');
    sheet.insertRowsBefore(2, 2);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([['a'], [''], [''], ['b'], ['c']]);
    expect(sheet.getRange('A4').getNumberFormat()).toBe('@');
    expect(sheet.getMaxRows()).toBe(1002);
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('A1:A3').getValues()).toEqual([['a'], ['b'], ['c']]);
    expect(sheet.getMaxRows()).toBe(1000);
  });

  test('deleteRows out of the grid throws "Those rows are out of bounds."', () => {
    const { sheet } = spreadsheetWith();
    expect(thrownBy(() => sheet.deleteRows(999, 5))).toBe('Exception: Those rows are out of bounds.');
  });

  test('getSheetId is a stable integer, distinct per sheet', () => {
    const { app, sheet } = spreadsheetWith();
    const other = app.getActiveSpreadsheet().insertSheet('Other');
    expect(Number.isInteger(sheet.getSheetId())).toBe(true);
    expect(other.getSheetId()).not.toBe(sheet.getSheetId());
    expect(sheet.getSheetId()).toBe(sheet.getSheetId());
    expect(app.getActiveSpreadsheet().getSheetByName('Other')?.getSheetId()).toBe(other.getSheetId());
  });
});

describe('Spreadsheet', () => {
  test("insertSheet with a name already used throws Apps Script's message", () => {
    const { app } = spreadsheetWith();
    expect(thrownBy(() => app.getActiveSpreadsheet().insertSheet('Jobs'))).toBe(
      'Exception: A sheet with the name "Jobs" already exists. Please enter another name.',
    );
  });

  test('insertSheet adds a sheet that becomes the active sheet; without a name it is Sheet<n>', () => {
    const { app } = spreadsheetWith();
    const ss = app.getActiveSpreadsheet();
    const log = ss.insertSheet('AODocs Jobs log');
    expect(app.getActiveSheet()).toBe(log);
    expect(ss.insertSheet().getName()).toBe('Sheet3');
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Jobs', 'AODocs Jobs log', 'Sheet3']);
  });

  test('getSheetByName returns null for an unknown name', () => {
    const { app } = spreadsheetWith();
    expect(app.getActiveSpreadsheet().getSheetByName('Missing')).toBeNull();
  });

  test('setActiveSheet and Sheet.activate change the active sheet', () => {
    const { app, sheet } = spreadsheetWith();
    const ss = app.getActiveSpreadsheet();
    const other = ss.insertSheet('Other');
    ss.setActiveSheet(sheet);
    expect(ss.getActiveSheet()).toBe(sheet);
    other.activate();
    expect(app.getActiveSheet()).toBe(other);
  });

  test('getName, getId and getSpreadsheetTimeZone describe the spreadsheet', () => {
    const { app } = spreadsheetWith();
    const ss = app.getActive();
    expect([ss.getName(), ss.getSpreadsheetTimeZone(), typeof ss.getId()]).toEqual([
      'Team jobs',
      'Europe/Paris',
      'string',
    ]);
  });

  test('toast shows a message (recorded in ui.toasts)', () => {
    const { app, es } = spreadsheetWith();
    app.getActiveSpreadsheet().toast('Done', 'AODocs Jobs');
    expect(es.ui.toasts).toEqual(['Done']);
  });
});

describe('Selection', () => {
  test("getActiveRangeList lists the selected ranges in selection order, the current cell's range last", () => {
    const { app, es } = spreadsheetWith();
    es.select('Jobs', ['A2:A5', 'C1', 'B7:B9'], 'A3');
    expect(
      app
        .getActiveRangeList()
        ?.getRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['C1', 'B7:B9', 'A2:A5']);
  });

  test('getActiveRange returns only the last range (the one holding the current cell); getCurrentCell that cell', () => {
    const { app, es } = spreadsheetWith();
    es.select('Jobs', ['A2:A5', 'B7:B9']);
    expect(app.getActiveRange()?.getA1Notation()).toBe('B7:B9');
    expect(app.getCurrentCell()?.getA1Notation()).toBe('B7');
    expect(app.getActiveSpreadsheet().getActiveRange()?.getA1Notation()).toBe('B7:B9');
  });

  test('the selection reads return null when nothing is selected', () => {
    const { app } = spreadsheetWith();
    expect([app.getActiveRange(), app.getActiveRangeList(), app.getCurrentCell()]).toEqual([null, null, null]);
  });

  test('getSelection offers getActiveRange, getActiveRangeList, getCurrentCell and getActiveSheet', () => {
    const { app, es, sheet } = spreadsheetWith();
    es.select('Jobs', ['A:A']);
    const selection = app.getSelection();
    expect(selection.getActiveRange()?.getA1Notation()).toBe('A:A');
    expect(selection.getActiveRangeList()?.getRanges()).toHaveLength(1);
    expect(selection.getCurrentCell()?.getA1Notation()).toBe('A1');
    expect(selection.getActiveSheet()).toBe(sheet);
  });

  test('the selection belongs to the active sheet', () => {
    const { app, es } = spreadsheetWith();
    es.select('Jobs', ['B2']);
    es.addSheet('Other');
    es.activate('Other');
    expect(app.getActiveRange()).toBeNull();
    es.activate('Jobs');
    expect(app.getActiveRange()?.getA1Notation()).toBe('B2');
  });

  test('Range.activate selects that range alone and activates its sheet', () => {
    const { app, es } = spreadsheetWith();
    es.addSheet('Other');
    es.select('Jobs', ['A1', 'B2']);
    const target = app.getActiveSpreadsheet().getSheetByName('Other')!.getRange('C3:D4');
    target.activate();
    expect(app.getActiveSheet().getName()).toBe('Other');
    expect(
      app
        .getActiveRangeList()
        ?.getRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['C3:D4']);
  });
});

describe('RangeList', () => {
  test('setNumberFormat and clearContent apply to every range of the list', () => {
    const { app, es, sheet } = spreadsheetWith([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    es.select('Jobs', ['A1', 'C1:C2']);
    const list = app.getActiveRangeList()!;
    list.setNumberFormat('0.0');
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['1.0', '2', '3.0']]);
    list.clearContent();
    expect(sheet.getRange('A1:C2').getValues()).toEqual([
      ['', 2, ''],
      [4, 5, ''],
    ]);
  });
});

describe('Ui', () => {
  test("createAddonMenu builds the Extensions sub-menu titled with the add-on's name; addToUi shows it", () => {
    const { app, es } = spreadsheetWith([], { addonName: 'AODocs Jobs' });
    const menu = app.getUi().createAddonMenu().addItem('Open sidebar', 'openSidebar').addSeparator();
    expect(es.ui.menus).toEqual([]);
    menu.addItem('Cancel selected jobs...', 'cancelSelected').addToUi();
    expect(es.ui.menus).toEqual([
      {
        title: 'AODocs Jobs',
        items: [
          { caption: 'Open sidebar', functionName: 'openSidebar' },
          { caption: 'Cancel selected jobs...', functionName: 'cancelSelected' },
        ],
        subMenus: [],
      },
    ]);
  });

  test('createMenu builds a top-level menu with the caption given, sub-menus included', () => {
    const { app, es } = spreadsheetWith();
    const ui = app.getUi();
    ui.createMenu('Tools').addSubMenu(ui.createMenu('More').addItem('Help', 'help')).addToUi();
    expect(es.ui.menus[0].title).toBe('Tools');
    expect(es.ui.menus[0].subMenus[0]).toEqual({
      title: 'More',
      items: [{ caption: 'Help', functionName: 'help' }],
      subMenus: [],
    });
  });

  test('showSidebar shows the HtmlOutput: its title and content are recorded', () => {
    const { app, es } = spreadsheetWith();
    const html = { getTitle: () => 'AODocs Jobs', getContent: () => '<main>hi</main>' };
    app.getUi().showSidebar(html as unknown as GoogleAppsScript.HTML.HtmlOutput);
    expect(es.ui.sidebar).toEqual({ title: 'AODocs Jobs', content: '<main>hi</main>' });
  });

  test('showModalDialog shows the HtmlOutput under the title given', () => {
    const { app, es } = spreadsheetWith();
    const html = { getTitle: () => '', getContent: () => '<p>Sure?</p>' };
    app.getUi().showModalDialog(html as unknown as GoogleAppsScript.HTML.HtmlOutput, 'Confirm');
    expect(es.ui.dialogs).toEqual([{ title: 'Confirm', content: '<p>Sure?</p>' }]);
  });

  test('alert shows the message and returns the button pressed (OK)', () => {
    const { app, es } = spreadsheetWith();
    const ui = app.getUi();
    expect(ui.alert('Nothing selected')).toBe(ui.Button.OK);
    expect(es.ui.alerts).toEqual(['Nothing selected']);
  });
});

describe('SpreadsheetApp', () => {
  test('getActive and getActiveSpreadsheet return the one bound spreadsheet', () => {
    const { app } = spreadsheetWith();
    expect(app.getActive()).toBe(app.getActiveSpreadsheet());
    expect(app.getActiveSheet()).toBe(app.getActive().getActiveSheet());
  });

  test('every call on the service objects is counted as Service.method', () => {
    const { app, counter } = spreadsheetWith([['a']]);
    const sheet = app.getActiveSheet();
    sheet.getRange('A1').getValues();
    app.flush();
    app.getUi().createAddonMenu().addItem('x', 'y').addToUi();
    expect(counter.snapshot()).toEqual({
      'Menu.addItem': 1,
      'Menu.addToUi': 1,
      'Range.getValues': 1,
      'Sheet.getRange': 1,
      'SpreadsheetApp.flush': 1,
      'SpreadsheetApp.getActiveSheet': 1,
      'SpreadsheetApp.getUi': 1,
      'Ui.createAddonMenu': 1,
    });
  });
});
