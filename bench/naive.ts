// The naive reference (bench/naive/Code.js) on the same data as ours, run by the same emulator against the same
// simulator, as one execution started from the menu. If it runs past Apps Script's 6 minutes, the emulator stops
// it as Apps Script would and the rows it reached are counted.
import path from 'node:path';
import { loadBundle } from '../emulator/bundle-loader';
import type { SimulatorHandle } from '../simulator/simulator-process';
import { type ExecutionMeasure, ExecutionRecorder, type RunCounts, jobIdOfUrl } from './execution-recorder';
import { columnValues, prepareFixture } from './fixture';
import type { MemoryPeak, RssSampler } from './memory';

export interface NaiveRun {
  n: number;
  measuredWallMs: number;
  execution: ExecutionMeasure;
  counts: RunCounts;
  /** Rows whose status cell reads CANCELLED. */
  rowsCancelled: number;
  memory: MemoryPeak;
}

export const NAIVE_CODE = path.join(__dirname, 'naive', 'Code.js');

export async function runNaive(
  simulator: SimulatorHandle,
  memory: RssSampler,
  n: number,
  buildDir: string,
): Promise<NaiveRun> {
  // buildDir: the manifest (its URL allowlist) is the add-on's, so both run under the same rules.
  const { env } = await prepareFixture(simulator, n, buildDir);
  try {
    const bundle = loadBundle(env, NAIVE_CODE);
    const recorder = new ExecutionRecorder(env, bundle);
    memory.reset();
    const started = performance.now();
    let execution: NaiveRun['execution'];
    try {
      execution = recorder.record(() => bundle.run('cancelSelectedJobs')).measure;
    } catch {
      execution = recorder.executions[recorder.executions.length - 1];
    }
    return {
      n,
      measuredWallMs: performance.now() - started,
      execution,
      counts: recorder.counts(jobIdOfUrl),
      rowsCancelled: columnValues(env, 'Status').filter((v) => v === 'CANCELLED').length,
      memory: { rssMb: memory.peakMb(), heapUsedMb: recorder.heapUsedHighWaterMb() },
    };
  } finally {
    env.close();
  }
}
