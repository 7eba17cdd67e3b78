// Data exchanged between the sidebar and the server through google.script.run.
// Plain data only (no Date, no functions): dates travel as ISO strings.

/** What the run does with each job. */
export type JobAction = 'cancel' | 'refresh';

/** A cell that holds a job ID, 1-based like Apps Script. */
export interface CellRef {
  row: number;
  column: number;
}

/** One distinct job ID and every selected cell that holds it. */
export interface PlannedJob {
  jobId: string;
  cells: CellRef[];
  /**
   * Columns where the job's result may follow its ID to another row if the sheet is edited during the run:
   * those where, when the plan was made, the ID occurred exactly as many times as the run selected it there.
   */
  followColumns?: number[];
}

/** A selected cell that will not be sent, and the result its row gets. */
export interface RejectedCell {
  text: string;
  cell: CellRef;
  problem: 'invalid';
}

/** The column read as job IDs, and how it was found. */
export interface IdColumnInfo {
  column: number;
  letter: string;
  /** Its header text ('' when blank). */
  header: string;
  /** Named by the header, the only column selected, or chosen by the user (remembered for the sheet). */
  source: 'header' | 'one-column' | 'chosen';
}

export interface SelectionSummary {
  /** A1 notations of the selected ranges, in the order the user made them. */
  ranges: string[];
  /** Only this column is read as job IDs. */
  idColumn: IdColumnInfo;
  /** Selected cells with something in them outside the job ID column: never read as IDs, never written. */
  ignoredCells: number;
  /** Hidden rows are skipped (a setting): the summary says that rows hidden by a filter view are not seen. */
  skipsHiddenRows: boolean;
  /** Distinct job IDs that would be sent. */
  jobIds: number;
  /** Cells holding a job ID that another selected cell also holds. */
  duplicates: number;
  /** Job ID cells that are not valid job IDs: one per row, each row gets "Invalid job ID". */
  invalid: number;
  hiddenSkipped: number;
  /** Rows skipped because their Status already reads COMPLETED, FAILED or CANCELLED. */
  finishedSkipped: number;
}

export interface SelectionPlan {
  sheetId: number;
  sheetName: string;
  headerRow: number;
  /** The job ID column: every planned and rejected cell is in it. */
  idColumn: number;
  jobs: PlannedJob[];
  rejected: RejectedCell[];
  summary: SelectionSummary;
  /** Jobs per chunk, from the user's settings when the plan was made. */
  chunkSize: number;
  /** Chunks in flight at once, from the user's settings when the plan was made. */
  chunksInFlight: number;
  /** From this many jobs the confirmation asks for the count to be typed (the user's setting); absent: never. */
  typedConfirmFrom?: number;
}

/** What a chunk call asks the server to do. */
export interface ChunkRequest {
  action: JobAction;
  sheetId: number;
  headerRow: number;
  /** The plan's job ID column: the header is checked there whatever cells this chunk holds. */
  idColumn: number;
  jobs: PlannedJob[];
  rejected: RejectedCell[];
  /**
   * The run this chunk belongs to: Stop marks it on the server, and a chunk of a stopped run sends nothing.
   * Required: a chunk the server could not hold back would slip past Stop (a guard against stale sidebars; the
   * frame could still make up an ID that was never stopped).
   */
  runId: string;
}

/** How one job ended, in words the sidebar and the Result column share. */
export type Outcome =
  | 'done' // the request did what was asked (cancelled, or status read)
  | 'already-finished' // nothing to cancel: the job had already ended
  | 'failed' // AODocs refused or failed; the Result column says why
  | 'invalid' // never sent: not a job ID
  | 'gone'; // its cell no longer holds it (the sheet was edited): not sent

export interface JobResult {
  jobId: string;
  outcome: Outcome;
  /** The sentence written into the Result column. */
  result: string;
  httpCode?: number;
  status?: string;
  /** Cells whose row was written. */
  written: CellRef[];
  /** Cells whose job ID had moved or changed before writing, named to the user. */
  moved: MovedCell[];
  /**
   * Cells whose row could not be written (the document lock busy, a write that failed), named to the user; absent
   * when every row was written or moved.
   */
  notWritten?: CellRef[];
  /** The log sheet has this result's line. */
  logged?: boolean;
  /** The answer may change if asked again (retries ran out, no answer, not read in time): worth a re-run. */
  transient?: boolean;
  /** The library AODocs named when it refused (403), to say whom to ask. */
  libraryId?: string;
}

