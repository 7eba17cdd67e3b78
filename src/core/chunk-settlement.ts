// Settles one chunk of a run: which jobs are still in the sheet, which answers need the job read back, what
// each job's row says, where each row goes, what the sidebar is told and whether the run must stop. The server
// around it (core/run/chunk-program.ts, carried out by server/run-chunk.ts) only takes the lock, reads, calls
// AODocs and writes what this module decides.
import { AuthModeName, CellRef, ChunkRequest, JobAction, JobResult, MovedCell, PlannedJob } from '../shared/api';
import { Answer, jobOf } from './aodocs-answer';
import { ExpectedCell, LocatedCell } from './cell-location';
import { consecutiveRuns } from './blocks';
import { JobOutcome, cancelOutcome, needsReadBack, refreshOutcome, rememberingEarlierAttempt } from './job-outcome';
import { RESULT_HEADERS, ResultHeader, RowValues, resultValues } from './result-columns';
import { setupProblem } from './circuit-breaker';
import { earlierCancelDidIt, earlierCancelMayHaveWorked, onlySeenStillRunning } from './earlier-result';
import {
  EARLIER_ATTEMPT,
  RESULT,
  SERVER,
  SETUP,
  STOP,
  logFailedStopped,
  nothingRecordedStopped,
  signInStopped,
  withEarlierAttempt,
  writeFailedStopped,
} from './wording';

/** The cells of the chunk's jobs, as cell-location finds them; a job's key is its ID. */
export function jobCells(jobs: PlannedJob[]): ExpectedCell[] {
  return jobs.flatMap((job) =>
    job.cells.map((cell) => ({
      key: job.jobId,
      text: job.jobId,
      cell,
      follow: (job.followColumns ?? []).includes(cell.column),
    })),
  );
}

/** A job is still in the sheet, and worth sending, when any of its cells still holds it (or was followed). */
export function jobsStillInSheet(
  jobs: PlannedJob[],
  located: LocatedCell[],
): { present: PlannedJob[]; gone: PlannedJob[] } {
  const found = new Set(located.filter((l) => l.at).map((l) => l.key));
  return { present: jobs.filter((j) => found.has(j.jobId)), gone: jobs.filter((j) => !found.has(j.jobId)) };
}

/** The jobs to send now: none once the run was stopped (they go back to the sidebar as not sent). */
export function jobsToSend(present: PlannedJob[], stopped: boolean): PlannedJob[] {
  return stopped ? [] : present;
}

/** What came of one request: its last answer, or undefined when it was never sent (time budget, quota). */
export type Sent =
  | {
      answer: Answer;
      earlierSendMayHaveWorked: boolean;
      /** The only memory is of an earlier run that read the job still running after a refusal (earlier-result.ts). */
      earlierSeenStillRunning?: boolean;
      /** A row says an earlier cancel of ours cancelled the job (`Cancelled`). */
      earlierCancelDidIt?: boolean;
    }
  | undefined;

/** Indexes of the jobs to read back (GET) before their rows can tell the truth. */
export function readBacksNeeded(action: JobAction, sent: Sent[]): number[] {
  if (action !== 'cancel') return [];
  return sent.flatMap((s, i) => (s && needsReadBack(s.answer) ? [i] : []));
}

/** The rows each job's ID is in now (`located` as cell-location finds the chunk's jobCells). */
export function rowsNow(located: LocatedCell[], jobIds: string[]): number[][] {
  return jobIds.map((id) => located.flatMap((l) => (l.key === id && l.at ? [l.at.row] : [])));
}

/** The status an answer carries, upper case; undefined when it carries none. */
function statusOf(answer: Answer): string | undefined {
  const status = answer.kind === 'ok' ? jobOf(answer)?.status : undefined;
  return status === undefined ? undefined : status.trim().toUpperCase();
}

/**
 * Whether a job's rows must be read for what an earlier run wrote before its outcome is known. A cancel AODocs
 * answered with the job's state settles the row by itself. A status read that says the job still runs or ended
 * otherwise than cancelled settles who cancelled nothing worth keeping; one that says CANCELLED, or says nothing,
 * may meet a row that remembers a cancel of ours, and must keep that memory (job-outcome.ts
 * rememberingEarlierAttempt). A chunk whose answers all settled reads nothing more.
 */
