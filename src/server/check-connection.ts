// Check connection: who the add-on acts as, and whether AODocs accepts it, with the settings the form shows
// (saved or not: the report says which). One request: reading a job that does not exist answers 404 to a caller
// AODocs accepted, and 401 to one it does not. A typed security code is used for this request only, never stored
// and never sent back.
import { ConnectionInput, ConnectionReport } from '../shared/api';
import { getJobRequest } from '../core/aodocs-request';
import { PROBE_JOB_ID, connectionVerdict } from '../core/connection-verdict';
import { callAodocs } from './aodocs-call';
import { authorizationHeader } from './authorization';
import { decodeIdentityToken } from './identity-claims';
import { readSecurityCode, readSettings } from './user-settings';
import { Settings, validateSettingsInput } from '../core/settings';
import { ALLOWED_URL_PREFIXES } from './manifest';
import { UserFacingError } from './user-facing-error';
import { requireGrantedScopes } from './scope-check';

/** The settings to test: the saved ones with the form's address, domain, mode and typed code (checked first). */
function settingsToTest(
  input: unknown,
): { ok: true; settings: Settings; code?: string; tested: 'saved' | 'unsaved' } | { ok: false; message: string } {
  const saved = readSettings();
  if (input === undefined || input === null) return { ok: true, settings: saved, tested: 'saved' };
  const form = input as Partial<ConnectionInput>;
  const checked = validateSettingsInput(
    { ...saved, baseUrl: form.baseUrl, domain: form.domain, authMode: form.authMode, securityCode: form.securityCode },
    ALLOWED_URL_PREFIXES,
  );
  if (!checked.ok) return checked;
  const settings = checked.settings;
  const code = settings.authMode === 'security-code' && checked.securityCode ? checked.securityCode : undefined;
  const same =
    settings.baseUrl === saved.baseUrl &&
    settings.domain === saved.domain &&
    settings.authMode === saved.authMode &&
    (code === undefined || code === readSecurityCode());
  return { ok: true, settings, code, tested: same ? 'saved' : 'unsaved' };
}

export function checkConnection(input?: unknown): ConnectionReport {
  requireGrantedScopes();
  const toTest = settingsToTest(input);
  if (!toTest.ok) {
    // The form's own error (an address the add-on may not call...): nothing is sent, nothing is "accepted".
    const shown = input as Partial<ConnectionInput>;
    return {
      authMode: shown.authMode ?? 'identity-token',
      baseUrl: typeof shown.baseUrl === 'string' ? shown.baseUrl : '',
      ok: false,
      message: toTest.message,
      tested: 'unsaved',
    };
  }
  const { settings, tested } = toTest;
  const claims = decodeIdentityToken(ScriptApp.getIdentityToken() as string | null);
  const clientId = claims?.azp ?? claims?.aud;
  const report: ConnectionReport = {
    // The Google account is the identity AODocs sees only when the token signs the requests (hostile review: with a
    // colleague's security code the screen named the wrong actor).
    email: settings.authMode === 'identity-token' ? claims?.email : undefined,
    clientId,
    audience: claims?.aud,
    expiresAt: claims?.exp === undefined ? undefined : new Date(claims.exp * 1000).toISOString(),
    authMode: settings.authMode,
    baseUrl: settings.baseUrl,
    ok: false,
    message: '',
    tested,
  };
  let authorization: string;
  try {
    authorization = authorizationHeader(settings, toTest.code);
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error;
    return { ...report, message: error.message };
  }
  let answer;
  try {
    answer = callAodocs(getJobRequest(settings, PROBE_JOB_ID, authorization));
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error;
    return { ...report, message: error.message };
  }
  const domain = settings.domain || (claims?.email?.split('@')[1] ?? '');
  return {
    ...report,
    ...connectionVerdict(answer, {
      authMode: settings.authMode,
      clientId,
      domain,
      settingsDomain: settings.domain,
    }),
  };
}
