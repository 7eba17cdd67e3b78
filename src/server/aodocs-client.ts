// Sends requests to AODocs through UrlFetchApp.fetchAll, retrying what is worth retrying inside the
// execution's time budget, and turns each response into an answer.
import { Answer, classifyAnswer } from '../core/aodocs-answer';
import { FetchRequest } from '../core/aodocs-request';
import { DEFAULT_RETRY_POLICY, RetryPolicy, retryDelayMs } from '../core/retry-policy';

/** Apps Script refuses to send more requests today: the run must stop. */
class QuotaExceededError extends Error {}

/**
 * Per request: its final answer, and whether an earlier send may have reached AODocs without its answer coming
 * back (a dropped connection), so that a later 412 may be the echo of our own cancel. Undefined when it is not
 * done: never sent, or its retries were cut short by the time budget or the quota (the sidebar sends it again).
 */
export type SendOutcome = { answer: Answer; sends: number; earlierSendMayHaveWorked: boolean } | undefined;

function answerOf(response: GoogleAppsScript.URL_Fetch.HTTPResponse): Answer {
  return classifyAnswer({
    code: response.getResponseCode(),
    body: response.getContentText(),
    headers: response.getHeaders() as Record<string, string>,
  });
}

function isQuotaError(error: unknown): boolean {
  return error instanceof Error && /Service invoked too many times/i.test(error.message);
}

const NO_ANSWER: Answer = { kind: 'no-answer', retryable: true };

function withTimeout(request: FetchRequest, policy: RetryPolicy) {
  return { ...request, timeoutSeconds: policy.requestTimeoutSeconds };
}

/**
 * One wave: all requests together through fetchAll. When fetchAll throws (a single connection failure takes
 * the whole call down, even with muteHttpExceptions), the requests that may still be sent again go one by one
 * to learn which failed; the others count as unanswered.
 */
function sendWave(
  requests: FetchRequest[],
  sends: number[],
  policy: RetryPolicy,
): { answers: Answer[]; fetchAllFailed: boolean } {
  try {
    const answers = UrlFetchApp.fetchAll(requests.map((r) => withTimeout(r, policy))).map(answerOf);
    sends.forEach((_, i) => sends[i]++);
    return { answers, fetchAllFailed: false };
  } catch (error) {
    if (isQuotaError(error)) throw new QuotaExceededError('quota');
    sends.forEach((_, i) => sends[i]++);
  }
  const answers = requests.map((request, i) => {
    if (sends[i] >= policy.maxSends) return NO_ANSWER;
    const { url, ...params } = withTimeout(request, policy);
    sends[i]++;
    try {
      return answerOf(UrlFetchApp.fetch(url, params));
    } catch (error) {
      if (isQuotaError(error)) throw new QuotaExceededError('quota');
      return NO_ANSWER; // its message names the URL: never shown
    }
  });
  return { answers, fetchAllFailed: true };
}

export interface SendReport {
  outcomes: SendOutcome[];
  /** Apps Script's daily UrlFetch quota ran out: nothing more can be sent today. */
  quotaExceeded: boolean;
}

/**
 * Sends every request, retrying retryable answers with backoff until they succeed, run out of sends, or the
 * execution's budget (counted from `startedAt`) runs out. Requests never sent come back undefined.
 */
export function sendWithRetries(
  requests: FetchRequest[],
  startedAt: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): SendReport {
  const outcomes: SendOutcome[] = requests.map(() => undefined);
  let pending = requests.map((_, i) => i);
  const sends = requests.map(() => 0);
  const lostAnswer = requests.map(() => false);
  let waitMs = 0;
  const notDone = () => pending.forEach((i) => (outcomes[i] = undefined));
  while (pending.length > 0) {
    // Start a wave only if it can finish, timeouts included, inside the budget; what is left goes back.
    if (Date.now() + waitMs + policy.requestTimeoutSeconds * 1000 - startedAt > policy.executionBudgetMs) {
      notDone();
      break;
    }
    if (waitMs > 0) Utilities.sleep(waitMs);
    const waveSends = pending.map((i) => sends[i]);
    let wave: ReturnType<typeof sendWave>;
    try {
      wave = sendWave(
        pending.map((i) => requests[i]),
        waveSends,
        policy,
      );
    } catch (error) {
      if (!(error instanceof QuotaExceededError)) throw error;
      notDone();
      return { outcomes, quotaExceeded: true };
    }
    const again: number[] = [];
    waitMs = 0;
    pending.forEach((i, k) => {
      sends[i] = waveSends[k];
      const answer = wave.answers[k];
      // After a failed fetchAll, this request may have reached AODocs before its one-by-one resend.
      const mayHaveWorked = lostAnswer[i] || wave.fetchAllFailed;
      outcomes[i] = { answer, sends: sends[i], earlierSendMayHaveWorked: mayHaveWorked };
      lostAnswer[i] = mayHaveWorked || answer.kind === 'no-answer';
      const delay = retryDelayMs(answer, sends[i], policy, Math.random());
      if (delay !== undefined) {
        again.push(i);
        waitMs = Math.max(waitMs, delay);
      }
    });
    pending = again;
  }
  return { outcomes, quotaExceeded: false };
}
