// One chunk of a run, in one server execution: core/run/chunk-program.ts decides it step by step; this file
// carries out each step on the target sheet, the document lock, the log and AODocs (one Apps Script call site per
// step kind), and hands the outcome back.
import { ChunkRequest, ChunkResult } from '../shared/api';
import { validateChunkRequest } from '../core/chunk-validation';
import { chunkProgram } from '../core/run/chunk-program';
import { SheetStep } from '../core/run/sheet-steps';
import { appendLog, appendLogWithoutLock } from './audit-log';
import { authorizationHandlers } from './authorization';
import { fetchHandlers } from './aodocs-client';
import { readLastLoggedResults } from './earlier-results';
import { resultWriteHandlers } from './results-writer';
import { isRunStopped } from './run-stop';
import { Handlers, runProgram } from './step-runner';
import { readSettings } from './user-settings';
import { requireGrantedScopes } from './scope-check';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Lock = GoogleAppsScript.Lock.Lock;

/** The spreadsheet steps of one chunk: the target sheet is the one `find-sheet` found last. */
function sheetHandlers(request: ChunkRequest): Handlers<SheetStep> {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  let sheet: Sheet | null = null;
  let lock: Lock | null = null;
  const target = () => sheet as Sheet;
  return {
    'find-sheet': () => {
      sheet = spreadsheet.getSheetById(request.sheetId);
      return sheet !== null;
    },
    'sheet-frame': () => ({ name: target().getName(), frozenRows: target().getFrozenRows() }),
    'last-row': () => target().getLastRow(),
    'last-column': () => target().getLastColumn(),
    'max-columns': () => target().getMaxColumns(),
    'read-texts': (step) => target().getRange(step.row, step.column, step.numRows, step.numColumns).getDisplayValues(),
    ...resultWriteHandlers(target),
    'get-lock': () => {
      lock = LockService.getDocumentLock();
      return lock !== null;
    },
    'try-lock': (step) => (lock as Lock).tryLock(step.waitMs),
    flush: () => SpreadsheetApp.flush(),
    'release-lock': () => (lock as Lock).releaseLock(),
    'append-log': (step) => appendLog(spreadsheet, step.rows),
    'append-log-without-lock': (step) => appendLogWithoutLock(spreadsheet, step.rows),
    'last-logged': (step) => readLastLoggedResults(spreadsheet, step.jobIds),
    'user-email': () => Session.getActiveUser().getEmail(),
  };
}

export function runChunk(input: unknown): ChunkResult {
  requireGrantedScopes();
  const startedAt = Date.now();
  const request = validateChunkRequest(input);
  const settings = readSettings();
  return runProgram(chunkProgram(request, settings, startedAt), {
    ...fetchHandlers(() => isRunStopped(request.runId)),
    ...sheetHandlers(request),
    ...authorizationHandlers,
  });
}
