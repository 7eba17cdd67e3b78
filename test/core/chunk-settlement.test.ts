// The chunk's decisions that are not one answer's meaning: which jobs are still in the sheet, which answers are
// read back, where rows go (one row one result, cells in place first), what a partial write leaves, and why a
// run stops.
import {
  Placement,
  RowToWrite,
  chunkResults,
  jobCells,
  jobsStillInSheet,
  outcomesOf,
  placeRows,
  readBacksNeeded,
  resultBlocks,
  rowsNow,
  rowsToWrite,
  settledJobs,
  withEarlierRuns,
  memoriesNeeded,
  resultsToLog,
  withSetupProblem,
  stopReason,
  writtenBefore,
} from '../../src/core/chunk-settlement';
import { classifyAnswer } from '../../src/core/aodocs-answer';
import { RESULT, SETUP } from '../../src/core/wording';
import { RESULT_HEADERS, resultValues } from '../../src/core/result-columns';
import type { ChunkRequest, JobResult, PlannedJob } from '../../src/shared/api';

const json = (code: number, body: unknown) => classifyAnswer({ code, body: JSON.stringify(body), headers: {} });
const refused400 = json(400, { error: { code: 400, message: 'no', errors: [{ reason: 'badRequest' }] } });
const job = (status: string) => json(200, { jobId: 'x', status });
const checkedAt = new Date(0);

describe('jobs still in the sheet', () => {
  const jobs: PlannedJob[] = [
    { jobId: 'a', cells: [{ row: 2, column: 1 }], followColumns: [1] },
    { jobId: 'b', cells: [{ row: 3, column: 1 }] },
  ];

  test('a cell may be followed only in the columns the plan allowed', () => {
    expect(jobCells(jobs).map((c) => [c.key, c.follow])).toEqual([
      ['a', true],
      ['b', false],
    ]);
  });

  test('a job none of whose cells was found is gone and not sent', () => {
    const located = [{ key: 'a', at: { row: 5, column: 1 } }, { key: 'b' }];
    const { present, gone } = jobsStillInSheet(jobs, located);
    expect(present.map((j) => j.jobId)).toEqual(['a']);
    expect(gone.map((j) => j.jobId)).toEqual(['b']);
  });
});

describe('read-backs', () => {
  test('only refusals and bodiless acceptances of a cancel are read back; never for a refresh', () => {
    const sent = [
      { answer: job('CANCELLED'), earlierSendMayHaveWorked: false },
      { answer: refused400, earlierSendMayHaveWorked: false },
      undefined,
      { answer: classifyAnswer({ code: 204, body: '', headers: {} }), earlierSendMayHaveWorked: false },
    ];
    expect(readBacksNeeded('cancel', sent)).toEqual([1, 3]);
    expect(readBacksNeeded('refresh', sent)).toEqual([]);
  });

  test('each read-back answers its own job, and a job never sent has no outcome', () => {
    const sent = [
      { answer: refused400, earlierSendMayHaveWorked: false },
      undefined,
      { answer: refused400, earlierSendMayHaveWorked: false },
    ];
    const outcomes = outcomesOf('cancel', sent, [job('COMPLETED'), undefined]);
    expect(outcomes.map((o) => o?.result)).toEqual([
      'Already completed',
      undefined,
      'Not cancelled (400); status not read: not read in time, try again',
    ]);
  });
});

const statusRead = { outcome: 'done' as const, result: 'Cancelled', job: { status: 'CANCELLED', failedTasks: 0 } };
const noStatusRead = { outcome: 'failed' as const, result: 'AODocs unavailable, try again (503)', httpCode: 503 };

