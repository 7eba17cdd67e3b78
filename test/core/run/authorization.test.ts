// The Authorization header as a program: which credential each setting asks for, and the sentence when it is missing.
import { AuthMode } from '../../../src/core/settings';
import { AuthorizationStep, authorizationHeader } from '../../../src/core/run/authorization';
import { SERVER } from '../../../src/core/wording';
import { ScriptedHandlers, drive } from './drive';

const credentials = (saved: string | null, identity: string | null): ScriptedHandlers<AuthorizationStep> => ({
  'saved-security-code': () => saved,
  'oauth-token': () => 'oauth',
  'identity-token': () => identity,
  refuse: (step) => {
    throw new Error(`refused: ${step.message}`);
  },
});

test.each<[string, AuthMode, string | undefined, string | null, string | null, string]>([
  ['the saved security code', 'security-code', undefined, 'saved', null, 'securityCode saved'],
  ['the typed code before the saved one', 'security-code', 'typed', 'saved', null, 'securityCode typed'],
  ['the OAuth token', 'oauth-token', undefined, null, null, 'Bearer oauth'],
  ['the identity token', 'identity-token', undefined, null, 'identity', 'Bearer identity'],
])('%s', (_, mode, typed, saved, identity, header) => {
  expect(drive(authorizationHeader(mode, typed), credentials(saved, identity)).result).toBe(header);
});

test.each<[string, AuthMode, string]>([
  ['no security code saved', 'security-code', SERVER.securityCodeNeeded],
  ['no identity token (openid not granted)', 'identity-token', SERVER.identityNeeded],
])('%s: the call ends with the sentence', (_, mode, sentence) => {
  expect(() => drive(authorizationHeader(mode), credentials(null, null))).toThrow(`refused: ${sentence}`);
});
