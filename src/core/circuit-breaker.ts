// The circuit breaker: when the jobs of a chunk meet an answer that points at the setup rather than at the jobs
// (a wrong security code, a wrong domain or address, outside requests failing the same way), the run stops after
// that chunk and says which setting or person can fix it, instead of sending the rest of the selection to the
// same end. A 401 stops the run on its own (chunk-settlement's stopReason); the daily quota too.
import type { AuthModeName, JobAction } from '../shared/api';
import { Answer, FetchFailure, isNotFound } from './aodocs-answer';
import { isSecurityCodeRefusal, libraryIdOf } from './job-outcome';
import { SETUP } from './wording';

/** Fewer jobs than this prove nothing about the setup (one job may simply be a bad one). */
const MIN_JOBS = 2;

const FAILURE_SENTENCE: Record<FetchFailure, string> = {
  'not-allowlisted': SETUP.notAllowlisted,
  'unknown-host': SETUP.unknownHost,
  timeout: SETUP.timeout,
  unreachable: SETUP.unreachable,
  other: SETUP.sameFailure,
};

/** One job of the chunk: the last answer to its request, and to reading it back when that was needed. */
export interface JobAnswers {
  answer: Answer;
  readBack?: Answer;
}

const codeOf = (a: Answer | undefined) => (a === undefined || a.kind === 'no-answer' ? undefined : a.code);

/**
 * A 400 nothing about the job explains: the request itself was refused, and so was reading the job (400, or a 404
 * that is not AODocs' `notFound`), which a wrong domain or address does to every request. A read that found the
 * job, that AODocs answered `notFound` (the job does not exist: an answer about the job), or that was not done,
 * proves nothing against the setup.
 */
function refusedAsARequest(action: JobAction, job: JobAnswers): boolean {
  if (codeOf(job.answer) !== 400) return false;
  if (action === 'refresh') return true;
  const read = job.readBack;
  return codeOf(read) === 400 || (codeOf(read) === 404 && read !== undefined && !isNotFound(read));
}

/**
 * The sentence that stops the run, or undefined. `authMode`: how the run signs in (a 403 for every job means a
 * refused security code in that mode, whatever AODocs' message says: AODocs may reword it).
 */
export function setupProblem(
  action: JobAction,
  jobs: JobAnswers[],
  authMode: AuthModeName = 'identity-token',
): string | undefined {
  // A refused security code is never about the job: one is enough.
  if (jobs.some((j) => isSecurityCodeRefusal(j.answer))) return SETUP.securityCode;
  if (jobs.length < MIN_JOBS) return undefined;
  // docs/BEHAVIOUR.md 2.4: in security-code mode a 403 for every job points at the code, whatever its wording,
  // unless AODocs names each job's library: then it is about the jobs (foreign IDs at the top never stop a run).
  if (
    authMode === 'security-code' &&
    jobs.every((j) => codeOf(j.answer) === 403 && libraryIdOf(j.answer) === undefined)
  )
    return SETUP.securityCode;
  // Jobs left unanswered (their fetchAll failed, and the one-by-one resend stopped at a refused setup) say nothing:
  // the others decide.
  const answered = jobs.filter((j) => j.answer.kind !== 'no-answer');
  if (answered.length >= MIN_JOBS && answered.every((j) => refusedAsARequest(action, j))) return SETUP.refused400;
  // Requests that never went out (time or quota) carry no cause and say nothing about the setup.
  const tried = jobs.filter((j) => j.answer.kind !== 'no-answer' || j.answer.cause !== undefined);
  const causes = new Set(tried.map((j) => (j.answer.kind === 'no-answer' ? j.answer.cause : 'answered')));
  const [cause] = [...causes];
  if (tried.length >= MIN_JOBS && causes.size === 1 && cause !== 'answered' && cause !== undefined) {
    return FAILURE_SENTENCE[cause];
  }
  return undefined;
}

/**
 * A job ID no job has, read to tell a refused security code from jobs the user may not cancel: AODocs answers 404
 * `notFound` when it accepts the code, 403 when it refuses it. Well formed, so that only the sign-in can fail.
 */
export const CODE_PROBE_JOB_ID = 'aodocsJobsCodeProbe00';

/**
 * Whether the breaker's verdict on a chunk needs that probe: it blames the security code for a 403 on every job
 * while AODocs' message did not say "Invalid security code" (it may reword it, and then five foreign IDs at the
 * top look the same as a refused code). `sent`: the chunk's last answers.
 */
export function codeProbeNeeded(problem: string | undefined, sent: ({ answer: Answer } | undefined)[]): boolean {
  return problem === SETUP.securityCode && !sent.some((s) => s !== undefined && isSecurityCodeRefusal(s.answer));
}

/** The verdict once the probe answered: AODocs' own 404 `notFound` clears the code; anything else keeps it. */
export function afterCodeProbe(problem: string | undefined, probe: Answer | undefined): string | undefined {
  return problem === SETUP.securityCode && probe !== undefined && isNotFound(probe) ? undefined : problem;
}
