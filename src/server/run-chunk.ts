// One chunk of a run, in one server execution: check the request, send its jobs' requests together, read the
// real status of jobs AODocs would not cancel, write every row, return per-job results to the sidebar.
import { CellRef, ChunkRequest, ChunkResult, JobResult, PlannedJob } from '../shared/api';
import { LOG_SHEET_NAME, LOG_SHEET_REFUSED, logRows } from '../core/log-rows';
import { appendLog } from './audit-log';
import { withDocumentLock } from './document-lock';
import { ApiTarget, cancelJobRequest, getJobRequest } from '../core/aodocs-request';
import { validateChunkRequest } from '../core/chunk-validation';
import { documentLockWaitMs } from '../core/retry-policy';
import { JobOutcome, SENTENCES, cancelOutcome, isNotCancellableNow, refreshOutcome } from '../core/job-outcome';
import { resultValues } from '../core/result-columns';
import { authorizationHeader } from './authorization';
import { sendWithRetries } from './aodocs-client';
import { locateCells } from './id-cells';
import { RowToWrite, WriteReport, writeResults } from './results-writer';
import { readSettings } from './user-settings';
import { Settings } from '../core/settings';
import { UserFacingError } from './user-facing-error';
import { HEADER_CHANGED } from './header-changed';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const GONE_SENTENCE = 'No longer in its cell: not sent';

function findSheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, sheetId: number): Sheet {
  const sheet = spreadsheet.getSheetById(sheetId);
  if (!sheet) throw new UserFacingError('The sheet of this run was deleted. Select the job IDs again.');
  return sheet;
}

/** Jobs whose cells still hold them (found again in their column if rows moved), and the others. */
function jobsStillInSheet(sheet: Sheet, request: ChunkRequest): { present: PlannedJob[]; gone: PlannedJob[] } {
  const expected = request.jobs.flatMap((job) =>
    job.cells.map((cell) => ({ key: job.jobId, text: job.jobId, cell, relocate: true })),
  );
  // A job is still in the sheet when any of its cells is found.
  const found = new Set(
    locateCells(sheet, request.headerRow, expected)
      .filter((l) => l.at)
      .map((l) => l.key),
  );
  return {
    present: request.jobs.filter((j) => found.has(j.jobId)),
    gone: request.jobs.filter((j) => !found.has(j.jobId)),
  };
}

export function signInAdvice(authMode: Settings['authMode']): string {
  return authMode === 'security-code'
    ? 'AODocs did not accept the security code (401), so the run stopped. Check it in Settings.'
    : 'AODocs did not accept your sign-in (401), so the run stopped. Open Settings > Check connection to see the ' +
        'client ID AODocs support must register for your domain.';
}

export const QUOTA_SENTENCE =
  "Google's daily limit for outside requests is reached; the jobs not yet sent were left untouched. " +
  'Run again tomorrow: finished rows are skipped.';

/**
 * Outcomes per job, in order; undefined where the job was not sent (time budget, daily quota).
 */
function outcomes(
  action: ChunkRequest['action'],
  settings: Settings,
  jobs: PlannedJob[],
  startedAt: number,
): { outcomes: (JobOutcome | undefined)[]; quotaExceeded: boolean } {
  const target: ApiTarget = settings;
  const authorization = authorizationHeader(settings);
  const build = action === 'cancel' ? cancelJobRequest : getJobRequest;
  const sent = sendWithRetries(
    jobs.map((j) => build(target, j.jobId, authorization)),
    startedAt,
  );
  if (action === 'refresh') {
    return { outcomes: sent.outcomes.map((s) => s && refreshOutcome(s.answer)), quotaExceeded: sent.quotaExceeded };
  }
  // 400/412: the job could not be cancelled in its state; read it to write its real status.
  const toRead = sent.outcomes.flatMap((s, i) => (s && isNotCancellableNow(s.answer) ? [i] : []));
  const read = sent.quotaExceeded
    ? { outcomes: [], quotaExceeded: true }
    : sendWithRetries(
        toRead.map((i) => getJobRequest(target, jobs[i].jobId, authorization)),
        startedAt,
      );
  const followUps = new Map(toRead.map((i, k) => [i, read.outcomes[k]?.answer]));
  return {
    outcomes: sent.outcomes.map((s, i) => s && cancelOutcome(s.answer, followUps.get(i), s.earlierSendMayHaveWorked)),
    quotaExceeded: sent.quotaExceeded || read.quotaExceeded,
  };
}

/** A job (or a rejected cell) whose outcome is known, with the cells that get its row. */
interface Settled {
  jobId: string;
  cells: CellRef[];
  outcome: JobOutcome;
  /** Rejected cells are written only where they still are; jobs are looked for in their column if they moved. */
  relocate: boolean;
}

