// Plans a run from the user's selection. Every decision is here: which ranges to read and how they are clipped,
// the header row, the result columns, which rows to check for being hidden (here, or in parallel pieces by the
// sidebar), the finished rows, the run cap, the columns a result may follow its ID in, and every refusal.
//
// The planner is fed the sheet's state step by step: it yields a read it needs (`SheetRead`) and is resumed with
// the answer, so that it asks for exactly what its decisions require (a whole-column selection on a small sheet
// reads the data, not a million rows; hidden rows are asked about only for rows holding something). The server
// (server/selection-reader.ts) performs the reads and nothing else; tests feed it a sheet of plain arrays.
import { FinalPlanAnswer, KnownHiddenRows, PlanAnswer } from '../shared/api';
import { isWrittenFinishedStatus } from './api-job';
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
import { SelectedRange, planRefusal, planSelection, withFollowColumns } from './selection-plan';
import { columnLetter, decideIdColumn } from './id-column';
import type { RememberedColumn } from './id-column-memory';
import { Settings } from './settings';
import { NO_SELECTION, noCellInIdColumn, noJobIdFound } from './wording';

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
  /** The job ID column the user chose for this sheet earlier (asked when the header names none). */
  rememberedIdColumn?: RememberedColumn;
  /** The user asked to change the job ID column: the planner asks which column holds the IDs. */
  askIdColumn?: boolean;
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

/** The selected cells below the header: trimmed texts by column, and a count of those with text outside one. */
function belowHeader(ranges: SelectedRange[], headerRow: number) {
  const byColumn = new Map<number, string[]>();
  const seen = new Set<string>();
  for (const r of ranges) {
    r.texts.forEach((rowTexts, i) => {
      if (r.row + i <= headerRow) return;
      rowTexts.forEach((raw, j) => {
        const key = `${r.row + i}:${r.column + j}`;
        const text = raw.trim();
        if (text === '' || seen.has(key)) return;
        seen.add(key);
        const texts = byColumn.get(r.column + j);
        if (texts) texts.push(text);
        else byColumn.set(r.column + j, [text]);
      });
    });
  }
  /** Cells with text outside `column`; the result columns' cells are the run's to write, not ignored. */
  const ignoredOutside = (column: number, resultColumns: Set<number>) =>
    [...byColumn].reduce((n, [c, texts]) => (c === column || resultColumns.has(c) ? n : n + texts.length), 0);
  return { byColumn, ignoredOutside };
}

/** A range reduced to one column (no cell when the range does not cover it); its A1 notation is kept. */
function onlyColumn(range: SelectedRange, column: number): SelectedRange {
  const width = range.texts[0]?.length ?? 0;
  const inside = column >= range.column && column < range.column + width;
  return {
    a1: range.a1,
    row: range.row,
    column,
    texts: inside ? range.texts.map((r) => [r[column - range.column] ?? '']) : [],
  };
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
  const headerRow = detectHeaderRow(frame.frozenRows, row1, [...selectedColumns]);
  if (headerRow === 0) return refuse(NO_HEADER_MESSAGE);
  const headerTexts = headerRow === 1 ? row1 : yield* readRow(headerRow, frame.lastColumn);
  const layout = layoutResultColumns(headerTexts, frame.lastColumn);
  const existing = RESULT_HEADERS.filter((h) => !layout.created.some((c) => c.header === h));
  const resultColumns = new Set(existing.map((h) => layout.columns[h]));

  // Only the job ID column is read as job IDs: notes, types and requestors beside it are never candidates.
  const below = belowHeader(ranges, headerRow);
  const decision = decideIdColumn(
    {
      headerTexts,
      candidateColumns: [...selectedColumns].filter((c) => !resultColumns.has(c)).sort((a, b) => a - b),
      cellsByColumn: below.byColumn,
      remembered: frame.rememberedIdColumn,
    },
    frame.askIdColumn === true,
  );
  if (decision.kind === 'none') return refuse(noJobIdFound(ranges.map((r) => r.a1)));
  if (decision.kind === 'ask') {
    const { candidates, preselected } = decision;
    return {
      ok: 'choose-id-column',
      question: { sheetId: frame.sheetId, sheetName: frame.sheetName, candidates, preselected },
    };
  }
  const idColumn = decision.column;
  const idColumnInfo = {
    column: idColumn,
    letter: columnLetter(idColumn),
    header: (headerTexts[idColumn - 1] ?? '').trim(),
    source: decision.source,
  };
  if (!selectedColumns.has(idColumn)) {
    // Nothing at all below the header: the plain "no job ID found"; cells elsewhere: where the IDs are.
    if (below.byColumn.size === 0) return refuse(noJobIdFound(ranges.map((r) => r.a1)));
    return refuse(noCellInIdColumn(idColumnInfo.letter, idColumnInfo.header));
  }
  const idRanges = ranges.map((r) => onlyColumn(r, idColumn));

  // Only rows whose job ID cell holds something are asked about (hidden rows cost one call per row). What each
  // holds is kept to tell whether hidden states checked by earlier calls still apply to them.
  const selectedTexts = new Map<number, string>();
  for (const r of idRanges) {
    r.texts.forEach((rowTexts, i) => {
      const text = rowTexts[0] ?? '';
      if (r.row + i > headerRow && text.trim() !== '') selectedTexts.set(r.row + i, text);
    });
  }
  const rows = [...selectedTexts.keys()];
  const hidden = new Set<number>();
  if (settings.skipHiddenRows) {
    if (rows.length > HIDDEN_ROWS_CHECK_MAX) return refuse(tooManyRowsToCheck(rows.length));
    const textOfRow = (row: number) => selectedTexts.get(row) ?? '';
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
    for (const row of rows) if (isWrittenFinishedStatus(statuses[row - first])) finishedRows.add(row);
  }

  const parts = planSelection({ ranges: idRanges, headerRow, resultColumns, hiddenRows: hidden, finishedRows });
  const refusal = planRefusal(parts, settings.runCap);
  if (refusal) return refuse(refusal);
  // Counted over the whole ID column: a copy of an ID outside the selection stops its result from following it.
  const idColumns = new Map<number, string[]>();
  if (parts.jobs.length > 0) idColumns.set(idColumn, yield* readColumnTexts(idColumn, headerRow + 1, frame.lastRow));
  return {
    ok: true,
    plan: {
      sheetId: frame.sheetId,
      sheetName: frame.sheetName,
      headerRow,
      idColumn,
      jobs: withFollowColumns(parts.jobs, idColumns),
      rejected: parts.rejected,
      summary: {
        ...parts.summary,
        idColumn: idColumnInfo,
        ignoredCells: below.ignoredOutside(idColumn, resultColumns),
        skipsHiddenRows: settings.skipHiddenRows,
      },
      chunkSize: settings.chunkSize,
      chunksInFlight: settings.chunksInFlight,
      typedConfirmFrom: settings.typedConfirmFrom,
    },
  };
}
