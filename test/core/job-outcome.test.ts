// What a job's row says after a cancel, for every pair (cancel answer, read-back answer), judged against
// docs/BEHAVIOUR.md 3, "What an answer means for a row" and "Errors a user can meet". Answers are
// built the way the server builds them: realistic HTTP answers (AODocs JSON error bodies, proxy pages) through
// classifyAnswer.
import { Answer, HttpAnswer, classifyAnswer } from '../../src/core/aodocs-answer';
import {
  JobOutcome,
  cancelOutcome,
  needsReadBack,
  refreshOutcome,
  rememberingEarlierAttempt,
} from '../../src/core/job-outcome';
import { resultValues } from '../../src/core/result-columns';

const JOB_ID = 'Jb7kQ2xN9pLmRw4';
const CHECKED_AT = new Date('2024-05-02T10:00:00Z');
const JSON_TYPE = { 'Content-Type': 'application/json; charset=UTF-8' };
const HTML_TYPE = { 'Content-Type': 'text/html; charset=UTF-8' };

const http = (code: number, body: string, headers: HttpAnswer['headers'] = JSON_TYPE): Answer =>
  classifyAnswer({ code, body, headers });

/** An ApiJob as AODocs sends it (int64 fields as strings); `status: undefined` leaves the field out. */
function jobAnswer(fields: Record<string, unknown>): Answer {
  return http(
    200,
    JSON.stringify({
      kind: 'aodocs#job',
      jobId: JOB_ID,
      libraryId: 'RwMUllP8yrBZFx9BWlN',
      type: 'MOVE_DOCUMENTS_AND_FOLDERS',
      requestor: 'admin@example.com',
      startedAt: '1714636800000',
      lastActivityAt: '1714640400000',
      succeededTasks: 120,
      failedTasks: 2,
      remainingTasks: 40,
      taskRetries: 1,
      ...fields,
    }),
  );
}

/** The AODocs error body ("HTTP status codes and error handling"). */
function aodocsError(code: number, reason: string, message: string, headers: HttpAnswer['headers'] = {}): Answer {
  return http(code, JSON.stringify({ error: { errors: [{ domain: 'global', reason, message }], code, message } }), {
    ...JSON_TYPE,
    ...headers,
  });
}

const PROXY_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n' +
  '<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
const NO_ANSWER: Answer = { kind: 'no-answer', retryable: true };

const FINISHED = ['COMPLETED', 'FAILED', 'CANCELLED'];
const ALREADY: Record<string, string> = {
  COMPLETED: 'Already completed',
  FAILED: 'Already failed',
  CANCELLED: 'Already cancelled',
};
/** A status newer than the OpenAPI document; its name starts like CANCELLED on purpose. */
const UNKNOWN_STATUS = 'CANCELLING';
const STATUSES = ['IN_PROGRESS', 'COMPLETED', 'FAILED', 'CANCELLED', UNKNOWN_STATUS];
const isFinished = (status: string | undefined): boolean => status !== undefined && FINISHED.includes(status);

/** What docs/BEHAVIOUR.md fixes of a Result: the whole sentence, or only parts of it. */
interface ResultRule {
  exact?: string;
  startsWith?: string;
  contains?: string[];
  /** Neither "Cancelled", nor "Already ...", nor "Not cancelled": the row claims nothing about the job's state. */
  claimsNothing?: boolean;
  /** Neither "Cancelled" nor "Already ...": AODocs refused, and "Not cancelled" is allowed. */
  refusal?: boolean;
}

type CancelFamily =
  /** 200 with the job (a job with a status). */
  | { family: 'job'; status: string }
  /** 2xx without a readable job: the job must be read back. */
  | { family: 'accepted' }
  /** 400, 412 (or a 409 not retryable): the job must be read back. */
  | { family: 'refused'; code: number }
  /** Anything else: its sentence, no read-back. */
  | { family: 'final'; rule: ResultRule };

type CancelCase = { name: string; answer: Answer } & CancelFamily;

interface ReadCase {
  name: string;
  /** undefined: the read never went out (out of time). */
  answer: Answer | undefined;
  status?: string;
  /** The sentence docs/BEHAVIOUR.md gives for this failed read, when it gives one. */
  sentence?: string;
  /** The start of that sentence, when docs/BEHAVIOUR.md fixes only its start. */
  sentenceStart?: string;
}

const UNAVAILABLE = 'AODocs unavailable, try again';

