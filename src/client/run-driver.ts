// Drives a run from the sidebar: an opening chunk alone (slow start), then the other chunks a few at a time,
// progress after each one, and a Stop that holds back every chunk not yet sent, in the sidebar and on the server.
// The pacing itself is core/run-schedule.ts's. No DOM here.
import { ChunkRequest, ChunkResult, JobAction, JobResult, PlannedJob, SelectionPlan } from '../shared/api';
import {
  ChunkWork,
  MAX_RESENDS,
  STOPPED_BY_USER,
  estimateMsLeft,
  newRunId,
  SLOW_START_JOBS,
  openingProblem,
  slowStartGoesOn,
  scheduleChunks,
  waitVerdict,
} from '../core/run-schedule';

export interface RunOptions {
  plan: SelectionPlan;
  action: JobAction;
  chunkSize: number;
  chunksInFlight: number;
  send: (request: ChunkRequest) => Promise<ChunkResult>;
  onProgress: (progress: RunProgress) => void;
  /** Asked before each chunk is started. */
  stopRequested: () => boolean;
  /** Tells the server the run is stopped (called once, when a stop is first seen), so chunks in flight hold back. */
  stopOnServer?: (runId: string) => Promise<unknown>;
  /** The clock, for the estimate of the time left and the pauses AODocs asks for. */
  now?: () => number;
  /** Waits `ms` (setTimeout by default): a pause is spent in such steps, Stop looked at after each. */
  sleep?: (ms: number) => Promise<void>;
  /**
   * The run's ID, made by the caller so that its Stop button can mark the run on the server at once (stopRun),
   * without waiting for a chunk to come back; made here when absent.
   */
  runId?: string;
  /** Random bytes for the run's ID (the browser's crypto by default). */
  randomBytes?: (n: number) => Uint8Array;
}

export interface RunProgress {
  /** Distinct job IDs the run sends: the count the confirmation named. */
  jobsTotal: number;
  /** Jobs whose answer came back (or that left the sheet before being sent). */
  jobsDone: number;
  /** Selected cells that are never sent (not job IDs): counted apart. */
  rejectedTotal: number;
  rejectedDone: number;
  chunksDone: number;
  results: JobResult[];
  /** Estimated time left, once a few chunks have come back. */
  estimatedMsLeft?: number;
  /** Set while the run pauses because AODocs asked to wait (Retry-After): no chunk starts meanwhile. */
  pause?: { askedSeconds: number; msLeft: number };
}

export interface RunEnd extends RunProgress {
  /** Jobs never sent (cells that are not job IDs are not counted): stopped, a failed chunk, or the server asked to stop. */
  notSent: number;
  /** Those jobs, for "Run again". */
  unsent: PlannedJob[];
  /** Why the run ended early, in the user's words. */
  stoppedBecause?: string;
}

/** Steps of a pause: Stop is looked at and the countdown shown after each. */
const PAUSE_STEP_MS = 250;

const timerSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function browserRandomBytes(n: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(n));
}

