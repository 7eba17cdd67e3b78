// The chunk as a program: retries, a long wait handed back, the stop mark, a busy lock, a partial write, the quota
// and a lost answer read back, driven with a scripted sheet and scripted AODocs answers (no emulator).
import { ChunkRequest } from '../../../src/shared/api';
import { HttpAnswer } from '../../../src/core/aodocs-answer';
import { RESULT_HEADERS } from '../../../src/core/result-columns';
import { chunkProgram } from '../../../src/core/run/chunk-program';
import { ChunkStep } from '../../../src/core/run/sheet-steps';
import { DEFAULT_SETTINGS, Settings } from '../../../src/core/settings';
import { RESULT, SERVER, SHEET_DELETED, STOP } from '../../../src/core/wording';
import { aodocsError, drive, job, kinds, virtualClock } from './drive';

const DAILY_QUOTA = 'Exception: Service invoked too many times for one day: urlfetch.';
const settings: Settings = { ...DEFAULT_SETTINGS, baseUrl: 'https://aodocs.example/api', authMode: 'oauth-token' };
/** Column A holds the IDs; the result columns exist already, from B on. */
const HEADERS = ['Job ID', ...RESULT_HEADERS];

function chunk(ids: string[], rows = ids.map((_, i) => i + 2)): ChunkRequest {
  return {
    action: 'cancel',
    sheetId: 7,
    headerRow: 1,
    idColumn: 1,
    jobs: ids.map((jobId, i) => ({ jobId, cells: [{ row: rows[i], column: 1 }] })),
    rejected: [],
    runId: 'run-1',
  } as ChunkRequest;
}

/** Answers per request, in order: `cancel a` or `get a`; an Error is a fetch that throws. */
type Answers = Record<string, (HttpAnswer | Error)[]>;

function keyOf(request: { url: string; method: string }): string {
  const id = /\/job\/v1\/([^/?]+)/.exec(request.url)![1];
  return `${request.method === 'post' ? 'cancel' : 'get'} ${id}`;
}

/** The program run against a sheet of plain arrays and scripted answers; what it wrote and logged. */
function run(
  request: ChunkRequest,
  answers: Answers,
  world: {
    stopMarks?: boolean[];
    lockFree?: boolean;
    lockGiven?: boolean;
    flushFails?: boolean;
    /** What only the log remembers, by job ID. */
    logMemory?: Record<string, string>;
    failWriteNumber?: number;
    resultTexts?: Record<number, string>;
    settings?: Partial<Settings>;
    sheetExists?: boolean;
  } = {},
) {
  const time = virtualClock();
  const queues = new Map(Object.entries(answers).map(([k, v]) => [k, [...v]]));
  const next = (request: { url: string; method: string }) => {
    const answer = queues.get(keyOf(request))?.shift();
    if (answer === undefined) throw new Error(`no scripted answer left for ${keyOf(request)}`);
    return answer;
  };
  const marks = [...(world.stopMarks ?? [])];
  const writes: { row: number; column: number; values: unknown[][] }[] = [];
  const logs: { kind: string; rows: unknown[][] }[] = [];
  let writeNumber = 0;
  const { result, steps } = drive<
    ReturnType<typeof chunkProgram> extends Generator<unknown, infer R> ? R : never,
    ChunkStep
  >(chunkProgram(request, { ...settings, ...world.settings }, time.now), {
    clock: time.clock,
    random: () => 0.5,
    sleep: time.sleep,
    'is-stopped': () => marks.shift() ?? false,
    'fetch-all': (step) => {
      time.send();
      const got = step.requests.map(next);
      const thrown = got.find((a) => a instanceof Error);
      if (thrown) throw thrown;
      return got;
    },
    fetch: (step) => {
      time.send();
      const got = next(step.request);
      if (got instanceof Error) throw got;
      return got;
    },
    'find-sheet': () => world.sheetExists ?? true,
    'sheet-frame': () => ({ name: 'Jobs', frozenRows: 1 }),
    'last-row': () => Math.max(1, ...request.jobs.flatMap((j) => j.cells.map((c) => c.row))),
    'last-column': () => HEADERS.length,
    'max-columns': () => HEADERS.length,
    'read-texts': (step) =>
      Array.from({ length: step.numRows }, (_, r) =>
        Array.from({ length: step.numColumns }, (_, c) => {
          const row = step.row + r;
          const column = step.column + c;
          if (row === 1) return HEADERS[column - 1] ?? '';
          if (column === 1) return request.jobs.find((j) => j.cells.some((c) => c.row === row))?.jobId ?? '';
          return column === HEADERS.indexOf('Result') + 1 ? (world.resultTexts?.[row] ?? '') : '';
        }),
      ),
    'insert-columns': () => undefined,
    'write-values': (step) => {
      writeNumber++;
      if (writeNumber === world.failWriteNumber) throw new Error('You are trying to edit a protected cell.');
      writes.push(step);
    },
    'get-lock': () => world.lockGiven ?? true,
    'try-lock': () => world.lockFree ?? true,
    flush: () => {
      if (world.flushFails) throw new Error('Service Spreadsheets failed while accessing document.');
    },
    'release-lock': () => undefined,
    'append-log': (step) => logs.push(step),
    'append-log-without-lock': (step) => logs.push(step),
    'last-logged': (step) => step.jobIds.map((id) => world.logMemory?.[id] ?? ''),
    'user-email': () => 'me@example.com',
    'oauth-token': () => 't',
    refuse: (step) => {
      throw new Error(step.message);
    },
  });
  return { result, steps, writes, logs };
}

