// Turns the measured runs into the figures the report shows: modelled Apps Script time of ours (the plan, the
// opening chunk alone, then the other chunks `chunksInFlight` at a time), of the naive reference (one execution;
// extrapolated where it was not run), the platform bound and the brake floor, and the ratios.
import {
  CostParams,
  DEFAULT_COST,
  EXECUTION_LIMIT_MS,
  ModelledExecution,
  modelExecution,
  sheetsRoundTrips,
} from './cost-model';
import { BrakeFloor, PlatformBound, brakeFloor, platformBound } from './platform';
import { parallelMakespan } from './schedule';
import type { ExecutionMeasure } from './execution-recorder';
import type { NaiveRun } from './naive';
import type { OursRun } from './ours';
import { brakeBound } from '../src/core/run-schedule';
import { PARALLEL_CALLS } from '../src/core/settings';

export type ModelParts = Omit<ModelledExecution, 'total'>;

export interface OursModel {
  /** Modelled wall time of the plan (before the confirmation): its readSelectionPlan executions and hidden-row pieces. */
  planMs: number;
  chunkMs: number[];
  /** From the confirmation to the first row written: the opening chunk, sent alone (its rows are written before it returns). */
  firstResultMs: number;
  /** From the confirmation to the last chunk's answer: the opening chunk, then the others `chunksInFlight` at a time. */
  runMs: number;
  /** planMs + runMs: what the user waits, the confirmation click aside. */
  wallMs: number;
  /** The longest single execution, modelled. */
  maxExecutionMs: number;
  /** The server function of that execution. */
  longestFunction: string;
  /** Sum of each part over all executions (what the executions spend, not wall time). */
  parts: ModelParts;
  /** The parts of one steady chunk (the median chunk after the opening one). */
  steadyChunk: ModelledExecution;
}

export interface NaiveFigures {
  n: number;
  measured: boolean;
  /** Measured in the emulator (or extrapolated from the largest measured run). */
  wallMs: number;
  /** Modelled Apps Script time of the one execution, as if it had no 6-minute limit. */
  modelledMs: number;
  /** Jobs it would have done when Apps Script stops it at 6 minutes; undefined if it finishes. */
  stoppedAfterJobs?: number;
  run?: NaiveRun;
}

/** The Sheets round trips of a run's chunks (bench/cost-model.ts HANDLE_METHODS says which calls count). */
export interface RoundTrips {
  /** Round trips of each chunk, in the order sent. */
  perChunk: number[];
  /** Of a steady chunk: the count most chunks after the opening one make (ties: the smaller). */
  steady: number;
  /** By method, for one steady chunk. */
  steadyByMethod: Record<string, number>;
  /** The most of any chunk after the opening one, and of the opening one. */
  maxAfterOpening: number;
  opening: number;
}

export interface NResult {
  n: number;
  latencyMs: number;
  ours: OursRun;
  model: OursModel;
  platform: PlatformBound;
  /** The least time with no more cancels after Stop than ours allows (chunk size x chunks in flight). */
  floor: BrakeFloor;
  naive: NaiveFigures;
  oursOverPlatform: number;
  oursOverNaive: number;
  /** The same ratio on emulator wall times (chunks serialised). */
  oursOverNaiveMeasured: number;
  sheetsCallsPerChunkMax: number;
  /** Most Sheets calls of any chunk but the first. */
  sheetsCallsPerChunkSteady: number;
  roundTrips: RoundTrips;
}

/** Most Sheets calls of a chunk after the first (the first also creates the result columns and the log sheet). */
export function steadyMax(perChunk: number[]): number {
  return perChunk.length > 1 ? Math.max(...perChunk.slice(1)) : (perChunk[0] ?? 0);
}

/** The value most frequent in `values` (ties: the smaller). */
function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