export interface ChunkResult {
  results: JobResult[];
  /** Jobs of the chunk that were not sent (time budget); the sidebar sends them again. */
  notSent: PlannedJob[];
  /** Set when the run must stop (401, quota): the sentence to show. */
  stopRun?: string;
  /**
   * AODocs asked to wait this many seconds (Retry-After) before more requests, longer than the chunk could: the
   * jobs it held back are in notSent, and the sidebar pauses the run that long.
   */
  waitSeconds?: number;
}

/** A cell that no longer held its job ID when results were written, and where the ID was found again. */
export interface MovedCell {
  jobId: string;
  from: CellRef;
  /** Where the result was written instead; absent when the ID was not found in its column. */
  to?: CellRef;
}

export interface SidebarState {
  version: string;
  userEmail: string;
  /** Server calls the sidebar keeps in flight for hidden-row pieces. A run's chunk figures come with its plan. */
  piecesInFlight: number;
  /** The sidebar was opened by "Cancel selected jobs...": go straight to the summary and confirmation. */
  startWithCancel: boolean;
}

/** A selected column that may hold the job IDs, offered when the header names none. */
export interface IdColumnCandidate {
  column: number;
  letter: string;
  header: string;
  /** Selected cells of the column shaped like job IDs. */
  looksLikeIds: number;
}

/** The question asked when several columns are selected and the header names no job ID column. */
export interface IdColumnQuestion {
  sheetId: number;
  sheetName: string;
  candidates: IdColumnCandidate[];
  /** The column whose cells look most like job IDs. */
  preselected: number;
}

/** The user's answer, remembered for that sheet; column 0 forgets the choice. */
export interface IdColumnChoice {
  sheetId: number;
  column: number;
  /** The column's header text as the question showed it: the choice holds only while the header still reads so. */
  header: string;
}

/**
 * A selection plan, the sentence that says why there is nothing to run, or the question which column holds the
 * job IDs (answered with chooseIdColumn, then the plan is read again).
 */
export type FinalPlanAnswer =
  | { ok: true; plan: SelectionPlan }
  | { ok: false; message: string }
  | { ok: 'choose-id-column'; question: IdColumnQuestion };

/**
 * What readSelectionPlan answers: a final answer, or the rows it needs checked for being hidden first (too many
 * for one execution). The sidebar has them checked by readHiddenRows, several executions at once, and asks again
 * with what it learnt.
 */
export type PlanAnswer = FinalPlanAnswer | { ok: 'check-hidden-rows'; request: HiddenRowsCheck };

/** Rows of one sheet to check for being hidden by the user or by a filter. */
export interface HiddenRowsRequest {
  sheetId: number;
  rows: number[];
}

/** The rows readSelectionPlan needs checked, with a digest of what they hold (see core/hidden-rows.ts). */
export interface HiddenRowsCheck extends HiddenRowsRequest {
  fingerprint: string;
}

/** One round of checks: the rows checked, those found hidden, and the digest the round was asked with. */
export interface CheckedRows {
  rows: number[];
  hidden: number[];
  fingerprint: string;
}

/** Hidden states already checked, sent back with readSelectionPlan. */
export interface KnownHiddenRows {
  sheetId: number;
  rounds: CheckedRows[];
}

export type AuthModeName = 'identity-token' | 'oauth-token' | 'security-code';

/** The settings as the sidebar sees them: the security code itself never leaves the server. */
export interface SettingsView {
  baseUrl: string;
  domain: string;
  authMode: AuthModeName;
  chunkSize: number;
  chunksInFlight: number;
  skipHiddenRows: boolean;
  skipFinishedRows: boolean;
  writeLog: boolean;
  runCap: number;
  typedConfirmFrom: number;
  securityCodeSaved: boolean;
  /** URL prefixes the manifest allows (urlFetchWhitelist): a custom base URL must start with one. */
  allowedUrlPrefixes: string[];
}

