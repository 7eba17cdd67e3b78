import { Answer, HttpAnswer, classifyAnswer } from '../../src/core/aodocs-answer';
import { SENTENCES, cancelOutcome, isNotCancellableNow, refreshOutcome } from '../../src/core/job-outcome';

const http = (code: number, body: string, headers: HttpAnswer['headers'] = {}): Answer =>
  classifyAnswer({ code, body, headers });

const job = (fields: Record<string, unknown>): Answer => http(200, JSON.stringify({ jobId: 'j1', ...fields }));

const aodocsError = (code: number, reason = 'someReason', headers: HttpAnswer['headers'] = {}): Answer =>
  http(
    code,
    JSON.stringify({ error: { errors: [{ domain: 'global', reason, message: 'msg' }], code, message: 'msg' } }),
    headers,
  );

const HTML = '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>';
const NO_ANSWER: Answer = { kind: 'no-answer', retryable: true };

describe('the sentences PRODUCT.md gives', () => {
  test('Invalid job ID and Several job IDs in one row', () => {
    expect(SENTENCES.invalid).toBe('Invalid job ID');
    expect(SENTENCES.severalInRow).toBe('Several job IDs in one row');
  });
});

describe('cancelOutcome: 200 answers', () => {
  test('200 CANCELLED: done, "Cancelled", with the job', () => {
    const out = cancelOutcome(job({ status: 'CANCELLED', completed: true, succeededTasks: '3' }));
    expect(out).toEqual({
      outcome: 'done',
      result: 'Cancelled',
      httpCode: 200,
      job: { jobId: 'j1', status: 'CANCELLED', completed: true, succeededTasks: 3 },
    });
  });

  test('200 with status in lower case is still cancelled', () => {
    expect(cancelOutcome(job({ status: 'cancelled' }))).toMatchObject({ outcome: 'done', result: 'Cancelled' });
  });

  test.each<[string, string]>([
    ['COMPLETED', 'Already completed'],
    ['FAILED', 'Already failed'],
  ])('200 %s: already finished, not an error', (status, sentence) => {
    expect(cancelOutcome(job({ status }))).toMatchObject({
      outcome: 'already-finished',
      result: sentence,
      httpCode: 200,
      job: { status },
    });
  });

  test('200 IN_PROGRESS: the cancel was accepted, the job is still winding down', () => {
    const out = cancelOutcome(job({ status: 'IN_PROGRESS', remainingTasks: '40' }));
    expect(out).toMatchObject({ outcome: 'done', httpCode: 200, job: { status: 'IN_PROGRESS', remainingTasks: 40 } });
    expect(out.result).toBe(SENTENCES.cancelRequested);
    expect(out.result).not.toBe('Cancelled');
  });

  test('200 with an unknown status and type keeps them as text and is not an error', () => {
    const out = cancelOutcome(job({ status: 'PAUSED_BY_ROBOT', type: 'QUANTUM_REINDEX' }));
    expect(out.outcome).toBe('done');
    expect(out.job).toMatchObject({ status: 'PAUSED_BY_ROBOT', type: 'QUANTUM_REINDEX' });
  });

  test.each<[string, string]>([
    ['an HTML body', HTML],
    ['an empty body', ''],
    ['malformed JSON', '{"status":'],
    ['JSON that is not an object', '["CANCELLED"]'],
  ])('200 with %s: "Unexpected answer from AODocs (HTTP 200)"', (_name, body) => {
    expect(cancelOutcome(http(200, body))).toEqual({
      outcome: 'failed',
      result: 'Unexpected answer from AODocs (HTTP 200)',
      httpCode: 200,
    });
  });
});

describe('cancelOutcome: 400/412, the job is not cancellable in its current state', () => {
  test.each<[number]>([[400], [412]])('%i then a read showing CANCELLED: "Already cancelled"', (code) => {
    const out = cancelOutcome(aodocsError(code, 'conditionNotMet'), job({ status: 'CANCELLED' }));
    expect(out).toEqual({
      outcome: 'already-finished',
      result: 'Already cancelled',
      httpCode: code,
      job: { jobId: 'j1', status: 'CANCELLED' },
    });
  });

  test('412 then a read showing COMPLETED: "Already completed"', () => {
    expect(cancelOutcome(aodocsError(412), job({ status: 'COMPLETED' }))).toMatchObject({
      outcome: 'already-finished',
      result: 'Already completed',
      job: { status: 'COMPLETED' },
    });
  });

  test('412 then a read showing IN_PROGRESS: the real current status is written', () => {
    const out = cancelOutcome(aodocsError(412), job({ status: 'IN_PROGRESS' }));
    expect(out.job).toMatchObject({ status: 'IN_PROGRESS' });
    expect(out.httpCode).toBe(412);
  });

  // PRODUCT.md, Cancelling: "A job that is already finished (... or 400/412) is reported as such, not as an error."
  test.each<[string, Answer | undefined]>([
    ['a failed follow-up read (503)', aodocsError(503, 'backendError')],
    ['no follow-up read', undefined],
  ])('412 with %s is reported as already finished, not as an error', (_name, followUp) => {
    expect(cancelOutcome(aodocsError(412), followUp).outcome).toBe('already-finished');
  });

  test('isNotCancellableNow is true for 400 and 412 only', () => {
    expect(isNotCancellableNow(aodocsError(400))).toBe(true);
    expect(isNotCancellableNow(aodocsError(412))).toBe(true);
    expect(isNotCancellableNow(aodocsError(409))).toBe(false);
    expect(isNotCancellableNow(aodocsError(404))).toBe(false);
    expect(isNotCancellableNow(http(412, HTML))).toBe(false);
    expect(isNotCancellableNow(job({ status: 'COMPLETED' }))).toBe(false);
  });
});

