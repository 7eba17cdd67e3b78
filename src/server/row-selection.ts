// Selects rows for the user: after a run, the rows that need a look (failures, rows not written), so they can be
// read, fixed or re-run from the sheet itself.
import { RowsToSelect } from '../shared/api';
import { checkRowsToSelect, rowRangesA1 } from '../core/row-ranges';
import { SERVER } from '../core/wording';
import { UserFacingError } from './user-facing-error';

export function selectRows(input: unknown): void {
  const request: RowsToSelect | string = checkRowsToSelect(input);
  if (typeof request === 'string') throw new UserFacingError(request);
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetById(request.sheetId);
  if (!sheet) throw new UserFacingError(SERVER.selectionSheetGone);
  const ranges = rowRangesA1(request.rows, sheet.getMaxRows());
  sheet.activate();
  if (ranges.length > 0) sheet.getRangeList(ranges).activate();
}
