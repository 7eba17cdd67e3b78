// docs/BEHAVIOUR.md 1, "The selection" (and, for followColumns, "Writing results into the row"), checked against
// planFromSheet through a fake sheet: a 2-D array of displayed texts the driver answers every read from. The driver
// refuses any read outside the sheet's data (whole-column selections must be clipped) and records every read, so
// the tests can say how much was read and whether hidden rows were asked about.
import { CellRef, HiddenRowsCheck, KnownHiddenRows, PlanAnswer, SelectionPlan } from '../../src/shared/api';
import { NO_HEADER_MESSAGE } from '../../src/core/header-row';
import { HIDDEN_ROWS_CHECK_MAX, addRound, hiddenRowsPieces, tooManyRowsToCheck } from '../../src/core/hidden-rows';
import { LOG_SHEET_NAME } from '../../src/core/log-rows';
import { RangeArea, SheetFrame, SheetRead, planFromSheet } from '../../src/core/selection-planner';
import { DEFAULT_SETTINGS, Settings } from '../../src/core/settings';
import { NO_SELECTION } from '../../src/core/wording';

// ---------------------------------------------------------------------------------------------------------------
// The fake sheet and the driver

/** A new sheet's grid, as Apps Script reports a whole-column or whole-row selection. */
const GRID_ROWS = 1_000_000;
const GRID_COLUMNS = 26;
const SHEET_ID = 7;

/** A rectangle of a texts read (typed from SheetRead, whatever the module exports). */
type Rectangle = Extract<SheetRead, { kind: 'texts' }>['rectangles'][number];

interface FakeSheet {
  /** Displayed texts, row 1 first; missing cells are blank. */
  rows: string[][];
  hidden?: Iterable<number>;
  frozenRows?: number;
  name?: string;
  id?: number;
}

interface Run {
  answer: PlanAnswer;
  reads: SheetRead[];
  /** Every rectangle of every texts read, in order. */
  rectangles: Rectangle[];
  /** The rows of every hidden-rows read, in order. */
  hiddenAsked: number[][];
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const a1Of = (cell: CellRef) => `${columnLetters(cell.column)}${cell.row}`;

/** A selected range as Apps Script describes it: `A2:B5`, `C7`, `A:A` (whole column), `3:4` (whole rows). */
function area(a1: string): RangeArea {
  const m = /^([A-Z]*)(\d*)(?::([A-Z]*)(\d*))?$/.exec(a1);
  if (!m) throw new Error(`Not an A1 range: ${a1}`);
  const [, c1, r1, c2 = c1, r2 = r1] = m;
  const row = r1 ? Number(r1) : 1;
  const lastRow = r2 ? Number(r2) : GRID_ROWS;
  const column = c1 ? columnNumber(c1) : 1;
  const lastColumn = c2 ? columnNumber(c2) : GRID_COLUMNS;
  return { a1, row, column, numRows: lastRow - row + 1, numColumns: lastColumn - column + 1 };
}

/** getLastRow / getLastColumn: the last row and column holding anything. */
function extent(rows: string[][]): { lastRow: number; lastColumn: number } {
  let lastRow = 0;
  let lastColumn = 0;
  rows.forEach((cells, i) => {
    cells.forEach((text, j) => {
      if (text !== '') {
        lastRow = Math.max(lastRow, i + 1);
        lastColumn = Math.max(lastColumn, j + 1);
      }
    });
  });
  return { lastRow, lastColumn };
}

function frameOf(sheet: FakeSheet, selection: string[] | null): SheetFrame {
  return {
    sheetId: sheet.id ?? SHEET_ID,
    sheetName: sheet.name ?? 'Jobs',
    ...extent(sheet.rows),
    frozenRows: sheet.frozenRows ?? 0,
    ranges: selection?.map(area) ?? null,
  };
}

const settingsWith = (overrides: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...overrides });

/** Runs the planner to its answer, answering each read from the fake sheet. */
function plan(
  sheet: FakeSheet,
  selection: string[] | null,
  overrides: Partial<Settings> = {},
  known?: KnownHiddenRows,
  rememberedIdColumn?: { column: number; header: string },
  askIdColumn = false,
): Run {
  const frame = { ...frameOf(sheet, selection), rememberedIdColumn, askIdColumn };
  const { lastRow, lastColumn } = frame;
  const hidden = new Set(sheet.hidden ?? []);
  const run: Omit<Run, 'answer'> = { reads: [], rectangles: [], hiddenAsked: [] };
  const planner = planFromSheet(frame, settingsWith(overrides), known);
  let step = planner.next();
  while (!step.done) {
    const read = step.value;
    run.reads.push(read);
    if (run.reads.length > 20) throw new Error('The planner keeps reading');
    let reply: unknown;
    if (read.kind === 'texts') {
      expect(read.rectangles.length).toBeGreaterThan(0);
      reply = read.rectangles.map((r) => {
        run.rectangles.push(r);
        const inside =
          r.row >= 1 &&
          r.column >= 1 &&
          r.numRows >= 1 &&
          r.numColumns >= 1 &&
          r.row + r.numRows - 1 <= lastRow &&
          r.column + r.numColumns - 1 <= lastColumn;
        if (!inside) throw new Error(`Read outside the data (${lastRow} x ${lastColumn}): ${JSON.stringify(r)}`);
        return Array.from({ length: r.numRows }, (_, i) =>
          Array.from({ length: r.numColumns }, (_, j) => sheet.rows[r.row - 1 + i]?.[r.column - 1 + j] ?? ''),
        );
      });
    } else {
      run.hiddenAsked.push(read.rows);
      for (const row of read.rows) {
        if (!Number.isInteger(row) || row < 1 || row > lastRow) throw new Error(`Hidden state asked for row ${row}`);
      }
      expect(new Set(read.rows).size).toBe(read.rows.length);
      reply = read.rows.filter((row) => hidden.has(row));
    }
    step = planner.next(reply);
  }
  return { answer: step.value, ...run };
}

