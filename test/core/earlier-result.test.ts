// What a row's Result, written by an earlier run, remembers: only the add-on's own sentences that say its cancel
// may have reached AODocs count, exactly as wording.ts writes them (docs/BEHAVIOUR.md: "Run again" remembers what the
// earlier run may already have done).
import { earlierCancelMayHaveWorked } from '../../src/core/earlier-result';
import {
  RESULT,
  alreadyFinished,
  cancelAcceptedStatusUnknown,
  cancelNotConfirmed,
  cancelNotConfirmedStillRunning,
  notCancelledRefused,
  notCancelledStatusUnknown,
  statusNotRead,
  unavailable,
  unavailableAfterEarlierSend,
  unexpectedAnswer,
} from '../../src/core/wording';

describe('a Result that says an earlier cancel may have reached AODocs', () => {
  test.each<[string, string]>([
    ['retries ran out on a 503', unavailable(503)],
    ['retries ran out on a 500', unavailable(500)],
    ["a proxy's 502 page", unexpectedAnswer(502)],
    ['no answer', RESULT.noAnswer],
    ['AODocs accepted, job still running', RESULT.cancelRequested],
    ['refused after a lost answer, status not read', cancelNotConfirmed(412, unavailable(503))],
    ['refused after a lost answer, job still running', cancelNotConfirmedStillRunning(412)],
    ['refused (400) after a lost answer, job still running', cancelNotConfirmedStillRunning(400)],
    ['accepted without a status, status not read', cancelAcceptedStatusUnknown(204, RESULT.notReadInTime)],
    ['kept with a text mark by a plain-text cell', `'${unavailable(503)}`],
    ['with spaces around it', `  ${RESULT.noAnswer} `],
    // Hostile review: a 503 that cancelled, then 429s until retries ran out.
    ['retries ran out on a 429 after a lost answer', unavailableAfterEarlierSend(429)],
    ['retries ran out on a retryable 409 after a lost answer', unavailableAfterEarlierSend(409)],
  ])('%s: %p', (_name, text) => {
    expect(earlierCancelMayHaveWorked(text)).toBe(true);
  });
});

describe('a Result that does not', () => {
  test.each<[string, string]>([
    ['empty', ''],
    // Generated runs: a Refresh that AODocs did not answer is no cancel of ours.
    ['a status read left unanswered', statusNotRead(unavailable(503))],
    ['a status read with no answer', statusNotRead(RESULT.noAnswer)],
    ['cancelled', RESULT.cancelled],
    ['already cancelled', alreadyFinished('CANCELLED')],
    ['a refusal while running', notCancelledRefused(412)],
    ['a refusal, status not read', notCancelledStatusUnknown(400, unavailable(503))],
    ['429: refused before any work', unavailable(429)],
    ['retryable 409: refused before any work', unavailable(409)],
    ['a proxy page that is not a 5xx', unexpectedAnswer(403)],
    ['not found', RESULT.notFound],
    ['not a library administrator', RESULT.notAdmin],
    ['invalid job ID', RESULT.invalid],
    ['a user note that contains the sentence', `Note: ${unavailable(503)}`],
    ['the sentence with words after it', `${unavailable(503)} (asked Bob)`],
    ['a code that is not three digits', 'AODocs unavailable, try again (5030)'],
    ['the start of a sentence without its read-back sentence', cancelNotConfirmed(412, '')],
    ['another case', unavailable(503).toUpperCase()],
  ])('%s: %p', (_name, text) => {
    expect(earlierCancelMayHaveWorked(text)).toBe(false);
  });
});
