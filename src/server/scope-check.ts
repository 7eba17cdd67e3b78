// Granular consent: a user may grant only some of the add-on's scopes, and Google asks scripts to check what
// they need and ask for the rest (https://developers.google.com/apps-script/concepts/scopes, "granular OAuth
// permissions": ScriptApp.requireScopes / getAuthorizationInfo). Every entry point that calls AODocs needs the
// outside requests, the spreadsheet and, for the identity token, openid and the email: all the manifest's scopes.
// requireScopes ends the execution and has the user asked for what is missing, instead of failing later with a
// null token or a refused fetch.
import { MANIFEST_SCOPES } from './manifest';

export function requireGrantedScopes(): void {
  ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, MANIFEST_SCOPES);
}