const CANCELS: CancelCase[] = [
  // 200 with each status (or none), each with `completed` true, false or absent.
  ...[...STATUSES, undefined].flatMap((status) =>
    [true, false, undefined].map((completed): CancelCase => {
      const answer = jobAnswer({ status, completed });
      const name = `200 status ${status ?? '(none)'} completed ${completed ?? '(absent)'}`;
      return status === undefined ? { name, answer, family: 'accepted' } : { name, answer, family: 'job', status };
    }),
  ),
  { name: '204 empty', answer: http(204, '', {}), family: 'accepted' },
  {
    // AODocs answers JSON: a 2xx page is a proxy's sign-in or maintenance page, not an acceptance (hostile review).
    name: '200 HTML page',
    answer: http(200, '<!DOCTYPE html><html><body><h1>Sign in</h1></body></html>', HTML_TYPE),
    family: 'final',
    rule: { exact: 'Unexpected answer from AODocs (HTTP 200)', claimsNothing: true },
  },
  { name: '200 {}', answer: http(200, '{}'), family: 'accepted' },
  {
    name: '400',
    answer: aodocsError(400, 'badRequest', `Job ${JOB_ID} cannot be cancelled in its current state`),
    family: 'refused',
    code: 400,
  },
  {
    name: '412',
    answer: aodocsError(412, 'conditionNotMet', 'The current status of the job does not allow it to be cancelled'),
    family: 'refused',
    code: 412,
  },
  {
    name: '401',
    answer: aodocsError(401, 'required', 'You must use oauth 2 to authenticate'),
    family: 'final',
    rule: { exact: 'Sign-in not accepted by AODocs (401)' },
  },
  {
    name: '403',
    answer: aodocsError(
      403,
      'forbidden',
      "Access denied to library with id: 'RwMUllP8yrBZFx9BWlN' Required permission level: 'ADMIN'",
    ),
    family: 'final',
    rule: { exact: 'Not a library administrator (403)' },
  },
  {
    name: '404',
    answer: aodocsError(404, 'notFound', `No job with id: '${JOB_ID}'`),
    family: 'final',
    rule: { exact: 'Not found (404)' },
  },
  {
    // AODocs' framework sends a 429 it has no entry for as 404 unsupportedProtocol: throttled, not "Not found".
    name: '404 unsupportedProtocol',
    answer: aodocsError(404, 'unsupportedProtocol', 'Rate Limit Exceeded'),
    family: 'final',
    rule: { exact: 'AODocs unavailable, try again (404)', claimsNothing: true },
  },
  {
    name: '409 X-aodocs-retryable: true',
    answer: aodocsError(409, 'conflict', 'Concurrent modification', { 'X-aodocs-retryable': 'true' }),
    family: 'final',
    // docs/BEHAVIOUR.md gives "(503)" as its example; the code of the last answer may stand there.
    rule: { startsWith: UNAVAILABLE, claimsNothing: true },
  },
  {
    // Not in docs/BEHAVIOUR.md's tables: a conflict AODocs does not call retryable. The job changed under the request
    // (perhaps our own earlier cancel), so it is read back like a 400/412 refusal.
    name: '409 without X-aodocs-retryable',
    answer: aodocsError(409, 'conflict', 'Concurrent modification'),
    family: 'refused',
    code: 409,
  },
  {
    name: '429',
    answer: aodocsError(429, 'rateLimitExceeded', 'Rate limit exceeded', { 'Retry-After': '2' }),
    family: 'final',
    rule: { startsWith: UNAVAILABLE, claimsNothing: true },
  },
  {
    name: '500',
    answer: aodocsError(500, 'internalError', 'Internal error'),
    family: 'final',
    rule: { startsWith: UNAVAILABLE, claimsNothing: true },
  },
  {
    name: '503',
    answer: aodocsError(503, 'backendError', 'Backend Error'),
    family: 'final',
    rule: { exact: 'AODocs unavailable, try again (503)' },
  },
  {
    name: '502 HTML page',
    answer: http(502, PROXY_502, HTML_TYPE),
    family: 'final',
    // docs/BEHAVIOUR.md 6, "Errors a user meets": non-JSON answer (a proxy's HTML page).
    rule: { exact: 'Unexpected answer from AODocs (HTTP 502)' },
  },
  {
    name: 'no answer',
    answer: NO_ANSWER,
    family: 'final',
    rule: { startsWith: UNAVAILABLE, claimsNothing: true },
  },
];

