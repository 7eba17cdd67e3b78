// Which column holds the job IDs. Admins' sheets carry notes, types and requestors beside the IDs, and they
// select whole rows: only one column is ever read as job IDs (docs/BEHAVIOUR.md, "Only the job ID column is read").
// The header names it when it can; a selection within one column names it otherwise; else the user chooses,
// and the choice is remembered for that sheet.
import type { IdColumnCandidate } from '../shared/api';
import { checkJobId } from './job-id';

/**
 * Titles of a job ID column: `Job ID`, `jobId`, `ID`, `AODocs job ID`, `AODocs ID`, the add-on's listing sheets.
 * Not `Job` or `Jobs`: beside a `Job ID` column such a column holds job names or types, not IDs.
 */
const ID_TITLE = /^(aodocs[ _-]?)?(job[ _-]?)?ids?$/i;

export function isJobIdTitle(text: string): boolean {
  return ID_TITLE.test(text.trim());
}

/**
 * A text shaped like a job ID rather than a title or a note: a valid job ID with a digit in it (AODocs IDs are
 * 18-19 letters and digits, e.g. "Rngc1ug8K6WmL3IjZ8"; titles such as "Type" or "Requestor" have none).
 */
export function looksLikeJobId(text: string): boolean {
  const check = checkJobId(text);
  return check.kind === 'valid' && /\d/.test(check.jobId);
}

/** "A", "AB": a column's letters. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export interface IdColumnInput {
  /** The header row's texts, column 1 first. */
  headerTexts: string[];
  /** Selected columns that may hold job IDs (result columns left out), in ascending order. */
  candidateColumns: number[];
  /** Trimmed texts of the selected cells below the header, by column. */
  cellsByColumn: Map<number, string[]>;
  /** The column the user chose for this sheet earlier, with its header text then, if any. */
  remembered?: { column: number; header: string };
}

export type IdColumnDecision =
  | { kind: 'found'; column: number; source: 'header' | 'one-column' | 'chosen' }
  | { kind: 'ask'; candidates: IdColumnCandidate[]; preselected: number }
  | { kind: 'none' };

/** Lower is better: a selected column first, then a title that says "job" over a bare "ID". */
function titleRank(column: number, title: string, selected: Set<number>): number {
  return (selected.has(column) ? 0 : 2) + (/job/i.test(title) ? 0 : 1);
}

/**
 * The job ID column, in this order: the user's choice for the sheet (it overrides a title: a bare `ID` column may
 * hold row numbers); a column whose header is a job ID title; the only column selected; else the user is asked.
 * A choice whose column the selection does not cover asks again rather than read another column as IDs.
 * `askAnyway`: the user asked to change the column.
 */
export function decideIdColumn(input: IdColumnInput, askAnyway = false): IdColumnDecision {
  const selected = new Set(input.candidateColumns);
  if (input.candidateColumns.length === 0) return { kind: 'none' };
  if (askAnyway) return question(input);
  // A column inserted or deleted on the left moves the IDs: the choice holds only under the same header text.
  const remembered = input.remembered;
  if (remembered !== undefined && (input.headerTexts[remembered.column - 1] ?? '').trim() === remembered.header) {
    return selected.has(remembered.column)
      ? { kind: 'found', column: remembered.column, source: 'chosen' }
      : question(input);
  }
  const titled = input.headerTexts.map((title, i) => ({ column: i + 1, title })).filter((t) => isJobIdTitle(t.title));
  if (titled.length > 0) {
    const best = titled.reduce((a, b) =>
      titleRank(b.column, b.title, selected) < titleRank(a.column, a.title, selected) ? b : a,
    );
    return { kind: 'found', column: best.column, source: 'header' };
  }
  if (input.candidateColumns.length === 1) {
    return { kind: 'found', column: input.candidateColumns[0], source: 'one-column' };
  }
  return question(input);
}

/** The question which selected column holds the job IDs, preselecting the one that looks most like them. */
function question(input: IdColumnInput): IdColumnDecision {
  const candidates = input.candidateColumns.map((column) => ({
    column,
    letter: columnLetter(column),
    header: (input.headerTexts[column - 1] ?? '').trim(),
    looksLikeIds: (input.cellsByColumn.get(column) ?? []).filter(looksLikeJobId).length,
  }));
  const preselected = candidates.reduce((a, b) => (b.looksLikeIds > a.looksLikeIds ? b : a)).column;
  return { kind: 'ask', candidates, preselected };
}
