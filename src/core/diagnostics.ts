// Platform diagnostics: what the benchmark's cost model and the emulator assume about Apps Script, measured where
// the add-on really runs. This module turns raw timings into the figures and the JSON block a maintainer copies
// into `npm run bench -- --calibrate <file>`; the server measures, the sidebar shows.
import type { PlatformFigures } from '../shared/api';

/**
 * Requests sent together to estimate fetchAll's parallelism; each is a GET of a job that does not exist. Twice
 * the parallelism the benchmark assumes (20), so that the estimate can confirm it or show more.
 */
export const PARALLEL_PROBES = 40;
/** Single requests timed to estimate one request's hop (the least of them counts: the others met queues). */
export const SINGLE_PROBES = 3;

export function fetchAllParallelism(singleMs: number, togetherMs: number, requests: number): number {
  if (!(singleMs > 0 && togetherMs > 0)) return 1;
  return Math.max(1, Math.min(requests, Math.round((requests * singleMs) / togetherMs)));
}

/**
 * The block to copy: what the benchmark reads with --calibrate. `roundTripMs`: the median round trip of an empty
 * server call, as the sidebar measured it.
 */
export function calibrationJson(figures: PlatformFigures, roundTripMs: number, measuredAt: string): string {
  return JSON.stringify(
    {
      measuredAt,
      // The round trip of an empty call: an execution start, and the little the iframe's transport adds.
      executionStartMs: Math.round(roundTripMs),
      googleScriptRunRoundTripMs: Math.round(roundTripMs),
      fetchHopMs: Math.round(figures.fetchMs),
      fetchAllParallelism: figures.fetchAllParallelism,
      plainTextKeepsApostrophe: figures.plainTextKeepsApostrophe,
      markedFormulaStaysText: figures.markedFormulaStaysText,
      identityAudience: figures.identityAudience ?? null,
      identityAuthorizedParty: figures.identityAuthorizedParty ?? null,
    },
    null,
    2,
  );
}
