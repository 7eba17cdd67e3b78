// Hostile review: every cancel that was sent leaves a trace before the run ends, its row or its log line
// (docs/BEHAVIOUR.md, Cancelling). The sidebar's end screen is not a trace: it is gone when the sidebar closes.
import { demoJobIds } from '../../simulator/demo-seed';
import { LOG_SHEET_NAME } from '../../src/core/log-rows';
import { Addon, startAddon } from '../support/addon';

const ids = demoJobIds();
let sheetCount = 0;

describe('trace of every cancel', () => {
  let addon: Addon;
  beforeAll(async () => {
    addon = await startAddon({ env: { clock: 'virtual' } });
  });
  afterAll(() => addon.close());

  test('log off, the sheet deleted while AODocs is asked: the cancelled job still leaves a log line', async () => {
    const [id] = ids.inProgress.slice(90, 91);
    const name = `H${++sheetCount}`;
    const sheet = addon.env.spreadsheet.addSheet(name, [['Job ID'], [id]]);
    sheet.setFrozenRows(1);
    addon.env.spreadsheet.select(name, ['A2']);
    addon.env.properties.user().set('settings', JSON.stringify({ writeLog: false }));
    let deleted = false;
    addon.env.urlFetch.options.beforeRequest = () => {
      if (!deleted) addon.env.spreadsheet.deleteSheet(name);
      deleted = true;
    };
    try {
      const { end } = await addon.run('cancel');
      expect((await addon.simulator.getJob(id))?.status).toBe('CANCELLED');
      expect(end.results.find((r) => r.jobId === id)).toMatchObject({ result: 'Cancelled', written: [] });
      // No row (the sheet is gone): the log must hold the trace.
      expect(addon.env.spreadsheet.sheetNames()).toContain(LOG_SHEET_NAME);
      const log = addon.env.spreadsheet.sheet(LOG_SHEET_NAME).displayValues();
      expect(log.some((r) => r.includes(id))).toBe(true);
    } finally {
      addon.env.urlFetch.options.beforeRequest = undefined;
      addon.env.properties.user().delete?.('settings');
    }
  });

  test('log off, an unfrozen sheet sorted with its header row mid-run: every cancel sent leaves a row or a log line', async () => {
    const jobs = ids.inProgress.slice(91, 97);
    const name = `H${++sheetCount}`;
    // Row 1 not frozen: "Sort sheet A to Z" then sorts the titles in with the data, a common slip.
    const sheet = addon.env.spreadsheet.addSheet(name, [['Job ID', 'Note'], ...jobs.map((id, i) => [id, `n${i}`])]);
    addon.env.spreadsheet.select(name, [`A2:A${jobs.length + 1}`]);
    addon.env.properties.user().set('settings', JSON.stringify({ writeLog: false }));
    try {
      const { end } = await addon.run('cancel', {
        chunkSize: 1,
        chunksInFlight: 1,
        beforeChunk: (i) => i === 2 && sheet.sortRows(1, 1, false),
      });
      const values = sheet.values();
      const result = values.find((r) => r[0] === 'Job ID')!.indexOf('Result');
      const log = addon.env.spreadsheet.sheetNames().includes(LOG_SHEET_NAME)
        ? addon.env.spreadsheet.sheet(LOG_SHEET_NAME).displayValues()
        : [];
      const untraced: string[] = [];
      for (const id of jobs) {
        if ((await addon.simulator.getJob(id))?.status !== 'CANCELLED') continue;
        const row = values.find((r) => r[0] === id)!;
        if ((result < 0 || row[result] === '') && !log.some((r) => r.includes(id))) untraced.push(id);
      }
      expect(end.stoppedBecause).toMatch(/header row changed/);
      expect(untraced).toEqual([]);
    } finally {
      addon.env.properties.user().delete?.('settings');
    }
  });

  test('log off, the ID cell edited while AODocs is asked: the cancelled job still leaves a log line', async () => {
    const [x1, other] = ids.inProgress.slice(97, 99);
    const name = `H${++sheetCount}`;
    const sheet = addon.env.spreadsheet.addSheet(name, [['Job ID'], [x1], [other]]);
    sheet.setFrozenRows(1);
    addon.env.spreadsheet.select(name, ['A2:A3']);
    addon.env.properties.user().set('settings', JSON.stringify({ writeLog: false }));
    let edited = false;
    addon.env.urlFetch.options.beforeRequest = () => {
      if (!edited) sheet.type(2, 1, 'typed over'); // the user types into A2 while the cancel is on its way
      edited = true;
    };
    try {
      const { end } = await addon.run('cancel');
      expect((await addon.simulator.getJob(x1))?.status).toBe('CANCELLED');
      expect(end.results.find((r) => r.jobId === x1)).toMatchObject({ result: 'Cancelled', written: [] });
      expect(end.stoppedBecause).toBeUndefined();
      const log = addon.env.spreadsheet.sheetNames().includes(LOG_SHEET_NAME)
        ? addon.env.spreadsheet.sheet(LOG_SHEET_NAME).displayValues()
        : [];
      // No row holds x1 any more: its log line is its only possible trace.
      expect(log.some((r) => r.includes(x1))).toBe(true);
    } finally {
      addon.env.urlFetch.options.beforeRequest = undefined;
    }
  });
});