/** A row of a job whose status was read (every result column), or not (`Result` alone). */
describe('run again remembers what the earlier run wrote', () => {
  const refused412 = json(412, { error: { code: 412, message: 'no', errors: [{ reason: 'conditionNotMet' }] } });
  const unavailable503 = 'AODocs unavailable, try again (503)';
  const down503 = json(503, { error: { code: 503, message: 'Backend Error', errors: [{ reason: 'backendError' }] } });
  const accepted = job('CANCELLED');

  test('the rows of each job as they are now; a job found nowhere has none', () => {
    const located = [
      { key: 'a', at: { row: 4, column: 1 } },
      { key: 'b', moved: { jobId: 'b', from: { row: 5, column: 1 } } },
      { key: 'a', at: { row: 9, column: 1 } },
    ];
    expect(rowsNow(located, ['a', 'b', 'c'])).toEqual([[4, 9], [], []]);
  });

  test.each<[string, string[], string]>([
    ['its row says the cancel may have reached AODocs (503)', [unavailable503], 'Cancelled'],
    ['one of its rows says so', ['', unavailable503], 'Cancelled'],
    ['its row says it was cancelled already', ['Already cancelled'], 'Already cancelled'],
    // Generated runs (seed 1011): a row's `Cancelled` may be about the job whose ID stood there before an edit.
    ['its row alone says Cancelled', ['Cancelled'], 'Already cancelled'],
    ['its row says AODocs asked to slow down (429)', ['AODocs unavailable, try again (429)'], 'Already cancelled'],
    ['no Result column yet', [], 'Already cancelled'],
  ])('a 412 and a read-back of CANCELLED when %s', (_name, texts, result) => {
    const sent = [{ answer: refused412, earlierSendMayHaveWorked: false }];
    const remembered = withEarlierRuns('cancel', sent, memoriesNeeded('cancel', sent), [texts]);
    expect(outcomesOf('cancel', remembered, [job('CANCELLED')])[0]).toMatchObject({ result });
  });

  test('a 412 and a read-back of IN_PROGRESS after a 503 in the earlier run: not confirmed, run again', () => {
    const sent = [{ answer: refused412, earlierSendMayHaveWorked: false }];
    const remembered = withEarlierRuns('cancel', sent, [0], [[unavailable503]]);
    expect(outcomesOf('cancel', remembered, [job('IN_PROGRESS')])[0]).toMatchObject({
      outcome: 'failed',
      result: 'Cancel not confirmed (412); job still running',
      transient: true,
    });
  });

  // Review of session 5: "Cancel not confirmed" came back on every Run again while AODocs kept refusing a job
  // that still ran. One run seeing it still running after a refusal gives the older lost cancel its chance.
  test.each<[string, string[], boolean, string]>([
    [
      'the earlier run saw it still running',
      ['Cancel not confirmed (400); job still running'],
      false,
      'Not cancelled: AODocs refused (412)',
    ],
    [
      'a lost answer in this run too',
      ['Cancel not confirmed (400); job still running'],
      true,
      'Cancel not confirmed (412); job still running',
    ],
    [
      'another row remembers a 503',
      ['Cancel not confirmed (400); job still running', unavailable503],
      false,
      'Cancel not confirmed (412); job still running',
    ],
    ['the earlier run lost its answer', [unavailable503], false, 'Cancel not confirmed (412); job still running'],
  ])('a 412 and a read-back of IN_PROGRESS when %s', (_name, texts, lostNow, result) => {
    const sent = [{ answer: refused412, earlierSendMayHaveWorked: lostNow }];
    const remembered = withEarlierRuns('cancel', sent, [0], [texts]);
    expect(outcomesOf('cancel', remembered, [job('IN_PROGRESS')])[0]).toMatchObject({ result });
    // Whatever the memory, a job that now reads CANCELLED was cancelled by a cancel of ours.
    expect(outcomesOf('cancel', remembered, [job('CANCELLED')])[0]).toMatchObject({ result: 'Cancelled' });
  });

  test('the log is asked only for refused cancels whose rows remember nothing, once per chunk', () => {
    const sent = [
      { answer: refused412, earlierSendMayHaveWorked: false },
      { answer: refused412, earlierSendMayHaveWorked: false },
      { answer: down503, earlierSendMayHaveWorked: false },
    ];
    const asked: number[][] = [];
    const remembered = withEarlierRuns('cancel', sent, [0, 1, 2], [[], [unavailable503], []], (indexes) => {
      asked.push(indexes);
      return [RESULT.noAnswer];
    });
    expect(asked).toEqual([[0]]);
    expect(remembered.map((s) => s?.earlierSendMayHaveWorked)).toEqual([true, true, false]);
    expect(outcomesOf('cancel', remembered, [job('CANCELLED'), job('CANCELLED')])[0]).toMatchObject({
      result: 'Cancelled',
    });
    withEarlierRuns('refresh', sent, [0, 1, 2], [[], [], []], (indexes) => {
      asked.push(indexes);
      return [];
    });
    expect(asked).toHaveLength(1);
  });

  // Hostile review: a chunk whose answer never reached the sidebar, sent again by Run again: the log's last line
  // says our cancel did it.
  test.each<[string, string, string]>([
    ['the log says Cancelled', 'Cancelled', 'Cancelled'],
    ['the log says Already cancelled', 'Already cancelled', 'Already cancelled'],
    ['the log says nothing', '', 'Already cancelled'],
  ])('a 412 read back as CANCELLED when %s', (_name, logged, result) => {
    const sent = [{ answer: refused412, earlierSendMayHaveWorked: false }];
    const remembered = withEarlierRuns('cancel', sent, [0], [['Cancelled']], () => [logged]);
    expect(outcomesOf('cancel', remembered, [job('CANCELLED')])[0]).toMatchObject({ result });
    const refreshed = withEarlierRuns('refresh', sent, [0], [['Cancelled']], () => [logged]);
    expect(refreshed[0]?.earlierCancelDidIt).toBeUndefined();
  });

  test('only the jobs asked about are remembered; jobs never sent stay unsent', () => {
    const sent = [
      { answer: refused412, earlierSendMayHaveWorked: false },
      undefined,
      { answer: refused412, earlierSendMayHaveWorked: false },
    ];
    expect(withEarlierRuns('cancel', sent, [2], [[unavailable503]])).toEqual([
      sent[0],
      undefined,
      { answer: refused412, earlierSendMayHaveWorked: true },
    ]);
  });

  test('a Refresh keeps only what the rows remember: a status read cannot have cancelled', () => {
    const sent = [
      { answer: refused412, earlierSendMayHaveWorked: true },
      { answer: refused412, earlierSendMayHaveWorked: false },
    ];
    expect(withEarlierRuns('refresh', sent, [1], [[unavailable503]])).toEqual([
      { answer: refused412, earlierSendMayHaveWorked: false },
      { answer: refused412, earlierSendMayHaveWorked: true },
    ]);
  });

  test('the rows read: a cancel that says no status; a status read of CANCELLED or of nothing', () => {
    const sent = [
      { answer: refused412, earlierSendMayHaveWorked: false },
      undefined,
      { answer: accepted, earlierSendMayHaveWorked: false },
      { answer: down503, earlierSendMayHaveWorked: false },
      { answer: job('IN_PROGRESS'), earlierSendMayHaveWorked: false },
      { answer: job(' cancelled '), earlierSendMayHaveWorked: false },
    ];
    expect(memoriesNeeded('cancel', sent)).toEqual([0, 3]);
    expect(memoriesNeeded('refresh', sent)).toEqual([0, 2, 3, 5]);
  });

  // Generated runs (seed 411580907): a Refresh left unanswered erased the memory of a lost cancel, and the next
  // cancel wrote "Already cancelled" for the job that cancel had cancelled.
  test('a Refresh left unanswered keeps the memory; the next cancel remembers it', () => {
    const refresh = [{ answer: down503, earlierSendMayHaveWorked: false }];
    const refreshed = outcomesOf('refresh', withEarlierRuns('refresh', refresh, [0], [[RESULT.noAnswer]]), [])[0];
    expect(refreshed?.result).toBe(`Status not read: ${unavailable503}; an earlier attempt may have reached AODocs`);
    const cancel = [{ answer: refused412, earlierSendMayHaveWorked: false }];
    const remembered = withEarlierRuns('cancel', cancel, [0], [[refreshed?.result ?? '']]);
    expect(outcomesOf('cancel', remembered, [job('CANCELLED')])[0]).toMatchObject({ result: 'Cancelled' });
  });
});

