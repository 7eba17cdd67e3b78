// The heart of the product through the real bundle: 250 job IDs across 3 ranges, mixed answers from the AODocs
// simulator over a real socket, and each row ending with exactly what docs/BEHAVIOUR.md describes.
import { demoJobIds, demoSeed } from '../../simulator/demo-seed';
import { RESULT_HEADERS } from '../../src/core/result-columns';
import { countOutcomes } from '../../src/client/run-driver';
import { Addon, startAddon } from '../support/addon';

const ids = demoJobIds();
const seedJobs = new Map(demoSeed().jobs.map((j) => [j.jobId, j]));
const INVALID = ['bad id', '../x', '..', 'a/b', '#N/A', 'x%2Fy', 'x?y', 'tab\there'];
const HOSTILE_NOTE = '=HYPERLINK("http://x","y")';

/** 250 cells: every kind of job, 57 duplicates and 8 invalid IDs, in a fixed shuffled order. */
function cellTexts(): string[] {
  const all = [
    ...ids.inProgress,
    ...ids.finished,
    ...ids.notAdmin,
    ...ids.unknown,
    ...INVALID,
    ...ids.inProgress.slice(0, 57),
  ];
  let seed = 42;
  for (let i = all.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all;
}

function expectedResult(text: string): { status: string; result: string } {
  if (INVALID.includes(text)) return { status: '', result: 'Invalid job ID' };
  if (ids.unknown.includes(text)) return { status: '', result: 'Not found (404)' };
  if (ids.notAdmin.includes(text)) return { status: '', result: 'Not a library administrator (403)' };
  const status = seedJobs.get(text)!.status;
  if (status === 'IN_PROGRESS') return { status: 'CANCELLED', result: 'Cancelled' };
  const already = { COMPLETED: 'Already completed', FAILED: 'Already failed', CANCELLED: 'Already cancelled' }[status]!;
  return { status, result: already };
}

let addon: Addon;
const texts = cellTexts();
// Job IDs in column A; column B holds notes, one of them a formula; column C tickets shaped like job IDs. The third
// range covers all three columns: only the job ID column is read.
const rows: unknown[][] = [['Job ID', 'Note', 'Ticket']];
texts.forEach((text, i) => {
  const row = i + 2;
  rows.push([text, i === 3 ? HOSTILE_NOTE : `note ${row}`, row > 180 ? `T${row}x` : '']);
});

beforeAll(async () => {
  addon = await startAddon();
  const sheet = addon.env.spreadsheet.addSheet('Jobs', rows);
  sheet.setFrozenRows(1);
  addon.env.spreadsheet.select('Jobs', ['A2:A90', 'A91:A180', 'A181:C251']);
});
afterAll(() => addon.close());

test('250 job IDs across 3 ranges end with exactly the rows docs/BEHAVIOUR.md describes', async () => {
  const sheet = addon.env.spreadsheet.sheet('Jobs');
  const before = sheet.formulas().map((r) => [...r]);
  const beforeValues = sheet.values().map((r) => [...r]);
  const plan = await addon.readPlan();
  expect(plan.ok).toBe(true);
  if (plan.ok !== true) return;
  expect(plan.plan.summary).toEqual({
    ranges: ['A2:A90', 'A91:A180', 'A181:C251'],
    idColumn: { column: 1, letter: 'A', header: 'Job ID', source: 'header' },
    jobIds: 185,
    duplicates: 57,
    invalid: 8,
    ignoredCells: 71 * 2,
    skipsHiddenRows: true,
    hiddenSkipped: 0,
    finishedSkipped: 0,
  });

  const { end, chunks } = await addon.run('cancel');
  expect(end.stoppedBecause).toBeUndefined();
  expect(end.notSent).toBe(0);
  expect(chunks.length).toBe(1 + Math.ceil(185 / 20));

  // The header row got the result columns, in docs/BEHAVIOUR.md's order, right of the data.
  const header = sheet.displayValues()[0];
  expect(header).toEqual(['Job ID', 'Note', 'Ticket', ...RESULT_HEADERS]);
  const col = (h: (typeof RESULT_HEADERS)[number]) => 3 + RESULT_HEADERS.indexOf(h);
  const values = sheet.values();
  texts.forEach((text, i) => {
    const row = values[i + 1];
    const expected = expectedResult(text);
    expect({ text, status: row[col('Status')], result: row[col('Result')] }).toEqual({ text, ...expected });
    // Checked at says when AODocs' status was read: a row that read none (invalid, 403, 404) is only given a Result.
    if (expected.status === '') expect(row[col('Checked at')]).toBe('');
    else expect(row[col('Checked at')]).toBeInstanceOf(Date);
    if (expected.status === 'CANCELLED' && expected.result === 'Cancelled') {
      expect(row[col('Completed')]).toBe(true);
      expect(row[col('Remaining tasks')]).toBe(0);
      expect(typeof row[col('Succeeded tasks')]).toBe('number');
      expect(row[col('Last activity')]).toBeInstanceOf(Date);
    }
  });

  // Only result columns changed: the IDs, the notes and the formula in B5 are as they were.
  const after = sheet.formulas();
  const afterValues = sheet.values();
  for (let r = 0; r < beforeValues.length; r++) {
    for (let c = 0; c < 3; c++) {
      expect(afterValues[r][c]).toEqual(beforeValues[r][c]);
      expect(after[r][c]).toBe(before[r][c]);
    }
    for (let c = 3; c < after[r].length; c++) expect(after[r][c]).toBe(''); // no formula in a result cell
  }

  // The sidebar's counts match the rows.
  const counts = countOutcomes(end.results);
  expect(counts).toMatchObject({ done: 137, 'already-finished': 33, failed: 15, invalid: 8 });
});

test('each distinct job ID was cancelled with exactly one POST, with the token only in the Authorization header', async () => {
  const log = addon.env.urlFetch.log;
  const posts = log.filter((e) => e.method.toLowerCase() === 'post');
  expect(posts.map((e) => decodeURIComponent(e.url.split('/job/v1/')[1].replace(/\/cancel$/, ''))).sort()).toEqual(
    [...new Set(texts.filter((t) => !INVALID.includes(t)))].sort(),
  );
  const token = log[0].headers.Authorization.replace(/^Bearer /, '');
  expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]*$/);
  for (const entry of log) {
    expect(entry.url.startsWith('https://aodocs.altirnao.com/api/job/v1/')).toBe(true);
    expect(entry.headers.Authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]*$/);
    expect(entry.headers.Accept).toBe('application/json');
    expect(entry.url).not.toContain(token);
    expect(entry.body).toBe('');
  }
  // Only the finished jobs (412) were read back.
  const gets = log.filter((e) => e.method.toLowerCase() === 'get');
  expect(gets).toHaveLength(33);
  // The token reached no cell, no log line.
  const everything = JSON.stringify(addon.env.spreadsheet.sheet('Jobs').values()) + JSON.stringify(addon.env.logs);
  expect(everything).not.toContain(token);
  expect(await addon.simulator.violations()).toEqual([]);
});

test('every outcome is in the log sheet, one row per request outcome, with no formula', () => {
  const log = addon.env.spreadsheet.sheet('AODocs Jobs log');
  const values = log.values();
  expect(values[0]).toEqual(['Time', 'User', 'Action', 'Job ID', 'Sheet', 'Cells', 'HTTP code', 'Status', 'Result']);
  const rows = values.slice(1);
  expect(rows).toHaveLength(185 + 8);
  expect(new Set(rows.map((r) => r[3]))).toEqual(new Set(texts));
  for (const r of rows) {
    expect(r[0]).toBeInstanceOf(Date);
    expect(r[1]).toBe('admin@example.com');
    expect(r[2]).toBe('cancel');
    expect(r[4]).toBe('Jobs');
    expect(r[8]).toBe(expectedResult(r[3] as string).result);
  }
  expect(
    log
      .formulas()
      .flat()
      .filter((f) => f !== ''),
  ).toEqual([]);
  // The user stays on the sheet they were working in.
  expect(addon.env.spreadsheet.activeSheetName()).toBe('Jobs');
});
