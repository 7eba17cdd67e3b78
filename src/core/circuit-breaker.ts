// The circuit breaker: when every job of a chunk meets the same answer that points at the setup rather than at
// the jobs (a wrong security code, a wrong domain or address, outside requests blocked), the run stops after that
// chunk and says which setting or person can fix it, instead of sending the rest of the selection to the same end.
// A 401 stops the run on its own (chunk-settlement's stopReason); the daily quota too.
import { Answer, FetchFailure } from './aodocs-answer';
import { JobOutcome, isSecurityCodeRefusal } from './job-outcome';
import { SETUP } from './wording';

/** Fewer answers than this prove nothing about the setup (a chunk of one job may simply hold a bad job). */
const MIN_ANSWERS = 2;

const FAILURE_SENTENCE: Record<FetchFailure, string> = {
  'not-allowlisted': SETUP.notAllowlisted,
  'unknown-host': SETUP.unknownHost,
  timeout: SETUP.timeout,
  unreachable: SETUP.unreachable,
  other: SETUP.blocked,
};

/**
 * The sentence that stops the run, or undefined. `answers`: the last answer of each job's request (cancel or
 * read) that was sent; `outcomes`: what each job's row says, in the same order.
 */
export function setupProblem(answers: Answer[], outcomes: JobOutcome[]): string | undefined {
  if (answers.length < MIN_ANSWERS) return undefined;
  if (answers.every(isSecurityCodeRefusal)) return SETUP.securityCode;
  // A 400 that a finished status explains ("Already completed") is about the job; one that nothing explains,
  // for every job, is about the request: the domain or the address.
  if (outcomes.every((o) => o.outcome === 'failed' && o.httpCode === 400)) return SETUP.refused400;
  const causes = new Set(answers.map((a) => (a.kind === 'no-answer' ? (a.cause ?? 'none') : 'answered')));
  const [cause] = [...causes];
  if (causes.size === 1 && cause !== 'answered' && cause !== 'none') return FAILURE_SENTENCE[cause as FetchFailure];
  return undefined;
}
