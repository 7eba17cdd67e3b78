import {
  NO_HEADER_MESSAGE,
  detectHeaderRow,
  headerRowProblem,
  readsLikeHeader,
  targetSheetProblem,
} from '../../src/core/header-row';

/** Row 1 with every one of its columns selected. */
const detect = (frozen: number, row1: string[]) =>
  detectHeaderRow(
    frozen,
    row1,
    row1.map((_, i) => i + 1),
  );

describe('detectHeaderRow', () => {
  test.each<[number, string[]]>([
    [1, ['abc123']],
    [2, ['abc123']],
    [3, ['Job ID']],
    [1, []],
  ])('frozen rows win: %i frozen row(s), row 1 %p', (frozen, row1) => {
    expect(detect(frozen, row1)).toBe(frozen);
  });

  test.each<[string[]]>([
    [['Job ID']],
    [['jobId']],
    [['ID']],
    [['id']],
    [['Job IDs']],
    [['job_id']],
    [['Job-ID']],
    [['AODocs job ID']],
    [['Jobs']],
    [['  Job ID  ']],
    [['Job ID', '']],
    // Only the job ID column is read: a job ID title anywhere in row 1 makes it the header, whatever stands beside.
    [['Job ID', 'abc123XYZ']],
    [['Type', 'Requestor', 'Notes', 'Job ID']],
    // An unfrozen header with a typo, beside one-word titles: titles, and nothing shaped like a job ID.
    [['Jb ID', 'Type', 'Notes']],
    // A one-word title with a typo, alone in the selection (new-user trial: "JobIdd" read as a job ID).
    [['JobIdd']],
    [['jobld']],
    [['AODocsJobId_']],
  ])('row 1 %p is a header', (row1) => {
    expect(detect(0, row1)).toBe(1);
  });

  test.each<[string[]]>([
    [['abc123XYZ']],
    [['123456789']],
    [['Jöb123']],
    [['作業42']],
    [[]],
    [['', '  ']],
    // Data in row 1: a note with spaces reads like a title, but an ID beside it does not.
    [['Rngc1ug8K6WmL3IjZ8', 'MOVE', 'stuck since Monday']],
  ])('row 1 %p is not a header', (row1) => {
    expect(detect(0, row1)).toBe(0);
  });

  // A re-run selects the job IDs together with the result columns the add-on itself titled in row 1.
  test('only the selected columns count when row 1 names no job ID column', () => {
    expect(detectHeaderRow(0, ['Rngc1ug8K6WmL3IjZ8', 'Reference number'], [2])).toBe(1);
    expect(detectHeaderRow(0, ['Rngc1ug8K6WmL3IjZ8', 'Reference number'], [1, 2])).toBe(0);
  });

  test('row 1 with "Job ID" and the result headers the add-on wrote is a header', () => {
    expect(detect(0, ['Job ID', 'Status', 'Result'])).toBe(1);
  });

  // docs/BEHAVIOUR.md: an error value like #N/A is an invalid job ID whose row gets "Invalid job ID"; it does not
  // "read like a header such as Job ID".
  test.each<[string]>([['#N/A']])('row 1 holding the error value %p is not a header', (text) => {
    expect(detect(0, [text])).toBe(0);
  });
});

describe('readsLikeHeader', () => {
  test.each<[string, boolean]>([
    ['Job ID', true],
    ['jobId', true],
    ['JOBID', true],
    ['ID', true],
    ['Job', true],
    ['Jobs to cancel', true],
    ['abc123', false],
    ['Jobber', false],
    ['IDENTITY', false],
    ['j0b1d', false],
    ['JobIdd', true],
    ['JobIs', true],
    ['Jobbers', false],
    ['JobIdxx', false],
    ['RngcJobIdK6WmL3IjZ', false],
  ])('%p → %p', (text, expected) => {
    expect(readsLikeHeader(text)).toBe(expected);
  });
});

test('NO_HEADER_MESSAGE tells the user how to add a header row', () => {
  expect(NO_HEADER_MESSAGE).toMatch(/header row/);
  expect(NO_HEADER_MESSAGE).toContain('Job ID');
});

describe('targetSheetProblem', () => {
  test.each<[string, { name: string; frozenRows: number } | null, number, RegExp | undefined]>([
    ['the sheet as planned', { name: 'Jobs', frozenRows: 1 }, 1, undefined],
    ['an unfrozen header in row 1', { name: 'Jobs', frozenRows: 0 }, 1, undefined],
    ['a deleted sheet', null, 1, /was deleted/],
    ['the log sheet', { name: 'AODocs Jobs log', frozenRows: 1 }, 1, /never rewritten/],
    ['a header frozen lower since the plan', { name: 'Jobs', frozenRows: 2 }, 1, /header row changed/],
  ])('%s', (_name, sheet, headerRow, expected) => {
    const problem = targetSheetProblem(sheet, headerRow);
    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem).toMatch(expected);
  });
});

describe('headerRowProblem', () => {
  test.each<[string, string[], number[], boolean, boolean]>([
    ['a frozen header with titles', ['Job ID', 'Note'], [1], true, false],
    ['an emptied header row', ['', ' '], [1], true, true],
    ['an unfrozen row 1 still titled', ['Job ID', 'Note'], [1], false, false],
    ['an unfrozen row 1 that now holds a job ID', ['RwMUllP8yrBZFx9BWlN', 'n1'], [1], false, true],
    // docs/BEHAVIOUR.md 1.2: the check reads the run's ID column, never the columns of the chunk's cells alone.
    ['an unfrozen row 1 titled in the ID column, a note beside it', ['Job ID', 'n1x2'], [1], false, false],
    ['an unfrozen typo header over the ID column', ['Jb ID', 'Type'], [1], false, false],
    [
      'a frozen row whose ID column holds a job ID (frozen rows are chosen, not guessed)',
      ['abc', 'x'],
      [1],
      true,
      false,
    ],
  ])('%s', (_name, texts, idColumns, frozen, refused) => {
    expect(headerRowProblem(texts, idColumns, frozen) !== undefined).toBe(refused);
  });
});
