// One chunk of a run, as a program of steps (sheet-steps.ts): find where the chunk's jobs are, send their requests
// together, read back the jobs whose answers need it, then under the document lock write every row and the log.
// Every decision between the steps is here or in what it calls (chunk-settlement.ts: what an answer means, where a
// row goes, whether the run stops); server/run-chunk.ts only carries out the steps.
import { ChunkRequest, ChunkResult, JobResult, PlannedJob } from '../../shared/api';
import { cancelJobRequest, getJobRequest } from '../aodocs-request';
import {
  LockState,
  Placement,
  Sent,
  Settled,
  chunkResults,
  chunkSetupProblem,
  jobCells,
  jobsStillInSheet,
  jobsToSend,
  logMemoriesNeeded,
  loggedResults,
  memoriesNeeded,
  notSentJobs,
  outcomesOf,
  readBacksNeeded,
  rowsNow,
  rowsToWrite,
  settledJobs,
  resultsToLog,
  stopReason,
  withEarlierRuns,
  withSetupProblem,
} from '../chunk-settlement';
import { LocatedCell } from '../cell-location';
import { CODE_PROBE_JOB_ID, afterCodeProbe, codeProbeNeeded } from '../circuit-breaker';
import { targetSheetProblem } from '../header-row';
import { logRows } from '../log-rows';
import { documentLockWaitMs } from '../retry-policy';
import { Settings } from '../settings';
import { authorizationHeader } from './authorization';
import { findCells } from './find-cells';
import { HeaderAt, readResultTexts, writeRows } from './result-cells';
import { isStopped, sendWithRetries } from './send-with-retries';
import { ChunkProgram, ChunkStep } from './sheet-steps';
import { attempt, messageOf, perform } from './steps';

function* ask<T>(step: ChunkStep): ChunkProgram<T> {
  return yield* perform<T, ChunkStep>(step);
}

/** The target sheet's name and frozen rows; the call ends with the user's sentence when it cannot be the target. */
function* targetSheet(request: ChunkRequest): ChunkProgram<{ name: string; frozenRows: number }> {
  const frame = (yield* ask<boolean>({ kind: 'find-sheet' }))
    ? yield* ask<{ name: string; frozenRows: number }>({ kind: 'sheet-frame' })
    : null;
  const problem = targetSheetProblem(frame, request.headerRow);
  if (problem || !frame) yield* ask({ kind: 'refuse', message: problem ?? '' });
  return frame!;
}

/** Sends the jobs' requests, then the read-backs their answers call for. */
function* send(
  request: ChunkRequest,
  settings: Settings,
  jobs: PlannedJob[],
  startedAt: number,
  located: LocatedCell[],
) {
  const { action } = request;
  const authorization = yield* authorizationHeader(settings.authMode);
  const build = action === 'cancel' ? cancelJobRequest : getJobRequest;
  const first = yield* sendWithRetries(
    jobs.map((j) => build(settings, j.jobId, authorization)),
    { startedAt, stoppable: true, handBackLongWaits: true },
  );
  // The Result texts of the rows whose answers settle nothing: what an earlier run wrote there (Run again and
  // Refresh keep it).
  const remember = memoriesNeeded(action, first.outcomes);
  const earlier = yield* readResultTexts(
    request.headerRow,
    rowsNow(
      located,
      remember.map((i) => jobs[i].jobId),
    ),
  );
  // The log's memory, read only for the jobs whose rows remember nothing and whose refusal it decides.
  const askLog = logMemoriesNeeded(action, first.outcomes, remember, earlier);
  const logged =
    askLog.length === 0 ? [] : yield* ask<string[]>({ kind: 'last-logged', jobIds: askLog.map((i) => jobs[i].jobId) });
  const sent: Sent[] = withEarlierRuns(action, first.outcomes, remember, earlier, () => logged);
  const toRead = first.quotaExceeded ? [] : readBacksNeeded(action, sent);
  const read = yield* sendWithRetries(
    toRead.map((i) => getJobRequest(settings, jobs[i].jobId, authorization)),
    { startedAt, slowestSendMs: first.slowestSendMs },
  );
  const readBacks = read.outcomes.map((o) => o?.answer);
  const suspected = chunkSetupProblem(action, sent, readBacks, settings.authMode);
  // A 403 for every job in security-code mode, AODocs' message not recognised: reading a job that does not exist
  // tells the code refused (403) from jobs of libraries the user does not administer (404 notFound).
  const probe = codeProbeNeeded(suspected, sent)
    ? (yield* sendWithRetries([getJobRequest(settings, CODE_PROBE_JOB_ID, authorization)], {
        startedAt,
        slowestSendMs: read.slowestSendMs,
      })).outcomes[0]?.answer
    : undefined;
  const setupProblem = afterCodeProbe(suspected, probe);
  return {
    outcomes: withSetupProblem(outcomesOf(action, sent, readBacks), setupProblem),
    quotaExceeded: first.quotaExceeded || read.quotaExceeded,
    runWaitMs: Math.max(first.runWaitMs, read.runWaitMs),
    setupProblem,
  };
}

