// Check connection: who the add-on acts as, and whether AODocs accepts it. One request: reading a job that
// does not exist answers 404 to a caller AODocs accepted, and 401 to one it does not.
import { ConnectionReport } from '../shared/api';
import { getJobRequest } from '../core/aodocs-request';
import { PROBE_JOB_ID, connectionVerdict } from '../core/connection-verdict';
import { callAodocs } from './aodocs-call';
import { authorizationHeader } from './authorization';
import { decodeIdentityToken } from './identity-claims';
import { readSettings } from './user-settings';
import { UserFacingError } from './user-facing-error';
import { requireGrantedScopes } from './scope-check';

export function checkConnection(): ConnectionReport {
  requireGrantedScopes();
  const settings = readSettings();
  const claims = decodeIdentityToken(ScriptApp.getIdentityToken() as string | null);
  const clientId = claims?.azp ?? claims?.aud;
  const report: ConnectionReport = {
    email: claims?.email,
    clientId,
    audience: claims?.aud,
    expiresAt: claims?.exp === undefined ? undefined : new Date(claims.exp * 1000).toISOString(),
    authMode: settings.authMode,
    baseUrl: settings.baseUrl,
    ok: false,
    message: '',
  };
  let authorization: string;
  try {
    authorization = authorizationHeader(settings);
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
  return { ...report, ...connectionVerdict(answer, { authMode: settings.authMode, clientId, domain }) };
}
