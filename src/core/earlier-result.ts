// What a row remembers of an earlier run. "Run again" reads each job's Result cell before deciding what a refusal
// means: when an earlier run wrote that its cancel may have reached AODocs (retries ran out on 5xx, no answer,
// accepted without a readable status, not confirmed), a 400/412 now may be the echo of that cancel, so a job that
// reads CANCELLED says `Cancelled`, and one still running `Cancel not confirmed (412); job still running`.
//
// The cell is text a user can edit: it is recognised only when it is exactly one of the add-on's own sentences
// (wording.ts), never by a word it contains. A refusal, a 429 or a retryable 409 happened before any work in
// AODocs (retry-policy.ts mayHaveReachedAodocs), so their sentences are not memories of a cancel.
import { withoutTextMark } from './cell-text';
import {
  RESULT,
  cancelAcceptedStatusUnknown,
  cancelNotConfirmed,
  cancelNotConfirmedStillRunning,
  unavailable,
  unavailableAfterEarlierSend,
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

/**
 * Whether a Result cell, as an earlier run of the add-on wrote it, says that run's cancel may have reached AODocs.
 * `text` is the cell's displayed text.
 */
export function earlierCancelMayHaveWorked(text: string): boolean {
  const result = withoutTextMark(text.trim());
  if (result === RESULT.noAnswer || result === RESULT.cancelRequested) return true;
  return codesIn(result).some(
    (code) =>
      (code >= 500 && (result === unavailable(code) || result === unexpectedAnswer(code))) ||
      result === unavailableAfterEarlierSend(code) ||
      result === cancelNotConfirmedStillRunning(code) ||
      startsLike(result, cancelNotConfirmed, code) ||
      startsLike(result, cancelAcceptedStatusUnknown, code),
  );
}
