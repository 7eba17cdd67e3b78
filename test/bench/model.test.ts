// The benchmark's own arithmetic: the platform bound and the brake floor, the schedule with slow start, which
// Sheets calls count as round trips, the modelled clock the Stop runs use, and the rule that picks the defaults.
import { DEFAULT_COST, MAX_REQUESTS_IN_FLIGHT, sheetsRoundTrips } from '../../bench/cost-model';
import { brakeFloor, platformBound } from '../../bench/platform';
import { bindingCapSentence } from '../../bench/markdown-header';
import { modelOurs, roundTripsOf } from '../../bench/analysis';
import { recommend } from '../../bench/recommend';
import { pressMoments } from '../../bench/stop';
import { VirtualClock } from '../../bench/virtual-time';
import type { TuningRow } from '../../bench/tuning';
import type { ExecutionMeasure } from '../../bench/execution-recorder';
import type { OursRun } from '../../bench/ours';

const cost = { ...DEFAULT_COST, sheetsCellMs: 0, sheetsReadCallMs: 0, sheetsWriteCallMs: 0 };

test("C_max: a sidebar's 10 google.script.run calls at once (not the user's 30 executions) x 20 requests", () => {
  expect(MAX_REQUESTS_IN_FLIGHT).toBe(200);
  expect(bindingCapSentence('sidebar')).toMatch(/^The cap that binds is the sidebar's: .* 10 calls at once/);
});

test('platform bound: one start, ceil(N / C_max) waves of L + hop, one read and one write', () => {
  const bound = platformBound(1000, 200, cost);
  expect(bound).toMatchObject({ executionsAtOnce: 10, bindingCap: 'sidebar', maxInFlight: 200 });
  expect(bound.waves).toBe(5);
  expect(bound.totalMs).toBe(500 + 5 * (200 + 50));
  expect(platformBound(1000, 200).sheetsMs).toBeCloseTo(7 + 7 + 10_000 * 0.1);
});

test('brake floor: at most `brake` sends per execution start, the last wave answered', () => {
  // 1,000 cancels, 40 per 500 ms: 25 waves, 24 gaps of 500 ms, then the last wave's 250 ms.
  expect(brakeFloor(1000, 40, 200, cost).totalMs).toBe(500 + 24 * 500 + 250);
  // A brake above C_max changes nothing more than C_max does.
  expect(brakeFloor(1000, 5000, 200, cost).waves).toBe(5);
});

function execution(calls: Record<string, number>, fetchMs = 0): ExecutionMeasure {
  return {
    functionName: 'runChunk',
    wallMs: fetchMs,
    ok: true,
    calls,
    cellsRead: 0,
    cellsWritten: 0,
    fetchCalls: fetchMs > 0 ? [{ requests: 20, durationMs: fetchMs }] : [],
  };
}

test('the opening chunk runs alone, the others chunksInFlight at a time', () => {
  const chunk = execution({}, 200); // 500 start + 200 + 50 hop = 750 ms
  const run = {
    n: 45,
    chunkSize: 20,
    chunksInFlight: 2,
    planSteps: [],
    chunks: [chunk, chunk, chunk],
    chunkJobs: [5, 20, 20],
  } as unknown as OursRun;
  const model = modelOurs(run, 2, cost);
  expect(model.firstResultMs).toBe(750);
  expect(model.runMs).toBe(1500);
  expect(modelOurs(run, 1, cost).runMs).toBe(2250);
});

test('round trips: handle getters are left out; a steady chunk is the count most chunks make', () => {
  const steady = {
    'SpreadsheetApp.getActiveSpreadsheet': 1,
    'Spreadsheet.getSheetById': 2,
    'Spreadsheet.getSheetByName': 1,
    'Sheet.getRange': 5,
    'Sheet.getName': 1,
    'Range.getDisplayValues': 3,
    'Range.setValues': 2,
    'SpreadsheetApp.flush': 1,
    'Properties.getProperty': 1,
  };
  expect(sheetsRoundTrips(steady)).toEqual({
    'Range.getDisplayValues': 3,
    'Range.setValues': 2,
    'SpreadsheetApp.flush': 1,
  });
  const grown = { ...steady, 'Sheet.getMaxRows': 2, 'Sheet.insertRowsAfter': 1 };
  const trips = roundTripsOf([execution(grown), execution(steady), execution(steady), execution(grown)]);
  expect(trips).toMatchObject({ opening: 9, steady: 6, maxAfterOpening: 9 });
});

test('the modelled clock fires events in time order and settles the promises in between', async () => {
  const clock = new VirtualClock();
  const seen: string[] = [];
  const wait = (ms: number, name: string) =>
    new Promise<void>((resolve) => clock.at(clock.now + ms, () => (seen.push(`${name}@${clock.now}`), resolve())));
  const work = (async () => {
    await Promise.all([wait(300, 'a'), wait(100, 'b').then(() => wait(100, 'c'))]);
    return clock.now;
  })();
  expect(await clock.run(work)).toBe(300);
  expect(seen).toEqual(['b@100', 'c@200', 'a@300']);
});

test('Stop presses are seeded: the same moments every run, inside the window', () => {
  const a = pressMoments(5, 1000, 2000, 'x');
  expect(pressMoments(5, 1000, 2000, 'x')).toEqual(a);
  expect(a.every((t) => t >= 1000 && t < 2000)).toBe(true);
  expect(new Set(a).size).toBe(5);
});

test('the default keeps the brake, then is the fastest, then has the fewest executions among near ties', () => {
  const r = (chunkSize: number, chunksInFlight: number, wallMs: number, sentAfterStop?: number): TuningRow => ({
    chunkSize,
    chunksInFlight,
    brake: chunkSize * chunksInFlight,
    effectiveInFlight: 0,
    chunks: Math.ceil(1000 / chunkSize),
    wallMs,
    runMs: wallMs,
    firstResultMs: 0,
    oursOverNaive: 0,
    oursOverPlatform: 0,
    floorMs: 0,
    maxExecutionMs: 0,
    roundTripsSteady: 0,
    sentAfterStop,
  });
  const rows = [r(10, 4, 27_000), r(20, 2, 27_500), r(20, 4, 15_000), r(10, 3, 35_000), r(40, 1, 24_000, 60)];
  expect(recommend(rows)).toMatchObject({ chunkSize: 20, chunksInFlight: 2 });
});
