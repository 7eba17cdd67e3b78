// Chunk size and chunks in flight, explored on the model: each chunk size is run for real at N = 1,000 (the
// emulator serialises chunks, so chunks in flight change nothing there); the modelled wall time is then computed
// for several numbers of chunks in flight from the same measured executions.
import { FETCH_ALL_PARALLELISM } from './cost-model';
import { idealBound } from './ideal';
import { modelOurs, steadyMax } from './analysis';
import type { OursRun } from './types';

export const IN_FLIGHT_OPTIONS = [1, 2, 3, 4, 6, 10];

export interface TuningRow {
  chunkSize: number;
  chunksInFlight: number;
  /** C: requests the sidebar has in flight, chunk size x chunks in flight. */
  requestsInFlight: number;
  /** Requests really running at once if fetchAll runs at most FETCH_ALL_PARALLELISM of them. */
  effectiveInFlight: number;
  wallMs: number;
  oursOverIdeal: number;
  oursOverNaive: number;
  maxExecutionMs: number;
  sheetsCallsPerChunkMax: number;
  sheetsCallsPerChunkSteady: number;
  /** Jobs still sent after the user presses Stop, at most: the chunks in flight finish. */
  jobsAfterStop: number;
}

export function tuningRows(runs: OursRun[], naiveModelledMs: number, latencyMs: number): TuningRow[] {
  const rows: TuningRow[] = [];
  for (const run of [...runs].sort((a, b) => a.chunkSize - b.chunkSize)) {
    for (const k of IN_FLIGHT_OPTIONS) {
      const model = modelOurs(run, k);
      const ideal = idealBound(run.n, run.chunkSize * k, latencyMs);
      rows.push({
        chunkSize: run.chunkSize,
        chunksInFlight: k,
        requestsInFlight: run.chunkSize * k,
        effectiveInFlight: Math.min(run.chunkSize, FETCH_ALL_PARALLELISM) * k,
        wallMs: model.wallMs,
        oursOverIdeal: model.wallMs / ideal.totalMs,
        oursOverNaive: model.wallMs / naiveModelledMs,
        maxExecutionMs: model.maxExecutionMs,
        sheetsCallsPerChunkMax: Math.max(...run.sheetsCallsPerChunk),
        sheetsCallsPerChunkSteady: steadyMax(run.sheetsCallsPerChunk),
        jobsAfterStop: run.chunkSize * k,
      });
    }
  }
  return rows;
}
