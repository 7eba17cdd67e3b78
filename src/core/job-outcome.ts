// What happened to one job, in the words written into its row's Result column. One place answers
// "what does the user read after a 404?".
import { Outcome } from '../shared/api';
import { Job, isFinishedStatus } from './api-job';
import { Answer, jobOf } from './aodocs-answer';

export interface JobOutcome {
  outcome: Outcome;
  result: string;
  httpCode?: number;
  job?: Job;
}

export const SENTENCES = {
  cancelled: 'Cancelled',
  cancelRequested: 'Cancel requested, job still in progress',
  refreshed: 'Status read',
  invalid: 'Invalid job ID',
  severalInRow: 'Several job IDs in one row',
  signIn: 'Sign-in not accepted by AODocs (401)',
  notAdmin: 'Not a library administrator (403)',
  notFound: 'Not found (404)',
  noAnswer: 'AODocs unavailable, try again (no answer)',
} as const;

function already(status: string | undefined): string {
  switch ((status ?? '').toUpperCase()) {
    case 'COMPLETED':
      return 'Already completed';
    case 'FAILED':
      return 'Already failed';
    case 'CANCELLED':
      return 'Already cancelled';
    default:
      return 'Already finished';
  }
}

function failure(answer: Exclude<Answer, { kind: 'ok' }>): JobOutcome {
  if (answer.kind === 'no-answer') return { outcome: 'failed', result: SENTENCES.noAnswer };
  const { code } = answer;
  if (answer.kind === 'unexpected') {
    return { outcome: 'failed', result: `Unexpected answer from AODocs (HTTP ${code})`, httpCode: code };
  }
  if (answer.retryable) return { outcome: 'failed', result: `AODocs unavailable, try again (${code})`, httpCode: code };
  switch (code) {
    case 401:
      return { outcome: 'failed', result: SENTENCES.signIn, httpCode: code };
    case 403:
      return { outcome: 'failed', result: SENTENCES.notAdmin, httpCode: code };
    case 404:
      return { outcome: 'failed', result: SENTENCES.notFound, httpCode: code };
    case 409:
      return { outcome: 'failed', result: 'Changed by someone else at the same time, try again (409)', httpCode: code };
    default:
      return { outcome: 'failed', result: `Refused by AODocs (HTTP ${code})`, httpCode: code };
  }
}

/** 400 and 412 on cancel mean "not possible in the job's current state": the job has most likely ended. */
export function isNotCancellableNow(answer: Answer): answer is Extract<Answer, { kind: 'error' }> {
  return answer.kind === 'error' && (answer.code === 400 || answer.code === 412);
}

/**
 * Outcome of a cancel. `followUp` is the answer to reading the job after a 400/412, so a job cancelled by an
 * earlier attempt whose answer was lost shows its real status rather than an error.
 */
export function cancelOutcome(answer: Answer, followUp?: Answer, earlierSendMayHaveWorked = false): JobOutcome {
  if (answer.kind === 'ok') {
    const job = jobOf(answer);
    if (!job)
      return {
        outcome: 'failed',
        result: `Unexpected answer from AODocs (HTTP ${answer.code})`,
        httpCode: answer.code,
      };
    const status = (job.status ?? '').toUpperCase();
    if (status === 'CANCELLED') return { outcome: 'done', result: SENTENCES.cancelled, httpCode: answer.code, job };
    if (isFinishedStatus(status))
      return { outcome: 'already-finished', result: already(status), httpCode: answer.code, job };
    return { outcome: 'done', result: SENTENCES.cancelRequested, httpCode: answer.code, job };
  }
  if (isNotCancellableNow(answer)) {
    const job = followUp ? jobOf(followUp) : undefined;
    if (earlierSendMayHaveWorked && job?.status?.toUpperCase() === 'CANCELLED') {
      // Our own earlier cancel got through but its answer was lost (a dropped connection).
      return { outcome: 'done', result: SENTENCES.cancelled, httpCode: answer.code, job };
    }
    if (job?.status !== undefined && !isFinishedStatus(job.status)) {
      // Read back as still running: AODocs refuses for another reason (a cancellation already under way?).
      return { outcome: 'failed', result: `Not cancellable now (${answer.code})`, httpCode: answer.code, job };
    }
    // AODocs refuses to cancel a job that has ended. When reading it back failed too, it is still reported as
    // finished (PRODUCT.md: 400/412 is not an error), without a status.
    return { outcome: 'already-finished', result: already(job?.status), httpCode: answer.code, job };
  }
  return failure(answer);
}

/** Outcome of reading a job's status (Refresh status). */
export function refreshOutcome(answer: Answer): JobOutcome {
  if (answer.kind !== 'ok') return failure(answer);
  const job = jobOf(answer);
  if (!job)
    return { outcome: 'failed', result: `Unexpected answer from AODocs (HTTP ${answer.code})`, httpCode: answer.code };
  return { outcome: 'done', result: SENTENCES.refreshed, httpCode: answer.code, job };
}