function planOf(run: Run): SelectionPlan {
  if (run.answer.ok !== true) throw new Error(`Expected a plan, got ${JSON.stringify(run.answer)}`);
  return run.answer.plan;
}

function refusalOf(run: Run): string {
  if (run.answer.ok !== false) throw new Error(`Expected a refusal, got ${JSON.stringify(run.answer).slice(0, 300)}`);
  return run.answer.message;
}

function checkRequestOf(run: Run): HiddenRowsCheck {
  if (run.answer.ok !== 'check-hidden-rows') {
    throw new Error(`Expected a hidden-rows check, got ${JSON.stringify(run.answer).slice(0, 300)}`);
  }
  return run.answer.request;
}

/** The plan's jobs as `jobId: [A1 of each cell]`, in plan order. */
const jobsOf = (p: SelectionPlan) => p.jobs.map((j) => [j.jobId, j.cells.map(a1Of)]);
const jobIdsOf = (p: SelectionPlan) => p.jobs.map((j) => j.jobId);
const rejectedOf = (p: SelectionPlan) => p.rejected.map((r) => [a1Of(r.cell), r.problem, r.text]);

/** A sheet of one column: a header and one text per row below it. */
const idColumn = (header: string, texts: string[]): string[][] => [[header], ...texts.map((t) => [t])];

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** The message names `n`, written plainly or with thousands separators. */
const mentions = (message: string, n: number) =>
  new RegExp(`(^|[^\\d,])(${n}|${n.toLocaleString('en-US')})(?![\\d,]\\d)`).test(message);

const hiddenReads = (run: Run) => run.reads.filter((r) => r.kind === 'hidden-rows').length;

// ---------------------------------------------------------------------------------------------------------------

describe('planFromSheet: nothing to plan', () => {
  test.each<[string, FakeSheet, string[] | null, string | RegExp]>([
    ['nothing selected', { rows: idColumn('Job ID', ['J1', 'J2']) }, null, NO_SELECTION],
    ['an empty sheet', { rows: [] }, ['A1'], NO_SELECTION],
    ['an empty sheet, whole column selected', { rows: [] }, ['A:A'], NO_SELECTION],
    ['the log sheet', { name: LOG_SHEET_NAME, rows: idColumn('Job ID', ['J1']) }, ['A2'], /AODocs Jobs log/],
  ])('%s: refused, nothing read', (_name, sheet, selection, message) => {
    const run = plan(sheet, selection);
    if (typeof message === 'string') expect(refusalOf(run)).toBe(message);
    else expect(refusalOf(run)).toMatch(message);
    expect(run.reads).toEqual([]);
  });

  test.each<[string, string[][], string[]]>([
    ['row 1 holds job IDs', [['J1'], ['J2'], ['J3']], ['A1:A3']],
    ['row 1 holds job IDs, the selection starts below it', [['J1'], ['J2'], ['J3']], ['A2:A3']],
    ['row 1 holds an error value', [['#N/A'], ['J2'], ['J3']], ['A1:A3']],
  ])('no header row (%s, nothing frozen): refused with the header message', (_name, rows, selection) => {
    const run = plan({ rows }, selection);
    expect(refusalOf(run)).toBe(NO_HEADER_MESSAGE);
  });

  test('a selection of blank cells only: refused, nothing planned', () => {
    const run = plan({ rows: [['Job ID'], ['J2'], [''], ['  '], ['J5']] }, ['A3:A4']);
    expect(run.answer.ok).toBe(false);
  });

  // Spec: the header is "row 1 when its selected cell reads like a header such as Job ID". Here row 1's cell of
  // the selected column reads `Job ID`; the selection is blank (below the data), so there is nothing to run, but
  // telling the user to add a header row they already have is wrong.
  test('blank cells below the data under a "Job ID" header: refused, but not for lack of a header row', () => {
    const run = plan({ rows: idColumn('Job ID', ['J2', 'J3']) }, ['A10:A12']);
    expect(refusalOf(run)).not.toBe(NO_HEADER_MESSAGE);
  });
});

describe('planFromSheet: the header row', () => {
  test.each<[string, FakeSheet, string[], number, string[]]>([
    ['row 1 titled "Job ID", selected', { rows: idColumn('Job ID', ['J2', 'J3']) }, ['A1:A3'], 1, ['J2', 'J3']],
    ['row 1 titled "Job ID", not selected', { rows: idColumn('Job ID', ['J2', 'J3']) }, ['A2:A3'], 1, ['J2', 'J3']],
    ['row 1 titled "ID"', { rows: idColumn('ID', ['J2', 'J3']) }, ['A1:A3'], 1, ['J2', 'J3']],
    ['row 1 titled "JobId"', { rows: idColumn('JobId', ['J2', 'J3']) }, ['A1:A3'], 1, ['J2', 'J3']],
    ['row 1 titled "job id"', { rows: idColumn('job id', ['J2', 'J3']) }, ['A1:A3'], 1, ['J2', 'J3']],
    ['row 1 titled "Jobs"', { rows: idColumn('Jobs', ['J2', 'J3']) }, ['A:A'], 1, ['J2', 'J3']],
    [
      'frozen row 1 that reads like a job ID',
      { frozenRows: 1, rows: idColumn('J1', ['J2', 'J3']) },
      ['A1:A3'],
      1,
      ['J2', 'J3'],
    ],
    [
      'frozen row 2 (row 1 a title)',
      { frozenRows: 2, rows: [['Jobs to stop'], ['JobId'], ['J3'], ['J4']] },
      ['A2:A4'],
      2,
      ['J3', 'J4'],
    ],
    [
      'frozen row 2 that reads like a job ID',
      { frozenRows: 2, rows: [['Jobs to stop'], ['J2'], ['J3'], ['J4']] },
      ['A2:A4'],
      2,
      ['J3', 'J4'],
    ],
  ])('%s: header row %i, never a job ID', (_name, sheet, selection, headerRow, jobIds) => {
    const p = planOf(plan(sheet, selection));
    expect(p.headerRow).toBe(headerRow);
    expect(jobIdsOf(p)).toEqual(jobIds);
    expect(p.rejected).toEqual([]);
  });
});

