// The oracle is tested too: build/Code.js patched into a deliberately broken add-on makes the generated runs
// fail, on the check that guards what the patch broke, while the same runs pass on the real bundle.
import { rmSync } from 'node:fs';
import fc from 'fast-check';
import { startSimulator, type SimulatorHandle } from '../../simulator/simulator-process';
import { parseDimensions } from './dimensions';
import { OracleFailure, patchedBuild, playScenario } from './drive';
import { scenarioArb } from './scenario';

let simulator: SimulatorHandle;
beforeAll(async () => {
  simulator = await startSimulator();
});
afterAll(() => simulator.close());

/** Replaces the one occurrence of `from`; throws when there is none or several (the patch must apply). */
function replaceOnce(from: string, to: string): (code: string) => string {
  return (code) => {
    const count = code.split(from).length - 1;
    if (count !== 1) throw new Error(`the patch expects "${from}" once in build/Code.js, found ${count}`);
    return code.replace(from, to);
  };
}

async function check(dimsText: string, buildDir?: string) {
  const dims = parseDimensions(dimsText);
  const details = await fc.check(
    fc.asyncProperty(scenarioArb(dims), async (scenario) => {
      await playScenario(scenario, { simulator, dims, buildDir });
    }),
    { seed: 18, numRuns: 40, endOnFailure: true },
  );
  const error = details.errorInstance;
  if (details.failed && !(error instanceof OracleFailure)) throw error;
  return { failed: details.failed, checks: error instanceof OracleFailure ? error.violations.map((v) => v.check) : [] };
}

test.each([
  {
    broken: 'a finished job that reads COMPLETED is reported "Cancelled"',
    from: 'COMPLETED: "Already completed"',
    to: 'COMPLETED: "Cancelled"',
    dims: 'none,+selectColumn,+finishedJobs',
    caughtBy: 'cancelled-only-if-cancelled-by-us',
  },
  {
    broken: 'a cancel answered 503 is sent up to 9 times',
    from: 'maxSends: 4,',
    to: 'maxSends: 9,',
    dims: 'none,+selectColumn,+transientFaults',
    caughtBy: 'sends-within-bounds',
  },
])(
  '$broken: the generated runs fail on $caughtBy, and pass on the real bundle',
  async ({ from, to, dims, caughtBy }) => {
    const dir = patchedBuild(replaceOnce(from, to));
    try {
      const broken = await check(dims, dir);
      expect(broken.failed).toBe(true);
      expect(broken.checks).toContain(caughtBy);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(await check(dims)).toEqual({ failed: false, checks: [] });
  },
  120_000,
);
