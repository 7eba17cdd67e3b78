// Google's messages in the user's language and AODocs' messages reworded: the same outcome and the same next
// step as in English (docs/BEHAVIOUR.md: recognition never depends on wording that can change). Through the bundle,
// against the simulator over real sockets; the emulator words Apps Script's exceptions in each language.
import { GOOGLE_LANGUAGES, type GoogleLanguage } from '../../emulator/services/google-language';
import type { AppsScriptEnvironmentOptions } from '../../emulator/environment';
import type { SimulatorOptions } from '../../simulator/options';
import { demoJobIds } from '../../simulator/demo-seed';
import { Addon, startAddon } from '../support/addon';

const ids = demoJobIds();

async function withAddon(
  setup: { simulator?: SimulatorOptions; env?: AppsScriptEnvironmentOptions },
  jobs: string[],
  body: (addon: Addon) => Promise<void>,
): Promise<void> {
  // Virtual clock: the waits before sending a refused call again take no real time.
  const addon = await startAddon({ ...setup, env: { clock: 'virtual', ...setup.env } });
  try {
    addon.env.spreadsheet.addSheet('Jobs', [['Job ID'], ...jobs.map((id) => [id])]);
    addon.env.spreadsheet.select('Jobs', [`A2:A${jobs.length + 1}`]);
    await body(addon);
  } finally {
    await addon.close();
  }
}

const fetchCalls = (addon: Addon) => addon.env.counter.snapshot()['UrlFetchApp.fetch'] ?? 0;

describe.each(GOOGLE_LANGUAGES)("Google's messages in %s", (language: GoogleLanguage) => {
  test('the daily quota stops the run with the daily-limit sentence, and nothing goes one by one', async () => {
    await withAddon({ env: { language } }, ids.inProgress.slice(0, 20), async (addon) => {
      // Room for 3 requests: the opening chunk of 5 is refused as a whole (Apps Script checks before sending).
      addon.env.urlFetch.options.dailyQuota = 3;
      const { end, chunks } = await addon.run('cancel');
      expect(end.stoppedBecause).toMatch(/^Google's daily limit for outside requests is reached/);
      expect(chunks).toHaveLength(1);
      expect(end.notSent).toBe(20);
      expect(fetchCalls(addon)).toBe(0);
      expect(await addon.simulator.requestLog()).toEqual([]);
    });
  });

  test('a refusal that passes (too many calls in a short time) is sent again and the run goes on', async () => {
    await withAddon({ env: { language } }, ids.inProgress.slice(0, 6), async (addon) => {
      addon.env.urlFetch.options.shortTimeRefusals = 1;
      const { end } = await addon.run('cancel');
      expect(end.stoppedBecause).toBeUndefined();
      expect(end.results.map((r) => r.result)).toEqual(Array(6).fill('Cancelled'));
      expect(fetchCalls(addon)).toBe(0);
    });
  });

  test('outside requests blocked by the Workspace administrator trip the breaker with the block sentence', async () => {
    await withAddon({ env: { language } }, ids.inProgress.slice(0, 20), async (addon) => {
      addon.env.urlFetch.options.blockedByAdmin = true;
      const { end, chunks } = await addon.run('cancel');
      expect(end.stoppedBecause).toMatch(/blocked in your Google Workspace: ask your Workspace administrator/);
      expect(chunks).toHaveLength(1);
      expect(await addon.simulator.requestLog()).toEqual([]);
    });
  });
});

describe("AODocs' messages reworded", () => {
  test('a refused security code still trips the breaker in security-code mode', async () => {
    await withAddon({ simulator: { rewordMessages: true } }, ids.inProgress.slice(0, 20), async (addon) => {
      expect(addon.saveSettings({ authMode: 'security-code', securityCode: 'not-a-real-code' })).toMatchObject({
        ok: true,
      });
      const { end, chunks } = await addon.run('cancel');
      expect(end.stoppedBecause).toMatch(/AODocs refused the security code .* Check it in Settings/);
      expect(end.results.map((r) => r.result)).toEqual(Array(5).fill('AODocs refused the security code (403)'));
      expect(chunks).toHaveLength(1);
      expect((await addon.simulator.requestLog()).length).toBeLessThanOrEqual(10);
    });
  });

  test('a 429 sent as 404 unsupportedProtocol is retried as throttling, not "Not found"', async () => {
    const [throttled, other] = ids.inProgress.slice(0, 2);
    await withAddon(
      {
        simulator: {
          rewordMessages: true,
          faults: { targeted: [{ fault: '429-as-404', jobId: throttled, operation: 'cancel', times: 1 }] },
        },
      },
      [throttled, other],
      async (addon) => {
        const { end } = await addon.run('cancel');
        expect(end.stoppedBecause).toBeUndefined();
        expect(end.results.map((r) => [r.jobId, r.result])).toEqual([
          [throttled, 'Cancelled'],
          [other, 'Cancelled'],
        ]);
        const posts = (await addon.simulator.requestLog()).filter((e) => e.method === 'POST');
        expect(posts.filter((e) => e.path.includes(throttled)).map((e) => e.status)).toEqual([404, 200]);
      },
    );
  });

  test('a job that really does not exist still reads "Not found (404)"', async () => {
    await withAddon({ simulator: { rewordMessages: true } }, ['no-such-job-anywhere'], async (addon) => {
      const { end } = await addon.run('cancel');
      expect(end.results.map((r) => r.result)).toEqual(['Not found (404)']);
    });
  });
});
