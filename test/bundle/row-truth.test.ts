// Rows that tell the truth when the sheet changes under a run or the network misbehaves, through the bundle:
// a result never follows its ID to a row nobody selected, deleted rows never stop a run, Retry-After is
// honoured whatever the body, text is marked only where Sheets would change it (under both readings of the
// undocumented plain-text behaviour), and the log sheet holds only its columns.
import { demoJobIds } from '../../simulator/demo-seed';
import { LOG_HEADERS, LOG_SHEET_NAME } from '../../src/core/log-rows';
import { RESULT_HEADERS } from '../../src/core/result-columns';
import { countOutcomes } from '../../src/client/run-driver';
import { Addon, startAddon } from '../support/addon';

const ids = demoJobIds();
let sheetCount = 0;

function newSheet(addon: Addon, rows: unknown[][]) {
  const sheet = addon.env.spreadsheet.addSheet(`T${++sheetCount}`, rows);
  sheet.setFrozenRows(1);
  return sheet;
}

describe('with the default platform behaviour', () => {
  let addon: Addon;
  beforeAll(async () => {
    addon = await startAddon({ env: { clock: 'virtual' } });
  });
  afterAll(() => addon.close());

  test('A2=X1 and A4=X1, only A2 selected, A2 edited mid-run: row 4 is untouched and X1 is not sent', async () => {
    const [x1, other] = ids.inProgress.slice(40, 42);
    const sheet = newSheet(addon, [
      ['Job ID', 'Note'],
      [x1, ''],
      [other, ''],
      [x1, 'not selected'],
    ]);
    addon.env.spreadsheet.select(sheet.name, ['A2:A3']);
    const { end } = await addon.run('cancel', {
      chunkSize: 1,
      chunksInFlight: 1,
      // X1 is sent in the first chunk: the user edits A2 before it goes.
      beforeChunk: (i) => i === 0 && sheet.type(2, 1, 'edited'),
    });
    const values = sheet.values();
    const status = values[0].indexOf('Status');
    const result = values[0].indexOf('Result');
    expect(values[3].slice(0, 2)).toEqual([x1, 'not selected']);
    expect(values[3][status]).toBe('');
    expect(values[3][result]).toBe('');
    expect(values[1][result]).toBe('');
    expect(end.results.find((r) => r.jobId === x1)).toMatchObject({ outcome: 'gone', written: [] });
    expect((await addon.simulator.getJob(x1))?.status).toBe('IN_PROGRESS');
    expect(values[2][result]).toBe('Cancelled');
  });

  test('A2=X1 selected and A4=X1 hidden by a filter, A2 edited after the cancel went out: row 4 is not written', async () => {
    const [x1] = ids.inProgress.slice(43, 44);
    const sheet = newSheet(addon, [['Job ID'], [x1], ['spacer'], [x1]]);
    sheet.hideRowsByFilter([4]);
    addon.env.spreadsheet.select(sheet.name, ['A2:A4']);
    let edited = false;
    addon.env.urlFetch.options.beforeRequest = () => {
      if (!edited) sheet.type(2, 1, 'edited'); // while AODocs is being asked
      edited = true;
    };
    try {
      const { end } = await addon.run('cancel');
      const row = end.results.find((r) => r.jobId === x1)!;
      expect(row.written).toEqual([]);
      expect(row.moved).toEqual([{ jobId: x1, from: { row: 2, column: 1 } }]);
    } finally {
      addon.env.urlFetch.options.beforeRequest = undefined;
    }
    const values = sheet.values();
    const result = values[0].indexOf('Result');
    expect(values[3][result]).toBe('');
    // Nothing is lost: the log has the job's outcome and says its row was not written.
    const log = addon.env.spreadsheet.sheet(LOG_SHEET_NAME).displayValues();
    expect(log.some((r) => r.includes(x1) && r.includes('A2 no longer holds it: not written'))).toBe(true);
  });

  test('an ID selected once and found once is still followed when rows are inserted above it', async () => {
    const [a, b] = ids.inProgress.slice(44, 46);
    const sheet = newSheet(addon, [['Job ID'], [a], [b]]);
    addon.env.spreadsheet.select(sheet.name, ['A2:A3']);
    await addon.run('refresh', {
      chunkSize: 1,
      chunksInFlight: 1,
      beforeChunk: (i) => i === 1 && sheet.insertRowsBefore(2, 1),
    });
    const values = sheet.values();
    const status = values[0].indexOf('Status');
    expect(values.map((r) => r[0])).toEqual(['Job ID', '', a, b]);
    expect(values[3][status]).toBe('IN_PROGRESS');
  });

  test('rows deleted mid-run so that the grid ends above planned rows: the run goes on and every job left gets its row', async () => {
    const jobs = ids.inProgress.slice(50, 62);
    const sheet = newSheet(addon, [['Job ID'], ...jobs.map((id) => [id])]);
    // The grid ends at the data: deleting rows shrinks it below the rows the plan knows.
    sheet.deleteRows(jobs.length + 2, 1000 - jobs.length - 1);
    addon.env.spreadsheet.select(sheet.name, [`A2:A${jobs.length + 1}`]);
    const { end } = await addon.run('refresh', {
      chunkSize: 4,
      chunksInFlight: 1,
      beforeChunk: (i) => i === 1 && sheet.deleteRows(6, jobs.length + 1 - 5), // keeps rows 1..5
    });
    expect(end.stoppedBecause).toBeUndefined();
    const values = sheet.values();
    const status = values[0].indexOf('Status');
    expect(values.length).toBe(5);
    expect(values.slice(1).map((r) => [r[0], r[status]])).toEqual(jobs.slice(0, 4).map((id) => [id, 'IN_PROGRESS']));
    for (const id of jobs.slice(4)) {
      expect(end.results.find((r) => r.jobId === id)).toMatchObject({ outcome: 'gone', written: [] });
    }
    expect(JSON.stringify(end)).not.toMatch(/coordinates|dimensions/);
  });

  test("a proxy's HTML 429 with Retry-After is waited for as asked, then retried", async () => {
    const [id] = ids.inProgress.slice(62, 63);
    await addon.simulator.setOptions({ faults: { targeted: [{ fault: 'html-429', jobId: id, times: 1 }] } });
    try {
      const sheet = newSheet(addon, [['Job ID'], [id]]);
      addon.env.spreadsheet.select(sheet.name, ['A2']);
      addon.env.urlFetch.log.length = 0;
      await addon.run('cancel');
      const sends = addon.env.urlFetch.log.filter((e) => e.method === 'POST' && e.url.includes(id));
      expect(sends.map((e) => e.status)).toEqual([429, 200]);
      // Retry-After: 3 on an HTML body. Without it the backoff would wait less than 0.5 s (virtual clock).
      expect(sends[1].startedAt - sends[0].startedAt).toBeGreaterThanOrEqual(3000);
      const values = sheet.values();
      expect(values[1][values[0].indexOf('Result')]).toBe('Cancelled');
    } finally {
      await addon.simulator.setOptions({ faults: {} });
    }
  });

  test('a cancel that took effect behind a 503 reads "Cancelled" when its retry meets 412, not "Already cancelled"', async () => {
    const [id] = ids.inProgress.slice(64, 65);
    await addon.simulator.setOptions({
      faults: { targeted: [{ fault: '503-after', jobId: id, operation: 'cancel', times: 1 }] },
    });
    try {
      const sheet = newSheet(addon, [['Job ID'], [id]]);
      addon.env.spreadsheet.select(sheet.name, ['A2']);
      addon.env.urlFetch.log.length = 0;
      const { end } = await addon.run('cancel');
      const posts = addon.env.urlFetch.log.filter((e) => e.method === 'POST' && e.url.includes(id));
      expect(posts.map((e) => e.status)).toEqual([503, 412]);
      expect(end.results.find((r) => r.jobId === id)).toMatchObject({ outcome: 'done', result: 'Cancelled' });
    } finally {
      await addon.simulator.setOptions({ faults: {} });
    }
  });

  test('the sheet deleted while AODocs is asked: the sidebar is told in a sentence, results are listed', async () => {
    const [id] = ids.inProgress.slice(67, 68);
    const sheet = newSheet(addon, [['Job ID'], [id]]);
    addon.env.spreadsheet.select(sheet.name, ['A2']);
    addon.env.urlFetch.options.beforeRequest = () => addon.env.spreadsheet.deleteSheet(sheet.name);
    try {
      const { end } = await addon.run('cancel');
      expect(end.stoppedBecause).toMatch(/The sheet of this run was deleted/);
      expect(end.results.find((r) => r.jobId === id)).toMatchObject({ result: 'Cancelled', written: [] });
    } finally {
      addon.env.urlFetch.options.beforeRequest = undefined;
    }
  });

  test('an unfrozen header row deleted mid-run: no result columns are created in a data row', async () => {
    const jobs = ids.inProgress.slice(68, 70);
    const sheet = addon.env.spreadsheet.addSheet(`T${++sheetCount}`, [
      ['Job ID', 'Note'],
      [jobs[0], 'n1'],
      [jobs[1], 'n2'],
    ]);
    addon.env.spreadsheet.select(sheet.name, ['A2:A3']);
    let afterDeletion: unknown[][] = [];
    const { end } = await addon.run('refresh', {
      chunkSize: 1,
      chunksInFlight: 1,
      beforeChunk: (i) => {
        if (i !== 1) return;
        sheet.deleteRows(1, 1); // row 1 now holds the first job's data
        afterDeletion = sheet.values();
      },
    });
    expect(end.stoppedBecause).toMatch(/header row changed/);
    expect(afterDeletion[0][0]).toBe(jobs[0]);
    expect(sheet.values()).toEqual(afterDeletion);
  });

  // New-user trial: an unfrozen header whose one word has a typo was read as a job ID, and the run refused.
  test('an unfrozen "JobIdd" header over a whole column: the header is found and the IDs below run', async () => {
    const jobs = ids.inProgress.slice(71, 73);
    const sheet = addon.env.spreadsheet.addSheet(`T${++sheetCount}`, [['JobIdd'], [jobs[0]], [jobs[1]]]);
    addon.env.spreadsheet.select(sheet.name, ['A1:A3']);
    const { end } = await addon.run('refresh');
    expect(end.stoppedBecause).toBeUndefined();
    const values = sheet.values();
    expect(values[0][0]).toBe('JobIdd');
    expect(values[0]).toContain('Result');
    expect(values.slice(1).map((row) => row[values[0].indexOf('Status')])).toEqual(['IN_PROGRESS', 'IN_PROGRESS']);
    expect((await addon.simulator.requestLog()).some((r) => r.path.includes('JobIdd'))).toBe(false);
  });

  test('the log sheet holds only the columns it uses', async () => {
    const [id] = ids.inProgress.slice(63, 64);
    const sheet = newSheet(addon, [['Job ID'], [id]]);
    addon.env.spreadsheet.select(sheet.name, ['A2']);
    await addon.run('refresh');
    const log = addon.env.spreadsheet.sheet(LOG_SHEET_NAME);
    expect(log.displayValues()[0]).toEqual(LOG_HEADERS);
    expect(log.maxColumns).toBe(LOG_HEADERS.length);
  });
  test('a column of the log deleted by the user: the next run still logs whole rows and goes on', async () => {
    const jobs = ids.inProgress.slice(65, 67);
    const first = newSheet(addon, [['Job ID'], [jobs[0]]]);
    addon.env.spreadsheet.select(first.name, ['A2']);
    await addon.run('refresh');
    const log = addon.env.spreadsheet.sheet(LOG_SHEET_NAME);
    log.deleteColumns(2, 1); // the user drops the "User" column
    const second = newSheet(addon, [['Job ID'], [jobs[1]]]);
    addon.env.spreadsheet.select(second.name, ['A2']);
    const { end } = await addon.run('refresh');
    expect(end.stoppedBecause).toBeUndefined();
    const last = log.displayValues().at(-1)!;
    expect(last.length).toBe(LOG_HEADERS.length);
    expect(last).toContain(jobs[1]);
  });
});

