// Settings > Diagnostics, and `diagnostics` run from the Apps Script editor: measures on the real platform what
// the benchmark and the emulator assume (core/diagnostics.ts says which, and turns the timings into figures). It
// touches no user data: the cell tests run on a scratch sheet it creates and deletes, the requests read jobs that do
// not exist, and the identity token never leaves this execution (only a few of its claims do, never the email).
import { FetchRequest, getJobRequest } from '../core/aodocs-request';
import { PROBE_JOB_ID } from '../core/connection-verdict';
import { AodocsProbeAnswer, PlatformFigures } from '../shared/api';
import {
  DIAGNOSTICS_CACHE_KEY,
  FETCH_ALL_SIZES,
  MALFORMED_JOB_ID,
  OUTSIDE_ALLOWLIST_URL,
  SHEET_CALLS,
  SINGLE_PROBES,
  UNKNOWN_JOB_ID,
  accountType,
  errorReason,
  fitLine,
  headerFigure,
  parallelismFromLine,
  tokenFigures,
} from '../core/diagnostics';
import { header } from '../core/aodocs-answer';
import { authorizationHeader } from './authorization';
import { identityTokenPayload } from './identity-claims';
import { requireGrantedScopes } from './scope-check';
import { readSettings } from './user-settings';
import { UserFacingError } from './user-facing-error';

/**
 * What Diagnostics cannot run without: outside requests and the spreadsheet (the scratch sheet). openid and the
 * email are reported, not required.
 */
const DIAGNOSTICS_SCOPES = [
  'https://www.googleapis.com/auth/script.external_request',
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
];

