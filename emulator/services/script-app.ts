import { createHash, randomBytes } from 'node:crypto';
import type { CallCounter } from '../call-counter';
import type { Clock } from './clock';
import { counted } from './counted';
import { DEFAULT_CLIENT_ID, encodeIdentityToken, type IdentityClaims } from './identity-token';
import { GOOGLE_MESSAGES } from './google-language';
import type { UserState } from './session';

/** ScriptApp.AuthMode (https://developers.google.com/apps-script/reference/script/auth-mode). */
export const AuthMode = Object.freeze({
  NONE: 'NONE',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
});

/** ScriptApp.AuthorizationStatus (https://developers.google.com/apps-script/reference/script/authorization-status). */
export const AuthorizationStatus = Object.freeze({ REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' });

/**
 * What ScriptApp.requireScopes throws when a scope was not granted, in English. Google documents that the execution
 * ends and the user is asked for the missing scopes, not the exception's wording: this one is the long-standing
 * message of an execution that lacks authorization. Other languages: google-language.ts.
 */
export const AUTHORIZATION_REQUIRED = GOOGLE_MESSAGES.en.authorizationRequired;

/** Test control of ScriptApp: what getIdentityToken() answers, and the tokens it gave. */
export class ScriptAppControl {
  /** Every identity token handed to the script, in order (tests check where they were sent and never logged). */
  readonly issuedIdentityTokens: string[] = [];
  readonly oauthToken: string;
  private claimOverrides: Partial<IdentityClaims> | null;
  /**
   * The scopes the user granted, or null for every scope of the manifest. Granular consent lets a user grant only
   * some of them (https://developers.google.com/apps-script/concepts/scopes).
   */
  grantedScopes: string[] | null = null;

  constructor(
    readonly user: UserState,
    readonly clock: Clock,
    readonly scriptId: string,
    identity: Partial<IdentityClaims> | null = {},
  ) {
    this.claimOverrides = identity;
    this.oauthToken = `ya29.${randomBytes(96).toString('base64url')}`;
  }

  /**
   * null: the openid scope is not granted and getIdentityToken() returns null (documented: "if the openid scope has
   * been granted"). Claims: merged over the defaults for the current user. Takes effect at the script's next call.
   */
  setIdentityToken(claims: Partial<IdentityClaims> | null): void {
    this.claimOverrides = claims === null ? null : { ...claims };
  }

  /** The claims the next token would carry, or null. */
  claims(): IdentityClaims | null {
    if (this.claimOverrides === null) return null;
    const iat = Math.floor(this.clock.now() / 1000);
    const clientId = this.claimOverrides.aud ?? DEFAULT_CLIENT_ID;
    return {
      iss: 'https://accounts.google.com',
      aud: clientId,
      azp: clientId,
      sub: subjectFor(this.user.email),
      email: this.user.email,
      email_verified: true,
      ...hostedDomain(this.user.email),
      iat,
      exp: (this.claimOverrides.iat ?? iat) + 3600,
      ...this.claimOverrides,
    };
  }

  isGranted(scope: string): boolean {
    return this.grantedScopes === null || this.grantedScopes.includes(scope);
  }

  issueIdentityToken(): string | null {
    if (!this.isGranted('openid')) return null;
    const claims = this.claims();
    if (!claims) return null;
    const token = encodeIdentityToken(claims);
    this.issuedIdentityTokens.push(token);
    return token;
  }
}

/**
 * `hd`: "The domain associated with the Google Workspace or Cloud organization of the user. Provided only if the
 * user belongs to a Google Cloud organization" (https://developers.google.com/identity/openid-connect/openid-connect,
 * "An ID token's payload"). Here every address outside Google's consumer domains is a Workspace one.
 */
function hostedDomain(email: string): { hd?: string } {
  const domain = email.split('@')[1]?.toLowerCase();
  return domain && domain !== 'gmail.com' && domain !== 'googlemail.com' ? { hd: domain } : {};
}

/** Google's `sub`: a stable 21-digit number per account. */
function subjectFor(email: string): string {
  const digits = BigInt(`0x${createHash('sha256').update(email).digest('hex').slice(0, 16)}`).toString();
  return `1${digits.padStart(20, '0').slice(0, 20)}`;
}

/** ScriptApp (https://developers.google.com/apps-script/reference/script/script-app): the subset add-ons use. */
export function createScriptApp(counter: CallCounter, control: ScriptAppControl, manifestScopes: string[] = []) {
  const missing = (scopes: string[]) => scopes.filter((s) => !control.isGranted(s));
  return counted(counter, 'ScriptApp', {
    AuthMode,
    AuthorizationStatus,
    /** The scopes given (or the manifest's): REQUIRED while one of them is not granted. */
    getAuthorizationInfo: (_authMode: string, scopes: string[] = manifestScopes) => ({
      getAuthorizationStatus: () =>
        missing(scopes).length > 0 ? AuthorizationStatus.REQUIRED : AuthorizationStatus.NOT_REQUIRED,
      getAuthorizationUrl: () =>
        missing(scopes).length > 0 ? `https://script.google.com/macros/d/${control.scriptId}/authorize` : null,
      getAuthorizedScopes: () => scopes.filter((s) => control.isGranted(s)),
    }),
    /** Ends the execution when one of the scopes was not granted (the user is then asked for it). */
    requireScopes: (_authMode: string, scopes: string[]): void => {
      if (missing(scopes).length > 0) throw new Error(GOOGLE_MESSAGES[control.user.language].authorizationRequired);
    },
    /** `String|null`: null without the openid scope, although @types/google-apps-script says string. */
    getIdentityToken: (): string | null => control.issueIdentityToken(),
    getOAuthToken: (): string => control.oauthToken,
    getScriptId: (): string => control.scriptId,
  });
}
