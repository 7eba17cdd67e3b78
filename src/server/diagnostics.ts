// Settings > Diagnostics, and `diagnostics` run from the Apps Script editor: measures on the real platform what
// the benchmark and the emulator assume (core/diagnostics.ts says which). It touches no user data: the cell tests
// run on a scratch sheet it creates and deletes, and the requests read a job that does not exist.
import { getJobRequest } from '../core/aodocs-request';
import { PROBE_JOB_ID } from '../core/connection-verdict';
import { PlatformFigures } from '../shared/api';
import { PARALLEL_PROBES, SINGLE_PROBES, fetchAllParallelism } from '../core/diagnostics';
import { authorizationHeader } from './authorization';
import { decodeIdentityToken } from './identity-claims';
import { requireGrantedScopes } from './scope-check';
import { readSettings } from './user-settings';

function timed(work: () => unknown): number {
  const started = Date.now();
  work();
  return Date.now() - started;
}

/** Writes two texts on a scratch sheet and reads them back, then deletes the sheet whatever happens. */
function cellBehaviour(): Pick<PlatformFigures, 'plainTextKeepsApostrophe' | 'markedFormulaStaysText'> {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const active = spreadsheet.getActiveSheet();
  const scratch = spreadsheet.insertSheet(`AODocs Jobs diagnostics ${Utilities.getUuid().slice(0, 8)}`);
  try {
    const plain = scratch.getRange(1, 1);
    plain.setNumberFormat('@');
    plain.setValues([["'CANCELLED"]]);
    const marked = scratch.getRange(1, 2);
    marked.setValues([["'=1+1"]]);
    SpreadsheetApp.flush();
    return {
      plainTextKeepsApostrophe: plain.getValue() === "'CANCELLED",
      markedFormulaStaysText: marked.getFormula() === '' && marked.getValue() === '=1+1',
    };
  } finally {
    try {
      spreadsheet.deleteSheet(scratch);
    } finally {
      // insertSheet made the scratch sheet active: the user's sheet comes back with its selection
      // (setActiveSheet's restoreSelection), so that the next "Cancel selected jobs" reads the same cells.
      spreadsheet.setActiveSheet(active, true);
    }
  }
}

export function runDiagnostics(): PlatformFigures {
  const started = Date.now();
  requireGrantedScopes();
  const settings = readSettings();
  const authorization = authorizationHeader(settings);
  const probe = { ...getJobRequest(settings, PROBE_JOB_ID, authorization), muteHttpExceptions: true };
  const singles = Array.from({ length: SINGLE_PROBES }, () => timed(() => UrlFetchApp.fetch(probe.url, probe)));
  const fetchMs = Math.min(...singles);
  const fetchAllMs = timed(() => UrlFetchApp.fetchAll(Array.from({ length: PARALLEL_PROBES }, () => probe)));
  const claims = decodeIdentityToken(ScriptApp.getIdentityToken() as string | null);
  return {
    fetchMs,
    fetchAllMs,
    fetchAllParallelism: fetchAllParallelism(fetchMs, fetchAllMs, PARALLEL_PROBES),
    ...cellBehaviour(),
    identityAudience: claims?.aud,
    identityAuthorizedParty: claims?.azp,
    serverMs: Date.now() - started,
  };
}

/** For the Apps Script editor (Run > diagnostics): the figures in the execution log. */
export function diagnostics(): void {
  console.log(JSON.stringify(runDiagnostics(), null, 2));
}
