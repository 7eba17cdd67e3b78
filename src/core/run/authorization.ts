// The Authorization header for AODocs, as a program of steps: which credential the user's setting calls for, and
// the sentence that ends the call when it is missing. The server only reads the credential it is asked for; it is
// built fresh in every server call (tokens expire, an identity token after about an hour) and never kept.
import { AuthMode } from '../settings';
import { SERVER } from '../wording';
import { Program, RefuseStep, perform } from './steps';

export type AuthorizationStep =
  /** The security code saved in the user's settings: string, or null when none */
  | { kind: 'saved-security-code' }
  /** The user's OAuth token (ScriptApp.getOAuthToken): string */
  | { kind: 'oauth-token' }
  /** The user's identity token (ScriptApp.getIdentityToken): string, or null when `openid` is not granted */
  | { kind: 'identity-token' }
  | RefuseStep;

function* ask<T>(step: AuthorizationStep): Program<T, AuthorizationStep> {
  return yield* perform<T, AuthorizationStep>(step);
}

function* refuse(message: string): Program<never, AuthorizationStep> {
  yield* ask({ kind: 'refuse', message });
  throw new Error(message);
}

/** `typedCode`: a code typed in the form and not saved (Check connection tests what the form shows). */
export function* authorizationHeader(mode: AuthMode, typedCode?: string): Program<string, AuthorizationStep> {
  switch (mode) {
    case 'security-code': {
      const code = typedCode || (yield* ask<string | null>({ kind: 'saved-security-code' }));
      if (!code) return yield* refuse(SERVER.securityCodeNeeded);
      // The header form: a query parameter would end up in AODocs' logs (docs/SOURCES.md#aodocs-security-code).
      return `securityCode ${code}`;
    }
    case 'oauth-token':
      return `Bearer ${yield* ask<string>({ kind: 'oauth-token' })}`;
    default: {
      const token = yield* ask<string | null>({ kind: 'identity-token' });
      if (!token) return yield* refuse(SERVER.identityNeeded);
      return `Bearer ${token}`;
    }
  }
}
