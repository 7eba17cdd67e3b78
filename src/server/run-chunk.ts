// One chunk of a run, in one server execution: check the request, send its jobs' requests together, read the
// real status of jobs AODocs would not cancel, write every row, return per-job results to the sidebar.
import { ChunkRequest, ChunkResult, JobResult, PlannedJob } from '../shared/api';
import { Answer } from '../core/aodocs-answer';
import { ApiTarget, cancelJobRequest, getJobRequest } from '../core/aodocs-request';
import { validateChunkRequest } from '../core/chunk-validation';
import { JobOutcome, SENTENCES, cancelOutcome, isNotCancellableNow, refreshOutcome } from '../core/job-outcome';
import { resultValues } from '../core/result-columns';
import { authorizationHeader } from './authorization';
import { QuotaExceededError, sendAll } from './aodocs-client';
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

function outcomes(action: ChunkRequest['action'], target: ApiTarget, jobs: PlannedJob[]): JobOutcome[] {
  const authorization = authorizationHeader();
  const build = action === 'cancel' ? cancelJobRequest : getJobRequest;
  const answers = sendAll(jobs.map((j) => build(target, j.jobId, authorization)));
  if (action === 'refresh') return answers.map((a) => refreshOutcome(a));
  // 400/412: the job could not be cancelled in its state; read it to write its real status.
  const followUps = new Map<number, Answer>();
  const toRead = answers.map((a, i) => (isNotCancellableNow(a) ? i : -1)).filter((i) => i >= 0);
  sendAll(toRead.map((i) => getJobRequest(target, jobs[i].jobId, authorization))).forEach((a, k) =>
    followUps.set(toRead[k], a),
  );
  return answers.map((a, i) => cancelOutcome(a, followUps.get(i)));
}

export function runChunk(input: unknown): ChunkResult {
  const request = validateChunkRequest(input);
  const settings = readSettings();
  const sheet = findSheet(request.sheetId);
  if (request.headerRow > sheet.getMaxRows()) throw new UserFacingError('The header row is outside the sheet.');
  const { present, gone } = jobsStillInSheet(sheet, request);

  let sent: JobOutcome[];
  try {
    sent = outcomes(request.action, settings, present);
  } catch (error) {
    if (!(error instanceof QuotaExceededError)) throw error;
    return {
      results: [],
      notSent: request.jobs,
      stopRun: "Google's daily limit for outside requests is reached; the remaining jobs were not sent. Try again tomorrow.",
    };
  }
  const checkedAt = new Date();
  const rows: RowToWrite[] = [];
  present.forEach((job, i) =>
    job.cells.forEach((cell, c) =>
      rows.push({ key: `${job.jobId}#${c}`, text: job.jobId, cell, relocate: true, values: resultValues(sent[i], checkedAt) }),
    ),
  );
  request.rejected.forEach((r, i) => {
    const result = r.problem === 'invalid' ? SENTENCES.invalid : SENTENCES.severalInRow;
    rows.push({ key: `rejected#${i}`, text: r.text, cell: r.cell, relocate: false, values: resultValues({ outcome: 'invalid', result }, checkedAt) });
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
    ...present.map((job, i) => resultOf(job, sent[i])),
    ...gone.map((job) => resultOf(job, { outcome: 'gone', result: 'No longer in its cell: not sent' })),
    ...request.rejected.map((r, i) => ({
      jobId: r.text,
      outcome: 'invalid' as const,
      result: r.problem === 'invalid' ? SENTENCES.invalid : SENTENCES.severalInRow,
      written: report.written.has(`rejected#${i}`) ? [r.cell] : [],
      moved: report.moved.has(`rejected#${i}`) ? [report.moved.get(`rejected#${i}`)!] : [],
    })),
  ];
  return { results, notSent: [] };
}
