// What an execution measured in the emulator would cost in Apps Script. The emulator runs Sheets calls in
// microseconds and executions one after the other, so the benchmark measures counts (calls, cells, requests,
// fetch durations over real sockets) and prices them with the figures below. Every figure is a named constant
// with its source; [D] documented by Google, [C] community measurement, [I] our assumption.
// Where these figures come from: Google's Apps Script pages and observed figures, each cited below with its address.
import { type ExecutionMeasure, isSheetsCall } from './execution-recorder';

/**
 * A Sheets call that writes (setValue(s), insert*, flush...). Best practices, "Use batch operations": setting
 * the background of each cell of a 100 x 100 grid one call at a time "takes about 70 seconds", so 70 s / 10,000
 * calls = 7 ms a call. [D] https://developers.google.com/apps-script/guides/support/best-practices
 * (docs/SOURCES.md#batch-operations).
 */
export const SHEETS_WRITE_CALL_MS = 7;

/**
 * A Sheets call that reads (getValues, getDisplayValues, getLastRow, isRowHiddenByUser, sheet lookups...).
 * Google gives no figure of its own for reads. The same page says reads profit from look-ahead caching but that
 * "alternating read and write commands is slow", and a chunk does alternate (read IDs, write rows, read again),
 * so a read is charged like a write. [I] derived from the [D] figure above.
 */
export const SHEETS_READ_CALL_MS = 7;

/**
 * Calls that only hand back an object or a property it already holds (getRange, getActiveSpreadsheet,
 * getSheetById, getName, getRow...): no round trip to the spreadsheet is assumed. [I]
 */
export const SHEETS_HANDLE_CALL_MS = 0;

/**
 * Data volume: the same best-practices example writes the same 10,000 cells with one batched call "in just
 * 1 second", so 0.1 ms a cell read or written (an upper bound: that second also computes the colours). [D]
 * https://developers.google.com/apps-script/guides/support/best-practices
 */
export const SHEETS_CELL_MS = 0.1;

/**
 * Start of an execution and, for google.script.run, the trip from the sidebar and back: each call is its own
 * execution that loads the script again (docs/SOURCES.md#script-run-startup [D]: https://developers.google.com/apps-script/guides/html/communication;
 * "every time a server function is called, the server script is initialized" [C]
 * https://ramblings.mcpher.com/gassnippets2/measuring-library-load-speed/). Google publishes no duration: 500 ms
 * is our assumption [I]; RESULTS.md shows how the ratios move with it.
 */
export const EXECUTION_START_MS = 500;

/**
 * One UrlFetchApp call (fetch, or a fetchAll wave) costs its slowest request, "fetchAll: time of slowest request"
 * [C] https://justin.poehnelt.com/posts/definitive-guide-to-urlfetchapp (docs/SOURCES.md#fetchall-parallelism), plus Google's
 * fetch proxy hop, which is not published: 50 ms [I].
 */
export const FETCH_CALL_OVERHEAD_MS = 50;

/**
 * Requests one fetchAll really runs at once: no official cap; "~10-20 observed" [C] (docs/SOURCES.md#fetchall-parallelism,
 * magesheet blog; tanaike's benchmark gist https://gist.github.com/tanaikech/c0f383034045ab63c19604139ecb0728
 * shows the concurrency). Beyond it requests are assumed to queue in sub-waves. [I] on the exact number.
 */
export const FETCH_ALL_PARALLELISM = 20;

/**
 * Other service calls that go to a Google backend: PropertiesService getProperty measured at 30-34 ms on average
 * [C] https://ziritione.org/post/apps_script_performance ; LockService tryLock/releaseLock,
 * ScriptApp.getIdentityToken and the user's email are charged the same [I].
 */
export const OTHER_SERVICE_CALL_MS = 30;

/**
 * "Simultaneous executions per user: 30" [D] https://developers.google.com/apps-script/guides/services/quotas
 * (docs/SOURCES.md#simultaneous-executions). Every google.script.run call, trigger or menu click of the user counts toward it.
 */