describe('planFromSheet: clipping to the data', () => {
  const big = idColumn(
    'Job ID',
    range(2, 2000).map((r) => `J${r}`),
  );

  test('A:A on a 2,000-row sheet reads 2,000 rows, not the 1,000,000-row grid', () => {
    const selection = area('A:A');
    expect(selection.numRows).toBe(GRID_ROWS);
    const run = plan({ rows: big }, ['A:A'], { skipHiddenRows: false });
    const p = planOf(run);
    expect(p.jobs).toHaveLength(1999);
    expect(p.jobs[0]).toMatchObject({ jobId: 'J2', cells: [{ row: 2, column: 1 }] });
    expect(p.jobs[1998]).toMatchObject({ jobId: 'J2000', cells: [{ row: 2000, column: 1 }] });
    expect(p.summary.ranges).toEqual(['A:A']);
    // The selection itself: one rectangle of the data's rows.
    expect(run.rectangles[0]).toEqual({ row: 1, column: 1, numRows: 2000, numColumns: 1 });
    // Every read lies inside the data (the driver checks it); all of them together stay a few columns' worth.
    const cellsRead = run.rectangles.reduce((n, r) => n + r.numRows * r.numColumns, 0);
    expect(cellsRead).toBeLessThanOrEqual(3 * 2000);
  });

  test('A:A with hidden rows skipped: the rows to check are the 1,999 rows below the header, not the grid', () => {
    const run = plan({ rows: big }, ['A:A']);
    const request = checkRequestOf(run);
    expect([...request.rows].sort((a, b) => a - b)).toEqual(range(2, 2000));
    expect(request.sheetId).toBe(SHEET_ID);
    expect(hiddenReads(run)).toBe(0);
  });

  test.each<[string, string[], string[]]>([
    ['whole rows 2:3', ['2:3'], ['J2', 'J3']],
    ['a range reaching past the last row', ['A2:A5000'], ['J2', 'J3', 'J4']],
    ['a range reaching past the last column', ['A2:Z3'], ['J2', 'J3']],
    ['a range partly below the data, with another inside it', ['A3:A4', 'A50:A60'], ['J3', 'J4']],
  ])('%s: clipped to the data', (_name, selection, jobIds) => {
    const rows = [
      ['Job ID', 'Status'],
      ['J2', 'IN_PROGRESS'],
      ['J3', ''],
      ['J4', ''],
    ];
    const run = plan({ rows }, selection);
    expect(jobIdsOf(planOf(run))).toEqual(jobIds);
  });
});

describe('planFromSheet: ranges, blanks, duplicates', () => {
  const rows = idColumn('Job ID', ['J2', 'J3', 'J4', 'J5', 'J6', 'J7']);

  test('several ranges: job IDs and ranges in the order the user made them', () => {
    const p = planOf(plan({ rows }, ['A5:A6', 'A2:A3']));
    expect(p.summary.ranges).toEqual(['A5:A6', 'A2:A3']);
    expect(jobsOf(p)).toEqual([
      ['J5', ['A5']],
      ['J6', ['A6']],
      ['J2', ['A2']],
      ['J3', ['A3']],
    ]);
  });

  test.each<[string, string[], string[]]>([
    ['overlapping ranges', ['A2:A4', 'A3:A5'], ['J2', 'J3', 'J4', 'J5']],
    ['a range inside another', ['A2:A5', 'A3:A4'], ['J2', 'J3', 'J4', 'J5']],
    ['the same range twice', ['A2:A5', 'A2:A5'], ['J2', 'J3', 'J4', 'J5']],
    ['a cell, then its column', ['A4', 'A2:A5'], ['J4', 'J2', 'J3', 'J5']],
  ])('%s: each cell counted once', (_name, selection, jobIds) => {
    const p = planOf(plan({ rows }, selection));
    expect(jobsOf(p)).toEqual(jobIds.map((id) => [id, [`A${id.slice(1)}`]]));
    expect(p.summary).toMatchObject({ jobIds: 4, duplicates: 0, invalid: 0 });
    expect(p.summary.ranges).toEqual(selection);
  });

  test('blank cells are ignored: not sent, not rejected, counted nowhere', () => {
    const p = planOf(plan({ rows: idColumn('Job ID', ['J2', '', '   ', '\t', 'J6']) }, ['A2:A6']));
    expect(jobsOf(p)).toEqual([
      ['J2', ['A2']],
      ['J6', ['A6']],
    ]);
    expect(p.rejected).toEqual([]);
    expect(p.summary).toMatchObject({
      jobIds: 2,
      duplicates: 0,
      invalid: 0,
      hiddenSkipped: 0,
      finishedSkipped: 0,
    });
  });

  test('displayed texts are trimmed: " J2 " is J2, and a duplicate of "J2"', () => {
    const p = planOf(plan({ rows: idColumn('Job ID', [' J2 ', 'J2', '\tJ4']) }, ['A2:A4']));
    expect(jobsOf(p)).toEqual([
      ['J2', ['A2', 'A3']],
      ['J4', ['A4']],
    ]);
  });

  test.each<[string, string[][], string[], [string, string[]][], number]>([
    [
      'in one column',
      idColumn('Job ID', ['J1', 'J2', 'J1', 'J3', 'J1']),
      ['A2:A6'],
      [
        ['J1', ['A2', 'A4', 'A6']],
        ['J2', ['A3']],
        ['J3', ['A5']],
      ],
      2,
    ],
    [
      'across ranges of the ID column',
      [['Job ID'], ['J1'], ['J2'], ['J1']],
      ['A2:A3', 'A4'],
      [
        ['J1', ['A2', 'A4']],
        ['J2', ['A3']],
      ],
      1,
    ],
  ])('duplicates %s: one job with every cell', (_name, rows, selection, jobs, duplicates) => {
    const p = planOf(plan({ rows }, selection));
    expect(jobsOf(p)).toEqual(jobs);
    expect(p.summary).toMatchObject({ jobIds: jobs.length, duplicates });
  });
});

