// The Authorization header for AODocs, built fresh in every server call: tokens expire (an identity token
// after about an hour), and a token is never kept anywhere (not in properties, not in the sidebar).
import { Settings } from '../core/settings';
import { readSecurityCode } from './user-settings';
import { SERVER } from '../core/wording';
import { UserFacingError } from './user-facing-error';

/** `typedCode`: a code typed in the form and not saved (Check connection tests what the form shows). */
export function authorizationHeader(settings: Settings, typedCode?: string): string {
  switch (settings.authMode) {
    case 'security-code': {
      const code = typedCode || readSecurityCode();
      if (!code) throw new UserFacingError(SERVER.securityCodeNeeded);
      // The header form: a query parameter would end up in AODocs' logs (docs/SOURCES.md#aodocs-security-code).
      return `securityCode ${code}`;
    }
    case 'oauth-token':
      return `Bearer ${ScriptApp.getOAuthToken()}`;
    default: {
      // Typed as string by @types/google-apps-script, but null when `openid` is not granted.
      const token = ScriptApp.getIdentityToken() as string | null;
      if (!token) throw new UserFacingError(SERVER.identityNeeded);
      return `Bearer ${token}`;
    }
  }
}
