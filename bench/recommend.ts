// Picks chunk size and chunks in flight from the trade-off table. Stop takes an execution start to reach the
// server, so every chunk in flight may still send its cancels after the press: the brake bound is chunk size x
// chunks in flight, and docs/BEHAVIOUR.md's promise (docs/BEHAVIOUR.md 2.3, 7) is at most STOP_BRAKE_TARGET. Rule:
// - keep the promise: brake bound <= STOP_BRAKE_TARGET, and no measured press above it;
// - the fastest modelled run at N = 1,000 among those;
// - among settings within NEAR of it, the fewest executions (the largest chunks: fewer execution starts, Sheets
//   round trips and document-lock waits, none of which the model charges for contention), then the fewer in flight.
import type { TuningRow } from './tuning';

export const STOP_BRAKE_TARGET = 40;
const NEAR = 1.05;

export function recommend(rows: TuningRow[]): TuningRow | undefined {
  const allowed = rows.filter(
    (r) => r.brake <= STOP_BRAKE_TARGET && (r.sentAfterStop === undefined || r.sentAfterStop <= STOP_BRAKE_TARGET),
  );
  if (allowed.length === 0) return undefined;
  const best = Math.min(...allowed.map((r) => r.wallMs));
  return allowed
    .filter((r) => r.wallMs <= best * NEAR)
    .sort((a, b) => a.chunks - b.chunks || a.chunksInFlight - b.chunksInFlight || a.wallMs - b.wallMs)[0];
}
