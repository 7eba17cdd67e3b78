// A run's pacing: an opening chunk of at most 5 jobs alone, then full chunks; the brake bound; the time left.
import {
  RUN_ID,
  brakeBound,
  estimateMsLeft,
  newRunId,
  openingProblem,
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

const r = (outcome: JobResult['outcome'], result: string): JobResult => ({
  jobId: 'j',
  outcome,
  result,
  written: [],
  moved: [],
});

test.each<[string, JobResult[], RegExp | undefined]>([
  [
    'all 404',
    [r('failed', 'Not found (404)'), r('failed', 'Not found (404)')],
    /first 2 jobs got the same answer: "Not found \(404\)"/,
  ],
  ['all unavailable', Array(5).fill(r('failed', 'AODocs unavailable, try again (503)')), /first 5 jobs/],
  ['one cancelled', [r('failed', 'Not found (404)'), r('done', 'Cancelled')], undefined],
  [
    'two different failures',
    [r('failed', 'Not found (404)'), r('failed', 'Not a library administrator (403)')],
    undefined,
  ],
  ['a single failure', [r('failed', 'Not found (404)')], undefined],
  [
    'failures beside rows that left the sheet',
    [r('failed', 'Not found (404)'), r('gone', 'No longer in its cell: not sent')],
    undefined,
  ],
])('the opening chunk: %s', (_name, results, expected) => {
  const problem = openingProblem(results);
  if (expected === undefined) expect(problem).toBeUndefined();
  else expect(problem).toMatch(expected);
});
