/** A request as the worker sends it: the rewritten URL, final headers and body. */
export interface WireRequest {
  url: string;
  /** Send the URL's path and query exactly as written (escaping: false), not as the URL parser normalizes them. */
  verbatim: boolean;
  method: string;
  headers: [string, string][];
  body: Uint8Array | null;
  followRedirects: boolean;
  validateHttpsCertificates: boolean;
  timeoutMs: number;
}

/** Why a request got no HTTP response. */
export type WireFailureKind = 'dns' | 'unavailable' | 'timeout' | 'ssl' | 'invalid';

export type WireResult =
  | { ok: true; status: number; rawHeaders: string[]; body: Uint8Array; url: string }
  | { ok: false; kind: WireFailureKind; detail: string };
