// Test helpers: raw HTTP over a fresh connection per request (agent: false), so a dropped socket or a
// timeout is seen exactly as it happened, with no client-side retry or connection reuse in between.

import { request as httpRequest } from 'node:http';
import { makeTestIdToken, type TestTokenClaims } from '../../simulator/test-tokens';

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The parsed body; undefined when it is not JSON. */
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface HttpOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Destroys the request after this many ms (rejects with Error('timeout')). */
  timeoutMs?: number;
}

/** `path` is appended to the simulator's base URL (which ends in /api). */
export function call(baseUrl: string, path: string, options: HttpOptions = {}): Promise<HttpAnswer> {
  const url = new URL(baseUrl + path);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    if (options.timeoutMs !== undefined) req.setTimeout(options.timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(options.body);
  });
}

export function bearer(email: string, claims: Partial<TestTokenClaims> = {}): Record<string, string> {
  return { Authorization: `Bearer ${makeTestIdToken({ email, ...claims })}` };
}

export const ADMIN = bearer('admin@example.com');