describe.each([false, true])('text marks, with a plain-text cell keeping a written apostrophe: %s', (keeps) => {
  let addon: Addon;
  beforeAll(async () => {
    addon = await startAddon({ env: { plainTextKeepsApostrophe: keeps } });
  });
  afterAll(() => addon.close());

  test('Status and Result in plain-text columns read exactly as AODocs and the add-on say', async () => {
    const [running, done] = [ids.inProgress[70], ids.finished[0]];
    const doneStatus = (await addon.simulator.getJob(done))!.status;
    const already = { COMPLETED: 'Already completed', FAILED: 'Already failed', CANCELLED: 'Already cancelled' };
    const sheet = newSheet(addon, [
      ['Job ID', 'Status', 'Result'],
      [running, '', ''],
      [done, '', ''],
    ]);
    sheet.setNumberFormat('B:C', '@');
    addon.env.spreadsheet.select(sheet.name, ['A2:A3']);
    await addon.run('cancel');
    expect(
      sheet
        .displayValues()
        .slice(1)
        .map((r) => r.slice(1, 3)),
    ).toEqual([
      ['CANCELLED', 'Cancelled'],
      [doneStatus, already[doneStatus as keyof typeof already]],
    ]);
  });

  test('skip finished rows recognises the statuses it wrote into plain-text cells', async () => {
    const jobs = ids.inProgress.slice(71, 74);
    const sheet = newSheet(addon, [['Job ID', 'Status'], ...jobs.map((id) => [id, ''])]);
    sheet.setNumberFormat('B:B', '@');
    addon.env.spreadsheet.select(sheet.name, ['A2:A4']);
    await addon.run('cancel');
    const again = await addon.readPlan();
    if (again.ok !== true) throw new Error(JSON.stringify(again));
    expect(again.plan.summary.finishedSkipped).toBe(3);
    expect(again.plan.jobs).toEqual([]);
  });

  test('text that Sheets would turn into a number, a date or a formula still lands as that very text', async () => {
    // Invalid job IDs are written back into the log as text; a user's `=1+1` or `1/2` must stay text there.
    const sheet = newSheet(addon, [['Job ID']]);
    sheet.setNumberFormat('A:A', '@');
    sheet.paste(2, 1, [['=1+1 bad'], ['1/2 x']]); // typed into plain-text cells: kept as text
    addon.env.spreadsheet.select(sheet.name, ['A2:A3']);
    await addon.run('cancel');
    const log = addon.env.spreadsheet.sheet(LOG_SHEET_NAME).displayValues();
    const jobIdColumn = LOG_HEADERS.indexOf('Job ID');
    expect(log.map((r) => r[jobIdColumn])).toEqual(expect.arrayContaining(['=1+1 bad', '1/2 x']));
  });
});