function mayMeetAMemory(action: JobAction, answer: Answer): boolean {
  const status = statusOf(answer);
  return action === 'refresh' ? status === undefined || status === 'CANCELLED' : status === undefined;
}

/** Indexes of the jobs whose rows' Result cells must be read (mayMeetAMemory). */
export function memoriesNeeded(action: JobAction, sent: Sent[]): number[] {
  return sent.flatMap((s, i) => (s && mayMeetAMemory(action, s.answer) ? [i] : []));
}

/**
 * Indexes of the jobs whose last log line is worth reading (withEarlierRuns' `readLog`): the refused cancels whose
 * rows (`indexes[k]` has Result texts `resultTexts[k]`) remember nothing, where it decides between `Cancelled` and
 * `Already cancelled`.
 */
export function logMemoriesNeeded(
  action: JobAction,
  sent: Sent[],
  indexes: number[],
  resultTexts: string[][],
): number[] {
  return indexes.filter((i, k) => {
    const s = sent[i];
    return (
      action === 'cancel' && s && needsReadBack(s.answer) && !(resultTexts[k] ?? []).some(earlierCancelMayHaveWorked)
    );
  });
}

/**
 * `sent`, with what the rows remember of an earlier run: the job at `indexes[k]` (memoriesNeeded) has rows whose
 * Result cells read `resultTexts[k]`; one that says an earlier cancel may have reached AODocs counts as an earlier
 * send of this run (see earlier-result.ts). A status read cannot cancel: for a Refresh only the rows' memory counts.
 */
export function withEarlierRuns(
  action: JobAction,
  sent: Sent[],
  indexes: number[],
  resultTexts: string[][],
  /**
   * What the log remembers of these jobs (log-rows.ts lastLoggedResults): asked once, for the refused cancels
   * whose rows remember nothing, where it decides between `Cancelled` and `Already cancelled`.
   */
  readLog: (jobIndexes: number[]) => string[] = (jobIndexes) => jobIndexes.map(() => ''),
): Sent[] {
  const memories = new Map(indexes.map((i, k) => [i, resultTexts[k] ?? []]));
  const askLog = logMemoriesNeeded(action, sent, indexes, resultTexts);
  /** The job's last log line, where the log was asked. */
  const loggedLast = new Map<number, string>();
  if (askLog.length > 0) {
    const logged = readLog(askLog);
    askLog.forEach((i, k) => logged[k] && loggedLast.set(i, logged[k]));
  }
  return sent.map((s, i) => {
    if (!s) return s;
    const logged = loggedLast.get(i);
    const texts = [...(memories.get(i) ?? []), ...(logged === undefined ? [] : [logged])];
    const inThisRun = action === 'cancel' && s.earlierSendMayHaveWorked;
    const remembered = texts.some(earlierCancelMayHaveWorked);
    // The log's last line saying our cancel did it decides a refusal read back as CANCELLED, nothing more. Only the
    // log says so: a row's `Cancelled` may be about the job whose ID stood in that cell before an edit (generated
    // runs, seed 1011).
    const didIt = action === 'cancel' && logged !== undefined && earlierCancelDidIt(logged);
    const seenRunning = !inThisRun && onlySeenStillRunning(texts);
    return {
      ...s,
      earlierSendMayHaveWorked: remembered || inThisRun,
      ...(seenRunning ? { earlierSeenStillRunning: true } : {}),
      ...(didIt ? { earlierCancelDidIt: true } : {}),
    };
  });
}

/**
 * Each job's outcome, in order; undefined where the job was not sent. `readBacks[k]` answers the k-th index of
 * readBacksNeeded (undefined where the read never went out).
 */
export function outcomesOf(
  action: JobAction,
  sent: Sent[],
  readBacks: (Answer | undefined)[],
): (JobOutcome | undefined)[] {
  const reads = new Map(readBacksNeeded(action, sent).map((i, k) => [i, readBacks[k]]));
  return sent.map((s, i) => {
    if (!s) return undefined;
    const outcome =
      action === 'refresh'
        ? refreshOutcome(s.answer)
        : cancelOutcome(
            s.answer,
            reads.get(i),
            s.earlierSendMayHaveWorked,
            s.earlierSeenStillRunning,
            s.earlierCancelDidIt,
          );
    return rememberingEarlierAttempt(action, outcome, s.earlierSendMayHaveWorked);
  });
}

