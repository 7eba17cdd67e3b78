// Our add-on on N jobs: build/Code.js in the emulator, the plan read as the sidebar reads it (src/client/
// plan-driver.ts: readSelectionPlan, the hidden-row check in parallel pieces, readSelectionPlan again), then the
// run driven by the sidebar's own run driver (src/client/run-driver.ts) chunk by chunk (the opening chunk of
// slow start first), each server call one recorded execution. The emulator serialises the calls in flight; the
// cost model puts them back in parallel (bench/analysis.ts).
import { randomBytes } from 'node:crypto';
import { loadBundle } from '../emulator/bundle-loader';
import type { SimulatorHandle } from '../simulator/simulator-process';
import { runJobs } from '../src/client/run-driver';
import { readPlanWithHiddenRows } from '../src/client/plan-driver';
import { PARALLEL_CALLS } from '../src/core/settings';
import type { ChunkResult, PlanAnswer } from '../src/shared/api';
import {
  type ExecutionMeasure,
  ExecutionRecorder,
  type RunCounts,
  isSheetsCall,
  jobIdOfUrl,
} from './execution-recorder';
import { columnValues, prepareFixture } from './fixture';
import type { MemoryPeak, RssSampler } from './memory';

export interface OursRun {
  n: number;
  chunkSize: number;
  chunksInFlight: number;
  measuredWallMs: number;
  /**
   * The plan as the sidebar reads it: each readSelectionPlan execution, and the readHiddenRows pieces that followed
   * it (run `chunksInFlight` at a time), before the next readSelectionPlan.
   */
  planSteps: { plan: ExecutionMeasure; hiddenPieces: ExecutionMeasure[] }[];
  chunks: ExecutionMeasure[];
  /** Jobs of each chunk, in the order sent: the first is the opening chunk of slow start. */
  chunkJobs: number[];
  counts: RunCounts;
  /** Sheets calls of each runChunk execution. */
  sheetsCallsPerChunk: number[];
  finished: number;
  notSent: number;
  /** Rows whose Result cell reads "Cancelled". */
  rowsCancelled: number;
  memory: MemoryPeak;
}

export interface OursOptions {
  n: number;
  /** Where Code.js, Sidebar.html and appsscript.json are (a snapshot of build/). */
  buildDir: string;
  chunkSize: number;
  chunksInFlight: number;
}

export async function runOurs(simulator: SimulatorHandle, memory: RssSampler, options: OursOptions): Promise<OursRun> {
  const { env } = await prepareFixture(simulator, options.n, options.buildDir);
  try {
    const bundle = loadBundle(env);
    const recorder = new ExecutionRecorder(env, bundle);
    memory.reset();
    const started = performance.now();
    const planSteps: OursRun['planSteps'] = [];
    const plan = await readPlanWithHiddenRows({
      readPlan: async (...known) => {
        const step = recorder.record(() => bundle.callFromClient('readSelectionPlan', ...known) as PlanAnswer);
        planSteps.push({ plan: step.measure, hiddenPieces: [] });
        return step.value;
      },
      readHiddenRows: async (request) => {
        const piece = recorder.record(() => bundle.callFromClient('readHiddenRows', request) as number[]);
        planSteps[planSteps.length - 1].hiddenPieces.push(piece.measure);
        return piece.value;
      },
      // As the sidebar does (src/client/panels/run-panel.ts): hidden-row pieces PARALLEL_CALLS at a time.
      inFlight: PARALLEL_CALLS,
    });
    if (plan.ok !== true) throw new Error(`no plan: ${JSON.stringify(plan)}`);
    const chunks: OursRun['chunks'] = [];
    const chunkJobs: number[] = [];
    const end = await runJobs({
      plan: plan.plan,
      action: 'cancel',
      chunkSize: options.chunkSize,
      chunksInFlight: options.chunksInFlight,
      send: async (request) => {
        const { value, measure } = recorder.record(() => bundle.callFromClient('runChunk', request) as ChunkResult);
        chunks.push(measure);
        chunkJobs.push(request.jobs.length);
        return value;
      },
      onProgress: () => undefined,
      stopRequested: () => false,
      randomBytes: (k) => new Uint8Array(randomBytes(k)),
    });
    const measuredWallMs = performance.now() - started;
    const sheetsOf = (calls: Record<string, number>) =>
      Object.entries(calls).reduce((n, [key, c]) => n + (isSheetsCall(key) ? c : 0), 0);
    return {
      n: options.n,
      chunkSize: options.chunkSize,
      chunksInFlight: options.chunksInFlight,
      measuredWallMs,
      planSteps,
      chunks,
      chunkJobs,
      counts: recorder.counts(jobIdOfUrl),
      sheetsCallsPerChunk: chunks.map((c) => sheetsOf(c.calls)),
      finished: end.jobsDone + end.rejectedDone,
      notSent: end.notSent,
      rowsCancelled: columnValues(env, 'Result').filter((v) => v === 'Cancelled').length,
      memory: { rssMb: memory.peakMb(), heapUsedMb: recorder.heapUsedHighWaterMb() },
    };
  } finally {
    env.close();
  }
}