const cancelled = (id: string) => job(id, 'CANCELLED');

test('a cancel answered with the job cancelled: the row written under the lock, the log under it too', () => {
  const { result, steps, writes, logs } = run(chunk(['a']), { 'cancel a': [cancelled('a')] });
  expect(kinds(steps)).toEqual([
    'find-sheet',
    'sheet-frame',
    'read-texts',
    'is-stopped',
    'oauth-token',
    'fetch-all',
    'user-email',
    'get-lock',
    'try-lock',
    'find-sheet',
    'last-column',
    'read-texts',
    'read-texts',
    'write-values',
    'append-log',
    'flush',
    'release-lock',
  ]);
  expect(writes.map((w) => w.row)).toEqual([2]);
  expect(logs).toEqual([{ kind: 'append-log', rows: [expect.arrayContaining(['a'])] }]);
  expect(result.results).toEqual([expect.objectContaining({ jobId: 'a', result: 'Cancelled', logged: true })]);
  expect(result).toMatchObject({ notSent: [], stopRun: undefined });
});

test('a 429 with Retry-After is waited for inside the chunk, then the job is cancelled', () => {
  const { result, steps } = run(chunk(['a']), {
    'cancel a': [aodocsError(429, 'slow down', { 'Retry-After': '2' }), cancelled('a')],
  });
  expect(steps.filter((s) => s.kind === 'sleep')).toEqual([{ kind: 'sleep', ms: 2000 }]);
  expect(result.results[0]).toMatchObject({ result: 'Cancelled' });
  expect(result.waitSeconds).toBeUndefined();
});

test('a Retry-After longer than a chunk waits: the job goes back unsent and the run waits', () => {
  const { result, writes, logs } = run(chunk(['a']), {
    'cancel a': [aodocsError(429, 'later', { 'Retry-After': '90' })],
  });
  expect(result.notSent.map((j) => j.jobId)).toEqual(['a']);
  expect(result.waitSeconds).toBe(90);
  expect(result.results).toEqual([]);
  expect(writes).toEqual([]);
  expect(logs.flatMap((l) => l.rows)).toEqual([]);
});

test('the stop mark before sending: nothing goes out, the jobs go back, the run stops', () => {
  const { result, steps } = run(chunk(['a']), {}, { stopMarks: [true] });
  expect(kinds(steps)).not.toContain('fetch-all');
  expect(result.notSent.map((j) => j.jobId)).toEqual(['a']);
  expect(result.stopRun).toBe(STOP.stopped);
});

test('the stop mark between waves: no retry goes out, the answer so far is written', () => {
  const { result, steps } = run(chunk(['a']), { 'cancel a': [aodocsError(503)] }, { stopMarks: [false, true] });
  expect(kinds(steps).filter((k) => k === 'fetch-all' || k === 'is-stopped')).toEqual([
    'is-stopped',
    'fetch-all',
    'is-stopped',
  ]);
  expect(result.results[0]).toMatchObject({ jobId: 'a', httpCode: 503, written: [{ row: 2, column: 1 }] });
});

test('a busy lock: no row is written, the log gets the lines without the lock, and the run goes on', () => {
  const { result, writes, logs } = run(chunk(['a']), { 'cancel a': [cancelled('a')] }, { lockFree: false });
  expect(writes).toEqual([]);
  expect(logs.map((l) => l.kind)).toEqual(['append-log-without-lock']);
  expect(result.results[0]).toMatchObject({ result: 'Cancelled', notWritten: [{ row: 2, column: 1 }], logged: true });
  expect(result.stopRun).toBeUndefined();
});

test('a busy lock with the log off: the trace still goes to the log, and the run stops', () => {
  const { result, logs } = run(
    chunk(['a']),
    { 'cancel a': [cancelled('a')] },
    { lockFree: false, settings: { writeLog: false } },
  );
  expect(logs.map((l) => l.kind)).toEqual(['append-log-without-lock']);
  expect(result.stopRun).toEqual(expect.any(String));
});