describe('planFromSheet: invalid job IDs', () => {
  test.each<[string, string]>([
    ['a space inside', 'J 1'],
    ['a tab inside', 'J\t1'],
    ['a no-break space inside', 'J\u00a01'],
    ['a control character', 'J\u00071'],
    ['a zero-width space', 'J\u200b1'],
    ['a slash', 'a/b'],
    ['a question mark', 'a?b'],
    ['a hash', 'a#b'],
    ['a percent sign', 'a%2Fb'],
    ['a backslash', 'a\\b'],
    ['a dot', '.'],
    ['two dots', '..'],
    ['257 characters', 'x'.repeat(257)],
    ['an error value #N/A', '#N/A'],
    ['an error value #REF!', '#REF!'],
  ])('%s: rejected as invalid, never planned', (_name, text) => {
    const p = planOf(plan({ rows: idColumn('Job ID', [text, 'J3']) }, ['A2:A3']));
    expect(jobIdsOf(p)).toEqual(['J3']);
    expect(rejectedOf(p)).toEqual([['A2', 'invalid', text]]);
    expect(p.summary).toMatchObject({ jobIds: 1, invalid: 1 });
  });

  test.each<[string, string]>([
    ['256 characters', 'x'.repeat(256)],
    ['three dots', '...'],
    ['dashes, underscores, dots and colons', 'job-1_a.b:c'],
    ['non-ASCII letters', 'jöb-ß'],
  ])('%s: a valid job ID', (_name, text) => {
    const p = planOf(plan({ rows: idColumn('Job ID', [text]) }, ['A2']));
    expect(jobIdsOf(p)).toEqual([text]);
    expect(p.rejected).toEqual([]);
  });

  test('several invalid cells: each row rejected, none planned, all counted', () => {
    const p = planOf(plan({ rows: idColumn('Job ID', ['a/b', '#N/A', '..']) }, ['A2:A4']));
    expect(p.jobs).toEqual([]);
    expect(rejectedOf(p)).toEqual([
      ['A2', 'invalid', 'a/b'],
      ['A3', 'invalid', '#N/A'],
      ['A4', 'invalid', '..'],
    ]);
    expect(p.summary.invalid).toBe(3);
  });
});

