// Reads the user's selection into a plan: every range of the active range list, clipped to the sheet's data,
// read as displayed text in one call per range.
import { KnownHiddenRows, PlanAnswer } from '../shared/api';
import { isFinishedStatus } from '../core/api-job';
import {
  HIDDEN_ROWS_CHECKED_INLINE,
  HIDDEN_ROWS_CHECK_MAX,
  rowsFingerprint,
  tooManyRowsToCheck,
  trustedHiddenStates,
} from '../core/hidden-rows';
import { NO_HEADER_MESSAGE, detectHeaderRow } from '../core/header-row';
import { RESULT_HEADERS, layoutResultColumns } from '../core/result-columns';
import { SelectedRange, idColumnsOf, planRefusal, planSelection, withFollowColumns } from '../core/selection-plan';
import { Settings } from '../core/settings';
import { LOG_SHEET_NAME, LOG_SHEET_REFUSED } from '../core/log-rows';
import { hiddenRowsOf } from './hidden-rows-reader';
import { readColumn } from './id-cells';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

import { NO_SELECTION } from '../core/wording';

/** Rows whose Status cell already reads COMPLETED, FAILED or CANCELLED. */
function finishedRows(sheet: Sheet, statusColumn: number | undefined, rows: number[]): Set<number> {
  const finished = new Set<number>();
  if (statusColumn === undefined || rows.length === 0) return finished;
  // Not Math.min(...rows): spreading a whole column's rows overflows the call stack.
  const first = rows.reduce((a, b) => Math.min(a, b));
  const last = rows.reduce((a, b) => Math.max(a, b));
  const texts = readColumn(sheet, statusColumn, first, last, { rows: last, columns: statusColumn });
  for (const row of rows) if (isFinishedStatus(texts[row - first])) finished.add(row);
  return finished;
}

/**
 * `known`: hidden states the sidebar had checked (readHiddenRows) after this function asked for them. Rows it does
 * not cover (the selection changed meanwhile) are checked here, or asked for again when there are many.
 */
export function readSelection(settings: Settings, known?: KnownHiddenRows): PlanAnswer {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const rangeList = spreadsheet.getActiveRangeList();
  const sheet = spreadsheet.getActiveSheet();
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (!rangeList || lastRow === 0) return { ok: false, message: NO_SELECTION };
  const sheetName = sheet.getName();
  if (sheetName === LOG_SHEET_NAME) return { ok: false, message: LOG_SHEET_REFUSED };

  const ranges: SelectedRange[] = [];
  for (const range of rangeList.getRanges()) {
    const row = range.getRow();
    const column = range.getColumn();
    // A whole-column selection (A:A) spans the grid; only the data matters.
    const rows = Math.min(row + range.getNumRows() - 1, lastRow) - row + 1;
    const columns = Math.min(column + range.getNumColumns() - 1, lastColumn) - column + 1;
    const a1 = range.getA1Notation();
    if (rows < 1 || columns < 1) ranges.push({ a1, row, column, texts: [] });
    else ranges.push({ a1, row, column, texts: sheet.getRange(row, column, rows, columns).getDisplayValues() });
  }

  const selectedColumns = new Set<number>();
  for (const r of ranges) for (let j = 0; j < (r.texts[0]?.length ?? 0); j++) selectedColumns.add(r.column + j);
  const headerTexts = sheet.getRange(1, 1, 1, lastColumn).getDisplayValues()[0];
  const headerRow = detectHeaderRow(
    sheet.getFrozenRows(),
    [...selectedColumns].map((c) => headerTexts[c - 1] ?? ''),
  );
  if (headerRow === 0) return { ok: false, message: NO_HEADER_MESSAGE };

  const headerRowTexts =
    headerRow === 1 ? headerTexts : sheet.getRange(headerRow, 1, 1, lastColumn).getDisplayValues()[0];
  const layout = layoutResultColumns(headerRowTexts, lastColumn);
  const existing = RESULT_HEADERS.filter((h) => !layout.created.some((c) => c.header === h));
  const resultColumns = new Set(existing.map((h) => layout.columns[h]));

  // Only rows with something selected in them are asked about (hidden rows cost one call per row). What each
  // holds is kept to tell whether hidden states checked by earlier calls still apply to them.
  const selectedTexts = new Map<number, string[]>();
  for (const r of ranges) {
    r.texts.forEach((texts, i) => {
      if (r.row + i <= headerRow || !texts.some((t) => t.trim() !== '')) return;
      selectedTexts.set(r.row + i, [...(selectedTexts.get(r.row + i) ?? []), ...texts]);
    });
  }
  const rows = [...selectedTexts.keys()];
  const sheetId = sheet.getSheetId();
  const hidden = new Set<number>();
  if (settings.skipHiddenRows) {
    if (rows.length > HIDDEN_ROWS_CHECK_MAX) return { ok: false, message: tooManyRowsToCheck(rows.length) };
    const textOfRow = (row: number) => (selectedTexts.get(row) ?? []).join('\u0000');
    const trusted = trustedHiddenStates(known, sheetId, textOfRow);
    const unknown = rows.filter((row) => !trusted.checked.has(row));
    if (unknown.length > HIDDEN_ROWS_CHECKED_INLINE) {
      return {
        ok: 'check-hidden-rows',
        request: { sheetId, rows: unknown, fingerprint: rowsFingerprint(unknown, textOfRow) },
      };
    }
    for (const row of rows) if (trusted.hidden.has(row)) hidden.add(row);
    for (const row of hiddenRowsOf(sheet, unknown)) hidden.add(row);
  }
  const statusColumn = existing.includes('Status') ? layout.columns.Status : undefined;
  const parts = planSelection({
    ranges,
    headerRow,
    resultColumns,
    hiddenRows: hidden,
    finishedRows: settings.skipFinishedRows ? finishedRows(sheet, statusColumn, rows) : new Set(),
  });
  const refusal = planRefusal(parts, settings.runCap);
  if (refusal) return { ok: false, message: refusal };
  // Counted over the whole ID column: a copy of an ID outside the selection stops its result from following it.
  const extent = { rows: lastRow, columns: lastColumn };
  const idColumns = new Map(
    idColumnsOf(parts.jobs).map((c) => [c, readColumn(sheet, c, headerRow + 1, lastRow, extent)] as const),
  );
  return {
    ok: true,
    plan: {
      sheetId,
      sheetName,
      headerRow,
      jobs: withFollowColumns(parts.jobs, idColumns),
      rejected: parts.rejected,
      summary: parts.summary,
      chunkSize: settings.chunkSize,
    },
  };
}
