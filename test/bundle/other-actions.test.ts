// Refresh status, Load jobs from a library, Job errors, Settings and Check connection, through the bundle
// against the simulator over a real socket.
import {
  DEMO_LIBRARY_IDS,
  DEMO_SECURITY_CODES,
  HOSTILE_EVENT_MESSAGES,
  demoJobIds,
  demoSeed,
} from '../../simulator/demo-seed';
import {
  ConnectionReport,
  JobErrorsResult,
  LibraryFilters,
  LibraryPageResult,
  SettingsView,
} from '../../src/shared/api';
import { LISTING_HEADERS } from '../../src/core/library-listing';
import { Addon, startAddon } from '../support/addon';
import { bulkJobs } from '../support/bulk-jobs';

const ids = demoJobIds();
let addon: Addon;
beforeAll(async () => {
  addon = await startAddon();
  // 250 more jobs in the contracts library, so its listing spans 3 pages of 100.
  await addon.simulator.putJobs(bulkJobs(250, 'list', ['IN_PROGRESS', 'COMPLETED']));
});
afterAll(() => addon.close());

const call = <T>(name: string, ...args: unknown[]) => addon.bundle.callFromClient(name, ...args) as T;

/** Loads a whole listing the way the sidebar does: page after page until no token is left. */
function loadAll(filters: Partial<LibraryFilters>) {
  const full = { libraryId: '', status: 'IN_PROGRESS', type: '', requestor: '', ...filters };
  const pages: LibraryPageResult[] = [];
  let sheetName: string | undefined;
  let pageToken: string | undefined;
  let rows = 0;
  do {
    const page = call<LibraryPageResult>('loadLibraryPage', { filters: full, sheetName, pageToken, rowsSoFar: rows });
    pages.push(page);
    ({ sheetName, nextPageToken: pageToken } = page);
    rows += page.rowsWritten;
  } while (pageToken);
  return { pages, sheet: addon.env.spreadsheet.sheet(sheetName!), rows };
}

const settings = (change: Partial<SettingsView> & { securityCode?: string }) => addon.saveSettings(change);

describe('Load jobs from a library', () => {
  test("writes the library's in-progress jobs into a new sheet, across 3 pages, as real dates and numbers", async () => {
    const { pages, sheet, rows } = loadAll({ libraryId: DEMO_LIBRARY_IDS.contracts });
    const expected = (
      await Promise.all(
        [...ids.inProgress, ...bulkJobs(250, 'list', ['IN_PROGRESS', 'COMPLETED']).map((j) => j.jobId)].map((id) =>
          addon.simulator.getJob(id),
        ),
      )
    ).filter((j) => j?.libraryId === DEMO_LIBRARY_IDS.contracts && j.status === 'IN_PROGRESS');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(rows).toBe(expected.length);
    expect(sheet.name).toBe(`Jobs ${DEMO_LIBRARY_IDS.contracts}`);
    expect(sheet.frozenRows).toBe(1);
    const values = sheet.values();
    expect(values[0]).toEqual(LISTING_HEADERS);
    expect(new Set(values.slice(1).map((r) => r[0]))).toEqual(new Set(expected.map((j) => j!.jobId)));
    for (const row of values.slice(1)) {
      expect(row[2]).toBe('IN_PROGRESS');
      expect(row[4]).toBeInstanceOf(Date);
      expect(typeof row[8]).toBe('number');
    }
    expect(await addon.simulator.violations()).toEqual([]);
  });

  test('pages through a library of more than 3 pages', () => {
    const { pages, rows } = loadAll({ libraryId: DEMO_LIBRARY_IDS.contracts, status: '' });
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(rows).toBeGreaterThan(250);
  });

  test('a second load of the same library gets a new sheet name; filters by status, type and requestor', () => {
    const { sheet } = loadAll({
      libraryId: DEMO_LIBRARY_IDS.contracts,
      status: 'COMPLETED',
      type: 'IMPORT_FOLDER',
      requestor: 'admin@example.com',
    });
    expect(sheet.name).toMatch(/ \(\d+\)$/);
    const values = sheet.values().slice(1);
    expect(values.length).toBeGreaterThan(0);
    for (const row of values)
      expect([row[1], row[2], row[3]]).toEqual(['IMPORT_FOLDER', 'COMPLETED', 'admin@example.com']);
  });

  test('an empty result gives a sheet with its header only', () => {
    const { sheet, rows } = loadAll({ libraryId: DEMO_LIBRARY_IDS.contracts, requestor: 'nobody@example.com' });
    expect(rows).toBe(0);
    expect(sheet.values()).toEqual([LISTING_HEADERS]);
  });

  test.each([
    ['an unknown library', 'NoSuchLibrary0000001', 'Library not found (404): check the library ID.'],
    [
      'a library the user does not administer',
      DEMO_LIBRARY_IDS.hr,
      'You are not an administrator of this library (403).',
    ],
    [
      'a malformed library ID',
      '../etc',
      'Library ID: enter the ID of an AODocs library (letters and digits, no spaces).',
    ],
  ])('%s: a clear message and no sheet', (_, libraryId, message) => {
    const before = addon.env.spreadsheet.sheetNames();
    expect(() => loadAll({ libraryId })).toThrow(message);
    expect(addon.env.spreadsheet.sheetNames()).toEqual(before);
  });

  test('load, then select them all and cancel: every row shows CANCELLED', async () => {
    const { sheet, rows } = loadAll({ libraryId: DEMO_LIBRARY_IDS.imports });
    expect(rows).toBe(125);
    addon.env.spreadsheet.select(sheet.name, ['A:A']);
    const { end } = await addon.run('cancel');
    expect(end.notSent).toBe(0);
    const values = sheet.values();
    const status = values[0].indexOf('Status');
    const result = values[0].indexOf('Result');
    expect(new Set(values.slice(1).map((r) => r[status]))).toEqual(new Set(['CANCELLED']));
    expect(new Set(values.slice(1).map((r) => r[result]))).toEqual(new Set(['Cancelled']));
    // The listing's own columns were updated in place, not duplicated.
    expect(values[0].filter((h) => h === 'Status')).toHaveLength(1);
  });
});

