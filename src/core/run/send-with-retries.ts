// The retry loop: sends requests to AODocs in waves (one fetchAll each), retrying what is worth retrying inside the
// execution's time budget, and turns each response into an answer. A program of steps (steps.ts): it decides every
// wave, wait, hand-back and refusal; the server only fetches, sleeps and reads the clock when asked.
import { Answer, classifyAnswer, fetchFailure, HttpAnswer } from '../aodocs-answer';
import { FetchRequest } from '../aodocs-request';
import {
  DEFAULT_RETRY_POLICY,
  RetryPolicy,
  asksTheRunToWait,
  mayHaveReachedAodocs,
  retryDecision,
  retryDuringRunWait,
  sendMarginMs,
} from '../retry-policy';
import { REFUSAL_WAIT_MS, fetchRefusal, refusalVerdict } from '../fetch-refusal';
import { CALL } from '../wording';
import { isSecurityCodeRefusal } from '../job-outcome';
import { Attempt, FetchStep, Program, RefuseStep, TimedRequest, attempt, messageOf, perform } from './steps';

/**
 * Per request: its final answer, and whether an earlier send may have reached AODocs without its answer coming
 * back (a dropped connection), so that a later 412 may be the echo of our own cancel. Undefined when it is not
 * done: never sent, or its retries were cut short by the time budget or the quota (the sidebar sends it again).
 */
export type SendOutcome = { answer: Answer; sends: number; earlierSendMayHaveWorked: boolean } | undefined;

export interface SendReport {
  outcomes: SendOutcome[];
  /** Apps Script's daily UrlFetch quota ran out: nothing more can be sent today. */
  quotaExceeded: boolean;
  /**
   * The longest Retry-After this call could not wait for (0: none): requests handed back for it come back
   * undefined (never settled), and the run waits that long before sending more.
   */
  runWaitMs: number;
  /** The slowest send of this call, or the one given in `SendOptions.slowestSendMs` when slower. */
  slowestSendMs: number;
}

export interface SendOptions {
  /** When the execution started: the time budget counts from it. */
  startedAt: number;
  policy?: RetryPolicy;
  /**
   * Whether the run's stop mark is asked before each retry wave and before a one-by-one resend (a run's chunk);
   * once stopped, no more sends go out and the answers so far are kept.
   */
  stoppable?: boolean;
  /**
   * Whether a request AODocs asks to wait for longer than this call can may come back undefined, for the caller
   * to send later (a run's chunk); otherwise it keeps that answer.
   */
  handBackLongWaits?: boolean;
  /**
   * The slowest send an earlier call of the same execution saw (its SendReport): a platform that did not honour
   * timeoutSeconds for the cancels will not for the read-backs either (review: a read-back hung past the budget).
   */
  slowestSendMs?: number;
}

const NO_ANSWER: Answer = { kind: 'no-answer', retryable: true };

function noAnswer(message: string, outlastedItsTimeout: boolean): Answer {
  return { kind: 'no-answer', retryable: true, cause: fetchFailure(message, outlastedItsTimeout) };
}

/**
 * What the loop knows of time: the clock as last read, and the slowest send so far. A request may take up to its
 * timeout, or as long as the slowest send when the platform did not honour it: one starts only if it can end inside
 * the budget.
 */
interface Clock {
  now: number;
  slowestSendMs: number;
}

function* readClock(): Program<number> {
  return yield* perform<number, FetchStep>({ kind: 'clock' });
}

/** A fetch step, timed: its answer, and how long it took (the clock and the slowest send are updated). */
function* timedSend<T>(step: FetchStep, clock: Clock): Program<{ answer: Attempt<T>; tookMs: number }> {
  const sentAt = yield* readClock();
  const answer = yield* attempt<T, FetchStep>(step);
  clock.now = yield* readClock();
  const tookMs = clock.now - sentAt;
  clock.slowestSendMs = Math.max(clock.slowestSendMs, tookMs);
  return { answer, tookMs };
}

/**
 * Whether the user pressed Stop for this run. The mark is best effort: when it cannot be read, the chunk goes on
 * (the sidebar has stopped sending new chunks anyway) rather than fail after its cancels were sent.
 */
export function* isStopped(): Program<boolean> {
  const mark = yield* attempt<boolean, FetchStep>({ kind: 'is-stopped' });
  return mark.ok && mark.value;
}

interface Wave {
  /** Undefined where the request was not sent at all (the quota ran out first). */
  answers: (Answer | undefined)[];
  /** fetchAll threw: every request of the wave may have reached AODocs before the one-by-one resend. */
  fetchAllFailed: boolean;
  quotaExceeded: boolean;
  /** Apps Script refused the wave before sending anything: its message (fetch-refusal.ts). */
  refused?: string;
  /** The one-by-one resend met answers that refuse the setup itself: no retry is worth sending. */
  setupRefused?: boolean;
}

