// Writing results: found by header, only result columns, batched, and never on a row whose ID moved away.
import { demoJobIds } from '../../simulator/demo-seed';
import { Addon, startAddon } from '../support/addon';

const ids = demoJobIds();

// Whether a plain-text ('@') cell keeps a written leading apostrophe is not documented: every test here runs
// both ways, on sheets formatted as plain text, so that the product depends on neither behaviour.
describe.each([false, true])('plain-text cells keep a written apostrophe: %s', (keepsApostrophe) => {
  let addon: Addon;
  beforeAll(async () => {
    addon = await startAddon({ env: { plainTextKeepsApostrophe: keepsApostrophe } });
  });
  afterAll(() => addon.close());

  let sheetCount = 0;
  function newSheet(rows: unknown[][]) {
    const name = `S${++sheetCount}`;
    const sheet = addon.env.spreadsheet.addSheet(name, rows);
    sheet.setFrozenRows(1);
    // Result columns created later land in these columns too.
    if (keepsApostrophe) sheet.setNumberFormat('A:Z', '@');
    return sheet;
  }

  test('existing result columns are found by header, in any order and case, and other columns stay untouched', async () => {
    const id = ids.inProgress[0];
    const sheet = newSheet([
      ['result', 'Job ID', 'STATUS', 'Comment', 'checked AT', 'Succeeded Tasks'],
      ['old', id, 'old', 'keep me', 'old', 'old'],
    ]);
    addon.env.spreadsheet.select(sheet.name, ['B2']);
    await addon.run('cancel');
    const header = sheet.displayValues()[0];
    // The missing ones were added right of the data, in docs/BEHAVIOUR.md's order.
    expect(header).toEqual([
      'result',
      'Job ID',
      'STATUS',
      'Comment',
      'checked AT',
      'Succeeded Tasks',
      'Completed',
      'Failed tasks',
      'Remaining tasks',
      'Task retries',
      'Last activity',
    ]);
    const row = sheet.values()[1];
    expect(row[0]).toBe('Cancelled');
    expect(row[1]).toBe(id);
    expect(row[2]).toBe('CANCELLED');
    expect(row[3]).toBe('keep me');
    expect(row[4]).toBeInstanceOf(Date);
    expect(typeof row[5]).toBe('number');
    expect(row[6]).toBe(true);
    expect(row[8]).toBe(0);
  });

  test('Sheets calls per chunk stay bounded, whatever the chunk size', async () => {
    const perChunk = async (chunkSize: number, jobIds: string[]) => {
      const sheet = newSheet([['Job ID'], ...jobIds.map((id) => [id])]);
      addon.env.spreadsheet.select(sheet.name, [`A2:A${jobIds.length + 1}`]);
      const counts: number[] = [];
      let before = 0;
      await addon.run('refresh', {
        chunkSize,
        chunksInFlight: 1,
        beforeChunk: (i) => {
          if (i > 0) counts.push(addon.sheetsCalls() - before);
          before = addon.sheetsCalls();
        },
      });
      counts.push(addon.sheetsCalls() - before);
      return Math.max(...counts);
    };
    const small = await perChunk(5, ids.inProgress.slice(0, 20));
    const large = await perChunk(40, ids.inProgress.slice(0, 80));
    // Every Sheets call of a chunk, handle getters included (getRange, getSheetById...): 23 at the last count, and
    // 2 more where a Refresh reads CANCELLED for a job cancelled above: its Result cells are read, to keep what
    // they remember of an earlier cancel (core/chunk-settlement.ts memoriesNeeded).
    expect(small).toBeLessThanOrEqual(25);
    expect(large).toBe(small); // 8x the rows, the same number of calls
  });

  test('a row whose job ID moved before the write gets nothing; the result follows the ID to its new row', async () => {
    const [a, b, c] = ids.inProgress.slice(10, 13);
    const sheet = newSheet([['Job ID'], [a], [b], [c]]);
    addon.env.spreadsheet.select(sheet.name, ['A2:A4']);
    const { end } = await addon.run('refresh', {
      chunkSize: 1,
      chunksInFlight: 1,
      // Before the second chunk (b), the user inserts two rows above row 3: b is now in row 5.
      beforeChunk: (i) => i === 1 && sheet.insertRowsBefore(3, 2),
    });
    const values = sheet.values();
    const statusCol = values[0].indexOf('Status');
    expect(values.map((r) => r[0])).toEqual(['Job ID', a, '', '', b, c]);
    expect(values[2][statusCol]).toBe(''); // the inserted rows stay empty
    expect(values[3][statusCol]).toBe('');
    expect(values[4][statusCol]).toBe('IN_PROGRESS');
    expect(values[5][statusCol]).toBe('IN_PROGRESS');
    const moved = end.results.flatMap((r) => r.moved);
    expect(moved).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ jobId: c, from: { row: 4, column: 1 }, to: { row: 6, column: 1 } }),
      ]),
    );
  });

  test('a job ID deleted from the sheet mid-run is not sent, and the sidebar is told', async () => {
    const [a, b] = ids.inProgress.slice(20, 22);
    const sheet = newSheet([['Job ID'], [a], [b]]);
    addon.env.spreadsheet.select(sheet.name, ['A2:A3']);
    addon.env.urlFetch.log.length = 0;
    const { end } = await addon.run('cancel', {
      chunkSize: 1,
      chunksInFlight: 1,
      beforeChunk: (i) => i === 1 && sheet.type(3, 1, 'something else'),
    });
    expect(end.results.find((r) => r.jobId === b)).toMatchObject({ outcome: 'gone', written: [] });
    expect(addon.env.urlFetch.log.filter((e) => e.url.includes(b))).toEqual([]);
    expect((await addon.simulator.getJob(b))?.status).toBe('IN_PROGRESS');
  });

  test('rows inserted while the requests are in flight: the write-time check sends each result to its ID', async () => {
    const [a, b] = ids.inProgress.slice(30, 32);
    const sheet = newSheet([['Job ID'], [a], [b]]);
    addon.env.spreadsheet.select(sheet.name, ['A2:A3']);
    let inserted = false;
    addon.env.urlFetch.options.beforeRequest = () => {
      if (!inserted) sheet.insertRowsBefore(2, 1); // the user inserts a row while AODocs is being asked
      inserted = true;
    };
    try {
      await addon.run('refresh', { chunkSize: 2 });
    } finally {
      addon.env.urlFetch.options.beforeRequest = undefined;
    }
    const values = sheet.values();
    const status = values[0].indexOf('Status');
    expect(values.map((r) => r[0])).toEqual(['Job ID', '', a, b]);
    expect(values.map((r) => r[status])).toEqual(['Status', '', 'IN_PROGRESS', 'IN_PROGRESS']);
  });
});