describe('planFromSheet: only the job ID column is read', () => {
  // An admin's sheet: notes, types and requestors beside the IDs, some shaped like IDs, some not IDs at all.
  const rows = [
    ['Job ID', 'Type', 'Requestor', 'Notes'],
    ['J2', 'MOVE', 'ann@example.com', 'see ticket 4711'],
    ['J3', 'IMPORT', 'bob@example.com', 'Ref7Xy99'],
    ['J2', 'MOVE', '', 'a/b'],
  ];

  test.each<[string, string[]]>([
    ['whole rows', ['2:4']],
    ['a rectangle over every column', ['A2:D4']],
    ['the ID column and the notes apart', ['A2:A4', 'D2:D4']],
  ])('%s: notes, types and requestors are never candidates, never invalid, counted as ignored', (_n, selection) => {
    const p = planOf(plan({ rows }, selection));
    expect(jobsOf(p)).toEqual([
      ['J2', ['A2', 'A4']],
      ['J3', ['A3']],
    ]);
    expect(p.rejected).toEqual([]);
    expect(p.idColumn).toBe(1);
    expect(p.summary).toMatchObject({
      jobIds: 2,
      duplicates: 1,
      invalid: 0,
      idColumn: { column: 1, letter: 'A', header: 'Job ID', source: 'header' },
    });
    const selectedOutside = selection.includes('A2:A4') ? 3 : 8;
    expect(p.summary.ignoredCells).toBe(selectedOutside);
  });

  test('the ID column is where the header says, also when it is not the first column', () => {
    const moved = rows.map(([id, type, who, note]) => [type, who, note, id]);
    const p = planOf(plan({ rows: moved }, ['2:4']));
    expect(p.idColumn).toBe(4);
    expect(jobIdsOf(p)).toEqual(['J2', 'J3']);
  });

  // Hostile review: "Job | Job ID" made the Job column the ID column, and every valid row "Invalid job ID".
  test.each<[string[]]>([[['Job', 'Job ID', 'Requestor']], [['Job', 'AODocs ID']], [['Jobs', 'ID']]])(
    'a "Job" column beside the ID column is not the ID column: %p',
    (header) => {
      const p = planOf(plan({ rows: [header, ['Move folder', 'J2', 'ann']] }, ['2:2']));
      expect(p.idColumn).toBe(2);
      expect(jobIdsOf(p)).toEqual(['J2']);
      expect(p.rejected).toEqual([]);
    },
  );

  test('a title that says "job" wins over a bare "ID" column', () => {
    const p = planOf(
      plan(
        {
          rows: [
            ['ID', 'Job ID'],
            ['1', 'J2'],
          ],
        },
        ['2:2'],
      ),
    );
    expect(p.idColumn).toBe(2);
    expect(jobIdsOf(p)).toEqual(['J2']);
  });

  test('an unfrozen header with a typo, whole rows selected: asked, not refused', () => {
    const typo = [['Jb ID', 'Type', 'Notes'], ...rows.slice(1).map(([id, type, , note]) => [id, type, note])];
    const run = plan({ rows: typo }, ['2:4']);
    expect(run.answer).toEqual({
      ok: 'choose-id-column',
      question: {
        sheetId: SHEET_ID,
        sheetName: 'Jobs',
        candidates: [
          { column: 1, letter: 'A', header: 'Jb ID', looksLikeIds: 3 },
          { column: 2, letter: 'B', header: 'Type', looksLikeIds: 0 },
          { column: 3, letter: 'C', header: 'Notes', looksLikeIds: 1 },
        ],
        preselected: 1,
      },
    });
  });

  test('the column chosen for this sheet is used, and said to be chosen', () => {
    const frozen = {
      rows: [
        ['Reference', 'Ticket'],
        ['t-1', 'J2'],
      ],
      frozenRows: 1,
    };
    const run = plan(frozen, ['2:2'], {}, undefined, { column: 2, header: 'Ticket' });
    const p = planOf(run);
    expect(jobIdsOf(p)).toEqual(['J2']);
    expect(p.summary.idColumn).toMatchObject({ column: 2, source: 'chosen' });
    expect(p.summary.ignoredCells).toBe(1);
  });

  test('a chosen column outside the selection: asked again', () => {
    const sheet = {
      rows: [
        ['Reference', 'Ticket', 'Other'],
        ['t-1', 'J2', 'x'],
      ],
      frozenRows: 1,
    };
    expect(plan(sheet, ['A2:B2'], {}, undefined, { column: 3, header: 'Other' }).answer.ok).toBe('choose-id-column');
  });

  // Hostile review: a column deleted left of the chosen one moved the Notes under its number.
  test('a chosen column whose header no longer reads the same: asked again', () => {
    const sheet = {
      rows: [
        ['Ticket', 'Notes'],
        ['J2', 'call back'],
      ],
      frozenRows: 1,
    };
    expect(plan(sheet, ['2:2'], {}, undefined, { column: 2, header: 'Ticket' }).answer.ok).toBe('choose-id-column');
  });

  // New user: a bare "ID" column of row numbers was taken for the job IDs, with no way to change it.
  test('a column the user chose overrides a title: "ID" may hold row numbers', () => {
    const rows = [
      ['ID', 'AODocs job', 'Notes'],
      ['1', 'J2', 'n'],
      ['2', 'J3', 'n'],
    ];
    const p = planOf(plan({ rows }, ['2:3'], {}, undefined, { column: 2, header: 'AODocs job' }));
    expect(p.summary.idColumn).toMatchObject({ column: 2, source: 'chosen' });
    expect(jobIdsOf(p)).toEqual(['J2', 'J3']);
  });

  // New user: after choosing A, selecting only the Notes column read the Notes as job IDs.
  test('a chosen column the selection does not cover: asked, even for a one-column selection', () => {
    const rows = [
      ['Jbo Idd', 'Notes'],
      ['J2', 'J9'],
      ['J3', 'J8'],
    ];
    const run = plan({ rows, frozenRows: 1 }, ['B2:B3'], {}, undefined, { column: 1, header: 'Jbo Idd' });
    expect(run.answer).toMatchObject({ ok: 'choose-id-column', question: { candidates: [{ column: 2 }] } });
  });

  test('the user asked to change the column: asked, whatever the header says', () => {
    const run = plan(
      {
        rows: [
          ['Job ID', 'Ref'],
          ['J2', 'x1'],
        ],
      },
      ['2:2'],
      {},
      undefined,
      undefined,
      true,
    );
    expect(run.answer).toMatchObject({
      ok: 'choose-id-column',
      question: { candidates: [{ column: 1 }, { column: 2 }] },
    });
  });

  test('one column selected under a header that names no ID column: that column', () => {
    const p = planOf(
      plan(
        {
          rows: [
            ['Reference', 'Ticket'],
            ['t-1', 'J2'],
          ],
          frozenRows: 1,
        },
        ['B2'],
      ),
    );
    expect(p.summary.idColumn).toMatchObject({ column: 2, header: 'Ticket', source: 'one-column' });
  });

  test('a selection with no cell in the ID column says so, and plans nothing', () => {
    expect(refusalOf(plan({ rows }, ['B2:D4']))).toMatch(/column A \("Job ID"\)/);
  });
});

describe('planFromSheet: result columns are never job IDs', () => {
  test.each<[string, string[][], string[]]>([
    [
      'Status and Result selected with the IDs',
      [
        ['Job ID', 'Status', 'Result'],
        ['J2', 'IN_PROGRESS', 'Cancel requested, job still running'],
        ['J3', 'RUNNING', 'Refreshed'],
      ],
      ['A2:C3'],
    ],
    [
      'whole rows selected',
      [
        ['Job ID', 'Status', 'Result', 'Checked at'],
        ['J2', 'IN_PROGRESS', 'Refreshed', '2024-05-01'],
        ['J3', 'RUNNING', 'Refreshed', '2024-05-01'],
      ],
      ['2:3'],
    ],
    [
      'headers in another case',
      [
        ['job id', 'STATUS', 'result'],
        ['J2', 'IN_PROGRESS', 'Refreshed'],
        ['J3', 'RUNNING', 'Refreshed'],
      ],
      ['A2:C3'],
    ],
    [
      'the Status column selected alone next to the IDs',
      [
        ['Job ID', 'Status'],
        ['J2', 'IN_PROGRESS'],
        ['J3', 'RUNNING'],
      ],
      ['A2:A3', 'B2:B3'],
    ],
  ])('%s', (_name, rows, selection) => {
    const p = planOf(plan({ rows }, selection));
    expect(jobsOf(p)).toEqual([
      ['J2', ['A2']],
      ['J3', ['A3']],
    ]);
    expect(p.rejected).toEqual([]);
  });
});

