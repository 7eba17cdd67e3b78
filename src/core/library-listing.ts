// Listing a library's jobs into a new sheet: the filters accepted, the sheet's name and columns, its rows.
import { LibraryFilters } from '../shared/api';
import { Job, parseJob } from './api-job';
import { asLiteralText } from './cell-text';
import { countCell, dateCell } from './cell-values';
import { checkJobId } from './job-id';

export const JOB_STATUSES = ['IN_PROGRESS', 'COMPLETED', 'FAILED', 'CANCELLED'];

/** Headers shared with the result columns where they mean the same, so a later cancel updates them in place. */
export const LISTING_HEADERS = [
  'Job ID',
  'Type',
  'Status',
  'Requestor',
  'Started',
  'Last activity',
  'Succeeded tasks',
  'Failed tasks',
  'Remaining tasks',
  'Task retries',
];

export class InvalidFiltersError extends Error {}

export function validateFilters(value: unknown): LibraryFilters {
  const o = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const text = (key: string) => (typeof o[key] === 'string' ? (o[key] as string).trim() : '');
  const libraryId = text('libraryId');
  if (checkJobId(libraryId).kind !== 'valid') {
    throw new InvalidFiltersError('Library ID: enter the ID of an AODocs library (letters and digits, no spaces).');
  }
  const status = text('status').toUpperCase();
  if (status !== '' && !JOB_STATUSES.includes(status))
    throw new InvalidFiltersError(`Status: one of ${JOB_STATUSES.join(', ')}, or all.`);
  const type = text('type').toUpperCase();
  if (type !== '' && !/^[A-Z0-9_]{1,80}$/.test(type))
    throw new InvalidFiltersError('Type: a job type such as IMPORT_FOLDER.');
  const requestor = text('requestor');
  if (requestor !== '' && !/^[^@\s]{1,64}@[^@\s]{1,255}$/.test(requestor)) {
    throw new InvalidFiltersError("Requestor: the requestor's email address.");
  }
  return { libraryId, status, type, requestor };
}

/** `Jobs <libraryId>`, or `Jobs <libraryId> (2)`... when taken (sheet names are unique regardless of case). */
export function listingSheetName(libraryId: string, taken: string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  const base = `Jobs ${libraryId}`.slice(0, 90);
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!lower.has(`${base} (${i})`.toLowerCase())) return `${base} (${i})`;
}

export function listingRow(job: Job): unknown[] {
  return [
    asLiteralText(job.jobId ?? ''),
    asLiteralText(job.type ?? ''),
    asLiteralText(job.status ?? ''),
    asLiteralText(job.requestor ?? ''),
    dateCell(job.startedAt),
    dateCell(job.lastActivityAt),
    countCell(job.succeededTasks),
    countCell(job.failedTasks),
    countCell(job.remainingTasks),
    countCell(job.taskRetries),
  ];
}

/** The jobs and next page token of an ApiJobList body. */
export function parseJobList(body: unknown): { jobs: Job[]; nextPageToken?: string } {
  const o = (typeof body === 'object' && body !== null ? body : {}) as { jobList?: unknown; nextPageToken?: unknown };
  const jobs = (Array.isArray(o.jobList) ? o.jobList : []).map(parseJob).filter((j): j is Job => j !== undefined);
  const next = typeof o.nextPageToken === 'string' && o.nextPageToken !== '' ? o.nextPageToken : undefined;
  return { jobs, nextPageToken: next };
}
