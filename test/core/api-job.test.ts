import { FINISHED_STATUSES, integer, isFinishedStatus, parseJob } from '../../src/core/api-job';

describe('parseJob', () => {
  test('reads every field of an ApiJob, int64 fields as strings of epoch milliseconds', () => {
    expect(
      parseJob({
        jobId: 'j1',
        libraryId: 'lib1',
        type: 'BULK_MOVE',
        status: 'IN_PROGRESS',
        requestor: 'admin@example.com',
        completed: false,
        succeededTasks: '12',
        failedTasks: '1',
        remainingTasks: '87',
        taskRetries: '3',
        startedAt: '1700000000000',
        lastActivityAt: '1700000123456',
      }),
    ).toEqual({
      jobId: 'j1',
      libraryId: 'lib1',
      type: 'BULK_MOVE',
      status: 'IN_PROGRESS',
      requestor: 'admin@example.com',
      completed: false,
      succeededTasks: 12,
      failedTasks: 1,
      remainingTasks: 87,
      taskRetries: 3,
      startedAt: 1700000000000,
      lastActivityAt: 1700000123456,
    });
  });

  test('reads int64 fields given as JSON numbers', () => {
    expect(parseJob({ succeededTasks: 5, startedAt: 1700000000000, lastActivityAt: 1700000000001 })).toEqual({
      succeededTasks: 5,
      startedAt: 1700000000000,
      lastActivityAt: 1700000000001,
    });
  });

  test('every field is optional: an empty object is an empty job with no undefined keys', () => {
    const job = parseJob({});
    expect(job).toEqual({});
    expect(Object.keys(job ?? { x: 1 })).toEqual([]);
  });

  test('omits fields that are absent, keeping the others', () => {
    const job = parseJob({ jobId: 'j2', status: 'COMPLETED' });
    expect(job).toEqual({ jobId: 'j2', status: 'COMPLETED' });
    expect(Object.keys(job ?? {}).sort()).toEqual(['jobId', 'status']);
  });

  test('keeps a type or status newer than the OpenAPI document as text', () => {
    expect(parseJob({ type: 'QUANTUM_REINDEX', status: 'PAUSED_BY_ROBOT' })).toEqual({
      type: 'QUANTUM_REINDEX',
      status: 'PAUSED_BY_ROBOT',
    });
  });

  test.each<[string, Record<string, unknown>]>([
    [
      'texts given as numbers, objects, booleans or empty strings',
      { jobId: 42, libraryId: {}, type: true, status: '', requestor: [] },
    ],
    ['completed given as a string or number', { completed: 'true' }],
    ['completed given as a number', { completed: 1 }],
    [
      'counters given as words',
      { succeededTasks: 'twelve', failedTasks: 'NaN', remainingTasks: '1e3', taskRetries: '' },
    ],
    [
      'counters given as objects or booleans',
      { succeededTasks: {}, failedTasks: true, remainingTasks: null, taskRetries: [] },
    ],
    ['non-finite numbers', { succeededTasks: Infinity, failedTasks: NaN, remainingTasks: -Infinity }],
    ['dates given as ISO strings', { startedAt: '2024-01-01T00:00:00Z', lastActivityAt: '12:30' }],
    ['an over-long digit string', { startedAt: '12345678901234567890' }],
  ])('ignores junk values: %s', (_name, input) => {
    expect(parseJob(input)).toEqual({});
  });

  test('ignores junk in one field without losing the good ones', () => {
    expect(parseJob({ jobId: 'j3', succeededTasks: 'lots', failedTasks: '2', lastActivityAt: { at: 1 } })).toEqual({
      jobId: 'j3',
      failedTasks: 2,
    });
  });

  test('ignores properties that are not ApiJob fields', () => {
    expect(parseJob({ jobId: 'j4', extra: 'x', __proto__field: 1 })).toEqual({ jobId: 'j4' });
  });

  test.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['an array', [{ jobId: 'j' }]],
    ['a string', 'j1'],
    ['a number', 42],
    ['a boolean', true],
  ])('returns undefined for %s', (_name, value) => {
    expect(parseJob(value)).toBeUndefined();
  });
});

describe('integer', () => {
  test.each<[unknown, number | undefined]>([
    [7, 7],
    [7.9, 7],
    [-3, -3],
    ['42', 42],
    [' 42 ', 42],
    ['-5', -5],
    ['0', 0],
    ['1700000000000', 1700000000000],
    ['4.5', undefined],
    ['1e3', undefined],
    ['0x10', undefined],
    ['', undefined],
    ['12345678901234567', undefined],
    [NaN, undefined],
    [Infinity, undefined],
    [null, undefined],
    [true, undefined],
  ])('integer(%p) is %p', (value, expected) => {
    expect(integer(value)).toBe(expected);
  });
});

describe('isFinishedStatus', () => {
  test('the finished statuses are COMPLETED, FAILED and CANCELLED', () => {
    expect([...FINISHED_STATUSES].sort()).toEqual(['CANCELLED', 'COMPLETED', 'FAILED']);
  });

  test.each<[string | undefined, boolean]>([
    ['COMPLETED', true],
    ['FAILED', true],
    ['CANCELLED', true],
    ['cancelled', true],
    [' Completed ', true],
    ['IN_PROGRESS', false],
    ['PENDING', false],
    ['CANCELED', false],
    ['', false],
    [undefined, false],
  ])('isFinishedStatus(%p) is %p', (status, expected) => {
    expect(isFinishedStatus(status)).toBe(expected);
  });
});
