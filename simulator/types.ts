// The simulator's data: what the store holds (plain numbers for times) and what goes on the wire
// (AODocs' JSON, where int64 values are strings and empty fields are left out).

export type JobStatus = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED' | 'CANCELLED';
export type EventSeverity = 'INFO' | 'WARN' | 'ERROR';

export const JOB_STATUSES: readonly JobStatus[] = ['IN_PROGRESS', 'COMPLETED', 'FAILED', 'CANCELLED'];

/** One event of a job, as stored. `timestamp` is epoch milliseconds. */
export interface StoredEvent {
  timestamp: number;
  severity: EventSeverity;
  message: string;
}

/**
 * A job as stored. Every ApiJob field except the identity and status is optional, like in AODocs.
 * `type` is a plain string so a test can store a value newer than the published enum.
 */
export interface StoredJob {
  jobId: string;
  libraryId: string;
  status: JobStatus;
  type?: string;
  requestor?: string;
  completed?: boolean;
  startedAt?: number;
  lastActivityAt?: number;
  succeededTasks?: number;
  failedTasks?: number;
  remainingTasks?: number;
  taskRetries?: number;
  /** Oldest first. */
  events?: StoredEvent[];
}

export interface Library {
  id: string;
  name: string;
  /** Emails of the library administrators (compared case-insensitively). */
  administrators: string[];
}

/** A security code and the user it acts as. `expiresAt` (epoch ms) is optional: absent means permanent. */
export interface SecurityCode {
  code: string;
  email: string;
  expiresAt?: number;
}

/** Everything the store starts from: the `--seed` file's shape. */
export interface SeedData {
  libraries: Library[];
  jobs: StoredJob[];
  securityCodes?: SecurityCode[];
  /** When set, a Bearer JWT whose `azp` (or `aud`) is not listed is rejected with 401. */
  registeredClientIds?: string[];
}

// Wire types: what the four operations answer.

export interface ApiJob {
  kind?: string;
  jobId?: string;
  libraryId?: string;
  type?: string;
  status?: JobStatus;
  requestor?: string;
  completed?: boolean;
  startedAt?: string;
  lastActivityAt?: string;
  succeededTasks?: number;
  failedTasks?: number;
  remainingTasks?: number;
  taskRetries?: number;
}

export interface ApiJobEvent {
  kind?: string;
  timestamp?: string;
  severity?: EventSeverity;
  message?: string;
}

export interface ApiJobList {
  kind?: string;
  jobList?: ApiJob[];
  nextPageToken?: string;
}

export interface ApiJobEventList {
  kind?: string;
  job?: ApiJob;
  events?: ApiJobEvent[];
  nextPageToken?: string;
}

/** The four operations, named by the last part of their OpenAPI operationId. */
export type OperationName = 'getJob' | 'cancel' | 'listJobs' | 'listEvents';

export const OPERATION_IDS: Record<OperationName, string> = {
  getJob: 'job:v1.Job.getJob',
  cancel: 'job:v1.Job.cancel',
  listJobs: 'job:v1.Job.listJobs',
  listEvents: 'job:v1.Job.listEvents',
};
