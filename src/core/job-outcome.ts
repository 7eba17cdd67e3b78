// What happened to one job, in the words written into its row. One place answers "what does the user read
// after a 404?", and the rule every row obeys: no row says a job is finished unless a finished status was read
// from AODocs, and no row says a job was cancelled unless AODocs said so.
import { JobAction, Outcome } from '../shared/api';
import { Job, isFinishedStatus } from './api-job';
import { Answer, isNotFound, jobOf } from './aodocs-answer';
import { earlierCancelMayHaveWorked } from './earlier-result';
import {
  RESULT,
  alreadyFinished,
  cancelAcceptedStatusUnknown,
  cancelNotConfirmed,
  cancelNotConfirmedStillRunning,
  notCancelledRefused,
  notCancelledStatusUnknown,
  refusedBy,
  unavailable,
  withEarlierAttempt,
  statusNotRead,
  unexpectedAnswer,
} from './wording';

export interface JobOutcome {
  outcome: Outcome;
  result: string;
  httpCode?: number;
  job?: Job;
  /** Asking again may give another answer: no answer, retries run out, or the read-back not done. */
  transient?: boolean;
  /** The library AODocs named in a 403, to say whom to ask. */
  libraryId?: string;
}

/** An answer that may change if the same request is sent again later. */
function isTransient(answer: Answer | undefined): boolean {
  return answer === undefined || answer.kind === 'no-answer' || (answer.kind !== 'ok' && answer.retryable);
}

/** AODocs' 403 names the library: "Access denied to library with id: 'L1' Required permission level: 'ADMIN'". */
export function libraryIdOf(answer: Answer): string | undefined {
  if (answer.kind !== 'error' || answer.code !== 403) return undefined;
  const id = /library with id: '([A-Za-z0-9_-]{1,100})'/.exec(answer.message ?? '')?.[1];
  return id;
}

/** The answer to reading a job back after its cancel; undefined when the read never went out (time, quota). */
export type ReadBack = Answer | undefined;

/** AODocs' 403 for a wrong, expired or revoked security code: about the setup, not the job's library. */
export function isSecurityCodeRefusal(answer: Answer): boolean {
  return answer.kind === 'error' && answer.code === 403 && /invalid security code/i.test(answer.message ?? '');
}

/** The sentence for an answer that carries no job: an error, a page that is not AODocs JSON, silence. */
function failureSentence(answer: Answer, action: JobAction): string {
  switch (answer.kind) {
    case 'no-answer':
      return RESULT.noAnswer;
    case 'ok':
      // Only a read-back gets here: a job without a status.
      return RESULT.noStatus;
    case 'unexpected':
      // A proxy's page, retried like any 5xx, is still named for what it was when retries run out.
      return unexpectedAnswer(answer.code);
  }
  const { code } = answer;
  if (answer.retryable) return unavailable(code);
  if (code === 401) return RESULT.signIn;
  if (code === 403) return isSecurityCodeRefusal(answer) ? RESULT.securityCodeRefused : RESULT.notAdmin;
  if (code === 404 && isNotFound(answer)) return RESULT.notFound;
  return action === 'cancel' ? notCancelledRefused(code) : refusedBy(code);
}

function failure(answer: Answer, action: JobAction): JobOutcome {
  const sentence = failureSentence(answer, action);
  const outcome: JobOutcome = {
    outcome: 'failed',
    // A status read that went unanswered says so: a cancel run must not take it for its own unclear cancel
    // (earlier-result.ts remembers the cancel's sentences only).
    result: action === 'refresh' && isTransient(answer) ? statusNotRead(sentence) : sentence,
    httpCode: answer.kind === 'no-answer' ? undefined : answer.code,
  };
  if (isTransient(answer)) outcome.transient = true;
  const libraryId = libraryIdOf(answer);
  if (libraryId !== undefined) outcome.libraryId = libraryId;
  return outcome;
}

/**
 * 400 and 412 on cancel: AODocs will not cancel the job in its current state; a 409 it does not call retryable:
 * the job changed under the request (possibly our own earlier cancel). Only reading the job tells which.
 */
function isRefusedInItsState(answer: Answer): boolean {
  return answer.kind === 'error' && !answer.retryable && [400, 409, 412].includes(answer.code);
}

/** The job an answer carries, when it says the job's status: a body without one tells nothing. */
function jobWithStatus(answer: Answer | undefined): Job | undefined {
  const job = answer === undefined ? undefined : jobOf(answer);
  return job?.status === undefined ? undefined : job;
}

/**
 * A 2xx that does not say the job's state (no body, JSON without a status): AODocs accepted, nothing more. A 2xx
 * page that is not JSON is a proxy's, not AODocs' acceptance: it is an unexpected answer.
 */
function isAcceptedWithoutJob(answer: Answer): boolean {
  if (answer.kind === 'no-answer' || (answer.kind === 'unexpected' && answer.page)) return false;
  return answer.code >= 200 && answer.code < 300 && jobWithStatus(answer) === undefined;
}