function rowsToWrite(settled: Settled[], checkedAt: Date): RowToWrite[] {
  return settled.flatMap((s, k) => {
    const values = resultValues(s.outcome, checkedAt);
    return s.cells.map((cell, c) => ({ key: `${k}#${c}`, text: s.jobId, cell, relocate: s.relocate, values }));
  });
}

function resultOf(s: Settled, k: number, report: WriteReport): JobResult {
  const keys = s.cells.map((_, c) => `${k}#${c}`);
  return {
    jobId: s.jobId,
    outcome: s.outcome.outcome,
    result: s.outcome.result,
    httpCode: s.outcome.httpCode,
    status: s.outcome.job?.status,
    written: keys.map((key) => report.written.get(key)).filter((x) => x !== undefined),
    moved: keys.map((key) => report.moved.get(key)).filter((x) => x !== undefined),
  };
}

/**
 * The header row the sidebar planned with must still be the sheet's: a moved header would misplace columns.
 * (An emptied header row is caught when results are written, under the lock.)
 */
function checkHeaderRow(sheet: Sheet, headerRow: number): void {
  const frozen = sheet.getFrozenRows();
  if ((frozen > 0 ? frozen : 1) !== headerRow) {
    throw new UserFacingError(HEADER_CHANGED);
  }
}

/**
 * Writes the rows and the log. AODocs has already been called: a failure here (the lock not free in time, a
 * protected range) must not lose what happened, so the results still go back to the sidebar, which lists them.
 */
function record(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: Sheet,
  request: ChunkRequest,
  settled: Settled[],
  gone: PlannedJob[],
  /** Who and which sheet the log rows name; undefined when the log is off. Read before the lock is taken. */
  logAs: { user: string; sheetName: string } | undefined,
  lockWaitMs: number,
): { results: JobResult[]; failure?: string } {
  const checkedAt = new Date();
  let report: WriteReport = { written: new Map(), moved: new Map() };
  let failure: string | undefined;
  const results = () => [
    ...settled.map((s, k) => resultOf(s, k, report)),
    ...gone.map((job) => ({
      jobId: job.jobId,
      outcome: 'gone' as const,
      result: GONE_SENTENCE,
      written: [],
      moved: [],
    })),
  ];
  try {
    withDocumentLock(() => {
      try {
        report = writeResults(sheet, request.headerRow, rowsToWrite(settled, checkedAt));
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
      }
      if (logAs) appendLog(spreadsheet, logRows(results(), { time: checkedAt, action: request.action, ...logAs }));
    }, lockWaitMs);
  } catch (error) {
    failure ??= error instanceof Error ? error.message : String(error);
  }
  return { results: results(), failure };
}

export function runChunk(input: unknown): ChunkResult {
  const startedAt = Date.now();
  const request = validateChunkRequest(input);
  const settings = readSettings();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = findSheet(spreadsheet, request.sheetId);
  const sheetName = sheet.getName();
  if (sheetName === LOG_SHEET_NAME) throw new UserFacingError(LOG_SHEET_REFUSED);
  checkHeaderRow(sheet, request.headerRow);
  const { present, gone } = jobsStillInSheet(sheet, request);

  const sent = outcomes(request.action, settings, present, startedAt);
  const settled: Settled[] = [
    ...present.flatMap((job, i) => {
      const outcome = sent.outcomes[i];
      return outcome ? [{ jobId: job.jobId, cells: job.cells, outcome, relocate: true }] : [];
    }),
    ...request.rejected.map((r) => ({
      jobId: r.text,
      cells: [r.cell],
      outcome: {
        outcome: 'invalid' as const,
        result: r.problem === 'invalid' ? SENTENCES.invalid : SENTENCES.severalInRow,
      },
      relocate: false,
    })),
  ];
  const logAs = settings.writeLog ? { user: Session.getActiveUser().getEmail(), sheetName } : undefined;
  const lockWaitMs = documentLockWaitMs(Date.now() - startedAt);
  const { results, failure } = record(spreadsheet, sheet, request, settled, gone, logAs, lockWaitMs);
  const signInRefused = results.some((r) => r.httpCode === 401);
  return {
    results,
    notSent: present.filter((_, i) => sent.outcomes[i] === undefined),
    stopRun:
      failure !== undefined
        ? `The results of the last chunk could not be written into the sheet (${failure}); they are listed here. The run stopped.`
        : sent.quotaExceeded
          ? QUOTA_SENTENCE
          : signInRefused
            ? signInAdvice(settings.authMode)
            : undefined,
  };
}
