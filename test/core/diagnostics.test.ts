// The figures Diagnostics derives, and the calibration block the benchmark reads.
import {
  accountType,
  calibrationJson,
  errorReason,
  fitLine,
  headerFigure,
  parallelismFromLine,
  roundTripStats,
  tokenFigures,
} from '../../src/core/diagnostics';
import type { PlatformFigures } from '../../src/shared/api';

const sizes = [1, 5, 10, 20, 40];
const points = (ms: (n: number) => number) => sizes.map((requests) => ({ requests, ms: ms(requests) }));

test.each<[string, { requests: number; ms: number }[], number, number]>([
  ['an exact line', points((n) => 100 + 10 * n), 100, 10],
  ['flat: everything at once', points(() => 300), 300, 0],
  ['one after another', points((n) => 250 * n), 0, 250],
  // Waves of 10 requests of 100 ms: 100, 100, 100, 200, 400 (regression by hand: Sxy 7920, Sxx 970.8).
  ['waves of 10', points((n) => 100 * Math.ceil(n / 10)), 180 - (7920 / 970.8) * 15.2, 7920 / 970.8],
  ['one point only: no slope', [{ requests: 5, ms: 80 }], 80, 0],
  ['no point', [], 0, 0],
])('line fit, %s', (_name, data, overhead, perRequest) => {
  const line = fitLine(data);
  expect(line.overheadMs).toBeCloseTo(overhead, 6);
  expect(line.perRequestMs).toBeCloseTo(perRequest, 6);
});

test.each<[string, number, number, number, { parallelism: number; atLeast: boolean }]>([
  // The case that motivated the line fit: 5 requests that clearly ran together (100 ms alone, 166 together) scored 3 as
  // n x single / together; the slope says a request adds 16.5 ms, a sixth of a single request: more than 5.
  ['ran together, overhead counted apart', 100, 16.5, 5, { parallelism: 5, atLeast: true }],
  ['one after another', 250, 250, 40, { parallelism: 1, atLeast: false }],
  ['waves of 10 (slope 8.16 ms, single 100 ms)', 100, 7920 / 970.8, 40, { parallelism: 12, atLeast: false }],
  ['flat line: at least the most requests timed', 300, 0, 40, { parallelism: 40, atLeast: true }],
  ['falling line (noise)', 300, -2, 40, { parallelism: 40, atLeast: true }],
  ['slower than serial: still 1', 100, 400, 40, { parallelism: 1, atLeast: false }],
  ['nothing measurable', 0, 10, 40, { parallelism: 1, atLeast: false }],
])('parallelism, %s', (_name, single, perRequest, most, expected) => {
  expect(parallelismFromLine(single, { overheadMs: 0, perRequestMs: perRequest }, most)).toEqual(expected);
});

test.each<[string, number[], Partial<ReturnType<typeof roundTripStats>>]>([
  [
    'first apart, 10 after it',
    [2000, 500, 510, 490, 520, 530, 480, 900, 505, 515, 495],
    { firstMs: 2000, count: 10, medianMs: 507.5, p90Ms: 530, maxMs: 900 },
  ],
  ['odd count', [1, 30, 10, 20], { firstMs: 1, count: 3, medianMs: 20, p90Ms: 30, maxMs: 30 }],
  ['the first only', [700], { firstMs: 700, count: 0, medianMs: 700, p90Ms: 700, maxMs: 700 }],
  ['nothing', [], { firstMs: 0, count: 0, medianMs: 0, p90Ms: 0, maxMs: 0 }],
])('round trips, %s', (_name, samples, expected) => {
  expect(roundTripStats(samples)).toMatchObject(expected);
});

test('round trips at once: until all answered, and the slowest call', () => {
  expect(
    roundTripStats(
      [1, 2],
      [
        { allMs: 650, callMs: [600, 640] },
        { allMs: 900, callMs: [500, 880, 700, 650, 600, 610] },
      ],
    ).atOnce,
  ).toEqual([
    { calls: 2, allMs: 650, slowestMs: 640 },
    { calls: 6, allMs: 900, slowestMs: 880 },
  ]);
});

