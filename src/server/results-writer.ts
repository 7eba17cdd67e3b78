// Writes result rows. Only result columns are ever written, one setValues per block of consecutive rows and
// consecutive result columns. The caller holds the document lock (document-lock.ts).
import { CellRef, MovedCell } from '../shared/api';
import { consecutiveRuns } from '../core/blocks';
import { RESULT_HEADERS, ResultHeader, layoutResultColumns } from '../core/result-columns';
import { asLiteralText } from '../core/cell-text';
import { ExpectedCell, locateCells } from './id-cells';
import { UserFacingError } from './user-facing-error';
import { HEADER_CHANGED } from './header-changed';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface RowToWrite extends ExpectedCell {
  values: Record<ResultHeader, unknown>;
}

export interface WriteReport {
  written: Map<string, CellRef>;
  moved: Map<string, MovedCell>;
}

function ensureResultColumns(sheet: Sheet, headerRow: number): Record<ResultHeader, number> {
  const lastColumn = sheet.getLastColumn();
  const headers = lastColumn > 0 ? sheet.getRange(headerRow, 1, 1, lastColumn).getDisplayValues()[0] : [];
  // An empty header row means rows were inserted above the real one: writing would create stray columns.
  if (headers.every((h) => h.trim() === '')) throw new UserFacingError(HEADER_CHANGED);
  const layout = layoutResultColumns(headers, lastColumn);
  if (layout.created.length > 0) {
    const first = layout.created[0].column;
    const missing = first + layout.created.length - 1 - sheet.getMaxColumns();
    if (missing > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), missing);
    // Created columns are consecutive, right of the data: one write.
    sheet
      .getRange(headerRow, first, 1, layout.created.length)
      .setValues([layout.created.map((c) => asLiteralText(c.header))]);
  }
  return layout.columns;
}

function writeBlocks(sheet: Sheet, columns: Record<ResultHeader, number>, rows: Map<number, RowToWrite>): void {
  const headerAt = new Map(RESULT_HEADERS.map((h) => [columns[h], h] as const));
  const columnRuns = consecutiveRuns(headerAt.keys());
  for (const rowRun of consecutiveRuns(rows.keys())) {
    for (const colRun of columnRuns) {
      const matrix: unknown[][] = [];
      for (let r = rowRun.start; r < rowRun.start + rowRun.length; r++) {
        const values = rows.get(r)!.values;
        const line: unknown[] = [];
        for (let c = colRun.start; c < colRun.start + colRun.length; c++) line.push(values[headerAt.get(c)!]);
        matrix.push(line);
      }
      sheet.getRange(rowRun.start, colRun.start, rowRun.length, colRun.length).setValues(matrix);
    }
  }
}

export function writeResults(sheet: Sheet, headerRow: number, rows: RowToWrite[]): WriteReport {
  const report: WriteReport = { written: new Map(), moved: new Map() };
  if (rows.length === 0) return report;
  const columns = ensureResultColumns(sheet, headerRow);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const targets = new Map<number, RowToWrite>();
  for (const located of locateCells(sheet, headerRow, rows)) {
    if (located.moved) report.moved.set(located.key, located.moved);
    if (located.at && targets.has(located.at.row)) {
      // Another job's result was moved onto this row (IDs in two columns): one row holds one result.
      const row = byKey.get(located.key)!;
      report.moved.set(located.key, { jobId: row.text, from: row.cell });
      continue;
    }
    if (!located.at) continue;
    targets.set(located.at.row, byKey.get(located.key)!);
    report.written.set(located.key, located.at);
  }
  writeBlocks(sheet, columns, targets);
  return report;
}