const READS: ReadCase[] = [
  ...STATUSES.map((status) => ({
    name: `200 ${status}`,
    answer: jobAnswer({ status, completed: isFinished(status) }),
    status,
  })),
  { name: '200 without status', answer: jobAnswer({ status: undefined }) },
  { name: '400', answer: aodocsError(400, 'badRequest', 'Invalid job id') },
  {
    name: '401',
    answer: aodocsError(401, 'required', 'You must use oauth 2 to authenticate'),
    sentence: 'Sign-in not accepted by AODocs (401)',
  },
  {
    name: '403',
    answer: aodocsError(403, 'forbidden', "Access denied to library with id: 'RwMUllP8yrBZFx9BWlN'"),
    sentence: 'Not a library administrator (403)',
  },
  {
    name: '404',
    answer: aodocsError(404, 'notFound', `No job with id: '${JOB_ID}'`),
    sentence: 'Not found (404)',
  },
  {
    name: '503',
    answer: aodocsError(503, 'backendError', 'Backend Error'),
    sentence: 'AODocs unavailable, try again (503)',
  },
  { name: 'no answer', answer: NO_ANSWER, sentenceStart: UNAVAILABLE },
  { name: 'out of time (never sent)', answer: undefined },
];

/** "200 with the job": its status decides. */
function fromJobStatus(status: string): ResultRule {
  if (status === 'CANCELLED') return { exact: 'Cancelled' };
  if (isFinished(status)) return { exact: ALREADY[status] };
  return { exact: 'Cancel requested, job still running' };
}

/** Status and Result of the row, from docs/BEHAVIOUR.md's table (earlier send: none). */
function expectedRow(c: CancelCase, r: ReadCase): { status: string; rule: ResultRule } {
  switch (c.family) {
    case 'job':
      return { status: c.status, rule: fromJobStatus(c.status) };
    case 'accepted':
      // "read the job (GET) | read status | as the read says".
      if (r.status !== undefined) return { status: r.status, rule: fromJobStatus(r.status) };
      return {
        status: UNCHANGED,
        rule: {
          contains: r.sentence ? [r.sentence] : r.sentenceStart ? [r.sentenceStart] : [],
          claimsNothing: true,
        },
      };
    case 'refused':
      if (isFinished(r.status)) return { status: r.status as string, rule: { exact: ALREADY[r.status as string] } };
      if (r.status === 'IN_PROGRESS') {
        return { status: r.status, rule: { exact: `Not cancelled: AODocs refused (${c.code})` } };
      }
      if (r.status !== undefined)
        return { status: r.status, rule: { startsWith: 'Not cancelled', contains: [`${c.code}`] } };
      if (r.answer !== undefined && r.answer.kind === 'ok') {
        // A read that gave no status: the row may not say more than "not cancelled".
        return { status: UNCHANGED, rule: { startsWith: 'Not cancelled', contains: [`${c.code}`] } };
      }
      // "400 or 412 | read fails | empty | Not cancelled (400); status not read: <the read's sentence>".
      return {
        status: UNCHANGED,
        rule: r.sentence
          ? { exact: `Not cancelled (${c.code}); status not read: ${r.sentence}` }
          : { startsWith: `Not cancelled (${c.code}); status not read: ${r.sentenceStart ?? ''}` },
      };
    case 'final':
      return { status: UNCHANGED, rule: c.rule };
  }
}

function claimsCancelled(result: string): boolean {
  return /^cancelled\b/i.test(result);
}

function claimsFinished(result: string): boolean {
  return /^already\b/i.test(result);
}

function claimsNotCancelled(result: string): boolean {
  return /\bnot cancelled\b/i.test(result);
}

function checkResult(result: string, rule: ResultRule): void {
  if (rule.exact !== undefined) expect(result).toBe(rule.exact);
  if (rule.startsWith !== undefined) expect(result.startsWith(rule.startsWith)).toBe(true);
  for (const part of rule.contains ?? []) expect(result).toContain(part);
  if (rule.claimsNothing || rule.refusal) {
    expect(claimsCancelled(result)).toBe(false);
    expect(claimsFinished(result)).toBe(false);
  }
  if (rule.claimsNothing) expect(claimsNotCancelled(result)).toBe(false);
}

/**
 * The Status a row keeps when the request read no status: docs/BEHAVIOUR.md "A failed request never erases what AODocs
 * said before" (only `Result` is written).
 */
const UNCHANGED = '(unchanged)';

/** The row as written: Status without Sheets' text mark (or UNCHANGED), Result as handed to setValues. */
function row(outcome: JobOutcome): { status: string; result: string } {
  const values = resultValues(outcome, CHECKED_AT);
  if (!('Status' in values)) {
    // Nothing but Result: no blank written over what AODocs said before.
    expect(Object.keys(values)).toEqual(['Result']);
    return { status: UNCHANGED, result: String(values.Result) };
  }
  const status = String(values.Status);
  return { status: status.startsWith("'") ? status.slice(1) : status, result: String(values.Result) };
}

