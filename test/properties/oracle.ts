// The oracle: small named checks of one run, from the simulator's truth (job states, requests received) and the
// sheet around every chunk. Each returns violations whose message names the row or the job. They read the
// product's own words only where PRODUCT.md fixes them (result sentences, header texts).
import { DEFAULT_RETRY_POLICY } from '../../src/core/retry-policy';
import { RESULT_HEADERS } from '../../src/core/result-columns';
import { HEADER_CHANGED } from '../../src/core/wording';
import { STOPPED_BY_USER, brakeBound } from '../../src/core/run-schedule';
import type { Grid, RunRecord, ScenarioRecord, Segment } from './drive';
import { INVALID_TEXTS } from './scenario';
import { FOREIGN_LIBRARY, HEADER_ROW } from './world';

export interface Violation {
  check: string;
  message: string;
}

type Check = (record: ScenarioRecord, run: RunRecord) => string[];

/** A misconfigured run reaches AODocs with at most this many requests (PRODUCT.md, slow start). */
export const MISCONFIGURED_REQUEST_LIMIT = 10;
/** Result sentences that say nothing about the job's status (the request read none). */
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

// (1) Every written row tells what AODocs knows and what was sent.
const rowsTellTheTruth: Check = (record, run) => {
  const problems: string[] = [];
  const idColumn = idColumnOf(record);
  const cancels = record.runs.flatMap((r) => r.received.filter((e) => e.operation === 'cancel'));
  const cancelledByUs = new Set(cancels.map((e) => jobOfPath(e.path)));
  // PRODUCT.md: after a 5xx or no answer, a job that reads CANCELLED says `Cancelled` (the add-on cannot tell
  // whether its attempt did it), even when it was cancelled before.
  const unclear = new Set(
    cancels.filter((e) => e.status === undefined || e.status >= 500).map((e) => jobOfPath(e.path)),
  );
  for (const segment of run.segments) {
    const columns = resultColumns(segment.after);
    const status = columns.get('Status');
    const result = columns.get('Result');
    for (const row of writtenRows(segment)) {
      const id = text(segment.after, row, idColumn);
      const job = run.jobsAfter.get(id);
      const atStart = record.jobsAtStart.get(id);
      const known = record.jobsAtStart.has(id);
      const where = `row ${row} (job ${id || '(blank)'})`;
      const statusText = status ? text(segment.after, row, status) : '';
      const statusChanged =
        status !== undefined && cell(segment.before, row, status) !== cell(segment.after, row, status);
      const resultText = result ? text(segment.after, row, result) : '';
      if (statusChanged && statusText !== '' && statusText !== job?.status) {
        problems.push(`${where}: Status written "${statusText}", AODocs says ${job?.status ?? 'no such job'}`);
      }
      if (resultText === 'Cancelled') {
        if (job?.status !== 'CANCELLED') problems.push(`${where}: Result "Cancelled", AODocs says ${job?.status}`);
        else if (!cancelledByUs.has(id) || (atStart?.status !== 'IN_PROGRESS' && !unclear.has(id))) {
          problems.push(`${where}: Result "Cancelled" but no cancel of this user's runs cancelled it`);
        } else if (statusText !== 'CANCELLED')
          problems.push(`${where}: Result "Cancelled" next to Status "${statusText}"`);
      }
      const already = /^Already (completed|failed|cancelled)$/.exec(resultText)?.[1]?.toUpperCase();
      if (already && job?.status !== already) {
        problems.push(`${where}: Result "${resultText}", AODocs says ${job?.status ?? 'no such job'}`);
      } else if (already === 'CANCELLED' && atStart?.status === 'IN_PROGRESS' && record.dims.rerunRemembers) {
        problems.push(`${where}: Result "Already cancelled", but this user's own cancel cancelled it (point 7)`);
      }
      if (resultText === 'Not found (404)' && job !== undefined) {
        problems.push(`${where}: Result "Not found (404)", AODocs has the job (${job.status})`);
      }
      if (resultText === 'Not a library administrator (403)' && job?.libraryId !== FOREIGN_LIBRARY) {
        problems.push(`${where}: Result "Not a library administrator (403)" for a job of the user's own library`);
      }
      if (resultText === 'Invalid job ID' && !INVALID_TEXTS.includes(id)) {
        problems.push(`${where}: Result "Invalid job ID" although its job ID cell holds a valid ID (point 1)`);
      }
      if (resultText === 'Several job IDs in one row') {
        problems.push(
          `${where}: Result "Several job IDs in one row" although only the Job ID column is read (point 1)`,
        );
      }
      if (!known && id !== '' && !INVALID_TEXTS.includes(id) && statusChanged && statusText !== '') {
        problems.push(`${where}: a Status written for a text that is no job`);
      }
    }
  }
  return problems;
};

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
const everyCancelHasATrace: Check = (record, run) => {
  const problems: string[] = [];
  const idColumn = idColumnOf(record);
  const logColumn = run.logHeader.indexOf('Job ID');
  const logged = new Set(run.logRowsAdded.map((r) => norm(r[logColumn]).replace(/^'/, '')));
  const rowsWritten = new Set<string>();
  for (const segment of run.segments)
    for (const row of writtenRows(segment)) rowsWritten.add(text(segment.after, row, idColumn));
  const cancelled = new Set(run.received.filter((e) => e.operation === 'cancel').map((e) => jobOfPath(e.path)));
  for (const id of cancelled) {
    if (!logged.has(id) && !rowsWritten.has(id))
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
  for (const e of run.received)
    if (e.operation === 'cancel') sends.set(jobOfPath(e.path), (sends.get(jobOfPath(e.path)) ?? 0) + 1);
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

const RETRY_AFTER_MS: Record<string, number> = { '429': 1000, 'html-429': 3000, '429-long': 60_000 };

// (5b) Retry-After is honoured: the next request for the same job waits as long as AODocs asked. An answer
// lost with its whole fetchAll (another request of the call failed to connect) asked nothing the script saw.
const retryAfterHonoured: Check = (_record, run) => {
  const problems: string[] = [];
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
      const next = entries[n + 1];
      if (wait === undefined || !next || failedCalls.has(entry.call)) return;
      const waited = next.startedAt - entry.startedAt;
      if (waited < wait) {
        problems.push(
          `${key}: asked to wait ${wait / 1000} s (Retry-After), sent again after ${waited / 1000} s (point 8)`,
        );
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
  if (reason === HEADER_CHANGED)
    problems.push(`the run stopped with "${reason}" although nobody touched the header row (point 3)`);
  const userStopped = run.stopPressedAt !== undefined || reason === STOPPED_BY_USER;
  if (reason && !userStopped && !run.platformTrouble) {
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
  'rows-tell-the-truth': rowsTellTheTruth,
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
