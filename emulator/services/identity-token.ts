import { randomBytes } from 'node:crypto';

/** Claims of the OpenID Connect ID token ScriptApp.getIdentityToken() returns (docs/SOURCES.md#identity-token). */
export interface IdentityClaims {
  iss: string;
  /** The OAuth client ID of the script's Cloud project. */
  aud: string;
  azp: string;
  sub: string;
  email: string;
  email_verified: boolean;
  /** Seconds since the epoch; default: now on the environment's clock. */
  iat: number;
  /** Default: iat + 3600 (Google ID tokens live about one hour). */
  exp: number;
  [claim: string]: unknown;
}

export const DEFAULT_CLIENT_ID = '1234567890-abc.apps.googleusercontent.com';

function base64Url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/**
 * A JWT shaped like Google's (RS256 header, base64url parts without padding) whose signature is random bytes:
 * no key can verify it, so a server under test must not be checking signatures against Google's keys.
 */
export function encodeIdentityToken(claims: IdentityClaims): string {
  const header = { alg: 'RS256', kid: 'gas-emulator', typ: 'JWT' };
  return `${base64Url(header)}.${base64Url(claims)}.${randomBytes(256).toString('base64url')}`;
}

/** Reads a token's claims back (tests, the playground): no signature check. */
export function decodeIdentityToken(token: string): IdentityClaims {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('not a JWT');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as IdentityClaims;
}
