// The control API (emulator/README.md): what tests and the playground do as the user, uncounted.
import vm from 'node:vm';
import { CallCounter } from '../../../emulator/call-counter';
import { EmulatedSpreadsheet } from '../../../emulator/spreadsheet';
import { spreadsheetWith } from './helpers';

describe('addSheet, sheet, sheetNames, activate', () => {
  test('addSheet sizes the grid to the data, at least 1000 rows by 26 columns', () => {
    const { es, app } = spreadsheetWith();
    es.addSheet('Small', [['a']]);
    es.addSheet(
      'Tall',
      Array.from({ length: 1500 }, (_, i) => [i]),
    );
    es.addSheet('Wide', [Array.from({ length: 30 }, () => 'x')]);
    const size = (name: string) => {
      const sheet = app.getActiveSpreadsheet().getSheetByName(name)!;
      return [sheet.getMaxRows(), sheet.getMaxColumns()];
    };
    expect([size('Small'), size('Tall'), size('Wide')]).toEqual([
      [1000, 26],
      [1500, 26],
      [1000, 30],
    ]);
  });

  test('addSheet rows are typed input: numbers, formulas, apostrophes, dates', () => {
    const { control } = spreadsheetWith([['012', '=A1', "'012", '2026-11-29', 'TRUE']]);
    expect(control.values()[0].slice(0, 3)).toEqual([12, '', '012']);
    expect(control.values()[0][3]).toBeInstanceOf(Date);
    expect(control.formulas()[0][1]).toBe('=A1');
    expect(control.displayValues()).toEqual([['12', '', '012', '11/29/2026', 'TRUE']]);
  });

  test('sheet(name) finds a sheet and throws for an unknown one; sheetNames lists tabs in order', () => {
    const { es } = spreadsheetWith();
    es.addSheet('Second');
    expect(es.sheet('Second').name).toBe('Second');
    expect(() => es.sheet('Nope')).toThrow('No sheet named "Nope"');
    expect(es.sheetNames()).toEqual(['Jobs', 'Second']);
  });

  test('sheet ids are distinct and match getSheetId', () => {
    const { es, app } = spreadsheetWith();
    const second = es.addSheet('Second');
    expect(second.id).not.toBe(es.sheet('Jobs').id);
    expect(app.getActiveSpreadsheet().getSheetByName('Second')!.getSheetId()).toBe(second.id);
  });

  test('activate makes the named sheet the active one', () => {
    const { es, app } = spreadsheetWith();
    es.addSheet('Second');
    es.activate('Second');
    expect(app.getActiveSheet().getName()).toBe('Second');
    expect(es.activeSheetName()).toBe('Second');
  });

  test('a spreadsheet with no sheet added gives the script a blank Sheet1', () => {
    const es = new EmulatedSpreadsheet({ counter: new CallCounter() });
    expect(es.app.getActiveSheet().getName()).toBe('Sheet1');
    expect(es.sheetNames()).toEqual(['Sheet1']);
  });
});

describe('select', () => {
  test('without a current cell, the current cell is the top-left of the last range', () => {
    const { es, app } = spreadsheetWith();
    es.select('Jobs', ['A1:A3', 'C2:D4']);
    expect(app.getCurrentCell()?.getA1Notation()).toBe('C2');
    expect(es.selection()).toEqual({ sheetName: 'Jobs', ranges: ['A1:A3', 'C2:D4'], currentCell: 'C2' });
  });

  test('a current cell in an earlier range moves that range last', () => {
    const { es } = spreadsheetWith();
    es.select('Jobs', ['A1:A3', 'C2:D4', 'F1'], 'A2');
    expect(es.selection()?.ranges).toEqual(['C2:D4', 'F1', 'A1:A3']);
  });

  test('a current cell outside the selection is refused', () => {
    const { es } = spreadsheetWith();
    expect(() => es.select('Jobs', ['A1:A3'], 'B1')).toThrow('in none of the selected ranges');
  });

  test('select activates the sheet; an empty list clears the selection', () => {
    const { es, app } = spreadsheetWith();
    es.addSheet('Other');
    es.select('Other', ['B2']);
    expect(app.getActiveSheet().getName()).toBe('Other');
    es.select('Other', []);
    expect(app.getActiveRange()).toBeNull();
  });
});

describe('typing and reading cells', () => {
  test('type parses like a user typing; cell() reports value, display, formula and format', () => {
    const { control } = spreadsheetWith();
    control.type(2, 2, '=B1*2');
    control.type(3, 2, '1,234');
    expect(control.cell(2, 2)).toEqual({ value: '', display: '', formula: '=B1*2', numberFormat: '0.###############' });
    expect(control.cell(3, 2)).toEqual({ value: 1234, display: '1,234', formula: '', numberFormat: '#,##0' });
  });

  test('values, displayValues and formulas cover the data range (A1 to last row and column)', () => {
    const { control } = spreadsheetWith();
    control.type(2, 3, 5);
    expect(control.values()).toEqual([
      ['', '', ''],
      ['', '', 5],
    ]);
    expect(control.displayValues()).toEqual([
      ['', '', ''],
      ['', '', '5'],
    ]);
  });

  test('setNumberFormat on an A1 range changes how later typing is parsed', () => {
    const { control } = spreadsheetWith();
    control.setNumberFormat('A:A', '@');
    control.type(1, 1, '007');
    expect(control.cell(1, 1).value).toBe('007');
  });
});

