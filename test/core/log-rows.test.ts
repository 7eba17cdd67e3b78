import { a1, logRows, unwrittenResults } from '../../src/core/log-rows';
import type { JobResult } from '../../src/shared/api';

const time = new Date(Date.UTC(2026, 10, 29, 10, 0, 0));

test.each<[number, number, string]>([
  [1, 1, 'A1'],
  [7, 26, 'Z7'],
  [3, 27, 'AA3'],
  [9, 702, 'ZZ9'],
  [2, 703, 'AAA2'],
])('row %p column %p is %p', (row, column, expected) => {
  expect(a1({ row, column })).toBe(expected);
});

test('one row per outcome: time, user, action, job ID, sheet, cells, HTTP code, status, result; text stays text', () => {
  const results: JobResult[] = [
    {
      jobId: '=cmd',
      outcome: 'done',
      result: 'Cancelled',
      httpCode: 200,
      status: 'CANCELLED',
      written: [{ row: 2, column: 1 }],
      moved: [{ jobId: '=cmd', from: { row: 5, column: 1 }, to: { row: 7, column: 1 } }],
    },
    { jobId: '-5', outcome: 'gone', result: 'No longer in its cell: not sent', written: [], moved: [] },
    {
      jobId: 'x',
      outcome: 'failed',
      result: 'Not found (404)',
      httpCode: 404,
      written: [],
      moved: [{ jobId: 'x', from: { row: 3, column: 2 } }],
    },
  ];
  const rows = logRows(results, { time, user: '+user@example.com', action: 'cancel', sheetName: '@Jobs' });
  expect(rows).toEqual([
    [time, "'+user@example.com", 'cancel', "'=cmd", "'@Jobs", "'A2, A5 moved to A7", 200, 'CANCELLED', 'Cancelled'],
    [time, "'+user@example.com", 'cancel', "'-5", "'@Jobs", '', '', '', 'No longer in its cell: not sent'],
    [
      time,
      "'+user@example.com",
      'cancel',
      'x',
      "'@Jobs",
      "'B3 no longer holds it: not written",
      404,
      '',
      'Not found (404)',
    ],
  ]);
  expect(rows[0][0]).not.toBe(time); // a copy: the caller's Date is never shared with the sheet
});

test('a row that could not be written (the document lock busy) is named in the log line', () => {
  const result: JobResult = {
    jobId: 'J1',
    outcome: 'done',
    result: 'Cancelled',
    httpCode: 200,
    status: 'CANCELLED',
    written: [],
    moved: [],
    notWritten: [
      { row: 4, column: 1 },
      { row: 9, column: 1 },
    ],
  };
  const [line] = logRows([result], { time, user: 'u@example.com', action: 'cancel', sheetName: 'Jobs' });
  expect(line[5]).toBe("'A4 not written, A9 not written");
});

// Generated runs (seed 1004): a busy lock kept a lost cancel's row from being written, and Run again took the
// job's CANCELLED for someone else's. The log line is then the row's memory.
describe('unwrittenResults: what only the log remembers', () => {
  const memory = 'Cancel not confirmed (412); status not read: AODocs unavailable, try again (503)';
  const line = (jobId: string, cells: string, result: string) => ({ jobId, cells, result });

  test.each<[string, ReturnType<typeof line>[], string]>([
    ['its last line says its row was not written', [line('J1', 'A2 not written', memory)], memory],
    ['with a text mark on the ID', [line("'J1", 'A2 not written, A3 not written', memory)], memory],
    ['the ID moved away before the write', [line('J1', 'A2 no longer holds it: not written', memory)], memory],
    ['its last line was written in its row', [line('J1', 'A2 not written', memory), line('J1', 'A2', 'Cancelled')], ''],
    ['its row was written: the row remembers', [line('J1', 'A2', memory)], ''],
    ['another job only', [line('J2', 'A2 not written', memory)], ''],
    ['no log', [], ''],
  ])('%s', (_name, lines, expected) => {
    expect(unwrittenResults(lines, ['J1'])).toEqual([expected]);
  });

  test('the log lines agree with what logRows writes', () => {
    const [logged] = logRows(
      [{ jobId: 'J1', outcome: 'failed', result: memory, written: [], moved: [], notWritten: [{ row: 2, column: 1 }] }],
      { time: new Date(0), user: 'u@example.com', action: 'cancel', sheetName: 'S' },
    );
    expect(unwrittenResults([line(String(logged[3]), String(logged[5]), memory)], ['J1'])).toEqual([memory]);
  });
});