/** A job (or a rejected cell) whose outcome is known, with the cells that get its row. */
export interface Settled {
  jobId: string;
  cells: CellRef[];
  outcome: JobOutcome;
  /** Columns where the row may follow its ID (rejected cells: none, they are written only where they are). */
  followColumns: number[];
}

export function settledJobs(
  request: ChunkRequest,
  present: PlannedJob[],
  outcomes: (JobOutcome | undefined)[],
): Settled[] {
  return [
    ...present.flatMap((job, i) => {
      const outcome = outcomes[i];
      return outcome ? [{ jobId: job.jobId, cells: job.cells, outcome, followColumns: job.followColumns ?? [] }] : [];
    }),
    ...request.rejected.map((r) => ({
      jobId: r.text,
      cells: [r.cell],
      outcome: { outcome: 'invalid' as const, result: RESULT.invalid },
      followColumns: [],
    })),
  ];
}

/** Jobs present in the sheet whose requests never went out: the sidebar sends them again. */
export function notSentJobs(present: PlannedJob[], outcomes: (JobOutcome | undefined)[]): PlannedJob[] {
  return present.filter((_, i) => outcomes[i] === undefined);
}

export interface RowToWrite extends ExpectedCell {
  /** Only the columns this row writes: a row whose request read no status writes `Result` alone. */
  values: RowValues;
}

function cellKey(settledIndex: number, cellIndex: number): string {
  return `${settledIndex}#${cellIndex}`;
}

/** One row per settled cell, with its values; keys tie each row back to its job. */
export function rowsToWrite(settled: Settled[], checkedAt: Date): RowToWrite[] {
  return settled.flatMap((s, k) => {
    const values = resultValues(s.outcome, checkedAt);
    return s.cells.map((cell, c) => ({
      key: cellKey(k, c),
      text: s.jobId,
      cell,
      follow: s.followColumns.includes(cell.column),
      values,
    }));
  });
}

export interface Placement {
  /** Row number -> the values written there. */
  rows: Map<number, RowToWrite>;
  written: Map<string, CellRef>;
  moved: Map<string, MovedCell>;
}

/**
 * Where each row goes now; one row holds one result. Cells still in place are placed first, so an ID followed
 * into a row (from another column) never takes the row of a job whose ID is still there.
 */
export function placeRows(rows: RowToWrite[], located: LocatedCell[]): Placement {
  const placement: Placement = { rows: new Map(), written: new Map(), moved: new Map() };
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const inPlaceFirst = [...located.filter((l) => !l.moved), ...located.filter((l) => l.moved)];
  for (const l of inPlaceFirst) {
    const row = byKey.get(l.key);
    if (!row) continue;
    if (l.moved) placement.moved.set(l.key, l.moved);
    if (!l.at) continue;
    if (placement.rows.has(l.at.row)) {
      placement.moved.set(l.key, { jobId: row.text, from: row.cell });
      continue;
    }
    placement.rows.set(l.at.row, row);
    placement.written.set(l.key, l.at);
  }
  return placement;
}

/** One rectangle of values for setValues. */
export interface Block {
  row: number;
  column: number;
  values: unknown[][];
}

/** The result columns a row writes, in column order, as a key: rows of one shape can share a block. */
function shapeOf(row: RowToWrite, columns: Record<ResultHeader, number>): string {
  return RESULT_HEADERS.filter((h) => h in row.values)
    .map((h) => columns[h])
    .sort((a, b) => a - b)
    .join(',');
}

/**
 * The writes of a placement: one block per run of consecutive rows that write the same columns, and per run of
 * consecutive columns among those. A cell a row does not write (its status columns, after a failed request) is
 * in no block, so it keeps what AODocs said before.
 */
