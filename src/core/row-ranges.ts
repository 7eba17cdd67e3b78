// Rows to select for the user, as A1 ranges ("3:5", "9:9"): one range per run of consecutive rows, and only rows
// that still exist in the grid.
import { RowsToSelect } from '../shared/api';
import { consecutiveRuns } from './blocks';

/** Rows the sidebar may ask to select at once: a run's cap. */
const MAX_ROWS = 20_000;

export function checkRowsToSelect(value: unknown): RowsToSelect | string {
  const v = value as Partial<RowsToSelect> | null;
  const refused = 'Invalid request: rows to select.';
  if (typeof v !== 'object' || v === null || !Number.isInteger(v.sheetId) || !Array.isArray(v.rows)) return refused;
  if (v.rows.length === 0 || v.rows.length > MAX_ROWS) return refused;
  if (!v.rows.every((r) => Number.isInteger(r) && r >= 1)) return refused;
  return { sheetId: v.sheetId as number, rows: v.rows };
}

export function rowRangesA1(rows: number[], gridRows: number): string[] {
  return consecutiveRuns(rows.filter((r) => r <= gridRows)).map((run) => `${run.start}:${run.start + run.length - 1}`);
}
