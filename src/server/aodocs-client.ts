// Sends requests to AODocs through UrlFetchApp.fetchAll, retrying what is worth retrying inside the
// execution's time budget, and turns each response into an answer.
import { Answer, classifyAnswer, fetchFailure } from '../core/aodocs-answer';
import { FetchRequest } from '../core/aodocs-request';
import {
  DEFAULT_RETRY_POLICY,
  RetryPolicy,
  mayHaveReachedAodocs,
  asksTheRunToWait,
  retryDecision,
  retryDuringRunWait,
  sendMarginMs,
} from '../core/retry-policy';
import { REFUSAL_WAIT_MS, fetchRefusal, refusalVerdict } from '../core/fetch-refusal';

/**
 * Per request: its final answer, and whether an earlier send may have reached AODocs without its answer coming
 * back (a dropped connection), so that a later 412 may be the echo of our own cancel. Undefined when it is not
 * done: never sent, or its retries were cut short by the time budget or the quota (the sidebar sends it again).
 */
export type SendOutcome = { answer: Answer; sends: number; earlierSendMayHaveWorked: boolean } | undefined;

function answerOf(response: GoogleAppsScript.URL_Fetch.HTTPResponse): Answer {
  return classifyAnswer(
    {
      code: response.getResponseCode(),
      body: response.getContentText(),
      headers: response.getHeaders() as Record<string, string>,
    },
    Date.now(),
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const NO_ANSWER: Answer = { kind: 'no-answer', retryable: true };

function noAnswer(error: unknown, outlastedItsTimeout: boolean): Answer {
  return {
    kind: 'no-answer',
    retryable: true,
    cause: fetchFailure(messageOf(error), outlastedItsTimeout),
  };
}

function withTimeout(request: FetchRequest, policy: RetryPolicy) {
  return { ...request, timeoutSeconds: policy.requestTimeoutSeconds };
}

interface Wave {
  /** Undefined where the request was not sent at all (the quota ran out first). */
  answers: (Answer | undefined)[];
  /** fetchAll threw: every request of the wave may have reached AODocs before the one-by-one resend. */
  fetchAllFailed: boolean;
  quotaExceeded: boolean;
  /** Apps Script refused the wave before sending anything: its message (fetch-refusal.ts). */
  refused?: string;
}

/**
 * One wave: all requests together through fetchAll. When fetchAll throws (a single connection failure takes
 * the whole call down, even with muteHttpExceptions), the requests go again one by one to learn which failed,
 * each only while sends and time are left; the others count as unanswered.
 */
function sendWave(
  requests: FetchRequest[],
  sends: number[],
  policy: RetryPolicy,
  timeLeft: () => boolean,
  keepRetrying: () => boolean,
  /** The message of the refusal the previous wave of these requests met, if it was refused. */
  earlierRefusal: string | undefined,
  /** Told how long each send took (the platform may not honour timeoutSeconds). */
  timed: <T>(send: () => T) => T,
): Wave {
  try {
    const answers = timed(() => UrlFetchApp.fetchAll(requests.map((r) => withTimeout(r, policy)))).map(answerOf);
    sends.forEach((_, i) => sends[i]++);
    return { answers, fetchAllFailed: false, quotaExceeded: false };
  } catch (error) {
    const message = messageOf(error);
    const refusal = fetchRefusal(
      message,
      requests.map((r) => r.url),
    );
    // Apps Script refused the call itself: nothing went out, and no request is sent again one by one.
    if (refusal !== undefined) {
      if (refusalVerdict(refusal, message, earlierRefusal) === 'daily-quota')
        return { answers: requests.map(() => undefined), fetchAllFailed: false, quotaExceeded: true };
      sends.forEach((_, i) => sends[i]++);
      return { answers: requests.map(() => NO_ANSWER), fetchAllFailed: false, quotaExceeded: false, refused: message };
    }
    sends.forEach((_, i) => sends[i]++);
  }
  let quotaExceeded = false;
  let refused = false;
  /**
   * AODocs asked the run to wait: the requests after that one are not sent again now. Their fetchAll send may have
   * reached AODocs, so they keep "no answer" (a retry after the pause could read our own cancel as another's).
   */
  let waitAsked = false;
  // The one-by-one resend sends each request again: not once the run was stopped.
  const resend = keepRetrying();
  const answers = requests.map((request, i): Answer => {
    if (waitAsked || !resend || refused || sends[i] >= policy.maxSends || !timeLeft()) return NO_ANSWER;
    const { url, ...params } = withTimeout(request, policy);
    const sentAt = Date.now();
    try {
      sends[i]++;
      const answer = answerOf(timed(() => UrlFetchApp.fetch(url, params)));
      waitAsked = asksTheRunToWait(answer, policy);
      return answer;
    } catch (error) {
      const message = messageOf(error);
      const refusal = fetchRefusal(message, [url]);
      // Its message names the URL: only its kind is kept.
      if (refusal === undefined) return noAnswer(error, Date.now() - sentAt >= params.timeoutSeconds * 1000);
      // Refused by Apps Script while going one by one: this one was not sent, and no other goes.
      sends[i]--;
      refused = true;
      quotaExceeded = refusalVerdict(refusal, message, undefined, true) === 'daily-quota';
      return NO_ANSWER;
    }
  });
  return { answers, fetchAllFailed: true, quotaExceeded };
}

export interface SendReport {
  outcomes: SendOutcome[];
  /** Apps Script's daily UrlFetch quota ran out: nothing more can be sent today. */
  quotaExceeded: boolean;
  /**
   * The longest Retry-After this call could not wait for (0: none): requests handed back for it come back
   * undefined (never settled), and the run waits that long before sending more.
   */
  runWaitMs: number;
}

/**
 * Sends every request, retrying retryable answers with backoff until they succeed, run out of sends, or the
 * execution's budget (counted from `startedAt`) runs out. A request keeps its last answer; only requests never
 * sent come back undefined, for the sidebar to send again.
 */
export function sendWithRetries(
  requests: FetchRequest[],
  startedAt: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  /** Asked before each retry wave: false ends the retries (the run was stopped); answers so far are kept. */
  keepRetrying: () => boolean = () => true,
  /**
   * Whether a request AODocs asks to wait for longer than this call can may come back undefined, for the caller
   * to send later (a run's chunk); otherwise it keeps that answer.
   */
  handBackLongWaits = false,
): SendReport {
  const outcomes: SendOutcome[] = requests.map(() => undefined);
  let pending = requests.map((_, i) => i);
  const sends = requests.map(() => 0);
  const lostAnswer = requests.map(() => false);
  // A request may take up to its timeout, or as long as the slowest send so far when the platform did not honour
  // it: start one only if it can end inside the budget.
  let slowestSendMs = 0;
  const timed = <T>(send: () => T): T => {
    const sentAt = Date.now();
    try {
      return send();
    } finally {
      slowestSendMs = Math.max(slowestSendMs, Date.now() - sentAt);
    }
  };
  const canWaitMs = () => policy.executionBudgetMs - sendMarginMs(policy, slowestSendMs) - (Date.now() - startedAt);
  const timeLeft = (waitMs = 0) => waitMs <= canWaitMs();
  let runWaitMs = 0;
  let waitMs = 0;
  let firstWave = true;
  let earlierRefusal: string | undefined;
  while (pending.length > 0 && timeLeft(waitMs)) {
    if (waitMs > 0) Utilities.sleep(waitMs);
    // A retry goes out only while the run is wanted: asked after the wait, just before sending.
    if (!firstWave && !keepRetrying()) break;
    firstWave = false;
    const waveSends = pending.map((i) => sends[i]);
    const wave = sendWave(
      pending.map((i) => requests[i]),
      waveSends,
      policy,
      () => timeLeft(),
      keepRetrying,
      earlierRefusal,
      timed,
    );
    earlierRefusal = wave.refused;
    const again: number[] = [];
    waitMs = 0;
    pending.forEach((i, k) => {
      const answer = wave.answers[k];
      if (answer === undefined) return;
      sends[i] = waveSends[k];
      const mayHaveWorked = lostAnswer[i] || wave.fetchAllFailed;
      // A refused wave sent nothing: a request never sent stays undefined (the sidebar sends it again).
      if (wave.refused === undefined)
        outcomes[i] = { answer, sends: sends[i], earlierSendMayHaveWorked: mayHaveWorked };
      lostAnswer[i] = mayHaveWorked || (wave.refused === undefined && mayHaveReachedAodocs(answer));
      const decision = retryDecision(answer, sends[i], policy, Math.random(), {
        canWaitMs: canWaitMs(),
        mayHaveReachedAodocs: lostAnswer[i],
      });
      if (decision.then === 'retry') {
        again.push(i);
        waitMs = Math.max(waitMs, decision.delayMs, wave.refused === undefined ? 0 : REFUSAL_WAIT_MS);
      } else runWaitMs = Math.max(runWaitMs, decision.runWaitMs ?? 0);
      if (decision.then === 'hand-back' && handBackLongWaits) outcomes[i] = undefined;
    });
    if (wave.quotaExceeded) return { outcomes, quotaExceeded: true, runWaitMs };
    // AODocs asked the run to wait: no retry of this chunk goes out before the sidebar's pause either.
    if (runWaitMs > 0 && handBackLongWaits) {
      for (const i of again) if (retryDuringRunWait(lostAnswer[i]) === 'hand-back') outcomes[i] = undefined;
      break;
    }
    pending = again;
  }
  return { outcomes, quotaExceeded: false, runWaitMs };
}
