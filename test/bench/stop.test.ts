// The benchmark's Stop run on the real bundle: a press before the opening chunk reaches its check lets only that
// chunk through; a press just after the chunks in flight left lets all of them through, and nothing more.
// The execution start is made 10 s here, so that where the press falls does not depend on this machine's speed.
import { DEFAULT_BUILD_DIR } from '../../emulator/environment';
import { startSimulator, SimulatorHandle } from '../../simulator/simulator-process';
import { DEFAULT_COST } from '../../bench/cost-model';
import { runWithStop } from '../../bench/stop';

const cost = { ...DEFAULT_COST, executionStartMs: 10_000 };
let simulator: SimulatorHandle;

beforeAll(async () => {
  simulator = await startSimulator({ latencyMs: 0 });
});
afterAll(async () => {
  await simulator.close();
});

const run = (press: { at: number } | { afterOpening: number }) =>
  runWithStop(simulator, {
    n: 45,
    chunkSize: 10,
    chunksInFlight: 2,
    buildDir: DEFAULT_BUILD_DIR,
    seed: 1,
    press,
    cost,
  });

test('Stop before the opening chunk checks: its 5 cancels go, nothing after', async () => {
  const stop = await run({ at: 1 });
  expect(stop).toMatchObject({ cancelsBeforePress: 0, sentAfterStop: 5, chunksSent: 1, notSent: 40 });
  // The driver sees the Stop when the opening chunk comes back, and tells the server then.
  expect(stop.stopSeenAtMs).toBeGreaterThan(10_000);
  expect(stop.markSetAtMs).toBe(stop.stopSeenAtMs! + 10_000);
});

test('Stop while two chunks are starting: both send (the brake bound, 2 x 10), none after them', async () => {
  // The next two chunks leave when the opening chunk comes back, and check 10 s later.
  const stop = await run({ afterOpening: 5_000 });
  expect(stop).toMatchObject({ cancelsBeforePress: 5, sentAfterStop: 20, chunksSent: 3, chunksHeldByServer: 0 });
  expect(stop.notSent).toBe(20);
});
