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
