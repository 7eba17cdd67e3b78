// The default data set: three libraries, ~180 jobs, hostile event texts. Fully deterministic (no clock, no
// randomness), so a demo sheet can hard-wire the IDs that demoJobIds() returns.

import { aodocsId } from './ids';
import type { JobStatus, Library, SeedData, StoredEvent, StoredJob } from './types';

export const DEMO_ADMIN_EMAIL = 'admin@example.com';

export const DEMO_LIBRARY_IDS = {
  /** Mixed jobs; admin@example.com administers it. */
  contracts: aodocsId('library:contracts'),
  /** 125 IN_PROGRESS jobs (paging spans 3 pages of 50); admin@example.com administers it. */
  imports: aodocsId('library:imports'),
  /** admin@example.com is NOT an administrator here (but requested some of its jobs). */
  hr: aodocsId('library:hr'),
} as const;

export const DEMO_SECURITY_CODES = {
  admin: 'demo-admin-security-code',
  hrAdmin: 'demo-hr-security-code',
  expired: 'demo-expired-security-code',
} as const;

/** Texts a client must show as text: markup, spreadsheet formulas, long and non-ASCII messages. */
export const HOSTILE_EVENT_MESSAGES = [
  '<img src=x onerror=alert(1)>',
  '=HYPERLINK("http://x","y")',
  '+SUM(1,2) @cmd -2+3',
  `Failed to move "Q3 <b>report</b>.pdf": ${'very long reason '.repeat(120).trim()}`,
  'Datei „Überweisung“ nicht gefunden 📄 \u202eRTL',
];

const BASE_TIME = Date.UTC(2026, 0, 12, 8, 0, 0);
const MINUTE = 60_000;
const LONG_AGO = Date.UTC(2000, 0, 1);

const CONTRACT_STATUSES: JobStatus[] = [
  'IN_PROGRESS',
  'COMPLETED',
  'IN_PROGRESS',
  'COMPLETED',
  'FAILED',
  'COMPLETED',
  'IN_PROGRESS',
  'CANCELLED',
  'COMPLETED',
  'FAILED',
];
const CONTRACT_TYPES = [
  'IMPORT_FOLDER',
  'MOVE_DOCUMENTS_AND_FOLDERS',
  'DELETE_DOCUMENTS_AND_FOLDERS',
  'COPY_DOCUMENT_WITH_VERSIONS',
  'APPLY_PERMISSIONS_TO_ALL_CHILDREN',
  'EXPORT_FOLDER',
  'TRASH_DOCUMENTS',
  'PATCH_DOCUMENT_ASYNC',
];
const IMPORT_TYPES = ['IMPORT', 'IMPORT_FOLDER', 'CREATE_DOCUMENTS', 'DRIVE_SCAN'];
const REQUESTORS = [DEMO_ADMIN_EMAIL, 'alice@example.com', 'bob@example.com', 'ops@example.com'];

/** Task counters consistent with the status: finished jobs have nothing remaining. */
function taskCounts(
  status: JobStatus,
  index: number,
): Pick<StoredJob, 'succeededTasks' | 'failedTasks' | 'remainingTasks'> {
  const total = 20 + ((index * 37) % 400);
  const failed = status === 'FAILED' ? 1 + (index % 9) : index % 3;
  switch (status) {
    case 'IN_PROGRESS': {
      const succeeded = Math.floor(total * 0.4);
      return { succeededTasks: succeeded, failedTasks: failed, remainingTasks: total - succeeded - failed };
    }
    case 'COMPLETED':
      return { succeededTasks: total - failed, failedTasks: failed, remainingTasks: 0 };
    case 'FAILED':
    case 'CANCELLED':
      return { succeededTasks: Math.floor(total / 2), failedTasks: failed, remainingTasks: 0 };
  }
}

function routineEvents(startedAt: number, status: JobStatus, done: number): StoredEvent[] {
  const events: StoredEvent[] = [
    { timestamp: startedAt, severity: 'INFO', message: 'Job started' },
    { timestamp: startedAt + MINUTE, severity: 'INFO', message: `${done} tasks processed` },
  ];
  if (status === 'COMPLETED')
    events.push({ timestamp: startedAt + 2 * MINUTE, severity: 'INFO', message: 'Job completed' });
  return events;
}

function makeJob(
  key: string,
  libraryId: string,
  index: number,
  status: JobStatus,
  type: string,
  requestor: string,
): StoredJob {
  const startedAt = BASE_TIME - index * 47 * MINUTE;
  const counts = taskCounts(status, index);
  return {
    jobId: aodocsId(`job:${key}`),
    libraryId,
    status,
    type,
    requestor,
    completed: status !== 'IN_PROGRESS',
    startedAt,
    lastActivityAt: startedAt + ((index % 7) + 1) * 3 * MINUTE,
    ...counts,
    taskRetries: index % 5,
    events: routineEvents(startedAt, status, counts.succeededTasks ?? 0),
  };
}

