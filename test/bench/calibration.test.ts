// `npm run bench -- --calibrate <file>` reads what Settings > Diagnostics gives to copy, and prices the model with it.
import { calibratedCost, calibrationLines, parseCalibration } from '../../bench/calibration';
import { DEFAULT_COST } from '../../bench/cost-model';
import { calibrationJson } from '../../src/core/diagnostics';

const block = calibrationJson(
  {
    fetchMs: 320,
    fetchAllMs: 640,
    fetchAllParallelism: 5,
    plainTextKeepsApostrophe: true,
    markedFormulaStaysText: true,
    identityAudience: 'x.apps.googleusercontent.com',
    serverMs: 700,
  },
  1600,
  '2026-12-01T00:00:00Z',
);

test('the block Diagnostics gives is what the bench reads', () => {
  expect(parseCalibration(block, 'diag.json')).toEqual({
    file: 'diag.json',
    measuredAt: '2026-12-01T00:00:00Z',
    executionStartMs: 1600,
    fetchHopMs: 320,
    fetchAllParallelism: 5,
    plainTextKeepsApostrophe: true,
    markedFormulaStaysText: true,
  });
});

test('the measured figures replace the assumptions; the hop is a request less AODocs’ modelled latency', () => {
  const cost = calibratedCost(DEFAULT_COST, parseCalibration(block, 'diag.json'), 200);
  expect(cost).toEqual({ ...DEFAULT_COST, executionStartMs: 1600, fetchCallOverheadMs: 120, fetchAllParallelism: 5 });
  expect(calibrationLines(parseCalibration(block, 'diag.json'), cost)[0]).toBe(
    'execution start 1600 ms: measured (diag.json, 2026-12-01T00:00:00Z)',
  );
  expect(calibrationLines(undefined, DEFAULT_COST)[0]).toBe(
    `execution start ${DEFAULT_COST.executionStartMs} ms: assumed`,
  );
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
  ['a parallelism of 0', block.replace('"fetchAllParallelism": 5', '"fetchAllParallelism": 0')],
])('%s is refused with a sentence', (_name, text) => {
  expect(() => parseCalibration(text, 'x.json')).toThrow(/^--calibrate: /);
});
