// Which rows the plan must ask Apps Script about, and how that work is split. SpreadsheetApp answers "is this row
// hidden?" one row at a time (Sheet.isRowHiddenByUser / isRowHiddenByFilter, no batch form under the
// spreadsheets.currentonly scope), so a large selection is checked in pieces that the sidebar runs as parallel
// executions, instead of one execution that grows with the selection towards the 6-minute limit.
import type { HiddenRowsRequest, KnownHiddenRows } from '../shared/api';

/** Up to this many rows are checked inside readSelectionPlan itself: two more executions would cost more. */
export const HIDDEN_ROWS_CHECKED_INLINE = 200;
/** Rows one readHiddenRows execution checks at most (one call per row, far inside 6 minutes even at 100 ms each). */
export const HIDDEN_ROWS_PER_CALL = 1000;
/** A piece is not made smaller than this: each piece pays the start of an execution. */
const HIDDEN_ROWS_PIECE_MIN = 100;
/** Rows holding something that can be checked for one plan; above it the user is asked to select fewer. */
export const HIDDEN_ROWS_CHECK_MAX = 20000;

export function tooManyRowsToCheck(rows: number): string {
  return (
    `The selection has ${rows} rows holding something; hidden rows can be looked for in at most ` +
    `${HIDDEN_ROWS_CHECK_MAX} of them. Select fewer rows, or turn off "Skip hidden rows" in Settings.`
  );
}

/** The rows of `rows` whose hidden state `known` does not give (all of them when it is about another sheet). */
export function rowsToCheck(rows: number[], sheetId: number, known: KnownHiddenRows | undefined): number[] {
  if (!known || known.sheetId !== sheetId) return rows;
  const checked = new Set(known.checked);
  return rows.filter((row) => !checked.has(row));
}

/** The hidden rows among `rows` that `known` tells about. */
export function knownHidden(rows: number[], sheetId: number, known: KnownHiddenRows | undefined): number[] {
  if (!known || known.sheetId !== sheetId) return [];
  const hidden = new Set(known.hidden);
  return rows.filter((row) => hidden.has(row));
}

/**
 * The request split into pieces for `inFlight` parallel executions: as few rounds as possible, pieces of equal
 * size, none below HIDDEN_ROWS_PIECE_MIN rows unless the request is smaller, none above HIDDEN_ROWS_PER_CALL.
 */
export function hiddenRowsPieces(request: HiddenRowsRequest, inFlight: number): HiddenRowsRequest[] {
  const { rows, sheetId } = request;
  if (rows.length === 0) return [];
  const slots = Math.max(1, Math.floor(inFlight));
  const rounds = Math.ceil(rows.length / (slots * HIDDEN_ROWS_PER_CALL));
  const size = Math.min(
    HIDDEN_ROWS_PER_CALL,
    Math.max(HIDDEN_ROWS_PIECE_MIN, Math.ceil(rows.length / (slots * rounds))),
  );
  const pieces: HiddenRowsRequest[] = [];
  for (let i = 0; i < rows.length; i += size) pieces.push({ sheetId, rows: rows.slice(i, i + size) });
  return pieces;
}

/** `known` with the answers of one round added (a known state about another sheet is dropped). */
export function addCheckedRows(
  known: KnownHiddenRows | undefined,
  request: HiddenRowsRequest,
  hidden: number[],
): KnownHiddenRows {
  const base =
    known && known.sheetId === request.sheetId ? known : { sheetId: request.sheetId, checked: [], hidden: [] };
  return {
    sheetId: request.sheetId,
    checked: [...base.checked, ...request.rows],
    hidden: [...base.hidden, ...hidden],
  };
}

const isRow = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 1;

/** A readHiddenRows request as the server receives it: the sheet and at most HIDDEN_ROWS_PER_CALL row numbers. */
export function checkHiddenRowsRequest(value: unknown): HiddenRowsRequest | string {
  const v = value as Partial<HiddenRowsRequest> | null;
  if (typeof v !== 'object' || v === null || !Number.isInteger(v.sheetId)) return 'The request names no sheet.';
  if (!Array.isArray(v.rows) || !v.rows.every(isRow)) return 'The request must list row numbers.';
  if (v.rows.length > HIDDEN_ROWS_PER_CALL) return `At most ${HIDDEN_ROWS_PER_CALL} rows can be checked at once.`;
  return { sheetId: v.sheetId as number, rows: v.rows };
}

/** The known hidden states readSelectionPlan receives back; undefined when absent, a sentence when malformed. */
export function checkKnownHiddenRows(value: unknown): KnownHiddenRows | undefined | string {
  if (value === undefined || value === null) return undefined;
  const v = value as Partial<KnownHiddenRows>;
  const rowList = (list: unknown) => Array.isArray(list) && list.length <= HIDDEN_ROWS_CHECK_MAX && list.every(isRow);
  if (typeof v !== 'object' || !Number.isInteger(v.sheetId) || !rowList(v.checked) || !rowList(v.hidden)) {
    return 'The hidden rows sent back with the plan are not understood.';
  }
  return { sheetId: v.sheetId as number, checked: v.checked as number[], hidden: v.hidden as number[] };
}