function row(key: string, text: string, r: number, column = 1, read = true): RowToWrite {
  const values = resultValues(read ? statusRead : noStatusRead, checkedAt);
  return { key, text, cell: { row: r, column }, follow: true, values };
}

describe('placing rows', () => {
  test('an ID followed into a row never takes the row of a job whose ID is still there, whatever the order', () => {
    const x = row('x', 'X', 5, 1);
    const y = row('y', 'Y', 7, 3);
    // X was cut from A5 and pasted into A7; Y is still in C7.
    const placement = placeRows(
      [x, y],
      [
        { key: 'x', at: { row: 7, column: 1 }, moved: { jobId: 'X', from: x.cell, to: { row: 7, column: 1 } } },
        { key: 'y', at: y.cell },
      ],
    );
    expect(placement.rows.get(7)).toBe(y);
    expect(placement.written.has('x')).toBe(false);
    expect(placement.moved.get('x')).toEqual({ jobId: 'X', from: x.cell });
  });

  test('a cell that is nowhere now is reported moved without a destination and not written', () => {
    const a = row('a', 'A', 2);
    const placement = placeRows([a], [{ key: 'a', moved: { jobId: 'A', from: a.cell } }]);
    expect(placement.rows.size).toBe(0);
    expect(chunkResults([], [], placement)).toEqual([]);
  });
});

