// Sentences for an AODocs call that fails as a whole (listing a library, reading a job's events): shown in
// the sidebar, never containing the response body.
import type { AuthModeName } from '../shared/api';
import { Answer, isNotFound } from './aodocs-answer';
import { isSecurityCodeRefusal } from './job-outcome';
import { CALL, refusedBy, unavailable, unexpectedAnswer } from './wording';

/**
 * `authMode`: with a security code, a 403 may be the code refused (AODocs tells it apart only in a message it may
 * reword): the sentence says so unless the message is recognised.
 */
export function callFailureSentence(
  answer: Answer | undefined,
  notFound: string,
  forbidden: string,
  authMode: AuthModeName = 'identity-token',
): string {
  if (answer === undefined) return CALL.outOfTime;
  switch (answer.kind) {
    case 'no-answer':
      return CALL.noAnswer;
    case 'unexpected':
      return `${unexpectedAnswer(answer.code)}.`;
    case 'ok':
      return 'Unexpected answer from AODocs.';
    default:
      if (answer.retryable) return `${unavailable(answer.code)}.`;
      if (answer.code === 401) return CALL.signIn;
      if (answer.code === 403 && isSecurityCodeRefusal(answer)) return CALL.securityCodeRefused;
      if (answer.code === 403) return authMode === 'security-code' ? `${forbidden} ${CALL.orSecurityCode}` : forbidden;
      if (isNotFound(answer)) return notFound;
      return `${refusedBy(answer.code)}.`;
  }
}
