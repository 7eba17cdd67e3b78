// Plans a run from the user's selection. Every decision is here: which ranges to read and how they are clipped,
// the header row, the result columns, which rows to check for being hidden (here, or in parallel pieces by the
// sidebar), the finished rows, the run cap, the columns a result may follow its ID in, and every refusal.
//
// The planner is fed the sheet's state step by step: it yields a read it needs (`SheetRead`) and is resumed with
// the answer, so that it asks for exactly what its decisions require (a whole-column selection on a small sheet
// reads the data, not a million rows; hidden rows are asked about only for rows holding something). The server
// (server/selection-reader.ts) performs the reads and nothing else; tests feed it a sheet of plain arrays.
import { FinalPlanAnswer, KnownHiddenRows, PlanAnswer } from '../shared/api';
import { isFinishedStatus } from './api-job';
import { NO_HEADER_MESSAGE, detectHeaderRow } from './header-row';
import {
  HIDDEN_ROWS_CHECKED_INLINE,
  HIDDEN_ROWS_CHECK_MAX,
  rowsFingerprint,
  tooManyRowsToCheck,
  trustedHiddenStates,
} from './hidden-rows';
import { LOG_SHEET_NAME, LOG_SHEET_REFUSED } from './log-rows';
import { RESULT_HEADERS, layoutResultColumns } from './result-columns';
import { SelectedRange, idColumnsOf, planRefusal, planSelection, withFollowColumns } from './selection-plan';
import { Settings } from './settings';
import { NO_SELECTION } from './wording';

