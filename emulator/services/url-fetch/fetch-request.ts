import { blobDataOf } from '../blob';
import { fromByteArray, isByteArray } from '../bytes';
import * as messages from './fetch-messages';
import { routeUrl } from './url-routing';
import type { WireRequest } from './wire';

/** UrlFetchApp's advanced parameters (https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app). */
export interface FetchParams {
  method?: string;
  headers?: Record<string, unknown>;
  contentType?: string;
  payload?: unknown;
  muteHttpExceptions?: boolean;
  followRedirects?: boolean;
  validateHttpsCertificates?: boolean;
  escaping?: boolean;
  timeoutSeconds?: number;
  useIntranet?: boolean;
}

/** A request checked and ready to send, with what the script and the request log see of it. */
export interface PreparedRequest {
  /** The URL as the script sees it (escaped); messages and the allowlist use it, never the routed one. */
  url: string;
  method: string;
  /** Headers as sent, in order. */
  headers: [string, string][];
  payloadText: string;
  contentType: string | null;
  muteHttpExceptions: boolean;
  followRedirects: boolean;
  validateHttpsCertificates: boolean;
  wire: WireRequest;
}

/** "timeoutSeconds ... The default is 360 (6 minutes)" (url-fetch-app reference, docs/SOURCES.md#urlfetch-timeout). */
export const DEFAULT_TIMEOUT_SECONDS = 360;
/** "URL length: up to 2,082 characters" (url-fetch-app reference, docs/SOURCES.md#urlfetch-url-length). */
export const MAX_URL_LENGTH = 2082;
const DEFAULT_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/** Characters a URL may hold as they are; with `escaping` on (the default) any other is percent-encoded. */
const URL_SAFE = /[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/;

function escapeUrl(url: string): string {
  let out = '';
  for (const char of url) out += URL_SAFE.test(char) ? char : encodeURIComponent(char);
  return out;
}

export interface PrepareOptions {
  routes: Readonly<Record<string, string>>;
  scriptId: string;
  /** Raises an Apps Script exception in the script's realm. */
  fail(message: string): never;
}

/** Turns fetch(url, params) into the request to send, throwing what Apps Script throws for bad arguments. */
export function prepareRequest(rawUrl: unknown, rawParams: unknown, options: PrepareOptions): PreparedRequest {
  const params = (rawParams ?? {}) as FetchParams;
  if (typeof rawUrl !== 'string') options.fail(messages.invalidArgument('url'));
  const url = params.escaping === false ? rawUrl : escapeUrl(rawUrl);
  // Apps Script rejects long URLs before sending ("Limit Exceeded: URLFetch URL Length." in its logs).
  if (url.length > MAX_URL_LENGTH) options.fail('Limit Exceeded: URLFetch URL Length.');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    options.fail(messages.invalidArgument(url));
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') options.fail(messages.invalidArgument(url));

  const method = String(params.method ?? 'get').toUpperCase();
  const headers: [string, string][] = Object.entries(params.headers ?? {}).map(([name, value]) => [
    name,
    String(value),
  ]);
  const headerIndex = (name: string): number => headers.findIndex(([key]) => key.toLowerCase() === name.toLowerCase());

  const { body, blobType } = encodePayload(params.payload, options);
  let contentType: string | null = null;
  if (params.contentType !== undefined) contentType = String(params.contentType);
  else if (headerIndex('content-type') >= 0) contentType = headers[headerIndex('content-type')][1];
  else if (body !== null) contentType = blobType ?? DEFAULT_CONTENT_TYPE;
  if (contentType !== null) {
    if (headerIndex('content-type') >= 0) headers.splice(headerIndex('content-type'), 1);
    headers.push(['Content-Type', contentType]);
  }
  if (headerIndex('user-agent') < 0) {
    // The documented default User-Agent (https://developers.google.com/apps-script/reference/url-fetch).
    headers.push([
      'User-Agent',
      `Mozilla/5.0 (compatible; Google-Apps-Script; beanserver; +https://script.google.com; id: ${options.scriptId})`,
    ]);
  }

  const timeoutSeconds = params.timeoutSeconds === undefined ? DEFAULT_TIMEOUT_SECONDS : Number(params.timeoutSeconds);
  if (!(timeoutSeconds > 0)) options.fail(messages.invalidArgument('timeoutSeconds'));
  const followRedirects = params.followRedirects !== false;
  const validateHttpsCertificates = params.validateHttpsCertificates !== false;
  return {
    url,
    method,
    headers,
    payloadText: body === null ? '' : Buffer.from(body).toString('utf8'),
    contentType,
    muteHttpExceptions: params.muteHttpExceptions === true,
    followRedirects,
    validateHttpsCertificates,
    wire: {
      url: routeUrl(url, options.routes),
      verbatim: params.escaping === false,
      method,
      headers,
      body,
      followRedirects,
      validateHttpsCertificates,
      timeoutMs: timeoutSeconds * 1000,
    },
  };
}

/**
 * The body bytes of `payload`: "a string, byte array, blob, or JavaScript object. A JavaScript object is
 * interpreted as a map of form field names to values" (url-fetch-app reference).
 */
function encodePayload(
  payload: unknown,
  options: PrepareOptions,
): { body: Uint8Array | null; blobType: string | null } {
  if (payload === undefined || payload === null) return { body: null, blobType: null };
  if (typeof payload === 'string') return { body: new Uint8Array(Buffer.from(payload, 'utf8')), blobType: null };
  if (isByteArray(payload)) return { body: fromByteArray(payload), blobType: null };
  const blob = blobDataOf(payload);
  if (blob) return { body: blob.bytes.slice(), blobType: blob.contentType };
  if (typeof payload === 'object') {
    const form = new URLSearchParams();
    for (const [name, value] of Object.entries(payload)) {
      if (blobDataOf(value)) options.fail('The emulator does not send multipart payloads (a Blob among form fields).');
      form.append(name, String(value));
    }
    return { body: new Uint8Array(Buffer.from(form.toString(), 'utf8')), blobType: null };
  }
  return { body: new Uint8Array(Buffer.from(String(payload), 'utf8')), blobType: null };
}

/** What UrlFetchApp.getRequest(url, params) returns: the request that fetch would send, not sent. */
export function describeRequest(request: PreparedRequest): Record<string, unknown> {
  const scriptHeaders = Object.fromEntries(
    request.headers.filter(([name]) => !/^(content-type|user-agent)$/i.test(name)),
  );
  return {
    url: request.url,
    method: request.method.toLowerCase(),
    headers: scriptHeaders,
    payload: request.payloadText,
    contentType: request.contentType,
    followRedirects: request.followRedirects,
    validateHttpsCertificates: request.validateHttpsCertificates,
    useIntranet: false,
    muteHttpExceptions: request.muteHttpExceptions,
  };
}