export const SIMULTANEOUS_EXECUTIONS_PER_USER = 30;

/**
 * "The google.script.run API allows 10 concurrent calls to server functions. If you make an 11th call while 10 are
 * still running, the server function will be delayed until one of the 10 spots is freed." [D]
 * https://developers.google.com/apps-script/guides/html/communication . A run is driven by one sidebar, so at most
 * this many of its executions run at once, whatever the user's quota of simultaneous executions.
 */
export const SIDEBAR_CALLS_AT_ONCE = 10;

/**
 * Executions one sidebar can have running at once: the tighter of the two caps, the sidebar's google.script.run
 * calls [D] and the user's simultaneous executions [D]. 10 today: the sidebar's cap binds.
 */
export const EXECUTIONS_AT_ONCE = Math.min(SIDEBAR_CALLS_AT_ONCE, SIMULTANEOUS_EXECUTIONS_PER_USER);

/** Which cap binds EXECUTIONS_AT_ONCE, for the report. */
export const BINDING_EXECUTION_CAP: 'sidebar' | 'user' =
  SIDEBAR_CALLS_AT_ONCE <= SIMULTANEOUS_EXECUTIONS_PER_USER ? 'sidebar' : 'user';

/**
 * C_max, the most AODocs requests one sidebar can have in flight under this model: every execution it can run at
 * once (EXECUTIONS_AT_ONCE [D]) in one fetchAll wave of FETCH_ALL_PARALLELISM requests [C]/[I].
 */
export const MAX_REQUESTS_IN_FLIGHT = EXECUTIONS_AT_ONCE * FETCH_ALL_PARALLELISM;

/** "Script runtime: 6 min / execution" [D] https://developers.google.com/apps-script/guides/services/quotas */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;

/** The ceiling docs/BEHAVIOUR.md 7 sets for any single execution of a 5,000-job run, in modelled time. */
export const EXECUTION_TARGET_MS = 60 * 1000;

export type SheetsCallKind = 'read' | 'write' | 'handle';

/**
 * Sheets calls that reach no spreadsheet, as this model (and `sheets_roundtrips_per_chunk`) counts them: calls
 * that hand back a handle (a Spreadsheet, a Sheet, a Range, a RangeList) and getters of what the handle was made
 * from (its ID, its name as the sheet lookup found it, a range's coordinates). Every other Sheets call is a round
 * trip: it reads the document's current values or grid (getDisplayValues, getLastRow, getLastColumn,
 * getFrozenRows, getMaxRows...), which Apps Script must fetch after applying the writes pending, or it writes
 * (setValues, insert*, flush...). getName is counted as a handle getter: the sheet's name comes with the sheet
 * list that getSheetById and getSheetByName search, like its ID. [I]: Google documents none of this.
 */
const HANDLE_METHODS = new Set([
  'getActiveSpreadsheet',
  'getActiveSheet',
  'getSheetById',
  'getSheetByName',
  'getSheets',
  'getRange',
  'getRangeList',
  'getName',
  'getSheetId',
  'getSheet',
  'getRow',
  'getColumn',
  'getLastRowOfRange',
  'getNumRows',
  'getNumColumns',
  'getA1Notation',
  'getRanges',
  'getCell',
  'offset',
  'getUi',
]);

const WRITE_PREFIXES = ['set', 'insert', 'delete', 'clear', 'append', 'flush', 'sort', 'copy', 'hide', 'show', 'merge'];

/** A "Service.method" key of the call counter, for a Sheets service. */
export function sheetsCallKind(key: string): SheetsCallKind {
  const method = key.split('.')[1] ?? '';
  if (HANDLE_METHODS.has(method)) return 'handle';
  if (WRITE_PREFIXES.some((p) => method.startsWith(p))) return 'write';
  return 'read';
}

