// One chunk of a run, in one server execution: check the request, send its jobs' requests together, read the
// real status of jobs AODocs would not cancel, write every row, return per-job results to the sidebar.
import { ChunkRequest, ChunkResult, JobResult, PlannedJob } from '../shared/api';
import { ApiTarget, cancelJobRequest, getJobRequest } from '../core/aodocs-request';
import { validateChunkRequest } from '../core/chunk-validation';
import { JobOutcome, SENTENCES, cancelOutcome, isNotCancellableNow, refreshOutcome } from '../core/job-outcome';
import { resultValues } from '../core/result-columns';
import { authorizationHeader } from './authorization';
import { sendWithRetries } from './aodocs-client';
import { locateCells } from './id-cells';
import { RowToWrite, writeResults } from './results-writer';
import { readSettings } from './user-settings';
import { UserFacingError } from './user-facing-error';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function findSheet(sheetId: number): Sheet {
  const sheet = SpreadsheetApp.getActiveSpreadsheet()
    .getSheets()
    .find((s) => s.getSheetId() === sheetId);
  if (!sheet) throw new UserFacingError('The sheet of this run was deleted or renamed away. Select the job IDs again.');
  return sheet;
}

/** Jobs whose cells still hold them (found again in their column if rows moved), and the others. */
function jobsStillInSheet(sheet: Sheet, request: ChunkRequest): { present: PlannedJob[]; gone: PlannedJob[] } {
  const expected = request.jobs.flatMap((job) =>
    job.cells.map((cell, i) => ({ key: `${job.jobId}#${i}`, text: job.jobId, cell, relocate: true })),
  );
  const found = new Set(
    locateCells(sheet, request.headerRow, expected)
      .filter((l) => l.at)
      .map((l) => l.key.slice(0, l.key.lastIndexOf('#'))),
  );
  return {
    present: request.jobs.filter((j) => found.has(j.jobId)),
    gone: request.jobs.filter((j) => !found.has(j.jobId)),
  };
}

export const SIGN_IN_REFUSED_ADVICE =
  'AODocs did not accept your sign-in (401), so the run stopped. Open Settings > Check connection to see the ' +
  'client ID AODocs support must register for your domain.';

export const QUOTA_SENTENCE =
  "Google's daily limit for outside requests is reached; the jobs not yet sent were left untouched. " +
  'Run again tomorrow: finished rows are skipped.';

/**
 * Outcomes per job, in order; undefined where the job was not sent (time budget, daily quota).
 */
function outcomes(
  action: ChunkRequest['action'],
  target: ApiTarget,
  jobs: PlannedJob[],
  startedAt: number,
): { outcomes: (JobOutcome | undefined)[]; quotaExceeded: boolean } {
  const authorization = authorizationHeader();
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
    outcomes: sent.outcomes.map((s, i) => s && cancelOutcome(s.answer, followUps.get(i))),
    quotaExceeded: sent.quotaExceeded || read.quotaExceeded,
  };
}

export function runChunk(input: unknown): ChunkResult {
  const startedAt = Date.now();
  const request = validateChunkRequest(input);
  const settings = readSettings();
  const sheet = findSheet(request.sheetId);
  if (request.headerRow > sheet.getMaxRows()) throw new UserFacingError('The header row is outside the sheet.');
  const { present, gone } = jobsStillInSheet(sheet, request);

  const { outcomes: sentOutcomes, quotaExceeded } = outcomes(request.action, settings, present, startedAt);
  const notSent = present.filter((_, i) => sentOutcomes[i] === undefined);
  const sentJobs = present.filter((_, i) => sentOutcomes[i] !== undefined);
  const sent = sentOutcomes.filter((o) => o !== undefined);
  const checkedAt = new Date();
  const rows: RowToWrite[] = [];
  sentJobs.forEach((job, i) =>
    job.cells.forEach((cell, c) =>
      rows.push({
        key: `${job.jobId}#${c}`,
        text: job.jobId,
        cell,
        relocate: true,
        values: resultValues(sent[i], checkedAt),
      }),
    ),
  );
  request.rejected.forEach((r, i) => {
    const result = r.problem === 'invalid' ? SENTENCES.invalid : SENTENCES.severalInRow;
    rows.push({
      key: `rejected#${i}`,
      text: r.text,
      cell: r.cell,
      relocate: false,
      values: resultValues({ outcome: 'invalid', result }, checkedAt),
    });
  });
  const report = writeResults(sheet, request.headerRow, rows);

  const resultOf = (job: PlannedJob, outcome: JobOutcome): JobResult => ({
    jobId: job.jobId,
    outcome: outcome.outcome,
    result: outcome.result,
    httpCode: outcome.httpCode,
    status: outcome.job?.status,
    written: job.cells.map((_, c) => report.written.get(`${job.jobId}#${c}`)).filter((x) => x !== undefined),
    moved: job.cells.map((_, c) => report.moved.get(`${job.jobId}#${c}`)).filter((x) => x !== undefined),
  });
  const results = [
    ...sentJobs.map((job, i) => resultOf(job, sent[i])),
    ...gone.map((job) => resultOf(job, { outcome: 'gone', result: 'No longer in its cell: not sent' })),
    ...request.rejected.map((r, i) => ({
      jobId: r.text,
      outcome: 'invalid' as const,
      result: r.problem === 'invalid' ? SENTENCES.invalid : SENTENCES.severalInRow,
      written: report.written.has(`rejected#${i}`) ? [r.cell] : [],
      moved: report.moved.has(`rejected#${i}`) ? [report.moved.get(`rejected#${i}`)!] : [],
    })),
  ];
  const signInRefused = sent.some((o) => o.httpCode === 401);
  const stopRun = quotaExceeded ? QUOTA_SENTENCE : signInRefused ? SIGN_IN_REFUSED_ADVICE : undefined;
  return { results, notSent, stopRun };
}