describe('a write that stops partway', () => {
  const columns = Object.fromEntries(RESULT_HEADERS.map((h, i) => [h, 10 + i])) as Record<
    (typeof RESULT_HEADERS)[number],
    number
  >;
  const rows = [row('a', 'A', 2), row('b', 'B', 3), row('c', 'C', 6)];
  const placement: Placement = {
    rows: new Map(rows.map((r) => [r.cell.row, r])),
    written: new Map(rows.map((r) => [r.key, r.cell])),
    moved: new Map(),
  };
  const blocks = resultBlocks(columns, placement.rows);

  test('one block per run of consecutive rows', () => {
    expect(blocks.map((b) => [b.row, b.values.length])).toEqual([
      [2, 2],
      [6, 1],
    ]);
  });

  test.each<[string, boolean[], [number, number, number, number][]]>([
    // [row, column, rows, columns] of each block; result columns 10..18, Result in 17.
    ['every status read: one block per run of rows', [true, true, true], [[2, 10, 3, 9]]],
    [
      'no status read (wrong security code, 503): Result alone, still one block',
      [false, false, false],
      [[2, 17, 3, 1]],
    ],
    [
      'mixed: a row that read no status writes nothing over its status columns',
      [true, false, false, true],
      [
        [2, 10, 1, 9],
        [3, 17, 2, 1],
        [5, 10, 1, 9],
      ],
    ],
  ])('%s', (_name, reads, expected) => {
    const shaped = reads.map((read, i) => row(`k${i}`, `J${i}`, 2 + i, 1, read));
    const written = resultBlocks(columns, new Map(shaped.map((r) => [r.cell.row, r])));
    expect(written.map((b) => [b.row, b.column, b.values.length, b.values[0].length])).toEqual(expected);
    for (const block of written.filter((b) => b.column === 17))
      expect(block.values.every(([result]) => typeof result === 'string' && result !== '')).toBe(true);
  });

  test('blocks follow the columns as laid out, not as RESULT_HEADERS lists them', () => {
    // Result first, then a foreign column, then the rest: a Result-only row writes one cell, a full row two blocks.
    const scattered = { ...columns, Result: 1 };
    const shaped = [row('a', 'A', 2, 5, true), row('b', 'B', 3, 5, false)];
    const written = resultBlocks(scattered, new Map(shaped.map((r) => [r.cell.row, r])));
    expect(written.map((b) => [b.row, b.column, b.values[0].length])).toEqual([
      [2, 1, 1],
      [2, 10, 7],
      [2, 18, 1],
      [3, 1, 1],
    ]);
  });

  test('only the rows of the blocks written before the failure count as written', () => {
    expect([...writtenBefore(placement, blocks, 1).written.keys()]).toEqual(['a', 'b']);
    expect([...writtenBefore(placement, blocks, 0).written.keys()]).toEqual([]);
  });
});