describe('user edits move data the way Sheets does', () => {
  test('insertRowsBefore shifts the rows below with their values, formats and hidden state', () => {
    const { control, sheet } = spreadsheetWith([['h'], ['a'], ['b']]);
    control.setNumberFormat('A2', '@');
    control.hideRowsByUser(3, 1);
    control.insertRowsBefore(2, 1);
    expect(control.values()).toEqual([['h'], [''], ['a'], ['b']]);
    expect(control.cell(3, 1).numberFormat).toBe('@');
    expect([3, 4].map((r) => sheet.isRowHiddenByUser(r))).toEqual([false, true]);
  });

  test('insertRowsBefore inside the frozen rows grows the frozen rows', () => {
    const { control } = spreadsheetWith([['h'], ['a']]);
    control.setFrozenRows(1);
    control.insertRowsBefore(1, 1);
    expect(control.frozenRows).toBe(2);
  });

  test('deleteRows removes rows and shifts the rest up', () => {
    const { control } = spreadsheetWith([['h'], ['a'], ['b'], ['c']]);
    control.deleteRows(2, 2);
    expect(control.values()).toEqual([['h'], ['c']]);
    expect(control.maxRows).toBe(998);
  });

  test('sortRows sorts from a row down by one column, empty cells last, rows moving whole', () => {
    const { control } = spreadsheetWith([
      ['ID', 'Note'],
      ['b', 'two'],
      ['', 'blank'],
      ['a', 'one'],
      [3, 'number'],
    ]);
    control.setNumberFormat('B4', '@');
    control.sortRows(2, 1, true);
    expect(control.values()).toEqual([
      ['ID', 'Note'],
      [3, 'number'],
      ['a', 'one'],
      ['b', 'two'],
      ['', 'blank'],
    ]);
    expect(control.cell(3, 2).numberFormat).toBe('@');
    control.sortRows(2, 1, false);
    expect(control.values().map((row) => row[0])).toEqual(['ID', 'b', 'a', 3, '']);
  });

  test('hideRowsByFilter makes getFilter return a filter; showAllRows removes it and shows every row', () => {
    const { control, sheet } = spreadsheetWith([['h'], ['a'], ['b']]);
    control.hideRowsByFilter([2, 3]);
    control.hideRowsByUser(1, 1);
    expect(sheet.getFilter()).not.toBeNull();
    control.showAllRows();
    expect(sheet.getFilter()).toBeNull();
    expect([1, 2, 3].some((r) => sheet.isRowHiddenByUser(r) || sheet.isRowHiddenByFilter(r))).toBe(false);
  });
});

describe('what the control API does not count, and what it measures', () => {
  test('control calls are not counted as service calls nor as cells read or written', () => {
    const { es, control, counter } = spreadsheetWith([['a']]);
    control.type(1, 2, 'b');
    control.values();
    es.select('Jobs', ['A1']);
    expect(counter.snapshot()).toEqual({});
    expect([es.cellsRead, es.cellsWritten]).toEqual([0, 0]);
  });

  test("cellsRead shows whether a read of a selected A:A was clipped to the sheet's data", () => {
    const rows = Array.from({ length: 2000 }, (_, i) => [`job-${i}`]);
    const { es, app } = spreadsheetWith(rows);
    es.select('Jobs', ['A:A']);
    const column = app.getActiveRange()!;
    const sheet = column.getSheet();
    sheet.getRange(1, 1, Math.min(column.getNumRows(), sheet.getLastRow()), 1).getDisplayValues();
    expect(es.cellsRead).toBe(2000);
    es.resetCellCounts();
    sheet.getRange('A:Z').getValues();
    expect(es.cellsRead).toBe(2000 * 26);
  });

  test('cellsWritten counts the cells of each write', () => {
    const { es, sheet } = spreadsheetWith();
    sheet.getRange('A1:C2').setValues([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    sheet.appendRow(['x', 'y']);
    sheet.getRange('D1:D4').setNumberFormat('@');
    expect(es.cellsWritten).toBe(6 + 2 + 4);
  });

  test('version moves on every change, by the script or the control API', () => {
    const { es, control, sheet } = spreadsheetWith();
    const before = es.version;
    control.type(1, 1, 'a');
    const afterControl = es.version;
    sheet.getRange('B1').setValue('b');
    expect(afterControl).toBeGreaterThan(before);
    expect(es.version).toBeGreaterThan(afterControl);
  });

  test('answerNextAlerts sets what Ui.alert returns', () => {
    const { es, app } = spreadsheetWith();
    es.answerNextAlerts('NO');
    const ui = app.getUi();
    expect(ui.alert('Cancel?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert('Cancel?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
  });
});

describe('realm', () => {
  test("useRealm makes returned Dates, arrays and errors the vm context's own", () => {
    const { es, sheet } = spreadsheetWith([['2026-11-29']]);
    const context = vm.createContext({});
    const realm = vm.runInContext('({ Date, Error, Array })', context);
    es.useRealm(realm);
    const values = sheet.getRange('A1').getValues();
    expect(values instanceof Array).toBe(false);
    expect(values instanceof realm.Array).toBe(true);
    expect(values[0][0] instanceof realm.Date).toBe(true);
    let caught: unknown;
    try {
      sheet.getRange(0, 1);
    } catch (error) {
      caught = error;
    }
    expect(caught instanceof realm.Error).toBe(true);
  });
});
