// The four Job API operations, on an authenticated caller and parameters already checked by the contract.
//
// Permissions (AODocs does not document reads; this is the simulator's choice): a job and its events can be
// read by an administrator of its library or by its requestor; cancel and list need a library administrator.

import { accessDenied, badRequest, finishedJobNotCancellable, jobNotFound, libraryNotFound } from './errors';
import { decodePageToken, encodePageToken } from './page-tokens';
import { KINDS, toApiJob, toApiJobEvent, withoutEmpty } from './serialize';
import type { JobStore } from './store';
import type { ApiJob, ApiJobEventList, ApiJobList, OperationName, StoredJob } from './types';

/** What cancelling an already finished job does: 412 conditionNotMet, or 200 with the job unchanged. */
export type FinishedCancelMode = 'precondition' | 'unchanged';

export interface OperationContext {
  store: JobStore;
  callerEmail: string;
  pathParams: Record<string, string>;
  /** Typed by the contract check, with defaults (pageSize 50, maxResults 100, onlyErrors false). */
  query: Record<string, unknown>;
  finishedCancelMode: FinishedCancelMode;
  nowMs: number;
}

/** Beyond this, page sizes are silently capped (AODocs documents no maximum). */
export const MAX_PAGE_SIZE = 1000;

const ADMIN_LEVEL = 'ADMINISTRATOR';

function existingJob(ctx: OperationContext): StoredJob {
  const jobId = ctx.pathParams.jobId;
  const job = ctx.store.job(jobId);
  if (!job) throw jobNotFound(jobId);
  return job;
}

function readableJob(ctx: OperationContext): StoredJob {
  const job = existingJob(ctx);
  const { store, callerEmail } = ctx;
  if (!store.isAdministrator(job.libraryId, callerEmail) && !store.isRequestor(job, callerEmail)) {
    throw accessDenied(job.libraryId, ADMIN_LEVEL);
  }
  return job;
}

function pageSize(value: unknown, name: string): number {
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1) throw badRequest(`${name} must be a positive integer`);
  return Math.min(size, MAX_PAGE_SIZE);
}

function getJob(ctx: OperationContext): ApiJob {
  return toApiJob(readableJob(ctx));
}

function cancel(ctx: OperationContext): ApiJob {
  const job = existingJob(ctx);
  if (!ctx.store.isAdministrator(job.libraryId, ctx.callerEmail)) throw accessDenied(job.libraryId, ADMIN_LEVEL);
  if (job.status === 'IN_PROGRESS') return toApiJob(ctx.store.cancel(job.jobId, ctx.nowMs, ctx.callerEmail));
  if (ctx.finishedCancelMode === 'precondition') throw finishedJobNotCancellable();
  return toApiJob(job);
}

interface JobOrder {
  key: (job: StoredJob) => number;
  direction: 1 | -1;
  normalized: string;
}

/** "[started|lastActivity] [asc|desc]"; no orderBy means "started desc", a missing direction means asc. */
function parseOrderBy(value: unknown): JobOrder {
  const text = typeof value === 'string' ? value.trim() : 'started desc';
  const match = /^(started|lastActivity)(?:\s+(asc|desc))?$/.exec(text);
  if (!match) throw badRequest(`Invalid orderBy '${text}': use [started|lastActivity] [asc|desc]`);
  const field = match[1];
  const direction = match[2] === 'desc' ? -1 : 1;
  const key =
    field === 'started' ? (job: StoredJob) => job.startedAt ?? 0 : (job: StoredJob) => job.lastActivityAt ?? 0;
  return { key, direction, normalized: `${field} ${direction === 1 ? 'asc' : 'desc'}` };
}

function listJobs(ctx: OperationContext): ApiJobList {
  const libraryId = ctx.pathParams.libraryId;
  if (!ctx.store.library(libraryId)) throw libraryNotFound(libraryId);
  if (!ctx.store.isAdministrator(libraryId, ctx.callerEmail)) throw accessDenied(libraryId, ADMIN_LEVEL);
  const { status, type, user, pageToken } = ctx.query as Record<string, string | undefined>;
  const size = pageSize(ctx.query.pageSize, 'pageSize');
  const order = parseOrderBy(ctx.query.orderBy);
  const filters = JSON.stringify([libraryId, status, type, user?.toLowerCase(), order.normalized]);

  // A total order (sort key, then jobId) so a cursor "after this job" is well defined even while jobs change.
  const compare = (a: [number, string], b: [number, string]): number =>
    order.direction * (a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const position = (job: StoredJob): [number, string] => [order.key(job), job.jobId];
  let jobs = ctx.store
    .jobsInLibrary(libraryId)
    .filter((job) => (!status || job.status === status) && (!type || job.type === type))
    .filter((job) => !user || ctx.store.isRequestor(job, user))
    .sort((a, b) => compare(position(a), position(b)));
  if (pageToken !== undefined) {
    const after = decodePageToken(pageToken, filters);
    if (!Array.isArray(after)) throw badRequest('Invalid page token');
    jobs = jobs.filter((job) => compare(position(job), after) > 0);
  }
  const page = jobs.slice(0, size);
  const more = jobs.length > size;
  return withoutEmpty<ApiJobList>({
    kind: KINDS.jobList,
    jobList: page.map(toApiJob),
    nextPageToken: more ? encodePageToken({ filters, position: position(page[page.length - 1]) }) : undefined,
  });
}

function listEvents(ctx: OperationContext): ApiJobEventList {
  const job = readableJob(ctx);
  const onlyErrors = ctx.query.onlyErrors === true;
  const size = pageSize(ctx.query.maxResults, 'maxResults');
  const filters = JSON.stringify([job.jobId, onlyErrors]);
  const pageToken = ctx.query.pageToken as string | undefined;
  // Events are only ever appended, so an index is a stable cursor.
  let start = 0;
  if (pageToken !== undefined) {
    const position = decodePageToken(pageToken, filters);
    if (typeof position !== 'number') throw badRequest('Invalid page token');
    start = position;
  }
  const events = (job.events ?? []).filter((event) => !onlyErrors || event.severity === 'ERROR');
  const end = start + size;
  return withoutEmpty<ApiJobEventList>({
    kind: KINDS.eventList,
    job: toApiJob(job),
    events: events.slice(start, end).map(toApiJobEvent),
    nextPageToken: end < events.length ? encodePageToken({ filters, position: end }) : undefined,
  });
}

export const OPERATIONS: Record<OperationName, (ctx: OperationContext) => object> = {
  getJob,
  cancel,
  listJobs,
  listEvents,
};
