// The targets of docs/BEHAVIOUR.md 7, checked on the figures of this run (modelled Apps Script time where time is concerned).
import { EXECUTION_TARGET_MS } from './cost-model';
import type { NResult } from './analysis';
import { worstAfterStop, type StopSeries } from './stop';
import { STOP_BRAKE_TARGET } from './recommend';

export interface TargetCheck {
  target: string;
  met: boolean | undefined;
  detail: string;
}

/** Sheets calls and round trips per chunk at two chunk sizes on the same data. */
export interface ChunkSizeProbe {
  n: number;
  bySize: {
    chunkSize: number;
    maxCallsPerChunk: number;
    steadyCallsPerChunk: number;
    steadyRoundTrips: number;
    openingRoundTrips: number;
  }[];
}

export const FIRST_RESULT_TARGET_MS = 3000;
export const NAIVE_RATIO_TARGET = 0.1;
export const ROUND_TRIPS_PER_CHUNK_TARGET = 10;

const s = (ms: number) => (ms / 1000).toFixed(1);

export function checkTargets(results: NResult[], probe: ChunkSizeProbe, stops: StopSeries): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const at1000 = results.find((r) => r.n === 1000);
  const headline = at1000 ?? results[0];
  const quickNote = at1000 ? '' : ` (at N=${headline.n}: --quick)`;

  const worst = worstAfterStop(stops);
  checks.push({
    target: `sent_after_stop <= ${STOP_BRAKE_TARGET}: cancels reaching AODocs after Stop, worst of ${stops.runs.length} seeded presses (defaults, N=${stops.n})`,
    met: worst <= STOP_BRAKE_TARGET,
    detail:
      `${worst}; by press: ` +
      stops.runs.map((r) => `${s(r.pressAtMs)} s -> ${r.sentAfterStop}`).join(', ') +
      `; bound chunk size x chunks in flight = ${stops.chunkSize * stops.chunksInFlight}`,
  });
  checks.push({
    target: `first_result_s <= ${FIRST_RESULT_TARGET_MS / 1000}: confirmation to the first row written (modelled)`,
    met: headline.model.firstResultMs <= FIRST_RESULT_TARGET_MS,
    detail: results.map((r) => `N=${r.n}: ${(r.model.firstResultMs / 1000).toFixed(2)} s`).join('; '),
  });
  checks.push({
    target: `ours/naive <= ${NAIVE_RATIO_TARGET} at N=1,000 (modelled)${quickNote}`,
    met: at1000 ? at1000.oursOverNaive <= NAIVE_RATIO_TARGET : undefined,
    detail: results
      .map(
        (r) =>
          `N=${r.n}: ${r.oursOverNaive.toPrecision(3)}${r.naive.measured ? '' : ' (naive extrapolated)'}` +
          ` (emulator wall: ${r.oursOverNaiveMeasured.toPrecision(3)})`,
      )
      .join('; '),
  });
  const sizesSteady = new Set(probe.bySize.map((p) => p.steadyRoundTrips));
  checks.push({
    target: `sheets_roundtrips_per_chunk <= ${ROUND_TRIPS_PER_CHUNK_TARGET}: Sheets calls of a steady chunk that reach the spreadsheet`,
    met: results.every((r) => r.roundTrips.steady <= ROUND_TRIPS_PER_CHUNK_TARGET),
    detail:
      results
        .map(
          (r) =>
            `N=${r.n}: ${r.roundTrips.steady} (opening ${r.roundTrips.opening}, most ${r.roundTrips.maxAfterOpening})`,
        )
        .join('; ') +
      `; N=${probe.n} at chunk sizes ${probe.bySize.map((p) => `${p.chunkSize}: ${p.steadyRoundTrips}`).join(', ')}` +
      (sizesSteady.size === 1 ? ' (independent of the chunk size)' : ' (depends on the chunk size)'),
  });
  checks.push({
    target: 'ours/platform as low as the brake allows (no figure set; platform = the least any design could take)',
    met: undefined,
    detail: results
      .map(
        (r) =>
          `N=${r.n}: ${r.oursOverPlatform.toFixed(1)}; the brake alone (at most ${r.floor.brake} after Stop) allows ` +
          `${(r.floor.totalMs / r.platform.totalMs).toFixed(1)}`,
      )
      .join('; '),
  });
  const exact = results.every(
    (r) =>
      r.ours.counts.urlFetchRequests === r.n &&
      r.ours.counts.distinctJobIdsRequested === r.n &&
      r.ours.counts.repeatedJobIds === 0,
  );
  checks.push({
    target: 'Exactly one UrlFetch request per distinct job ID when nothing fails',
    met: exact,
    detail: results
      .map((r) => `N=${r.n}: ${r.ours.counts.urlFetchRequests} requests, ${r.ours.counts.distinctJobIdsRequested} IDs`)
      .join('; '),
  });
  const at5000 = results.find((r) => r.n === 5000);
  checks.push({
    target: `5,000 jobs complete, no execution over ${EXECUTION_TARGET_MS / 1000} s of modelled time`,
    met: at5000
      ? at5000.ours.finished === 5000 &&
        at5000.ours.notSent === 0 &&
        at5000.ours.rowsCancelled === 5000 &&
        at5000.model.maxExecutionMs <= EXECUTION_TARGET_MS
      : undefined,
    detail: at5000
      ? `${at5000.ours.rowsCancelled} rows Cancelled, ${at5000.ours.notSent} not sent; longest execution ` +
        `${s(at5000.model.maxExecutionMs)} s modelled (${at5000.model.longestFunction})`
      : 'not run (--quick)',
  });
  return checks;
}
