// Details of docs/BEHAVIOUR.md checked through the bundle: what is read (display text, whole rows), what is sent
// (one fetchAll per chunk, the domain parameter, each sign-in mode), and text that must stay text in every sheet
// the add-on writes (result columns, log, job listing).
import { DEMO_ADMIN_EMAIL, DEMO_LIBRARY_IDS, demoJobIds } from '../../simulator/demo-seed';
import type { LibraryPageResult, SettingsView } from '../../src/shared/api';
import { Addon, startAddon } from '../support/addon';
import { bulkJobs } from '../support/bulk-jobs';

const ids = demoJobIds();
let addon: Addon;
beforeAll(async () => {
  addon = await startAddon();
});
afterAll(() => addon.close());

const saveSettings = (change: Partial<SettingsView>) => addon.saveSettings(change);

async function withSettings(change: Partial<SettingsView>, body: () => Promise<void>): Promise<void> {
  const before = addon.bundle.callFromClient('getSettings') as SettingsView;
  expect(saveSettings(change)).toMatchObject({ ok: true });
  try {
    await body();
  } finally {
    saveSettings(before);
  }
}

let n = 0;
function sheetWith(rows: unknown[][]) {
  const sheet = addon.env.spreadsheet.addSheet(`D${++n}`, rows);
  sheet.setFrozenRows(1);
  return sheet;
}

test('job IDs are read as displayed: a number formatted with leading zeros is sent as shown', async () => {
  const [job] = bulkJobs(1, '0');
  job.jobId = '004217';
  await addon.simulator.putJobs([job]);
  const sheet = sheetWith([['Job ID'], [4217]]);
  sheet.setNumberFormat('A2', '000000');
  addon.env.spreadsheet.select(sheet.name, ['A2']);
  addon.env.urlFetch.log.length = 0;
  await addon.run('refresh');
  expect(addon.env.urlFetch.log.map((e) => e.url)).toEqual([expect.stringMatching(/\/job\/v1\/004217(\?|$)/)]);
});

test('a whole-row selection is clipped to the data', () => {
  const sheet = sheetWith([
    ['Job ID', 'Other'],
    [ids.inProgress[80], ''],
  ]);
  addon.env.spreadsheet.resetCellCounts();
  addon.env.spreadsheet.select(sheet.name, ['2:2']);
  expect(addon.plan()).toMatchObject({ ok: true, plan: { summary: { ranges: ['2:2'], jobIds: 1 } } });
  expect(addon.env.spreadsheet.cellsRead).toBeLessThan(20);
});

test("a chunk's requests go out together: one fetchAll per chunk, no single fetch", async () => {
  const sheet = sheetWith([['Job ID'], ...ids.inProgress.slice(81, 101).map((id) => [id])]);
  addon.env.spreadsheet.select(sheet.name, ['A2:A21']);
  addon.env.counter.reset();
  const { chunks } = await addon.run('refresh', { chunkSize: 10 });
  const calls = addon.env.counter.snapshot();
  // The opening chunk of 5 (slow start), then 10, then the last 5.
  expect(chunks.map((c) => c.jobs.length)).toEqual([5, 10, 5]);
  expect(calls['UrlFetchApp.fetchAll']).toBe(3);
  expect(calls['UrlFetchApp.fetch']).toBeUndefined();
  expect(calls['UrlFetch.request']).toBe(20);
});

test('the domain setting is sent as the domain query parameter', async () => {
  await withSettings({ domain: 'example.com' }, async () => {
    const sheet = sheetWith([['Job ID'], [ids.inProgress[101]]]);
    addon.env.spreadsheet.select(sheet.name, ['A2']);
    addon.env.urlFetch.log.length = 0;
    await addon.run('refresh');
    expect(addon.env.urlFetch.log[0].url).toBe(
      `https://aodocs.altirnao.com/api/job/v1/${ids.inProgress[101]}?domain=example.com`,
    );
  });
});

test('OAuth access token mode sends ScriptApp.getOAuthToken() as the bearer token', async () => {
  await withSettings({ authMode: 'oauth-token' }, async () => {
    const sheet = sheetWith([['Job ID'], [ids.inProgress[102]]]);
    addon.env.spreadsheet.select(sheet.name, ['A2']);
    addon.env.urlFetch.log.length = 0;
    const { end } = await addon.run('refresh');
    expect(addon.env.urlFetch.log[0].headers.Authorization).toMatch(/^Bearer ya29\./);
    // The simulator, like AODocs without a registered client, refuses it: the row says so.
    expect(end.results[0].result).toBe('Sign-in not accepted by AODocs (401)');
  });
});

test('with "Skip rows already finished" off, finished rows are sent again', async () => {
  const sheet = sheetWith([
    ['Job ID', 'Status'],
    [ids.finished[10], 'COMPLETED'],
  ]);
  addon.env.spreadsheet.select(sheet.name, ['A2']);
  expect(addon.plan()).toMatchObject({ ok: true, plan: { summary: { jobIds: 0, finishedSkipped: 1 } } });
  await withSettings({ skipFinishedRows: false }, async () => {
    expect(addon.plan()).toMatchObject({ ok: true, plan: { summary: { jobIds: 1, finishedSkipped: 0 } } });
  });
});

test('text that looks like a formula, a number or a date stays text in the log and in a job listing', async () => {
  const tricky = ['-5', '@cmd', '+1', '1e3'];
  const jobs = bulkJobs(tricky.length, 'x').map((job, i) => ({
    ...job,
    jobId: tricky[i],
    libraryId: DEMO_LIBRARY_IDS.contracts,
    requestor: i === 0 ? '=HYPERLINK("http://x","y")' : DEMO_ADMIN_EMAIL,
    type: i === 1 ? '@SUM(A1)' : 'IMPORT',
  }));
  await addon.simulator.putJobs(jobs);
  const sheet = sheetWith([['Job ID'], ...tricky.map((id) => [`'${id}`])]);
  addon.env.spreadsheet.select(sheet.name, [`A2:A${tricky.length + 1}`]);
  await addon.run('refresh');
  const log = addon.env.spreadsheet.sheet('AODocs Jobs log');
  const logged = log.values().filter((r) => tricky.includes(r[3] as string));
  expect(logged.map((r) => r[3]).sort()).toEqual([...tricky].sort());
  for (const row of logged)
    expect(row.slice(4, 9)).toEqual([sheet.name, expect.stringMatching(/^A\d+$/), 200, 'IN_PROGRESS', 'Status read']);
  expect(
    log
      .formulas()
      .flat()
      .filter((f) => f !== ''),
  ).toEqual([]);

  const page = addon.bundle.callFromClient('loadLibraryPage', {
    filters: {
      libraryId: DEMO_LIBRARY_IDS.contracts,
      status: 'IN_PROGRESS',
      type: 'IMPORT',
      requestor: '',
    },
    rowsSoFar: 0,
  }) as LibraryPageResult;
  const listing = addon.env.spreadsheet.sheet(page.sheetName);
  const listed = listing.values().slice(1);
  expect(listed.map((r) => r[0]).sort()).toEqual(['+1', '-5', '1e3']);
  expect(listed.find((r) => r[0] === '-5')!.slice(0, 4)).toEqual([
    '-5',
    'IMPORT',
    'IN_PROGRESS',
    '=HYPERLINK("http://x","y")',
  ]);
  expect(
    listing
      .formulas()
      .flat()
      .filter((f) => f !== ''),
  ).toEqual([]);
});
