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
