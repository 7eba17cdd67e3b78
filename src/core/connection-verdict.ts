// What Check connection tells the user: one request (reading a job that does not exist) answers 404 to a caller
// AODocs accepts, and 401 to one it does not. The server sends it; this module says what the answer means.
import { AuthModeName } from '../shared/api';
import { Answer, isNotFound } from './aodocs-answer';
import { isSecurityCodeRefusal } from './job-outcome';
import { CONNECTION, connectionSupportRequest } from './wording';

export const PROBE_JOB_ID = 'aodocs-jobs-connection-check';

export interface ConnectionVerdict {
  ok: boolean;
  message: string;
  /** The sentence to send AODocs support, when the sign-in was refused and a client ID is known. */
  supportRequest?: string;
}

/** `answer` undefined: the request never went out (time budget). */
export function connectionVerdict(
  answer: Answer | undefined,
  context: { authMode: AuthModeName; clientId?: string; domain: string; settingsDomain?: string },
): ConnectionVerdict {
  if (answer === undefined || answer.kind === 'no-answer') return { ok: false, message: CONNECTION.noAnswer };
  const { code } = answer;
  // Only AODocs' own 404 (reason notFound) proves the caller was accepted: a throttled request comes as 404 too.
  if (isNotFound(answer) || code === 200) return { ok: true, message: CONNECTION.accepted };
  if (code === 401) {
    if (context.authMode === 'security-code') return { ok: false, message: CONNECTION.securityCodeRefused };
    return {
      ok: false,
      message: CONNECTION.signInRefused,
      supportRequest: context.clientId ? connectionSupportRequest(context.clientId, context.domain) : undefined,
    };
  }
  if (code === 403) {
    // AODocs' "Invalid security code": the code, not the user's rights on a library.
    if (context.authMode === 'security-code' && isSecurityCodeRefusal(answer)) {
      return { ok: false, message: CONNECTION.securityCodeInvalid };
    }
    return {
      ok: false,
      message: context.authMode === 'security-code' ? CONNECTION.forbiddenSecurityCode : CONNECTION.forbidden,
    };
  }
  // AODocs answers 400 to everything for a domain it does not serve (the probe reads a job, which cannot be refused
  // otherwise): the domain setting is the likely cause when one is set.
  if (code === 400 && context.settingsDomain) {
    return { ok: false, message: CONNECTION.domainRefused(context.settingsDomain) };
  }
  return { ok: false, message: CONNECTION.unexpected(code) };
}
