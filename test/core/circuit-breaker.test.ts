// The circuit breaker: the same setup-pointing answer for every job of a chunk stops the run with a sentence that
// names who can fix it; anything about the jobs themselves does not.
import { Answer, classifyAnswer, fetchFailure } from '../../src/core/aodocs-answer';
import { JobAnswers, afterCodeProbe, codeProbeNeeded, setupProblem } from '../../src/core/circuit-breaker';
import { SETUP } from '../../src/core/wording';

const error = (code: number, message: string, reason = 'forbidden') =>
  classifyAnswer({
    code,
    body: JSON.stringify({ error: { code, message, errors: [{ domain: 'global', reason, message }] } }),
    headers: {},
  });
const job = (status: string) =>
  classifyAnswer({ code: 200, body: JSON.stringify({ jobId: 'j', status }), headers: {} });
const thrown = (message: string): Answer => ({ kind: 'no-answer', retryable: true, cause: fetchFailure(message) });

/** Each job's answer, and its read-back when given. */
function chunk(answers: Answer[], readBacks: (Answer | undefined)[] = []): JobAnswers[] {
  return answers.map((answer, i) => ({ answer, readBack: readBacks[i] }));
}

const INVALID_CODE = error(403, 'Invalid security code.');
const NOT_ADMIN = error(403, "Access denied to library with id: 'L1' Required permission level: 'ADMIN'");
const BAD_400 = error(400, 'Invalid domain', 'badRequest');
const REWORDED = error(403, 'The credentials you gave are not accepted.');

const NOT_FOUND = error(404, 'Job not found', 'notFound');
const never: Answer = { kind: 'no-answer', retryable: true };