describe('a failed request never erases what AODocs said before', () => {
  let addon: Addon;
  beforeAll(async () => {
    addon = await startAddon({ env: { clock: 'virtual' } });
  });
  afterAll(() => addon.close());

  const HEADER = ['Job ID', ...RESULT_HEADERS];
  const RESULT = HEADER.indexOf('Result');
  const earlier = (id: string, status: string) => [
    id,
    status,
    status !== 'IN_PROGRESS',
    10,
    2,
    status === 'IN_PROGRESS' ? 5 : 0,
    1,
    new Date(Date.UTC(2024, 4, 1, 9)),
    status === 'CANCELLED' ? 'Cancelled' : 'Status read',
    new Date(Date.UTC(2024, 4, 1, 10)),
  ];
  const withoutResult = (rows: unknown[][]) => rows.map((r) => r.filter((_, i) => i !== RESULT));
  let failedCase = 0;

  test.each<[string, (a: Addon, jobIds: string[]) => Promise<unknown> | unknown, string]>([
    [
      'a wrong security code',
      (a) => a.saveSettings({ authMode: 'security-code', securityCode: 'not-a-real-code' }),
      'AODocs refused the security code (403)',
    ],
    [
      '503 until retries run out',
      (a, jobIds) =>
        a.simulator.setOptions({
          faults: { targeted: jobIds.map((jobId) => ({ fault: '503' as const, jobId, times: 4 })) },
        }),
      'AODocs unavailable, try again (503)',
    ],
  ])(
    '%s: rows that read CANCELLED and IN_PROGRESS keep Status and counters; only Result changes',
    async (_n, setUp, sentence) => {
      const [cancelled, running] = ids.inProgress.slice(80 + 2 * ++failedCase, 82 + 2 * failedCase);
      const sheet = newSheet(addon, [HEADER, earlier(cancelled, 'CANCELLED'), earlier(running, 'IN_PROGRESS')]);
      const before = sheet.values();
      addon.env.spreadsheet.select(sheet.name, ['A2:A3']);
      expect(addon.saveSettings({ skipFinishedRows: false })).toMatchObject({ ok: true });
      await setUp(addon, [cancelled, running]);
      try {
        const { end } = await addon.run('cancel');
        expect(end.results.map((r) => r.result)).toEqual([sentence, sentence]);
      } finally {
        await addon.simulator.setOptions({ faults: {} });
        addon.saveSettings({ authMode: 'identity-token', securityCode: '', skipFinishedRows: true });
      }
      const after = sheet.values();
      expect(withoutResult(after)).toEqual(withoutResult(before));
      expect(after.slice(1).map((r) => r[RESULT])).toEqual([sentence, sentence]);
      // The row that read CANCELLED is still skipped as finished by the next run.
      const again = await addon.readPlan();
      if (again.ok !== true) throw new Error(JSON.stringify(again));
      expect(again.plan.summary.finishedSkipped).toBe(1);
      expect(again.plan.jobs.map((j) => j.jobId)).toEqual([running]);
    },
  );

  test('an old ID (404) on a row that read CANCELLED keeps its status', async () => {
    const [old] = ids.unknown;
    const sheet = newSheet(addon, [HEADER, earlier(old, 'CANCELLED')]);
    const before = sheet.values();
    addon.env.spreadsheet.select(sheet.name, ['A2']);
    addon.saveSettings({ skipFinishedRows: false });
    try {
      await addon.run('refresh');
    } finally {
      addon.saveSettings({ skipFinishedRows: true });
    }
    const after = sheet.values();
    expect(withoutResult(after)).toEqual(withoutResult(before));
    expect(after[1][RESULT]).toBe('Not found (404)');
  });
});

