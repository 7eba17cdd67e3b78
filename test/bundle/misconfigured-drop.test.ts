// "A misconfigured run (wrong domain, wrong security code, outside requests blocked, sign-in refused) reaches
// AODocs with at most 10 requests before it stops and says why" (docs/BEHAVIOUR.md 2.4), with one ordinary network
// hiccup among its first answers: the failed fetchAll goes again one by one only until the setup shows.
import { demoJobIds } from '../../simulator/demo-seed';
import { startAddon } from '../support/addon';

const ids = demoJobIds().inProgress.slice(0, 30);

test('a wrong domain and one dropped connection: at most 10 requests reach AODocs', async () => {
  const addon = await startAddon({ env: { clock: 'virtual' } });
  try {
    await addon.simulator.setOptions({ domains: ['example.com'] });
    await addon.simulator.setFaults({ targeted: [{ fault: 'drop', jobId: ids[0], times: 1 }] });
    expect(addon.saveSettings({ domain: 'wrong-domain.example' })).toMatchObject({ ok: true });
    const sheet = addon.env.spreadsheet.addSheet('Jobs', [['Job ID'], ...ids.map((id) => [id])]);
    sheet.setFrozenRows(1);
    addon.env.spreadsheet.select('Jobs', [`A2:A${ids.length + 1}`]);
    await addon.simulator.clearRequestLog();
    const { end } = await addon.run('cancel');
    const reached = (await addon.simulator.requestLog()).length;
    expect(end.stoppedBecause).toBeDefined();
    expect(reached).toBeLessThanOrEqual(10);
  } finally {
    await addon.close();
  }
});
