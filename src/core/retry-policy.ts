// When and how long to wait before sending a request again. AODocs advises retrying 5xx with exponential
// backoff and 409 only when X-aodocs-retryable says so (docs/SOURCES.md#aodocs-retryable).
import { Answer } from './aodocs-answer';

export interface RetryPolicy {
  /** Times one request may go on the wire, first attempt included. */
  maxSends: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * The longest Retry-After a chunk waits for itself. Longer, the job goes back to the sidebar unsent and the
   * sidebar pauses the whole run (retryDecision): an execution asleep is a Stop that cannot take hold.
   */
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

/**
 * Whether a request that got this answer may still have done its work in AODocs: no answer at all (the
 * connection dropped after sending), or a 5xx (a gateway can time out after the backend acted; AODocs rewrites
 * most failures to 503). A later 400/412 may then be the echo of our own cancel. 429 and 409 are refusals
 * before any work.
 */
export function mayHaveReachedAodocs(answer: Answer): boolean {
  return answer.kind === 'no-answer' || answer.code >= 500;
}

function isRetryable(answer: Answer): boolean {
  return answer.kind !== 'ok' && answer.retryable;
}

/**
 * The wait before send number `sends + 1`: full-jitter exponential backoff (random in [0, base * 2^(sends-1)],
 * capped), or the server's Retry-After when it gives one. `random` is in [0, 1). Undefined: do not retry.
 */
export function retryDelayMs(answer: Answer, sends: number, policy: RetryPolicy, random: number): number | undefined {
  if (!isRetryable(answer) || sends >= policy.maxSends) return undefined;
  // Honoured whatever the body: a proxy's HTML 429 says when to come back as well as AODocs' JSON does.
  if ((answer.kind === 'error' || answer.kind === 'unexpected') && answer.retryAfterSeconds !== undefined) {
    const wanted = answer.retryAfterSeconds * 1000;
    return wanted <= policy.maxRetryAfterMs ? wanted : undefined;
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (sends - 1));
  return Math.floor(random * ceiling);
}

/** The Retry-After of a retryable answer, in ms, whatever its body (a proxy's HTML 429 says it as well). */
function retryAfterMs(answer: Answer): number | undefined {
  if (!isRetryable(answer) || (answer.kind !== 'error' && answer.kind !== 'unexpected')) return undefined;
  return answer.retryAfterSeconds === undefined ? undefined : answer.retryAfterSeconds * 1000;
}

/** AODocs asks to wait longer than any chunk waits (Retry-After past maxRetryAfterMs): the run must pause. */
export function asksTheRunToWait(answer: Answer, policy: RetryPolicy): boolean {
  const wanted = retryAfterMs(answer);
  return wanted !== undefined && wanted > policy.maxRetryAfterMs;
}

/** What becomes of a request after an answer. */
export type RetryDecision =
  /** Sent again in this chunk after `delayMs`. */
  | { then: 'retry'; delayMs: number }
  /**
   * The answer stands. `runWaitMs`: AODocs asked to wait longer than the chunk could, and an earlier send may have
   * reached it (sent again later, a refusal could not be told from the echo of our own cancel): the row tells
   * this answer, and the run still waits.
   */
  | { then: 'keep'; runWaitMs?: number }
  /** AODocs asked to wait longer than the chunk can, and never acted on it: not settled; the run waits, then sends it. */
  | { then: 'hand-back'; runWaitMs: number };

/**
 * The decision after an answer to send number `sends`. `chunk.canWaitMs`: how long this chunk can still wait before
 * sending again (its time budget); `chunk.mayHaveReachedAodocs`: a send so far (this one included) may have acted.
 */
export function retryDecision(
  answer: Answer,
  sends: number,
  policy: RetryPolicy,
  random: number,
  chunk: { canWaitMs: number; mayHaveReachedAodocs: boolean },
): RetryDecision {
  const wanted = retryAfterMs(answer);
  if (wanted !== undefined && wanted > Math.min(policy.maxRetryAfterMs, chunk.canWaitMs)) {
    return chunk.mayHaveReachedAodocs || sends >= policy.maxSends
      ? { then: 'keep', runWaitMs: wanted }
      : { then: 'hand-back', runWaitMs: wanted };
  }
  const delayMs = retryDelayMs(answer, sends, policy, random);
  return delayMs === undefined ? { then: 'keep' } : { then: 'retry', delayMs };
}

/**
 * A job due for a retry in a wave where AODocs asked the run to wait longer than a chunk can: its retry waits for
 * the run's pause too (a Retry-After speaks of the client, not of one request). It goes back to the sidebar when no
 * send of it may have reached AODocs; else it keeps its answer, since a send after the pause could read our own
 * earlier cancel as someone else's.
 */
export function retryDuringRunWait(mayHaveReachedAodocs: boolean): 'hand-back' | 'keep' {
  return mayHaveReachedAodocs ? 'keep' : 'hand-back';
}

/**
 * How long one send (a fetchAll wave, or one fetch) must be expected to take: a send starts only if it can end
 * inside the budget. The request timeout, unless a send already took longer: the platform may not honour
 * timeoutSeconds (docs/SOURCES.md#urlfetch-timeout), and then the longest send seen so far is the only bound known.
 */
export function sendMarginMs(policy: RetryPolicy, slowestSendMs: number): number {
  return Math.max(policy.requestTimeoutSeconds * 1000, slowestSendMs);
}

/** Apps Script stops an execution at 6 minutes [D] https://developers.google.com/apps-script/guides/services/quotas */
const EXECUTION_LIMIT_MS = 360_000;
const LOCK_WAIT_MAX_MS = 60_000;
const LOCK_WAIT_MIN_MS = 5_000;
/** Left after the wait for the writes, the log and the flush under the lock. */
const AFTER_LOCK_MARGIN_MS = 30_000;

/**
 * How long a chunk that has run for `elapsedMs` waits for the document lock before giving up. Up to a minute: six
 * chunks of each of two sidebars may finish together and write in turn. Less when the execution is old, so that it
 * still ends inside Apps Script's 6 minutes (its retries stop at executionBudgetMs plus one request timeout).
 */
export function documentLockWaitMs(elapsedMs: number): number {
  const left = EXECUTION_LIMIT_MS - AFTER_LOCK_MARGIN_MS - elapsedMs;
  return Math.max(LOCK_WAIT_MIN_MS, Math.min(LOCK_WAIT_MAX_MS, left));
}
