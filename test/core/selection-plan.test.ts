import { PlanInput, SelectedRange, planSelection } from '../../src/core/selection-plan';

/** A one-column range starting at (row, column). */
const col = (a1: string, row: number, column: number, texts: string[]): SelectedRange => ({
  a1,
  row,
  column,
  texts: texts.map((t) => [t]),
});

const input = (ranges: SelectedRange[], more: Partial<PlanInput> = {}): PlanInput => ({
  ranges,
  headerRow: 1,
  resultColumns: new Set(),
  hiddenRows: new Set(),
  finishedRows: new Set(),
  ...more,
});

const cell = (row: number, column: number) => ({ row, column });

describe('planSelection', () => {
  test('one job per distinct ID, each with every cell that holds it', () => {
    const plan = planSelection(input([col('A2:A5', 2, 1, ['j1', 'j2', 'j1', 'j1'])]));
    expect(plan.jobs).toEqual([
      { jobId: 'j1', cells: [cell(2, 1), cell(4, 1), cell(5, 1)] },
      { jobId: 'j2', cells: [cell(3, 1)] },
    ]);
    expect(plan.summary).toMatchObject({ jobIds: 2, duplicates: 2, invalid: 0 });
    expect(plan.rejected).toEqual([]);
  });

  test('IDs are trimmed before comparing', () => {
    const plan = planSelection(input([col('A2:A3', 2, 1, ['  j1', 'j1\t'])]));
    expect(plan.jobs).toEqual([{ jobId: 'j1', cells: [cell(2, 1), cell(3, 1)] }]);
    expect(plan.summary.duplicates).toBe(1);
  });

  test('blank cells are ignored and counted nowhere', () => {
    const plan = planSelection(input([col('A2:A5', 2, 1, ['', 'j1', '   ', ''])]));
    expect(plan.jobs).toEqual([{ jobId: 'j1', cells: [cell(3, 1)] }]);
    expect(plan.rejected).toEqual([]);
    expect(plan.summary).toMatchObject({ jobIds: 1, duplicates: 0, invalid: 0, hiddenSkipped: 0, finishedSkipped: 0 });
  });

  test('an invalid cell is not sent: its row gets "invalid"', () => {
    const plan = planSelection(input([col('A2:A6', 2, 1, ['j1', 'a/b', '#N/A', 'x'.repeat(257), '..'])]));
    expect(plan.jobs.map((j) => j.jobId)).toEqual(['j1']);
    expect(plan.rejected).toEqual([
      { text: 'a/b', cell: cell(3, 1), problem: 'invalid' },
      { text: '#N/A', cell: cell(4, 1), problem: 'invalid' },
      { text: 'x'.repeat(257), cell: cell(5, 1), problem: 'invalid' },
      { text: '..', cell: cell(6, 1), problem: 'invalid' },
    ]);
    expect(plan.summary.invalid).toBe(4);
  });

  test('hidden rows are skipped and counted', () => {
    const plan = planSelection(input([col('A2:A5', 2, 1, ['j1', 'j2', '', 'j1'])], { hiddenRows: new Set([3, 4, 5]) }));
    expect(plan.jobs).toEqual([{ jobId: 'j1', cells: [cell(2, 1)] }]);
    expect(plan.summary.hiddenSkipped).toBe(2);
    expect(plan.summary.duplicates).toBe(0);
  });

  test('an invalid cell in a hidden row is skipped, not reported as invalid', () => {
    const plan = planSelection(input([col('A2:A2', 2, 1, ['a b'])], { hiddenRows: new Set([2]) }));
    expect(plan.rejected).toEqual([]);
    expect(plan.summary).toMatchObject({ invalid: 0, hiddenSkipped: 1 });
  });

  test('rows that already show a finished status are skipped and counted', () => {
    const plan = planSelection(input([col('A2:A4', 2, 1, ['j1', 'j2', 'j1'])], { finishedRows: new Set([2, 3]) }));
    expect(plan.jobs).toEqual([{ jobId: 'j1', cells: [cell(4, 1)] }]);
    expect(plan.summary).toMatchObject({ finishedSkipped: 2, jobIds: 1, duplicates: 0 });
  });

  test('header rows are never job IDs, nor invalid', () => {
    const plan = planSelection(input([col('A1:A4', 1, 1, ['Job ID', 'j0', 'j1', 'j2'])], { headerRow: 2 }));
    expect(plan.jobs.map((j) => j.jobId)).toEqual(['j1', 'j2']);
    expect(plan.rejected).toEqual([]);
    expect(plan.summary.invalid).toBe(0);
  });

  test('with no header row, row 1 is a candidate', () => {
    const plan = planSelection(input([col('A1:A2', 1, 1, ['j0', 'j1'])], { headerRow: 0 }));
    expect(plan.jobs.map((j) => j.jobId)).toEqual(['j0', 'j1']);
  });

  test('overlapping ranges count each cell once', () => {
    const plan = planSelection(input([col('A2:A4', 2, 1, ['j1', 'j2', 'j3']), col('A3:A5', 3, 1, ['j2', 'j3', 'j4'])]));
    expect(plan.jobs).toEqual([
      { jobId: 'j1', cells: [cell(2, 1)] },
      { jobId: 'j2', cells: [cell(3, 1)] },
      { jobId: 'j3', cells: [cell(4, 1)] },
      { jobId: 'j4', cells: [cell(5, 1)] },
    ]);
    expect(plan.summary).toMatchObject({ jobIds: 4, duplicates: 0 });
  });

  test('an invalid cell covered by two ranges is counted once', () => {
    const plan = planSelection(input([col('A2', 2, 1, ['a b']), col('A2:A3', 2, 1, ['a b', 'j1'])]));
    expect(plan.summary.invalid).toBe(1);
    expect(plan.rejected).toHaveLength(1);
  });

  test('the order of the selection is kept: ranges in the order made, then top to bottom', () => {
    const plan = planSelection(input([col('C10:C11', 10, 3, ['j10', 'j11']), col('A2:A3', 2, 1, ['j2', 'j3'])]));
    expect(plan.jobs.map((j) => j.jobId)).toEqual(['j10', 'j11', 'j2', 'j3']);
    expect(plan.summary.ranges).toEqual(['C10:C11', 'A2:A3']);
  });

  test('a duplicate found in a later range joins the first job, keeping its place', () => {
    const plan = planSelection(input([col('B5:B6', 5, 2, ['x', 'y']), col('B2', 2, 2, ['x'])]));
    expect(plan.jobs).toEqual([
      { jobId: 'x', cells: [cell(5, 2), cell(2, 2)] },
      { jobId: 'y', cells: [cell(6, 2)] },
    ]);
  });

  test('unicode IDs and numbers as text are sent as they read', () => {
    const plan = planSelection(input([col('A2:A4', 2, 1, ['Jöb123', '作業42', '123456789'])]));
    expect(plan.jobs.map((j) => j.jobId)).toEqual(['Jöb123', '作業42', '123456789']);
  });
});
