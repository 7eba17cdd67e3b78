/**
 * @jest-environment jsdom
 */
// The end screen names every row a run could not write (docs/BEHAVIOUR.md: "the sidebar says which rows could not be
// written"), and where its result is kept.
import { endHeadlineOf, endView } from '../../src/client/views';
import type { RunEnd } from '../../src/client/run-driver';
import type { JobResult } from '../../src/shared/api';

function end(results: JobResult[]): RunEnd {
  return {
    jobsTotal: results.length,
    jobsDone: results.length,
    rejectedTotal: 0,
    rejectedDone: 0,
    chunksDone: 1,
    results,
    notSent: 0,
    unsent: [],
  };
}

const cancelled = (jobId: string, extra: Partial<JobResult>): JobResult => ({
  jobId,
  outcome: 'done',
  result: 'Cancelled',
  httpCode: 200,
  status: 'CANCELLED',
  written: [],
  moved: [],
  ...extra,
});

test('rows not written are listed one by one, each saying where its result is kept', () => {
  const view = endView(
    'cancel',
    end([
      cancelled('J1', { notWritten: [{ row: 4, column: 1 }], logged: true }),
      cancelled('J2', { notWritten: [{ row: 7, column: 1 }] }),
      cancelled('J3', { written: [{ row: 9, column: 1 }], logged: true }),
    ]),
    document.createElement('div'),
  );
  const items = [...view.querySelectorAll('[data-testid="not-written-item"]')].map((li) => li.textContent);
  expect(items).toEqual([
    'J1Row 4 was not written (Cancelled); it is in the "AODocs Jobs log" sheet.',
    'J2Row 7 was not written (Cancelled); it is only here.',
  ]);
  expect(view.querySelector('#problems-title')?.textContent).toBe('Rows not written');
});

test('a run whose rows were all written lists nothing', () => {
  const view = endView(
    'cancel',
    end([cancelled('J3', { written: [{ row: 9, column: 1 }], logged: true })]),
    document.createElement('div'),
  );
  expect(view.querySelector('[data-testid="problem-list"]')).toBeNull();
});

// Hostile review: "Done: 3 cancelled" when one of the three read IN_PROGRESS after AODocs accepted its cancel.
test('a cancel AODocs accepted while the job still runs is counted as requested, not cancelled', () => {
  const requested = cancelled('J3', { result: 'Cancel requested, job still running', status: 'IN_PROGRESS' });
  const view = endView('cancel', end([cancelled('J1', {}), cancelled('J2', {}), requested]));
  expect(view.textContent).toContain('Done: 2 cancelled, 1 cancel requested');
  expect(view.querySelector('[data-testid="result-requested"]')?.textContent).toContain('1');
  expect(endHeadlineOf('cancel', end([cancelled('J1', {})]))).toBe('Done: 1 cancelled');
});

// New-user trial: the summary said "Rows already finished (skipped) 6", and the end screen forgot them.
test('the rows the plan left out are named again on the end screen', () => {
  const view = endView('cancel', end([cancelled('J1', {})]), document.createElement('div'), { finished: 6, hidden: 2 });
  expect(view.querySelector('[data-testid="left-out"]')?.textContent).toBe(
    'Left out, not sent: 6 rows already finished (Skip finished rows), 2 hidden rows (Skip hidden and filtered rows).',
  );
  expect(
    endView('cancel', end([]), document.createElement('div')).querySelector('[data-testid="left-out"]'),
  ).toBeNull();
});