test.each<[string, Record<string, unknown> | undefined, ReturnType<typeof tokenFigures>, string]>([
  ['no token', undefined, { present: false }, 'unknown'],
  [
    'Workspace',
    {
      iss: 'https://accounts.google.com',
      aud: 'c.apps.googleusercontent.com',
      azp: 'c.apps.googleusercontent.com',
      hd: 'example.com',
      email: 'someone@example.com',
      email_verified: true,
      iat: 1000,
      exp: 4600,
    },
    {
      present: true,
      iss: 'https://accounts.google.com',
      aud: 'c.apps.googleusercontent.com',
      azp: 'c.apps.googleusercontent.com',
      audEqualsAzp: true,
      hd: 'example.com',
      emailVerified: true,
      lifetimeSeconds: 3600,
    },
    'workspace',
  ],
  [
    'consumer, azp differs, email_verified as a string',
    { iss: 'accounts.google.com', aud: 'a', azp: 'b', email_verified: 'true', iat: 10 },
    {
      present: true,
      iss: 'accounts.google.com',
      aud: 'a',
      azp: 'b',
      audEqualsAzp: false,
      hd: undefined,
      emailVerified: true,
      lifetimeSeconds: undefined,
    },
    'consumer',
  ],
  [
    'azp absent: not "equal"',
    { aud: 'a' },
    {
      present: true,
      iss: undefined,
      aud: 'a',
      azp: undefined,
      audEqualsAzp: false,
      hd: undefined,
      emailVerified: undefined,
      lifetimeSeconds: undefined,
    },
    'consumer',
  ],
])('token claims and account type, %s', (_name, claims, expected, account) => {
  const figures = tokenFigures(claims);
  expect(figures).toEqual(expected);
  // The email never becomes a figure.
  expect(JSON.stringify(figures)).not.toMatch(/@/);
  expect(accountType(figures)).toBe(account);
});

test.each<[string, string, string | null]>([
  ['notFound', '{"error":{"code":404,"message":"x","errors":[{"reason":"notFound"}]}}', 'notFound'],
  ['no errors', '{"error":{"code":401}}', null],
  ['HTML', '<html>Sign in</html>', null],
  ['markup in a reason', '{"error":{"errors":[{"reason":"<b>x</b>"}]}}', null],
])('errors[0].reason: %s', (_name, body, reason) => {
  expect(errorReason(body)).toBe(reason);
});

test('a header figure: the first value, one line, at most 200 characters', () => {
  expect(headerFigure(undefined)).toBeNull();
  expect(headerFigure(['a', 'b'])).toBe('a');
  expect(headerFigure('x\r\ny')).toBe('x y');
  expect(headerFigure('z'.repeat(300))).toHaveLength(200);
});

const FIGURES: PlatformFigures = {
  fetchMs: 80,
  fetchAllTimes: [
    { requests: 1, ms: 90 },
    { requests: 40, ms: 480 },
  ],
  fetchAllOverheadMs: 80.4,
  fetchAllPerRequestMs: 10.04,
  fetchAllParallelism: 8,
  fetchAllParallelismAtLeast: false,
  plainTextKeepsApostrophe: true,
  markedFormulaStaysText: true,
  identityAudience: 'a.apps.googleusercontent.com',
  locale: 'fr',
  signedIn: true,
  outsideAllowlist: { refused: true, name: 'Exception', message: 'x' },
  authorization: { status: 'NOT_REQUIRED', grantedScopes: ['openid'], openidGranted: true },
  token: { present: true, aud: 'a.apps.googleusercontent.com' },
  accountType: 'consumer',
  aodocsAnswers: [],
  sheetCalls: { calls: 100, isRowHiddenByUserMs: 700, getDisplayValuesMs: 800, flushMs: 900 },
  cache: { putMs: 30, getMs: 20, readBackSameCall: true, key: 'k', value: 'v' },
  documentLock: { present: true, tryLockMs: 40, acquired: true },
  serverMs: 900,
};

test('the calibration block: execution start is the median round trip; the fetchAll line; every figure after', () => {
  const trips = roundTripStats([3000, 1500, 1400, 1600, 2500]);
  const json = JSON.parse(calibrationJson(FIGURES, trips, true, '2026-12-01T00:00:00Z')) as Record<string, unknown>;
  expect(json).toMatchObject({
    measuredAt: '2026-12-01T00:00:00Z',
    executionStartMs: 1550,
    googleScriptRunRoundTripMs: 1550,
    roundTripP90Ms: 2500,
    fetchHopMs: 80,
    fetchAllOverheadMs: 80,
    fetchAllPerRequestMs: 10,
    fetchAllParallelism: 8,
    plainTextKeepsApostrophe: true,
    markedFormulaStaysText: true,
    identityAudience: 'a.apps.googleusercontent.com',
    identityAuthorizedParty: null,
    roundTrips: { firstMs: 3000, count: 4, maxMs: 2500 },
    locale: 'fr',
    accountType: 'consumer',
    cache: { putMs: 30, getMs: 20, readBackSameCall: true, readNextCall: true },
    documentLock: { present: true, tryLockMs: 40, acquired: true },
  });
  // The cache's value is what the next call compares, not a figure.
  expect(JSON.stringify(json)).not.toMatch(/"value"/);
});