/** What the settings form sends. `securityCode`: undefined keeps the saved one, '' removes it. */
export type SettingsInput = Omit<SettingsView, 'securityCodeSaved' | 'allowedUrlPrefixes'> & { securityCode?: string };

export type SaveSettingsAnswer = { ok: true; settings: SettingsView } | { ok: false; field: string; message: string };

/** What Check connection tests: the form's values as shown, saved or not. `securityCode` '' or absent: the saved one. */
export type ConnectionInput = Pick<SettingsInput, 'baseUrl' | 'domain' | 'authMode' | 'securityCode'>;

export interface ConnectionReport {
  /** Who the add-on acts as, from the identity token (decoded on the server; the token never travels). */
  email?: string;
  clientId?: string;
  audience?: string;
  expiresAt?: string;
  authMode: AuthModeName;
  baseUrl: string;
  ok: boolean;
  /** What happened, in the user's words. */
  message: string;
  /** The sentence to send AODocs support, on 401. */
  supportRequest?: string;
  /** Whether the values tested are the saved ones, or the form's not yet saved (absent: the saved ones). */
  tested?: 'saved' | 'unsaved';
}

export interface LibraryFilters {
  libraryId: string;
  /** '' for every status. */
  status: string;
  type: string;
  requestor: string;
}

export interface LibraryPageRequest {
  filters: LibraryFilters;
  /** Absent on the first call: the server creates the sheet and returns its name. */
  sheetName?: string;
  pageToken?: string;
  /** Rows already written: the server stops at the run cap. */
  rowsSoFar: number;
}

export interface LibraryPageResult {
  sheetName: string;
  rowsWritten: number;
  nextPageToken?: string;
  /** Set when the row cap stopped the listing. */
  capped: boolean;
}

export interface JobErrorEvent {
  time: string;
  severity: string;
  message: string;
}

export interface JobErrorsResult {
  jobId: string;
  events: JobErrorEvent[];
  /** More error events exist than were read. */
  truncated: boolean;
}

/** Rows of one sheet to select for the user. */
export interface RowsToSelect {
  sheetId: number;
  rows: number[];
}

/** How AODocs answered one Diagnostics probe (core/diagnostics.ts, PROBES): what recognition can rely on. */
export interface AodocsProbeAnswer {
  probe: 'unknown-id' | 'malformed-id' | 'no-authorization';
  /** The HTTP status, or null when Apps Script threw instead (then `failure` is its message). */
  status: number | null;
  /** errors[0].reason, when it reads as a plain word (AODocs' text is untrusted: nothing else is kept). */
  reason: string | null;
  contentType: string | null;
  retryAfter: string | null;
  /** The X-aodocs-retryable header. */
  retryable: string | null;
  failure?: string;
  ms: number;
}

/** The identity token's claims Diagnostics reports: never the token, never the email. */
export interface TokenFigures {
  /** Whether getIdentityToken gave a token that reads as a JWT. */
  present: boolean;
  iss?: string;
  aud?: string;
  azp?: string;
  /** aud and azp both present and equal. */
  audEqualsAzp?: boolean;
  /** The Workspace domain (absent for consumer accounts). */
  hd?: string;
  emailVerified?: boolean;
  /** exp - iat, in seconds. */
  lifetimeSeconds?: number;
}

