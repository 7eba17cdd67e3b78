// Drives a core program (src/core/run) the way server/step-runner.ts does, with scripted answers instead of Apps
// Script: each step kind is answered by a handler of the test, a thrown exception being handed back as data.
import { Attempt, Program } from '../../../src/core/run/steps';
import { HttpAnswer } from '../../../src/core/aodocs-answer';

export type ScriptedHandlers<S extends { kind: string }> = {
  [K in S['kind']]?: (step: Extract<S, { kind: K }>) => unknown;
};

/** Runs `program` to its end: its result and every step it yielded, in order. */
export function drive<T, S extends { kind: string }>(
  program: Program<T, S>,
  handlers: ScriptedHandlers<S>,
): { result: T; steps: S[] } {
  const steps: S[] = [];
  let next = program.next();
  while (!next.done) {
    const step = next.value;
    steps.push(step);
    const handler = handlers[step.kind as S['kind']] as ((step: S) => unknown) | undefined;
    if (!handler) throw new Error(`no scripted answer for a step of kind ${step.kind}`);
    let answer: Attempt<unknown>;
    try {
      answer = { ok: true, value: handler(step) };
    } catch (error) {
      answer = { ok: false, error };
    }
    next = program.next(answer);
  }
  return { result: next.value, steps };
}

/** A clock that moves only when the program sleeps, or when a send takes time (`sendMs` per send). */
export function virtualClock(start = 1_000_000, sendMs = 100) {
  let now = start;
  return {
    clock: () => now,
    sleep: (step: { ms: number }) => {
      now += step.ms;
    },
    /** Time passes for one send. */
    send: (ms = sendMs) => {
      now += ms;
    },
    get now() {
      return now;
    },
  };
}

export function http(code: number, body: unknown = {}, headers: Record<string, string> = {}): HttpAnswer {
  return { code, body: JSON.stringify(body), headers };
}

export function aodocsError(code: number, message = 'failed', headers: Record<string, string> = {}): HttpAnswer {
  return http(code, { error: { code, message, errors: [{ reason: 'x', message }] } }, headers);
}

export const job = (jobId: string, status: string) => http(200, { jobId, status, type: 'UPDATE_JOB' });

/** The kinds of the steps, in order, without the clock reads and jitter draws (they come with every send). */
export function kinds<S extends { kind: string }>(steps: S[]): string[] {
  return steps.map((s) => s.kind).filter((k) => k !== 'clock' && k !== 'random');
}
