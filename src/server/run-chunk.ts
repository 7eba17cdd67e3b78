// One chunk of a run, in one server execution: read where the chunk's jobs are, send their requests together,
// read back the jobs whose answers need it, then under the document lock write every row and the log.
// Every decision (what an answer means, where a row goes, whether the run stops) is core/chunk-settlement.ts's.
import { ChunkRequest, ChunkResult, JobResult, PlannedJob } from '../shared/api';
import { logRows } from '../core/log-rows';
import { ApiTarget, cancelJobRequest, getJobRequest } from '../core/aodocs-request';
import { validateChunkRequest } from '../core/chunk-validation';
import { documentLockWaitMs } from '../core/retry-policy';
import { sendWithRetries as retryLoop } from '../core/run/send-with-retries';
import { targetSheetProblem } from '../core/header-row';
import { SHEET_DELETED } from '../core/wording';
import {
  LockState,
  Placement,
  loggedResults,
  traceNeedsLog,
  Sent,
  chunkSetupProblem,
  jobsToSend,
  Settled,
  chunkResults,
  jobCells,
  jobsStillInSheet,
  memoriesNeeded,
  notSentJobs,
  outcomesOf,
  readBacksNeeded,
  rowsNow,
  rowsToWrite,
  settledJobs,
  withEarlierRuns,
  withSetupProblem,
  stopReason,
} from '../core/chunk-settlement';
import { Settings } from '../core/settings';
import { appendLog, appendLogWithoutLock } from './audit-log';
import { tryWithDocumentLock } from './document-lock';
import { authorizationHeader } from './authorization';
import { fetchHandlers, sendWithRetries } from './aodocs-client';
import { runProgram } from './step-runner';
import { findCells } from './id-cells';
import { readResultTexts } from './earlier-results';
import { HeaderAt, PartialWriteError, writeResults } from './results-writer';
import { isRunStopped } from './run-stop';
import { readSettings } from './user-settings';
import { UserFacingError } from './user-facing-error';
import { requireGrantedScopes } from './scope-check';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function targetSheet(spreadsheet: Spreadsheet, request: ChunkRequest) {
  const sheet = spreadsheet.getSheetById(request.sheetId);
  const name = sheet ? sheet.getName() : '';
  const frozenRows = sheet ? sheet.getFrozenRows() : 0;
  const problem = targetSheetProblem(sheet && { name, frozenRows }, request.headerRow);
  if (problem || !sheet) throw new UserFacingError(problem);
  return { sheet, name, frozenRows };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Sends the jobs' requests, then the read-backs their answers call for. */
function send(
  action: ChunkRequest['action'],
  settings: Settings,
  jobs: PlannedJob[],
  startedAt: number,
  keepRetrying: () => boolean,
  /** The Result texts of each job's rows: what an earlier run wrote there (Run again and Refresh keep it). */
  earlierResults: (jobIds: string[]) => string[][],
) {
  const target: ApiTarget = settings;
  const authorization = authorizationHeader(settings);
  const build = action === 'cancel' ? cancelJobRequest : getJobRequest;
  const first = runProgram(
    retryLoop(
      jobs.map((j) => build(target, j.jobId, authorization)),
      { startedAt, stoppable: true, handBackLongWaits: true },
    ),
    fetchHandlers(() => !keepRetrying()),
  );
  const remember = memoriesNeeded(action, first.outcomes);
  const earlier = earlierResults(remember.map((i) => jobs[i].jobId));
  const sent: Sent[] = withEarlierRuns(action, first.outcomes, remember, earlier);
  const toRead = first.quotaExceeded ? [] : readBacksNeeded(action, sent);
  const read = sendWithRetries(
    toRead.map((i) => getJobRequest(target, jobs[i].jobId, authorization)),
    { startedAt },
  );
  const readBacks = read.outcomes.map((o) => o?.answer);
  const setupProblem = chunkSetupProblem(action, sent, readBacks, settings.authMode);
  return {
    outcomes: withSetupProblem(outcomesOf(action, sent, readBacks), setupProblem),
    quotaExceeded: first.quotaExceeded || read.quotaExceeded,
    runWaitMs: Math.max(first.runWaitMs, read.runWaitMs),
    setupProblem,
  };
}

/**
 * Writes the rows and the log. AODocs has already been called: a failure here (the lock not free in time, a
 * protected range, the sheet deleted meanwhile) must not lose what happened, so the results still go back to
 * the sidebar, which lists them, and without the lock the log lines are still appended (core decides whether the
 * run goes on: chunk-settlement.ts stopReason).
 */
function record(
  spreadsheet: Spreadsheet,
  request: ChunkRequest,
  header: HeaderAt,
  settled: Settled[],
  gone: PlannedJob[],
  /** Who and which sheet the log rows name. Read before the lock is taken. */
  who: { user: string; sheetName: string },
  /** The user's "write log" setting. */
  logOn: boolean,
  lockWaitMs: number,
): {
  results: JobResult[];
  lock: LockState;
  logOn: boolean;
  logged: boolean;
  writeFailure?: string;
  logFailure?: string;
} {
  const checkedAt = new Date();
  let placement: Placement | undefined;
  let writeFailure: string | undefined;
  let logFailure: string | undefined;
  let results: JobResult[] | undefined;
  let lock: LockState = 'held';
  /** The writes under the lock were tried (the lock was had, and LockService did not throw). */
  let triedUnderLock = false;
  let logged = false;
  const log = (append: typeof appendLog, toLog: JobResult[]) => {
    try {
      append(spreadsheet, logRows(toLog, { time: checkedAt, action: request.action, ...who }));
      logged = true;
    } catch (error) {
      logFailure = messageOf(error);
    }
  };
  try {
    lock = tryWithDocumentLock(() => {
      triedUnderLock = true;
      try {
        // Found again under the lock: the sheet may have been deleted while AODocs was being asked.
        const sheet = spreadsheet.getSheetById(request.sheetId);
        if (!sheet) throw new UserFacingError(SHEET_DELETED);
        placement = writeResults(sheet, header, rowsToWrite(settled, checkedAt));
      } catch (error) {
        if (error instanceof PartialWriteError) placement = error.placement;
        writeFailure = messageOf(error);
      }
      results = chunkResults(settled, gone, placement);
      if (logOn) log(appendLog, results);
    }, lockWaitMs);
  } catch (error) {
    // LockService failed, or the flush under the lock did: what was written is not known to have been kept.
    writeFailure ??= messageOf(error);
  }
  if (!triedUnderLock) {
    // No row was written: each is named, and the log keeps their trace without the lock.
    results = chunkResults(settled, gone, undefined);
    if (traceNeedsLog(logOn, results)) log(appendLogWithoutLock, results);
  }
  results ??= chunkResults(settled, gone, placement);
  if (logged) results = loggedResults(results);
  return { results, lock, logOn, logged, writeFailure, logFailure };
}

export function runChunk(input: unknown): ChunkResult {
  requireGrantedScopes();
  const startedAt = Date.now();
  const request = validateChunkRequest(input);
  const settings = readSettings();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const { sheet, name, frozenRows } = targetSheet(spreadsheet, request);
  const located = findCells(sheet, request.headerRow, jobCells(request.jobs));
  const { present, gone } = jobsStillInSheet(request.jobs, located);
  // Stop pressed since this chunk left the sidebar: nothing is sent, the jobs go back as not sent.
  const stopped = isRunStopped(request.runId);
  const sent = send(
    request.action,
    settings,
    jobsToSend(present, stopped),
    startedAt,
    () => !isRunStopped(request.runId),
    (jobIds) => readResultTexts(sheet, request.headerRow, rowsNow(located, jobIds)),
  );
  const settled = settledJobs(request, present, sent.outcomes);
  const who = { user: Session.getActiveUser().getEmail(), sheetName: name };
  const lockWaitMs = documentLockWaitMs(Date.now() - startedAt);
  const header = { row: request.headerRow, idColumns: [request.idColumn], frozen: frozenRows > 0 };
  const { results, ...recorded } = record(
    spreadsheet,
    request,
    header,
    settled,
    gone,
    who,
    settings.writeLog,
    lockWaitMs,
  );
  return {
    results,
    notSent: notSentJobs(present, sent.outcomes),
    // AODocs asked to wait longer than this chunk could: the sidebar pauses the run (jobs handed back are in notSent).
    ...(sent.runWaitMs > 0 ? { waitSeconds: Math.ceil(sent.runWaitMs / 1000) } : {}),
    stopRun: stopReason({
      ...recorded,
      quotaExceeded: sent.quotaExceeded,
      results,
      authMode: settings.authMode,
      setupProblem: sent.setupProblem,
      stopped,
    }),
  };
}
