// Stop pressed at a random moment of a real run: build/Code.js in the emulator against the simulator, the run
// driven by the sidebar's own run driver (src/client/run-driver.ts) with stopRequested turning true at a seeded
// random moment of the modelled timeline and stopOnServer calling the bundle's stopRun, as the sidebar does.
//
// Timeline (bench/virtual-time.ts, prices from bench/cost-model.ts): a chunk the sidebar sends at t runs in the
// emulator at t + S (S = one execution start: the moment it checks the run's stop mark and sends its requests;
// its reads before that are counted as nothing), and its answer reaches the sidebar at t + its modelled duration.
// stopRun, sent when the driver first sees the Stop, sets the mark at its own t + S. The press is an event too:
// the simulator's request log is read there, and every POST .../cancel logged after it was sent after Stop.
import { randomBytes } from 'node:crypto';
import { loadBundle } from '../emulator/bundle-loader';
import type { SimulatorHandle } from '../simulator/simulator-process';
import { createPrng, hashSeed } from '../simulator/prng';
import { readPlanWithHiddenRows } from '../src/client/plan-driver';
import { runJobs } from '../src/client/run-driver';
import { PARALLEL_CALLS } from '../src/core/settings';
import type { ChunkRequest, ChunkResult, PlanAnswer } from '../src/shared/api';
import { CostParams, DEFAULT_COST, modelExecution } from './cost-model';
import { ExecutionRecorder } from './execution-recorder';
import { prepareFixture } from './fixture';
import { VirtualClock } from './virtual-time';

export interface StopRun {
  n: number;
  chunkSize: number;
  chunksInFlight: number;
  seed: number;
  /** Modelled ms from the confirmation to the press. */
  pressAtMs: number;
  /** When the run driver first saw the Stop (a chunk came back), and when stopRun's mark was set on the server. */
  stopSeenAtMs?: number;
  markSetAtMs?: number;
  /** POST .../cancel requests the simulator logged before and after the press. */
  cancelsBeforePress: number;
  sentAfterStop: number;
  /** Chunks sent before the press that checked the mark after it was set, and so sent nothing. */
  chunksHeldByServer: number;
  chunksSent: number;
  notSent: number;
  /** Modelled ms from the confirmation to the run's end. */
  endedAtMs: number;
}

/** Stop pressed `runs.length` times with one setting, and where the presses fell. */
export interface StopSeries {
  n: number;
  chunkSize: number;
  chunksInFlight: number;
  /** Where the presses fall, in modelled ms: after the confirmation, or after the opening chunk came back (grid). */
  window: { fromMs: number; toMs: number; what: string };
  runs: StopRun[];
}

/** The most cancels that reached the simulator after a press, over the series. */
export function worstAfterStop(series: StopSeries): number {
  return Math.max(0, ...series.runs.map((r) => r.sentAfterStop));
}

/**
 * The presses of `count` seeded runs, the same for every run of the benchmark: uniform in [fromMs, toMs), or, if
 * `stratified`, one uniform in each of `count` equal parts of it (so that no part of the window goes unpressed).
 */
export function pressMoments(count: number, fromMs: number, toMs: number, label: string, stratified = false): number[] {
  const width = (toMs - fromMs) / (stratified ? count : 1);
  return Array.from({ length: count }, (_, i) => {
    const prng = createPrng(hashSeed(`${label}#${i + 1}`));
    return fromMs + (stratified ? i * width : 0) + prng() * width;
  });
}

const isCancel = (e: { method: string; path: string }) => e.method === 'POST' && /\/cancel$/.test(e.path);

