// Reading the selection through the bundle: clipping, header row, the job ID column, hidden rows, finished rows,
// and the run cap.
import { demoJobIds } from '../../simulator/demo-seed';
import type { KnownHiddenRows, PlanAnswer, SettingsView } from '../../src/shared/api';
import { SELECTION_KEPT_CHANGING, readPlanWithHiddenRows } from '../../src/client/plan-driver';
import { HIDDEN_ROWS_CHECKED_INLINE, MAX_HIDDEN_ROUNDS, tooManyRowsToCheck } from '../../src/core/hidden-rows';
import { Addon, startAddon } from '../support/addon';

const ids = demoJobIds();
let addon: Addon;
beforeAll(async () => {
  addon = await startAddon();
});
afterAll(() => addon.close());

let n = 0;
function sheetWith(rows: unknown[][], frozen = 1) {
  const sheet = addon.env.spreadsheet.addSheet(`Sel${++n}`, rows);
  if (frozen) sheet.setFrozenRows(frozen);
  return sheet;
}

function plan(sheet: string, ranges: string[]): PlanAnswer {
  addon.env.spreadsheet.select(sheet, ranges);
  return addon.plan();
}

const saveSettings = (change: Partial<SettingsView>) => addon.saveSettings(change);

test('a whole-column selection reads the data rows only, not the whole grid', async () => {
  const rows = [['Job ID'], ...Array.from({ length: 2000 }, (_, i) => [`job${i}`])];
  const sheet = sheetWith(rows);
  addon.env.spreadsheet.resetCellCounts();
  // The first call reads the selection and asks for its 2,000 rows to be checked for being hidden.
  expect(plan(sheet.name, ['A:A'])).toMatchObject({ ok: 'check-hidden-rows', request: { rows: { length: 2000 } } });
  expect(addon.env.spreadsheet.cellsRead).toBeLessThan(3 * 2000 + 100);
  expect(await addon.readPlan()).toMatchObject({ ok: true, plan: { summary: { ranges: ['A:A'], jobIds: 2000 } } });
});

test('the header row is never a job ID: frozen row, or row 1 reading like a header', () => {
  const frozen = sheetWith([['Title'], ['Job ID'], [ids.inProgress[0]]], 2);
  expect(plan(frozen.name, ['A1:A3'])).toMatchObject({
    ok: true,
    plan: { headerRow: 2, summary: { jobIds: 1, invalid: 0 } },
  });
  const row1 = sheetWith([['jobId'], [ids.inProgress[0]]], 0);
  expect(plan(row1.name, ['A1:A2'])).toMatchObject({ ok: true, plan: { headerRow: 1, summary: { jobIds: 1 } } });
});

test('without a header row, nothing runs and the sidebar says why', () => {
  const sheet = sheetWith([[ids.inProgress[0]], [ids.inProgress[1]]], 0);
  expect(plan(sheet.name, ['A1:A2'])).toEqual({
    ok: false,
    message: expect.stringContaining('Add a header row above the job IDs'),
  });
});

test('hidden and filtered rows are skipped and counted; the setting turns that off', () => {
  const sheet = sheetWith([['Job ID'], ...ids.inProgress.slice(0, 6).map((id) => [id])]);
  sheet.hideRowsByUser(3, 2);
  sheet.hideRowsByFilter([6]);
  expect(plan(sheet.name, ['A2:A7'])).toMatchObject({ ok: true, plan: { summary: { jobIds: 3, hiddenSkipped: 3 } } });
  expect(saveSettings({ skipHiddenRows: false })).toMatchObject({ ok: true });
  expect(plan(sheet.name, ['A2:A7'])).toMatchObject({ ok: true, plan: { summary: { jobIds: 6, hiddenSkipped: 0 } } });
  saveSettings({ skipHiddenRows: true });
});

test('rows already showing a finished status are skipped and counted', () => {
  const sheet = sheetWith([
    ['Job ID', 'Status'],
    [ids.inProgress[0], 'CANCELLED'],
    [ids.inProgress[1], 'IN_PROGRESS'],
    [ids.inProgress[2], 'completed'],
  ]);
  expect(plan(sheet.name, ['A2:A4'])).toMatchObject({ ok: true, plan: { summary: { jobIds: 1, finishedSkipped: 2 } } });
});

