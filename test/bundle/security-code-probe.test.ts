// Security-code mode with AODocs' messages reworded: five foreign-library IDs at the top of a sheet (403, the
// code itself valid) must not stop the run (docs/BEHAVIOUR.md 2.4: answers about a job never stop a run). A read
// of a job that does not exist tells them from a refused code.
import { DEMO_SECURITY_CODES, demoJobIds } from '../../simulator/demo-seed';
import { startAddon } from '../support/addon';

const ids = demoJobIds();

test('security-code mode, reworded messages: 5 foreign IDs first do not trip the security-code breaker', async () => {
  const foreign = ids.notAdmin.slice(0, 5);
  const good = ids.inProgress.slice(0, 10);
  const addon = await startAddon({ simulator: { rewordMessages: true }, env: { clock: 'virtual' } });
  try {
    expect(addon.saveSettings({ authMode: 'security-code', securityCode: DEMO_SECURITY_CODES.admin })).toMatchObject({
      ok: true,
    });
    addon.env.spreadsheet.addSheet('Jobs', [['Job ID'], ...[...foreign, ...good].map((id) => [id])]);
    addon.env.spreadsheet.select('Jobs', ['A2:A16']);
    const { end } = await addon.run('cancel');
    // The rows of the foreign jobs tell the truth about them (docs/BEHAVIOUR.md 3: 403 -> `Not a library administrator (403)`).
    const result = (id: string) => end.results.find((r) => r.jobId === id)?.result;
    expect(foreign.map(result)).toEqual(Array(5).fill('Not a library administrator (403)'));
    expect(end.stoppedBecause).toBeUndefined();
    for (const id of good) expect((await addon.simulator.getJob(id))?.status).toBe('CANCELLED');
  } finally {
    await addon.close();
  }
});

test('security-code mode, reworded messages, a wrong code: the run stops after the probe, within 10 requests', async () => {
  const addon = await startAddon({ simulator: { rewordMessages: true }, env: { clock: 'virtual' } });
  try {
    expect(addon.saveSettings({ authMode: 'security-code', securityCode: 'not-a-real-code' })).toMatchObject({
      ok: true,
    });
    const jobs = ids.inProgress.slice(20, 35);
    addon.env.spreadsheet.addSheet('Jobs', [['Job ID'], ...jobs.map((id) => [id])]);
    addon.env.spreadsheet.select('Jobs', ['A2:A16']);
    await addon.simulator.clearRequestLog();
    const { end } = await addon.run('cancel');
    expect(end.stoppedBecause).toMatch(/security code/);
    expect((await addon.simulator.requestLog()).length).toBeLessThanOrEqual(10);
    for (const id of jobs) expect((await addon.simulator.getJob(id))?.status).toBe('IN_PROGRESS');
  } finally {
    await addon.close();
  }
});
