// A run's pacing: an opening chunk of at most 5 jobs alone, then full chunks; the brake bound; the time left.
import {
  MAX_CELLS_PER_CHUNK,
  MAX_RESENDS,
  MAX_RUN_PAUSE_MS,
  waitVerdict,
  MAX_CELLS_PER_JOB,
  RUN_ID,
  brakeBound,
  estimateMsLeft,
  newRunId,
  openingProblem,
  slowStartGoesOn,
  scheduleChunks,
} from '../../src/core/run-schedule';
import type { JobResult, PlannedJob, RejectedCell } from '../../src/shared/api';

const jobs = (n: number): PlannedJob[] =>
  Array.from({ length: n }, (_, i) => ({ jobId: `j${i}`, cells: [{ row: i + 2, column: 1 }] }));
const rejected: RejectedCell[] = [{ text: 'a b', cell: { row: 99, column: 1 }, problem: 'invalid' }];

test.each<[number, number, number[]]>([
  [1, 20, [1]],
  [5, 20, [5]],
  [6, 20, [5, 1]],
  [47, 20, [5, 20, 20, 2]],
  [12, 3, [3, 3, 3, 3]],
  [7, 1, [1, 1, 1, 1, 1, 1, 1]],
])('%i jobs, chunks of %i: an opening of at most 5, then full chunks: %j', (n, size, sizes) => {
  const { opening, rest } = scheduleChunks(jobs(n), [], size);
  expect([opening!.jobs.length, ...rest.map((c) => c.jobs.length)]).toEqual(sizes);
  expect([...opening!.jobs, ...rest.flatMap((c) => c.jobs)].map((j) => j.jobId)).toEqual(jobs(n).map((j) => j.jobId));
});

/** Jobs on the given numbers of rows each. */
const jobsOnRows = (rows: number[]): PlannedJob[] => {
  let next = 2;
  return rows.map((n, i) => ({
    jobId: `j${i}`,
    cells: Array.from({ length: n }, () => ({ row: next++, column: 1 })),
  }));
};

// A chunk's cells are bounded as well as its jobs; a job on more rows than a chunk's cells goes alone, whole.
test.each<[string, number[], number, number[][]]>([
  ['5 jobs on 2,104 rows', [421, 421, 421, 421, 420], 20, [[421, 421, 421, 421], [420]]],
  ['one job on 2,500 rows', [2500], 20, [[2500]]],
  ['a big job between small ones', [3, 2500, 4, 5], 20, [[3], [2500], [4, 5]]],
  ['exactly the cell bound', [1000, 1000, 1], 20, [[1000, 1000], [1]]],
  [
    'the job count still bounds',
    [1, 1, 1, 1, 1, 1, 1, 1],
    3,
    [
      [1, 1, 1],
      [1, 1, 1],
      [1, 1],
    ],
  ],
  ['many rows after the opening', [1, 1, 1, 1, 1, 1500, 600, 2], 20, [[1, 1, 1, 1, 1], [1500], [600, 2]]],
])('cut by cells: %s', (_name, rows, size, cut) => {
  const planned = jobsOnRows(rows);
  const { opening, rest } = scheduleChunks(planned, [], size);
  const chunks = [opening!, ...rest];
  expect(chunks.map((c) => c.jobs.map((j) => j.cells.length))).toEqual(cut);
  expect(chunks.flatMap((c) => c.jobs)).toEqual(planned);
  for (const c of chunks) {
    const cells = c.jobs.reduce((n, j) => n + j.cells.length, 0);
    expect(cells <= MAX_CELLS_PER_CHUNK || (c.jobs.length === 1 && cells <= MAX_CELLS_PER_JOB)).toBe(true);
  }
});

test('rejected cells go in a chunk of their own after the opening; no job: no opening', () => {
  expect(scheduleChunks(jobs(3), rejected, 20).rest).toEqual([{ jobs: [], rejected }]);
  expect(scheduleChunks([], rejected, 20)).toEqual({ rest: [{ jobs: [], rejected }] });
});

test('the brake: every chunk in flight, whole', () => {
  expect(brakeBound(20, 2)).toBe(40);
  expect(brakeBound(50, 6)).toBe(300);
});

test('the time left: none before 3 chunks, then from the pace since the opening chunk', () => {
  expect(estimateMsLeft(2, 10_000, 40, 100)).toBeUndefined();
  expect(estimateMsLeft(3, 10_000, 40, 100)).toBe(25_000);
  expect(estimateMsLeft(5, 10_000, 0, 100)).toBeUndefined();
});

test('run IDs: hex of the random bytes, as the server accepts them', () => {
  const id = newRunId(new Uint8Array([0, 1, 254, 255, 16, 32, 48, 64]));
  expect(id).toBe('0001feff10203040');
  expect(RUN_ID.test(id)).toBe(true);
  expect(RUN_ID.test('../../x')).toBe(false);
});

const r = (outcome: JobResult['outcome'], result: string, extra: Partial<JobResult> = {}): JobResult => ({
  jobId: 'j',
  outcome,
  result,
  written: [],
  moved: [],
  ...extra,
});
const NOT_FOUND = r('failed', 'Not found (404)', { httpCode: 404 });
const NOT_ADMIN = r('failed', 'Not a library administrator (403)', { httpCode: 403 });
const UNAVAILABLE = r('failed', 'AODocs unavailable, try again (503)', { httpCode: 503, transient: true });
const NO_ANSWER = r('failed', 'AODocs unavailable, try again (no answer)', { transient: true });
const NOT_AODOCS = r('failed', 'Unexpected answer from AODocs (HTTP 404)', { httpCode: 404 });

