// What the simulator received and answered. Credentials never enter it: the auth kind and the caller's email
// are logged, never the token or the security code, and credential-like query values are redacted.

import type { AuthKind } from './auth';
import type { FaultKind } from './faults';
import type { OperationName } from './types';

export interface RequestLogEntry {
  /** 1, 2, 3... in arrival order. */
  seq: number;
  /** Arrival time, ISO 8601. */
  time: string;
  method: string;
  /** Raw path without the query string. */
  path: string;
  /** Query parameters, with credential values replaced by "[redacted]". */
  query: Record<string, string>;
  operation?: OperationName;
  authKind: AuthKind;
  callerEmail?: string;
  /** The status sent; absent when the connection was dropped without an answer. */
  status?: number;
  fault?: FaultKind;
  durationMs: number;
}

const CREDENTIAL_PARAMS = new Set(['securitycode', 'access_token', 'bearer_token', 'key', 'token']);

export function redactedQuery(query: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of query) {
    if (name in out) continue;
    out[name] = CREDENTIAL_PARAMS.has(name.toLowerCase()) ? '[redacted]' : value;
  }
  return out;
}

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 0;

  add(entry: Omit<RequestLogEntry, 'seq'>): void {
    const defined = Object.entries(entry).filter(([, value]) => value !== undefined);
    this.entries.push({ seq: ++this.seq, ...(Object.fromEntries(defined) as Omit<RequestLogEntry, 'seq'>) });
  }

  list(): RequestLogEntry[] {
    return this.entries.map((e) => ({ ...e, query: { ...e.query } }));
  }

  clear(): void {
    this.entries = [];
  }
}