describe('run again remembers what the earlier run may already have done', () => {
  let addon: Addon;
  beforeAll(async () => {
    addon = await startAddon({ env: { clock: 'virtual' } });
  });
  afterAll(() => addon.close());

  test('a cancel that took effect behind four 503s reads "Cancelled" on the rerun, counted as cancelled', async () => {
    const [behind503, other] = ids.inProgress.slice(90, 92);
    // The first send cancels the job and answers 503; so do the three retries: the run ends without knowing.
    await addon.simulator.setOptions({
      faults: { targeted: [{ fault: '503-after', jobId: behind503, operation: 'cancel', times: 4 }] },
    });
    const sheet = newSheet(addon, [['Job ID'], [behind503], [other]]);
    addon.env.spreadsheet.select(sheet.name, ['A2:A3']);
    try {
      const first = await addon.run('cancel');
      expect(first.end.results.find((r) => r.jobId === behind503)).toMatchObject({
        result: 'AODocs unavailable, try again (503)',
        transient: true,
      });
    } finally {
      await addon.simulator.setOptions({ faults: {} });
    }
    expect((await addon.simulator.getJob(behind503))?.status).toBe('CANCELLED');

    addon.env.urlFetch.log.length = 0;
    const again = await addon.run('cancel');
    // The row that read CANCELLED is skipped; the other is sent again, meets 412, and is read back CANCELLED.
    expect(again.plan.jobs.map((j) => j.jobId)).toEqual([behind503]);
    const posts = addon.env.urlFetch.log.filter((e) => e.method === 'POST' && e.url.includes(behind503));
    expect(posts.map((e) => e.status)).toEqual([412]);
    expect(again.end.results).toEqual([
      expect.objectContaining({ jobId: behind503, outcome: 'done', result: 'Cancelled' }),
    ]);
    expect(countOutcomes(again.end.results)).toMatchObject({ done: 1, 'already-finished': 0 });
    const values = sheet.values();
    const col = (h: string) => values[0].indexOf(h);
    expect([values[1][col('Status')], values[1][col('Result')]]).toEqual(['CANCELLED', 'Cancelled']);
  });

  test('a job cancelled by someone else since a 429 in the earlier run stays "Already cancelled"', async () => {
    const [rateLimited] = ids.inProgress.slice(92, 93);
    const sheet = newSheet(addon, [
      ['Job ID', 'Result'],
      [rateLimited, 'AODocs unavailable, try again (429)'],
    ]);
    const stored = (await addon.simulator.getJob(rateLimited))!;
    await addon.simulator.putJobs([{ ...stored, status: 'CANCELLED', completed: true }]);
    addon.env.spreadsheet.select(sheet.name, ['A2']);
    const { end } = await addon.run('cancel');
    expect(end.results).toEqual([
      expect.objectContaining({ jobId: rateLimited, outcome: 'already-finished', result: 'Already cancelled' }),
    ]);
  });
});
