// Sentences for an AODocs call that fails as a whole (listing a library, reading a job's events): shown in
// the sidebar, never containing the response body.
import { Answer } from './aodocs-answer';

export const DAILY_QUOTA_SENTENCE = "Google's daily limit for outside requests is reached. Try again tomorrow.";

export function callFailureSentence(answer: Answer | undefined, notFound: string, forbidden: string): string {
  if (answer === undefined) return 'AODocs was not asked: the time limit of this step ran out. Try again.';
  switch (answer.kind) {
    case 'no-answer':
      return 'AODocs did not answer. Try again in a moment.';
    case 'unexpected':
      return `Unexpected answer from AODocs (HTTP ${answer.code}).`;
    case 'ok':
      return 'Unexpected answer from AODocs.';
    default:
      if (answer.retryable) return `AODocs unavailable, try again (${answer.code}).`;
      if (answer.code === 401) return 'Sign-in not accepted by AODocs (401). Open Settings > Check connection.';
      if (answer.code === 403) return forbidden;
      if (answer.code === 404) return notFound;
      return `Refused by AODocs (HTTP ${answer.code}).`;
  }
}
