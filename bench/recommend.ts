// Picks chunk size and chunks in flight from the tuning table. Rule: the fastest modelled run at N = 1,000 among
// settings that
// - keep a chunk to one fetchAll wave: at most FETCH_ALL_PARALLELISM requests, inside the research notes' advice of
//   10-25 cancel requests per fetchAll so that AODocs is not flooded (research notes 1.2 [I/C]);
// - every browser can carry out: at most 6 google.script.run calls at once (browsers keep about 6 connections per
//   host over HTTP/1.1 [I]), below the 10 google.script.run allows [D]
//   https://developers.google.com/apps-script/guides/html/communication;
// then, among settings within 5% of that, the one with the fewest jobs in flight (a cancel cannot be undone, and
// the chunks in flight still run after Stop).
import { FETCH_ALL_PARALLELISM } from './cost-model';
import type { TuningRow } from './tuning';

export const MAX_IN_FLIGHT_ALL_BROWSERS = 6;
const NEAR = 1.05;

export function recommend(rows: TuningRow[]): TuningRow | undefined {
  const allowed = rows.filter(
    (r) => r.chunksInFlight <= MAX_IN_FLIGHT_ALL_BROWSERS && r.chunkSize <= FETCH_ALL_PARALLELISM,
  );
  if (allowed.length === 0) return undefined;
  const best = Math.min(...allowed.map((r) => r.wallMs));
  return allowed
    .filter((r) => r.wallMs <= best * NEAR)
    .sort((a, b) => a.requestsInFlight - b.requestsInFlight || a.wallMs - b.wallMs)[0];
}