function contractsJobs(): StoredJob[] {
  const jobs = Array.from({ length: 40 }, (_, i) =>
    makeJob(
      `contracts:${i}`,
      DEMO_LIBRARY_IDS.contracts,
      i,
      CONTRACT_STATUSES[i % CONTRACT_STATUSES.length],
      CONTRACT_TYPES[i % CONTRACT_TYPES.length],
      REQUESTORS[i % REQUESTORS.length],
    ),
  );
  // Error events, one hostile text per job, on failed and running jobs.
  const withErrors = jobs.filter((job) => job.status === 'FAILED' || job.status === 'IN_PROGRESS').slice(0, 8);
  withErrors.forEach((job, n) => {
    const at = (job.startedAt ?? BASE_TIME) + 90_000;
    job.events?.push(
      { timestamp: at, severity: 'WARN', message: 'Retrying task after a Drive timeout' },
      { timestamp: at + 1000, severity: 'ERROR', message: HOSTILE_EVENT_MESSAGES[n % HOSTILE_EVENT_MESSAGES.length] },
    );
  });
  // One running job with 250 events (every 6th an error): event paging spans 3 pages of 100.
  const chatty = jobs[2];
  const start = chatty.startedAt ?? BASE_TIME;
  chatty.events = Array.from({ length: 250 }, (_, n) => ({
    timestamp: start + n * 1000,
    severity: n % 6 === 5 ? 'ERROR' : n % 10 === 3 ? 'WARN' : 'INFO',
    message: n % 6 === 5 ? `Task ${n} failed: ${HOSTILE_EVENT_MESSAGES[n % 2]}` : `Task ${n} processed`,
  }));
  return jobs;
}

function importsJobs(): StoredJob[] {
  const running = Array.from({ length: 125 }, (_, i) =>
    makeJob(`imports:${i}`, DEMO_LIBRARY_IDS.imports, i, 'IN_PROGRESS', IMPORT_TYPES[i % 4], REQUESTORS[i % 3]),
  );
  const done = Array.from({ length: 5 }, (_, i) =>
    makeJob(`imports:done:${i}`, DEMO_LIBRARY_IDS.imports, 125 + i, 'COMPLETED', 'IMPORT', REQUESTORS[1]),
  );
  return [...running, ...done];
}

function hrJobs(): StoredJob[] {
  const statuses: JobStatus[] = ['IN_PROGRESS', 'COMPLETED', 'IN_PROGRESS', 'FAILED'];
  const requestors = [DEMO_ADMIN_EMAIL, 'hr-admin@example.com', 'carol@example.com'];
  return Array.from({ length: 12 }, (_, i) =>
    makeJob(`hr:${i}`, DEMO_LIBRARY_IDS.hr, i, statuses[i % 4], 'UPDATE_ATTACHMENT', requestors[i % 3]),
  );
}

/** The demo data set, a fresh copy on each call. */
export function demoSeed(): SeedData {
  const libraries: Library[] = [
    { id: DEMO_LIBRARY_IDS.contracts, name: 'Contracts', administrators: [DEMO_ADMIN_EMAIL, 'ops@example.com'] },
    {
      id: DEMO_LIBRARY_IDS.imports,
      name: 'Bulk imports',
      administrators: [DEMO_ADMIN_EMAIL, 'imports-bot@example.com'],
    },
    { id: DEMO_LIBRARY_IDS.hr, name: 'HR records', administrators: ['hr-admin@example.com'] },
  ];
  return {
    libraries,
    jobs: [...contractsJobs(), ...importsJobs(), ...hrJobs()],
    securityCodes: [
      { code: DEMO_SECURITY_CODES.admin, email: DEMO_ADMIN_EMAIL },
      { code: DEMO_SECURITY_CODES.hrAdmin, email: 'hr-admin@example.com' },
      { code: DEMO_SECURITY_CODES.expired, email: DEMO_ADMIN_EMAIL, expiresAt: LONG_AGO },
    ],
  };
}

export interface DemoJobIds {
  /** IN_PROGRESS jobs admin@example.com may cancel (Contracts first, then the 125 of Bulk imports). */
  inProgress: string[];
  /** COMPLETED, FAILED or CANCELLED jobs in libraries admin@example.com administers. */
  finished: string[];
  /** Jobs of the HR library: admin@example.com cannot cancel them (some it may read as requestor). */
  notAdmin: string[];
  /** Well-formed IDs that match no job. */
  unknown: string[];
  /** Jobs (admin-visible) with at least one ERROR event, some with hostile texts. */
  withErrors: string[];
  /** The job with 250 events. */
  manyEvents: string[];
}

/** The demo's job IDs by category, derived from demoSeed() so they always agree. */
export function demoJobIds(): DemoJobIds {
  const jobs = demoSeed().jobs;
  const adminLibrary = (job: StoredJob): boolean => job.libraryId !== DEMO_LIBRARY_IDS.hr;
  const ids = (keep: (job: StoredJob) => boolean): string[] => jobs.filter(keep).map((job) => job.jobId);
  return {
    inProgress: ids((job) => adminLibrary(job) && job.status === 'IN_PROGRESS'),
    finished: ids((job) => adminLibrary(job) && job.status !== 'IN_PROGRESS'),
    notAdmin: ids((job) => !adminLibrary(job)),
    unknown: ['missing:1', 'missing:2', 'missing:3'].map((key) => aodocsId(key)),
    withErrors: ids((job) => adminLibrary(job) && (job.events ?? []).some((e) => e.severity === 'ERROR')),
    manyEvents: ids((job) => (job.events ?? []).length > 200),
  };
}