/** What Settings > Diagnostics measured on the platform (see core/diagnostics.ts). */
export interface PlatformFigures {
  /** One UrlFetch request, AODocs' answer included, in ms (least of SINGLE_PROBES). */
  fetchMs: number;
  /** fetchAll of 1, 5, 10, 20 and 40 requests (FETCH_ALL_SIZES), each timed. */
  fetchAllTimes: { requests: number; ms: number }[];
  /** Least-squares line through fetchAllTimes: ms = overheadMs + perRequestMs x requests. */
  fetchAllOverheadMs: number;
  fetchAllPerRequestMs: number;
  /** How many requests fetchAll ran at once: a single request's time over the line's per-request slope. */
  fetchAllParallelism: number;
  /** The parallelism reached the most requests timed together: it is at least that. */
  fetchAllParallelismAtLeast: boolean;
  /** Whether a plain-text ('@') cell kept a written leading apostrophe as a character. */
  plainTextKeepsApostrophe: boolean;
  /** Whether "'=1+1" written into an automatic cell stayed the text "=1+1" (no formula). */
  markedFormulaStaysText: boolean;
  /** The identity token's audience and authorized party (client IDs), absent without a token. */
  identityAudience?: string;
  identityAuthorizedParty?: string;
  /** Session.getActiveUserLocale(). */
  locale: string;
  /** A fetch to an address outside urlFetchWhitelist: whether Apps Script refused it, and its exact text. */
  outsideAllowlist: { refused: boolean; name: string | null; message: string | null };
  /**
   * Whether the timed requests carried the add-on's sign-in. False when it could not be built (openid not granted,
   * no security code saved): the requests then went without Authorization, and still time the platform.
   */
  signedIn: boolean;
  /** ScriptApp.getAuthorizationInfo(FULL): status and the scopes granted (null where Apps Script gives none). */
  authorization: { status: string; grantedScopes: string[] | null; openidGranted: boolean | null };
  token: TokenFigures;
  /** From the token's hd claim: 'unknown' without a readable token. */
  accountType: 'workspace' | 'consumer' | 'unknown';
  aodocsAnswers: AodocsProbeAnswer[];
  /** 100 calls each (SHEET_CALLS), total ms, on the scratch sheet. */
  sheetCalls: { calls: number; isRowHiddenByUserMs: number; getDisplayValuesMs: number; flushMs: number };
  /** The user cache: put and get times, and whether the value was read back in the same call. */
  cache: { putMs: number; getMs: number; readBackSameCall: boolean; key: string; value: string };
  /** LockService.getDocumentLock(): non-null, and what tryLock(0) did in how long. */
  documentLock: { present: boolean; tryLockMs: number | null; acquired: boolean | null };
  /** The server execution's own duration, in ms (the sidebar adds the round trip it saw). */
  serverMs: number;
}

/** google.script.run round trips as the sidebar timed them (core/diagnostics.ts, roundTripStats). */
export interface RoundTripFigures {
  firstMs: number;
  /** Over the ROUND_TRIPS sequential calls after the first. */
  count: number;
  medianMs: number;
  p90Ms: number;
  maxMs: number;
  /** Calls made at once: the time until all answered, and the slowest call's own time. */
  atOnce: { calls: number; allMs: number; slowestMs: number }[];
}

/** The server functions the sidebar calls: src/server/index.ts must provide exactly these. */
export interface ServerApi {
  getSidebarState(): SidebarState;
  readSelectionPlan(known?: KnownHiddenRows): PlanAnswer;
  /** The rows of the request that are hidden by the user or by a filter. */
  readHiddenRows(request: HiddenRowsRequest): number[];
  /** Remembers which column of a sheet holds the job IDs (asked when the header names none). */
  chooseIdColumn(choice: IdColumnChoice): void;
  /** The question which selected column holds the job IDs, asked whatever the header or an earlier choice says. */
  askIdColumn(): PlanAnswer;
  runChunk(request: ChunkRequest): ChunkResult;
  /** Marks a run as stopped: its chunks not yet sending send nothing, and retries end. */
  stopRun(runId: string): void;
  /** Selects these rows of the sheet (the rows that need a look after a run). */
  selectRows(request: RowsToSelect): void;
  /** Measures on the platform what the benchmark and the emulator assume (Settings > Diagnostics). */
  runDiagnostics(): PlatformFigures;
  /** The same, for the Apps Script editor: logs the figures. */
  diagnostics(): void;
  /** Does nothing: Diagnostics times google.script.run round trips with it. */
  diagnosticsPing(): null;
  /** The value runDiagnostics put in the user cache, as a later execution reads it (null: gone). */
  readDiagnosticsCache(): string | null;
  getSettings(): SettingsView;
  saveSettings(input: SettingsInput): SaveSettingsAnswer;
  checkConnection(input?: ConnectionInput): ConnectionReport;
  loadLibraryPage(request: LibraryPageRequest): LibraryPageResult;
  readJobErrors(): JobErrorsResult;
}
