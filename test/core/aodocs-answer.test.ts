import { HttpAnswer, classifyAnswer, header, jobOf } from '../../src/core/aodocs-answer';

const http = (code: number, body: string, headers: HttpAnswer['headers'] = {}): HttpAnswer => ({ code, body, headers });

const aodocsError = (code: number, reason = 'someReason', message = 'Something'): string =>
  JSON.stringify({ error: { errors: [{ domain: 'global', reason, message }], code, message } });

const HTML = '<!DOCTYPE html><html><body><h1>Bad Gateway</h1></body></html>';

describe('classifyAnswer: 2xx', () => {
  test('a 200 with a JSON object is ok, with the parsed body', () => {
    expect(classifyAnswer(http(200, '{"jobId":"j1","status":"CANCELLED"}'))).toEqual({
      kind: 'ok',
      code: 200,
      body: { jobId: 'j1', status: 'CANCELLED' },
    });
  });

  test('a 200 with an empty body is unexpected, not retryable, and no page: AODocs accepted without saying more', () => {
    expect(classifyAnswer(http(200, ''))).toEqual({ kind: 'unexpected', code: 200, retryable: false });
    expect(classifyAnswer(http(204, ' \n'))).toEqual({ kind: 'unexpected', code: 204, retryable: false });
  });

  // Hostile review: a proxy's 200 sign-in page was taken for an accepted cancel.
  test.each<[string, string]>([
    ['an HTML page', HTML],
    ['malformed JSON', '{"jobId": "j1",'],
    ['a JSON array', '[{"jobId":"j1"}]'],
    ['a JSON string', '"CANCELLED"'],
    ['JSON null', 'null'],
    ['a JSON number', '42'],
  ])("a 200 with %s is a page that is not AODocs' answer, not retryable", (_name, body) => {
    expect(classifyAnswer(http(200, body))).toEqual({ kind: 'unexpected', code: 200, retryable: false, page: true });
  });
});

describe('classifyAnswer: errors in the AODocs format', () => {
  test.each<[number]>([[400], [401], [403], [404], [409], [412]])('%i is an error that is not retryable', (code) => {
    expect(classifyAnswer(http(code, aodocsError(code, 'theReason')))).toEqual({
      kind: 'error',
      code,
      reason: 'theReason',
      message: 'Something',
      retryable: false,
      retryAfterSeconds: undefined,
    });
  });

  test.each<[number]>([[429], [500], [502], [503], [504]])('%i is an error that is retryable', (code) => {
    const answer = classifyAnswer(http(code, aodocsError(code, 'backendError')));
    expect(answer).toMatchObject({ kind: 'error', code, reason: 'backendError', retryable: true });
  });

  // README: "409 with header X-aodocs-retryable: true and all 5xx are retryable".
  test.each<[number]>([[501], [507]])('%i (any 5xx) is retryable', (code) => {
    expect(classifyAnswer(http(code, aodocsError(code)))).toMatchObject({ kind: 'error', code, retryable: true });
  });

  test.each<[string, HttpAnswer['headers']]>([
    ['X-aodocs-retryable: true', { 'X-aodocs-retryable': 'true' }],
    ['x-aodocs-retryable: true', { 'x-aodocs-retryable': 'true' }],
    ['X-AODOCS-RETRYABLE: TRUE', { 'X-AODOCS-RETRYABLE': 'TRUE' }],
    ['X-Aodocs-Retryable: " true "', { 'X-Aodocs-Retryable': ' true ' }],
    ['the header as a list', { 'x-aodocs-retryable': ['true'] }],
  ])('409 with %s is retryable', (_name, headers) => {
    expect(classifyAnswer(http(409, aodocsError(409), headers))).toMatchObject({
      kind: 'error',
      code: 409,
      retryable: true,
    });
  });

  test.each<[string, HttpAnswer['headers']]>([
    ['no header', {}],
    ['X-aodocs-retryable: false', { 'X-aodocs-retryable': 'false' }],
    ['an empty X-aodocs-retryable', { 'X-aodocs-retryable': '' }],
    ['another header saying true', { 'X-retryable': 'true' }],
  ])('409 with %s is not retryable', (_name, headers) => {
    expect(classifyAnswer(http(409, aodocsError(409), headers))).toMatchObject({
      kind: 'error',
      code: 409,
      retryable: false,
    });
  });

  test('a 404 with reason unsupportedProtocol (a 429 through Cloud Endpoints) is retryable; notFound is not', () => {
    expect(classifyAnswer(http(404, aodocsError(404, 'unsupportedProtocol')))).toMatchObject({ retryable: true });
    expect(classifyAnswer(http(404, aodocsError(404, 'notFound')))).toMatchObject({ retryable: false });
  });

  test('X-aodocs-retryable does not make a 404 retryable', () => {
    expect(classifyAnswer(http(404, aodocsError(404), { 'X-aodocs-retryable': 'true' }))).toMatchObject({
      retryable: false,
    });
  });

  test.each<[string, HttpAnswer['headers'], number | undefined]>([
    ['Retry-After: 30', { 'Retry-After': '30' }, 30],
    ['retry-after: 7 (lower case)', { 'retry-after': '7' }, 7],
    ['RETRY-AFTER: " 12 " (spaces)', { 'RETRY-AFTER': ' 12 ' }, 12],
    ['Retry-After as a list', { 'Retry-After': ['5', '9'] }, 5],
    [
      'Retry-After as an HTTP date, without a clock to count from',
      { 'Retry-After': 'Wed, 21 Oct 2015 07:28:00 GMT' },
      undefined,
    ],
    ['a negative Retry-After', { 'Retry-After': '-5' }, undefined],
    ['no Retry-After', {}, undefined],
  ])('429 with %s', (_name, headers, seconds) => {
    const answer = classifyAnswer(http(429, aodocsError(429, 'rateLimitExceeded'), headers));
    expect(answer).toMatchObject({ kind: 'error', code: 429, retryable: true, reason: 'rateLimitExceeded' });
    expect(answer.kind === 'error' ? answer.retryAfterSeconds : 'not an error').toBe(seconds);
  });

  test.each<[string, number, HttpAnswer['headers'], number | undefined]>([
    ['an HTTP date 90 s ahead', 200, { 'Retry-After': 'Wed, 21 Oct 2015 07:29:30 GMT' }, 90],
    ['an HTTP date already past', 200, { 'Retry-After': 'Wed, 21 Oct 2015 07:00:00 GMT' }, 0],
    ['a date that is not one', 200, { 'Retry-After': 'soon' }, undefined],
    ['seconds beyond a day', 200, { 'Retry-After': '9999999' }, 86_400],
  ])('Retry-After as %s, counted from the time the answer came', (_name, _unused, headers, seconds) => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    const answer = classifyAnswer(http(503, aodocsError(503, 'backendError'), headers), now);
    expect(answer.kind === 'error' ? answer.retryAfterSeconds : 'not an error').toBe(seconds);
  });

  test("a proxy's HTML 429 keeps its Retry-After", () => {
    const answer = classifyAnswer({ code: 429, body: '<html>Too many</html>', headers: { 'Retry-After': '3' } });
    expect(answer).toMatchObject({ kind: 'unexpected', code: 429, retryable: true, retryAfterSeconds: 3 });
  });

  test('an error without an errors list has no reason', () => {
    const answer = classifyAnswer(http(403, JSON.stringify({ error: { code: 403, message: 'Forbidden' } })));
    expect(answer).toEqual({
      kind: 'error',
      code: 403,
      reason: undefined,
      message: 'Forbidden',
      retryable: false,
      retryAfterSeconds: undefined,
    });
  });

  test('a reason that is not text is ignored', () => {
    const body = JSON.stringify({ error: { errors: [{ reason: { evil: true } }], code: 403 } });
    expect(classifyAnswer(http(403, body))).toMatchObject({ kind: 'error', code: 403, reason: undefined });
  });
});

