// Settings > Diagnostics through the bundle: it measures what the benchmark assumes, in the emulator here, and
// leaves no trace in the user's spreadsheet.
import { Addon, startAddon } from '../support/addon';
import type { PlatformFigures } from '../../src/shared/api';

describe.each([false, true])('plain-text cells keep a written apostrophe: %s', (keeps) => {
  let addon: Addon;
  beforeAll(async () => {
    addon = await startAddon({ env: { plainTextKeepsApostrophe: keeps } });
  });
  afterAll(() => addon.close());

  test('the figures, the probes sent, and nothing left behind', async () => {
    addon.env.spreadsheet.addSheet('Mine', [['Job ID'], ['x']]);
    addon.env.spreadsheet.activate('Mine');
    const before = addon.env.spreadsheet.sheetNames();
    addon.env.urlFetch.log.length = 0;
    const figures = addon.bundle.callFromClient('runDiagnostics') as PlatformFigures;
    expect(figures.plainTextKeepsApostrophe).toBe(keeps);
    expect(figures.markedFormulaStaysText).toBe(true);
    expect(figures.fetchAllParallelism).toBeGreaterThanOrEqual(1);
    expect(figures.fetchAllParallelism).toBeLessThanOrEqual(40);
    expect(figures.identityAudience).toMatch(/\.apps\.googleusercontent\.com$/);
    // 3 single requests, then 40 together: GETs of a job that does not exist, never a cancel.
    expect(addon.env.urlFetch.log.map((e) => e.method)).toEqual(Array(43).fill('GET'));
    expect(addon.env.spreadsheet.sheetNames()).toEqual(before);
    expect(addon.env.spreadsheet.activeSheetName()).toBe('Mine');
  });
});
