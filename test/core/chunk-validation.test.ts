import {
  InvalidRequestError,
  MAX_CELLS_PER_CHUNK,
  MAX_CELLS_PER_JOB,
  validateChunkRequest,
} from '../../src/core/chunk-validation';
import { ChunkRequest } from '../../src/shared/api';
import { SERVER } from '../../src/core/wording';

const good = (): ChunkRequest => ({
  action: 'cancel',
  sheetId: 123456,
  headerRow: 1,
  idColumn: 1,
  jobs: [
    {
      jobId: 'j1',
      cells: [
        { row: 2, column: 1 },
        { row: 7, column: 1 },
      ],
    },
    { jobId: '作業42', cells: [{ row: 3, column: 1 }] },
  ],
  rejected: [
    { text: 'abc def', cell: { row: 4, column: 1 }, problem: 'invalid' },
    { text: 'j8 x', cell: { row: 5, column: 1 }, problem: 'invalid' },
  ],
  runId: '0123456789abcdef01234567',
});

/** A good request with some fields replaced (by anything, as a caller in the sidebar's frame could send). */
const withFields = (fields: Record<string, unknown>): unknown => ({ ...good(), ...fields });

const jobsOf = (n: number, cellsEach = 1) =>
  Array.from({ length: n }, (_, i) => ({
    jobId: `job${i}`,
    cells: Array.from({ length: cellsEach }, (_, k) => ({ row: 2 + i * cellsEach + k, column: 1 })),
  }));

function expectRefused(value: unknown): void {
  expect(() => validateChunkRequest(value)).toThrow(InvalidRequestError);
  expect(() => validateChunkRequest(value)).toThrow(/^Invalid request: /);
}

describe('validateChunkRequest accepts', () => {
  test('a good cancel request, returned unchanged', () => {
    expect(validateChunkRequest(good())).toEqual(good());
  });

  test('a good refresh request, returned unchanged', () => {
    const request = { ...good(), action: 'refresh' as const };
    expect(validateChunkRequest(request)).toEqual(request);
  });

  test('a request without rejected cells (rejected reads as empty)', () => {
    const { rejected: _rejected, ...rest } = good();
    expect(validateChunkRequest(rest)).toEqual({ ...rest, rejected: [] });
  });

  test('an empty chunk', () => {
    expect(validateChunkRequest(withFields({ jobs: [], rejected: [] }))).toMatchObject({ jobs: [], rejected: [] });
  });

  test('sheet ID 0 (the first sheet)', () => {
    expect(validateChunkRequest(withFields({ sheetId: 0 })).sheetId).toBe(0);
  });

  test('50 jobs (the largest chunk size)', () => {
    expect(validateChunkRequest(withFields({ jobs: jobsOf(50), rejected: [] })).jobs).toHaveLength(50);
  });

  test(`${MAX_CELLS_PER_CHUNK} cells`, () => {
    const jobs = jobsOf(40, MAX_CELLS_PER_CHUNK / 40);
    expect(validateChunkRequest(withFields({ jobs, rejected: [] })).jobs).toHaveLength(40);
  });

  test(`one job alone on ${MAX_CELLS_PER_JOB} rows (a job on many rows goes alone with all of them)`, () => {
    const jobs = jobsOf(1, MAX_CELLS_PER_JOB);
    expect(validateChunkRequest(withFields({ jobs, rejected: [] })).jobs[0].cells).toHaveLength(MAX_CELLS_PER_JOB);
  });

  test('a row just below a deeper header row', () => {
    const request = withFields({
      headerRow: 3,
      idColumn: 2,
      jobs: [{ jobId: 'j1', cells: [{ row: 4, column: 2 }] }],
      rejected: [],
    });
    expect(validateChunkRequest(request).jobs[0].cells).toEqual([{ row: 4, column: 2 }]);
  });
});

