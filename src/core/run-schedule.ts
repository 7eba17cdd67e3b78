// How a run's work is cut into chunks and paced, decided once for the sidebar (which drives the run) and the
// tests. Cancelling is irreversible: a run opens with one small chunk alone, and opens up only when that chunk
// came back without a reason to stop (the circuit breaker's verdict on the setup), so that a misconfigured run
// reaches AODocs with a handful of requests; and no more cancels than chunk size x chunks in flight can still be
// on their way when Stop is pressed.
import type { JobResult, PlannedJob, RejectedCell } from '../shared/api';
import { RUN_CAP_LIMITS } from './settings';
import { STOP, openingNotAodocs, openingUnanswered, unexpectedAnswer, waitTooLong, waitedTooOften } from './wording';

/** Why a run ended when the user pressed Stop (the server says the same when it holds a chunk back). */
export const STOPPED_BY_USER = STOP.stopped;

/**
 * Jobs answered before a run opens up: chunks go one at a time until this many jobs came back (one chunk at the
 * default size), and the run opens up only if their answers look sane. With read-backs: at most 10 requests
 * before the setup is judged.
 */
export const SLOW_START_JOBS = 5;
/**
 * Cells per chunk: what one execution writes (one setValues per run of consecutive rows, so scattered rows cost
 * one write each) stays well inside Apps Script's 6 minutes. The server refuses more (core/chunk-validation.ts).
 */
export const MAX_CELLS_PER_CHUNK = 2000;
/**
 * A job on more rows than MAX_CELLS_PER_CHUNK goes alone in its chunk with all its rows, up to this many: the
 * highest run cap, since the planner refuses a job on more rows than the user's run cap (docs/BEHAVIOUR.md: any number
 * of rows per job, up to the run's cap). Sending the job once and writing its rows in later executions would need
 * its outcome from the sidebar, which the server cannot trust.
 */
export const MAX_CELLS_PER_JOB = RUN_CAP_LIMITS.max;
/** Rejected cells (never sent) written per chunk. */
const REJECTED_PER_CHUNK = 500;
/** Chunks that must have come back before the time left is estimated. */
const CHUNKS_BEFORE_ESTIMATE = 3;

export interface ChunkWork {
  jobs: PlannedJob[];
  rejected: RejectedCell[];
}

function chunksOf<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Jobs in order, cut into chunks of at most `size` jobs and MAX_CELLS_PER_CHUNK cells; a job on more rows than
 * that goes alone, with all its cells.
 */
