// The least time a run could take on Apps Script under the cost model, whatever its design (the platform bound),
// and the least it could take while keeping Stop's promise (the brake floor). Both priced with bench/cost-model.ts.
import { BINDING_EXECUTION_CAP, CostParams, DEFAULT_COST, EXECUTIONS_AT_ONCE } from './cost-model';
import { RESULT_HEADERS } from '../src/core/result-columns';

export interface PlatformBound {
  /** Executions one sidebar runs at once: the sidebar's 10 google.script.run calls or the user's 30, the fewer. */
  executionsAtOnce: number;
  /** Which of the two caps gives executionsAtOnce. */
  bindingCap: 'sidebar' | 'user';
  /** C_max: executionsAtOnce x the requests one fetchAll runs at once. */
  maxInFlight: number;
  waves: number;
  startMs: number;
  /** waves x (L + fetch hop). */
  networkMs: number;
  /** One read of the N IDs and one write of the N x 9 result cells. */
  sheetsMs: number;
  totalMs: number;
}

/**
 * C_max under `cost`: EXECUTIONS_AT_ONCE [D] x fetchAll parallelism [C]/[I]. A run is driven by one sidebar, whose
 * google.script.run allows 10 calls at once (the 11th waits), fewer than the user's 30 simultaneous executions.
 */
export function maxRequestsInFlight(cost: CostParams = DEFAULT_COST): number {
  return EXECUTIONS_AT_ONCE * cost.fetchAllParallelism;
}

function leastSheetsMs(n: number, cost: CostParams): number {
  const cells = n + n * RESULT_HEADERS.length;
  return cost.sheetsReadCallMs + cost.sheetsWriteCallMs + cells * cost.sheetsCellMs;
}

/**
 * One execution start (the executions of a wave start together), ceil(N / C_max) waves of one request's latency
 * plus the fetch hop, one read of the IDs and one write of the result cells. Nothing else: no plan, no lock, no
 * settings, no hidden-row check, no read-back.
 */
export function platformBound(n: number, latencyMs: number, cost: CostParams = DEFAULT_COST): PlatformBound {
  const maxInFlight = maxRequestsInFlight(cost);
  const waves = Math.ceil(n / maxInFlight);
  const networkMs = waves * (latencyMs + cost.fetchCallOverheadMs);
  const sheetsMs = leastSheetsMs(n, cost);
  const startMs = cost.executionStartMs;
  return {
    executionsAtOnce: EXECUTIONS_AT_ONCE,
    bindingCap: BINDING_EXECUTION_CAP,
    maxInFlight,
    waves,
    startMs,
    networkMs,
    sheetsMs,
    totalMs: startMs + networkMs + sheetsMs,
  };
}

export interface BrakeFloor {
  /** The most cancels that may still be sent after Stop. */
  brake: number;
  waves: number;
  /** Time between two waves: Stop's trip to the server, or a wave's own latency if longer. */
  spacingMs: number;
  totalMs: number;
}

/**
 * The least time any design takes if at most `brake` cancels may still be sent once Stop is pressed. Stop reaches
 * the server through one more execution, so it takes an execution start S to arrive: whatever is sent in the S
 * after the press cannot be held back. At most `brake` cancels may then be sent in any stretch of S, so the N
 * requests go in waves of `brake` (or C_max if fewer) at least S apart (or L + hop apart if that is longer):
 * start + (waves - 1) x spacing + (L + hop) for the last wave to answer, + the same Sheets work as the platform
 * bound.
 */
export function brakeFloor(n: number, brake: number, latencyMs: number, cost: CostParams = DEFAULT_COST): BrakeFloor {
  const waves = Math.ceil(n / Math.max(1, Math.min(brake, maxRequestsInFlight(cost))));
  const wave = latencyMs + cost.fetchCallOverheadMs;
  const spacingMs = Math.max(cost.executionStartMs, wave);
  const totalMs = cost.executionStartMs + (waves - 1) * spacingMs + wave + leastSheetsMs(n, cost);
  return { brake, waves, spacingMs, totalMs };
}
