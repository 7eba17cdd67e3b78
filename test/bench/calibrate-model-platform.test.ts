// "--calibrate prices the model with the fitted fetchAll line". Round trip: a platform that
// behaves exactly as the benchmark's default cost model (bench/cost-model.ts modelledFetchCall: ceil(n / 20) x L +
// 50 ms hop, L = 200 ms) is measured the way runDiagnostics measures it (src/server/diagnostics.ts), the block is
// written (calibrationJson), read (parseCalibration) and priced (calibratedCost). Calibrating against the model's
// own platform must give the model's own figures back, or --calibrate mis-prices real tenants the same way.
import { calibratedCost, parseCalibration } from '../../bench/calibration';
import { DEFAULT_COST, modelledFetchCall } from '../../bench/cost-model';
import {
  FETCH_ALL_SIZES,
  calibrationJson,
  fitLine,
  parallelismFromLine,
  roundTripStats,
} from '../../src/core/diagnostics';
import type { PlatformFigures } from '../../src/shared/api';

const L = 200;

function measuredBlock(): string {
  const fetchMs = modelledFetchCall(1, L, DEFAULT_COST);
  const fetchAllTimes = FETCH_ALL_SIZES.map((requests) => ({ requests, ms: modelledFetchCall(requests, L) }));
  const line = fitLine(fetchAllTimes);
  const { parallelism, atLeast } = parallelismFromLine(fetchMs, line, Math.max(...FETCH_ALL_SIZES));
  const figures: PlatformFigures = {
    fetchMs,
    fetchAllTimes,
    fetchAllOverheadMs: line.overheadMs,
    fetchAllPerRequestMs: line.perRequestMs,
    fetchAllParallelism: parallelism,
    fetchAllParallelismAtLeast: atLeast,
    plainTextKeepsApostrophe: true,
    markedFormulaStaysText: true,
    locale: 'en',
    signedIn: true,
    outsideAllowlist: { refused: true, name: 'Exception', message: 'x' },
    authorization: { status: 'NOT_REQUIRED', grantedScopes: null, openidGranted: null },
    token: { present: false },
    accountType: 'unknown',
    aodocsAnswers: [],
    sheetCalls: { calls: 100, isRowHiddenByUserMs: 1, getDisplayValuesMs: 1, flushMs: 1 },
    cache: { putMs: 1, getMs: 1, readBackSameCall: true, key: 'k', value: 'v' },
    documentLock: { present: true, tryLockMs: 1, acquired: true },
    serverMs: 1,
  };
  const trips = roundTripStats(Array(11).fill(DEFAULT_COST.executionStartMs));
  return calibrationJson(figures, trips, true, '2026-12-08T00:00:00Z');
}

test('calibrating on the default model platform gives back its fetchAll parallelism (20)', () => {
  const cost = calibratedCost(DEFAULT_COST, parseCalibration(measuredBlock(), 'model.json'), L);
  expect(Math.abs(cost.fetchAllParallelism - DEFAULT_COST.fetchAllParallelism)).toBeLessThanOrEqual(5);
});

test('calibrating on the default model platform gives back its fetch hop (50 ms)', () => {
  const cost = calibratedCost(DEFAULT_COST, parseCalibration(measuredBlock(), 'model.json'), L);
  expect(Math.abs(cost.fetchCallOverheadMs - DEFAULT_COST.fetchCallOverheadMs)).toBeLessThanOrEqual(15);
});
