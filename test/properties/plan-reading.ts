// The one place the suite reads a selection plan, as the sidebar does (hidden rows checked in pieces). When the
// plan API gains its question "which column holds the job IDs?", the answer (the `Job ID` column, which every
// generated sheet names) is given here and nowhere else.
import { readPlanWithHiddenRows } from '../../src/client/plan-driver';
import { PARALLEL_CALLS } from '../../src/core/settings';
import type { KnownHiddenRows, PlanAnswer, SelectionPlan } from '../../src/shared/api';
import type { Addon } from '../support/addon';

export type PlanReading = { ok: true; plan: SelectionPlan } | { ok: false; message: string };

export async function readPlan(addon: Addon, _idColumn: number): Promise<PlanReading> {
  const answer = await readPlanWithHiddenRows({
    readPlan: async (...known: [KnownHiddenRows?]) => addon.plan(...known) as PlanAnswer,
    readHiddenRows: async (request) => addon.bundle.callFromClient('readHiddenRows', request) as number[],
    inFlight: PARALLEL_CALLS,
  });
  if (answer.ok === true) return { ok: true, plan: answer.plan };
  if (answer.ok === false) return { ok: false, message: answer.message };
  // An answer this suite does not know yet (e.g. the ID column question): say so rather than guess.
  throw new Error(`plan-reading.ts does not know this plan answer yet: ${JSON.stringify(answer).slice(0, 300)}`);
}
