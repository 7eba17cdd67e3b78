// `npm run bench -- --calibrate <file>` reads what Settings > Diagnostics gives to copy, and prices the model with it.
import { calibratedCost, calibrationLines, parseCalibration, sensitivityExtras } from '../../bench/calibration';
import { DEFAULT_COST } from '../../bench/cost-model';
import { calibrationJson, roundTripStats } from '../../src/core/diagnostics';
import type { PlatformFigures } from '../../src/shared/api';

const figures: PlatformFigures = {
  fetchMs: 320,
  fetchAllTimes: [1, 5, 10, 20, 40].map((requests) => ({ requests, ms: 300 + 20 * requests })),
  fetchAllOverheadMs: 300,
  fetchAllPerRequestMs: 20,
  fetchAllParallelism: 16,
  fetchAllParallelismAtLeast: false,
  plainTextKeepsApostrophe: true,
  markedFormulaStaysText: true,
  identityAudience: 'x.apps.googleusercontent.com',
  locale: 'de',
  signedIn: true,
  outsideAllowlist: { refused: true, name: 'Exception', message: 'x' },
  authorization: { status: 'NOT_REQUIRED', grantedScopes: null, openidGranted: null },
  token: { present: false },
  accountType: 'unknown',
  aodocsAnswers: [],
  sheetCalls: { calls: 100, isRowHiddenByUserMs: 1, getDisplayValuesMs: 1, flushMs: 1 },
  cache: { putMs: 1, getMs: 1, readBackSameCall: true, key: 'k', value: 'v' },
  documentLock: { present: true, tryLockMs: 1, acquired: true },
  serverMs: 700,
};
// 10 round trips after the first: median 1600, p90 2400.
const trips = roundTripStats([5000, 1500, 1550, 1600, 1600, 1600, 1600, 1700, 1800, 2400, 3000]);
const block = calibrationJson(figures, trips, true, '2026-12-01T00:00:00Z');

test('the block Diagnostics gives is what the bench reads: the round-trip median and p90, the fetchAll line', () => {
  expect(parseCalibration(block, 'diag.json')).toEqual({
    file: 'diag.json',
    measuredAt: '2026-12-01T00:00:00Z',
    executionStartMs: 1600,
    roundTripP90Ms: 2400,
    fetchHopMs: 320,
    fetchAllLine: { overheadMs: 300, perRequestMs: 20 },
    fetchAllParallelism: 16,
    plainTextKeepsApostrophe: true,
    markedFormulaStaysText: true,
  });
});

test("the fetchAll line prices the hop (its overhead less AODocs' modelled latency) and the parallelism", () => {
  const calibration = parseCalibration(block, 'diag.json');
  const cost = calibratedCost(DEFAULT_COST, calibration, 200);
  expect(cost).toEqual({ ...DEFAULT_COST, executionStartMs: 1600, fetchCallOverheadMs: 100, fetchAllParallelism: 16 });
  expect(calibrationLines(calibration, cost).slice(0, 4)).toEqual([
    'execution start 1600 ms: measured (diag.json, 2026-12-01T00:00:00Z), the median round trip',
    'execution start p90 2400 ms: measured; the sensitivity table prices it too',
    "fetch hop 100 ms: measured (diag.json, 2026-12-01T00:00:00Z), the fetchAll line's overhead 300 ms less L",
    "fetchAll parallelism 16: measured (diag.json, 2026-12-01T00:00:00Z), from the line's 20 ms per request",
  ]);
  expect(calibrationLines(undefined, DEFAULT_COST)[0]).toBe(
    `execution start ${DEFAULT_COST.executionStartMs} ms: assumed`,
  );
});

test('the sensitivity table prices the execution start at the measured median and p90 too', () => {
  expect(sensitivityExtras(parseCalibration(block, 'diag.json'))).toEqual({ executionStartMs: [1600, 2400] });
  expect(sensitivityExtras(undefined)).toEqual({});
});

test('a block from before the line (single request, median only) is still read and priced as before', () => {
  const old = JSON.stringify({
    measuredAt: '2026-11-01T00:00:00Z',
    executionStartMs: 1500,
    fetchHopMs: 320,
    fetchAllParallelism: 5,
    plainTextKeepsApostrophe: false,
    markedFormulaStaysText: true,
  });
  const calibration = parseCalibration(old, 'old.json');
  expect(calibration.fetchAllLine).toBeUndefined();
  expect(calibratedCost(DEFAULT_COST, calibration, 200)).toEqual({
    ...DEFAULT_COST,
    executionStartMs: 1500,
    fetchCallOverheadMs: 120,
    fetchAllParallelism: 5,
  });
  expect(sensitivityExtras(calibration)).toEqual({ executionStartMs: [1500] });
});

test.each<[string, string]>([
  ['not JSON', 'execution start: 500'],
  [
    'a missing figure',
    JSON.stringify({
      fetchHopMs: 1,
      fetchAllParallelism: 2,
      plainTextKeepsApostrophe: false,
      markedFormulaStaysText: true,
    }),
  ],
  ['a parallelism of 0', block.replace('"fetchAllParallelism": 16', '"fetchAllParallelism": 0')],
  ['a p90 that is not a number', block.replace('"roundTripP90Ms": 2400', '"roundTripP90Ms": "slow"')],
])('%s is refused with a sentence', (_name, text) => {
  expect(() => parseCalibration(text, 'x.json')).toThrow(/^--calibrate: /);
});
