// How a run's work is cut into chunks and paced, decided once for the sidebar (which drives the run) and the
// tests. Cancelling is irreversible: a run opens with one small chunk alone, and opens up only when that chunk
// came back without a reason to stop (the circuit breaker's verdict on the setup), so that a misconfigured run
// reaches AODocs with a handful of requests; and no more cancels than chunk size x chunks in flight can still be
// on their way when Stop is pressed.
import type { JobResult, PlannedJob, RejectedCell } from '../shared/api';
import { STOP, openingFailedAlike } from './wording';

/** Why a run ended when the user pressed Stop (the server says the same when it holds a chunk back). */
export const STOPPED_BY_USER = STOP.stopped;

/**
 * Jobs answered before a run opens up: chunks go one at a time until this many jobs came back (one chunk at the
 * default size), and the run opens up only if their answers look sane. With read-backs: at most 10 requests
 * before the setup is judged.
 */
export const SLOW_START_JOBS = 5;
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
 * The run's chunks: `opening`, sent alone first (absent when there is no job), then `rest`: the rejected cells'
 * rows and the other jobs, `chunkSize` at a time.
 */
export function scheduleChunks(
  jobs: PlannedJob[],
  rejected: RejectedCell[],
  chunkSize: number,
): { opening?: ChunkWork; rest: ChunkWork[] } {
  const size = Math.max(1, Math.floor(chunkSize));
  const first = Math.min(SLOW_START_JOBS, size);
  const rest: ChunkWork[] = [
    ...chunksOf(rejected, REJECTED_PER_CHUNK).map((cells) => ({ jobs: [], rejected: cells })),
    ...chunksOf(jobs.slice(first), size).map((chunk) => ({ jobs: chunk, rejected: [] })),
  ];
  return jobs.length === 0 ? { rest } : { opening: { jobs: jobs.slice(0, first), rejected: [] }, rest };
}

/**
 * Whether the opening chunk's answers look sane enough to open up: undefined when they do, else why the run
 * stops. Every job of it (two or more) failing with the same sentence points at the setup or at the selection,
 * not at one job: a wrong domain or environment (404 for all), no rights at all, AODocs down. The run stops before
 * the rest is sent, and says what to check.
 */
export function openingProblem(results: JobResult[]): string | undefined {
  const judged = results.filter((r) => r.outcome !== 'gone' && r.outcome !== 'invalid');
  if (judged.length < 2 || judged.some((r) => r.outcome !== 'failed')) return undefined;
  const sentences = new Set(judged.map((r) => r.result));
  return sentences.size === 1 ? openingFailedAlike(judged.length, judged[0].result) : undefined;
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
