// Reads who the identity token speaks for, on the server: the token itself never leaves this execution.

export interface IdentityClaims {
  email?: string;
  aud?: string;
  azp?: string;
  exp?: number;
}

/** The payload of a JWT (its middle part, base64url) as JSON, or undefined when it does not read as one. */
export function identityTokenPayload(token: string | null): Record<string, unknown> | undefined {
  const part = token?.split('.')[1];
  if (!part) return undefined;
  try {
    const padded = part + '='.repeat((4 - (part.length % 4)) % 4);
    const json = Utilities.newBlob(Utilities.base64DecodeWebSafe(padded)).getDataAsString();
    const claims = JSON.parse(json) as unknown;
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims)
      ? (claims as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The claims the add-on reads, or undefined when the token does not read as a JWT. */
export function decodeIdentityToken(token: string | null): IdentityClaims | undefined {
  const claims = identityTokenPayload(token);
  if (!claims) return undefined;
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    email: text(claims.email),
    aud: text(claims.aud),
    azp: text(claims.azp),
    exp: typeof claims.exp === 'number' ? claims.exp : undefined,
  };
}
