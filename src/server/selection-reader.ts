// readSelectionPlan: the plan for the current selection, with the user's settings. The decisions are
// core/selection-planner.ts's; this file answers the reads it asks for, each with one Sheets call (hidden rows:
// one call per row, as Apps Script offers no batch form). On a large selection the planner answers with the rows
// the sidebar must have checked for being hidden first (readHiddenRows), and is called again with what it learnt.
import { KnownHiddenRows, PlanAnswer } from '../shared/api';
import { checkKnownHiddenRows } from '../core/hidden-rows';
import { SheetFrame, SheetRead, planFromSheet } from '../core/selection-planner';
import { hiddenRowsOf } from './hidden-rows-reader';
import { rememberedIdColumn } from './id-column-choice';
import { readSettings } from './user-settings';
import { UserFacingError } from './user-facing-error';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function frameOf(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, sheet: Sheet): SheetFrame {
  const rangeList = spreadsheet.getActiveRangeList();
  return {
    sheetId: sheet.getSheetId(),
    sheetName: sheet.getName(),
    lastRow: sheet.getLastRow(),
    lastColumn: sheet.getLastColumn(),
    frozenRows: sheet.getFrozenRows(),
    rememberedIdColumn: rememberedIdColumn(spreadsheet.getId(), sheet.getSheetId()),
    ranges:
      rangeList?.getRanges().map((range) => ({
        a1: range.getA1Notation(),
        row: range.getRow(),
        column: range.getColumn(),
        numRows: range.getNumRows(),
        numColumns: range.getNumColumns(),
      })) ?? null,
  };
}

function perform(sheet: Sheet, read: SheetRead): unknown {
  switch (read.kind) {
    case 'texts':
      return read.rectangles.map((r) => sheet.getRange(r.row, r.column, r.numRows, r.numColumns).getDisplayValues());
    case 'hidden-rows':
      return hiddenRowsOf(sheet, read.rows);
  }
}

function plan(checked: KnownHiddenRows | undefined, askIdColumn: boolean): PlanAnswer {
  const settings = readSettings();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getActiveSheet();
  const planner = planFromSheet({ ...frameOf(spreadsheet, sheet), askIdColumn }, settings, checked);
  let step = planner.next();
  while (!step.done) step = planner.next(perform(sheet, step.value));
  return step.value;
}

export function readSelectionPlan(known?: KnownHiddenRows): PlanAnswer {
  const checked = checkKnownHiddenRows(known);
  if (typeof checked === 'string') throw new UserFacingError(checked);
  return plan(checked, false);
}

/** "Change the job ID column": the question which selected column holds the job IDs, whatever the header says. */
export function askIdColumn(): PlanAnswer {
  return plan(undefined, true);
}
