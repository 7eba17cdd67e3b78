// AODocs' ApiJob as the add-on reads it. Every field is optional (AODocs omits empty fields), int64 fields come
// as JSON strings of epoch milliseconds (or numbers), and `type`/`status` may carry values newer than the
// OpenAPI document: they are kept as text, never rejected (docs/SOURCES.md#aodocs-wire-format).
import { withoutTextMark } from './cell-text';

export const FINISHED_STATUSES = ['COMPLETED', 'FAILED', 'CANCELLED'] as const;

export interface Job {
  jobId?: string;
  libraryId?: string;
  type?: string;
  status?: string;
  requestor?: string;
  completed?: boolean;
  succeededTasks?: number;
  failedTasks?: number;
  remainingTasks?: number;
  taskRetries?: number;
  /** Epoch milliseconds. */
  startedAt?: number;
  /** Epoch milliseconds. */
  lastActivityAt?: number;
}

/** Also true for a status read back from a cell that kept Sheets' leading text mark (`'CANCELLED`). */
export function isFinishedStatus(status: string | undefined): boolean {
  if (status === undefined) return false;
  return (FINISHED_STATUSES as readonly string[]).includes(withoutTextMark(status.trim()).trim().toUpperCase());
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** JavaScript dates end at ±8.64e15 ms: a larger "timestamp" would make an Invalid Date. */
const MAX_INTEGER = 8.64e15;

/** An integer from a JSON number or a JSON string of digits; anything else is treated as absent. */
export function integer(value: unknown): number | undefined {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^-?\d{1,16}$/.test(value.trim())
        ? Number(value)
        : NaN;
  return Number.isFinite(n) && Math.abs(n) <= MAX_INTEGER ? Math.trunc(n) : undefined;
}

/** Reads an ApiJob object; returns undefined when `value` is not an object at all. */
export function parseJob(value: unknown): Job | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const o = value as Record<string, unknown>;
  const job: Job = {
    jobId: text(o.jobId),
    libraryId: text(o.libraryId),
    type: text(o.type),
    status: text(o.status),
    requestor: text(o.requestor),
    completed: typeof o.completed === 'boolean' ? o.completed : undefined,
    succeededTasks: integer(o.succeededTasks),
    failedTasks: integer(o.failedTasks),
    remainingTasks: integer(o.remainingTasks),
    taskRetries: integer(o.taskRetries),
    startedAt: integer(o.startedAt),
    lastActivityAt: integer(o.lastActivityAt),
  };
  for (const key of Object.keys(job) as (keyof Job)[]) if (job[key] === undefined) delete job[key];
  return job;
}
