import { Answer } from '../../src/core/aodocs-answer';
import {
  DEFAULT_RETRY_POLICY,
  RetryDecision,
  asksTheRunToWait,
  documentLockWaitMs,
  sendMarginMs,
  retryDecision,
  retryDelayMs,
  retryDuringRunWait,
} from '../../src/core/retry-policy';

const policy = { ...DEFAULT_RETRY_POLICY, maxSends: 4, baseDelayMs: 500, maxDelayMs: 8000, maxRetryAfterMs: 20000 };
const unavailable: Answer = { kind: 'error', code: 503, retryable: true };
const noAnswer: Answer = { kind: 'no-answer', retryable: true };

test.each<[string, Answer]>([
  ['200', { kind: 'ok', code: 200, body: {} }],
  ['404', { kind: 'error', code: 404, retryable: false }],
  ['409 without the retryable header', { kind: 'error', code: 409, retryable: false }],
  ['a non-JSON 200', { kind: 'unexpected', code: 200, retryable: false }],
])('%s is not retried', (_, answer) => {
  expect(retryDelayMs(answer, 1, policy, 0.5)).toBeUndefined();
});

test.each<[string, Answer]>([
  ['503', unavailable],
  ['no answer', noAnswer],
  ['a proxy page (502)', { kind: 'unexpected', code: 502, retryable: true }],
  ['409 marked retryable', { kind: 'error', code: 409, retryable: true }],
])('%s is retried', (_, answer) => {
  expect(retryDelayMs(answer, 1, policy, 0.5)).toBeGreaterThanOrEqual(0);
});

test('backoff grows exponentially with full jitter and is capped', () => {
  expect(retryDelayMs(unavailable, 1, policy, 0.999)).toBe(499);
  expect(retryDelayMs(unavailable, 2, policy, 0.999)).toBe(999);
  expect(retryDelayMs(unavailable, 3, policy, 0.999)).toBe(1998);
  expect(retryDelayMs(unavailable, 3, policy, 0)).toBe(0);
  expect(retryDelayMs(unavailable, 3, { ...policy, maxSends: 10, maxDelayMs: 1200 }, 0.999)).toBe(1198);
});

test('no more sends than the policy allows', () => {
  expect(retryDelayMs(unavailable, 3, policy, 0.5)).toBeDefined();
  expect(retryDelayMs(unavailable, 4, policy, 0.5)).toBeUndefined();
});

test('Retry-After is honoured up to a bound', () => {
  const tooMany: Answer = { kind: 'error', code: 429, retryable: true, retryAfterSeconds: 3 };
  expect(retryDelayMs(tooMany, 1, policy, 0.1)).toBe(3000);
  expect(retryDelayMs({ ...tooMany, retryAfterSeconds: 3600 }, 1, policy, 0.1)).toBeUndefined();
});

