// Hostile review: screens that overstate (docs/BEHAVIOUR.md: screens say only what is true).
import { DEMO_ADMIN_EMAIL, DEMO_SECURITY_CODES } from '../../simulator/demo-seed';
import type { ConnectionReport } from '../../src/shared/api';
import { startAddon } from '../support/addon';

test('Check connection with a colleague\'s security code does not say "Signed in as" the Google user', async () => {
  const addon = await startAddon({ env: { clock: 'virtual' } });
  try {
    expect(addon.saveSettings({ authMode: 'security-code', securityCode: DEMO_SECURITY_CODES.hrAdmin })).toMatchObject({
      ok: true,
    });
    await addon.simulator.clearRequestLog();
    const report = addon.bundle.callFromClient('checkConnection') as ConnectionReport;
    const [probe] = await addon.simulator.requestLog();
    // AODocs acts as the code's owner...
    expect(probe.callerEmail).toBe('hr-admin@example.com');
    expect(report.ok).toBe(true);
    // ...while the screen's "Signed in as" line (settings-panel.ts connectionView) names the Google account.
    expect(report.email).not.toBe(DEMO_ADMIN_EMAIL);
  } finally {
    await addon.close();
  }
});