describe('classifyAnswer: answers that are not AODocs errors', () => {
  test('a 302 redirect (followRedirects is off) is unexpected and not retryable', () => {
    const answer = classifyAnswer(http(302, '<html>Moved</html>', { Location: 'https://accounts.google.com/login' }));
    expect(answer).toEqual({ kind: 'unexpected', code: 302, retryable: false });
  });

  test.each<[string, number, string]>([
    ['a proxy HTML page (502)', 502, HTML],
    ['an empty 503', 503, ''],
    ['malformed JSON (500)', 500, '{"error": '],
  ])('%s is unexpected and retryable', (_name, code, body) => {
    expect(classifyAnswer(http(code, body))).toEqual({ kind: 'unexpected', code, retryable: true });
  });

  test.each<[string, number, string]>([
    ['an HTML 404', 404, HTML],
    ['an empty 403', 403, ''],
    ['a JSON array 400', 400, '[]'],
    ['JSON without an error object (401)', 401, '{"message":"no"}'],
    ['an error that is a string (404)', 404, '{"error":"not found"}'],
  ])('%s is unexpected and not retryable', (_name, code, body) => {
    expect(classifyAnswer(http(code, body))).toEqual({ kind: 'unexpected', code, retryable: false });
  });

  // The status code is the only reliable signal (aodocs/README.md); Google's front ends answer 429 with HTML.
  test('a 429 whose body is not JSON is still retryable', () => {
    expect(classifyAnswer(http(429, HTML, { 'Retry-After': '20' }))).toMatchObject({ code: 429, retryable: true });
  });

  test('a 409 marked X-aodocs-retryable whose body is empty is still retryable', () => {
    expect(classifyAnswer(http(409, '', { 'X-aodocs-retryable': 'true' }))).toMatchObject({
      code: 409,
      retryable: true,
    });
  });
});

describe('header', () => {
  test('finds a header whatever the case of its name', () => {
    expect(header({ 'content-TYPE': 'text/html' }, 'Content-Type')).toBe('text/html');
  });

  test('returns the first value of a list', () => {
    expect(header({ 'Set-Cookie': ['a=1', 'b=2'] }, 'set-cookie')).toBe('a=1');
  });

  test('returns undefined when absent', () => {
    expect(header({ Other: 'x' }, 'Retry-After')).toBeUndefined();
  });
});

describe('jobOf', () => {
  test('reads the job of an ok answer', () => {
    expect(jobOf(classifyAnswer(http(200, '{"jobId":"j1","succeededTasks":"4"}')))).toEqual({
      jobId: 'j1',
      succeededTasks: 4,
    });
  });

  test.each<[string, HttpAnswer]>([
    ['an error', http(404, aodocsError(404))],
    ['an unexpected answer', http(200, HTML)],
  ])('has no job for %s', (_name, answer) => {
    expect(jobOf(classifyAnswer(answer))).toBeUndefined();
  });

  test('has no job when no answer came', () => {
    expect(jobOf({ kind: 'no-answer', retryable: true })).toBeUndefined();
  });
});