describe('planFromSheet: hidden rows', () => {
  // Row 4 is blank; rows 3, 4 and 5 are hidden.
  const sheet: FakeSheet = { rows: idColumn('Job ID', ['J2', 'J3', '', 'J5', 'J6']), hidden: [3, 4, 5] };

  test('skipped and counted when "Skip hidden rows" is on; only rows holding something are asked about', () => {
    const run = plan(sheet, ['A1:A6']);
    const p = planOf(run);
    expect(jobIdsOf(p)).toEqual(['J2', 'J6']);
    expect(p.summary.hiddenSkipped).toBe(2);
    expect(run.hiddenAsked).toHaveLength(1);
    expect([...run.hiddenAsked[0]].sort((a, b) => a - b)).toEqual([2, 3, 5, 6]);
  });

  test('a hidden copy of a visible ID: the ID is planned for the visible row only', () => {
    const p = planOf(plan({ rows: idColumn('Job ID', ['J2', 'J2', 'J4']), hidden: [3] }, ['A2:A4']));
    expect(jobsOf(p)).toEqual([
      ['J2', ['A2']],
      ['J4', ['A4']],
    ]);
    expect(p.summary.hiddenSkipped).toBe(1);
  });

  test('not asked about, and planned, when "Skip hidden rows" is off', () => {
    const run = plan(sheet, ['A1:A6'], { skipHiddenRows: false });
    const p = planOf(run);
    expect(jobIdsOf(p)).toEqual(['J2', 'J3', 'J5', 'J6']);
    expect(p.summary.hiddenSkipped).toBe(0);
    expect(hiddenReads(run)).toBe(0);
  });

  test('nothing selected but hidden rows: a plan with no job, the hidden rows counted', () => {
    const p = planOf(plan(sheet, ['A3:A5']));
    expect(p.jobs).toEqual([]);
    expect(p.summary.hiddenSkipped).toBe(2);
  });
});

describe('planFromSheet: many rows to check for being hidden', () => {
  // Rows 2..401, every fourth one blank: 300 rows hold something.
  const texts = range(2, 401).map((r) => (r % 4 === 0 ? '' : `J${r}`));
  const holding = range(2, 401).filter((r) => r % 4 !== 0);
  const hidden = [5, 8, 250, 301]; // row 8 is blank
  const sheet: FakeSheet = { rows: idColumn('Job ID', texts), hidden };
  const hiddenAmong = (rows: number[]) => rows.filter((r) => hidden.includes(r));

  /** What the sidebar learns by checking the request in parallel pieces. */
  const checked = (request: HiddenRowsCheck, known?: KnownHiddenRows, pieces = hiddenRowsPieces(request, 6)) =>
    addRound(known, request, pieces, hiddenAmong(pieces.flatMap((p) => p.rows)));

  test('more than 200: a check request for the rows holding something, nothing asked inline', () => {
    const run = plan(sheet, ['A:A']);
    const request = checkRequestOf(run);
    expect(request.sheetId).toBe(SHEET_ID);
    expect([...request.rows].sort((a, b) => a - b)).toEqual(holding);
    expect(typeof request.fingerprint).toBe('string');
    expect(hiddenReads(run)).toBe(0);
  });

  test('called again with what the check found: the final plan, without asking again', () => {
    const request = checkRequestOf(plan(sheet, ['A:A']));
    const run = plan(sheet, ['A:A'], {}, checked(request));
    const p = planOf(run);
    expect(hiddenReads(run)).toBe(0);
    expect(p.summary.hiddenSkipped).toBe(3);
    expect(jobIdsOf(p)).toEqual(holding.filter((r) => ![5, 250, 301].includes(r)).map((r) => `J${r}`));
  });

  test('exactly 200 rows: checked inline, no request', () => {
    const rows = idColumn(
      'Job ID',
      range(2, 201).map((r) => `J${r}`),
    );
    const run = plan({ rows, hidden: [10] }, ['A:A']);
    const p = planOf(run);
    expect(run.hiddenAsked.map((rs) => rs.length)).toEqual([200]);
    expect(p.summary.hiddenSkipped).toBe(1);
  });

  test.each<[string, (rows: string[][]) => void]>([
    ['a row now holds another job ID', (rows) => (rows[249][0] = 'K250')],
    ['two rows swapped (a sort)', (rows) => ([rows[4], rows[5]] = [rows[5], rows[4]])],
    ['a row emptied', (rows) => (rows[100][0] = '')],
  ])('known checks whose rows changed since (%s) are not trusted', (_name, edit) => {
    const request = checkRequestOf(plan(sheet, ['A:A']));
    const known = checked(request);
    const edited: FakeSheet = { ...sheet, rows: sheet.rows.map((r) => [...r]) };
    edit(edited.rows);
    const run = plan(edited, ['A:A'], {}, known);
    // Not trusted: the rows are asked for again (too many to check inline), not planned from the stale states.
    expect(run.answer.ok).toBe('check-hidden-rows');
  });

  test('known checks of another sheet are not trusted', () => {
    const request = checkRequestOf(plan(sheet, ['A:A']));
    const known = checked(request);
    const run = plan(sheet, ['A:A'], {}, { ...known, sheetId: SHEET_ID + 1 });
    expect(run.answer.ok).toBe('check-hidden-rows');
  });

  test('a check answered only in part is not trusted', () => {
    const request = checkRequestOf(plan(sheet, ['A:A']));
    const pieces = hiddenRowsPieces(request, 6);
    expect(pieces.length).toBeGreaterThan(1);
    const run = plan(sheet, ['A:A'], {}, checked(request, undefined, pieces.slice(1)));
    expect(run.answer.ok).toBe('check-hidden-rows');
  });

  test('a selection grown since the check: only the new rows are asked about', () => {
    const request = checkRequestOf(plan(sheet, ['A:A']));
    const known = checked(request);
    const grown: FakeSheet = {
      rows: [...sheet.rows, ...range(402, 411).map((r) => [`J${r}`])],
      hidden: [...hidden, 405],
    };
    const run = plan(grown, ['A:A'], {}, known);
    const p = planOf(run);
    expect(run.hiddenAsked).toEqual([range(402, 411)]);
    expect(p.summary.hiddenSkipped).toBe(4);
    expect(jobIdsOf(p)).not.toContain('J405');
  });

  test(`more than ${HIDDEN_ROWS_CHECK_MAX} rows holding something: refused, nothing asked`, () => {
    const n = HIDDEN_ROWS_CHECK_MAX + 1;
    const rows = idColumn(
      'Job ID',
      range(2, n + 1).map((r) => `J${r}`),
    );
    const run = plan({ rows }, ['A:A'], { runCap: 20000 });
    expect(refusalOf(run)).toBe(tooManyRowsToCheck(n));
    expect(mentions(refusalOf(run), n)).toBe(true);
    expect(hiddenReads(run)).toBe(0);
  });

  test(`exactly ${HIDDEN_ROWS_CHECK_MAX} rows holding something: a check request`, () => {
    const rows = idColumn(
      'Job ID',
      range(2, HIDDEN_ROWS_CHECK_MAX + 1).map((r) => `J${r}`),
    );
    const request = checkRequestOf(plan({ rows }, ['A:A'], { runCap: 20000 }));
    expect(request.rows).toHaveLength(HIDDEN_ROWS_CHECK_MAX);
  });
});

