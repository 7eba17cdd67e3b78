// Reads the credential core/run/authorization.ts asks for, to build the Authorization header for AODocs.
import { Settings } from '../core/settings';
import { AuthorizationStep, authorizationHeader as header } from '../core/run/authorization';
import { readSecurityCode } from './user-settings';
import { UserFacingError } from './user-facing-error';
import { Handlers, runProgram } from './step-runner';

export const authorizationHandlers: Handlers<AuthorizationStep> = {
  'saved-security-code': () => readSecurityCode(),
  'oauth-token': () => ScriptApp.getOAuthToken(),
  // Typed as string by @types/google-apps-script, but null when `openid` is not granted.
  'identity-token': () => ScriptApp.getIdentityToken() as string | null,
  refuse: (step) => {
    throw new UserFacingError(step.message);
  },
};

/** `typedCode`: a code typed in the form and not saved (Check connection tests what the form shows). */
export function authorizationHeader(settings: Settings, typedCode?: string): string {
  return runProgram(header(settings.authMode, typedCode), authorizationHandlers);
}