describe('results and stop reasons', () => {
  const request: ChunkRequest = {
    action: 'cancel',
    sheetId: 1,
    headerRow: 1,
    idColumn: 1,
    jobs: [{ jobId: 'a', cells: [{ row: 2, column: 1 }] }],
    rejected: [{ text: 'x y', cell: { row: 3, column: 1 }, problem: 'invalid' }],
    runId: '0123456789abcdef',
  };

  test('rejected cells get their sentence and are never followed', () => {
    const settled = settledJobs(request, request.jobs, [{ outcome: 'done', result: 'Cancelled' }]);
    expect(settled.map((s) => [s.jobId, s.outcome.result, s.followColumns])).toEqual([
      ['a', 'Cancelled', []],
      ['x y', 'Invalid job ID', []],
    ]);
    expect(rowsToWrite(settled, checkedAt).map((r) => r.follow)).toEqual([false, false]);
  });

  test('a cell neither written nor moved is named as not written; without the lock, every cell is', () => {
    const settled = settledJobs(request, request.jobs, [{ outcome: 'done', result: 'Cancelled' }]);
    expect(chunkResults(settled, [], undefined).map((r) => [r.jobId, r.written, r.notWritten])).toEqual([
      ['a', [], [{ row: 2, column: 1 }]],
      ['x y', [], [{ row: 3, column: 1 }]],
    ]);
    // A partial write: the job's row was written, the rejected cell's row was not.
    const rows = rowsToWrite(settled, checkedAt);
    const placement: Placement = {
      rows: new Map([[2, rows[0]]]),
      written: new Map([[rows[0].key, rows[0].cell]]),
      moved: new Map(),
    };
    expect(chunkResults(settled, [], placement).map((r) => [r.written, r.notWritten])).toEqual([
      [[{ row: 2, column: 1 }], undefined],
      [[], [{ row: 3, column: 1 }]],
    ]);
    // A cell whose ID left it is told as moved, not as not written.
    const movedAway: Placement = {
      rows: new Map(),
      written: new Map(),
      moved: new Map(rows.map((r) => [r.key, { jobId: r.text, from: r.cell }])),
    };
    expect(chunkResults(settled, [], movedAway).map((r) => r.notWritten)).toEqual([undefined, undefined]);
  });

  const noFacts = { quotaExceeded: false, results: [], authMode: 'identity-token' as const };
  test.each<[string, Partial<Parameters<typeof stopReason>[0]>, RegExp | undefined]>([
    ['the lock busy, the log appended without it: the run goes on', { lock: 'busy', logOn: true }, undefined],
    [
      'the lock busy and the log off: only the sidebar has them, the run stops',
      { lock: 'busy', logOn: false },
      /could not be written into the sheet \(Another run is writing to this spreadsheet.*\); they are listed here\. The run stopped/,
    ],
    [
      'the lock busy and the log append failed too',
      { lock: 'busy', logOn: true, logFailure: 'quota' },
      /could not be written into the sheet \(Another run.*\) nor into the "AODocs Jobs log" sheet \(quota\)/,
    ],
    [
      'no lock from Apps Script: the same for every chunk, the run stops after logging',
      { lock: 'unavailable', logOn: true },
      /\(Apps Script gave no lock on this spreadsheet.*\); they are listed here and in the "AODocs Jobs log" sheet/,
    ],
    [
      'a write refused under the lock, logged',
      { lock: 'held', logOn: true, writeFailure: 'protected' },
      /\(protected\); they are listed here and in the "AODocs Jobs log" sheet\. The run stopped/,
    ],
    [
      'a write refused under the lock, the log failed too',
      { lock: 'held', logOn: true, writeFailure: 'protected', logFailure: 'gone' },
      /\(protected\) nor into the "AODocs Jobs log" sheet \(gone\)/,
    ],
    ['everything written and logged', { lock: 'held', logOn: true }, undefined],
  ])('recording: %s', (_name, facts, expected) => {
    const reason = stopReason({ ...noFacts, ...facts });
    if (expected === undefined) expect(reason).toBeUndefined();
    else expect(reason).toMatch(expected);
  });

  test.each<[string, Parameters<typeof stopReason>[0], RegExp | undefined]>([
    ['nothing wrong', { quotaExceeded: false, results: [], authMode: 'identity-token' }, undefined],
    [
      'rows not written',
      { writeFailure: 'protected', quotaExceeded: true, results: [], authMode: 'identity-token' },
      /could not be written into the sheet \(protected\)/,
    ],
    [
      'only the log not written',
      { logFailure: 'x', quotaExceeded: false, results: [], authMode: 'identity-token' },
      /results were written, but the "AODocs Jobs log" sheet could not be updated/,
    ],
    ['the daily quota', { quotaExceeded: true, results: [], authMode: 'identity-token' }, /daily limit/],
    [
      'a 401 with a security code',
      {
        quotaExceeded: false,
        results: [{ jobId: 'a', outcome: 'failed', result: '', httpCode: 401, written: [], moved: [] }],
        authMode: 'security-code',
      },
      /security code \(401\)/,
    ],
    // Hostile review: one 401 among accepted cancels (a token that expired mid-chunk) stopped the run.
    [
      'one 401 among accepted cancels',
      {
        quotaExceeded: false,
        results: [
          { jobId: 'a', outcome: 'failed', result: '', httpCode: 401, written: [], moved: [] },
          { jobId: 'b', outcome: 'done', result: 'Cancelled', httpCode: 200, written: [], moved: [] },
        ],
        authMode: 'identity-token',
      },
      undefined,
    ],
  ])('%s', (_name, facts, expected) => {
    const reason = stopReason(facts);
    if (expected === undefined) expect(reason).toBeUndefined();
    else expect(reason).toMatch(expected);
  });
});