test('whole rows selected: only the job ID column is read and written; Notes and Type are ignored', async () => {
  // docs/BEHAVIOUR.md 1.1. A regression: a Note or Type beside a valid, finished ID made the row "Invalid job ID"
  // or "Several job IDs in one row", and blanked its true status.
  const sheet = sheetWith([
    ['Job ID', 'Type', 'Notes', 'Status', 'Result'],
    [ids.inProgress[60], 'MOVE', 'a/b see ticket', 'IN_PROGRESS', ''],
    [ids.inProgress[61], 'IMPORT', ids.inProgress[62], 'IN_PROGRESS', ''],
  ]);
  addon.env.spreadsheet.select(sheet.name, ['2:3']);
  addon.env.urlFetch.log.length = 0;
  const before = sheet.values().map((r) => r.slice(0, 3));
  const { plan: made } = await addon.run('refresh');
  // Type and Notes of two rows; Status and Result are the run's own columns, not ignored.
  expect(made.summary).toMatchObject({ jobIds: 2, invalid: 0, ignoredCells: 2 * 2 });
  expect(made.rejected).toEqual([]);
  const values = sheet.values();
  const result = values[0].indexOf('Result');
  expect(values.slice(1).map((r) => r[result])).toEqual(['Status read', 'Status read']);
  expect(values.map((r) => r.slice(0, 3))).toEqual(before);
  expect(addon.env.urlFetch.log.map((e) => e.url).sort()).toEqual(
    [ids.inProgress[60], ids.inProgress[61]].map((id) => expect.stringContaining(id)),
  );
});

test('several columns under a header that names none: the question, then the chosen column, remembered', async () => {
  const sheet = sheetWith([
    ['Reference', 'Ticket'],
    ['north', ids.inProgress[63]],
  ]);
  sheet.setFrozenRows(1);
  addon.env.spreadsheet.select(sheet.name, ['A2:B2']);
  const asked = addon.plan();
  expect(asked).toMatchObject({ ok: 'choose-id-column', question: { preselected: 2 } });
  addon.bundle.callFromClient('chooseIdColumn', { sheetId: sheet.id, column: 2, header: 'Ticket' });
  const again = addon.plan();
  expect(again).toMatchObject({ ok: true, plan: { idColumn: 2, summary: { idColumn: { source: 'chosen' } } } });
  expect(() => addon.bundle.callFromClient('chooseIdColumn', { sheetId: sheet.id, column: -1, header: '' })).toThrow(
    /Invalid request/,
  );
  addon.bundle.callFromClient('chooseIdColumn', { sheetId: sheet.id, column: 0, header: '' });
  expect(addon.plan().ok).toBe('choose-id-column');
});

test('a selection over the run cap is refused with a clear message', () => {
  const sheet = sheetWith([['Job ID'], ...Array.from({ length: 30 }, (_, i) => [`cap${i}`])]);
  saveSettings({ runCap: 25 });
  expect(plan(sheet.name, ['A2:A31'])).toEqual({
    ok: false,
    message:
      'The selection holds 30 job IDs; one run takes at most 25 (Settings). Select fewer rows, or raise the limit.',
  });
  saveSettings({ runCap: 5000 });
});

test('nothing selected that holds a job ID: a clear message', () => {
  const sheet = sheetWith([['Job ID'], ['']]);
  expect(plan(sheet.name, ['C5:D6'])).toEqual({
    ok: false,
    message: expect.stringMatching(/^Select the cells that hold the job IDs/),
  });
});

const RUN = '00112233445566778899aabb';

test('runChunk refuses a request that does not match the sheet, and writes nothing', () => {
  const sheet = sheetWith([
    ['Job ID', 'Note'],
    [ids.inProgress[70], 'keep'],
  ]);
  const answer = plan(sheet.name, ['A2']);
  if (answer.ok !== true) throw new Error('no plan');
  const before = JSON.stringify(sheet.values());
  const send = (change: object) => () =>
    addon.bundle.callFromClient('runChunk', { ...answer.plan, action: 'cancel', runId: RUN, ...change });
  expect(send({ jobs: [{ jobId: '../etc', cells: [{ row: 2, column: 1 }] }] })).toThrow(
    'Invalid request: a job ID is not valid.',
  );
  expect(send({ jobs: [{ jobId: 'x', cells: [{ row: 1, column: 1 }] }] })).toThrow(/header/);
  expect(send({ action: 'delete' })).toThrow('Invalid request: unknown action.');
  // A chunk Stop could not hold back on the server (no run ID) is not run.
  expect(send({ runId: undefined })).toThrow(
    'This sidebar is from an older version of the add-on and sent nothing. Close it and open it again from ' +
      'Extensions > AODocs Jobs (or reload the spreadsheet).',
  );
  // Told before anything its jobs get wrong.
  expect(send({ runId: undefined, jobs: [{ jobId: '../etc', cells: [{ row: 2, column: 1 }] }] })).toThrow(
    /^This sidebar is from an older version/,
  );
  expect(
    send({ jobs: Array.from({ length: 51 }, (_, i) => ({ jobId: `j${i}`, cells: [{ row: 2, column: 1 }] })) }),
  ).toThrow(/more than 50/);
  expect(send({ sheetId: 987654 })).toThrow('The sheet of this run was deleted. Select the job IDs again.');
  // A job ID that is not the one in its cell is not sent, and its row is not written.
  addon.env.urlFetch.log.length = 0;
  const result = addon.bundle.callFromClient('runChunk', {
    ...answer.plan,
    action: 'cancel',
    runId: RUN,
    rejected: [],
    jobs: [{ jobId: 'someOtherJob', cells: [{ row: 2, column: 1 }] }],
  });
  expect(result).toMatchObject({ results: [{ jobId: 'someOtherJob', outcome: 'gone' }] });
  expect(addon.env.urlFetch.log).toHaveLength(0);
  expect(JSON.stringify(sheet.values())).toBe(before);
});

