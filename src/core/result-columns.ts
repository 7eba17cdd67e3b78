// The result columns of a job's row: their header texts, their order when created, and the values of a row.
import { isFinishedStatus } from './api-job';
import { asLiteralText, asOwnSentence } from './cell-text';
import { countCell, dateCell } from './cell-values';
import { JobOutcome } from './job-outcome';

export const RESULT_HEADERS = [
  'Status',
  'Completed',
  'Succeeded tasks',
  'Failed tasks',
  'Remaining tasks',
  'Task retries',
  'Last activity',
  'Result',
  'Checked at',
] as const;

export type ResultHeader = (typeof RESULT_HEADERS)[number];

export interface ResultColumnLayout {
  /** 1-based column of each result header. */
  columns: Record<ResultHeader, number>;
  /** Headers to write, with their column, because the sheet did not have them yet. */
  created: { header: ResultHeader; column: number }[];
}

function normalise(header: string): string {
  return header.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Finds each result column by its header text (case-insensitive); missing ones go to the right of the last
 * used column, in RESULT_HEADERS order. `headerTexts[i]` is the header of column i + 1.
 */
export function layoutResultColumns(headerTexts: string[], lastColumn: number): ResultColumnLayout {
  const found = new Map<string, number>();
  headerTexts.forEach((text, i) => {
    const key = normalise(text);
    if (key !== '' && !found.has(key)) found.set(key, i + 1);
  });
  const columns = {} as Record<ResultHeader, number>;
  const created: ResultColumnLayout['created'] = [];
  let next = Math.max(lastColumn, headerTexts.length) + 1;
  for (const header of RESULT_HEADERS) {
    const column = found.get(normalise(header));
    if (column !== undefined) columns[header] = column;
    else {
      columns[header] = next;
      created.push({ header, column: next++ });
    }
  }
  return { columns, created };
}

/** The values a row gets: every result column when AODocs' status was read, only `Result` otherwise. */
export type RowValues = Partial<Record<ResultHeader, unknown>>;

/** The column of a result header the sheet already has (`headerTexts[i]` is column i + 1), or undefined. */
export function existingResultColumn(headerTexts: string[], header: ResultHeader): number | undefined {
  const index = headerTexts.findIndex((text) => normalise(text) === normalise(header));
  return index < 0 ? undefined : index + 1;
}

/**
 * The values of one row's result columns, by header. Counters are numbers, dates real Date values, and every
 * text (from AODocs or our own sentences) literal text that Sheets will not parse into a formula or a date.
 *
 * A request that read no status (a failure, an answer without one, a cell never sent) writes only `Result`: the
 * other columns tell what AODocs last said about the job and when it was read (`Checked at`), so a row that read
 * CANCELLED keeps it through a wrong security code or a 503, and is still skipped as finished next run.
 */
export function resultValues(outcome: JobOutcome, checkedAt: Date): RowValues {
  const job = outcome.job;
  const result = asOwnSentence(outcome.result);
  if (job?.status === undefined) return { Result: result };
  return {
    Status: asLiteralText(job.status),
    Completed: job.completed ?? isFinishedStatus(job.status),
    'Succeeded tasks': countCell(job.succeededTasks),
    'Failed tasks': countCell(job.failedTasks),
    'Remaining tasks': countCell(job.remainingTasks),
    'Task retries': countCell(job.taskRetries),
    'Last activity': dateCell(job.lastActivityAt),
    Result: result,
    'Checked at': new Date(checkedAt.getTime()),
  };
}
