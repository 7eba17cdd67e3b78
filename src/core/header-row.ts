// Which row holds the headers (never a job ID, and where result columns are named).
import { isJobIdTitle, looksLikeJobId } from './id-column';
import { checkJobId } from './job-id';
import { LOG_SHEET_NAME, LOG_SHEET_REFUSED } from './log-rows';
import { RESULT_HEADERS } from './result-columns';
import { HEADER_CHANGED, SHEET_DELETED } from './wording';

const RESULT_HEADER_NAMES = new Set(RESULT_HEADERS.map((h) => h.toLowerCase()));

/** Job ID titles written together, lower case: what a typo of one is measured against. */
const ID_TITLES_JOINED = ['jobid', 'jobids', 'aodocsjobid', 'aodocsid'];

/** The fewest one-letter insertions, deletions and changes that turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * A job ID title with a typo ("JobIdd", "Jobid s", "Job IDz"): one letter off `jobid` and its kin, spaces, `_` and
 * `-` aside. A job ID is 18 or more letters and digits, never one letter from these.
 */
function isJobIdTitleTypo(text: string): boolean {
  const joined = text.toLowerCase().replace(/[\s_-]+/g, '');
  return ID_TITLES_JOINED.some((title) => editDistance(joined, title) <= 1);
}

/**
 * True when a cell of row 1 reads like a column title rather than a job ID: `Job ID`, `jobId`, `ID`, `Jobs`, one
 * of them with a one-letter typo, one of the result columns' titles, or any text with spaces. An error value such
 * as `#N/A` is not a title: it is a broken job ID cell.
 */
export function readsLikeHeader(text: string): boolean {
  const check = checkJobId(text);
  if (check.kind === 'blank') return false;
  if (check.kind === 'invalid') return !check.text.startsWith('#');
  return (
    isJobIdTitle(check.jobId) ||
    isJobIdTitleTypo(check.jobId) ||
    /^jobs?$/i.test(check.jobId) ||
    RESULT_HEADER_NAMES.has(check.jobId.toLowerCase())
  );
}

/**
 * The header row: the sheet's last frozen row; else row 1 when one of its cells is a job ID title (`Job ID`,
 * `ID`...: only the ID column is read, so notes or types beside it do not matter), or when its cells in the
 * selected columns read like titles and none looks like a job ID (an unfrozen header with a typo, "Jb ID",
 * beside "Type" and "Notes"); else 0 (none). `row1Texts`: row 1's displayed texts, column 1 first;
 * `selectedColumns`: the columns the selection covers.
 */
export function detectHeaderRow(frozenRows: number, row1Texts: string[], selectedColumns: number[]): number {
  if (frozenRows > 0) return frozenRows;
  if (row1Texts.some(isJobIdTitle)) return 1;
  const filled = selectedColumns.map((c) => (row1Texts[c - 1] ?? '').trim()).filter((t) => t !== '');
  return filled.some(readsLikeHeader) && !filled.some(looksLikeJobId) ? 1 : 0;
}

export const NO_HEADER_MESSAGE =
  'Add a header row above the job IDs (for example "Job ID" in row 1, or freeze the header row): ' +
  'results are written into columns named in that row.';

/**
 * Why a chunk cannot be written into this sheet, or undefined: the sheet was deleted, it is the log, or its
 * header row moved since the plan (a moved header would misplace columns; an emptied one is caught when
 * results are written, under the lock).
 */
export function targetSheetProblem(
  sheet: { name: string; frozenRows: number } | null,
  headerRow: number,
): string | undefined {
  if (!sheet) return SHEET_DELETED;
  if (sheet.name === LOG_SHEET_NAME) return LOG_SHEET_REFUSED;
  if ((sheet.frozenRows > 0 ? sheet.frozenRows : 1) !== headerRow) return HEADER_CHANGED;
  return undefined;
}

/**
 * Why results cannot be written under this header row now, or undefined. `headerTexts`: the row's texts read
 * under the lock; `idColumns`: the run's job ID column (the plan's, whatever cells the chunk holds); `frozen`: the
 * header is the last frozen row. An empty row means rows were inserted above the real one; an unfrozen row 1 was
 * recognised by its titles, and once a job ID stands in its ID column (the row deleted or sorted away) it holds
 * data: writing would create columns there.
 */
export function headerRowProblem(headerTexts: string[], idColumns: number[], frozen: boolean): string | undefined {
  if (headerTexts.every((h) => h.trim() === '')) return HEADER_CHANGED;
  if (!frozen && idColumns.some((c) => looksLikeJobId(headerTexts[c - 1] ?? ''))) return HEADER_CHANGED;
  return undefined;
}