export function resultBlocks(columns: Record<ResultHeader, number>, rows: Map<number, RowToWrite>): Block[] {
  const headerAt = new Map(RESULT_HEADERS.map((h) => [columns[h], h] as const));
  const blocks: Block[] = [];
  for (const rowRun of consecutiveRuns(rows.keys())) {
    // Within a run of consecutive rows, each stretch of rows of the same shape.
    let start = rowRun.start;
    while (start < rowRun.start + rowRun.length) {
      const shape = shapeOf(rows.get(start)!, columns);
      let end = start + 1;
      while (end < rowRun.start + rowRun.length && shapeOf(rows.get(end)!, columns) === shape) end++;
      const written = shape === '' ? [] : shape.split(',').map(Number);
      for (const colRun of consecutiveRuns(written)) {
        const values: unknown[][] = [];
        for (let r = start; r < end; r++) {
          const line: unknown[] = [];
          for (let c = colRun.start; c < colRun.start + colRun.length; c++)
            line.push(rows.get(r)!.values[headerAt.get(c)!]);
          values.push(line);
        }
        blocks.push({ row: start, column: colRun.start, values });
      }
      start = end;
    }
  }
  return blocks;
}

/** The placement reduced to the rows whose every block came before block `failedIndex` (writing stopped there). */
export function writtenBefore(placement: Placement, blocks: Block[], failedIndex: number): Placement {
  const done = new Set<number>();
  const failed = new Set<number>();
  blocks.forEach((block, i) => {
    for (let r = block.row; r < block.row + block.values.length; r++) (i < failedIndex ? done : failed).add(r);
  });
  const rows = new Map([...placement.rows].filter(([row]) => done.has(row) && !failed.has(row)));
  const keptKeys = new Set([...rows.values()].map((r) => r.key));
  const written = new Map([...placement.written].filter(([key]) => keptKeys.has(key)));
  return { rows, written, moved: placement.moved };
}

/**
 * What the sidebar and the log are told about each job; `placement` undefined when nothing was written (the lock
 * not had). A cell neither written nor moved is named as not written: its result lives only in the log and the
 * sidebar.
 */
export function chunkResults(settled: Settled[], gone: PlannedJob[], placement: Placement | undefined): JobResult[] {
  return [
    ...settled.map((s, k) => {
      const keys = s.cells.map((_, c) => cellKey(k, c));
      const notWritten = s.cells.filter((_, c) => !placement?.written.has(keys[c]) && !placement?.moved.has(keys[c]));
      return {
        jobId: s.jobId,
        outcome: s.outcome.outcome,
        result: s.outcome.result,
        httpCode: s.outcome.httpCode,
        status: s.outcome.job?.status,
        written: keys.flatMap((key) => placement?.written.get(key) ?? []),
        moved: keys.flatMap((key) => placement?.moved.get(key) ?? []),
        ...(notWritten.length > 0 ? { notWritten } : {}),
        ...(s.outcome.transient ? { transient: true } : {}),
        ...(s.outcome.libraryId === undefined ? {} : { libraryId: s.outcome.libraryId }),
      };
    }),
    ...gone.map((job) => ({ jobId: job.jobId, outcome: 'gone' as const, result: RESULT.gone, written: [], moved: [] })),
  ];
}

/** The circuit breaker's verdict on a chunk's answers (see circuit-breaker.ts); `readBacks` as for outcomesOf. */
export function chunkSetupProblem(
  action: JobAction,
  sent: Sent[],
  readBacks: (Answer | undefined)[],
  authMode?: AuthModeName,
): string | undefined {
  const reads = new Map(readBacksNeeded(action, sent).map((i, k) => [i, readBacks[k]]));
  const jobs = sent.flatMap((s, i) => (s ? [{ answer: s.answer, readBack: reads.get(i) }] : []));
  return setupProblem(action, jobs, authMode);
}

/**
 * The outcomes once the breaker found the chunk's security code refused: a 403 then says nothing about the job's
 * library, and its row says so, whatever AODocs' message (AODocs may reword "Invalid security code").
 */
export function withSetupProblem(
  outcomes: (JobOutcome | undefined)[],
  setupProblem: string | undefined,
): (JobOutcome | undefined)[] {
  if (setupProblem !== SETUP.securityCode) return outcomes;
  return outcomes.map((o) => {
    if (o?.httpCode !== 403) return o;
    const { libraryId: _libraryId, ...rest } = o;
    const remembers = o.result.endsWith(EARLIER_ATTEMPT);
    return { ...rest, result: remembers ? withEarlierAttempt(RESULT.securityCodeRefused) : RESULT.securityCodeRefused };
  });
}

/**
 * The document lock as a chunk met it: had; held by someone else past the wait; or none given (getDocumentLock()
 * returned null).
 */
export type LockState = 'held' | 'busy' | 'unavailable';

