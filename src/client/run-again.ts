// What "Run again" sends: the jobs a run left unanswered or unsent, as a plan of their own. Kept apart from the
// panel (no DOM) so that tests of the whole add-on can run it.
import type { PlannedJob, SelectionPlan } from '../shared/api';
import { a1 } from '../core/log-rows';

/**
 * A plan for the jobs `jobIds` only (those AODocs could not answer, and those a stop left unsent), from the plan
 * of the run that met them: the same sheet, header row and chunk figures, no rejected cell, and a summary that
 * counts them.
 */
export function planForAgain(plan: SelectionPlan, jobIds: Iterable<string>): SelectionPlan {
  const ids = new Set(jobIds);
  const jobs: PlannedJob[] = plan.jobs.filter((j) => ids.has(j.jobId));
  const cells = jobs.flatMap((j) => j.cells).sort((x, y) => x.row - y.row || x.column - y.column);
  return {
    ...plan,
    jobs,
    rejected: [],
    summary: {
      ...plan.summary,
      ranges: cells.map(a1),
      jobIds: jobs.length,
      duplicates: cells.length - jobs.length,
      invalid: 0,
      ignoredCells: 0,
      hiddenSkipped: 0,
      finishedSkipped: 0,
    },
  };
}
