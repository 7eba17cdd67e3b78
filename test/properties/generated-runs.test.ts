// Generated runs with an oracle: docs/BEHAVIOUR.md checked on runs no one wrote by hand.
//
// Each case is a generated scenario (scenario.ts): a sheet (header frozen or not, Type/Requestor/Notes columns
// with text that looks like IDs, blanks, invalid cells, duplicates, one ID on many rows, hidden rows, earlier
// Status/Result), a selection (a range of the Job ID column, cell ranges, whole rows), AODocs' answer for each
// job (running, finished, unknown, another library, 400, 409, 429 with Retry-After, 5xx before or after the
// cancel took effect, dropped connections, HTML pages), the platform (busy lock, quota, blocked requests, wrong
// settings) and the user (edits, sorts, inserted and deleted rows, Stop at any moment, Run again). drive.ts plays
// it through build/Code.js in the emulator against one shared simulator (reset per case), as the sidebar runs
// the add-on; after every run, oracle.ts checks the sheet and the simulator's truth. A failure names the check,
// the row or job, the seed and the path, with the command that replays it.
//
// How to run (npm run test:properties passes its options on as FC_* variables):
//   npm run test:properties                          CI's budget: 200 runs of the `ci` dimensions
//   npm run test:properties -- --seed 42 --path 7:1  replays a failure (seed and path as printed)
//   npm run test:properties -- --runs 5000           searches longer
//   npm run test:properties -- --dims all            every dimension (dimensions.ts), or `ci,+lockBusy,-sort`
// `npm test` runs this file with CI's budget (FC_RUNS, default 200) and the `ci` dimensions: those that fail
// today for a known defect are off there (dimensions.ts, OFF_IN_CI), to be switched on as fixed.
import { fc, test } from '@fast-check/jest';
import { startSimulator, type SimulatorHandle } from '../../simulator/simulator-process';
import { describeDimensions, parseDimensions } from './dimensions';
import { playScenario } from './drive';
import { Scenario, scenarioArb } from './scenario';

const dims = parseDimensions(process.env.FC_DIMS);
const runs = Number(process.env.FC_RUNS ?? 200);
const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
const path = process.env.FC_PATH;

let simulator: SimulatorHandle;
beforeAll(async () => {
  simulator = await startSimulator();
});
afterAll(() => simulator.close());

/** fast-check's own report, with the one command that replays the failure. */
function report(details: fc.RunDetails<[Scenario]>): void {
  if (!details.failed) return;
  const replay =
    `npm run test:properties -- --seed ${details.seed} --path ${details.counterexamplePath}` +
    ` --dims ${describeDimensions(dims)}`;
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(`${fc.defaultReportMessage(details)}\n\n${error}\n\nReplay: ${replay}`);
}

test.prop([scenarioArb(dims)], {
  numRuns: path === undefined ? runs : 1,
  ...(seed === undefined ? {} : { seed }),
  ...(path === undefined ? {} : { path }),
  endOnFailure: path !== undefined,
  reporter: report,
})(
  `generated runs keep every row truthful, every cancel traced, every run bounded (${runs} runs, dims ${describeDimensions(dims)})`,
  async (scenario) => {
    await playScenario(scenario, { simulator, dims });
  },
  // About 0.3 s a case on this machine; generous for shrinking a failure.
  Math.max(10 * 60_000, runs * 2_000),
);