export async function runWithStop(
  simulator: SimulatorHandle,
  options: {
    n: number;
    chunkSize: number;
    chunksInFlight: number;
    buildDir: string;
    seed: number;
    /**
     * When Stop is pressed, in modelled ms: from the confirmation (`at`), or from the moment the opening chunk's
     * answer reached the sidebar, when the chunks in flight leave together (`afterOpening`).
     */
    press: { at: number } | { afterOpening: number };
    cost?: CostParams;
  },
): Promise<StopRun> {
  const cost = options.cost ?? DEFAULT_COST;
  const { env } = await prepareFixture(simulator, options.n, options.buildDir);
  try {
    const bundle = loadBundle(env);
    const recorder = new ExecutionRecorder(env, bundle);
    // The plan comes before the confirmation: read as the sidebar reads it, off the timeline.
    const plan = await readPlanWithHiddenRows({
      readPlan: async (...known) => bundle.callFromClient('readSelectionPlan', ...known) as PlanAnswer,
      readHiddenRows: async (request) => bundle.callFromClient('readHiddenRows', request) as number[],
      inFlight: PARALLEL_CALLS,
    });
    if (plan.ok !== true) throw new Error(`no plan: ${JSON.stringify(plan)}`);
    await simulator.clearRequestLog();

    const clock = new VirtualClock();
    const out: StopRun = {
      n: options.n,
      chunkSize: options.chunkSize,
      chunksInFlight: options.chunksInFlight,
      seed: options.seed,
      pressAtMs: 'at' in options.press ? options.press.at : Infinity,
      cancelsBeforePress: 0,
      sentAfterStop: 0,
      chunksHeldByServer: 0,
      chunksSent: 0,
      notSent: 0,
      endedAtMs: 0,
    };
    let pressedAtSeq: number | undefined;
    const pressAt = (at: number) => {
      out.pressAtMs = at;
      clock.at(at, async () => {
        const log = await simulator.requestLog();
        pressedAtSeq = log.reduce((max, e) => Math.max(max, e.seq), 0);
        out.cancelsBeforePress = log.filter(isCancel).length;
      });
    };
    if ('at' in options.press) pressAt(options.press.at);
    const afterOpening = 'afterOpening' in options.press ? options.press.afterOpening : undefined;

    const send = (request: ChunkRequest) =>
      new Promise<ChunkResult>((resolve, reject) => {
        const sentAt = clock.now;
        const opening = out.chunksSent++ === 0;
        clock.at(sentAt + cost.executionStartMs, () => {
          const held = out.markSetAtMs !== undefined;
          try {
            const { value, measure } = recorder.record(() => bundle.callFromClient('runChunk', request) as ChunkResult);
            if (held) out.chunksHeldByServer++;
            clock.at(sentAt + modelExecution(measure, cost).total, () => {
              if (opening && afterOpening !== undefined) pressAt(clock.now + afterOpening);
              resolve(value);
            });
          } catch (error) {
            clock.at(clock.now, () => reject(error instanceof Error ? error : new Error(String(error))));
          }
        });
      });
    const stopOnServer = (runId: string) =>
      new Promise<void>((resolve) => {
        out.stopSeenAtMs = clock.now;
        clock.at(clock.now + cost.executionStartMs, () => {
          bundle.callFromClient('stopRun', runId);
          out.markSetAtMs = clock.now;
          resolve();
        });
      });

    const end = await clock.run(
      runJobs({
        plan: plan.plan,
        action: 'cancel',
        chunkSize: options.chunkSize,
        chunksInFlight: options.chunksInFlight,
        send,
        onProgress: () => undefined,
        stopRequested: () => clock.now >= out.pressAtMs,
        stopOnServer,
        now: () => clock.now,
        randomBytes: (k) => new Uint8Array(randomBytes(k)),
      }).then((value) => {
        out.endedAtMs = clock.now;
        return value;
      }),
    );
    out.notSent = end.notSent;
    const log = await simulator.requestLog();
    out.sentAfterStop = pressedAtSeq === undefined ? 0 : log.filter((e) => e.seq > pressedAtSeq! && isCancel(e)).length;
    if (pressedAtSeq === undefined) out.cancelsBeforePress = log.filter(isCancel).length;
    return out;
  } finally {
    env.close();
  }
}
