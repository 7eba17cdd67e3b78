// The data every scenario starts from: N in-progress jobs in the AODocs simulator (reset between scenarios, so
// ours and the naive reference cancel the same jobs), and a fresh emulated spreadsheet whose column A holds
// their IDs under a frozen "Job ID" header, selected as a user would select them.
import { createAppsScriptEnvironment, type AppsScriptEnvironment } from '../emulator/environment';
import type { SimulatorHandle } from '../simulator/simulator-process';
import { DEMO_ADMIN_EMAIL } from '../simulator/demo-seed';
import { PRODUCTION_BASE_URL } from '../src/core/settings';
import { bulkJobs } from '../test/support/bulk-jobs';

export const SHEET_NAME = 'Jobs';

export interface Fixture {
  env: AppsScriptEnvironment;
  jobIds: string[];
}

export async function prepareFixture(simulator: SimulatorHandle, n: number, buildDir: string): Promise<Fixture> {
  const jobs = bulkJobs(n, 'bench');
  await simulator.reset();
  await simulator.putJobs(jobs);
  const env = createAppsScriptEnvironment({
    userEmail: DEMO_ADMIN_EMAIL,
    buildDir,
    urlFetch: { routes: { [PRODUCTION_BASE_URL]: simulator.url } },
  });
  const jobIds = jobs.map((j) => j.jobId);
  const sheet = env.spreadsheet.addSheet(SHEET_NAME, [['Job ID'], ...jobIds.map((id) => [id])]);
  sheet.setFrozenRows(1);
  env.spreadsheet.select(SHEET_NAME, [`A2:A${n + 1}`]);
  env.counter.reset();
  env.spreadsheet.resetCellCounts();
  return { env, jobIds };
}

/** Values of the column whose header row (row 1) reads `header`, below the header. */
export function columnValues(env: AppsScriptEnvironment, header: string): unknown[] {
  const values = env.spreadsheet.sheet(SHEET_NAME).values();
  const c = values[0].indexOf(header);
  return c < 0 ? [] : values.slice(1).map((row) => row[c]);
}
