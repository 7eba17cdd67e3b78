// The figures Diagnostics derives, and the calibration block the benchmark reads.
import { calibrationJson, fetchAllParallelism } from '../../src/core/diagnostics';

test.each<[number, number, number, number]>([
  [100, 100, 10, 10], // all at once
  [100, 500, 10, 2],
  [100, 1000, 10, 1], // one by one
  [100, 50, 10, 10], // faster together than one alone: capped at n
  [0, 100, 10, 1], // nothing measurable
])('single %i ms, %i ms together for %i: parallelism %i', (single, together, n, expected) => {
  expect(fetchAllParallelism(single, together, n)).toBe(expected);
});

test('the calibration block: execution start is the round trip of an empty call', () => {
  const json = JSON.parse(
    calibrationJson(
      {
        fetchMs: 80,
        fetchAllMs: 160,
        fetchAllParallelism: 5,
        plainTextKeepsApostrophe: true,
        markedFormulaStaysText: true,
        identityAudience: 'a.apps.googleusercontent.com',
        serverMs: 900,
      },
      1500,
      '2026-12-01T00:00:00Z',
    ),
  );
  expect(json).toEqual({
    measuredAt: '2026-12-01T00:00:00Z',
    executionStartMs: 1500,
    googleScriptRunRoundTripMs: 1500,
    fetchHopMs: 80,
    fetchAllParallelism: 5,
    plainTextKeepsApostrophe: true,
    markedFormulaStaysText: true,
    identityAudience: 'a.apps.googleusercontent.com',
    identityAuthorizedParty: null,
  });
});
