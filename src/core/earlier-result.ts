// What a row remembers of an earlier run. "Run again" reads each job's Result cell before deciding what a refusal
// means: when an earlier run wrote that its cancel may have reached AODocs (retries ran out on 5xx, no answer,
// accepted without a readable status, not confirmed), a 400/412 now may be the echo of that cancel, so a job that
// reads CANCELLED says `Cancelled`, and one still running `Cancel not confirmed (412); job still running`. An answer
// that settles nothing since (a Refresh, a 401, a 429) keeps that memory in its row: job-outcome.ts
// rememberingEarlierAttempt.
//
// The cell is text a user can edit: it is recognised only when it is exactly one of the add-on's own sentences
// (wording.ts), never by a word it contains. A refusal, a 429 or a retryable 409 happened before any work in
// AODocs (retry-policy.ts mayHaveReachedAodocs), so their sentences are not memories of a cancel.
import { withoutTextMark } from './cell-text';
import {
  EARLIER_ATTEMPT,
  RESULT,
  cancelAcceptedStatusUnknown,
  cancelNotConfirmed,
  cancelNotConfirmedStillRunning,
  notCancelledRefused,
  notCancelledStatusUnknown,
  refusedBy,
  statusNotRead,
  unavailable,
  unexpectedAnswer,
} from './wording';

/** The HTTP codes a sentence may name: three digits, as AODocs and proxies answer. */
function codesIn(text: string): number[] {
  return [...text.matchAll(/\((?:HTTP )?(\d{3})\)/g)].map((m) => Number(m[1]));
}

/** Whether `text` starts with what `sentence` says before the read-back's sentence it ends with. */
function startsLike(text: string, sentence: (code: number, readSentence: string) => string, code: number): boolean {
  const head = sentence(code, '');
  return text.length > head.length && text.startsWith(head);
}

const RESULT_SENTENCES: readonly string[] = Object.values(RESULT);

/** Whether `text` is exactly one of the sentences the add-on writes in a Result cell. */
function isOwnSentence(text: string): boolean {
  if (RESULT_SENTENCES.includes(text)) return true;
  const notRead = statusNotRead('');
  if (text.startsWith(notRead)) return isOwnSentence(text.slice(notRead.length));
  return codesIn(text).some(
    (code) =>
      text === unavailable(code) ||
      text === unexpectedAnswer(code) ||
      text === refusedBy(code) ||
      text === notCancelledRefused(code) ||
      startsLike(text, notCancelledStatusUnknown, code),
  );
}

/**
 * Whether a Result cell, as an earlier run of the add-on wrote it, says that run's cancel may have reached AODocs.
 * `text` is the cell's displayed text.
 */
export function earlierCancelMayHaveWorked(text: string): boolean {
  const result = withoutTextMark(text.trim());
  if (result === RESULT.noAnswer || result === RESULT.cancelRequested) return true;
  // Any of our sentences that kept the memory of an earlier attempt (a Refresh, a 401, a 429 after it).
  if (result.endsWith(EARLIER_ATTEMPT) && isOwnSentence(result.slice(0, -EARLIER_ATTEMPT.length))) return true;
  return codesIn(result).some(
    (code) =>
      (code >= 500 && (result === unavailable(code) || result === unexpectedAnswer(code))) ||
      result === cancelNotConfirmedStillRunning(code) ||
      startsLike(result, cancelNotConfirmed, code) ||
      startsLike(result, cancelAcceptedStatusUnknown, code),
  );
}

/**
 * Whether the memory in these Result cells is only that an earlier run already read the job still running after a
 * refusal (`Cancel not confirmed (412); job still running`): that run's cancel was refused too, so an older lost
 * cancel has had its chance. A new refusal while the job still runs then says `Not cancelled`, instead of asking
 * to run again forever.
 */
export function onlySeenStillRunning(texts: string[]): boolean {
  const memories = texts.map((t) => withoutTextMark(t.trim())).filter(earlierCancelMayHaveWorked);
  const seenRunning = (text: string) => codesIn(text).some((code) => text === cancelNotConfirmedStillRunning(code));
  return memories.length > 0 && memories.every(seenRunning);
}

/**
 * Whether a Result cell says a cancel of the add-on cancelled the job (`Cancelled`). Run again after a chunk whose
 * answer never reached the sidebar sends that job again: AODocs then refuses (412) and reads CANCELLED, and the row
 * must keep `Cancelled`, not become `Already cancelled`.
 */
export function earlierCancelDidIt(text: string): boolean {
  return withoutTextMark(text.trim()) === RESULT.cancelled;
}