// The same failures read the same way whether the job was being cancelled or read.
describe.each<[string, (a: Answer) => ReturnType<typeof cancelOutcome>]>([
  ['cancelOutcome', (a) => cancelOutcome(a)],
  ['refreshOutcome', (a) => refreshOutcome(a)],
])('%s: failures', (_fn, outcomeOf) => {
  test.each<[string, Answer, string, number]>([
    ['401', aodocsError(401, 'authError'), 'Sign-in not accepted by AODocs (401)', 401],
    ['403', aodocsError(403, 'forbidden'), 'Not a library administrator (403)', 403],
    ['404', aodocsError(404, 'notFound'), 'Not found (404)', 404],
    ['503', aodocsError(503, 'backendError'), 'AODocs unavailable, try again (503)', 503],
    ['a proxy HTML page with 502', http(502, HTML), 'Unexpected answer from AODocs (HTTP 502)', 502],
    ['an empty 502', http(502, ''), 'Unexpected answer from AODocs (HTTP 502)', 502],
    ['malformed JSON with 500', http(500, '{"error":'), 'Unexpected answer from AODocs (HTTP 500)', 500],
    ['a 302 redirect', http(302, '', { Location: 'https://login' }), 'Unexpected answer from AODocs (HTTP 302)', 302],
  ])('%s: "%s"', (_name, answer, sentence, code) => {
    expect(outcomeOf(answer)).toEqual({ outcome: 'failed', result: sentence, httpCode: code });
  });

  test.each<[string, Answer]>([
    ['409 with X-aodocs-retryable: true', aodocsError(409, 'conflict', { 'X-aodocs-retryable': 'true' })],
    ['409 with x-aodocs-retryable: TRUE', aodocsError(409, 'conflict', { 'x-aodocs-retryable': 'TRUE' })],
    ['429 with Retry-After', aodocsError(429, 'rateLimitExceeded', { 'Retry-After': '10' })],
    ['500', aodocsError(500, 'internalError')],
    ['502 in the AODocs format', aodocsError(502, 'backendError')],
    ['503', aodocsError(503, 'backendError')],
    ['504', aodocsError(504, 'backendError')],
  ])('%s: "AODocs unavailable, try again (…)"', (_name, answer) => {
    const out = outcomeOf(answer);
    expect(out.outcome).toBe('failed');
    expect(out.result).toMatch(/^AODocs unavailable, try again \(\d{3}\)$/);
  });

  // PRODUCT.md, errors table: "409 retryable / 429 / 5xx / network failure | ... then AODocs unavailable, try again".
  test('a network failure (no answer): "AODocs unavailable, try again"', () => {
    const out = outcomeOf(NO_ANSWER);
    expect(out.outcome).toBe('failed');
    expect(out.result).toMatch(/^AODocs unavailable, try again/);
  });

  test('409 without X-aodocs-retryable is a failure but not "unavailable"', () => {
    const out = outcomeOf(aodocsError(409, 'conflict'));
    expect(out).toMatchObject({ outcome: 'failed', httpCode: 409 });
    expect(out.result).not.toMatch(/unavailable/);
    expect(out.result).toContain('409');
  });

  test('another 4xx names its code', () => {
    const out = outcomeOf(aodocsError(422, 'invalid'));
    expect(out).toMatchObject({ outcome: 'failed', httpCode: 422 });
    expect(out.result).toContain('422');
  });

  test('the AODocs message (untrusted text) never reaches the Result sentence', () => {
    const body = JSON.stringify({
      error: { errors: [{ reason: 'forbidden', message: '=HYPERLINK("x")' }], code: 403, message: '=HYPERLINK("x")' },
    });
    expect(outcomeOf(http(403, body)).result).not.toContain('HYPERLINK');
  });
});

describe('refreshOutcome: 200 answers', () => {
  test.each<[string]>([['IN_PROGRESS'], ['COMPLETED'], ['CANCELLED'], ['SOMETHING_NEW']])(
    '200 %s: done, with the job and its status',
    (status) => {
      const out = refreshOutcome(job({ status, failedTasks: 2 }));
      expect(out).toMatchObject({ outcome: 'done', httpCode: 200, job: { jobId: 'j1', status, failedTasks: 2 } });
      expect(out.result).toBe(SENTENCES.refreshed);
    },
  );

  test('200 with JSON that is not an object: "Unexpected answer from AODocs (HTTP 200)"', () => {
    expect(refreshOutcome(http(200, '"COMPLETED"'))).toEqual({
      outcome: 'failed',
      result: 'Unexpected answer from AODocs (HTTP 200)',
      httpCode: 200,
    });
  });

  test('a 400 on a read is a failure, not "already finished"', () => {
    expect(refreshOutcome(aodocsError(400)).outcome).toBe('failed');
  });
});