/** Every row of a job got its result (none named not written, none whose ID moved away). */
function rowsTellIt(result: JobResult): boolean {
  return (
    result.written.length > 0 && (result.notWritten ?? []).length === 0 && result.moved.every((m) => m.to !== undefined)
  );
}

/**
 * The results that go into the log: all of them when the log is on. When it is off, still each cancel sent whose
 * rows did not all get its result (a busy lock, the sheet deleted or the ID cell edited or sorted away while
 * AODocs was asked): every cancel sent must leave a trace, its row or its log line, whatever the setting.
 */
export function resultsToLog(action: JobAction, logOn: boolean, results: JobResult[]): JobResult[] {
  if (logOn) return results;
  if (action !== 'cancel') return [];
  return results.filter((r) => r.outcome !== 'invalid' && r.outcome !== 'gone' && !rowsTellIt(r));
}

/** The results, those whose lines were appended (`loggedJobIds`) marked as in the log. */
export function loggedResults(results: JobResult[], loggedJobIds: Set<string>): JobResult[] {
  return results.map((r) => (loggedJobIds.has(r.jobId) ? { ...r, logged: true } : r));
}

/**
 * Why the run must stop because of how the chunk's results were recorded, or undefined. Every cancel sent must
 * leave a trace, its row or its log line:
 * - the lock busy (a colleague's run holding it): the rows are not written, the log lines are appended without it
 *   (appendRow is atomic), and the run goes on; the sidebar names the rows. A busy lock was one of the ways every
 *   run stopped, and waiting it out is the lock wait's job. With the log off, or its append failed, nothing but the
 *   sidebar holds the results: the run stops rather than send more cancels without a trace.
 * - no lock at all: it will be the same for every chunk: the run stops after logging.
 * - a write under the lock that failed (protected range, header changed, sheet deleted): the run stops.
 */
function recordingStop(facts: {
  writeFailure?: string;
  logFailure?: string;
  lock: LockState;
  logOn: boolean;
  /** The chunk's results reached the log (with the log off too, when rows could not be written). */
  logged: boolean;
}): string | undefined {
  const rowsFailure =
    facts.writeFailure ??
    (facts.lock === 'busy' ? SERVER.lockBusy : facts.lock === 'unavailable' ? SERVER.noDocumentLock : undefined);
  if (rowsFailure === undefined) return facts.logFailure === undefined ? undefined : logFailedStopped(facts.logFailure);
  if (facts.logFailure !== undefined) return nothingRecordedStopped(rowsFailure, facts.logFailure);
  if (facts.lock === 'busy' && facts.writeFailure === undefined && facts.logOn) return undefined;
  return writeFailedStopped(rowsFailure, facts.logged);
}

/** Why the run must stop after this chunk, or undefined. */
export function stopReason(facts: {
  writeFailure?: string;
  logFailure?: string;
  /** The document lock; 'held' when absent. */
  lock?: LockState;
  /** The log is on (settings); absent: off. */
  logOn?: boolean;
  /** The chunk's results reached the log; absent: as logOn says. */
  logged?: boolean;
  quotaExceeded: boolean;
  results: JobResult[];
  authMode: AuthModeName;
  /** The circuit breaker's sentence, when every job met the same setup problem. */
  setupProblem?: string;
  /** The user pressed Stop and the server held this chunk back. */
  stopped?: boolean;
}): string | undefined {
  // Nothing a user started may go untraced: a run whose results were neither written nor logged does not go on.
  const logOn = facts.logOn ?? false;
  const recording = recordingStop({ ...facts, lock: facts.lock ?? 'held', logOn, logged: facts.logged ?? logOn });
  if (recording !== undefined) return recording;
  if (facts.quotaExceeded) return STOP.dailyQuota;
  // A sign-in refused for every job of the chunk is the setup's; one 401 among accepted cancels (a token that
  // expired mid-chunk) is that job's row, and the next chunk tells.
  const judged = facts.results.filter((r) => r.outcome !== 'invalid' && r.outcome !== 'gone');
  if (judged.length > 0 && judged.every((r) => r.httpCode === 401)) return signInStopped(facts.authMode);
  if (facts.setupProblem !== undefined) return facts.setupProblem;
  if (facts.stopped) return STOP.stopped;
  return undefined;
}
