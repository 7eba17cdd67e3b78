// Checks that job ID cells still hold their job IDs: the user may sort, insert or edit rows while a run goes
// on. One read per ID column over the chunk's rows; the whole column only when something moved.
import { CellRef, MovedCell } from '../shared/api';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface ExpectedCell {
  key: string;
  text: string;
  cell: CellRef;
  /** Look for the text elsewhere in the same column when it left its cell. */
  relocate: boolean;
}

export interface LocatedCell {
  key: string;
  /** Where the text is now: its own cell, another row of its column, or nowhere. */
  at?: CellRef;
  moved?: MovedCell;
}

/** Displayed texts, trimmed, of rows first..last of one column: one read. */
export function readColumn(sheet: Sheet, column: number, first: number, last: number): string[] {
  if (last < first) return [];
  return sheet
    .getRange(first, column, last - first + 1, 1)
    .getDisplayValues()
    .map((r) => r[0].trim());
}

export function locateCells(sheet: Sheet, headerRow: number, expected: ExpectedCell[]): LocatedCell[] {
  const byColumn = new Map<number, ExpectedCell[]>();
  for (const e of expected) {
    const cells = byColumn.get(e.cell.column);
    if (cells) cells.push(e);
    else byColumn.set(e.cell.column, [e]);
  }
  const located: LocatedCell[] = [];
  const claimed = new Set<string>();
  for (const [column, cells] of byColumn) {
    const rows = cells.map((c) => c.cell.row);
    const first = Math.min(...rows);
    const span = readColumn(sheet, column, first, Math.max(...rows));
    const lost: ExpectedCell[] = [];
    for (const e of cells) {
      if (span[e.cell.row - first] === e.text) {
        claimed.add(`${e.cell.row}:${column}`);
        located.push({ key: e.key, at: e.cell });
      } else lost.push(e);
    }
    if (lost.length === 0) continue;
    const whole = lost.some((e) => e.relocate) ? readColumn(sheet, column, headerRow + 1, sheet.getLastRow()) : [];
    for (const e of lost) {
      const index = e.relocate
        ? whole.findIndex((text, i) => text === e.text && !claimed.has(`${headerRow + 1 + i}:${column}`))
        : -1;
      const to = index >= 0 ? { row: headerRow + 1 + index, column } : undefined;
      if (to) claimed.add(`${to.row}:${column}`);
      located.push({ key: e.key, at: to, moved: { jobId: e.text, from: e.cell, to } });
    }
  }
  return located;
}
