// The simulator's state: libraries, jobs (with their events) and security codes, built from a seed.

import { parseSeed } from './seed';
import type { Library, SecurityCode, SeedData, StoredJob } from './types';

const sameEmail = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export class JobStore {
  private readonly libraries = new Map<string, Library>();
  private readonly jobs = new Map<string, StoredJob>();
  private readonly securityCodes = new Map<string, SecurityCode>();
  registeredClientIds: string[] | undefined;

  /** The seed is copied: later changes to the store never touch the caller's objects. */
  constructor(seed: SeedData) {
    const copy = structuredClone(parseSeed(seed));
    for (const library of copy.libraries) this.libraries.set(library.id, library);
    for (const job of copy.jobs) this.jobs.set(job.jobId, withDefaults(job));
    for (const code of copy.securityCodes ?? []) this.securityCodes.set(code.code, code);
    this.registeredClientIds = copy.registeredClientIds;
  }

  library(libraryId: string): Library | undefined {
    return this.libraries.get(libraryId);
  }

  job(jobId: string): StoredJob | undefined {
    return this.jobs.get(jobId);
  }

  isAdministrator(libraryId: string, email: string): boolean {
    return this.libraries.get(libraryId)?.administrators.some((admin) => sameEmail(admin, email)) ?? false;
  }

  isRequestor(job: StoredJob, email: string): boolean {
    return job.requestor !== undefined && sameEmail(job.requestor, email);
  }

  /** The user a security code acts as, or undefined when the code is unknown or expired. */
  userForSecurityCode(code: string, nowMs: number): string | undefined {
    const entry = this.securityCodes.get(code);
    if (!entry || (entry.expiresAt !== undefined && entry.expiresAt <= nowMs)) return undefined;
    return entry.email;
  }

  jobsInLibrary(libraryId: string): StoredJob[] {
    return [...this.jobs.values()].filter((job) => job.libraryId === libraryId);
  }

  /** Adds or replaces jobs; they are checked like a seed's (shape, known library, no duplicates). */
  putJobs(jobs: StoredJob[]): void {
    const checked = parseSeed({ libraries: [...this.libraries.values()], jobs });
    for (const job of structuredClone(checked.jobs)) this.jobs.set(job.jobId, withDefaults(job));
  }

  /** Cancels an IN_PROGRESS job the way AODocs does: pending tasks dropped, done ones kept. */
  cancel(jobId: string, nowMs: number, byEmail: string): StoredJob {
    const job = this.jobs.get(jobId);
    if (!job) throw new Error(`Unknown job ${jobId}`);
    job.status = 'CANCELLED';
    job.completed = true;
    job.remainingTasks = 0;
    job.lastActivityAt = nowMs;
    job.events = [
      ...(job.events ?? []),
      { timestamp: nowMs, severity: 'INFO', message: `Job cancelled by ${byEmail}` },
    ];
    return job;
  }

  /** A deep copy of the current state, in seed form. */
  snapshot(): SeedData {
    return structuredClone({
      libraries: [...this.libraries.values()],
      jobs: [...this.jobs.values()],
      securityCodes: [...this.securityCodes.values()],
      ...(this.registeredClientIds ? { registeredClientIds: this.registeredClientIds } : {}),
    });
  }
}

function withDefaults(job: StoredJob): StoredJob {
  return { ...job, completed: job.completed ?? job.status !== 'IN_PROGRESS', events: job.events ?? [] };
}