test('a whole column of 150,000 rows is planned without overflowing, and refused by the run cap', () => {
  const rows: unknown[][] = [['Job ID', 'Status']];
  for (let i = 0; i < 150_000; i++) rows.push([`big${i}`, '']);
  const sheet = sheetWith(rows);
  saveSettings({ skipHiddenRows: false });
  try {
    expect(plan(sheet.name, ['A:A'])).toEqual({
      ok: false,
      message: expect.stringMatching(/^The selection holds 150000 job IDs; one run takes at most 5000/),
    });
  } finally {
    saveSettings({ skipHiddenRows: true });
  }
});

test('only rows holding something are checked for being hidden (one Apps Script call per row)', () => {
  const rows: unknown[][] = [['Job ID']];
  for (let i = 0; i < 1000; i++) rows.push([i % 100 === 0 ? `sparse${i}` : '']);
  const sheet = sheetWith(rows);
  addon.env.counter.reset();
  expect(plan(sheet.name, ['A:A'])).toMatchObject({ ok: true, plan: { summary: { jobIds: 10 } } });
  expect(addon.env.counter.snapshot()['Sheet.isRowHiddenByUser']).toBe(10);
});

describe('a large selection has its rows checked for being hidden in parallel pieces', () => {
  function bigSheet(count: number) {
    const sheet = sheetWith([['Job ID'], ...Array.from({ length: count }, (_, i) => [`hid${n}x${i}`])]);
    return sheet;
  }

  test('hidden and filtered rows are found among 1,000, each row asked about once, in pieces', async () => {
    const sheet = bigSheet(1000);
    sheet.hideRowsByUser(10, 5); // rows 10-14
    sheet.hideRowsByUser(900, 1);
    sheet.hideRowsByFilter([300, 301, 1001]);
    addon.env.spreadsheet.select(sheet.name, ['A:A']);
    addon.env.counter.reset();
    const firstExecution = addon.env.executions.log.length;
    const answer = await addon.readPlan();
    expect(answer).toMatchObject({ ok: true, plan: { summary: { jobIds: 991, hiddenSkipped: 9 } } });
    if (answer.ok !== true) return;
    const sent = new Set(answer.plan.jobs.flatMap((j) => j.cells.map((c) => c.row)));
    for (const row of [10, 14, 300, 301, 900, 1001]) expect(sent.has(row)).toBe(false);
    expect(sent.has(15)).toBe(true);
    expect(addon.env.counter.snapshot()['Sheet.isRowHiddenByUser']).toBe(1000);
    const names = addon.env.executions.log.slice(firstExecution).map((e) => e.functionName);
    expect(names).toEqual(['readSelectionPlan', ...Array(6).fill('readHiddenRows'), 'readSelectionPlan']);
  });

  test('rows added to the selection between the calls are checked in a second round', async () => {
    const sheet = bigSheet(1200);
    sheet.hideRowsByUser(1100, 2);
    sheet.hideRowsByUser(50, 1);
    addon.env.spreadsheet.select(sheet.name, ['A2:A700']);
    let rounds = 0;
    const answer = await readPlanWithHiddenRows({
      readPlan: async (known?: KnownHiddenRows) => {
        rounds++;
        // The user extends the selection while the first round of checks runs.
        if (rounds === 2) addon.env.spreadsheet.select(sheet.name, ['A2:A1201']);
        return addon.plan(known);
      },
      readHiddenRows: async (request) => addon.bundle.callFromClient('readHiddenRows', request) as number[],
      inFlight: 6,
    });
    expect(rounds).toBe(3);
    expect(answer).toMatchObject({ ok: true, plan: { summary: { jobIds: 1197, hiddenSkipped: 3 } } });
  });

  test('hidden states known about another sheet are not used', async () => {
    const sheet = bigSheet(300);
    sheet.hideRowsByUser(5, 1);
    addon.env.spreadsheet.select(sheet.name, ['A:A']);
    const first = addon.plan();
    if (first.ok !== 'check-hidden-rows') throw new Error('expected a check');
    const other = addon.env.spreadsheet.sheet(sheet.name).id + 1000;
    const rounds = [{ rows: first.request.rows, hidden: [], fingerprint: first.request.fingerprint }];
    expect(addon.plan({ sheetId: other, rounds })).toEqual(first);
  });

  test('rows inserted above while the pieces ran: the stale round is not trusted, the rows are checked again', async () => {
    const sheet = bigSheet(600);
    sheet.hideRowsByUser(10, 2); // rows 10-11
    addon.env.spreadsheet.select(sheet.name, ['A2:A601']);
    let calls = 0;
    const answer = await readPlanWithHiddenRows({
      readPlan: async (known?: KnownHiddenRows) => {
        calls++;
        // A user inserts a row above the data while the first round of checks runs: every ID moves down one row.
        if (calls === 2) sheet.insertRowsBefore(2, 1);
        return addon.plan(known);
      },
      readHiddenRows: async (request) => addon.bundle.callFromClient('readHiddenRows', request) as number[],
      inFlight: 6,
    });
    expect(calls).toBe(3);
    if (answer.ok !== true) throw new Error(JSON.stringify(answer));
    expect(answer.plan.summary).toMatchObject({ hiddenSkipped: 2 });
    // The hidden rows are now 11-12; trusting the first round (rows 10-11) would have skipped the wrong job.
    const rows = new Set(answer.plan.jobs.flatMap((j) => j.cells.map((c) => c.row)));
    expect([10, 11, 12].map((row) => rows.has(row))).toEqual([true, false, false]);
  });

  test('up to 200 rows are checked in the plan call itself; from 201 the sidebar is asked to check them', () => {
    const sheet = bigSheet(HIDDEN_ROWS_CHECKED_INLINE + 1);
    sheet.hideRowsByUser(3, 1);
    expect(plan(sheet.name, [`A2:A${HIDDEN_ROWS_CHECKED_INLINE + 1}`])).toMatchObject({
      ok: true,
      plan: { summary: { jobIds: HIDDEN_ROWS_CHECKED_INLINE - 1, hiddenSkipped: 1 } },
    });
    expect(plan(sheet.name, [`A2:A${HIDDEN_ROWS_CHECKED_INLINE + 2}`])).toMatchObject({
      ok: 'check-hidden-rows',
      request: { rows: { length: HIDDEN_ROWS_CHECKED_INLINE + 1 } },
    });
  });

  test('a selection that keeps moving ends with a message after a bounded number of rounds', async () => {
    const sheet = bigSheet(400);
    let calls = 0;
    addon.env.spreadsheet.select(sheet.name, ['A:A']);
    const answer = await readPlanWithHiddenRows({
      readPlan: async (known?: KnownHiddenRows) => {
        // Each time, a row is inserted above the data: no round of checks ever matches the sheet.
        if (calls++ > 0) sheet.insertRowsBefore(2, 1);
        return addon.plan(known);
      },
      readHiddenRows: async (request) => addon.bundle.callFromClient('readHiddenRows', request) as number[],
      inFlight: 6,
    });
    expect(answer).toEqual({ ok: false, message: SELECTION_KEPT_CHANGING });
    expect(calls).toBe(MAX_HIDDEN_ROUNDS + 1);
  });

  test('readHiddenRows refuses a malformed request and a sheet that is gone; rows past the grid are not hidden', () => {
    const sheet = bigSheet(10);
    sheet.hideRowsByUser(3, 1);
    const sheetId = addon.env.spreadsheet.sheet(sheet.name).id;
    const call = (request: unknown) => addon.bundle.callFromClient('readHiddenRows', request);
    expect(call({ sheetId, rows: [2, 3, 4, 5_000_000] })).toEqual([3]);
    expect(() => call({ sheetId, rows: [0] })).toThrow('The request must list row numbers.');
    expect(() => call({ sheetId, rows: Array.from({ length: 501 }, (_, i) => i + 1) })).toThrow(
      'At most 500 rows can be checked at once.',
    );
    expect(() => call({ sheetId: sheetId + 999, rows: [2] })).toThrow('The sheet of the selection no longer exists.');
    expect(() => addon.bundle.callFromClient('readSelectionPlan', { sheetId, rounds: 'all' })).toThrow(
      'The hidden rows sent back with the plan are not understood.',
    );
  });

  test('more than 20,000 rows to check: the user is told how to go on, and nothing is checked', () => {
    const rows: unknown[][] = [['Job ID']];
    for (let i = 0; i < 20001; i++) rows.push([`many${i}`]);
    const sheet = sheetWith(rows);
    addon.env.counter.reset();
    expect(plan(sheet.name, ['A:A'])).toEqual({ ok: false, message: tooManyRowsToCheck(20001) });
    expect(addon.env.counter.snapshot()['Sheet.isRowHiddenByUser']).toBeUndefined();
  });
});