describe('planFromSheet: rows that already show a finished status', () => {
  test.each<[string, boolean]>([
    ['COMPLETED', true],
    ['FAILED', true],
    ['CANCELLED', true],
    ["'CANCELLED", true],
    ["'COMPLETED", true],
    // New-user trial: a ticket-status column of the admin's own ("Completed", "Cancelled", "done") left running
    // jobs unsent. Only AODocs' own upper-case words, as the add-on writes them, are finished statuses.
    ['cancelled', false],
    ['Completed', false],
    ['done', false],
    [' FAILED ', true],
    ['IN_PROGRESS', false],
    ["'IN_PROGRESS", false],
    ['', false],
    ['CANCELLED?', false],
  ])('Status %j: finished %p', (status, finished) => {
    const rows = [
      ['Job ID', 'Notes', 'Status'],
      ['J2', 'x', status],
      ['J3', 'y', 'IN_PROGRESS'],
    ];
    const on = planOf(plan({ rows }, ['A2:A3']));
    expect(jobIdsOf(on)).toEqual(finished ? ['J3'] : ['J2', 'J3']);
    expect(on.summary.finishedSkipped).toBe(finished ? 1 : 0);

    const off = planOf(plan({ rows }, ['A2:A3'], { skipFinishedRows: false }));
    expect(jobIdsOf(off)).toEqual(['J2', 'J3']);
    expect(off.summary.finishedSkipped).toBe(0);
  });

  test('several finished rows are each counted; the others planned', () => {
    const rows = [
      ['Job ID', 'Status'],
      ['J2', 'COMPLETED'],
      ['J3', 'FAILED'],
      ['J4', "'CANCELLED"],
      ['J5', 'CANCELLED'],
      ['J6', 'IN_PROGRESS'],
      ['J7', ''],
    ];
    const p = planOf(plan({ frozenRows: 1, rows }, ['A2:A7']));
    expect(jobIdsOf(p)).toEqual(['J6', 'J7']);
    expect(p.summary.finishedSkipped).toBe(4);
  });

  test('only finished rows selected: a plan with no job, the rows counted', () => {
    const rows = [
      ['Job ID', 'Status'],
      ['J2', 'COMPLETED'],
    ];
    const p = planOf(plan({ rows }, ['A2']));
    expect(p.jobs).toEqual([]);
    expect(p.summary.finishedSkipped).toBe(1);
  });
});

describe('planFromSheet: the run cap', () => {
  const sheetOf = (ids: string[]) => ({ rows: idColumn('Job ID', ids) });
  const distinct = (n: number) => range(1, n).map((i) => `J${i}`);

  test.each<[string, number, string[], boolean]>([
    ['as many distinct IDs as the cap', 7, distinct(7), true],
    ['one more than the cap', 7, distinct(8), false],
    ['twelve for a cap of 7', 7, distinct(12), false],
    ['duplicates count once', 7, [...distinct(7), ...distinct(7)], true],
    ['invalid cells do not count', 7, [...distinct(7), 'a/b', '#N/A'], true],
  ])('%s', (_name, runCap, ids, ok) => {
    const run = plan(sheetOf(ids), [`A2:A${ids.length + 1}`], { runCap });
    if (ok) {
      expect(planOf(run).summary.jobIds).toBe(runCap);
      return;
    }
    const message = refusalOf(run);
    const count = new Set(ids).size;
    expect(mentions(message, count)).toBe(true);
    expect(mentions(message, runCap)).toBe(true);
  });

  test.each<[string, number, number, boolean]>([
    ['one job on as many rows as the cap runs', 7, 7, true],
    ['one job on one row more than the cap is refused, named', 7, 8, false],
  ])('%s', (_name, runCap, rows, ok) => {
    const run = plan(sheetOf(Array(rows).fill('J1')), [`A2:A${rows + 1}`], { runCap });
    if (ok) {
      expect(planOf(run).jobs[0].cells).toHaveLength(rows);
      return;
    }
    const message = refusalOf(run);
    expect(message).toMatch(/J1/);
    expect(mentions(message, rows)).toBe(true);
    expect(mentions(message, runCap)).toBe(true);
  });

  test('the default cap is 5,000', () => {
    expect(DEFAULT_SETTINGS.runCap).toBe(5000);
    const atCap = plan(sheetOf(distinct(5000)), ['A:A'], { skipHiddenRows: false });
    expect(planOf(atCap).jobs).toHaveLength(5000);
    const over = plan(sheetOf(distinct(5001)), ['A:A'], { skipHiddenRows: false });
    expect(mentions(refusalOf(over), 5001)).toBe(true);
    expect(mentions(refusalOf(over), 5000)).toBe(true);
  });
});

