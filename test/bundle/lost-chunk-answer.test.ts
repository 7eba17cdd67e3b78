// Hostile review: a chunk whose server execution did its work but whose answer never reached the sidebar
// (google.script.run's failure handler: the sidebar's connection dropped). Run again sends those jobs again as
// planned (the end screen no longer claims finished rows are skipped); it must not erase that this user cancelled
// them.
import { randomBytes } from 'node:crypto';
import { demoJobIds } from '../../simulator/demo-seed';
import { runJobs } from '../../src/client/run-driver';
import { planForAgain } from '../../src/client/panels/run-panel';
import { notSentSentence } from '../../src/client/wording';
import type { ChunkRequest, ChunkResult, FinalPlanAnswer } from '../../src/shared/api';
import { Addon, startAddon } from '../support/addon';

const ids = demoJobIds();

describe('a chunk whose answer was lost on the way back to the sidebar', () => {
  let addon: Addon;
  beforeAll(async () => {
    addon = await startAddon({ env: { clock: 'virtual' } });
  });
  afterAll(() => addon.close());

  test('Run again after a lost chunk answer never turns "Cancelled" into "Already cancelled"', async () => {
    const jobs = ids.inProgress.slice(120, 130);
    const sheet = addon.env.spreadsheet.addSheet('Lost', [['Job ID'], ...jobs.map((id) => [id])]);
    sheet.setFrozenRows(1);
    addon.env.spreadsheet.select('Lost', [`A2:A${jobs.length + 1}`]);
    const answer = (await addon.readPlan()) as Extract<FinalPlanAnswer, { ok: true }>;
    const plan = answer.plan;
    let calls = 0;
    const run = (p: typeof plan, loseFirst: boolean) =>
      runJobs({
        plan: p,
        action: 'cancel',
        chunkSize: p.chunkSize,
        chunksInFlight: p.chunksInFlight,
        randomBytes: (n) => randomBytes(n),
        send: async (request: ChunkRequest) => {
          const result = addon.bundle.callFromClient('runChunk', request) as ChunkResult;
          if (loseFirst && calls++ === 0) throw new Error('NetworkError: Connection failure due to HTTP 0');
          return result;
        },
        onProgress: () => undefined,
        stopRequested: () => false,
      });
    const first = await run(plan, true);
    const values = sheet.values();
    const result = values[0].indexOf('Result');
    const status = values[0].indexOf('Status');
    // The server did the opening chunk: its five rows read CANCELLED / Cancelled.
    expect(values.slice(1, 6).map((r) => [r[status], r[result]])).toEqual(Array(5).fill(['CANCELLED', 'Cancelled']));
    expect(notSentSentence(first.notSent, true)).not.toMatch(/finished rows are skipped/);
    addon.env.urlFetch.log.length = 0;
    // "Run again for the 5 jobs not sent", as the end screen offers it.
    await run(
      planForAgain(
        plan,
        first.unsent.map((j) => j.jobId),
      ),
      false,
    );
    const after = sheet.values();
    expect(after.slice(1, 6).map((r) => r[result])).toEqual(Array(5).fill('Cancelled'));
  });
});