describe('validateChunkRequest refuses', () => {
  test.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'cancel'],
    ['a number', 42],
    ['an array', [good()]],
    ['an empty object', {}],
  ])('a chunk that is %s', (_name, value) => {
    expectRefused(value);
  });

  test.each<[unknown]>([['delete'], ['CANCEL'], [''], [undefined], [1]])('the action %p', (action) => {
    expectRefused(withFields({ action }));
  });

  test.each<[unknown]>([[-1], [1.5], ['123'], [null], [Number.MAX_SAFE_INTEGER + 2]])('the sheet ID %p', (sheetId) => {
    expectRefused(withFields({ sheetId }));
  });

  test.each<[unknown]>([[0], [-1], [1.5], ['1'], [null]])('the header row %p', (headerRow) => {
    expectRefused(withFields({ headerRow }));
  });

  // A chunk without its run's ID could not be held back by Stop.
  test('no run ID: a sidebar of an older version, told to reopen', () => {
    expect(() => validateChunkRequest(withFields({ runId: undefined }))).toThrow(SERVER.sidebarOutOfDate);
  });

  test.each<[unknown]>([[null], [''], ['0123'], ['0123456789ABCDEF'], [42], ['../../x0123456789abcdef']])(
    'the run ID %p',
    (runId) => {
      expectRefused(withFields({ runId }));
    },
  );

  test('a cell listed twice (in one job, in two jobs, or in a job and a rejected cell)', () => {
    const cell = { row: 2, column: 1 };
    expectRefused(withFields({ jobs: [{ jobId: 'a', cells: [cell, cell] }] }));
    expectRefused(
      withFields({
        jobs: [
          { jobId: 'a', cells: [cell] },
          { jobId: 'b', cells: [cell] },
        ],
      }),
    );
    expectRefused(
      withFields({ jobs: [{ jobId: 'a', cells: [cell] }], rejected: [{ text: 'x y', cell, problem: 'invalid' }] }),
    );
  });

  test('no job ID column: a sidebar of an older version (it read every selected column), told to reopen', () => {
    expect(() => validateChunkRequest(withFields({ idColumn: undefined }))).toThrow(SERVER.sidebarOutOfDate);
  });

  test.each<[unknown]>([[0], [-1], [1.5], ['1'], [null], [18_279]])('the job ID column %p', (idColumn) => {
    expectRefused(withFields({ idColumn }));
  });

  test('a job cell or a rejected cell outside the job ID column (only that column is ever written)', () => {
    expectRefused(withFields({ jobs: [{ jobId: 'a', cells: [{ row: 2, column: 2 }] }], rejected: [] }));
    expectRefused(
      withFields({ jobs: [], rejected: [{ text: 'x y', cell: { row: 2, column: 3 }, problem: 'invalid' }] }),
    );
  });

  test("a follow column that holds none of the job's cells, or is not a list", () => {
    expectRefused(withFields({ jobs: [{ jobId: 'a', cells: [{ row: 2, column: 1 }], followColumns: [2] }] }));
    expectRefused(withFields({ jobs: [{ jobId: 'a', cells: [{ row: 2, column: 1 }], followColumns: 1 }] }));
  });

  test('more than 50 jobs', () => {
    expectRefused(withFields({ jobs: jobsOf(51), rejected: [] }));
  });

  test.each<[unknown]>([[null], ['j1'], [{ jobId: 'j1' }]])('jobs that are not a list: %p', (jobs) => {
    expectRefused(withFields({ jobs }));
  });

  test.each<[unknown]>([
    ['a/b'],
    ['..'],
    ['.'],
    ['a%2Fb'],
    ['abc def'],
    [' j1'],
    ['j1\n'],
    ['abc\u200bdef'],
    ['#N/A'],
    ['x'.repeat(257)],
    [''],
    [42],
    [null],
  ])('the job ID %p', (jobId) => {
    expectRefused(withFields({ jobs: [{ jobId, cells: [{ row: 2, column: 1 }] }], rejected: [] }));
  });

  test('the same job ID twice', () => {
    expectRefused(
      withFields({
        jobs: [
          { jobId: 'j1', cells: [{ row: 2, column: 1 }] },
          { jobId: 'j1', cells: [{ row: 3, column: 1 }] },
        ],
        rejected: [],
      }),
    );
  });

  test.each<[string, number, unknown]>([
    ['row 1 with header row 1', 1, { row: 1, column: 1 }],
    ['row 3 with header row 3', 3, { row: 3, column: 1 }],
    ['row 0', 1, { row: 0, column: 1 }],
    ['a negative row', 1, { row: -2, column: 1 }],
    ['column 0', 1, { row: 2, column: 0 }],
    ['a non-integer row', 1, { row: 2.5, column: 1 }],
    ['a non-integer column', 1, { row: 2, column: 1.5 }],
    ['a row as text', 1, { row: '2', column: 1 }],
    ['a missing column', 1, { row: 2 }],
    ['a null cell', 1, null],
  ])('a job cell with %s', (_name, headerRow, cell) => {
    expectRefused(withFields({ headerRow, jobs: [{ jobId: 'j1', cells: [cell] }], rejected: [] }));
  });

  test.each<[string, unknown]>([
    ['no cells', []],
    ['cells that are not a list', { row: 2, column: 1 }],
    ['missing cells', undefined],
  ])('a job with %s', (_name, cells) => {
    expectRefused(withFields({ jobs: [{ jobId: 'j1', cells }], rejected: [] }));
  });

  test.each<[string, unknown]>([
    ['in the header row', { text: 'a b', cell: { row: 1, column: 1 }, problem: 'invalid' }],
    ['with a non-integer row', { text: 'a b', cell: { row: 2.5, column: 1 }, problem: 'invalid' }],
    ['with an unknown problem', { text: 'a b', cell: { row: 2, column: 1 }, problem: 'other' }],
    ['with a text that is not text', { text: 5, cell: { row: 2, column: 1 }, problem: 'invalid' }],
    ['with a huge text', { text: 'x'.repeat(50_001), cell: { row: 2, column: 1 }, problem: 'invalid' }],
    ['without a cell', { text: 'a b', problem: 'invalid' }],
  ])('a rejected cell %s', (_name, rejectedCell) => {
    expectRefused(withFields({ rejected: [rejectedCell] }));
  });

  test('rejected cells that are not a list', () => {
    expectRefused(withFields({ rejected: 'all' }));
  });

  test(`more than ${MAX_CELLS_PER_CHUNK} cells in jobs`, () => {
    const jobs = jobsOf(40, MAX_CELLS_PER_CHUNK / 40);
    jobs[0].cells.push({ row: 100000, column: 1 });
    expectRefused(withFields({ jobs, rejected: [] }));
  });

  test(`one job on more than ${MAX_CELLS_PER_JOB} rows`, () => {
    expectRefused(withFields({ jobs: jobsOf(1, MAX_CELLS_PER_JOB + 1), rejected: [] }));
  });

  test(`a job on ${MAX_CELLS_PER_CHUNK + 1} rows beside another job, or beside a rejected cell`, () => {
    const big = jobsOf(1, MAX_CELLS_PER_CHUNK + 1);
    expectRefused(
      withFields({ jobs: [...big, { jobId: 'other', cells: [{ row: 100000, column: 1 }] }], rejected: [] }),
    );
    expectRefused(
      withFields({ jobs: big, rejected: [{ text: 'a b', cell: { row: 100000, column: 1 }, problem: 'invalid' }] }),
    );
  });

  test(`more than ${MAX_CELLS_PER_CHUNK} cells counting rejected cells`, () => {
    const jobs = jobsOf(40, MAX_CELLS_PER_CHUNK / 40);
    expectRefused(
      withFields({ jobs, rejected: [{ text: 'a b', cell: { row: 100000, column: 1 }, problem: 'invalid' }] }),
    );
  });
});