describe('planFromSheet: columns a result may follow its job ID in', () => {
  // Column A holds the IDs; column B is another column the user did not select; column C a second ID column.
  test.each<[string, FakeSheet, string[], Record<string, number[]>]>([
    ['selected once, present once', { rows: idColumn('Job ID', ['J1', 'J2', 'J3']) }, ['A2:A3'], { J1: [1], J2: [1] }],
    [
      'a copy in a row not selected',
      { rows: idColumn('Job ID', ['J1', 'J2', 'J3', 'J1']) },
      ['A2:A3'],
      { J1: [], J2: [1] },
    ],
    [
      'a copy far below, outside the selection',
      { rows: [...idColumn('Job ID', ['J1', 'J2']), ...range(4, 60).map(() => ['']), ['J2']] },
      ['A2:A3'],
      { J1: [1], J2: [] },
    ],
    [
      'a copy with spaces around it in a row not selected',
      { rows: idColumn('Job ID', ['J1', 'J2', ' J1 ']) },
      ['A2:A3'],
      { J1: [], J2: [1] },
    ],
    [
      'a copy in a hidden row of the selection',
      { rows: idColumn('Job ID', ['J1', 'J2', 'J1']), hidden: [4] },
      ['A2:A4'],
      { J1: [], J2: [1] },
    ],
    [
      'a copy in a hidden row not selected',
      { rows: idColumn('Job ID', ['J1', 'J2', 'J1']), hidden: [4] },
      ['A2:A3'],
      { J1: [], J2: [1] },
    ],
    [
      'selected twice, present twice',
      { rows: idColumn('Job ID', ['J1', 'J2', 'J1']) },
      ['A2:A4'],
      { J1: [1], J2: [1] },
    ],
    [
      'selected twice, present three times',
      { rows: idColumn('Job ID', ['J1', 'J2', 'J1', 'J1']) },
      ['A2:A4'],
      { J1: [], J2: [1] },
    ],
    [
      'a copy in another column only',
      {
        rows: [
          ['Job ID', 'Notes'],
          ['J1', 'J1'],
          ['J2', 'J1'],
        ],
      },
      ['A2:A3'],
      { J1: [1], J2: [1] },
    ],
    [
      'two ID columns, each judged on its own',
      {
        rows: [
          ['Job ID', 'Notes', 'Old job ID'],
          ['J1', '', ''],
          ['', '', 'J1'],
          ['', '', 'J1'],
        ],
      },
      ['A2', 'C3'],
      { J1: [1] },
    ],
  ])('%s', (_name, sheet, selection, expected) => {
    const p = planOf(plan(sheet, selection));
    expect(Object.fromEntries(p.jobs.map((j) => [j.jobId, j.followColumns]))).toEqual(expected);
  });
});

describe('planFromSheet: the plan', () => {
  test.each([1, 7, 50])('carries the chunk size %i from the settings', (chunkSize) => {
    const p = planOf(plan({ rows: idColumn('Job ID', ['J2']) }, ['A2'], { chunkSize }));
    expect(p.chunkSize).toBe(chunkSize);
  });

  test('names the sheet and sums up the selection', () => {
    const rows = [
      ['Job ID', 'Other job ID', 'Status'],
      ['J2', '', ''],
      ['J2', '', ''],
      ['a/b', '', ''],
      ['J5', 'J6', ''],
      ['J6', '', 'COMPLETED'],
      ['J7', '', ''],
      ['J8', '', ''],
    ];
    const run = plan({ rows, name: 'Stuck jobs', id: 42, hidden: [8] }, ['A2:A8', 'B5']);
    const p = planOf(run);
    expect(p).toMatchObject({ sheetId: 42, sheetName: 'Stuck jobs', headerRow: 1, idColumn: 1, chunkSize: 20 });
    expect(jobsOf(p)).toEqual([
      ['J2', ['A2', 'A3']],
      ['J5', ['A5']],
      ['J7', ['A7']],
    ]);
    expect(rejectedOf(p).map(([cell, problem]) => [cell, problem])).toEqual([['A4', 'invalid']]);
    expect(p.summary).toEqual({
      ranges: ['A2:A8', 'B5'],
      idColumn: { column: 1, letter: 'A', header: 'Job ID', source: 'header' },
      jobIds: 3,
      duplicates: 1,
      invalid: 1,
      ignoredCells: 1,
      hiddenSkipped: 1,
      finishedSkipped: 1,
      skipsHiddenRows: true,
    });
    // One set of counts: each invalid cell is one rejected row.
    expect(p.summary.invalid).toBe(p.rejected.length);
  });
});
