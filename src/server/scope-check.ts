// Granular consent: a user may grant only some of the add-on's scopes, and Google asks scripts to check what
// they need and ask for the rest (https://developers.google.com/apps-script/concepts/scopes, "granular OAuth
// permissions": ScriptApp.requireScopes / getAuthorizationInfo). Every entry point that calls AODocs needs the
// outside requests, the spreadsheet and, for the identity token, openid and the email: all the manifest's scopes.
// These entry points are sidebar calls, where requireScopes may render no prompt, and it ends the execution with
// an exception worded in the user's language: nothing could then reach the sidebar. So the check is
// getAuthorizationInfo, decided by its status (never by a message), and the sidebar gets the sentence with
// Google's authorization link (core/authorization-link.ts), before anything is sent.
import { permissionsNeededMessage } from '../core/authorization-link';
import { MANIFEST_SCOPES } from './manifest';
import { UserFacingError } from './user-facing-error';

/** getAuthorizationInfo(authMode, oAuthScopes): the scopes overload is missing from @types/google-apps-script. */
type AuthorizationInfoOf = (
  authMode: GoogleAppsScript.Script.AuthMode,
  scopes: string[],
) => GoogleAppsScript.Script.AuthorizationInfo;

/** `scopes`: those the caller cannot work without (Diagnostics asks for fewer, to report the others). */
export function requireGrantedScopes(scopes: string[] = MANIFEST_SCOPES): void {
  const info = (ScriptApp.getAuthorizationInfo as unknown as AuthorizationInfoOf)(ScriptApp.AuthMode.FULL, scopes);
  if (info.getAuthorizationStatus() !== ScriptApp.AuthorizationStatus.REQUIRED) return;
  throw new UserFacingError(permissionsNeededMessage(info.getAuthorizationUrl()));
}
