// Each result that needs a look gets a next step; the rows to select are where those results are (or were).
import { NEXT_STEP, nextStep, rowsToLookAt } from '../../src/core/next-steps';
import type { JobResult } from '../../src/shared/api';

const result = (fields: Partial<JobResult>): JobResult => ({
  jobId: 'j',
  outcome: 'failed',
  result: 'x',
  written: [{ row: 2, column: 1 }],
  moved: [],
  ...fields,
});

test.each<[string, Partial<JobResult>, string | undefined]>([
  ['cancelled', { outcome: 'done', result: 'Cancelled' }, undefined],
  ['already finished', { outcome: 'already-finished', result: 'Already completed' }, undefined],
  [
    'retries ran out',
    { result: 'AODocs unavailable, try again (503)', httpCode: 503, transient: true },
    NEXT_STEP.transient,
  ],
  [
    'accepted, status not read in time',
    { outcome: 'done', result: 'Cancel accepted (204); status not read: ...', transient: true },
    NEXT_STEP.transient,
  ],
  ['401', { result: 'Sign-in not accepted by AODocs (401)', httpCode: 401 }, NEXT_STEP.signIn],
  [
    '403 naming its library',
    { httpCode: 403, libraryId: 'L1' },
    'Ask an administrator of library L1 to cancel it, or to give you administrator rights there.',
  ],
  ['403 without a library', { httpCode: 403 }, NEXT_STEP.forbidden],
  ['403 security code', { httpCode: 403, result: 'AODocs refused the security code (403)' }, NEXT_STEP.securityCode],
  ['404', { httpCode: 404 }, NEXT_STEP.notFound],
  ['400 refused in its state', { httpCode: 400 }, NEXT_STEP.refused],
  ['HTML page', { httpCode: 502 }, NEXT_STEP.unexpected],
  ['gone', { outcome: 'gone', written: [] }, NEXT_STEP.gone],
  ['invalid', { outcome: 'invalid', result: 'Invalid job ID' }, NEXT_STEP.invalid],
])('%s', (_name, fields, step) => {
  expect(nextStep(result(fields))).toBe(step);
});

test.each<[string, Partial<JobResult>, string]>([
  [
    '403 naming its library',
    { httpCode: 403, libraryId: 'L1' },
    'Only administrators of library L1 can read its status: ask one of them for administrator rights there.',
  ],
  [
    '403 without a library',
    { httpCode: 403 },
    'Only administrators of its library can read its status: ask one of them for administrator rights there.',
  ],
  ['404', { httpCode: 404 }, NEXT_STEP.notFound],
])('refresh, %s: nothing about cancelling', (_name, fields, step) => {
  expect(nextStep(result(fields), 'refresh')).toBe(step);
});

test('rows to look at: written rows of results with a next step, and where a moved ID was, sorted, once', () => {
  expect(
    rowsToLookAt([
      result({ written: [{ row: 9, column: 1 }] }),
      result({ outcome: 'done', result: 'Cancelled', written: [{ row: 3, column: 1 }] }),
      result({ outcome: 'gone', written: [], moved: [{ jobId: 'j', from: { row: 5, column: 1 } }] }),
      result({
        written: [{ row: 9, column: 1 }],
        moved: [{ jobId: 'j', from: { row: 4, column: 1 }, to: { row: 7, column: 1 } }],
      }),
    ]),
  ).toEqual([5, 7, 9]);
});
