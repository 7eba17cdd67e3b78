// Turns the measured runs into the figures the report shows: modelled Apps Script time of ours (chunks in
// parallel), of the naive reference (one execution; extrapolated where it was not run), the ideal bound, ratios.
import { CostParams, DEFAULT_COST, EXECUTION_LIMIT_MS, ModelledExecution, modelExecution } from './cost-model';
import { IdealBound, idealBound } from './ideal';
import { parallelMakespan } from './schedule';
import type { ExecutionMeasure, NaiveRun, OursRun } from './types';
import { hiddenRowsPieces } from '../src/core/hidden-rows';

export interface OursModel {
  /** Modelled wall time of the plan: its readSelectionPlan executions and, between them, the hidden-row pieces. */
  planMs: number;
  chunkMs: number[];
  /** Modelled wall time of the run: the plan, then the chunks `chunksInFlight` at a time. */
  wallMs: number;
  /** The longest single execution, modelled. */
  maxExecutionMs: number;
  /** The server function of that execution. */
  longestFunction: string;
  /** Sum of each part over all executions (what the executions spend, not wall time). */
  parts: Omit<ModelledExecution, 'total'>;
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

export interface NResult {
  n: number;
  latencyMs: number;
  ours: OursRun;
  model: OursModel;
  ideal: IdealBound;
  naive: NaiveFigures;
  oursOverIdeal: number;
  oursOverNaive: number;
  /** The same ratio on emulator wall times (chunks serialised). */
  oursOverNaiveMeasured: number;
  sheetsCallsPerChunkMax: number;
  /** Most Sheets calls of any chunk but the first. */
  sheetsCallsPerChunkSteady: number;
}

/** Most Sheets calls of a chunk after the first (the first also creates the result columns and the log sheet). */
export function steadyMax(perChunk: number[]): number {
  return perChunk.length > 1 ? Math.max(...perChunk.slice(1)) : (perChunk[0] ?? 0);
}

/** Rows a readHiddenRows execution checked (one isRowHiddenByUser call each) and the calls it made for them. */
function hiddenRowWork(e: ExecutionMeasure): { rows: number; calls: number } {
  const rows = e.calls['Sheet.isRowHiddenByUser'] ?? 0;
  return { rows, calls: rows + (e.calls['Sheet.isRowHiddenByFilter'] ?? 0) };
}

/**
 * The hidden-row pieces of one plan step, modelled. The run split its rows for its own in-flight figure; modelled at
 * another figure `inFlight`, the product would split them differently (src/core/hidden-rows.ts), so the pieces are
 * re-split: each costs the measured pieces' mean fixed parts plus its rows' calls at the read price.
 */
function hiddenPiecesAt(
  measured: ExecutionMeasure[],
  inFlight: number | undefined,
  cost: CostParams,
): ModelledExecution[] {
  const modelled = measured.map((m) => modelExecution(m, cost));
  if (inFlight === undefined || measured.length === 0) return modelled;
  const work = measured.map(hiddenRowWork);
  const rows = work.reduce((n, w) => n + w.rows, 0);
  const callsPerRow = rows === 0 ? 0 : work.reduce((n, w) => n + w.calls, 0) / rows;
  const keys = ['start', 'sheetsReads', 'sheetsWrites', 'cells', 'otherServices', 'urlFetch', 'compute'] as const;
  const mean = Object.fromEntries(
    keys.map((k) => [
      k,
      modelled.reduce((n, m, i) => n + m[k] - (k === 'sheetsReads' ? work[i].calls * cost.sheetsReadCallMs : 0), 0) /
        modelled.length,
    ]),
  ) as Record<(typeof keys)[number], number>;
  const allRows = Array.from({ length: rows }, (_, i) => i + 1);
  return hiddenRowsPieces({ sheetId: 0, rows: allRows }, inFlight).map((piece) => {
    const parts = { ...mean, sheetsReads: mean.sheetsReads + piece.rows.length * callsPerRow * cost.sheetsReadCallMs };
    return { ...parts, total: keys.reduce((n, k) => n + parts[k], 0) };
  });
}

export function modelOurs(run: OursRun, chunksInFlight = run.chunksInFlight, cost = DEFAULT_COST): OursModel {
  const planSteps = run.planSteps.map((step) => ({
    plan: modelExecution(step.plan, cost),
    pieces: hiddenPiecesAt(step.hiddenPieces, chunksInFlight === run.chunksInFlight ? undefined : chunksInFlight, cost),
  }));
  const planExecutions = planSteps.flatMap((step) => [step.plan, ...step.pieces]);
  const planMs = planSteps.reduce(
    (ms, step) =>
      ms +
      step.plan.total +
      parallelMakespan(
        step.pieces.map((p) => p.total),
        chunksInFlight,
      ),
    0,
  );
  const chunks = run.chunks.map((c) => modelExecution(c, cost));
  const parts = { start: 0, sheetsReads: 0, sheetsWrites: 0, cells: 0, otherServices: 0, urlFetch: 0, compute: 0 };
  for (const e of [...planExecutions, ...chunks])
    for (const key of Object.keys(parts) as (keyof typeof parts)[]) parts[key] += e[key];
  const chunkMs = chunks.map((c) => c.total);
  const named = [
    ...planSteps.flatMap((step) => [
      { name: 'readSelectionPlan', ms: step.plan.total },
      ...step.pieces.map((p) => ({ name: 'readHiddenRows', ms: p.total })),
    ]),
    ...chunkMs.map((ms) => ({ name: 'runChunk', ms })),
  ];
  const longest = named.reduce((a, b) => (b.ms > a.ms ? b : a));
  return {
    planMs,
    chunkMs,
    wallMs: planMs + parallelMakespan(chunkMs, chunksInFlight),
    maxExecutionMs: longest.ms,
    longestFunction: longest.name,
    parts,
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
  const ideal = idealBound(ours.n, ours.chunkSize * ours.chunksInFlight, latencyMs, cost);
  return {
    n: ours.n,
    latencyMs,
    ours,
    model,
    ideal,
    naive,
    oursOverIdeal: model.wallMs / ideal.totalMs,
    oursOverNaive: model.wallMs / naive.modelledMs,
    oursOverNaiveMeasured: ours.measuredWallMs / naive.wallMs,
    sheetsCallsPerChunkMax: Math.max(...ours.sheetsCallsPerChunk),
    sheetsCallsPerChunkSteady: steadyMax(ours.sheetsCallsPerChunk),
  };
}