/** After this cancel answer, the job must be read back (GET) before its row can tell the truth. */
export function needsReadBack(answer: Answer): boolean {
  return isRefusedInItsState(answer) || isAcceptedWithoutJob(answer);
}

/** The sentence of a read-back that did not give a job's status. */
function readFailureSentence(readBack: ReadBack): string {
  if (readBack === undefined) return RESULT.notReadInTime;
  return failureSentence(readBack, 'refresh');
}

/** A cancel AODocs accepted, told from the job it returned (or that was read back). */
function accepted(code: number, job: Job): JobOutcome {
  const status = (job.status ?? '').trim().toUpperCase();
  if (status === 'CANCELLED') return { outcome: 'done', result: RESULT.cancelled, httpCode: code, job };
  if (isFinishedStatus(status))
    return { outcome: 'already-finished', result: alreadyFinished(status), httpCode: code, job };
  return { outcome: 'done', result: RESULT.cancelRequested, httpCode: code, job };
}

/**
 * Outcome of a cancel. `readBack` is the answer to reading the job when `needsReadBack(answer)`; it is ignored
 * otherwise. `earlierSendMayHaveWorked`: an earlier send of this cancel went out without its answer coming back
 * (in this run, or in the run whose row this one continues: see earlier-result.ts), so a refusal now may be the
 * echo of our own cancel.
 */
export function cancelOutcome(
  answer: Answer,
  readBack: ReadBack,
  earlierSendMayHaveWorked = false,
  /** The memory is only of an earlier run that already read the job still running after a refusal. */
  earlierSeenStillRunning = false,
  /** A row says an earlier cancel of ours cancelled the job: a refusal read back as CANCELLED is still ours. */
  earlierCancelDidIt = false,
): JobOutcome {
  const job = jobWithStatus(answer);
  if (job && answer.kind === 'ok') return accepted(answer.code, job);
  if (!needsReadBack(answer) || answer.kind === 'no-answer') {
    return failure(answer, 'cancel');
  }

  const { code } = answer;
  const read = jobWithStatus(readBack);
  const status = (read?.status ?? '').trim().toUpperCase();
  if (isAcceptedWithoutJob(answer)) {
    if (read) return { ...accepted(code, read), httpCode: code };
    return {
      outcome: 'done',
      result: cancelAcceptedStatusUnknown(code, readFailureSentence(readBack)),
      httpCode: code,
      ...(isTransient(readBack) ? { transient: true } : {}),
    };
  }
  // Refused (400/412): the read status alone says whether the job had ended.
  if (read && status === 'CANCELLED' && (earlierSendMayHaveWorked || earlierCancelDidIt)) {
    return { outcome: 'done', result: RESULT.cancelled, httpCode: code, job: read };
  }
  if (read && isFinishedStatus(status)) {
    return { outcome: 'already-finished', result: alreadyFinished(status), httpCode: code, job: read };
  }
  if (read && earlierSendMayHaveWorked && !earlierSeenStillRunning) {
    // Our earlier cancel may have reached AODocs: a refusal now says nothing about it, and asking again will. Once
    // a run already saw the job running after such a refusal, a second refusal is a plain refusal.
    return {
      outcome: 'failed',
      result: cancelNotConfirmedStillRunning(code),
      httpCode: code,
      job: read,
      transient: true,
    };
  }
  if (read) return { outcome: 'failed', result: notCancelledRefused(code), httpCode: code, job: read };
  const readSentence = readFailureSentence(readBack);
  const result = earlierSendMayHaveWorked
    ? cancelNotConfirmed(code, readSentence)
    : notCancelledStatusUnknown(code, readSentence);
  return { outcome: 'failed', result, httpCode: code, ...(isTransient(readBack) ? { transient: true } : {}) };
}

/** Outcome of reading a job's status (Refresh status). */
export function refreshOutcome(answer: Answer): JobOutcome {
  // A job without a status read nothing worth a row's status columns: "AODocs gave no status", nothing else.
  const job = jobWithStatus(answer);
  if (answer.kind !== 'ok' || !job) return failure(answer, 'refresh');
  return { outcome: 'done', result: RESULT.refreshed, httpCode: answer.code, job };
}

/**
 * The outcome as its row must say it when an earlier send of ours may have cancelled the job (a lost answer in this
 * cancel run, or the memory its row kept from an earlier run): unless this answer settled the job's state, the
 * row keeps that memory, so that Run again does not take our own cancel for someone else's ("Already cancelled").
 * A Refresh settles nothing about who cancelled, so it keeps it (the server reads the rows only where the status
 * read is CANCELLED or none: chunk-settlement.ts memoriesNeeded); a 404 ends the question.
 */
export function rememberingEarlierAttempt(
  action: JobAction,
  outcome: JobOutcome,
  earlierSendMayHaveWorked: boolean,
): JobOutcome {
  if (!earlierSendMayHaveWorked || outcome.result === RESULT.notFound) return outcome;
  if (earlierCancelMayHaveWorked(outcome.result)) return outcome;
  if (action === 'cancel' && outcome.job !== undefined) return outcome;
  return { ...outcome, result: withEarlierAttempt(outcome.result) };
}