describe('retryDecision: a Retry-After longer than the chunk can wait', () => {
  const tooMany = (seconds: number): Answer => ({
    kind: 'error',
    code: 429,
    retryable: true,
    retryAfterSeconds: seconds,
  });
  const proxy429 = (seconds: number): Answer => ({
    kind: 'unexpected',
    code: 429,
    retryable: true,
    retryAfterSeconds: seconds,
  });
  const fresh = { canWaitMs: 200_000, mayHaveReachedAodocs: false };

  test.each<[string, Answer, number, { canWaitMs: number; mayHaveReachedAodocs: boolean }, RetryDecision]>([
    ['429, Retry-After 3 s: waited for in the chunk', tooMany(3), 1, fresh, { then: 'retry', delayMs: 3000 }],
    ['429, Retry-After 20 s: the most a chunk waits', tooMany(20), 1, fresh, { then: 'retry', delayMs: 20_000 }],
    [
      '429, Retry-After 21 s: handed back, the run waits',
      tooMany(21),
      1,
      fresh,
      { then: 'hand-back', runWaitMs: 21_000 },
    ],
    ['429, Retry-After 60 s', tooMany(60), 1, fresh, { then: 'hand-back', runWaitMs: 60_000 }],
    ['an HTML 429 page, Retry-After 60 s', proxy429(60), 1, fresh, { then: 'hand-back', runWaitMs: 60_000 }],
    [
      '429, Retry-After 10 s, 5 s of budget left: handed back',
      tooMany(10),
      1,
      { canWaitMs: 5000, mayHaveReachedAodocs: false },
      { then: 'hand-back', runWaitMs: 10_000 },
    ],
    [
      'an earlier send may have reached AODocs: the answer stands, the run still waits',
      tooMany(60),
      2,
      { canWaitMs: 200_000, mayHaveReachedAodocs: true },
      { then: 'keep', runWaitMs: 60_000 },
    ],
    [
      '503 with Retry-After 60 s (it may have acted): the answer stands, the run waits',
      { kind: 'error', code: 503, retryable: true, retryAfterSeconds: 60 },
      1,
      { canWaitMs: 200_000, mayHaveReachedAodocs: true },
      { then: 'keep', runWaitMs: 60_000 },
    ],
    ['sends used up: the answer stands, the run waits', tooMany(60), 4, fresh, { then: 'keep', runWaitMs: 60_000 }],
    ['sends used up, a short Retry-After: the answer stands', tooMany(3), 4, fresh, { then: 'keep' }],
    ['503 without Retry-After: backoff', unavailable, 1, fresh, { then: 'retry', delayMs: 250 }],
    [
      'a 404 with a Retry-After: not retryable, nothing to wait for',
      { kind: 'error', code: 404, retryable: false, retryAfterSeconds: 60 },
      1,
      fresh,
      { then: 'keep' },
    ],
  ])('%s', (_name, answer, sends, chunk, decision) => {
    expect(retryDecision(answer, sends, policy, 0.5, chunk)).toEqual(decision);
  });
});

describe('documentLockWaitMs', () => {
  test.each([
    [0, 60_000],
    [200_000, 60_000],
    [280_000, 50_000],
    [320_000, 10_000],
    [330_000, 5_000],
    [400_000, 5_000],
  ])('after %i ms of execution, waits %i ms at most', (elapsed, wait) => {
    expect(documentLockWaitMs(elapsed)).toBe(wait);
  });

  test('a chunk whose retries ran to the end of their budget still ends inside 6 minutes', () => {
    const lastRetryEnds = DEFAULT_RETRY_POLICY.executionBudgetMs + DEFAULT_RETRY_POLICY.requestTimeoutSeconds * 1000;
    expect(lastRetryEnds + documentLockWaitMs(lastRetryEnds)).toBeLessThanOrEqual(360_000 - 25_000);
  });
});

describe('sendMarginMs: how long a send must be expected to take', () => {
  test.each<[string, number, number]>([
    ['no send yet: the request timeout', 0, 45_000],
    ['sends faster than the timeout: the timeout', 2_000, 45_000],
    ['a send that outlasted its timeout (not honoured): that send', 150_000, 150_000],
  ])('%s', (_name, slowest, margin) => {
    expect(sendMarginMs({ ...DEFAULT_RETRY_POLICY, requestTimeoutSeconds: 45 }, slowest)).toBe(margin);
  });
});

// A Retry-After speaks of the client: a job due for a retry in that wave waits for the run's pause too.
test.each<[boolean, 'hand-back' | 'keep']>([
  [false, 'hand-back'],
  [true, 'keep'],
])('a retry due while the run must wait, a send that may have reached AODocs: %p -> %s', (mayHave, expected) => {
  expect(retryDuringRunWait(mayHave)).toBe(expected);
});

test.each<[string, number | undefined, boolean]>([
  ['no Retry-After', undefined, false],
  ['20 s: waited inside the chunk', 20, false],
  ['21 s: the run must pause', 21, true],
])('asksTheRunToWait, %s', (_name, seconds, expected) => {
  const answer: Answer = { kind: 'error', code: 429, retryable: true, retryAfterSeconds: seconds };
  expect(asksTheRunToWait(answer, DEFAULT_RETRY_POLICY)).toBe(expected);
});