interface WaveContext {
  policy: RetryPolicy;
  clock: Clock;
  timeLeft: () => boolean;
  stoppable: boolean;
  /** The message of the refusal the previous wave of these requests met, if it was refused. */
  earlierRefusal: string | undefined;
}

/**
 * One wave: all requests together through fetchAll. When fetchAll throws (a single connection failure takes
 * the whole call down, even with muteHttpExceptions), the requests go again one by one to learn which failed,
 * each only while sends and time are left; the others count as unanswered. `sends` is counted up as they go.
 */
function* sendWave(requests: TimedRequest[], sends: number[], context: WaveContext): Program<Wave> {
  const { policy, clock } = context;
  const all = yield* timedSend<HttpAnswer[]>({ kind: 'fetch-all', requests }, clock);
  if (all.answer.ok) {
    const answers = all.answer.value.map((raw) => classifyAnswer(raw, clock.now));
    sends.forEach((_, i) => sends[i]++);
    return { answers, fetchAllFailed: false, quotaExceeded: false };
  }
  const message = messageOf(all.answer.error);
  const refusal = fetchRefusal(
    message,
    requests.map((r) => r.url),
  );
  // Apps Script refused the call itself: nothing went out, and no request is sent again one by one.
  if (refusal !== undefined) {
    if (refusalVerdict(refusal, message, context.earlierRefusal) === 'daily-quota')
      return { answers: requests.map(() => undefined), fetchAllFailed: false, quotaExceeded: true };
    sends.forEach((_, i) => sends[i]++);
    return { answers: requests.map(() => NO_ANSWER), fetchAllFailed: false, quotaExceeded: false, refused: message };
  }
  sends.forEach((_, i) => sends[i]++);
  let quotaExceeded = false;
  let refused = false;
  /**
   * AODocs asked the run to wait: the requests after that one are not sent again now. Their fetchAll send may have
   * reached AODocs, so they keep "no answer" (a retry after the pause could read our own cancel as another's).
   */
  let waitAsked = false;
  // The one-by-one resend sends each request again: not once the run was stopped.
  const resend = !context.stoppable || !(yield* isStopped());
  const answers: Answer[] = [];
  /**
   * Answers that may refuse the setup itself (a 401, a refused security code, a 400), by kind: once one kind came
   * twice one by one, the others are not sent again and keep their unanswered send (a misconfigured run reaches
   * AODocs at most 10 times; the breaker judges what came back).
   */
  const setupSuspicions = new Map<string, number>();
  let setupRefused = false;
  for (const [i, request] of requests.entries()) {
    if (waitAsked || setupRefused || !resend || refused || sends[i] >= policy.maxSends || !context.timeLeft()) {
      answers.push(NO_ANSWER);
      continue;
    }
    sends[i]++;
    const one = yield* timedSend<HttpAnswer>({ kind: 'fetch', request }, clock);
    if (one.answer.ok) {
      const answer = classifyAnswer(one.answer.value, clock.now);
      waitAsked = asksTheRunToWait(answer, policy);
      const suspicion = setupSuspicion(answer);
      if (suspicion !== undefined) {
        setupSuspicions.set(suspicion, (setupSuspicions.get(suspicion) ?? 0) + 1);
        setupRefused ||= (setupSuspicions.get(suspicion) ?? 0) >= SETUP_REFUSALS_ENOUGH;
      }
      answers.push(answer);
      continue;
    }
    const failure = messageOf(one.answer.error);
    const oneRefusal = fetchRefusal(failure, [request.url]);
    if (oneRefusal === undefined) {
      // Its message names the URL: only its kind is kept.
      answers.push(noAnswer(failure, one.tookMs >= request.timeoutSeconds * 1000));
      continue;
    }
    // Refused by Apps Script while going one by one: this one was not sent, and no other goes.
    sends[i]--;
    refused = true;
    quotaExceeded = refusalVerdict(oneRefusal, failure, undefined, true) === 'daily-quota';
    answers.push(NO_ANSWER);
  }
  return { answers, fetchAllFailed: true, quotaExceeded, setupRefused };
}

/** The same answer that may refuse the setup, twice: enough to stop resending (the circuit breaker's minimum). */
const SETUP_REFUSALS_ENOUGH = 2;

/**
 * The kind of an answer that may be the setup's rather than the job's: a 401, a refused security code, a 400 (a
 * wrong domain refuses every request with it; its reason tells one 400 from another). Undefined otherwise.
 */
function setupSuspicion(answer: Answer): string | undefined {
  if (answer.kind !== 'error' || answer.retryable) return undefined;
  if (answer.code === 401) return '401';
  if (isSecurityCodeRefusal(answer)) return 'security-code';
  if (answer.code === 400) return `400 ${answer.reason ?? ''}`;
  return undefined;
}