function timed(work: () => unknown): number {
  const started = Date.now();
  work();
  return Date.now() - started;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Each call `SHEET_CALLS` times, on the scratch sheet: isRowHiddenByUser, getDisplayValues, flush (total ms). */
function sheetCalls(scratch: GoogleAppsScript.Spreadsheet.Sheet): PlatformFigures['sheetCalls'] {
  const cell = scratch.getRange(1, 1);
  const repeat = (work: (i: number) => unknown) => timed(() => Array.from({ length: SHEET_CALLS }, (_, i) => work(i)));
  return {
    calls: SHEET_CALLS,
    isRowHiddenByUserMs: repeat((i) => scratch.isRowHiddenByUser(i + 1)),
    getDisplayValuesMs: repeat(() => cell.getDisplayValues()),
    flushMs: repeat(() => SpreadsheetApp.flush()),
  };
}

/** Writes two texts on a scratch sheet and reads them back, times Sheets calls, then deletes the sheet. */
function onScratchSheet(): Pick<PlatformFigures, 'plainTextKeepsApostrophe' | 'markedFormulaStaysText' | 'sheetCalls'> {
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
      sheetCalls: sheetCalls(scratch),
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

/** The platform refuses an address outside urlFetchWhitelist before sending it: its exact words, for the record. */
function outsideAllowlist(): PlatformFigures['outsideAllowlist'] {
  try {
    UrlFetchApp.fetch(OUTSIDE_ALLOWLIST_URL, { muteHttpExceptions: true, followRedirects: false });
    return { refused: false, name: null, message: null };
  } catch (error) {
    return { refused: true, name: error instanceof Error ? error.name : null, message: messageOf(error) };
  }
}

/**
 * getAuthorizationInfo(FULL) without a scope list: the script's own scopes. getAuthorizedScopes (String[]|null,
 * https://developers.google.com/apps-script/reference/script/authorization-info) is newer than
 * @types/google-apps-script and may be missing on a runtime: then the scopes cannot be read, and say so (null).
 */
function authorization(): PlatformFigures['authorization'] {
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL) as GoogleAppsScript.Script.AuthorizationInfo & {
    getAuthorizedScopes?: () => string[] | null;
  };
  const scopes = typeof info.getAuthorizedScopes === 'function' ? info.getAuthorizedScopes() : null;
  const grantedScopes = Array.isArray(scopes) ? [...scopes] : null;
  return {
    status: String(info.getAuthorizationStatus()),
    grantedScopes,
    openidGranted: grantedScopes ? grantedScopes.includes('openid') : null,
  };
}

/** The claims of the identity token, decoded here; the token itself is dropped. */
function identityClaims(): Record<string, unknown> | undefined {
  try {
    // Typed as string by @types/google-apps-script, but null without the openid scope.
    return identityTokenPayload(ScriptApp.getIdentityToken() as string | null);
  } catch {
    return undefined;
  }
}

/** A request as AODocs gets it without the Authorization header at all (not an empty one). */
function withoutAuthorization(request: FetchRequest): FetchRequest {
  const { Authorization: _dropped, ...headers } = request.headers;
  return { ...request, headers: headers as FetchRequest['headers'] };
}

/**
 * The add-on's Authorization header, or null when it cannot be built: Diagnostics still times the platform, and
 * says the requests went without it (the figures then show which scope or setting is missing).
 */
function authorizationOrNull(settings: ReturnType<typeof readSettings>): string | null {
  try {
    return authorizationHeader(settings);
  } catch (error) {
    if (error instanceof UserFacingError) return null;
    throw error;
  }
}

function probeAnswer(probe: AodocsProbeAnswer['probe'], request: ReturnType<typeof getJobRequest>): AodocsProbeAnswer {
  const started = Date.now();
  try {
    const response = UrlFetchApp.fetch(request.url, request);
    const headers = response.getHeaders() as Record<string, string>;
    return {
      probe,
      status: response.getResponseCode(),
      reason: errorReason(response.getContentText()),
      contentType: headerFigure(header(headers, 'Content-Type')),
      retryAfter: headerFigure(header(headers, 'Retry-After')),
      retryable: headerFigure(header(headers, 'X-aodocs-retryable')),
      ms: Date.now() - started,
    };
  } catch (error) {
    const failure = messageOf(error).slice(0, 300);
    const none = { reason: null, contentType: null, retryAfter: null, retryable: null };
    return { probe, status: null, ...none, failure, ms: Date.now() - started };
  }
}

/** AODocs' answers recognition relies on: a well-formed unknown ID, a malformed one, no Authorization at all. */
function aodocsAnswers(settings: ReturnType<typeof readSettings>, authorization: string | null): AodocsProbeAnswer[] {
  const request = (jobId: string) => signed(getJobRequest(settings, jobId, authorization ?? ''), authorization);
  return [
    probeAnswer('unknown-id', request(UNKNOWN_JOB_ID)),
    probeAnswer('malformed-id', request(MALFORMED_JOB_ID)),
    probeAnswer('no-authorization', withoutAuthorization(getJobRequest(settings, UNKNOWN_JOB_ID, ''))),
  ];
}

function signed(request: FetchRequest, authorization: string | null): FetchRequest {
  return authorization === null ? withoutAuthorization(request) : request;
}

function cacheFigures(): PlatformFigures['cache'] {
  const cache = CacheService.getUserCache();
  const value = Utilities.getUuid();
  const putMs = timed(() => cache.put(DIAGNOSTICS_CACHE_KEY, value, 600));
  let read: string | null = null;
  const getMs = timed(() => (read = cache.get(DIAGNOSTICS_CACHE_KEY)));
  return { putMs, getMs, readBackSameCall: read === value, key: DIAGNOSTICS_CACHE_KEY, value };
}

/** getDocumentLock() is documented as Lock|null; tryLock(0) either gets it at once or says it is busy. */
function documentLock(): PlatformFigures['documentLock'] {
  const lock = LockService.getDocumentLock() as GoogleAppsScript.Lock.Lock | null;
  if (!lock) return { present: false, tryLockMs: null, acquired: null };
  let acquired = false;
  const tryLockMs = timed(() => (acquired = lock.tryLock(0)));
  if (acquired) lock.releaseLock();
  return { present: true, tryLockMs, acquired };
}

export function runDiagnostics(): PlatformFigures {
  const started = Date.now();
  // Read before anything else, and only the scopes Diagnostics cannot run without are required: a user who left
  // out openid (granular consent) sees it here instead of the authorization sentence.
  const authorizationFigures = authorization();
  requireGrantedScopes(DIAGNOSTICS_SCOPES);
  const settings = readSettings();
  const authorizationValue = authorizationOrNull(settings);
  const probe = signed(getJobRequest(settings, PROBE_JOB_ID, authorizationValue ?? ''), authorizationValue);
  const singles = Array.from({ length: SINGLE_PROBES }, () => timed(() => UrlFetchApp.fetch(probe.url, probe)));
  const fetchMs = Math.min(...singles);
  const fetchAllTimes = FETCH_ALL_SIZES.map((requests) => ({
    requests,
    ms: timed(() => UrlFetchApp.fetchAll(Array.from({ length: requests }, () => probe))),
  }));
  const line = fitLine(fetchAllTimes);
  const { parallelism, atLeast } = parallelismFromLine(fetchMs, line, Math.max(...FETCH_ALL_SIZES));
  const token = tokenFigures(identityClaims());
  return {
    fetchMs,
    fetchAllTimes,
    fetchAllOverheadMs: line.overheadMs,
    fetchAllPerRequestMs: line.perRequestMs,
    fetchAllParallelism: parallelism,
    fetchAllParallelismAtLeast: atLeast,
    ...onScratchSheet(),
    identityAudience: token.aud,
    identityAuthorizedParty: token.azp,
    locale: Session.getActiveUserLocale(),
    outsideAllowlist: outsideAllowlist(),
    signedIn: authorizationValue !== null,
    authorization: authorizationFigures,
    token,
    accountType: accountType(token),
    aodocsAnswers: aodocsAnswers(settings, authorizationValue),
    cache: cacheFigures(),
    documentLock: documentLock(),
    serverMs: Date.now() - started,
  };
}

/** An empty server call: the sidebar times google.script.run round trips with it. */
export function diagnosticsPing(): null {
  return null;
}

/** What runDiagnostics put in the user cache, read by this later execution. */
export function readDiagnosticsCache(): string | null {
  return CacheService.getUserCache().get(DIAGNOSTICS_CACHE_KEY);
}

/** For the Apps Script editor (Run > diagnostics): the figures in the execution log. */
export function diagnostics(): void {
  console.log(JSON.stringify(runDiagnostics(), null, 2));
}
