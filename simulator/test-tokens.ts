// Unsigned JWTs shaped like Google ID tokens, for tests and the playground. The simulator reads their
// payload and never checks the signature; real AODocs would reject them.

export interface TestTokenClaims {
  email: string;
  /** Expiry in epoch SECONDS, like a real JWT. Defaults to one hour from now. */
  exp?: number;
  /** The OAuth client ID the token was issued to. */
  azp?: string;
  aud?: string | string[];
  [claim: string]: unknown;
}

const base64url = (value: object): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

export function makeTestIdToken(claims: TestTokenClaims): string {
  const payload = {
    iss: 'https://accounts.google.com',
    iat: Math.floor(Date.now() / 1000),
    exp: Math.floor(Date.now() / 1000) + 3600,
    email_verified: true,
    ...claims,
  };
  return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload)}.`;
}