/** Statuses AODocs returned in this combination (the cancel's 200 body, the read-back). */
function statusesSeen(c: CancelCase, r: ReadCase): string[] {
  return [c.family === 'job' ? c.status : undefined, r.status].filter((s): s is string => s !== undefined);
}

function checkTruthRules(c: CancelCase, r: ReadCase, outcome: JobOutcome, result: string): void {
  const seen = statusesSeen(c, r);
  // (a) "Already ..." / already-finished only with a finished status read from AODocs, and the one it names.
  if (claimsFinished(result) || outcome.outcome === 'already-finished') {
    expect(seen.filter(isFinished)).not.toEqual([]);
  }
  if (claimsFinished(result)) {
    expect(
      Object.entries(ALREADY)
        .filter(([status]) => seen.includes(status))
        .map(([, sentence]) => sentence),
    ).toContain(result);
  }
  // (b) "Cancelled" only when AODocs returned CANCELLED.
  if (claimsCancelled(result)) expect(seen).toContain('CANCELLED');
}

const MATRIX = CANCELS.flatMap((c) => READS.map((r): [string, string, CancelCase, ReadCase] => [c.name, r.name, c, r]));

describe('cancelOutcome, every cancel answer x every read-back answer', () => {
  test.each(MATRIX)('cancel %s, read-back %s', (_c, _r, c, r) => {
    const outcome = cancelOutcome(c.answer, r.answer);
    const { status, result } = row(outcome);
    const expected = expectedRow(c, r);

    expect(status).toBe(expected.status);
    checkResult(result, expected.rule);
    checkTruthRules(c, r, outcome, result);

    // (c) A refused cancel whose read-back did not show a finished status is "Not cancelled", with its code.
    if (c.family === 'refused' && !isFinished(r.status)) {
      expect(result.startsWith('Not cancelled')).toBe(true);
      expect(result).toContain(`${c.code}`);
    }

    // (d) A read-back exactly for 400, 412 and 2xx without a readable job; otherwise the read changes nothing.
    const readsBack = c.family === 'refused' || c.family === 'accepted';
    expect(needsReadBack(c.answer)).toBe(readsBack);
    if (!readsBack) expect(outcome).toEqual(cancelOutcome(c.answer, undefined));
  });
});

describe('cancelOutcome after an earlier send of this cancel may have worked', () => {
  const refused = CANCELS.filter((c) => c.family === 'refused');
  const cases = refused.flatMap((c) =>
    READS.map((r): [string, string, CancelCase, ReadCase] => [c.name, r.name, c, r]),
  );

  test.each(cases)('cancel %s, read-back %s', (_c, _r, c, r) => {
    const code = c.family === 'refused' ? c.code : 0;
    const outcome = cancelOutcome(c.answer, r.answer, true);
    const { status, result } = row(outcome);
    checkTruthRules(c, r, outcome, result);
    expect(status).toBe(r.status ?? UNCHANGED);
    if (r.status === 'CANCELLED') {
      // "Cancelled when this run's earlier attempt was the one that cancelled it".
      expect(result).toBe('Cancelled');
    } else if (isFinished(r.status)) {
      expect(result).toBe(ALREADY[r.status as string]);
    } else if (r.status !== undefined) {
      // Still running (or a status we do not know): our earlier cancel is not confirmed, and a re-run asks again.
      expect(result).toBe(`Cancel not confirmed (${code}); job still running`);
      expect(outcome).toMatchObject({ outcome: 'failed', transient: true, job: { status: r.status } });
      expect(claimsNotCancelled(result)).toBe(false);
    } else {
      // The read failed: our earlier send may have cancelled the job, so the row claims neither way.
      expect(claimsCancelled(result)).toBe(false);
      expect(claimsNotCancelled(result)).toBe(false);
      expect(claimsFinished(result)).toBe(false);
    }
  });
});

