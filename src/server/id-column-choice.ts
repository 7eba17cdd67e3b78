// chooseIdColumn, and the choice read back when a plan is made: which column of a sheet holds the job IDs when
// its header names none. Kept per user (user properties), for that spreadsheet's sheet.
import { IdColumnChoice } from '../shared/api';
import {
  RememberedColumn,
  parseRemembered,
  sheetKey,
  validateIdColumnChoice,
  withChoice,
} from '../core/id-column-memory';
import { UserFacingError } from './user-facing-error';

const ID_COLUMNS_KEY = 'idColumns';

export function rememberedIdColumn(spreadsheetId: string, sheetId: number): RememberedColumn | undefined {
  const stored = PropertiesService.getUserProperties().getProperty(ID_COLUMNS_KEY);
  return parseRemembered(stored)[sheetKey(spreadsheetId, sheetId)];
}

export function chooseIdColumn(input: unknown): void {
  const choice: IdColumnChoice | string = validateIdColumnChoice(input);
  if (typeof choice === 'string') throw new UserFacingError(choice);
  const properties = PropertiesService.getUserProperties();
  const key = sheetKey(SpreadsheetApp.getActiveSpreadsheet().getId(), choice.sheetId);
  const next = withChoice(parseRemembered(properties.getProperty(ID_COLUMNS_KEY)), key, choice);
  properties.setProperty(ID_COLUMNS_KEY, JSON.stringify(next));
}
