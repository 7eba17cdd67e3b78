// Check connection: what one probe answer means, per authentication mode.
import { classifyAnswer } from '../../src/core/aodocs-answer';
import { connectionVerdict } from '../../src/core/connection-verdict';
import type { AuthModeName } from '../../src/shared/api';

const answer = (code: number, reason = 'r', message = 'x') =>
  classifyAnswer({
    code,
    body: JSON.stringify({ error: { code, message, errors: [{ reason }] } }),
    headers: {},
  });
const invalidCode = answer(403, 'forbidden', 'Invalid security code.');

test.each<[string, ReturnType<typeof answer> | undefined, AuthModeName, boolean, RegExp, boolean]>([
  ['404 for the probe job: accepted', answer(404, 'notFound'), 'identity-token', true, /accepts this sign-in/, false],
  [
    '404 unsupportedProtocol (a throttled request): not accepted',
    answer(404, 'unsupportedProtocol'),
    'identity-token',
    false,
    /AODocs/,
    false,
  ],
  [
    '401 with a Google token: the security code way out and the client ID to register',
    answer(401),
    'identity-token',
    false,
    /security code instead.*client ID/,
    true,
  ],
  ['401 with a security code: the code', answer(401), 'security-code', false, /security code \(401\)/, false],
  ['403: library administrator rights', answer(403), 'identity-token', false, /administrator of that library/, false],
  ['403 with a security code: check the code too', answer(403), 'security-code', false, /security code too/, false],
  [
    '403 "Invalid security code": the code, not rights',
    invalidCode,
    'security-code',
    false,
    /^AODocs refused the security code \("Invalid security code", 403\)/,
    false,
  ],
  [
    '400 with a domain set: the domain named',
    answer(400),
    'identity-token',
    false,
    /for the domain "wrong\.example"/,
    false,
  ],
  ['500: unexpected', answer(500), 'identity-token', false, /Unexpected answer from AODocs \(HTTP 500\)/, false],
  ['no answer', { kind: 'no-answer', retryable: true }, 'identity-token', false, /did not answer/, false],
  ['never sent', undefined, 'identity-token', false, /did not answer/, false],
])('%s', (_name, probe, authMode, ok, message, support) => {
  const verdict = connectionVerdict(probe, {
    authMode,
    clientId: '123.apps.googleusercontent.com',
    domain: 'example.com',
    settingsDomain: 'wrong.example',
  });
  expect(verdict.ok).toBe(ok);
  expect(verdict.message).toMatch(message);
  expect(verdict.supportRequest !== undefined).toBe(support);
  if (support) expect(verdict.supportRequest).toContain('123.apps.googleusercontent.com');
});
