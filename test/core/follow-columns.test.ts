// docs/BEHAVIOUR.md 4, "Writing results": a result may follow its job ID to another row only when the ID occurs
// in the ID column exactly as many times as the run selected it; a copy of the ID in a row the user did not select
// is never written. withFollowColumns decides, when the plan is made, the columns where that holds.
import { PlannedJob } from '../../src/shared/api';
import { withFollowColumns } from '../../src/core/selection-plan';

const job = (jobId: string, ...cells: [row: number, column: number][]): PlannedJob => ({
  jobId,
  cells: cells.map(([row, column]) => ({ row, column })),
});

/** Column texts below the header, trimmed, as the server reads them. */
const columns = (entries: [number, string[]][]): Map<number, string[]> => new Map(entries);

describe('withFollowColumns', () => {
  test('an ID once in its column and selected once: the column is listed', () => {
    const [out] = withFollowColumns([job('J1', [3, 1])], columns([[1, ['J0', 'J1', '', 'J2']]]));
    expect(out.followColumns).toEqual([1]);
  });

  test('an ID also in a row the user did not select: the column is not listed', () => {
    const [out] = withFollowColumns([job('J1', [3, 1])], columns([[1, ['J0', 'J1', '', 'J1']]]));
    expect(out.followColumns).toEqual([]);
  });

  test('an ID selected twice and present twice: the column is listed', () => {
    const [out] = withFollowColumns([job('J1', [3, 1], [5, 1])], columns([[1, ['J0', 'J1', '', 'J1']]]));
    expect(out.followColumns).toEqual([1]);
  });

  test('two columns: each is judged on its own', () => {
    const jobs = [job('J1', [3, 1], [4, 3]), job('J2', [5, 1], [6, 3])];
    const texts = columns([
      [1, ['', 'J1', '', 'J2', '']],
      [3, ['J1', '', 'J1', '', 'J2']],
    ]);
    const [j1, j2] = withFollowColumns(jobs, texts);
    // J1 occurs once in column 1 (selected once) but twice in column 3 (selected once there).
    expect(j1.followColumns).toEqual([1]);
    // J2 occurs once in each column, selected once in each.
    expect([...(j2.followColumns ?? [])].sort()).toEqual([1, 3]);
  });

  test('a column the server did not read is not listed', () => {
    const [out] = withFollowColumns([job('J1', [3, 2])], columns([[1, ['J1']]]));
    expect(out.followColumns).toEqual([]);
  });

  test('an ID that occurs in the column only as part of another text does not count', () => {
    const [out] = withFollowColumns([job('J1', [3, 1])], columns([[1, ['J1', 'J10', 'xJ1']]]));
    expect(out.followColumns).toEqual([1]);
  });

  test('keeps each job its ID and cells, in order', () => {
    const jobs = [job('J1', [3, 1]), job('J2', [4, 1])];
    const out = withFollowColumns(jobs, columns([[1, ['J1', 'J2']]]));
    expect(out.map((j) => ({ jobId: j.jobId, cells: j.cells }))).toEqual(jobs);
  });
});