// Hostile review: a 503 that cancelled, then 429s (or retryable 409s) until retries ran out. The row must keep
// the memory, or Run again reads CANCELLED as "Already cancelled".
describe('rememberingEarlierAttempt: a row keeps the memory of a send that may have cancelled', () => {
  const rateLimited = aodocsError(429, 'rateLimitExceeded', 'Rate Limit Exceeded');
  const conflict = aodocsError(409, 'conflict', 'Concurrent modification', { 'X-aodocs-retryable': 'true' });
  const down = aodocsError(503, 'backendError', 'Backend Error');
  const signIn = aodocsError(401, 'required', 'Login Required');
  const notFound = aodocsError(404, 'notFound', 'Job not found');
  const keep = (action: 'cancel' | 'refresh', outcome: JobOutcome) => rememberingEarlierAttempt(action, outcome, true);
  const MEMORY = '; an earlier attempt may have reached AODocs';

  test.each<[string, 'cancel' | 'refresh', JobOutcome, string]>([
    // Hostile review: a 503 that cancelled, then 429s until retries ran out.
    ['a cancel: 429 last', 'cancel', cancelOutcome(rateLimited, undefined), `${UNAVAILABLE} (429)${MEMORY}`],
    ['a cancel: retryable 409 last', 'cancel', cancelOutcome(conflict, undefined), `${UNAVAILABLE} (409)${MEMORY}`],
    ['a cancel: 401', 'cancel', cancelOutcome(signIn, undefined), `Sign-in not accepted by AODocs (401)${MEMORY}`],
    // Generated runs: a Refresh left unanswered erased the memory, and the next cancel wrote "Already cancelled".
    ['a Refresh left unanswered', 'refresh', refreshOutcome(down), `Status not read: ${UNAVAILABLE} (503)${MEMORY}`],
    [
      'a Refresh that read the status',
      'refresh',
      refreshOutcome(jobAnswer({ status: 'CANCELLED' })),
      `Status read${MEMORY}`,
    ],
  ])('%s', (_name, action, outcome, result) => {
    expect(keep(action, outcome)).toEqual({ ...outcome, result });
    expect(rememberingEarlierAttempt(action, outcome, false)).toBe(outcome);
  });

  test.each<[string, 'cancel' | 'refresh', JobOutcome]>([
    ['a 503 last: its own sentence is a memory', 'cancel', cancelOutcome(down, undefined)],
    ['no answer: its own sentence is a memory', 'cancel', cancelOutcome(NO_ANSWER, undefined)],
    ['a cancel AODocs answered with the job', 'cancel', cancelOutcome(jobAnswer({ status: 'CANCELLED' }), undefined)],
    [
      'a refusal read back as finished',
      'cancel',
      cancelOutcome(aodocsError(412, 'failedPrecondition', 'Job finished'), jobAnswer({ status: 'COMPLETED' })),
    ],
    ['a job that does not exist', 'cancel', cancelOutcome(notFound, undefined)],
    ['a Refresh of a job that does not exist', 'refresh', refreshOutcome(notFound)],
  ])('%s: unchanged', (_name, action, outcome) => {
    expect(keep(action, outcome)).toEqual(outcome);
  });

  test('the memory is added once', () => {
    const once = keep('refresh', refreshOutcome(down));
    expect(keep('refresh', once)).toEqual(once);
  });
});

describe('refreshOutcome: the row of a status read', () => {
  const cases: [string, Answer, string, ResultRule][] = [
    ...STATUSES.map((status): [string, Answer, string, ResultRule] => [
      `200 ${status}`,
      jobAnswer({ status }),
      status,
      { claimsNothing: true },
    ]),
    [
      '401',
      aodocsError(401, 'required', 'Invalid credentials'),
      UNCHANGED,
      { exact: 'Sign-in not accepted by AODocs (401)' },
    ],
    ['403', aodocsError(403, 'forbidden', 'Access denied'), UNCHANGED, { exact: 'Not a library administrator (403)' }],
    ['404', aodocsError(404, 'notFound', 'No job'), UNCHANGED, { exact: 'Not found (404)' }],
    [
      '503',
      aodocsError(503, 'backendError', 'Backend Error'),
      UNCHANGED,
      // A read's words, never a cancel's: a cancel run must not remember it as its own unclear cancel.
      { exact: 'Status not read: AODocs unavailable, try again (503)' },
    ],
    // docs/BEHAVIOUR.md says "Unexpected answer from AODocs (HTTP 502)"; the code disagrees (see the cancel matrix).
    [
      '502 HTML page',
      http(502, PROXY_502, HTML_TYPE),
      UNCHANGED,
      { exact: 'Status not read: Unexpected answer from AODocs (HTTP 502)' },
    ],
    ['no answer', NO_ANSWER, UNCHANGED, { startsWith: `Status not read: ${UNAVAILABLE}` }],
    // A job without a status: nothing read worth the status columns.
    ['200 without status', jobAnswer({ status: undefined }), UNCHANGED, { exact: 'AODocs gave no status' }],
  ];

  test.each(cases)('%s', (_name, answer, status, rule) => {
    const shown = row(refreshOutcome(answer));
    expect(shown.status).toBe(status);
    checkResult(shown.result, rule);
  });
});