describe('withSetupProblem: rows once the breaker found the security code refused', () => {
  const notAdmin = {
    outcome: 'failed' as const,
    result: 'Not a library administrator (403)',
    httpCode: 403,
    libraryId: 'L1',
  };
  const notFound = { outcome: 'failed' as const, result: 'Not found (404)', httpCode: 404 };

  test('a 403 reads as the refused security code, whatever its message said; other rows are unchanged', () => {
    expect(withSetupProblem([notAdmin, notFound, undefined], SETUP.securityCode)).toEqual([
      { outcome: 'failed', result: 'AODocs refused the security code (403)', httpCode: 403 },
      notFound,
      undefined,
    ]);
  });

  test.each([
    ['no setup problem', undefined],
    ['another setup problem', SETUP.refused400],
  ])('%s: a 403 stays about its library', (_name, problem) => {
    expect(withSetupProblem([notAdmin], problem)).toEqual([notAdmin]);
  });
});

// Hostile review: with the log off, a cancel whose ID cell was edited, sorted away or whose sheet was deleted while
// AODocs was asked left no row and no log line.
describe('resultsToLog: every cancel sent leaves its row or its log line', () => {
  const cell = { row: 2, column: 1 };
  const base = { jobId: 'J', outcome: 'done' as const, result: 'Cancelled', written: [cell], moved: [] };
  test.each<[string, Record<string, unknown>, boolean]>([
    ['its row written', {}, false],
    ['its ID moved away while AODocs was asked', { written: [], moved: [{ jobId: 'J', from: cell }] }, true],
    ['its ID followed to another row', { moved: [{ jobId: 'J', from: cell, to: { row: 3, column: 1 } }] }, false],
    ['no row written (sheet deleted, busy lock)', { written: [] }, true],
    ['one of its rows not written', { notWritten: [{ row: 5, column: 1 }] }, true],
    ['an invalid cell', { outcome: 'invalid', written: [] }, false],
    ['gone before it was sent', { outcome: 'gone', written: [] }, false],
  ])('log off, a cancel with %s: logged %p', (_name, change, logged) => {
    const result = { ...base, ...change } as JobResult;
    expect(resultsToLog('cancel', false, [result])).toEqual(logged ? [result] : []);
    expect(resultsToLog('cancel', true, [result])).toEqual([result]);
    expect(resultsToLog('refresh', false, [result])).toEqual([]);
  });
});
