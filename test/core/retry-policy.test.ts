import { Answer } from '../../src/core/aodocs-answer';
import { DEFAULT_RETRY_POLICY, documentLockWaitMs, retryDelayMs } from '../../src/core/retry-policy';

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