/** Calls of other services that reach a backend (the rest, like getUserProperties or HTTPResponse getters, are local). */
export const BACKEND_CALLS = [
  'Properties.getProperty',
  'Properties.setProperty',
  'Lock.tryLock',
  'Lock.waitLock',
  'Lock.releaseLock',
  'ScriptApp.getIdentityToken',
  'ScriptApp.getOAuthToken',
  'User.getEmail',
  'Cache.get',
  'Cache.put',
];
const BACKEND = new Set(BACKEND_CALLS);

export interface ModelledExecution {
  start: number;
  sheetsReads: number;
  sheetsWrites: number;
  cells: number;
  otherServices: number;
  /** fetch / fetchAll calls: slowest request (measured over real sockets), sub-waves, proxy hop. */
  urlFetch: number;
  /** Script time measured in the emulator outside any fetch, charged 1:1. [I] */
  compute: number;
  total: number;
}

/** Sheets calls that reach the spreadsheet (reads and writes; see HANDLE_METHODS), by "Service.method". */
export function sheetsRoundTrips(calls: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(calls)
      .filter(([key]) => isSheetsCall(key) && sheetsCallKind(key) !== 'handle')
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

export function sheetsCallCounts(calls: Record<string, number>): Record<SheetsCallKind, number> {
  const out = { read: 0, write: 0, handle: 0 };
  for (const [key, n] of Object.entries(calls)) if (isSheetsCall(key)) out[sheetsCallKind(key)] += n;
  return out;
}

/** The figures the model prices with; the report varies them one at a time to show how much the ratios depend on them. */
export interface CostParams {
  sheetsReadCallMs: number;
  sheetsWriteCallMs: number;
  sheetsCellMs: number;
  executionStartMs: number;
  fetchCallOverheadMs: number;
  fetchAllParallelism: number;
  otherServiceCallMs: number;
}

export const DEFAULT_COST: CostParams = {
  sheetsReadCallMs: SHEETS_READ_CALL_MS,
  sheetsWriteCallMs: SHEETS_WRITE_CALL_MS,
  sheetsCellMs: SHEETS_CELL_MS,
  executionStartMs: EXECUTION_START_MS,
  fetchCallOverheadMs: FETCH_CALL_OVERHEAD_MS,
  fetchAllParallelism: FETCH_ALL_PARALLELISM,
  otherServiceCallMs: OTHER_SERVICE_CALL_MS,
};

/** One fetch or fetchAll: the time of its slowest request, once per sub-wave beyond the parallelism, plus the hop. */
export function modelledFetchCall(requests: number, durationMs: number, cost: CostParams = DEFAULT_COST): number {
  return Math.ceil(requests / cost.fetchAllParallelism) * durationMs + cost.fetchCallOverheadMs;
}

export function modelExecution(m: ExecutionMeasure, cost: CostParams = DEFAULT_COST): ModelledExecution {
  const kinds = sheetsCallCounts(m.calls);
  const backend = Object.entries(m.calls).reduce((n, [key, count]) => n + (BACKEND.has(key) ? count : 0), 0);
  const fetchWall = m.fetchCalls.reduce((n, f) => n + f.durationMs, 0);
  const parts = {
    start: cost.executionStartMs,
    sheetsReads: kinds.read * cost.sheetsReadCallMs + kinds.handle * SHEETS_HANDLE_CALL_MS,
    sheetsWrites: kinds.write * cost.sheetsWriteCallMs,
    cells: (m.cellsRead + m.cellsWritten) * cost.sheetsCellMs,
    otherServices: backend * cost.otherServiceCallMs,
    urlFetch: m.fetchCalls.reduce((n, f) => n + modelledFetchCall(f.requests, f.durationMs, cost), 0),
    compute: Math.max(0, m.wallMs - fetchWall),
  };
  return { ...parts, total: Object.values(parts).reduce((a, b) => a + b, 0) };
}

/** The constants, for the report. */
export const COST_MODEL_TABLE: { name: string; value: string; source: string }[] = [
  {
    name: 'SHEETS_WRITE_CALL_MS',
    value: `${SHEETS_WRITE_CALL_MS} ms`,
    source:
      '[D] best practices, "Use batch operations": 100 x 100 cells one call each "about 70 seconds" = 7 ms a call. https://developers.google.com/apps-script/guides/support/best-practices',
  },
  {
    name: 'SHEETS_READ_CALL_MS',
    value: `${SHEETS_READ_CALL_MS} ms`,
    source:
      '[I] no Google figure for reads; same page: "alternating read and write commands is slow", and a chunk alternates, so charged like a write',
  },
  {
    name: 'SHEETS_HANDLE_CALL_MS',
    value: `${SHEETS_HANDLE_CALL_MS} ms`,
    source:
      '[I] getActiveSpreadsheet, getActiveSheet, getSheetById, getSheetByName, getSheets, getRange, getName, getRow...: no round trip assumed',
  },
  {
    name: 'SHEETS_CELL_MS',
    value: `${SHEETS_CELL_MS} ms`,
    source: '[D] same example batched: 10,000 cells "in just 1 second" = 0.1 ms a cell (upper bound)',
  },
  {
    name: 'EXECUTION_START_MS',
    value: `${EXECUTION_START_MS} ms`,
    source:
      '[I] per execution (google.script.run round trip or menu click); no published figure. Each call is a fresh execution: https://developers.google.com/apps-script/guides/html/communication [D], https://ramblings.mcpher.com/gassnippets2/measuring-library-load-speed/ [C]',
  },
  {
    name: 'FETCH_CALL_OVERHEAD_MS',
    value: `${FETCH_CALL_OVERHEAD_MS} ms`,
    source:
      '[C] fetchAll costs its slowest request (https://justin.poehnelt.com/posts/definitive-guide-to-urlfetchapp); the slowest request is measured; + 50 ms proxy hop [I]',
  },
  {
    name: 'FETCH_ALL_PARALLELISM',
    value: `${FETCH_ALL_PARALLELISM} requests`,
    source:
      '[C] "~10-20 observed" per fetchAll (docs/SOURCES.md#fetchall-parallelism); more requests run in sub-waves [I]. https://gist.github.com/tanaikech/c0f383034045ab63c19604139ecb0728',
  },
  {
    name: 'OTHER_SERVICE_CALL_MS',
    value: `${OTHER_SERVICE_CALL_MS} ms`,
    source:
      '[C] PropertiesService getProperty avg 30-34 ms, https://ziritione.org/post/apps_script_performance ; Lock, identity token, user email charged the same [I]',
  },
  {
    name: 'SIMULTANEOUS_EXECUTIONS_PER_USER',
    value: `${SIMULTANEOUS_EXECUTIONS_PER_USER}`,
    source:
      '[D] quotas page, "Simultaneous executions per user". https://developers.google.com/apps-script/guides/services/quotas',
  },
  {
    name: 'SIDEBAR_CALLS_AT_ONCE',
    value: `${SIDEBAR_CALLS_AT_ONCE}`,
    source:
      '[D] communication guide: google.script.run "allows 10 concurrent calls"; an 11th waits for a spot. https://developers.google.com/apps-script/guides/html/communication',
  },
  {
    name: 'MAX_REQUESTS_IN_FLIGHT (C_max)',
    value: `${MAX_REQUESTS_IN_FLIGHT} requests`,
    source:
      `min(SIDEBAR_CALLS_AT_ONCE, SIMULTANEOUS_EXECUTIONS_PER_USER) = ${EXECUTIONS_AT_ONCE} executions at once ` +
      `(the ${BINDING_EXECUTION_CAP === 'sidebar' ? "sidebar's 10 calls bind" : "user's simultaneous executions bind"}) ` +
      'x FETCH_ALL_PARALLELISM, each in one fetchAll wave; the platform bound uses it',
  },
  {
    name: 'EXECUTION_LIMIT_MS',
    value: '360 s',
    source: '[D] "Script runtime: 6 min / execution", https://developers.google.com/apps-script/guides/services/quotas',
  },
];