test('a partial write: the rows written before the failure are named written, the others not, the run stops', () => {
  // Rows 2 and 4: two blocks; the second write fails.
  const { result, writes } = run(
    chunk(['a', 'b'], [2, 4]),
    { 'cancel a': [cancelled('a')], 'cancel b': [cancelled('b')] },
    { failWriteNumber: 2 },
  );
  expect(writes.map((w) => w.row)).toEqual([2]);
  expect(result.results.map((r) => [r.jobId, r.written, r.notWritten])).toEqual([
    ['a', [{ row: 2, column: 1 }], undefined],
    ['b', [], [{ row: 4, column: 1 }]],
  ]);
  expect(result.stopRun).toContain('You are trying to edit a protected cell.');
});

test('the daily quota after k waves: the answers so far are written, the run stops on the quota', () => {
  const { result } = run(chunk(['a', 'b']), {
    'cancel a': [aodocsError(503), new Error(DAILY_QUOTA)],
    'cancel b': [cancelled('b')],
  });
  expect(result.results.map((r) => [r.jobId, r.httpCode])).toEqual([
    ['a', 503],
    ['b', 200],
  ]);
  expect(result.stopRun).toBe(STOP.dailyQuota);
});

test('the daily quota on the first wave: nothing is settled, every job goes back', () => {
  const { result } = run(chunk(['a']), { 'cancel a': [new Error(DAILY_QUOTA)] });
  expect(result.notSent.map((j) => j.jobId)).toEqual(['a']);
  expect(result.stopRun).toBe(STOP.dailyQuota);
});

test('a lost answer, then a 412 read back as CANCELLED: the cancel is taken as ours', () => {
  const { result, steps } = run(chunk(['a']), {
    'cancel a': [
      new Error('Exception: Address unavailable: https://aodocs.example/api/job/v1/a/cancel'),
      aodocsError(412, 'Job already finished'),
    ],
    'get a': [cancelled('a')],
  });
  expect(kinds(steps).filter((k) => k.startsWith('fetch'))).toEqual(['fetch-all', 'fetch', 'fetch-all']);
  expect(result.results[0]).toMatchObject({ jobId: 'a', outcome: 'done', result: 'Cancelled', httpCode: 412 });
});

test('a 412 with no lost answer, read back as CANCELLED: cancelled by someone else', () => {
  const { result } = run(chunk(['a']), {
    'cancel a': [aodocsError(412, 'Job already finished')],
    'get a': [cancelled('a')],
  });
  expect(result.results[0]).toMatchObject({ outcome: 'already-finished', result: 'Already cancelled' });
});

test('the target sheet deleted before the chunk: the call ends with the sentence, nothing is sent', () => {
  expect(() => run(chunk(['a']), {}, { sheetExists: false })).toThrow(SHEET_DELETED);
});

test('no document lock given: nothing is written, the log keeps the trace, and the run stops', () => {
  const { result, steps, writes, logs } = run(chunk(['a']), { 'cancel a': [cancelled('a')] }, { lockGiven: false });
  expect(kinds(steps)).not.toContain('try-lock');
  expect(writes).toEqual([]);
  expect(logs.map((l) => l.kind)).toEqual(['append-log-without-lock']);
  expect(result.stopRun).toContain(SERVER.noDocumentLock);
});

test('the flush under the lock fails: the lock is still released, and the run stops on the failure', () => {
  const { result, steps } = run(chunk(['a']), { 'cancel a': [cancelled('a')] }, { flushFails: true });
  expect(kinds(steps).slice(-2)).toEqual(['flush', 'release-lock']);
  expect(result.results[0]).toMatchObject({ written: [{ row: 2, column: 1 }], logged: true });
  expect(result.stopRun).toContain('Service Spreadsheets failed while accessing document.');
});

test('a 412 whose rows remember nothing, but the log remembers an unwritten cancel of ours: it reads as ours', () => {
  const { result, steps } = run(
    chunk(['a']),
    { 'cancel a': [aodocsError(412, 'Job already finished')], 'get a': [cancelled('a')] },
    { logMemory: { a: RESULT.noAnswer } },
  );
  expect(steps.filter((s) => s.kind === 'last-logged')).toEqual([{ kind: 'last-logged', jobIds: ['a'] }]);
  expect(result.results[0]).toMatchObject({ outcome: 'done', result: 'Cancelled' });
});

test('answers that settle the job ask nothing of the log', () => {
  const { steps } = run(chunk(['a']), { 'cancel a': [cancelled('a')] });
  expect(kinds(steps)).not.toContain('last-logged');
});
