// Which rows the plan must ask Apps Script about, and how that work is split. SpreadsheetApp answers "is this row
// hidden?" one row at a time (Sheet.isRowHiddenByUser / isRowHiddenByFilter, no batch form under the
// spreadsheets.currentonly scope), so a large selection is checked in pieces that the sidebar runs as parallel
// executions, instead of one execution that grows with the selection towards the 6-minute limit.
import type { CheckedRows, HiddenRowsRequest, KnownHiddenRows } from '../shared/api';

/** Up to this many rows are checked inside readSelectionPlan itself: two more executions would cost more. */
export const HIDDEN_ROWS_CHECKED_INLINE = 200;
/**
 * Rows one readHiddenRows execution checks at most: one or two calls per row (two when the sheet has a filter),
 * so 1,000 calls, inside 2 minutes even at 100 ms a call.
 */
export const HIDDEN_ROWS_PER_CALL = 500;
/** A piece is not made smaller than this (but the last one): each piece pays the start of an execution. */
const HIDDEN_ROWS_PIECE_MIN = 100;
/** Rows holding something that can be checked for one plan; above it the user is asked to select fewer. */
export const HIDDEN_ROWS_CHECK_MAX = 20000;
/** Rounds of checks for one plan: a new round is needed only when the selection changed meanwhile. */
export const MAX_HIDDEN_ROUNDS = 3;

export function tooManyRowsToCheck(rows: number): string {
  return (
    `The selection has ${rows} rows holding something; hidden rows can be looked for in at most ` +
    `${HIDDEN_ROWS_CHECK_MAX} of them. Select fewer rows, or turn off "Skip hidden rows" in Settings.`
  );
}

/**
 * A short digest of the rows and of what they hold (FNV-1a, 32 bits). A round of checks is used only if its rows
 * still hold what they held when the check was asked for: a row inserted or sorted meanwhile moves the texts, and
 * the hidden state found for row 10 may belong to another job by then.
 */
export function rowsFingerprint(rows: number[], textOfRow: (row: number) => string): string {
  let hash = 0x811c9dc5;
  const add = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      hash ^= s.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  };
  for (const row of rows) add(`${row}\u0000${textOfRow(row)}\u0001`);
  return `${rows.length}:${hash.toString(16)}`;
}

/**
 * What the rounds of `known` tell about this sheet as it is now: the rows checked and those found hidden. A round
 * about another sheet, or whose rows no longer hold what they held, tells nothing.
 */
export function trustedHiddenStates(
  known: KnownHiddenRows | undefined,
  sheetId: number,
  textOfRow: (row: number) => string,
): { checked: Set<number>; hidden: Set<number> } {
  const checked = new Set<number>();
  const hidden = new Set<number>();
  if (!known || known.sheetId !== sheetId) return { checked, hidden };
  for (const round of known.rounds) {
    if (rowsFingerprint(round.rows, textOfRow) !== round.fingerprint) continue;
    for (const row of round.rows) checked.add(row);
    for (const row of round.hidden) hidden.add(row);
  }
  return { checked, hidden };
}

/**
 * The request split into pieces for `inFlight` parallel executions: as few rounds as possible, pieces of equal
 * size, none below HIDDEN_ROWS_PIECE_MIN rows but the last, none above HIDDEN_ROWS_PER_CALL.
 */
export function hiddenRowsPieces(request: HiddenRowsRequest, inFlight: number): HiddenRowsRequest[] {
  const { rows, sheetId } = request;
  if (rows.length === 0) return [];
  const slots = Number.isFinite(inFlight) ? Math.max(1, Math.floor(inFlight)) : 1;
  const rounds = Math.ceil(rows.length / (slots * HIDDEN_ROWS_PER_CALL));
  const size = Math.min(
    HIDDEN_ROWS_PER_CALL,
    Math.max(HIDDEN_ROWS_PIECE_MIN, Math.ceil(rows.length / (slots * rounds))),
  );
  const pieces: HiddenRowsRequest[] = [];
  for (let i = 0; i < rows.length; i += size) pieces.push({ sheetId, rows: rows.slice(i, i + size) });
  return pieces;
}

/** `known` with one more round: the rows answered and those found hidden (another sheet's rounds are dropped). */
export function addRound(
  known: KnownHiddenRows | undefined,
  request: HiddenRowsRequest & { fingerprint: string },
  answered: HiddenRowsRequest[],
  hidden: number[],
): KnownHiddenRows {
  const rounds = known && known.sheetId === request.sheetId ? known.rounds : [];
  const rows = answered.flatMap((piece) => piece.rows);
  // Only a round whose every row was answered keeps the fingerprint it was asked with.
  const complete = rows.length === request.rows.length && rows.every((row, i) => row === request.rows[i]);
  const round: CheckedRows = { rows, hidden, fingerprint: complete ? request.fingerprint : '' };
  return { sheetId: request.sheetId, rounds: [...rounds, round] };
}

const isRow = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 1;
const isRowList = (value: unknown, max: number): value is number[] =>
  Array.isArray(value) && value.length <= max && value.every(isRow);

/** A readHiddenRows request as the server receives it: the sheet and at most HIDDEN_ROWS_PER_CALL row numbers. */
export function checkHiddenRowsRequest(value: unknown): HiddenRowsRequest | string {
  const v = value as Partial<HiddenRowsRequest> | null;
  if (typeof v !== 'object' || v === null || !Number.isInteger(v.sheetId)) return 'The request names no sheet.';
  if (Array.isArray(v.rows) && v.rows.length > HIDDEN_ROWS_PER_CALL) {
    return `At most ${HIDDEN_ROWS_PER_CALL} rows can be checked at once.`;
  }
  if (!isRowList(v.rows, HIDDEN_ROWS_PER_CALL)) return 'The request must list row numbers.';
  return { sheetId: v.sheetId as number, rows: v.rows };
}

/** The known hidden states readSelectionPlan receives back; undefined when absent, a sentence when malformed. */
export function checkKnownHiddenRows(value: unknown): KnownHiddenRows | undefined | string {
  if (value === undefined || value === null) return undefined;
  const refused = 'The hidden rows sent back with the plan are not understood.';
  const v = value as Partial<KnownHiddenRows>;
  if (typeof v !== 'object' || !Number.isInteger(v.sheetId) || !Array.isArray(v.rounds)) return refused;
  if (v.rounds.length > MAX_HIDDEN_ROUNDS) return refused;
  const rounds: CheckedRows[] = [];
  for (const r of v.rounds as unknown[]) {
    const round = r as Partial<CheckedRows> | null;
    if (
      typeof round !== 'object' ||
      round === null ||
      typeof round.fingerprint !== 'string' ||
      round.fingerprint.length > 40 ||
      !isRowList(round.rows, HIDDEN_ROWS_CHECK_MAX) ||
      !isRowList(round.hidden, HIDDEN_ROWS_CHECK_MAX)
    ) {
      return refused;
    }
    rounds.push({ rows: round.rows, hidden: round.hidden, fingerprint: round.fingerprint });
  }
  return { sheetId: v.sheetId as number, rounds };
}
