import {
  InvalidFiltersError,
  LISTING_HEADERS,
  listingRow,
  listingSheetName,
  parseJobList,
  validateFilters,
} from '../../src/core/library-listing';
import { RESULT_HEADERS } from '../../src/core/result-columns';

test('the listing shares the result columns’ headers where they mean the same, so a later run updates them in place', () => {
  for (const h of ['Status', 'Last activity', 'Succeeded tasks', 'Failed tasks', 'Remaining tasks', 'Task retries']) {
    expect(LISTING_HEADERS).toContain(h);
    expect(RESULT_HEADERS).toContain(h);
  }
});

test.each<[string, Record<string, unknown>, string]>([
  ['no library', {}, 'Library ID'],
  ['a library ID with a slash', { libraryId: 'a/b' }, 'Library ID'],
  ['an unknown status', { libraryId: 'L1', status: 'RUNNING' }, 'Status'],
  ['a type with symbols', { libraryId: 'L1', type: '@SUM(A1)' }, 'Type'],
  ['a requestor that is not an email', { libraryId: 'L1', requestor: '=HYPERLINK("x")' }, 'Requestor'],
])('refuses %s, naming the field', (_, filters, field) => {
  expect(() => validateFilters(filters)).toThrow(InvalidFiltersError);
  expect(() => validateFilters(filters)).toThrow(new RegExp(`^${field}:`));
});

test('accepts and normalises good filters ("" status means all)', () => {
  expect(
    validateFilters({ libraryId: ' L1 ', status: 'in_progress', type: 'import_folder', requestor: 'a@b.com' }),
  ).toEqual({
    libraryId: 'L1',
    status: 'IN_PROGRESS',
    type: 'IMPORT_FOLDER',
    requestor: 'a@b.com',
  });
  expect(validateFilters({ libraryId: 'L1', status: '' }).status).toBe('');
});

test('a new sheet name when taken, whatever the case', () => {
  expect(listingSheetName('L1', ['Sheet1'])).toBe('Jobs L1');
  expect(listingSheetName('L1', ['jobs l1', 'Jobs L1 (2)'])).toBe('Jobs L1 (3)');
});

test('rows: dates as Dates, counters as numbers, text as literal text, blanks for what AODocs omitted', () => {
  expect(
    listingRow({
      jobId: '-5',
      type: 'IMPORT',
      status: 'IN_PROGRESS',
      requestor: '=x',
      startedAt: 0,
      succeededTasks: 3,
    }),
  ).toEqual(["'-5", 'IMPORT', 'IN_PROGRESS', "'=x", new Date(0), '', 3, '', '', '']);
});

test('parses a job list page; the token only when there is one', () => {
  expect(parseJobList({ jobList: [{ jobId: 'a', startedAt: '5' }, 'junk'], nextPageToken: 't' })).toEqual({
    jobs: [{ jobId: 'a', startedAt: 5 }],
    nextPageToken: 't',
  });
  expect(parseJobList({ nextPageToken: '' })).toEqual({ jobs: [] });
  expect(parseJobList(null)).toEqual({ jobs: [] });
});
