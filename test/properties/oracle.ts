// The oracle: small named checks of one run, from the simulator's truth (job states, requests received) and the
// sheet around every chunk. Each returns violations whose message names the row or the job. They read the
// product's own words only where docs/BEHAVIOUR.md fixes them (result sentences, header texts).
import { DEFAULT_RETRY_POLICY } from '../../src/core/retry-policy';
import { RESULT_HEADERS } from '../../src/core/result-columns';
import { HEADER_CHANGED, waitTooLong, waitedTooOften } from '../../src/core/wording';
import { MAX_RESENDS, STOPPED_BY_USER, brakeBound } from '../../src/core/run-schedule';
import type { RequestLogEntry } from '../../simulator/request-log';
import type { Grid, RunRecord, ScenarioRecord, Segment } from './drive';
import { INVALID_TEXTS } from './scenario';
import { FOREIGN_LIBRARY, HEADER_ROW } from './world';

export interface Violation {
  check: string;
  message: string;
}

type Check = (record: ScenarioRecord, run: RunRecord) => string[];

/** A misconfigured run reaches AODocs with at most this many requests (docs/BEHAVIOUR.md, slow start). */
export const MISCONFIGURED_REQUEST_LIMIT = 10;
/** What AODocs said about a job and when: a request that reads no status leaves them as they were. */
const STATUS_COLUMNS = RESULT_HEADERS.filter((h) => h !== 'Result');

const norm = (v: unknown): string =>
  v instanceof Date ? `date:${v.getTime()}` : v === undefined || v === null ? '' : String(v);