test.each<[string, JobAnswers[], RegExp | undefined]>([
  ['every job: 403 Invalid security code', chunk([INVALID_CODE, INVALID_CODE, INVALID_CODE]), /security code/],
  ['every job: 403 not an administrator (about the jobs)', chunk([NOT_ADMIN, NOT_ADMIN]), undefined],
  [
    'one Invalid security code among others: the code is never about a job',
    chunk([INVALID_CODE, NOT_ADMIN]),
    /security code/,
  ],
  ['a single Invalid security code', chunk([INVALID_CODE]), /security code/],
  ['every job: 400, read-backs 400 too', chunk([BAD_400, BAD_400], [BAD_400, BAD_400]), /domain or the API address/],
  ['every job: 400 but finished when read', chunk([BAD_400, BAD_400], [job('COMPLETED'), job('FAILED')]), undefined],
  ['400 for one, finished for the other', chunk([BAD_400, BAD_400], [BAD_400, job('COMPLETED')]), undefined],
  [
    'every job: 400, read back as running (the setup works)',
    chunk([BAD_400, BAD_400], [job('IN_PROGRESS'), job('IN_PROGRESS')]),
    undefined,
  ],
  // Hostile review: unknown IDs refused with 400 and read as AODocs' notFound are answers about the jobs.
  ['every job: 400, read-backs 404 notFound', chunk([BAD_400, BAD_400], [NOT_FOUND, NOT_FOUND]), undefined],
  [
    'every job: 400, read-backs 404 without notFound (a wrong address)',
    chunk([BAD_400, BAD_400], [error(404, 'Not Found', undefined), error(404, 'Not Found', undefined)]),
    /domain or the API address/,
  ],
  ['every job: 400, read-backs not sent (out of time)', chunk([BAD_400, BAD_400]), undefined],
  // A wrong domain and a dropped connection: the one-by-one resend stopped after two 400s; the others are unanswered.
  [
    'two jobs 400 read back 400, three left unanswered',
    chunk([BAD_400, BAD_400, never, never, never], [BAD_400, BAD_400]),
    /domain or the API address/,
  ],
  ['one job 400 read back 400, the rest unanswered: too little', chunk([BAD_400, never], [BAD_400]), undefined],
  [
    'every request: not in urlFetchWhitelist',
    chunk([
      thrown('Request to https://x failed because the URL has not been whitelisted in the script manifest.'),
      thrown('Request to https://y failed because the URL has not been whitelisted in the script manifest.'),
    ]),
    /urlFetchWhitelist/,
  ],
  ['every request: DNS error', chunk([thrown('DNS error: https://x'), thrown('DNS error: https://y')]), /DNS error/],
  [
    'every request: an unknown wording',
    chunk([thrown('Blocked'), thrown('Blocked')]),
    /same way .* Workspace administrator/,
  ],
  [
    'timeouts, and a request never sent for lack of time',
    chunk([thrown('Timeout: https://x'), thrown('Timeout: https://y'), never]),
    /in time/,
  ],
  ['every request: timeouts', chunk([thrown('Timeout: https://x'), thrown('Timeout: https://y')]), /in time/],
  ['different exceptions', chunk([thrown('Timeout: https://x'), thrown('DNS error: https://y')]), undefined],
  ['an exception and an answer', chunk([thrown('Blocked'), job('CANCELLED')]), undefined],
  ['a single job proves nothing', chunk([BAD_400], [BAD_400]), undefined],
  ['cancelled jobs', chunk([job('CANCELLED'), job('CANCELLED')]), undefined],
])('%s', (_name, jobs, expected) => {
  const sentence = setupProblem('cancel', jobs);
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

test.each(['Délai dépassé : https://a', 'DNS error: https://a', 'タイムアウト: https://a'])(
  'fetchFailure(%j) after the request outlasted its timeout is a timeout, whatever the wording',
  (message) => {
    expect(fetchFailure(message, true)).toBe('timeout');
  },
);

// AODocs may reword "Invalid security code" (docs/SOURCES.md#aodocs-error-body); in security-code mode the
// behaviour decides (docs/BEHAVIOUR.md 2.4).
test.each<[string, JobAnswers[], 'identity-token' | 'security-code', RegExp | undefined]>([
  [
    'a reworded refusal for every job, security-code mode',
    chunk([REWORDED, REWORDED]),
    'security-code',
    /security code/,
  ],
  ['the same in token mode: about the jobs', chunk([REWORDED, REWORDED]), 'identity-token', undefined],
  // Hostile review: foreign-library IDs at the top stopped every run. AODocs names each job's library there.
  ['every job: 403 naming its library, security-code mode', chunk([NOT_ADMIN, NOT_ADMIN]), 'security-code', undefined],
  ['one job only proves nothing', chunk([REWORDED]), 'security-code', undefined],
  ['403 for one, an answer for the other', chunk([REWORDED, job('CANCELLED')]), 'security-code', undefined],
])('%s', (_name, jobs, authMode, expected) => {
  const sentence = setupProblem('cancel', jobs, authMode);
  if (expected === undefined) expect(sentence).toBeUndefined();
  else expect(sentence).toMatch(expected);
});

test('for a refresh, every read refused with 400 is the setup', () => {
  expect(setupProblem('refresh', chunk([BAD_400, BAD_400]))).toMatch(/domain or the API address/);
});

// Hostile reviews: with AODocs' messages reworded, five foreign-library jobs at the top in security-code mode read
// as a refused code and stopped the run. Reading a job that does not exist tells the two apart by behaviour.
describe('the security-code probe', () => {
  const sent = (answers: Answer[]) => answers.map((answer) => ({ answer }));
  test.each<[string, string | undefined, Answer[], boolean]>([
    ['a 403 for every job, message reworded', SETUP.securityCode, [REWORDED, REWORDED], true],
    ['AODocs said "Invalid security code"', SETUP.securityCode, [INVALID_CODE, REWORDED], false],
    ['another setup problem', SETUP.refused400, [BAD_400, BAD_400], false],
    ['no problem', undefined, [REWORDED, REWORDED], false],
  ])('%s: probe %p', (_name, problem, answers, needed) => {
    expect(codeProbeNeeded(problem, sent(answers))).toBe(needed);
  });

  test.each<[string, Answer | undefined, string | undefined]>([
    ['404 notFound: the code is accepted, the 403s are about the jobs', NOT_FOUND, undefined],
    ['403: the code is refused', REWORDED, SETUP.securityCode],
    ['404 without notFound: nothing proved', error(404, 'Not Found', undefined), SETUP.securityCode],
    ['no answer: nothing proved', never, SETUP.securityCode],
    ['not sent: nothing proved', undefined, SETUP.securityCode],
  ])('%s', (_name, probe, verdict) => {
    expect(afterCodeProbe(SETUP.securityCode, probe)).toBe(verdict);
    expect(afterCodeProbe(SETUP.refused400, probe)).toBe(SETUP.refused400);
  });
});