describe('Refresh status', () => {
  test('reads each job and writes its status; nothing is cancelled', async () => {
    const jobIds = [...ids.inProgress.slice(0, 3), ...ids.finished.slice(0, 2)];
    const sheet = addon.env.spreadsheet.addSheet('Refresh', [['Job ID'], ...jobIds.map((id) => [id])]);
    addon.env.spreadsheet.select('Refresh', ['A2:A6']);
    addon.env.urlFetch.log.length = 0;
    await addon.run('refresh');
    expect(addon.env.urlFetch.log.every((e) => e.method.toLowerCase() === 'get')).toBe(true);
    const values = sheet.values();
    const status = values[0].indexOf('Status');
    for (let i = 0; i < jobIds.length; i++) {
      const job = await addon.simulator.getJob(jobIds[i]);
      expect(values[i + 1][status]).toBe(job!.status);
    }
    expect((await addon.simulator.getJob(ids.inProgress[0]))!.status).toBe('IN_PROGRESS');
  });
});

describe('Job errors', () => {
  test('lists the error events of the job in the active cell, hostile texts as they are', () => {
    const jobId = ids.withErrors.find((id) =>
      demoSeed()
        .jobs.find((j) => j.jobId === id)!
        .events!.some((e) => HOSTILE_EVENT_MESSAGES.includes(e.message)),
    )!;
    addon.env.spreadsheet.addSheet('Errors', [['Job ID'], [jobId], [ids.manyEvents[0]], ['not valid/id']]);
    addon.env.spreadsheet.select('Errors', ['A2']);
    const result = call<JobErrorsResult>('readJobErrors');
    expect(result.jobId).toBe(jobId);
    expect(result.events.length).toBeGreaterThan(0);
    expect(result.events.every((e) => e.severity === 'ERROR' && /^\d{4}-\d\d-\d\dT/.test(e.time))).toBe(true);
    expect(result.events.map((e) => e.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/<img src=x onerror=alert\(1\)>|=HYPERLINK/)]),
    );
  });

  test('pages through a job with many error events, and stops at 5 pages', async () => {
    const [job] = bulkJobs(1, 'errors');
    const event = (i: number, severity: 'ERROR' | 'INFO') => ({
      timestamp: Date.UTC(2026, 0, 1) + i * 1000,
      severity,
      message: `event ${i}`,
    });
    job.events = Array.from({ length: 700 }, (_, i) => event(i, i % 7 === 0 ? 'INFO' : 'ERROR'));
    await addon.simulator.putJobs([job]);
    addon.env.spreadsheet.sheet('Errors').type(3, 1, job.jobId);
    addon.env.spreadsheet.select('Errors', ['A3']);
    const result = call<JobErrorsResult>('readJobErrors');
    expect(result.events).toHaveLength(500); // 5 pages of 100, of the 600 errors
    expect(result.truncated).toBe(true);
    expect(result.events.every((e) => e.severity === 'ERROR')).toBe(true);
  });

  test('a cell that is not a job ID gets a clear message', () => {
    addon.env.spreadsheet.select('Errors', ['A4']);
    expect(() => call('readJobErrors')).toThrow('Click the cell that holds the job ID, then try again.');
  });
});

