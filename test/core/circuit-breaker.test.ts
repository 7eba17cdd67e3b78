// The circuit breaker: the same setup-pointing answer for every job of a chunk stops the run with a sentence that
// names who can fix it; anything about the jobs themselves does not.
import { Answer, classifyAnswer, fetchFailure } from '../../src/core/aodocs-answer';
import { setupProblem } from '../../src/core/circuit-breaker';
import { JobOutcome, cancelOutcome } from '../../src/core/job-outcome';

const error = (code: number, message: string, reason = 'forbidden') =>
  classifyAnswer({
    code,
    body: JSON.stringify({ error: { code, message, errors: [{ domain: 'global', reason, message }] } }),
    headers: {},
  });
const job = (status: string) =>
  classifyAnswer({ code: 200, body: JSON.stringify({ jobId: 'j', status }), headers: {} });
const thrown = (message: string): Answer => ({ kind: 'no-answer', retryable: true, cause: fetchFailure(message) });

/** Each job's answer and the row it gets (read-backs as given). */
function chunk(answers: Answer[], readBacks: (Answer | undefined)[] = []): [Answer[], JobOutcome[]] {
  return [answers, answers.map((a, i) => cancelOutcome(a, readBacks[i]))];
}

const INVALID_CODE = error(403, 'Invalid security code.');
const NOT_ADMIN = error(403, "Access denied to library with id: 'L1' Required permission level: 'ADMIN'");
const BAD_400 = error(400, 'Invalid domain', 'badRequest');

test.each<[string, [Answer[], JobOutcome[]], RegExp | undefined]>([
  ['every job: 403 Invalid security code', chunk([INVALID_CODE, INVALID_CODE, INVALID_CODE]), /security code/],
  ['every job: 403 not an administrator (about the jobs)', chunk([NOT_ADMIN, NOT_ADMIN]), undefined],
  ['one Invalid security code among others', chunk([INVALID_CODE, NOT_ADMIN]), undefined],
  ['every job: 400, read-backs 400 too', chunk([BAD_400, BAD_400], [BAD_400, BAD_400]), /domain or the API address/],
  ['every job: 400 but finished when read', chunk([BAD_400, BAD_400], [job('COMPLETED'), job('FAILED')]), undefined],
  ['400 for one, finished for the other', chunk([BAD_400, BAD_400], [BAD_400, job('COMPLETED')]), undefined],
  [
    'every request: not in urlFetchWhitelist',
    chunk([
      thrown('Request to https://x failed because the URL has not been whitelisted in the script manifest.'),
      thrown('Request to https://y failed because the URL has not been whitelisted in the script manifest.'),
    ]),
    /urlFetchWhitelist/,
  ],
  ['every request: DNS error', chunk([thrown('DNS error: https://x'), thrown('DNS error: https://y')]), /DNS error/],
  ['every request: an unknown wording', chunk([thrown('Blocked'), thrown('Blocked')]), /Workspace administrator/],
  ['every request: timeouts', chunk([thrown('Timeout: https://x'), thrown('Timeout: https://y')]), /in time/],
  ['different exceptions', chunk([thrown('Timeout: https://x'), thrown('DNS error: https://y')]), undefined],
  ['an exception and an answer', chunk([thrown('Blocked'), job('CANCELLED')]), undefined],
  ['a single job proves nothing', chunk([INVALID_CODE]), undefined],
  ['cancelled jobs', chunk([job('CANCELLED'), job('CANCELLED')]), undefined],
])('%s', (_name, [answers, outcomes], expected) => {
  const sentence = setupProblem(answers, outcomes);
  if (expected === undefined) expect(sentence).toBeUndefined();
  else expect(sentence).toMatch(expected);
});

test.each<[string, ReturnType<typeof fetchFailure>]>([
  ['Request to https://a/b failed because the URL has not been whitelisted in the script manifest.', 'not-allowlisted'],
  ['Exception: DNS error: https://a', 'unknown-host'],
  ['Timeout: https://a', 'timeout'],
  ['Address unavailable: https://a', 'unreachable'],
  ['Something else entirely', 'other'],
])('fetchFailure(%j) is %s', (message, kind) => {
  expect(fetchFailure(message)).toBe(kind);
});
