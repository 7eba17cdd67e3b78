// Sentences for an AODocs call that fails as a whole (listing a library, reading a job's events): shown in
// the sidebar, never containing the response body.
import { Answer, isNotFound } from './aodocs-answer';
import { CALL, refusedBy, unavailable, unexpectedAnswer } from './wording';

export function callFailureSentence(answer: Answer | undefined, notFound: string, forbidden: string): string {
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
      if (answer.code === 403) return forbidden;
      if (isNotFound(answer)) return notFound;
      return `${refusedBy(answer.code)}.`;
  }
}
