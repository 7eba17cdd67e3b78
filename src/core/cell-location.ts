// Where a job's result goes when the sheet was edited during the run. A row is written only if its job ID cell
// still holds that job ID. A result follows its job ID to another row of the same column only when that is
// unambiguous: the ID occurs in the column exactly as many times as the run selected it there, both when the
// plan was made (`follow`, decided by the planner) and now. A copy of the ID in a row the user did not select is
// never written. The server reads the texts these functions ask for; nothing here touches the sheet.
import { CellRef, MovedCell } from '../shared/api';

export interface ExpectedCell {
  key: string;
  text: string;
  cell: CellRef;
  /** The plan allows the text to be followed to another row of its column (see above). */
  follow: boolean;
}

/** Rows first..last of one column, to read as displayed text. */
export interface ColumnSpan {
  column: number;
  first: number;
  last: number;
}

/** What a span holds: `texts[i]` is row first + i, trimmed. Shorter than asked where the sheet's grid ends. */
export interface ColumnTexts {
  column: number;
  first: number;
  texts: string[];
}

export interface LocatedCell {
  key: string;
  /** Where the text is now: its own cell, another row of its column, or nowhere. */
  at?: CellRef;
  /** Set when the text left its cell: where it went, if it was followed. */
  moved?: MovedCell;
}

function byColumn<T extends { cell: CellRef }>(items: T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const group = groups.get(item.cell.column);
    if (group) group.push(item);
    else groups.set(item.cell.column, [item]);
  }
  return groups;
}

/** One span per column, from the first to the last expected row (one read each). */
export function spansToRead(expected: ExpectedCell[]): ColumnSpan[] {
  return [...byColumn(expected)].map(([column, cells]) => {
    // Not Math.min(...rows): a whole column's rows would overflow the call stack.
    let first = Infinity;
    let last = -Infinity;
    for (const { cell } of cells) {
      first = Math.min(first, cell.row);
      last = Math.max(last, cell.row);
    }
    return { column, first, last };
  });
}

function textAt(spans: ColumnTexts[], cell: CellRef): string | undefined {
  const span = spans.find((s) => s.column === cell.column);
  return span?.texts[cell.row - span.first];
}

function isInPlace(spans: ColumnTexts[], e: ExpectedCell): boolean {
  return textAt(spans, e.cell) === e.text;
}

/** Columns to read whole (below the header) because a cell that may be followed left its place. */
export function columnsToReadWhole(expected: ExpectedCell[], spans: ColumnTexts[]): number[] {
  const columns = new Set<number>();
  for (const e of expected) if (e.follow && !isInPlace(spans, e)) columns.add(e.cell.column);
  return [...columns];
}

/** How many times each non-empty text occurs among `texts`. */
export function occurrences(texts: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) if (text !== '') counts.set(text, (counts.get(text) ?? 0) + 1);
  return counts;
}

/**
 * Where each expected cell's text is now. `spans`: the texts of spansToRead; `whole`: the columns of
 * columnsToReadWhole, from the row below the header to the sheet's last row.
 */
export function locateCells(expected: ExpectedCell[], spans: ColumnTexts[], whole: ColumnTexts[]): LocatedCell[] {
  const located: LocatedCell[] = [];
  for (const [column, cells] of byColumn(expected)) {
    const inPlace = cells.filter((e) => isInPlace(spans, e));
    const lost = cells.filter((e) => !isInPlace(spans, e));
    const claimed = new Set(inPlace.map((e) => e.cell.row));
    for (const e of inPlace) located.push({ key: e.key, at: e.cell });
    if (lost.length === 0) continue;
    const columnNow = whole.find((w) => w.column === column);
    const countsNow = occurrences(columnNow?.texts ?? []);
    // Selected cells of each text in this column: the count the text must still have to be followed.
    const selected = occurrences(cells.filter((e) => e.follow).map((e) => e.text));
    for (const e of lost) {
      let to: CellRef | undefined;
      if (e.follow && columnNow && countsNow.get(e.text) === selected.get(e.text)) {
        const index = columnNow.texts.findIndex((t, i) => t === e.text && !claimed.has(columnNow.first + i));
        if (index >= 0) to = { row: columnNow.first + index, column };
      }
      if (to) claimed.add(to.row);
      located.push({ key: e.key, at: to, moved: { jobId: e.text, from: e.cell, to } });
    }
  }
  return located;
}