describe('Settings and Check connection', () => {
  test('invalid settings are refused with the field named, and nothing is saved', () => {
    const before = call<SettingsView>('getSettings');
    expect(settings({ chunkSize: 500 })).toMatchObject({ ok: false, field: 'chunkSize' });
    expect(settings({ baseUrl: 'https://evil.example.com/api' })).toMatchObject({ ok: false, field: 'baseUrl' });
    expect(call<SettingsView>('getSettings')).toEqual(before);
  });

  test('settings are stored per user and read back', () => {
    expect(settings({ chunkSize: 7, writeLog: false })).toMatchObject({
      ok: true,
      settings: { chunkSize: 7, writeLog: false },
    });
    expect(call<SettingsView>('getSettings')).toMatchObject({
      chunkSize: 7,
      writeLog: false,
      baseUrl: 'https://aodocs.altirnao.com/api',
    });
    // The sidebar chunks a run by the size its plan carries.
    addon.env.spreadsheet.addSheet('Chunk7', [['Job ID'], ['someJob']]).setFrozenRows(1);
    addon.env.spreadsheet.select('Chunk7', ['A2']);
    expect(addon.plan()).toMatchObject({ ok: true, plan: { chunkSize: 7 } });
    addon.env.user.email = 'someone.else@example.com';
    expect(call<SettingsView>('getSettings')).toMatchObject({ chunkSize: 20, writeLog: true });
    addon.env.user.email = 'admin@example.com';
    expect(settings({ chunkSize: 20, writeLog: true })).toMatchObject({ ok: true });
  });

  test('Check connection shows who the add-on acts as, never the token', () => {
    const report = call<ConnectionReport>('checkConnection');
    expect(report).toMatchObject({ ok: true, email: 'admin@example.com', authMode: 'identity-token' });
    expect(report.clientId).toMatch(/apps\.googleusercontent\.com$/);
    expect(Date.parse(report.expiresAt!)).toBeGreaterThan(Date.now());
    const token = addon.env.urlFetch.log.at(-1)!.headers.Authorization.replace('Bearer ', '');
    expect(JSON.stringify(report)).not.toContain(token);
  });

  test('a security code is sent in the header, works, and never comes back', async () => {
    expect(settings({ authMode: 'security-code', securityCode: DEMO_SECURITY_CODES.admin })).toMatchObject({
      ok: true,
      settings: { securityCodeSaved: true },
    });
    const view = call<SettingsView>('getSettings');
    expect(JSON.stringify(view)).not.toContain(DEMO_SECURITY_CODES.admin);
    const report = call<ConnectionReport>('checkConnection');
    expect(report.ok).toBe(true);
    const last = addon.env.urlFetch.log.at(-1)!;
    expect(last.headers.Authorization).toBe(`securityCode ${DEMO_SECURITY_CODES.admin}`);
    expect(last.url).not.toContain(DEMO_SECURITY_CODES.admin);
    // Nothing the client gets, no cell and no log line holds it.
    const [fresh] = bulkJobs(1, 'code');
    await addon.simulator.putJobs([fresh]);
    const sheet = addon.env.spreadsheet.addSheet('Code', [['Job ID'], [fresh.jobId]]);
    addon.env.spreadsheet.select('Code', ['A2']);
    const { end } = await addon.run('cancel');
    expect(end.results[0].result).toBe('Cancelled');
    const everything =
      JSON.stringify([view, report, end, sheet.values(), addon.env.logs.entries]) +
      JSON.stringify(addon.env.spreadsheet.sheet('AODocs Jobs log').values());
    expect(everything).not.toContain(DEMO_SECURITY_CODES.admin);
    expect(settings({ authMode: 'identity-token', securityCode: '' })).toMatchObject({
      ok: true,
      settings: { securityCodeSaved: false },
    });
  });

  test('security-code mode without a saved code asks for one and sends nothing', () => {
    settings({ authMode: 'security-code' });
    addon.env.urlFetch.log.length = 0;
    expect(call<ConnectionReport>('checkConnection')).toMatchObject({
      ok: false,
      message: 'Authorization needed: save your AODocs security code in Settings.',
    });
    expect(addon.env.urlFetch.log).toHaveLength(0);
    settings({ authMode: 'identity-token' });
  });
});

test('on 401, Check connection gives the exact sentence to send AODocs support', async () => {
  const other = await startAddon({
    simulator: { seed: { ...demoSeed(), registeredClientIds: ['someone-else.apps.googleusercontent.com'] } },
  });
  try {
    const report = other.bundle.callFromClient('checkConnection') as ConnectionReport;
    expect(report.ok).toBe(false);
    expect(report.supportRequest).toBe(
      `Please register the Google OAuth client ID ${report.clientId} for the AODocs API on the domain example.com. ` +
        'It is the client ID of the "AODocs Jobs" Google Sheets add-on, which calls the Job API with Google ID tokens ' +
        'on behalf of our library administrators.',
    );
    // And a cancel stops the run with the connection advice after its opening chunk (slow start: 5 jobs).
    other.env.spreadsheet.addSheet('Jobs', [['Job ID'], ...ids.inProgress.slice(0, 45).map((id) => [id])]);
    other.env.spreadsheet.select('Jobs', ['A2:A46']);
    const { end, chunks } = await other.run('cancel', { chunksInFlight: 1 });
    expect(chunks).toHaveLength(1);
    expect(end.stoppedBecause).toMatch(/^AODocs did not accept your sign-in \(401\), so the run stopped\./);
    expect(end.results.every((r) => r.result === 'Sign-in not accepted by AODocs (401)')).toBe(true);
    expect(end.results).toHaveLength(5);
    expect(end.notSent).toBe(40);
  } finally {
    await other.close();
  }
});