// Answers about a job never stop a run, however many come first (docs/BEHAVIOUR.md, circuit breaker); only an opening
// that got no answer about any job (AODocs down, or a page that is not AODocs') does.
test.each<[string, JobResult[], RegExp | undefined]>([
  ['all 404: about the jobs', Array(5).fill(NOT_FOUND), undefined],
  ['all 403 not an administrator: about the jobs', Array(5).fill(NOT_ADMIN), undefined],
  ['404 and 403 mixed', [NOT_FOUND, NOT_FOUND, NOT_ADMIN, NOT_ADMIN, NOT_FOUND], undefined],
  [
    'all refused while running (400): about the jobs',
    Array(5).fill(r('failed', 'Not cancelled: AODocs refused (400)', { httpCode: 400, status: 'IN_PROGRESS' })),
    undefined,
  ],
  [
    'all not confirmed, still running: about the jobs although worth a re-run',
    Array(3).fill(
      r('failed', 'Cancel not confirmed (412); job still running', {
        httpCode: 412,
        status: 'IN_PROGRESS',
        transient: true,
      }),
    ),
    undefined,
  ],
  [
    'two rounds all unavailable: AODocs down',
    Array(10).fill(UNAVAILABLE),
    /AODocs answered none of the first 10 jobs .*503/,
  ],
  [
    'unavailable and no answer over two rounds: AODocs down',
    [...Array(9).fill(UNAVAILABLE), NO_ANSWER],
    /none of the first 10 jobs/,
  ],
  // Hostile review: five jobs that fail alone at the top stopped every Run again at the same five.
  ['one round all unavailable: not yet judged', Array(5).fill(UNAVAILABLE), undefined],
  ['a run of 3 jobs, all unavailable: nothing left to stop', [UNAVAILABLE, NO_ANSWER, UNAVAILABLE], undefined],
  ['all the same page that is not AODocs', Array(2).fill(NOT_AODOCS), /first 2 jobs got a page .*API address/],
  [
    'two different pages',
    [NOT_AODOCS, r('failed', 'Unexpected answer from AODocs (HTTP 403)', { httpCode: 403 })],
    undefined,
  ],
  ['unavailable beside a 404', [UNAVAILABLE, NOT_FOUND, UNAVAILABLE], undefined],
  ['one cancelled', [UNAVAILABLE, r('done', 'Cancelled')], undefined],
  ['a single failure', [UNAVAILABLE], undefined],
  [
    'unavailable beside rows that left the sheet',
    [UNAVAILABLE, r('gone', 'No longer in its cell: not sent')],
    undefined,
  ],
])('the opening chunk: %s', (_name, results, expected) => {
  const problem = openingProblem(results);
  if (expected === undefined) expect(problem).toBeUndefined();
  else expect(problem).toMatch(expected);
});

test.each<[string, JobResult[], boolean]>([
  ['nothing back yet', [], true],
  ['4 jobs back', Array(4).fill(NOT_FOUND), true],
  ['5 answered about the jobs: open up', Array(5).fill(NOT_FOUND), false],
  ['5 unavailable: one round more', Array(5).fill(UNAVAILABLE), true],
  ['9 unavailable: one round more', Array(9).fill(UNAVAILABLE), true],
  ['10 unavailable: judged', Array(10).fill(UNAVAILABLE), false],
  ['5 unavailable, one cancelled: open up', [...Array(5).fill(UNAVAILABLE), r('done', 'Cancelled')], false],
  ['5 pages that are not AODocs: judged at once', Array(5).fill(NOT_AODOCS), false],
])('slow start goes on: %s', (_name, results, expected) => {
  expect(slowStartGoesOn(results)).toBe(expected);
});

// AODocs asked the run to wait (Retry-After longer than a chunk waits): pause that long, never forever.
test.each<[string, number, number, { pauseMs: number } | RegExp]>([
  ['60 s, jobs handed back once', 60, 1, { pauseMs: 60_000 }],
  ['10 minutes: the longest pause', MAX_RUN_PAUSE_MS / 1000, 1, { pauseMs: MAX_RUN_PAUSE_MS }],
  ['one second more than 10 minutes', MAX_RUN_PAUSE_MS / 1000 + 1, 1, /asks to wait 10 min before more requests/],
  ['an hour', 3600, 1, /asks to wait 60 min .* longer than a run pauses \(10 min\), so the run stopped/],
  ['a day', 86_400, 1, /asks to wait 24 h before more requests/],
  ['a job handed back for the 5th time', 60, MAX_RESENDS, { pauseMs: 60_000 }],
  ['a job handed back for the 6th time', 60, MAX_RESENDS + 1, /asked to wait 6 times for the same jobs/],
])('a chunk asks to wait: %s', (_name, seconds, times, expected) => {
  const verdict = waitVerdict(seconds, times);
  if (expected instanceof RegExp) expect('stop' in verdict && verdict.stop).toMatch(expected);
  else expect(verdict).toEqual(expected);
});
