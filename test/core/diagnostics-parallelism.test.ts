// Diagnostics' fetchAll parallelism, fitted through 1, 5, 10, 20 and 40 requests,
// on a platform that behaves exactly as the benchmark's own cost model says (bench/cost-model.ts: one fetchAll
// costs ceil(requests / parallelism) x one request's time + a fixed overhead). The figure must give back the
// parallelism the platform has (20 is what the benchmark assumes; "Up to twice the parallelism the benchmark
// assumes (20), so that the slope can confirm it or show more": src/core/diagnostics.ts).
import { FETCH_ALL_SIZES, fitLine, parallelismFromLine } from '../../src/core/diagnostics';

const REQUEST_MS = 200;
const OVERHEAD_MS = 50;

function measured(parallelism: number) {
  const times = FETCH_ALL_SIZES.map((requests) => ({
    requests,
    ms: OVERHEAD_MS + Math.ceil(requests / parallelism) * REQUEST_MS,
  }));
  // A single fetch: one request plus the same call overhead.
  const singleMs = OVERHEAD_MS + REQUEST_MS;
  return parallelismFromLine(singleMs, fitLine(times), Math.max(...FETCH_ALL_SIZES));
}

test.each([10, 20])('a platform running %i requests at once reads as about that many', (parallelism) => {
  const figure = measured(parallelism);
  expect(figure.atLeast).toBe(false);
  // Within a quarter of the truth.
  expect(Math.abs(figure.parallelism - parallelism)).toBeLessThanOrEqual(parallelism / 4);
});

test('platforms running 20 and 30 at once are told apart (or the smaller is not read as about 40)', () => {
  const twenty = measured(20);
  expect(twenty.parallelism).toBeLessThan(30);
});