export function roundTripsOf(chunks: ExecutionMeasure[]): RoundTrips {
  const byChunk = chunks.map((c) => sheetsRoundTrips(c.calls));
  const perChunk = byChunk.map((m) => Object.values(m).reduce((a, b) => a + b, 0));
  const after = perChunk.length > 1 ? perChunk.slice(1) : perChunk;
  const steady = mode(after);
  const at = perChunk.findIndex((n, i) => (perChunk.length === 1 || i > 0) && n === steady);
  return {
    perChunk,
    steady,
    steadyByMethod: at >= 0 ? byChunk[at] : {},
    maxAfterOpening: after.length > 0 ? Math.max(...after) : 0,
    opening: perChunk[0] ?? 0,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export function modelOurs(run: OursRun, chunksInFlight = run.chunksInFlight, cost = DEFAULT_COST): OursModel {
  const planSteps = run.planSteps.map((step) => ({
    plan: modelExecution(step.plan, cost),
    pieces: step.hiddenPieces.map((p) => modelExecution(p, cost)),
  }));
  // The hidden-row pieces run PARALLEL_CALLS at a time whatever the run's chunks in flight (src/client/run-panel.ts).
  const planMs = planSteps.reduce(
    (ms, step) =>
      ms +
      step.plan.total +
      parallelMakespan(
        step.pieces.map((p) => p.total),
        PARALLEL_CALLS,
      ),
    0,
  );
  const chunks = run.chunks.map((c) => modelExecution(c, cost));
  const parts: ModelParts = {
    start: 0,
    sheetsReads: 0,
    sheetsWrites: 0,
    cells: 0,
    otherServices: 0,
    urlFetch: 0,
    compute: 0,
  };
  for (const e of [...planSteps.flatMap((s) => [s.plan, ...s.pieces]), ...chunks])
    for (const key of Object.keys(parts) as (keyof ModelParts)[]) parts[key] += e[key];
  const chunkMs = chunks.map((c) => c.total);
  // Slow start (src/core/run-schedule.ts): the first chunk sent is the opening one, alone.
  const firstResultMs = chunkMs[0] ?? 0;
  const runMs = firstResultMs + parallelMakespan(chunkMs.slice(1), chunksInFlight);
  const named = [
    ...planSteps.flatMap((step) => [
      { name: 'readSelectionPlan', ms: step.plan.total },
      ...step.pieces.map((p) => ({ name: 'readHiddenRows', ms: p.total })),
    ]),
    ...chunkMs.map((ms) => ({ name: 'runChunk', ms })),
  ];
  const longest = named.reduce((a, b) => (b.ms > a.ms ? b : a));
  const after = chunks.length > 1 ? chunks.slice(1) : chunks;
  const steadyMs = median(after.map((c) => c.total));
  return {
    planMs,
    chunkMs,
    firstResultMs,
    runMs,
    wallMs: planMs + runMs,
    maxExecutionMs: longest.ms,
    longestFunction: longest.name,
    parts,
    steadyChunk: after.find((c) => c.total === steadyMs) ?? after[0],
  };
}

function stoppedAfter(perJobMs: number, n: number, modelledMs: number, cost: CostParams): number | undefined {
  if (modelledMs <= EXECUTION_LIMIT_MS) return undefined;
  return Math.min(n, Math.floor((EXECUTION_LIMIT_MS - cost.executionStartMs) / perJobMs));
}

export function naiveFigures(run: NaiveRun, cost = DEFAULT_COST): NaiveFigures {
  const modelledMs = modelExecution(run.execution, cost).total;
  const perJob = (modelledMs - cost.executionStartMs) / run.n;
  return {
    n: run.n,
    measured: true,
    wallMs: run.measuredWallMs,
    modelledMs,
    stoppedAfterJobs: stoppedAfter(perJob, run.n, modelledMs, cost),
    run,
  };
}

/** Linear in N from the largest measured run: one request and nine setValue calls per job. */
export function extrapolateNaive(from: NaiveFigures, n: number, cost = DEFAULT_COST): NaiveFigures {
  const perJobModelled = (from.modelledMs - cost.executionStartMs) / from.n;
  const modelledMs = cost.executionStartMs + perJobModelled * n;
  return {
    n,
    measured: false,
    wallMs: (from.wallMs / from.n) * n,
    modelledMs,
    stoppedAfterJobs: stoppedAfter(perJobModelled, n, modelledMs, cost),
  };
}

export function analyse(ours: OursRun, naive: NaiveFigures, latencyMs: number, cost = DEFAULT_COST): NResult {
  const model = modelOurs(ours, ours.chunksInFlight, cost);
  const platform = platformBound(ours.n, latencyMs, cost);
  return {
    n: ours.n,
    latencyMs,
    ours,
    model,
    platform,
    floor: brakeFloor(ours.n, brakeBound(ours.chunkSize, ours.chunksInFlight), latencyMs, cost),
    naive,
    oursOverPlatform: model.wallMs / platform.totalMs,
    oursOverNaive: model.wallMs / naive.modelledMs,
    oursOverNaiveMeasured: ours.measuredWallMs / naive.wallMs,
    sheetsCallsPerChunkMax: Math.max(...ours.sheetsCallsPerChunk),
    sheetsCallsPerChunkSteady: steadyMax(ours.sheetsCallsPerChunk),
    roundTrips: roundTripsOf(ours.chunks),
  };
}
