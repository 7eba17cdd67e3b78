// Chunk size x chunks in flight, the trade-off between speed and Stop's brake. Each chunk size is run for real at
// N = 1,000 (the emulator serialises chunks, so chunks in flight change nothing there); the modelled time is then
// computed for each number of chunks in flight from the same measured executions, and Stop is pressed for real
// (bench/stop.ts) where the brake bound is small enough to matter.
import { FETCH_ALL_PARALLELISM } from './cost-model';
import { modelOurs, roundTripsOf } from './analysis';
import { brakeFloor, platformBound } from './platform';
import { brakeBound } from '../src/core/run-schedule';
import type { StopSeries } from './stop';
import type { OursRun } from './ours';

/** The setting's range is 1-6 (CHUNKS_IN_FLIGHT_LIMITS in src/core/settings.ts). */
export const IN_FLIGHT_OPTIONS = [1, 2, 3, 4, 6];

export interface TuningRow {
  chunkSize: number;
  chunksInFlight: number;
  /** The brake bound: cancels that may still be sent after Stop, at most (every chunk in flight, whole). */
  brake: number;
  /** Requests really running at once if a fetchAll runs at most FETCH_ALL_PARALLELISM of them. */
  effectiveInFlight: number;
  /** Executions of the run: the plan's and one per chunk. */
  chunks: number;
  wallMs: number;
  runMs: number;
  firstResultMs: number;
  oursOverNaive: number;
  oursOverPlatform: number;
  /** The least time any design takes with the same brake (bench/platform.ts). */
  floorMs: number;
  maxExecutionMs: number;
  roundTripsSteady: number;
  /** Worst cancels after Stop over the presses, when measured. */
  sentAfterStop?: number;
  presses?: number;
}

export function tuningRows(
  runs: OursRun[],
  gridStops: StopSeries[],
  naiveModelledMs: number,
  latencyMs: number,
): TuningRow[] {
  const rows: TuningRow[] = [];
  for (const run of [...runs].sort((a, b) => a.chunkSize - b.chunkSize)) {
    const platform = platformBound(run.n, latencyMs);
    const trips = roundTripsOf(run.chunks);
    for (const k of IN_FLIGHT_OPTIONS) {
      const model = modelOurs(run, k);
      const stops = gridStops.find((s) => s.chunkSize === run.chunkSize && s.chunksInFlight === k);
      const brake = brakeBound(run.chunkSize, k);
      rows.push({
        chunkSize: run.chunkSize,
        chunksInFlight: k,
        brake,
        effectiveInFlight: Math.min(run.chunkSize, FETCH_ALL_PARALLELISM) * k,
        chunks: run.chunks.length,
        wallMs: model.wallMs,
        runMs: model.runMs,
        firstResultMs: model.firstResultMs,
        oursOverNaive: model.wallMs / naiveModelledMs,
        oursOverPlatform: model.wallMs / platform.totalMs,
        floorMs: brakeFloor(run.n, brake, latencyMs).totalMs,
        maxExecutionMs: model.maxExecutionMs,
        roundTripsSteady: trips.steady,
        ...(stops
          ? { sentAfterStop: Math.max(0, ...stops.runs.map((r) => r.sentAfterStop)), presses: stops.runs.length }
          : {}),
      });
    }
  }
  return rows;
}
