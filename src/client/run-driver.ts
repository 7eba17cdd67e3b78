// Drives a run from the sidebar: the plan's jobs in chunks, a few chunks in flight, progress after each one,
// and a stop that lets the chunks in flight finish and write. No DOM here.
import {
  ChunkRequest,
  ChunkResult,
  JobAction,
  JobResult,
  PlannedJob,
  RejectedCell,
  SelectionPlan,
} from '../shared/api';

export interface RunOptions {
  plan: SelectionPlan;
  action: JobAction;
  chunkSize: number;
  chunksInFlight: number;
  send: (request: ChunkRequest) => Promise<ChunkResult>;
  onProgress: (progress: RunProgress) => void;
  /** Asked before each chunk is started. */
  stopRequested: () => boolean;
}

export interface RunProgress {
  total: number;
  finished: number;
  results: JobResult[];
}

export interface RunEnd extends RunProgress {
  /** Jobs never sent: stopped, a failed chunk, or the server asked to stop. */
  notSent: number;
  /** Why the run ended early, in the user's words. */
  stoppedBecause?: string;
}

const REJECTED_PER_CHUNK = 500;
/** A job the server hands back (out of time) is sent again, but not forever. */
const MAX_RESENDS = 5;

function chunksOf<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function runJobs(options: RunOptions): Promise<RunEnd> {
  const { plan, action } = options;
  const queue: { jobs: PlannedJob[]; rejected: RejectedCell[] }[] = [
    ...chunksOf(plan.rejected, REJECTED_PER_CHUNK).map((rejected) => ({ jobs: [], rejected })),
    ...chunksOf(plan.jobs, Math.max(1, options.chunkSize)).map((jobs) => ({ jobs, rejected: [] })),
  ];
  const total = plan.jobs.length + plan.rejected.length;
  const results: JobResult[] = [];
  const resends = new Map<string, number>();
  let givenUp = 0;
  let stoppedBecause: string | undefined;

  const worker = async (): Promise<void> => {
    for (;;) {
      if (stoppedBecause !== undefined) return;
      if (options.stopRequested()) {
        stoppedBecause = 'Stopped: the chunks already sent were finished and written.';
        return;
      }
      const next = queue.shift();
      if (!next) return;
      let answer: ChunkResult;
      try {
        answer = await options.send({ action, sheetId: plan.sheetId, headerRow: plan.headerRow, ...next });
      } catch (error) {
        queue.unshift(next);
        stoppedBecause = error instanceof Error ? error.message : String(error);
        return;
      }
      results.push(...answer.results);
      // Jobs the server had no time for go back first in line, a bounded number of times.
      const again = answer.notSent.filter((job) => {
        const n = (resends.get(job.jobId) ?? 0) + 1;
        resends.set(job.jobId, n);
        return n <= MAX_RESENDS || (givenUp++, false);
      });
      if (again.length > 0) queue.unshift({ jobs: again, rejected: [] });
      if (answer.stopRun !== undefined) stoppedBecause = answer.stopRun;
      options.onProgress({ total, finished: results.length, results });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.chunksInFlight) }, worker));
  const notSent = givenUp + queue.reduce((n, c) => n + c.jobs.length + c.rejected.length, 0);
  return { total, finished: results.length, results, notSent, stoppedBecause };
}

/** Counts by outcome, for the progress line and the final summary. */
export function countOutcomes(results: JobResult[]): Record<JobResult['outcome'], number> {
  const counts = { done: 0, 'already-finished': 0, failed: 0, invalid: 0, gone: 0 };
  for (const r of results) counts[r.outcome]++;
  return counts;
}
