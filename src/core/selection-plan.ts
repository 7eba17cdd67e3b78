// Turns the selected cells into the work of a run: distinct job IDs with every cell holding them, the cells
// that will not be sent and why, and the counts shown to the user before anything is sent.
import { CellRef, PlannedJob, RejectedCell, SelectionSummary } from '../shared/api';
import { occurrences } from './cell-location';
import { checkJobId } from './job-id';
import { noJobIdFound, overRunCap, jobOnTooManyRows } from './wording';

export interface SelectedRange {
  a1: string;
  /** First row and column of `texts`, after clipping to the sheet's data. */
  row: number;
  column: number;
  /** Displayed texts. */
  texts: string[][];
}

export interface PlanInput {
  ranges: SelectedRange[];
  /** 0 when the sheet has none. Rows up to it are titles, never job IDs. */
  headerRow: number;
  /** Columns that hold results (their cells are never job IDs). */
  resultColumns: Set<number>;
  /** Rows to skip because they are hidden (empty when hidden rows are not skipped). */
  hiddenRows: Set<number>;
  /** Rows to skip because their Status already reads finished (empty when not skipped). */
  finishedRows: Set<number>;
}

/** The summary's counts; the planner adds what it knows of the ID column and the settings. */
export type SelectionCounts = Omit<SelectionSummary, 'idColumn' | 'ignoredCells' | 'skipsHiddenRows'>;

export interface PlanParts {
  jobs: PlannedJob[];
  rejected: RejectedCell[];
  summary: SelectionCounts;
}

interface Candidate {
  cell: CellRef;
  text: string;
  valid: boolean;
}

/** The selected cells in selection order, each once even where ranges overlap. */
function candidateCells(input: PlanInput, summary: SelectionCounts): Map<number, Candidate[]> {
  const byRow = new Map<number, Candidate[]>();
  const seen = new Set<string>();
  const hiddenWithText = new Set<number>();
  for (const range of input.ranges) {
    range.texts.forEach((rowTexts, i) => {
      const row = range.row + i;
      if (row <= input.headerRow) return;
      rowTexts.forEach((raw, j) => {
        const column = range.column + j;
        const key = `${row}:${column}`;
        if (seen.has(key) || input.resultColumns.has(column)) return;
        seen.add(key);
        const check = checkJobId(raw);
        if (check.kind === 'blank') return;
        if (input.hiddenRows.has(row)) {
          hiddenWithText.add(row);
          return;
        }
        const text = check.kind === 'valid' ? check.jobId : check.text;
        const list = byRow.get(row) ?? [];
        list.push({ cell: { row, column }, text, valid: check.kind === 'valid' });
        byRow.set(row, list);
      });
    });
  }
  summary.hiddenSkipped = hiddenWithText.size;
  return byRow;
}

export function planSelection(input: PlanInput): PlanParts {
  const summary: SelectionCounts = {
    ranges: input.ranges.map((r) => r.a1),
    jobIds: 0,
    duplicates: 0,
    invalid: 0,
    hiddenSkipped: 0,
    finishedSkipped: 0,
  };
  const jobs = new Map<string, PlannedJob>();
  const rejected: RejectedCell[] = [];
  for (const [row, cells] of candidateCells(input, summary)) {
    // One cell per row: only the job ID column is read (selection-planner.ts).
    const [{ cell, text, valid }] = cells;
    if (!valid) {
      summary.invalid++;
      rejected.push({ text, cell, problem: 'invalid' });
      continue;
    }
    if (input.finishedRows.has(row)) {
      summary.finishedSkipped++;
      continue;
    }
    const job = jobs.get(text);
    if (job) {
      summary.duplicates++;
      job.cells.push(cell);
    } else jobs.set(text, { jobId: text, cells: [cell] });
  }
  summary.jobIds = jobs.size;
  return { jobs: [...jobs.values()], rejected, summary };
}

/**
 * Marks, for each job, the columns where its result may follow its ID to another row during the run: those
 * where the ID occurs (trimmed texts below the header, `columns`) exactly as often as the run selected it.
 * A copy of the ID in a row the user did not select (hidden, filtered, skipped or simply not selected) makes
 * the column ambiguous, and the result will then never be written anywhere but in the selected row.
 */
export function withFollowColumns(jobs: PlannedJob[], columns: Map<number, string[]>): PlannedJob[] {
  const counts = new Map([...columns].map(([column, texts]) => [column, occurrences(texts)] as const));
  return jobs.map((job) => {
    const selected = new Map<number, number>();
    for (const cell of job.cells) selected.set(cell.column, (selected.get(cell.column) ?? 0) + 1);
    const followColumns = [...selected]
      .filter(([column, n]) => counts.get(column)?.get(job.jobId) === n)
      .map(([c]) => c);
    return { ...job, followColumns };
  });
}

/** Why the plan cannot run, or undefined: nothing found in the selection, or more job IDs than one run takes. */
export function planRefusal(parts: PlanParts, runCap: number): string | undefined {
  const { summary } = parts;
  if (parts.jobs.length === 0 && parts.rejected.length === 0 && summary.hiddenSkipped + summary.finishedSkipped === 0) {
    return noJobIdFound(summary.ranges);
  }
  if (summary.jobIds > runCap) return overRunCap(summary.jobIds, runCap);
  // A job goes in one chunk with all its rows (core/run-schedule.ts), up to the run cap.
  const crowded = parts.jobs.find((j) => j.cells.length > runCap);
  if (crowded) return jobOnTooManyRows(crowded.jobId, crowded.cells.length, runCap);
  return undefined;
}
