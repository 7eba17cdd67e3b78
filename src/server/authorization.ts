// The Authorization header for AODocs, built fresh in every server call: identity tokens expire after about
// an hour, and a token is never kept anywhere (not in properties, not in the sidebar).
import { AUTHORIZATION_NEEDED, UserFacingError } from './user-facing-error';

export function authorizationHeader(): string {
  // Typed as string by @types/google-apps-script, but documented to return null when `openid` is not granted.
  const token = ScriptApp.getIdentityToken() as string | null;
  if (!token) throw new UserFacingError(AUTHORIZATION_NEEDED);
  return `Bearer ${token}`;
}