/** A selected range as Apps Script describes it, before anything is read. */
export interface RangeArea {
  a1: string;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** What the server knows of the active sheet without reading cells. */
export interface SheetFrame {
  sheetId: number;
  sheetName: string;
  lastRow: number;
  lastColumn: number;
  frozenRows: number;
  /** The selection's ranges in the order the user made them; null when nothing is selected. */
  ranges: RangeArea[] | null;
}

/** A rectangle of displayed texts to read: rows first..first+numRows-1, columns likewise. */
export interface Rectangle {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** What the planner asks the server for; each is answered as the comment says. */
export type SheetRead =
  /** Displayed texts of each rectangle, in order: string[][][] */
  | { kind: 'texts'; rectangles: Rectangle[] }
  /** Which of these rows are hidden by the user or by a filter: number[] */
  | { kind: 'hidden-rows'; rows: number[] };

type Planner = Generator<SheetRead, PlanAnswer, unknown>;

function refuse(message: string): FinalPlanAnswer {
  return { ok: false, message };
}

/** Each range clipped to the sheet's data: selecting A:A reads the rows that hold something, not the grid. */
function clipped(area: RangeArea, frame: SheetFrame): Rectangle {
  return {
    row: area.row,
    column: area.column,
    numRows: Math.max(0, Math.min(area.row + area.numRows - 1, frame.lastRow) - area.row + 1),
    numColumns: Math.max(0, Math.min(area.column + area.numColumns - 1, frame.lastColumn) - area.column + 1),
  };
}

function* readTexts(rectangles: Rectangle[]): Generator<SheetRead, string[][][], unknown> {
  const wanted = rectangles.filter((r) => r.numRows > 0 && r.numColumns > 0);
  const answers = wanted.length === 0 ? [] : ((yield { kind: 'texts', rectangles: wanted }) as string[][][]);
  let next = 0;
  return rectangles.map((r) => (r.numRows > 0 && r.numColumns > 0 ? answers[next++] : []));
}

function* readRow(row: number, lastColumn: number): Generator<SheetRead, string[], unknown> {
  const [texts] = yield* readTexts([{ row, column: 1, numRows: 1, numColumns: lastColumn }]);
  return texts[0] ?? [];
}

/** One column's trimmed texts over rows first..last (within the data). */
function* readColumnTexts(column: number, first: number, last: number): Generator<SheetRead, string[], unknown> {
  const [texts] = yield* readTexts([{ row: first, column, numRows: Math.max(0, last - first + 1), numColumns: 1 }]);
  return texts.map((r) => (r[0] ?? '').trim());
}

/**
 * The plan for the selection. `known`: hidden states the sidebar had checked after an earlier call asked for
 * them; rows they do not cover (the selection changed meanwhile) are checked here, or asked for again.
 */
export function* planFromSheet(frame: SheetFrame, settings: Settings, known?: KnownHiddenRows): Planner {
  if (!frame.ranges || frame.lastRow === 0) return refuse(NO_SELECTION);
  if (frame.sheetName === LOG_SHEET_NAME) return refuse(LOG_SHEET_REFUSED);

  const areas = frame.ranges;
  const texts = yield* readTexts(areas.map((a) => clipped(a, frame)));
  const ranges: SelectedRange[] = areas.map((a, i) => ({ a1: a.a1, row: a.row, column: a.column, texts: texts[i] }));

  // The selected columns within the data, also for a range below the last row (its header still names them).
  const selectedColumns = new Set<number>();
  for (const a of areas) {
    for (let c = a.column; c <= Math.min(a.column + a.numColumns - 1, frame.lastColumn); c++) selectedColumns.add(c);
  }
  const row1 = yield* readRow(1, frame.lastColumn);
  const headerRow = detectHeaderRow(
    frame.frozenRows,
    [...selectedColumns].map((c) => row1[c - 1] ?? ''),
  );
  if (headerRow === 0) return refuse(NO_HEADER_MESSAGE);
  const headerTexts = headerRow === 1 ? row1 : yield* readRow(headerRow, frame.lastColumn);
  const layout = layoutResultColumns(headerTexts, frame.lastColumn);
  const existing = RESULT_HEADERS.filter((h) => !layout.created.some((c) => c.header === h));
  const resultColumns = new Set(existing.map((h) => layout.columns[h]));

  // Only rows with something selected in them are asked about (hidden rows cost one call per row). What each
  // holds is kept to tell whether hidden states checked by earlier calls still apply to them.
  const selectedTexts = new Map<number, string[]>();
  for (const r of ranges) {
    r.texts.forEach((rowTexts, i) => {
      if (r.row + i <= headerRow || !rowTexts.some((t) => t.trim() !== '')) return;
      selectedTexts.set(r.row + i, [...(selectedTexts.get(r.row + i) ?? []), ...rowTexts]);
    });
  }
  const rows = [...selectedTexts.keys()];
  const hidden = new Set<number>();
  if (settings.skipHiddenRows) {
    if (rows.length > HIDDEN_ROWS_CHECK_MAX) return refuse(tooManyRowsToCheck(rows.length));
    const textOfRow = (row: number) => (selectedTexts.get(row) ?? []).join('\u0000');
    const trusted = trustedHiddenStates(known, frame.sheetId, textOfRow);
    const unknown = rows.filter((row) => !trusted.checked.has(row));
    if (unknown.length > HIDDEN_ROWS_CHECKED_INLINE) {
      const request = { sheetId: frame.sheetId, rows: unknown, fingerprint: rowsFingerprint(unknown, textOfRow) };
      return { ok: 'check-hidden-rows', request };
    }
    for (const row of rows) if (trusted.hidden.has(row)) hidden.add(row);
    if (unknown.length > 0)
      for (const row of (yield { kind: 'hidden-rows', rows: unknown }) as number[]) hidden.add(row);
  }

  const finishedRows = new Set<number>();
  if (settings.skipFinishedRows && existing.includes('Status') && rows.length > 0) {
    // Not Math.min(...rows): spreading a whole column's rows overflows the call stack.
    const first = rows.reduce((a, b) => Math.min(a, b));
    const last = rows.reduce((a, b) => Math.max(a, b));
    const statuses = yield* readColumnTexts(layout.columns.Status, first, last);
    for (const row of rows) if (isFinishedStatus(statuses[row - first])) finishedRows.add(row);
  }

  const parts = planSelection({ ranges, headerRow, resultColumns, hiddenRows: hidden, finishedRows });
  const refusal = planRefusal(parts, settings.runCap);
  if (refusal) return refuse(refusal);
  // Counted over the whole ID column: a copy of an ID outside the selection stops its result from following it.
  const idColumns = new Map<number, string[]>();
  for (const column of idColumnsOf(parts.jobs)) {
    idColumns.set(column, yield* readColumnTexts(column, headerRow + 1, frame.lastRow));
  }
  return {
    ok: true,
    plan: {
      sheetId: frame.sheetId,
      sheetName: frame.sheetName,
      headerRow,
      jobs: withFollowColumns(parts.jobs, idColumns),
      rejected: parts.rejected,
      summary: parts.summary,
      chunkSize: settings.chunkSize,
      chunksInFlight: settings.chunksInFlight,
    },
  };
}
