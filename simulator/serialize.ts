// Stored objects to AODocs' wire JSON. Cloud Endpoints writes Java longs as JSON strings and leaves out
// null and empty values (Jackson NON_EMPTY); zeros and false are kept.

import type { ApiJob, ApiJobEvent, StoredEvent, StoredJob } from './types';

export const KINDS = {
  job: 'aodocs#apiJob',
  jobList: 'aodocs#apiJobList',
  event: 'aodocs#apiJobEvent',
  eventList: 'aodocs#apiJobEventList',
} as const;

const int64 = (value: number | undefined): string | undefined => (value === undefined ? undefined : String(value));

/** Drops undefined, null, empty strings and empty arrays, like Endpoints' NON_EMPTY inclusion. */
export function withoutEmpty<T extends object>(value: T): T {
  const kept = Object.entries(value).filter(
    ([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0),
  );
  return Object.fromEntries(kept) as T;
}

export function toApiJob(job: StoredJob): ApiJob {
  return withoutEmpty<ApiJob>({
    kind: KINDS.job,
    jobId: job.jobId,
    libraryId: job.libraryId,
    type: job.type,
    status: job.status,
    requestor: job.requestor,
    completed: job.completed,
    startedAt: int64(job.startedAt),
    lastActivityAt: int64(job.lastActivityAt),
    succeededTasks: job.succeededTasks,
    failedTasks: job.failedTasks,
    remainingTasks: job.remainingTasks,
    taskRetries: job.taskRetries,
  });
}

export function toApiJobEvent(event: StoredEvent): ApiJobEvent {
  return withoutEmpty<ApiJobEvent>({
    kind: KINDS.event,
    timestamp: int64(event.timestamp),
    severity: event.severity,
    message: event.message,
  });
}
