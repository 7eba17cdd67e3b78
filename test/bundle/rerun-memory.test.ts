// Hostile review: "Run again" remembers what the earlier run may already have done (docs/BEHAVIOUR.md, Cancelling; the
// property suite found it with seed 424242: `npm run test:properties -- --seed 424242 --dims ci`).
// A cancel that AODocs carried out behind a 503, whose retries then met a proxy's HTML 429 until they ran out:
// the row says "Unexpected answer from AODocs (HTTP 429)", which Run again does not read as a cancel that may
// have reached AODocs, so the rerun writes "Already cancelled" for the job this user cancelled.
import { demoJobIds } from '../../simulator/demo-seed';
import { Addon, startAddon } from '../support/addon';

const ids = demoJobIds();

describe('run again after a lost answer', () => {
  let addon: Addon;
  beforeAll(async () => {
    addon = await startAddon({ env: { clock: 'virtual' } });
  });
  afterAll(() => addon.close());

  test('503 after the cancel took effect, then HTML 429s: Run again says "Cancelled", not "Already cancelled"', async () => {
    const [id] = ids.inProgress.slice(70, 71);
    await addon.simulator.setOptions({
      faults: {
        targeted: [
          { fault: '503-after', jobId: id, operation: 'cancel', times: 1 },
          { fault: 'html-429', jobId: id, operation: 'cancel', times: 3 },
        ],
      },
    });
    const sheet = addon.env.spreadsheet.addSheet('R1', [['Job ID'], [id]]);
    sheet.setFrozenRows(1);
    addon.env.spreadsheet.select('R1', ['A2']);
    const first = await addon.run('cancel');
    await addon.simulator.setOptions({ faults: {} });
    const result = () => {
      const values = sheet.values();
      return values[1][values[0].indexOf('Result')];
    };
    expect((await addon.simulator.getJob(id))?.status).toBe('CANCELLED');
    const firstResult = result();
    expect(first.end.results[0].transient).toBe(true);
    await addon.run('cancel');
    expect({ firstResult, rerun: result() }).toEqual({ firstResult, rerun: 'Cancelled' });
  });

  test('the first run met a busy lock (rows only in the log): Run again still says "Cancelled" for the job it cancelled', async () => {
    // Property suite: `npm run test:properties -- --seed 6006 --dims ci` (run 97). What an earlier run may have done
    // is read from the row's Result cell only (server/earlier-results.ts); a busy lock kept it in the log.
    const [id] = ids.inProgress.slice(71, 72);
    await addon.simulator.setOptions({
      faults: {
        targeted: [
          { fault: '503-after', jobId: id, operation: 'cancel', times: 1 },
          { fault: '503', jobId: id, operation: 'cancel', times: 3 },
        ],
      },
    });
    const sheet = addon.env.spreadsheet.addSheet('R2', [['Job ID'], [id]]);
    sheet.setFrozenRows(1);
    addon.env.spreadsheet.select('R2', ['A2']);
    addon.env.locks.holdFromOutside('document');
    let first;
    try {
      first = await addon.run('cancel');
    } finally {
      addon.env.locks.releaseFromOutside('document');
      await addon.simulator.setOptions({ faults: {} });
    }
    expect(first.end.results[0]).toMatchObject({ result: 'AODocs unavailable, try again (503)', written: [] });
    expect((await addon.simulator.getJob(id))?.status).toBe('CANCELLED');
    await addon.run('cancel');
    const values = sheet.values();
    expect(values[1][values[0].indexOf('Result')]).toBe('Cancelled');
  });
});
