// Records what one server execution did: the emulator runs executions one at a time, so the difference of the
// call counter, the cell counters and the UrlFetch log before and after a call belongs to that execution alone.
import type { AppsScriptEnvironment } from '../emulator/environment';
import type { LoadedBundle } from '../emulator/bundle-loader';
import { SHEETS_SERVICES } from '../emulator/call-counter';

/** One fetch or fetchAll call of an execution: how many requests, and its wall time over real sockets. */
export interface FetchCall {
  requests: number;
  durationMs: number;
}

/** One server execution as the emulator ran it. */
export interface ExecutionMeasure {
  functionName: string;
  wallMs: number;
  ok: boolean;
  error?: string;
  /** Service calls by "Service.method" made during this execution. */
  calls: Record<string, number>;
  cellsRead: number;
  cellsWritten: number;
  fetchCalls: FetchCall[];
}

export interface RunCounts {
  executions: number;
  urlFetchRequests: number;
  /** Distinct job IDs among the URLs requested. */
  distinctJobIdsRequested: number;
  /** Job IDs requested more than once. */
  repeatedJobIds: number;
  /** Sheets calls by "Service.method", summed over the run. */
  sheetsCalls: Record<string, number>;
  sheetsCallsTotal: number;
}

const SHEETS = new Set(SHEETS_SERVICES);

/** A "Service.method" key of the call counter that belongs to a Sheets service. */
export function isSheetsCall(key: string): boolean {
  return SHEETS.has(key.split('.')[0]);
}

function difference(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, n] of Object.entries(after)) if (n !== (before[key] ?? 0)) out[key] = n - (before[key] ?? 0);
  return out;
}

export class ExecutionRecorder {
  readonly executions: ExecutionMeasure[] = [];
  private heapHighWater = 0;

  constructor(
    private readonly env: AppsScriptEnvironment,
    private readonly bundle: LoadedBundle,
  ) {}

  /** Runs `call` (one execution) and records it; rethrows what it throws, after recording. */
  record<T>(call: () => T): { value: T; measure: ExecutionMeasure } {
    const { env, bundle } = this;
    const calls = env.counter.snapshot();
    const fetched = env.urlFetch.log.length;
    const cellsRead = env.spreadsheet.cellsRead;
    const cellsWritten = env.spreadsheet.cellsWritten;
    let value: T | undefined;
    let thrown: unknown;
    try {
      value = call();
    } catch (error) {
      thrown = error;
    }
    const last = bundle.executionLog[bundle.executionLog.length - 1];
    const byCall = new Map<number, FetchCall>();
    for (const entry of env.urlFetch.log.slice(fetched)) {
      const f = byCall.get(entry.call) ?? { requests: 0, durationMs: entry.durationMs };
      f.requests++;
      byCall.set(entry.call, f);
    }
    const measure: ExecutionMeasure = {
      functionName: last?.functionName ?? '?',
      wallMs: last?.wallMs ?? 0,
      ok: last?.ok ?? false,
      ...(last?.error ? { error: last.error } : {}),
      calls: difference(env.counter.snapshot(), calls),
      cellsRead: env.spreadsheet.cellsRead - cellsRead,
      cellsWritten: env.spreadsheet.cellsWritten - cellsWritten,
      fetchCalls: [...byCall.values()],
    };
    this.executions.push(measure);
    this.heapHighWater = Math.max(this.heapHighWater, process.memoryUsage().heapUsed);
    if (thrown !== undefined) throw thrown;
    return { value: value as T, measure };
  }

  heapUsedHighWaterMb(): number {
    return this.heapHighWater / 2 ** 20;
  }

  /** Totals over every execution recorded, and a check of the URLs: one request per distinct job ID. */
  counts(jobIdOfUrl: (url: string) => string | undefined): RunCounts {
    const sheetsCalls: Record<string, number> = {};
    for (const e of this.executions)
      for (const [key, n] of Object.entries(e.calls))
        if (isSheetsCall(key)) sheetsCalls[key] = (sheetsCalls[key] ?? 0) + n;
    const perJob = new Map<string, number>();
    for (const entry of this.env.urlFetch.log) {
      const id = jobIdOfUrl(entry.url);
      if (id !== undefined) perJob.set(id, (perJob.get(id) ?? 0) + 1);
    }
    return {
      executions: this.executions.length,
      urlFetchRequests: this.env.urlFetch.log.length,
      distinctJobIdsRequested: perJob.size,
      repeatedJobIds: [...perJob.values()].filter((n) => n > 1).length,
      sheetsCalls: Object.fromEntries(Object.entries(sheetsCalls).sort(([a], [b]) => a.localeCompare(b))),
      sheetsCallsTotal: Object.values(sheetsCalls).reduce((a, b) => a + b, 0),
    };
  }
}

/** The job ID of a cancel or read URL of the Job API (`.../job/v1/{id}` or `.../job/v1/{id}/cancel`). */
export function jobIdOfUrl(url: string): string | undefined {
  const match = /\/job\/v1\/([^/?#]+)(?:\/cancel)?(?:[?#].*)?$/.exec(url);
  return match ? decodeURIComponent(match[1]) : undefined;
}
