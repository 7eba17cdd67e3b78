// Behaviours the Apps Script reference leaves open, decided in the emulator (see the module comments). They are
// pinned so that a change is deliberate.
import { spreadsheetWith, thrownBy } from './helpers';

test('sheet names are unique regardless of case, and getSheetByName ignores case', () => {
  const { app } = spreadsheetWith();
  const ss = app.getActiveSpreadsheet();
  expect(thrownBy(() => ss.insertSheet('JOBS'))).toBe(
    'Exception: A sheet with the name "JOBS" already exists. Please enter another name.',
  );
  expect(ss.getSheetByName('jobs')?.getName()).toBe('Jobs');
});

test('a failed setValues writes nothing (dimensions are checked first)', () => {
  const { control, sheet } = spreadsheetWith([['keep']]);
  expect(() => sheet.getRange('A1:A2').setValues([['x'], ['y', 'z']])).toThrow();
  expect(control.values()).toEqual([['keep']]);
});

test('addToUi of a menu whose title is already shown replaces it (onOpen running again)', () => {
  const { app, es } = spreadsheetWith();
  const ui = app.getUi();
  ui.createAddonMenu().addItem('Old', 'old').addToUi();
  ui.createAddonMenu().addItem('New', 'new').addToUi();
  expect(es.ui.menus.map((menu) => menu.items.map((item) => item.caption))).toEqual([['New']]);
});

test('a Date in a cell formatted as a number reads back as its serial day number', () => {
  const { sheet } = spreadsheetWith([['2026-11-29 12:00:00']]);
  sheet.getRange('A1').setNumberFormat('0.00');
  expect(sheet.getRange('A1').getValue()).toBe(46355.5);
  expect(sheet.getRange('A1').getDisplayValue()).toBe('46355.50');
});

test('typed 12% and 1,234 become numbers with a matching format, as Sheets does', () => {
  const { sheet } = spreadsheetWith([['12%', '1,234.5']]);
  expect(sheet.getRange('A1:B1').getValues()).toEqual([[0.12, 1234.5]]);
  expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['12%', '1,234.50']]);
});

test('typed en-US dates m/d/yyyy are dates; impossible dates and ISO strings with T stay text', () => {
  const { sheet } = spreadsheetWith([['11/29/2026', '2026-02-30', '2026-11-29T10:00:00Z']]);
  const [[date, impossible, iso]] = sheet.getRange('A1:C1').getValues();
  expect(date).toBeInstanceOf(Date);
  expect([impossible, iso]).toEqual(['2026-02-30', '2026-11-29T10:00:00Z']);
});

test('hideRows outside the grid throws "Those rows are out of bounds."', () => {
  const { sheet } = spreadsheetWith();
  expect(thrownBy(() => sheet.hideRows(1000, 2))).toBe('Exception: Those rows are out of bounds.');
});

test('deleting every unfrozen row is refused', () => {
  const { sheet } = spreadsheetWith();
  sheet.setFrozenRows(1);
  expect(thrownBy(() => sheet.deleteRows(2, 999))).toBe(
    'Exception: Sorry, it is not possible to delete all non-frozen rows.',
  );
});

test('A2:B (columns from a row down) spans to the last row and reads back as A2:B', () => {
  const { sheet } = spreadsheetWith();
  const range = sheet.getRange('A2:B');
  expect([range.getRow(), range.getNumRows(), range.getA1Notation()]).toEqual([2, 999, 'A2:B']);
});

test('Range.getCell is relative to the range and refuses cells outside it', () => {
  const { sheet } = spreadsheetWith();
  expect(sheet.getRange('B2:C3').getCell(2, 1).getA1Notation()).toBe('B3');
  expect(thrownBy(() => sheet.getRange('B2:C3').getCell(3, 1))).toBe('Exception: Cell reference out of range');
});
