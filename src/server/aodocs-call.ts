// One AODocs call that stands alone (listing a page of a library, a page of a job's events, the connection
// check): sent with the usual retries; Google's daily quota ends it with the sentence every caller shows.
import { Answer } from '../core/aodocs-answer';
import { FetchRequest } from '../core/aodocs-request';
import { CALL } from '../core/wording';
import { sendWithRetries } from './aodocs-client';
import { UserFacingError } from './user-facing-error';

/** The call's last answer; undefined when it never went out (the time budget from `startedAt` ran out). */
export function callAodocs(request: FetchRequest, startedAt = Date.now()): Answer | undefined {
  const sent = sendWithRetries([request], { startedAt });
  if (sent.quotaExceeded) throw new UserFacingError(CALL.dailyQuota);
  return sent.outcomes[0]?.answer;
}
