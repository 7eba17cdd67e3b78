// A request that hangs past timeoutSeconds: the reference documents timeoutSeconds, another guide says the
// platform gives up after about 60 s whatever the script asks (docs/SOURCES.md#urlfetch-timeout). Whether honoured
// or not, a chunk must stay inside its time budget and write what it learned. Through the bundle, on the virtual
// clock.
import { DEFAULT_RETRY_POLICY } from '../../src/core/retry-policy';
import { SETUP } from '../../src/core/wording';
import type { GoogleLanguage } from '../../emulator/services/google-language';
import { demoJobIds } from '../../simulator/demo-seed';
import { startAddon } from '../support/addon';

const ids = demoJobIds().inProgress.slice(0, 5);
const [hung] = ids;

describe.each<[string, number | undefined]>([
  ['timeoutSeconds honoured', undefined],
  ['the platform ignoring timeoutSeconds and giving up after 60 s', 60],
  ['the platform ignoring timeoutSeconds and giving up after 150 s', 150],
])('one request of a chunk never answers, %s', (_name, platformTimeoutSeconds) => {
  test('the chunk ends inside its time budget, and every row is written', async () => {
    const addon = await startAddon({ env: { clock: 'virtual' } });
    try {
      addon.env.spreadsheet.addSheet('Jobs', [['Job ID'], ...ids.map((id) => [id])]);
      addon.env.spreadsheet.select('Jobs', [`A2:A${ids.length + 1}`]);
      addon.env.urlFetch.options.platformTimeoutSeconds = platformTimeoutSeconds;
      addon.env.urlFetch.options.stallMs = (url) => (url.includes(`/${hung}/`) ? Infinity : undefined);
      const { end } = await addon.run('cancel', { chunksInFlight: 1 });
      const chunks = addon.bundle.executionLog.filter((e) => e.functionName === 'runChunk');
      expect(chunks.every((e) => e.ok)).toBe(true);
      expect(Math.max(...chunks.map((e) => e.virtualMs ?? Infinity))).toBeLessThanOrEqual(
        DEFAULT_RETRY_POLICY.executionBudgetMs,
      );
      // Every job has its row; the hung one (and any whose answer was lost with it) asks for a re-run.
      expect(end.results).toHaveLength(ids.length);
      expect(end.results.every((r) => r.written.length === 1)).toBe(true);
      const hungResult = end.results.find((r) => r.jobId === hung)!;
      expect(hungResult).toMatchObject({ result: 'AODocs unavailable, try again (no answer)', transient: true });
      // A re-run once AODocs answers again finishes every job.
      addon.env.urlFetch.options.stallMs = undefined;
      const again = await addon.run('cancel');
      expect(again.end.results.map((r) => r.result)).toEqual(Array(again.end.results.length).fill('Cancelled'));
    } finally {
      await addon.close();
    }
  });
});

test.each<GoogleLanguage>(['en', 'fr', 'ja'])(
  'every request hanging, Google speaking %s: the run stops with the timeout sentence, by behaviour',
  async (language) => {
    const addon = await startAddon({ env: { clock: 'virtual', language } });
    try {
      addon.env.spreadsheet.addSheet('Jobs', [['Job ID'], ...ids.map((id) => [id])]);
      addon.env.spreadsheet.select('Jobs', [`A2:A${ids.length + 1}`]);
      addon.env.urlFetch.options.stallMs = () => Infinity;
      const { end } = await addon.run('cancel');
      expect(end.stoppedBecause).toBe(SETUP.timeout);
    } finally {
      await addon.close();
    }
  },
);