function chunksOfJobs(jobs: PlannedJob[], size: number): PlannedJob[][] {
  const out: PlannedJob[][] = [];
  let current: PlannedJob[] = [];
  let cells = 0;
  for (const job of jobs) {
    if (current.length > 0 && (current.length >= size || cells + job.cells.length > MAX_CELLS_PER_CHUNK)) {
      out.push(current);
      current = [];
      cells = 0;
    }
    current.push(job);
    cells += job.cells.length;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * The run's chunks: `opening`, sent alone first (absent when there is no job), then `rest`: the rejected cells'
 * rows and the other jobs, `chunkSize` at a time. Chunks are cut by cells as well as by jobs.
 */
export function scheduleChunks(
  jobs: PlannedJob[],
  rejected: RejectedCell[],
  chunkSize: number,
): { opening?: ChunkWork; rest: ChunkWork[] } {
  const size = Math.max(1, Math.floor(chunkSize));
  const opening = chunksOfJobs(jobs, Math.min(SLOW_START_JOBS, size))[0] ?? [];
  const rest: ChunkWork[] = [
    ...chunksOf(rejected, REJECTED_PER_CHUNK).map((cells) => ({ jobs: [], rejected: cells })),
    ...chunksOfJobs(jobs.slice(opening.length), size).map((chunk) => ({ jobs: chunk, rejected: [] })),
  ];
  return jobs.length === 0 ? { rest } : { opening: { jobs: opening, rejected: [] }, rest };
}

/**
 * An answer that says nothing about the job itself: AODocs unavailable or silent once retries ran out (no status
 * read, worth asking again), or a page that is not AODocs' answer (a wrong API address, a proxy). A 403, a 404, a
 * refusal or a finished status is about the job: however many come first, they never stop a run (docs/BEHAVIOUR.md,
 * circuit breaker), or five old IDs at the top of a sheet would stop every run again at the same five.
 */
function saysNothingAboutTheJob(r: JobResult): boolean {
  if (r.outcome !== 'failed' || r.status !== undefined) return false;
  return r.transient === true || (r.httpCode !== undefined && r.result === unexpectedAnswer(r.httpCode));
}

/**
 * Jobs judged before a run stops because AODocs answered none of them: two opening rounds of other jobs, so that a
 * few jobs that fail alone at the top of a sheet are not taken for AODocs down (every Run again would stop at them).
 */
export const UNANSWERED_JUDGED_JOBS = 2 * SLOW_START_JOBS;

const judgedOf = (results: JobResult[]) => results.filter((r) => r.outcome !== 'gone' && r.outcome !== 'invalid');

/**
 * Whether the slow start sends one more chunk alone before opening up: until SLOW_START_JOBS jobs came back, and
 * while every answer so far said nothing about its job (unavailable or silent), until UNANSWERED_JUDGED_JOBS did.
 */
export function slowStartGoesOn(results: JobResult[]): boolean {
  const judged = judgedOf(results);
  if (judged.length < SLOW_START_JOBS) return true;
  return judged.length < UNANSWERED_JUDGED_JOBS && judged.every((r) => saysNothingAboutTheJob(r) && r.transient);
}

/**
 * Whether the opening chunk's answers let the run open up: undefined when they do, else why the run stops. The
 * server's circuit breaker already stops any chunk on a setup problem (401, 400 for everything, a refused security
 * code, the same exception for every request). This adds the same judgement at the HTTP level for the opening
 * chunk: when every job of it (two or more) got no answer about the job (AODocs down: the same failure for every
 * request, as a blocked or timed-out fetch is; or the same page that is not AODocs' answer), sending the rest would
 * only mark every row the same way. Stopping there is no loop: those rows stay worth sending, and a run started
 * later sends them again.
 */
export function openingProblem(results: JobResult[]): string | undefined {
  const judged = judgedOf(results);
  if (judged.length < 2 || !judged.every(saysNothingAboutTheJob)) return undefined;
  if (judged.every((r) => r.transient === true)) {
    // Fewer than two rounds: nothing else was left to send, and nothing is to be stopped.
    return judged.length >= UNANSWERED_JUDGED_JOBS ? openingUnanswered(judged.length, judged[0].result) : undefined;
  }
  const sentences = new Set(judged.map((r) => r.result));
  return sentences.size === 1 ? openingNotAodocs(judged.length, judged[0].result) : undefined;
}

/** How a wait reads ("45 s", "2 min"), for the sidebar's countdown: the same words as the stop sentences. */
export { durationWords } from './wording';

/** A job the server hands back (out of time, or AODocs asked to wait) is sent again, but not forever. */
export const MAX_RESENDS = 5;
/**
 * The longest pause a run takes when AODocs asks to wait (Retry-After): past it, the sidebar sitting idle is more
 * likely forgotten than finished; the run stops and says to come back later.
 */
export const MAX_RUN_PAUSE_MS = 10 * 60_000;

/**
 * What the sidebar does when a chunk comes back asking to wait `waitSeconds` (Retry-After longer than the chunk
 * could wait): pause the run that long, or stop it when the wait is past MAX_RUN_PAUSE_MS, or when AODocs sent the
 * same job back more than MAX_RESENDS times (`mostTimesHandedBack`: the most any job of the chunk was), so that a
 * run never waits forever.
 */
export function waitVerdict(waitSeconds: number, mostTimesHandedBack: number): { pauseMs: number } | { stop: string } {
  const pauseMs = Math.max(0, waitSeconds) * 1000;
  if (!(pauseMs <= MAX_RUN_PAUSE_MS)) return { stop: waitTooLong(waitSeconds, MAX_RUN_PAUSE_MS / 1000) };
  if (mostTimesHandedBack > MAX_RESENDS) return { stop: waitedTooOften(mostTimesHandedBack) };
  return { pauseMs };
}

/** The most cancels that may still reach AODocs once Stop is pressed: every chunk in flight, whole. */
export function brakeBound(chunkSize: number, chunksInFlight: number): number {
  return Math.max(1, chunkSize) * Math.max(1, chunksInFlight);
}

/**
 * Milliseconds left, from the pace since the opening chunk came back; undefined until a few chunks have.
 * `sinceOpeningMs`: time since then; `jobsSinceOpening`: jobs answered since then.
 */
export function estimateMsLeft(
  chunksDone: number,
  sinceOpeningMs: number,
  jobsSinceOpening: number,
  jobsLeft: number,
): number | undefined {
  if (chunksDone < CHUNKS_BEFORE_ESTIMATE || jobsSinceOpening <= 0 || sinceOpeningMs <= 0) return undefined;
  return Math.round((jobsLeft * sinceOpeningMs) / jobsSinceOpening);
}

/** A run's identity for Stop: random, so that one run's Stop never holds back another's chunks. */
export function newRunId(randomBytes: Uint8Array): string {
  return Array.from(randomBytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export const RUN_ID = /^[0-9a-f]{16,64}$/;
