// Asks Apps Script which rows are hidden. It answers row by row (no batch form under spreadsheets.currentonly):
// https://developers.google.com/apps-script/reference/spreadsheet/sheet#isRowHiddenByUser(Integer)
import { HiddenRowsRequest } from '../shared/api';
import { checkHiddenRowsRequest } from '../core/hidden-rows';
import { SERVER } from '../core/wording';
import { UserFacingError } from './user-facing-error';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows hidden by the user or by a filter; the filter is asked about only when the sheet has one. */
export function hiddenRowsOf(sheet: Sheet, rows: number[]): number[] {
  const hasFilter = sheet.getFilter() !== null;
  return rows.filter((row) => sheet.isRowHiddenByUser(row) || (hasFilter && sheet.isRowHiddenByFilter(row)));
}

/** One piece of a large plan's hidden-row check, run by the sidebar in parallel with the other pieces. */
export function readHiddenRows(request: HiddenRowsRequest): number[] {
  const checked = checkHiddenRowsRequest(request);
  if (typeof checked === 'string') throw new UserFacingError(checked);
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetById(checked.sheetId);
  if (!sheet) throw new UserFacingError(SERVER.selectionSheetGone);
  // Rows past the grid (deleted meanwhile) would make Apps Script throw: they cannot be hidden rows of the selection.
  const maxRows = sheet.getMaxRows();
  return hiddenRowsOf(
    sheet,
    checked.rows.filter((row) => row <= maxRows),
  );
}