function withTimeout(request: FetchRequest, policy: RetryPolicy): TimedRequest {
  return { ...request, timeoutSeconds: policy.requestTimeoutSeconds };
}

/**
 * Sends every request, retrying retryable answers with backoff until they succeed, run out of sends, or the
 * execution's budget (counted from `startedAt`) runs out. A request keeps its last answer; only requests never
 * sent come back undefined, for the sidebar to send again.
 */
export function* sendWithRetries(requests: FetchRequest[], options: SendOptions): Program<SendReport> {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const handBackLongWaits = options.handBackLongWaits ?? false;
  const outcomes: SendOutcome[] = requests.map(() => undefined);
  if (requests.length === 0)
    return { outcomes, quotaExceeded: false, runWaitMs: 0, slowestSendMs: options.slowestSendMs ?? 0 };
  let pending = requests.map((_, i) => i);
  const sends = requests.map(() => 0);
  const lostAnswer = requests.map(() => false);
  const clock: Clock = { now: yield* readClock(), slowestSendMs: options.slowestSendMs ?? 0 };
  const canWaitMs = () =>
    policy.executionBudgetMs - sendMarginMs(policy, clock.slowestSendMs) - (clock.now - options.startedAt);
  const timeLeft = (waitMs = 0) => waitMs <= canWaitMs();
  let runWaitMs = 0;
  let waitMs = 0;
  let firstWave = true;
  let earlierRefusal: string | undefined;
  while (pending.length > 0 && timeLeft(waitMs)) {
    if (waitMs > 0) yield* perform<void, FetchStep>({ kind: 'sleep', ms: waitMs });
    // A retry goes out only while the run is wanted: asked after the wait, just before sending.
    if (!firstWave && options.stoppable && (yield* isStopped())) break;
    firstWave = false;
    const waveSends = pending.map((i) => sends[i]);
    const wave = yield* sendWave(
      pending.map((i) => withTimeout(requests[i], policy)),
      waveSends,
      { policy, clock, timeLeft: () => timeLeft(), stoppable: options.stoppable ?? false, earlierRefusal },
    );
    earlierRefusal = wave.refused;
    const again: number[] = [];
    waitMs = 0;
    for (const [k, i] of pending.entries()) {
      const answer = wave.answers[k];
      if (answer === undefined) continue;
      sends[i] = waveSends[k];
      const mayHaveWorked = lostAnswer[i] || wave.fetchAllFailed;
      // A refused wave sent nothing: a request never sent stays undefined (the sidebar sends it again).
      if (wave.refused === undefined)
        outcomes[i] = { answer, sends: sends[i], earlierSendMayHaveWorked: mayHaveWorked };
      lostAnswer[i] = mayHaveWorked || (wave.refused === undefined && mayHaveReachedAodocs(answer));
      const random = yield* perform<number, FetchStep>({ kind: 'random' });
      const decision = retryDecision(answer, sends[i], policy, random, {
        canWaitMs: canWaitMs(),
        mayHaveReachedAodocs: lostAnswer[i],
      });
      if (decision.then === 'retry') {
        again.push(i);
        waitMs = Math.max(waitMs, decision.delayMs, wave.refused === undefined ? 0 : REFUSAL_WAIT_MS);
      } else runWaitMs = Math.max(runWaitMs, decision.runWaitMs ?? 0);
      if (decision.then === 'hand-back' && handBackLongWaits) outcomes[i] = undefined;
    }
    if (wave.quotaExceeded) return { outcomes, quotaExceeded: true, runWaitMs, slowestSendMs: clock.slowestSendMs };
    // The setup was refused while resending one by one: no retry goes out (the breaker stops the run).
    if (wave.setupRefused) break;
    // AODocs asked the run to wait: no retry of this chunk goes out before the sidebar's pause either.
    if (runWaitMs > 0 && handBackLongWaits) {
      for (const i of again) if (retryDuringRunWait(lostAnswer[i]) === 'hand-back') outcomes[i] = undefined;
      break;
    }
    pending = again;
  }
  return { outcomes, quotaExceeded: false, runWaitMs, slowestSendMs: clock.slowestSendMs };
}

/**
 * One AODocs call that stands alone (a page of a library, a page of a job's events, the connection check), sent
 * with the usual retries: its last answer; undefined when it never went out (the time budget from `startedAt` ran
 * out). Google's daily quota ends the call with the sentence every caller shows.
 */
export function* callAodocs(
  request: FetchRequest,
  startedAt: number,
): Program<Answer | undefined, FetchStep | RefuseStep> {
  const sent = yield* sendWithRetries([request], { startedAt });
  if (sent.quotaExceeded) yield* perform<never, RefuseStep>({ kind: 'refuse', message: CALL.dailyQuota });
  return sent.outcomes[0]?.answer;
}
