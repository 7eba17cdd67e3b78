// A run's pacing through the bundle and the simulator, on sheets as admins have them: answers about single jobs
// never stop a run however many come first, one job on many rows runs, and a long Retry-After pauses the run.
import { demoJobIds } from '../../simulator/demo-seed';
import { aodocsId } from '../../simulator/ids';
import { startAddon } from '../support/addon';

const ids = demoJobIds();

test('5 unknown and 5 foreign-library IDs at the top: everything is sent, the 30 good ones are cancelled', async () => {
  const unknown = Array.from({ length: 5 }, (_, i) => aodocsId(`gone:${i}`));
  const foreign = ids.notAdmin.slice(0, 5);
  const good = ids.inProgress.slice(0, 30);
  const addon = await startAddon();
  try {
    addon.env.spreadsheet.addSheet('Jobs', [['Job ID'], ...[...unknown, ...foreign, ...good].map((id) => [id])]);
    addon.env.spreadsheet.select('Jobs', ['A2:A41']);
    const { end } = await addon.run('cancel');
    expect(end.stoppedBecause).toBeUndefined();
    expect(end.notSent).toBe(0);
    const cancels = (await addon.simulator.requestLog()).filter((r) => r.operation === 'cancel');
    expect(new Set(cancels.map((r) => r.path)).size).toBe(40);
    for (const id of good) expect((await addon.simulator.getJob(id))?.status).toBe('CANCELLED');
    const result = (id: string) => end.results.find((r) => r.jobId === id)?.result;
    expect(unknown.map(result)).toEqual(Array(5).fill('Not found (404)'));
    expect(foreign.map(result)).toEqual(Array(5).fill('Not a library administrator (403)'));
  } finally {
    await addon.close();
  }
});

test('AODocs down (503 to everything): two slow-start rounds stop the run; the rest is not sent', async () => {
  const jobs = ids.inProgress.slice(0, 40);
  const addon = await startAddon({ simulator: { faults: { rates: { '503': 1 } } } });
  try {
    addon.env.spreadsheet.addSheet('Jobs', [['Job ID'], ...jobs.map((id) => [id])]);
    addon.env.spreadsheet.select('Jobs', ['A2:A41']);
    const { end, chunks } = await addon.run('cancel');
    expect(chunks.map((c) => c.jobs.length)).toEqual([5, 5]);
    expect(end.stoppedBecause).toMatch(/AODocs answered none of the first 10 jobs .*Try again later/);
    expect(end.notSent).toBe(30);
    expect(end.results.every((r) => r.result === 'AODocs unavailable, try again (503)' && r.transient)).toBe(true);
  } finally {
    await addon.close();
  }
});

/** A sheet of `rows` rows cycling through `jobIds` (each job on many rows, interleaved), all selected and run. */
async function manyRowsRun(jobIds: string[], rows: number) {
  const addon = await startAddon();
  try {
    const sheet = addon.env.spreadsheet.addSheet('Jobs', [
      ['Job ID'],
      ...Array.from({ length: rows }, (_, i) => [jobIds[i % jobIds.length]]),
    ]);
    addon.env.spreadsheet.select('Jobs', [`A2:A${rows + 1}`]);
    const { end, chunks } = await addon.run('cancel');
    const header = sheet.displayValues()[0];
    const status = header.indexOf('Status');
    const result = header.indexOf('Result');
    const written = sheet.displayValues().slice(1);
    const cancels = (await addon.simulator.requestLog()).filter((r) => r.operation === 'cancel');
    return { end, chunks, written, status, result, cancels };
  } finally {
    await addon.close();
  }
}

test('5 jobs on 2,104 rows: each sent once, every row written', async () => {
  const jobIds = ids.inProgress.slice(40, 45);
  const { end, written, status, result, cancels } = await manyRowsRun(jobIds, 2104);
  expect(end.stoppedBecause).toBeUndefined();
  expect(cancels).toHaveLength(5);
  expect(written.every((row) => row[status] === 'CANCELLED' && row[result] === 'Cancelled')).toBe(true);
});

test('one job on 2,500 rows: sent once, every row written', async () => {
  const { end, chunks, written, status, result, cancels } = await manyRowsRun(ids.inProgress.slice(45, 46), 2500);
  expect(end.stoppedBecause).toBeUndefined();
  expect(chunks).toHaveLength(1);
  expect(cancels).toHaveLength(1);
  expect(written.every((row) => row[status] === 'CANCELLED' && row[result] === 'Cancelled')).toBe(true);
});

/** A clock the run driver pauses on: sleeping moves it on at once. */
function fakeTime() {
  const t = { clock: 0, slept: 0 };
  return {
    t,
    now: () => t.clock,
    sleep: async (ms: number) => {
      t.slept += ms;
      t.clock += ms;
    },
  };
}

describe('AODocs rate-limits with a Retry-After longer than a chunk waits', () => {
  const jobs = ids.inProgress.slice(50, 80);

  async function rateLimitedRun(retryAfterSeconds: number, limited: string[]) {
    const addon = await startAddon({
      simulator: {
        retryAfterSeconds,
        faults: { targeted: limited.map((jobId) => ({ jobId, operation: 'cancel' as const, fault: '429' as const })) },
      },
    });
    try {
      addon.env.spreadsheet.addSheet('Jobs', [['Job ID'], ...jobs.map((id) => [id])]);
      addon.env.spreadsheet.select('Jobs', [`A2:A${jobs.length + 1}`]);
      const time = fakeTime();
      const sentAt: number[] = [];
      const { end, chunks } = await addon.run('cancel', {
        now: time.now,
        sleep: time.sleep,
        beforeChunk: () => sentAt.push(time.t.clock),
      });
      const log = await addon.simulator.requestLog();
      const status = new Map<string, string | undefined>();
      for (const id of jobs) status.set(id, (await addon.simulator.getJob(id))?.status);
      return { end, chunks, sentAt, time, log, status };
    } finally {
      await addon.close();
    }
  }

  test('Retry-After 60 s on 3 jobs: they come back unsent, the run pauses 60 s, then every job is cancelled', async () => {
    const { end, chunks, sentAt, time, log, status } = await rateLimitedRun(60, jobs.slice(0, 3));
    expect(end).toMatchObject({ stoppedBecause: undefined, notSent: 0, jobsDone: 30 });
    expect(end.results.filter((r) => /unavailable/.test(r.result))).toEqual([]);
    expect([...status.values()].every((s) => s === 'CANCELLED')).toBe(true);
    // The opening chunk handed the 3 back; nothing went out for 60 s, then they went first.
    expect(chunks[1].jobs.map((j) => j.jobId)).toEqual(jobs.slice(0, 3));
    expect(sentAt[1]).toBeGreaterThanOrEqual(60_000);
    expect(time.t.slept).toBeGreaterThanOrEqual(60_000);
    // Each of the 3 got its 429 once and one cancel more: nothing sent at full speed meanwhile.
    expect(log.filter((r) => r.operation === 'cancel')).toHaveLength(33);
  });

  test('Retry-After of an hour: the run stops after the opening chunk and says why; the rest is not sent', async () => {
    const { end, log, time } = await rateLimitedRun(3600, jobs.slice(0, 3));
    expect(end.stoppedBecause).toMatch(/AODocs asks to wait 60 min before more requests/);
    expect(end.notSent).toBe(28);
    expect(time.t.slept).toBe(0);
    expect(log.filter((r) => r.operation === 'cancel')).toHaveLength(5);
  });
});
