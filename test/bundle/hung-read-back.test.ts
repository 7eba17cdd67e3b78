// The chunk learns that the platform ignores timeoutSeconds (a send took 150 s) while sending the cancels, then
// reads jobs back: that read must be started with what the cancels learned, or it hangs past the chunk's budget
// (docs/SOURCES.md#urlfetch-timeout).
import { DEFAULT_RETRY_POLICY } from '../../src/core/retry-policy';
import { demoJobIds } from '../../simulator/demo-seed';
import { startAddon } from '../support/addon';

const [hung, refused] = demoJobIds().inProgress.slice(0, 2);

test('a hung cancel and a hung read-back (platform gives up after 150 s): the chunk stays inside its budget', async () => {
  const addon = await startAddon({
    env: { clock: 'virtual' },
    simulator: {
      faults: {
        targeted: [
          { fault: '400', jobId: refused, operation: 'cancel', times: 1 },
          { fault: '503', jobId: hung, operation: 'cancel', times: 1 },
        ],
      },
    },
  });
  try {
    addon.env.spreadsheet.addSheet('Jobs', [['Job ID'], [hung], [refused]]);
    addon.env.spreadsheet.select('Jobs', ['A2:A3']);
    addon.env.urlFetch.options.platformTimeoutSeconds = 150;
    // First wave: the hung job gets a 503, the refused one a 400 (a read-back is due). Then AODocs stops answering:
    // the hung job's second send, then the read-back of the refused one.
    let hungSends = 0;
    addon.env.urlFetch.options.stallMs = (url) => {
      if (url.includes(`/${hung}/cancel`)) return ++hungSends >= 2 ? Infinity : undefined;
      return url.includes(`/${refused}`) && !url.includes('/cancel') ? Infinity : undefined;
    };
    await addon.run('cancel', { chunksInFlight: 1 });
    const chunks = addon.bundle.executionLog.filter((e) => e.functionName === 'runChunk');
    expect(chunks.every((e) => e.ok)).toBe(true);
    expect(Math.max(...chunks.map((e) => e.virtualMs ?? Infinity))).toBeLessThanOrEqual(
      DEFAULT_RETRY_POLICY.executionBudgetMs,
    );
  } finally {
    await addon.close();
  }
});
