import { a1, logRows } from '../../src/core/log-rows';
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
