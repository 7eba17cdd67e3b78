// The steps a core program (the chunk program, the retry loop) yields for the server to carry out, and what each is
// answered with. A program decides everything between its steps; the server's step runner (server/step-runner.ts)
// performs each with one Apps Script call site and hands the outcome back, never branching on it. Every answer is
// an Attempt: an exception is data for the program, which decides whether it ends the call (rethrown as it came).
import { FetchRequest } from '../aodocs-request';

export type Attempt<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** A request as UrlFetchApp takes it, with its timeout. */
export type TimedRequest = FetchRequest & { timeoutSeconds: number };

/** The steps of an exchange with AODocs; each comment says what the step is answered with. */
export type FetchStep =
  /** The time now, ms since the epoch: number */
  | { kind: 'clock' }
  /** A number in [0, 1) for the backoff's jitter: number */
  | { kind: 'random' }
  /** Wait that long (Utilities.sleep): nothing */
  | { kind: 'sleep'; ms: number }
  /** Whether the user stopped the run (its mark): boolean */
  | { kind: 'is-stopped' }
  /** One wave, all requests together (UrlFetchApp.fetchAll): HttpAnswer[] */
  | { kind: 'fetch-all'; requests: TimedRequest[] }
  /** One request alone (UrlFetchApp.fetch): HttpAnswer */
  | { kind: 'fetch'; request: TimedRequest };

/** End the call with this sentence for the user (a UserFacingError): never answered. */
export type RefuseStep = { kind: 'refuse'; message: string };

/** A program that yields steps of kind S and returns T. */
export type Program<T, S = FetchStep> = Generator<S, T, Attempt<unknown>>;

/** Yields `step`; its answer, exception included. */
export function* attempt<T, S>(step: S): Program<Attempt<T>, S> {
  return (yield step) as Attempt<T>;
}

/** Yields `step`; its value, or its exception thrown again as it came (the call ends as it would have). */
export function* perform<T, S>(step: S): Program<T, S> {
  const answer = yield* attempt<T, S>(step);
  if (!answer.ok) throw answer.error;
  return answer.value;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
