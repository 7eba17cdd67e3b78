// When and how long to wait before sending a request again. AODocs advises retrying 5xx with exponential
// backoff and 409 only when X-aodocs-retryable says so (shared/aodocs/http-status-codes-and-error-handling.mdx).
import { Answer } from './aodocs-answer';

export interface RetryPolicy {
  /** Times one request may go on the wire, first attempt included. */
  maxSends: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the job is reported as unavailable instead. */
  maxRetryAfterMs: number;
  /**
   * No attempt starts after this much of an execution has passed. Apps Script stops an execution at 6 minutes;
   * a wave can take up to the request timeout, so the budget leaves that margin and more.
   */
  executionBudgetMs: number;
  /** UrlFetchApp's timeoutSeconds for each request. */
  requestTimeoutSeconds: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxSends: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 20_000,
  executionBudgetMs: 240_000,
  requestTimeoutSeconds: 45,
};

export function isRetryable(answer: Answer): boolean {
  return answer.kind !== 'ok' && answer.retryable;
}

/**
 * The wait before send number `sends + 1`: full-jitter exponential backoff (random in [0, base * 2^(sends-1)],
 * capped), or the server's Retry-After when it gives one. `random` is in [0, 1). Undefined: do not retry.
 */
export function retryDelayMs(answer: Answer, sends: number, policy: RetryPolicy, random: number): number | undefined {
  if (!isRetryable(answer) || sends >= policy.maxSends) return undefined;
  if (answer.kind === 'error' && answer.retryAfterSeconds !== undefined) {
    const wanted = answer.retryAfterSeconds * 1000;
    return wanted <= policy.maxRetryAfterMs ? wanted : undefined;
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (sends - 1));
  return Math.floor(random * ceiling);
}