const cell = (grid: Grid, row: number, column: number): string => norm(grid[row - 1]?.[column - 1]);
const text = (grid: Grid, row: number, column: number): string => cell(grid, row, column).replace(/^'/, '').trim();
const at = (row: number, column: number) => `${String.fromCharCode(64 + column)}${row}`;

/** 1-based columns of the result headers in the header row of `grid`. */
function resultColumns(grid: Grid): Map<string, number> {
  const columns = new Map<string, number>();
  (grid[HEADER_ROW - 1] ?? []).forEach((h, i) => {
    const name = RESULT_HEADERS.find((r) => r.toLowerCase() === norm(h).trim().toLowerCase());
    if (name && !columns.has(name)) columns.set(name, i + 1);
  });
  return columns;
}

/** Rows whose result cells changed in the segment. */
function writtenRows(segment: Segment): number[] {
  const columns = [...resultColumns(segment.after).values()];
  const rows: number[] = [];
  for (let r = HEADER_ROW + 1; r <= segment.after.length; r++) {
    if (columns.some((c) => cell(segment.before, r, c) !== cell(segment.after, r, c))) rows.push(r);
  }
  return rows;
}

function idColumnOf(record: ScenarioRecord): number {
  return record.world.idColumn;
}

/** One row a chunk wrote, as the oracle reads it. */
interface WrittenRow {
  where: string;
  id: string;
  status: string;
  statusChanged: boolean;
  result: string;
}

/** Every row each chunk of the run wrote, with its ID cell, Status and Result just after the chunk. */
function writtenRowsOf(record: ScenarioRecord, run: RunRecord): WrittenRow[] {
  const rows: WrittenRow[] = [];
  for (const segment of run.segments) {
    const columns = resultColumns(segment.after);
    const status = columns.get('Status');
    const result = columns.get('Result');
    for (const row of writtenRows(segment)) {
      const id = text(segment.after, row, idColumnOf(record));
      rows.push({
        where: `row ${row} (job ${id || '(blank)'})`,
        id,
        status: status ? text(segment.after, row, status) : '',
        statusChanged: status !== undefined && cell(segment.before, row, status) !== cell(segment.after, row, status),
        result: result ? text(segment.after, row, result) : '',
      });
    }
  }
  return rows;
}

/** Cancels whose answer the script never saw: no answer, 5xx, or lost with their whole fetchAll. */
function unansweredCancels(runs: RunRecord[]): string[] {
  return runs.flatMap((r) => {
    const failedCalls = new Set(r.fetched.filter((e) => e.status === null).map((e) => e.call));
    return r.fetched
      .filter((e) => e.method.toUpperCase() === 'POST')
      .filter((e) => e.status === null || e.status >= 500 || failedCalls.has(e.call))
      .map((e) => jobOfUrl(e.url));
  });
}

// (1a) A Status written is the job's status in AODocs.
const statusIsAodocsStatus: Check = (record, run) =>
  writtenRowsOf(record, run)
    .filter((r) => r.statusChanged && r.status !== '' && r.status !== run.jobsAfter.get(r.id)?.status)
    .map(
      (r) =>
        `${r.where}: Status written "${r.status}", AODocs says ${run.jobsAfter.get(r.id)?.status ?? 'no such job'}`,
    );

// (1b) `Cancelled` only for a job AODocs shows CANCELLED that a cancel of this user's runs cancelled. docs/BEHAVIOUR.md:
// after a cancel whose answer never came, a job that reads CANCELLED says `Cancelled` (the add-on cannot tell
// whether its attempt did it), even when it was cancelled before.
const cancelledOnlyIfCancelledByUs: Check = (record, run) => {
  const sent = new Set(
    record.runs.flatMap((r) => r.received.filter((e) => e.operation === 'cancel').map((e) => jobOfPath(e.path))),
  );
  // A request the platform refused to send (a Workspace block, unknown wording) reads to the add-on exactly like
  // one whose answer was lost: its "no answer" row is as unclear as a dropped connection.
  // An earlier run's Result in the sheet from the start that says its cancel may have reached AODocs (a 5xx, no
  // answer) makes the job's state as unclear to the add-on as a lost answer of this session (what Run again
  // remembers): that earlier attempt may be the one that cancelled it.
  // The sheet before the first chunk of the session (a run stopped before its first chunk has none).
  const first = record.runs.flatMap((r) => r.segments)[0]?.before;
  const firstResult = first && resultColumns(first).get('Result');
  const idColumn = idColumnOf(record);
  const remembered =
    first && firstResult !== undefined
      ? first
          .map((_, i) => i + 1)
          .filter((row) => /^AODocs unavailable, try again \((5\d\d|no answer)\)$/.test(text(first, row, firstResult)))
          .map((row) => text(first, row, idColumn))
      : [];
  const unclear = new Set([
    ...remembered,
    ...unansweredCancels(record.runs),
    ...record.runs.flatMap((r) =>
      (r.end?.results ?? [])
        .filter((x) => x.result === 'AODocs unavailable, try again (no answer)')
        .map((x) => x.jobId),
    ),
  ]);
  return writtenRowsOf(record, run)
    .filter((r) => r.result === 'Cancelled')
    .flatMap((r) => {
      const now = run.jobsAfter.get(r.id)?.status;
      const before = record.jobsAtStart.get(r.id)?.status;
      if (now !== 'CANCELLED') return [`${r.where}: Result "Cancelled", AODocs says ${now ?? 'no such job'}`];
      if (!sent.has(r.id) || (before !== 'IN_PROGRESS' && !unclear.has(r.id))) {
        return [`${r.where}: Result "Cancelled" but no cancel of this user's runs cancelled it (it was ${before})`];
      }
      return r.status === 'CANCELLED' ? [] : [`${r.where}: Result "Cancelled" next to Status "${r.status}"`];
    });
};

// (1c) `Already ...` only for a job AODocs shows finished so; `Already cancelled` not for a job an earlier run's
// cancel, its outcome unknown there, cancelled (docs/BEHAVIOUR.md, what Run again remembers).
const alreadyOnlyIfFinishedBefore: Check = (record, run) => {
  // Jobs whose last earlier run that told anything about them left the outcome of a cancel unknown: a later run
  // that told the job cancelled (or finished) settles it, and the row then holds that answer, not the doubt.
  const unknownBefore = new Set<string>();
  if (record.dims.rerunRemembers) {
    for (const earlier of record.runs.slice(0, run.index)) {
      const unanswered = new Set(unansweredCancels([earlier]));
      for (const told of earlier.end?.results ?? []) {
        const settled = told.outcome === 'done' || told.outcome === 'already-finished';
        if (settled) unknownBefore.delete(told.jobId);
        else if (unanswered.has(told.jobId)) unknownBefore.add(told.jobId);
      }
      for (const id of unanswered) {
        if (!(earlier.end?.results ?? []).some((x) => x.jobId === id)) unknownBefore.add(id);
      }
    }
  }
  return writtenRowsOf(record, run).flatMap((r) => {
    const already = /^Already (completed|failed|cancelled)$/.exec(r.result)?.[1]?.toUpperCase();
    const now = run.jobsAfter.get(r.id)?.status;
    if (!already) return [];
    if (already !== now) return [`${r.where}: Result "${r.result}", AODocs says ${now ?? 'no such job'}`];
    if (already === 'CANCELLED' && record.jobsAtStart.get(r.id)?.status === 'IN_PROGRESS' && unknownBefore.has(r.id)) {
      return [
        `${r.where}: Result "Already cancelled", but an earlier run's cancel, its outcome unknown then, did it (point 7)`,
      ];
    }
    return [];
  });
};

// (1d) Refusals match what AODocs knows: 404 only for an unknown job, 403 only for another library's job.
const refusalsMatchAodocs: Check = (record, run) =>
  writtenRowsOf(record, run).flatMap((r) => {
    const job = run.jobsAfter.get(r.id);
    if (r.result === 'Not found (404)' && job) return [`${r.where}: Result "Not found (404)", AODocs has the job`];
    if (r.result === 'Not a library administrator (403)' && job?.libraryId !== FOREIGN_LIBRARY) {
      return [`${r.where}: Result "Not a library administrator (403)" for a job of the user's own library`];
    }
    return [];
  });

// (1e) Only a row whose job ID cell is not a job ID is refused as one (docs/BEHAVIOUR.md: only the ID column is read).
const refusedOnlyForItsOwnIdCell: Check = (record, run) =>
  writtenRowsOf(record, run).flatMap((r) => {
    if (r.result === 'Invalid job ID' && !INVALID_TEXTS.includes(r.id)) {
      return [`${r.where}: Result "Invalid job ID" although its job ID cell holds a valid ID (point 1)`];
    }
    if (r.result === 'Several job IDs in one row') {
      return [`${r.where}: Result "Several job IDs in one row" although only the Job ID column is read (point 1)`];
    }
    const unknownText = !record.jobsAtStart.has(r.id) && r.id !== '' && !INVALID_TEXTS.includes(r.id);
    return unknownText && r.statusChanged && r.status !== ''
      ? [`${r.where}: a Status written for a text that is no job`]
      : [];
  });

// (2) Nothing outside the result columns changes; result columns change only in selected rows (or where the ID moved).
const onlyResultCellsOfSelectedRows: Check = (record, run) => {
  const problems: string[] = [];
  const idColumn = idColumnOf(record);
  for (const segment of run.segments) {
    const { before, after, request } = segment;
    const results = new Set(resultColumns(after).values());
    const ids = new Map<string, number[]>();
    for (const job of request.jobs)
      ids.set(
        job.jobId,
        job.cells.map((c) => c.row),
      );
    for (const rejected of request.rejected) {
      ids.set(rejected.text, [...(ids.get(rejected.text) ?? []), rejected.cell.row]);
    }
    const width = Math.max(...[...before, ...after].map((r) => r.length), 0);
    for (let row = 1; row <= Math.max(before.length, after.length); row++) {
      const changed: number[] = [];
      for (let c = 1; c <= width; c++) if (cell(before, row, c) !== cell(after, row, c)) changed.push(c);
      if (changed.length === 0) continue;
      const outside = changed.filter((c) => !results.has(c) || (row === HEADER_ROW && cell(before, row, c) !== ''));
      if (outside.length > 0) {
        problems.push(`cells ${outside.map((c) => at(row, c)).join(', ')} changed, outside the result columns`);
        continue;
      }
      if (row === HEADER_ROW) continue;
      const id = text(before, row, idColumn);
      const planned = ids.get(id);
      if (!planned) {
        problems.push(`row ${row} (holding "${id}") written by a chunk that did not carry it`);
      } else if (!planned.includes(row)) {
        const count = (grid: Grid) =>
          grid.filter((r, i) => i + 1 > HEADER_ROW && text(grid, i + 1, idColumn) === id).length;
        if (!segment.sheetEditedSoFar)
          problems.push(`row ${row} written for ${id}, which the run selected in rows ${planned.join(', ')}`);
        else if (count(run.atPlan) !== planned.length || count(before) !== planned.length) {
          problems.push(`row ${row} written for ${id}, a copy the run did not select (the ID is not unambiguous)`);
        }
      }
    }
  }
  return problems;
};

// (3) Every job that received a cancel has a trace: its row or a log line.
/**
 * A cancel AODocs refused before any work: a 429, or a 409 it marked retryable (retry-policy.ts
 * mayHaveReachedAodocs). It could not have cancelled anything.
 */
function refusedBeforeWork(e: RequestLogEntry): boolean {
  return e.status === 429 || e.fault === '409';
}

const everyCancelHasATrace: Check = (record, run) => {
  const problems: string[] = [];
  const idColumn = idColumnOf(record);
  const logColumn = run.logHeader.indexOf('Job ID');
  const logged = new Set(run.logRowsAdded.map((r) => norm(r[logColumn]).replace(/^'/, '')));
  const rowsWritten = new Set<string>();
  for (const segment of run.segments)
    for (const row of writtenRows(segment)) rowsWritten.add(text(segment.after, row, idColumn));
  // A failed request writes only Result: when it says what the row said already, no cell changes, yet the row is
  // the run's trace. Such a row counts when its Result is the sentence the run told for the job, right after the
  // chunk that wrote it (the user may delete the row later: the trace was there).
  const toldInRow = (id: string): boolean => {
    const told = run.end?.results.find((r) => r.jobId === id);
    if (!told) return false;
    return run.segments.some(({ after }) => {
      const resultColumn = resultColumns(after).get('Result');
      if (resultColumn === undefined) return false;
      return told.written.some(
        (c) => text(after, c.row, idColumn) === id && text(after, c.row, resultColumn) === told.result,
      );
    });
  };
  // A cancel refused before any work, its job handed back and then not sent (quota, Stop), is counted as not sent
  // by the sidebar, and needs no trace of a cancel.
  const cancelled = new Set(
    run.received.filter((e) => e.operation === 'cancel' && !refusedBeforeWork(e)).map((e) => jobOfPath(e.path)),
  );
  for (const id of cancelled) {
    if (!logged.has(id) && !rowsWritten.has(id) && !toldInRow(id))
      problems.push(`job ${id} received a cancel but has no row and no log line`);
  }
  return problems;
};

// (4) No known status is blanked.
const noKnownStatusBlanked: Check = (record, run) => {
  const problems: string[] = [];
  if (!record.dims.statusKept) return problems;
  for (const segment of run.segments) {
    const columns = resultColumns(segment.before);
    for (const header of STATUS_COLUMNS) {
      const c = columns.get(header);
      if (c === undefined) continue;
      for (let row = HEADER_ROW + 1; row <= segment.before.length; row++) {
        if (cell(segment.before, row, c) !== '' && cell(segment.after, row, c) === '') {
          problems.push(`row ${row}: ${header} "${cell(segment.before, row, c)}" was blanked (point 2)`);
        }
      }
    }
  }
  return problems;
};

// (5) Bounded sending: retries, the brake after Stop, a misconfigured run.
const sendsWithinBounds: Check = (record, run) => {
  const problems: string[] = [];
  const sends = new Map<string, number>();
  // A job AODocs asked to wait for is handed back and sent again after the pause (docs/BEHAVIOUR.md 2.2), with the
  // retries of its chunk: refusals before any work are not cancels that could act.
  for (const e of run.received)
    if (e.operation === 'cancel' && !refusedBeforeWork(e))
      sends.set(jobOfPath(e.path), (sends.get(jobOfPath(e.path)) ?? 0) + 1);
  for (const [id, n] of sends) {
    if (n > DEFAULT_RETRY_POLICY.maxSends)
      problems.push(`job ${id} got ${n} cancels in one run (at most ${DEFAULT_RETRY_POLICY.maxSends})`);
  }
  if (run.stopPressedAt !== undefined) {
    const after = run.fetched.slice(run.stopPressedAt).filter((e) => e.method.toUpperCase() === 'POST').length;
    const bound = brakeBound(run.settings.chunkSize, run.settings.chunksInFlight);
    if (after > bound) problems.push(`${after} cancels went out after Stop (at most ${bound})`);
  }
  if (
    run.platformTrouble &&
    record.scenario.platform.misconfigured &&
    run.received.length > MISCONFIGURED_REQUEST_LIMIT
  ) {
    problems.push(
      `a misconfigured run (${record.scenario.platform.misconfigured}) reached AODocs ${run.received.length} times`,
    );
  }
  return problems;
};

/** docs/BEHAVIOUR.md 2.2: the retry policy waits at most 20 s for a Retry-After inside a chunk. */
const LONGEST_WAIT_IN_A_CHUNK_MS = 20_000;
const RETRY_AFTER_MS: Record<string, number> = { '429': 1000, 'html-429': 3000, '429-long': 60_000 };

// (5b) Retry-After is honoured: the next request for the same job waits as long as AODocs asked. An answer
// lost with its whole fetchAll (another request of the call failed to connect) asked nothing the script saw.
const retryAfterHonoured: Check = (_record, run) => {
  const problems: string[] = [];
  // Reading back a job whose cancel was refused in its state (or accepted without a status) is what its row's truth
  // needs, in the same execution: it is not a new request the pause holds back.
  const refusedOrAccepted = new Set(
    run.fetched
      .filter((e) => e.method.toUpperCase() === 'POST' && e.status !== null)
      .filter((e) => [400, 409, 412].includes(e.status!) || (e.status! >= 200 && e.status! < 300))
      .map((e) => jobOfUrl(e.url)),
  );
  const isReadBack = (e: (typeof run.fetched)[number]) =>
    e.method.toUpperCase() === 'GET' && refusedOrAccepted.has(jobOfUrl(e.url));
  const failedCalls = new Set(run.fetched.filter((e) => e.status === null).map((e) => e.call));
  const faults = new Map<string, (string | undefined)[]>();
  for (const e of run.received) {
    const key = `${e.method} ${jobOfPath(e.path)}`;
    faults.set(key, [...(faults.get(key) ?? []), e.fault]);
  }
  const sent = new Map<string, typeof run.fetched>();
  for (const e of run.fetched) {
    const key = `${e.method.toUpperCase()} ${jobOfUrl(e.url)}`;
    sent.set(key, [...(sent.get(key) ?? []), e]);
  }
  for (const [key, entries] of sent) {
    entries.forEach((entry, n) => {
      const wait = RETRY_AFTER_MS[faults.get(key)?.[n] ?? ''];
      if (wait === undefined || failedCalls.has(entry.call)) return;
      const next = entries[n + 1];
      if (next && next.startedAt - entry.startedAt < wait) {
        const waited = (next.startedAt - entry.startedAt) / 1000;
        problems.push(`${key}: asked to wait ${wait / 1000} s (Retry-After), sent again after ${waited} s (point 8)`);
      }
      // Longer than a chunk can wait: the whole run pauses (docs/BEHAVIOUR.md), no other request goes out meanwhile.
      if (wait > LONGEST_WAIT_IN_A_CHUNK_MS) {
        const early = run.fetched.find(
          (e) => e.call > entry.call && e.startedAt - entry.startedAt < wait && !isReadBack(e),
        );
        if (early) {
          problems.push(
            `${key}: asked to wait ${wait / 1000} s (Retry-After), yet the run sent ${early.method} ` +
              `${jobOfUrl(early.url)} ${(early.startedAt - entry.startedAt) / 1000} s later (point 8)`,
          );
        }
      }
    });
  }
  return problems;
};

// (6) The run ends with every job told, or a reason the user can act on.
const runEndsTold: Check = (_record, run) => {
  const { end, plan } = run;
  if (!end || !plan) return run.planRefused?.trim() ? [] : ['the plan was refused without a sentence'];
  const problems: string[] = [];
  const told = new Set(end.results.map((r) => r.jobId));
  const untold = plan.jobs.filter((j) => !told.has(j.jobId));
  const reason = end.stoppedBecause?.trim();
  if (untold.length > 0 && !reason)
    problems.push(`jobs ${untold.map((j) => j.jobId).join(', ')} were never told, and no reason given`);
  if (reason && untold.length > end.notSent)
    problems.push(`${untold.length} jobs untold but only ${end.notSent} counted as not sent`);
  if (reason?.startsWith('Invalid request'))
    problems.push(`the server refused a chunk the sidebar built: "${reason}" (point 5)`);
  const headerBlamed = reason?.includes(HEADER_CHANGED) ?? false;
  if (headerBlamed) problems.push(`the run stopped with "${reason}" although nobody touched the header row (point 3)`);
  const userStopped = run.stopPressedAt !== undefined || reason === STOPPED_BY_USER;
  // AODocs asking to wait (429 with a long Retry-After) is about the pace of the run, not about one job: the run's
  // bound on pauses may stop it (core/run-schedule.ts waitVerdict) while only per-job answers were written.
  const askedToWaitTooLong =
    reason !== undefined &&
    (reason === waitedTooOften(MAX_RESENDS + 1) || reason.startsWith(waitTooLong(0, 0).split(' 0 s')[0])) &&
    run.received.some((r) => r.fault === '429-long');
  if (reason && !userStopped && !run.platformTrouble && !headerBlamed && !askedToWaitTooLong) {
    const judged = end.results.filter((r) => r.outcome !== 'invalid' && r.outcome !== 'gone');
    const aboutJobs = judged.filter(
      (r) =>
        r.outcome === 'already-finished' ||
        r.httpCode === 404 ||
        (r.httpCode === 403 && /administrator/.test(r.result)),
    );
    if (judged.length > 0 && aboutJobs.length === judged.length) {
      problems.push(
        `answers about single jobs (${[...new Set(judged.map((r) => r.result))].join('; ')}) stopped the run: "${reason}" (point 4)`,
      );
    }
  }
  return problems;
};

// (6b) Run again makes progress: a run that stopped for a reason now gone answers jobs the earlier one did not.
const runAgainMakesProgress: Check = (record, run) => {
  const previous = record.runs[run.index - 1];
  if (!previous?.end || !run.end || run.spec.select !== 'same') return [];
  const stoppedBefore =
    previous.end.stoppedBecause !== undefined && previous.stopPressedAt === undefined && previous.end.notSent > 0;
  const stoppedAgain = run.end.stoppedBecause !== undefined && run.stopPressedAt === undefined && run.end.notSent > 0;
  if (!stoppedBefore || !stoppedAgain || run.actionsDone.length > 0) return [];
  const answered = (r: RunRecord) =>
    new Set(r.end!.results.filter((x) => x.outcome !== 'invalid' && x.outcome !== 'gone').map((x) => x.jobId));
  const before = answered(previous);
  const fresh = [...answered(run)].filter((id) => !before.has(id));
  return fresh.length > 0
    ? []
    : [`Run again stopped again ("${run.end.stoppedBecause}") without answering any job the earlier run left`];
};

// The plan reads only the job ID column, inside the selection, and skips hidden rows when asked.
const planReadsOnlyTheIdColumn: Check = (record, run) => {
  if (!run.plan) return [];
  const problems: string[] = [];
  const idColumn = idColumnOf(record);
  const hidden = new Set([...record.world.hiddenByUser, ...record.world.hiddenByFilter]);
  const cells = [
    ...run.plan.jobs.flatMap((j) => j.cells.map((c) => ({ ...c, text: j.jobId }))),
    ...run.plan.rejected.map((r) => ({ ...r.cell, text: r.text })),
  ];
  for (const c of cells) {
    if (c.column !== idColumn)
      problems.push(`the plan reads ${at(c.row, c.column)} ("${c.text}"), outside the Job ID column (point 1)`);
    if (!run.selectedRows.has(c.row)) problems.push(`the plan reads ${at(c.row, c.column)}, outside the selection`);
    if (c.row === HEADER_ROW) problems.push(`the plan reads the header row`);
    if (run.index === 0 && run.settings.skipHiddenRows && hidden.has(c.row))
      problems.push(`the plan reads hidden row ${c.row}`);
  }
  return problems;
};

// The simulator saw only requests that follow AODocs' published API.
const requestsFollowTheApi: Check = (_record, run) =>
  run.contractViolations.map((v) => `${v.method} ${v.path}: ${v.what} ${v.details}`);

const CHECKS: Record<string, Check> = {
  'requests-follow-the-api': requestsFollowTheApi,
  'plan-reads-only-the-id-column': planReadsOnlyTheIdColumn,
  'status-is-aodocs-status': statusIsAodocsStatus,
  'cancelled-only-if-cancelled-by-us': cancelledOnlyIfCancelledByUs,
  'already-only-if-finished-before': alreadyOnlyIfFinishedBefore,
  'refusals-match-aodocs': refusalsMatchAodocs,
  'refused-only-for-its-own-id-cell': refusedOnlyForItsOwnIdCell,
  'only-result-cells-of-selected-rows': onlyResultCellsOfSelectedRows,
  'every-cancel-has-a-trace': everyCancelHasATrace,
  'no-known-status-blanked': noKnownStatusBlanked,
  'sends-within-bounds': sendsWithinBounds,
  'retry-after-honoured': retryAfterHonoured,
  'run-ends-told': runEndsTold,
  'run-again-makes-progress': runAgainMakesProgress,
};

export const CHECK_NAMES = Object.keys(CHECKS);

/** Every check on the last run of the record. */
export function judgeRun(record: ScenarioRecord): Violation[] {
  const run = record.runs[record.runs.length - 1];
  return Object.entries(CHECKS).flatMap(([check, fn]) => fn(record, run).map((message) => ({ check, message })));
}

function jobOfPath(path: string): string {
  return decodeURIComponent(path.split('/job/v1/')[1]?.split('/')[0] ?? '');
}

function jobOfUrl(url: string): string {
  return decodeURIComponent(url.split('/job/v1/')[1]?.split(/[/?]/)[0] ?? '');
}
