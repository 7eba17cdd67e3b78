// Who is calling. Bearer JWTs are read but NOT verified (the tests use unsigned tokens); security codes are
// looked up in the store. The result never carries the token or the code, so nothing can log them.

import { ApiError, invalidSecurityCode, unauthenticated } from './errors';
import type { JobStore } from './store';

/** How the request tried to authenticate ("securityCodeParam" is the discouraged query parameter). */
export type AuthKind = 'bearer' | 'securityCode' | 'securityCodeParam' | 'none' | 'other';

export interface AuthOutcome {
  kind: AuthKind;
  /** The caller, when authentication succeeded. */
  email?: string;
  error?: ApiError;
}

export interface AuthInput {
  authorization: string | undefined;
  securityCodeParam: string | undefined;
}

export function authenticate(input: AuthInput, store: JobStore, nowMs: number): AuthOutcome {
  const header = input.authorization?.trim();
  if (header) {
    // Endpoints accepts "OAuth" as a synonym of "Bearer".
    const bearer = /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(header);
    if (bearer) return authenticateJwt(bearer[1], store, nowMs);
    const code = /^securityCode\s+(\S+)$/i.exec(header);
    if (code) return authenticateSecurityCode('securityCode', code[1], store, nowMs);
    return { kind: 'other', error: unauthenticated() };
  }
  if (input.securityCodeParam)
    return authenticateSecurityCode('securityCodeParam', input.securityCodeParam, store, nowMs);
  return { kind: 'none', error: unauthenticated() };
}

function authenticateSecurityCode(kind: AuthKind, code: string, store: JobStore, nowMs: number): AuthOutcome {
  const email = store.userForSecurityCode(code, nowMs);
  // AODocs documents an unknown or expired security code as 403 "Invalid security code", not 401.
  return email ? { kind, email } : { kind, error: invalidSecurityCode() };
}

function authenticateJwt(token: string, store: JobStore, nowMs: number): AuthOutcome {
  const claims = readJwtPayload(token);
  const rejected: AuthOutcome = { kind: 'bearer', error: unauthenticated() };
  if (!claims) return rejected;
  const { email, exp } = claims;
  if (typeof email !== 'string' || !email.includes('@')) return rejected;
  if (exp !== undefined && (typeof exp !== 'number' || exp * 1000 <= nowMs)) return rejected;
  const registered = store.registeredClientIds;
  if (registered && !clientIdsOf(claims).some((id) => registered.includes(id))) return rejected;
  return { kind: 'bearer', email };
}

/** The JWT's claims, or undefined when the token is not header.payload.signature with a JSON object payload. */
export function readJwtPayload(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !/^[A-Za-z0-9_-]+={0,2}$/.test(parts[1])) return undefined;
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload)
      ? (payload as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** For Google ID tokens the client ID is `azp`; without it, `aud` (a string or a list). */
function clientIdsOf(claims: Record<string, unknown>): string[] {
  if (typeof claims.azp === 'string') return [claims.azp];
  if (typeof claims.aud === 'string') return [claims.aud];
  if (Array.isArray(claims.aud)) return claims.aud.filter((v): v is string => typeof v === 'string');
  return [];
}