interface Recorded {
  results: JobResult[];
  lock: LockState;
  logOn: boolean;
  logged: boolean;
  writeFailure?: string;
  logFailure?: string;
}

/**
 * The document lock as the chunk meets it: had; held by someone else past the wait ('busy'); none given
 * ('unavailable'). LockService throwing leaves it 'held' as far as stopReason goes, the failure being what it tells,
 * but nothing is written under it.
 */
function* takeLock(waitMs: number): ChunkProgram<{ had: boolean; lock: LockState; failure?: string }> {
  const given = yield* attempt<boolean, ChunkStep>({ kind: 'get-lock' });
  if (!given.ok) return { had: false, lock: 'held', failure: messageOf(given.error) };
  if (!given.value) return { had: false, lock: 'unavailable' };
  const tried = yield* attempt<boolean, ChunkStep>({ kind: 'try-lock', waitMs });
  if (!tried.ok) return { had: false, lock: 'held', failure: messageOf(tried.error) };
  return tried.value ? { had: true, lock: 'held' } : { had: false, lock: 'busy' };
}

/**
 * Writes the rows and the log. AODocs has already been called: a failure here (the lock not free in time, a
 * protected range, the sheet deleted meanwhile) must not lose what happened, so the results still go back to
 * the sidebar, which lists them, and without the lock the log lines are still appended (stopReason decides
 * whether the run goes on).
 */
function* record(
  request: ChunkRequest,
  header: HeaderAt,
  settled: Settled[],
  gone: PlannedJob[],
  /** Who and which sheet the log rows name. Read before the lock is taken. */
  who: { user: string; sheetName: string },
  /** The user's "write log" setting. */
  logOn: boolean,
  lockWaitMs: number,
): ChunkProgram<Recorded> {
  const checkedAt = new Date(yield* ask<number>({ kind: 'clock' }));
  let logged = false;
  let logFailure: string | undefined;
  const loggedJobIds = new Set<string>();
  function* log(kind: 'append-log' | 'append-log-without-lock', all: JobResult[]): ChunkProgram<void> {
    const toLog = resultsToLog(request.action, logOn, all);
    if (toLog.length === 0) return;
    const rows = logRows(toLog, { time: checkedAt, action: request.action, ...who });
    const appended = yield* attempt<unknown, ChunkStep>({ kind, rows });
    if (!appended.ok) {
      logFailure = messageOf(appended.error);
      return;
    }
    logged = true;
    for (const r of toLog) loggedJobIds.add(r.jobId);
  }
  const facts = () => ({ logOn, logged, logFailure });
  const { had, lock, failure } = yield* takeLock(lockWaitMs);
  if (!had) {
    // No row was written: each is named, and the log keeps their trace without the lock.
    const results = chunkResults(settled, gone, undefined);
    yield* log('append-log-without-lock', results);
    return { ...facts(), results: loggedResults(results, loggedJobIds), lock, writeFailure: failure };
  }
  const written = yield* writeRows(header, rowsToWrite(settled, checkedAt));
  const placement: Placement | undefined = written.placement;
  const results = chunkResults(settled, gone, placement);
  yield* log('append-log', results);
  // Commit the writes while the lock is still held (LockService documentation); the lock is released whatever
  // happened. A failed flush or release: what was written is not known to have been kept.
  const flushed = yield* attempt<unknown, ChunkStep>({ kind: 'flush' });
  const released = yield* attempt<unknown, ChunkStep>({ kind: 'release-lock' });
  const lockFailure = !released.ok ? released.error : !flushed.ok ? flushed.error : undefined;
  const writeFailure = written.failure ?? (lockFailure === undefined ? undefined : messageOf(lockFailure));
  return { ...facts(), results: loggedResults(results, loggedJobIds), lock: 'held', writeFailure };
}

/** The chunk `request` (validated), with the user's settings; `startedAt`: when the execution started. */
export function* chunkProgram(request: ChunkRequest, settings: Settings, startedAt: number): ChunkProgram<ChunkResult> {
  const { name, frozenRows } = yield* targetSheet(request);
  const located = yield* findCells(request.headerRow, jobCells(request.jobs));
  const { present, gone } = jobsStillInSheet(request.jobs, located);
  // Stop pressed since this chunk left the sidebar: nothing is sent, the jobs go back as not sent.
  const stopped = yield* isStopped();
  const sent = yield* send(request, settings, jobsToSend(present, stopped), startedAt, located);
  const settled = settledJobs(request, present, sent.outcomes);
  const who = { user: yield* ask<string>({ kind: 'user-email' }), sheetName: name };
  const lockWaitMs = documentLockWaitMs((yield* ask<number>({ kind: 'clock' })) - startedAt);
  const header = { row: request.headerRow, idColumns: [request.idColumn], frozen: frozenRows > 0 };
  const { results, ...recorded } = yield* record(request, header, settled, gone, who, settings.writeLog, lockWaitMs);
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
