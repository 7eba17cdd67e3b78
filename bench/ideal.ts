// The ideal bound the issue asks for: with C requests in flight and a latency L per request, N jobs need at
// least ceil(N / C) x L, plus the least Sheets work that cannot be avoided: one read of the selected IDs and one
// write of every result row (N x 9 cells), priced with the same cost model as ours.
import { CostParams, DEFAULT_COST } from './cost-model';
import { RESULT_HEADERS } from '../src/core/result-columns';

export interface IdealBound {
  requestsInFlight: number;
  waves: number;
  networkMs: number;
  sheetsMs: number;
  totalMs: number;
}

export function idealBound(
  n: number,
  requestsInFlight: number,
  latencyMs: number,
  cost: CostParams = DEFAULT_COST,
): IdealBound {
  const waves = Math.ceil(n / requestsInFlight);
  const networkMs = waves * latencyMs;
  const cells = n + n * RESULT_HEADERS.length;
  const sheetsMs = cost.sheetsReadCallMs + cost.sheetsWriteCallMs + cells * cost.sheetsCellMs;
  return { requestsInFlight, waves, networkMs, sheetsMs, totalMs: networkMs + sheetsMs };
}
