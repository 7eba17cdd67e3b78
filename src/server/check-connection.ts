// Check connection: who the add-on acts as, and whether AODocs accepts it. One request: reading a job that
// does not exist answers 404 to a caller AODocs accepted, and 401 to one it does not.
import { ConnectionReport } from '../shared/api';
import { getJobRequest } from '../core/aodocs-request';
import { callAodocs } from './aodocs-call';
import { authorizationHeader } from './authorization';
import { decodeIdentityToken } from './identity-claims';
import { readSettings } from './user-settings';
import { UserFacingError } from './user-facing-error';

const PROBE_JOB_ID = 'aodocs-jobs-connection-check';

export function supportRequestSentence(clientId: string, domain: string): string {
  return (
    `Please register the Google OAuth client ID ${clientId} for the AODocs API${domain ? ` on the domain ${domain}` : ''}. ` +
    'It is the client ID of the "AODocs Jobs" Google Sheets add-on, which calls the Job API with Google ID tokens ' +
    'on behalf of our library administrators.'
  );
}

export function checkConnection(): ConnectionReport {
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
  const code = answer && answer.kind !== 'no-answer' ? answer.code : undefined;
  if (code === 404 || code === 200) return { ...report, ok: true, message: 'AODocs accepts this sign-in.' };
  if (code === 401) {
    if (settings.authMode === 'security-code') {
      return {
        ...report,
        message:
          'AODocs did not accept the security code (401). Check it, or ask your AODocs super administrator for a new one.',
      };
    }
    const domain = settings.domain || (claims?.email?.split('@')[1] ?? '');
    return {
      ...report,
      message:
        "AODocs did not accept the sign-in (401). AODocs support must register this add-on's client ID for your domain; send them:",
      supportRequest: clientId ? supportRequestSentence(clientId, domain) : undefined,
    };
  }
  if (code === 403) {
    return {
      ...report,
      message:
        'AODocs knows you but refused access (403). Cancelling a job needs library administrator rights on its library; ' +
        (settings.authMode === 'security-code'
          ? 'check the security code too.'
          : 'ask an administrator of that library.'),
    };
  }
  return {
    ...report,
    message:
      answer?.kind === 'no-answer' || !answer
        ? 'AODocs did not answer. Try again in a moment.'
        : `Unexpected answer from AODocs (HTTP ${code}).`,
  };
}
