// Runs a core program (core/run/steps.ts): performs each step it yields with the handler for that step's kind, and
// hands the outcome back, an exception included, as data. Which step comes next, and what an answer means, is the
// program's to decide; a handler is one Apps Script call site.
import { Attempt, Program } from '../core/run/steps';

/** One handler per step kind of S, each taking its own kind of step. */
export type Handlers<S extends { kind: string }> = { [K in S['kind']]: (step: Extract<S, { kind: K }>) => unknown };

function carryOut<S extends { kind: string }>(step: S, handlers: Handlers<S>): Attempt<unknown> {
  const handler = handlers[step.kind as S['kind']] as (step: S) => unknown;
  try {
    return { ok: true, value: handler(step) };
  } catch (error) {
    return { ok: false, error };
  }
}

export function runProgram<T, S extends { kind: string }>(program: Program<T, S>, handlers: Handlers<S>): T {
  let step = program.next();
  while (!step.done) step = program.next(carryOut(step.value, handlers));
  return step.value;
}