export async function runJobs(options: RunOptions): Promise<RunEnd> {
  const { plan, action } = options;
  const now = options.now ?? (() => Date.now());
  const runId = options.runId ?? newRunId((options.randomBytes ?? browserRandomBytes)(12));
  const { opening, rest } = scheduleChunks(plan.jobs, plan.rejected, options.chunkSize);
  const queue: ChunkWork[] = [...rest];
  const results: JobResult[] = [];
  const resends = new Map<string, number>();
  const givenUp: PlannedJob[] = [];
  let chunksDone = 0;
  let stoppedBecause: string | undefined;
  /** When the opening chunk came back, and the jobs done by then: the pace is measured from there. */
  const pace: { openedAt?: number; jobsAtOpening: number } = { jobsAtOpening: 0 };
  let serverTold = false;
  /** AODocs asked the run to wait (Retry-After): no chunk starts before `until`. */
  const pause = { until: 0, askedSeconds: 0, shownSecondsLeft: -1 };
  const sleep = options.sleep ?? timerSleep;

  const progress = (): RunProgress => {
    const rejectedDone = results.filter((r) => r.outcome === 'invalid').length;
    const jobsDone = results.length - rejectedDone;
    const jobsLeft = plan.jobs.length - jobsDone;
    const estimatedMsLeft =
      pace.openedAt === undefined
        ? undefined
        : estimateMsLeft(chunksDone, now() - pace.openedAt, jobsDone - pace.jobsAtOpening, jobsLeft);
    return {
      jobsTotal: plan.jobs.length,
      jobsDone,
      rejectedTotal: plan.rejected.length,
      rejectedDone,
      chunksDone,
      results,
      estimatedMsLeft,
      ...(pause.until > now() ? { pause: { askedSeconds: pause.askedSeconds, msLeft: pause.until - now() } } : {}),
    };
  };

  /** Holds back, on the server, the chunks of this run already on their way (once). */
  const tellServer = () => {
    if (serverTold || !options.stopOnServer) return;
    serverTold = true;
    // Not awaited: the chunks in flight must not wait for it; a failure only loses the server-side brake.
    options.stopOnServer(runId).catch(() => undefined);
  };

  const stopSeen = (): boolean => {
    if (!options.stopRequested()) return false;
    stoppedBecause ??= STOPPED_BY_USER;
    tellServer();
    return true;
  };

  /**
   * Waits while the run pauses, showing the countdown once a second; false when Stop came meanwhile (nothing more
   * is sent). Every chunk about to start waits here, so no chunk starts during a pause.
   */
  const pauseOver = async (): Promise<boolean> => {
    for (let left = pause.until - now(); left > 0; left = pause.until - now()) {
      if (stopSeen() || stoppedBecause !== undefined) return false;
      const secondsLeft = Math.ceil(left / 1000);
      if (secondsLeft !== pause.shownSecondsLeft) {
        pause.shownSecondsLeft = secondsLeft;
        options.onProgress(progress());
      }
      await sleep(Math.min(left, PAUSE_STEP_MS));
    }
    if (pause.shownSecondsLeft !== -1) {
      pause.shownSecondsLeft = -1;
      options.onProgress(progress());
    }
    return !stopSeen() && stoppedBecause === undefined;
  };

  /** AODocs asked to wait (a chunk's waitSeconds): the run pauses, or stops when that would be too long. */
  const askedToWait = (waitSeconds: number, handedBack: ChunkResult['notSent']) => {
    const mostTimes = Math.max(0, ...handedBack.map((job) => resends.get(job.jobId) ?? 0));
    const verdict = waitVerdict(waitSeconds, mostTimes);
    if ('stop' in verdict) {
      if (stoppedBecause === undefined || stoppedBecause === STOPPED_BY_USER) stoppedBecause = verdict.stop;
      return;
    }
    if (now() + verdict.pauseMs > pause.until) {
      pause.until = now() + verdict.pauseMs;
      pause.askedSeconds = waitSeconds;
    }
  };

  /** Sends one chunk; false when the run must not go on. */
  const sendChunk = async (work: ChunkWork): Promise<boolean> => {
    if (!(await pauseOver())) {
      queue.unshift(work);
      return false;
    }
    let answer: ChunkResult;
    try {
      const { sheetId, headerRow, idColumn } = plan;
      answer = await options.send({ action, sheetId, headerRow, idColumn, runId, ...work });
    } catch (error) {
      queue.unshift(work);
      stoppedBecause ??= error instanceof Error ? error.message : String(error);
      return false;
    }
    results.push(...answer.results);
    chunksDone++;
    // Jobs the server had no time for go back first in line, a bounded number of times.
    const again = answer.notSent.filter((job) => {
      const n = (resends.get(job.jobId) ?? 0) + 1;
      resends.set(job.jobId, n);
      return n <= MAX_RESENDS || (givenUp.push(job), false);
    });
    if (again.length > 0) queue.unshift({ jobs: again, rejected: [] });
    // A reason from the server (sign-in refused, quota, the breaker...) says more than the user's own Stop.
    if (answer.stopRun !== undefined && (stoppedBecause === undefined || stoppedBecause === STOPPED_BY_USER)) {
      stoppedBecause = answer.stopRun;
    }
    if (answer.waitSeconds !== undefined && answer.waitSeconds > 0) askedToWait(answer.waitSeconds, answer.notSent);
    if (stoppedBecause !== undefined) tellServer();
    options.onProgress(progress());
    return stoppedBecause === undefined;
  };

  // Slow start: chunks go one at a time until SLOW_START_JOBS jobs came back (the opening chunk, or a few small
  // ones; one round more when AODocs answered none of them), and the run opens up only if their answers look sane.
  if (opening) queue.unshift(opening);
  let sane = true;
  while (slowStartGoesOn(results) && queue.length > 0 && !stopSeen()) {
    // Chunks of the slow start hold at most SLOW_START_JOBS jobs: the rest of a larger one waits its turn.
    const next = queue.shift()!;
    if (next.jobs.length > SLOW_START_JOBS) queue.unshift({ jobs: next.jobs.slice(SLOW_START_JOBS), rejected: [] });
    const now = { jobs: next.jobs.slice(0, SLOW_START_JOBS), rejected: next.rejected };
    if (!(await sendChunk(now))) {
      sane = false;
      break;
    }
  }
  if (sane && stoppedBecause === undefined) stoppedBecause = openingProblem(results);
  pace.jobsAtOpening = progress().jobsDone;
  pace.openedAt = now();

  const worker = async (): Promise<void> => {
    while (stoppedBecause === undefined && !stopSeen()) {
      const next = queue.shift();
      if (!next || !(await sendChunk(next))) return;
    }
  };
  if (stoppedBecause === undefined) {
    await Promise.all(Array.from({ length: Math.max(1, options.chunksInFlight) }, worker));
  }
  // Jobs only: a cell that is not a job ID is never sent, whether or not its row was marked.
  const unsent = [...givenUp, ...queue.flatMap((c) => c.jobs)];
  return {
    ...progress(),
    estimatedMsLeft: undefined,
    pause: undefined,
    notSent: unsent.length,
    unsent,
    stoppedBecause,
  };
}

/** Counts by outcome, for the progress line and the final summary. */
export function countOutcomes(results: JobResult[]): Record<JobResult['outcome'], number> {
  const counts = { done: 0, 'already-finished': 0, failed: 0, invalid: 0, gone: 0 };
  for (const r of results) counts[r.outcome]++;
  return counts;
}
