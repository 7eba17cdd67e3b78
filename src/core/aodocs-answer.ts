// What an HTTP answer from AODocs means, before deciding what to tell the user. AODocs documents only its
// 200 bodies; errors come as {"error":{"code","message","errors":[{"domain","reason","message"}]}} and the
// status code is the only reliable signal (AODocs API documentation, "HTTP status codes and error handling").
import { Job, parseJob } from './api-job';

export interface HttpAnswer {
  code: number;
  body: string;
  /** Header names in any case. */
  headers: Record<string, string | string[]>;
}

export type Answer =
  | { kind: 'ok'; code: number; body: unknown }
  | {
      kind: 'error';
      code: number;
      reason?: string;
      /** AODocs' error message: untrusted, matched against known causes, never shown. */
      message?: string;
      retryable: boolean;
      retryAfterSeconds?: number;
    }
  | {
      kind: 'unexpected';
      code: number;
      retryable: boolean;
      retryAfterSeconds?: number;
      /**
       * A body that is not AODocs' JSON (a proxy's sign-in or maintenance page). A 2xx without it has no body at
       * all: AODocs accepted without saying more.
       */
      page?: true;
    }
  | {
      kind: 'no-answer';
      retryable: true;
      /** What Apps Script's exception says went wrong, as a kind (the message itself names the URL). */
      cause?: FetchFailure;
    };

/** Why a request got no answer, from UrlFetchApp's exception message. */
export type FetchFailure = 'not-allowlisted' | 'unknown-host' | 'timeout' | 'unreachable' | 'other';

/**
 * The kind of a UrlFetchApp exception, from its behaviour (`outlastedItsTimeout`: it came only after the request's
 * timeout) and, as a refinement only, its English message (Apps Script translates it). Wordings from scripts that
 * met them (docs/SOURCES.md#urlfetch-exception-messages): "Request to <url> failed because the URL has not been
 * whitelisted in the script manifest.", "DNS error: <url>", "Timeout: <url>", "Address unavailable: <url>". A
 * Workspace administrator's allowlist of outside hosts has no documented wording: it is "other", and the same
 * "other" message for every request of a chunk is what points at it.
 */
export function fetchFailure(message: string, outlastedItsTimeout = false): FetchFailure {
  // Behaviour first: a request that failed only once its timeout had passed timed out, in any language.
  if (outlastedItsTimeout) return 'timeout';
  if (/whitelist|allowlist/i.test(message)) return 'not-allowlisted';
  if (/^(Exception: )?DNS error/i.test(message)) return 'unknown-host';
  if (/^(Exception: )?Timeout/i.test(message)) return 'timeout';
  if (/^(Exception: )?Address unavailable/i.test(message)) return 'unreachable';
  return 'other';
}

/**
 * AODocs' API framework (Cloud Endpoints for Java, ErrorMap) has no entry for 429 and sends a 4xx it does not list
 * as 404 with reason `unsupportedProtocol` (docs/SOURCES.md#aodocs-throttled-as-404): a throttled request, not a
 * missing job.
 */
function isThrottledAs404(code: number, reason: string | undefined): boolean {
  return code === 404 && reason === 'unsupportedProtocol';
}

/** A 404 that says the job (or library) does not exist: reason `notFound`. Any other 404 is not "Not found". */
export function isNotFound(answer: Answer): boolean {
  return answer.kind === 'error' && answer.code === 404 && answer.reason === 'notFound';
}

/**
 * Worth another attempt: every 5xx (AODocs rewrites most to 503 backendError) and 429 (undocumented but real):
 * docs/SOURCES.md#aodocs-retryable, #aodocs-rate-limits.
 */
function isRetryableCode(code: number): boolean {
  return code === 429 || (code >= 500 && code <= 599);
}

export function header(headers: HttpAnswer['headers'], name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** Longest wait a Retry-After is read as: past this it is as good as "not today" (the policy gives up anyway). */
const RETRY_AFTER_MAX_SECONDS = 86_400;

/**
 * `Retry-After` in seconds: delay-seconds, or an HTTP-date counted from `now` (RFC 9110 section 10.2.3 allows
 * both). A date already past means "now"; anything unreadable is treated as absent.
 */
function retryAfter(headers: HttpAnswer['headers'], now: number | undefined): number | undefined {
  const value = header(headers, 'Retry-After')?.trim();
  if (value === undefined || value === '') return undefined;
  if (/^\d+$/.test(value)) return Math.min(Number(value), RETRY_AFTER_MAX_SECONDS);
  const at = Date.parse(value);
  if (now === undefined || !/[a-z]/i.test(value) || Number.isNaN(at)) return undefined;
  return Math.min(Math.max(0, Math.ceil((at - now) / 1000)), RETRY_AFTER_MAX_SECONDS);
}

/** `now`: epoch ms, to read a Retry-After given as a date (without it, only the seconds form is read). */
export function classifyAnswer(answer: HttpAnswer, now?: number): Answer {
  const { code } = answer;
  const json = parseJson(answer.body);
  const isObject = typeof json === 'object' && json !== null && !Array.isArray(json);
  if (code >= 200 && code < 300) {
    if (isObject) return { kind: 'ok', code, body: json };
    // AODocs answers JSON: a 2xx page is a proxy's (sign-in, maintenance) in front of it, not an acceptance.
    return answer.body.trim() === ''
      ? { kind: 'unexpected', code, retryable: false }
      : { kind: 'unexpected', code, retryable: false, page: true };
  }
  const retryable =
    isRetryableCode(code) ||
    (code === 409 && (header(answer.headers, 'X-aodocs-retryable') ?? '').trim().toLowerCase() === 'true');
  const error = isObject ? (json as { error?: unknown }).error : undefined;
  if (code < 400 || typeof error !== 'object' || error === null) {
    // A redirect (followRedirects is off), a proxy's HTML page, an empty or malformed body. A proxy's 429 or
    // 503 page may still say when to come back.
    return { kind: 'unexpected', code, retryable, retryAfterSeconds: retryAfter(answer.headers, now) };
  }
  const errors = (error as { errors?: unknown }).errors;
  const first = Array.isArray(errors) ? (errors[0] as { reason?: unknown } | undefined) : undefined;
  const reason = typeof first?.reason === 'string' ? first.reason : undefined;
  const text = (error as { message?: unknown }).message;
  const message = typeof text === 'string' ? text.slice(0, 500) : undefined;
  return {
    kind: 'error',
    code,
    reason,
    message,
    retryable: retryable || isThrottledAs404(code, reason),
    retryAfterSeconds: retryAfter(answer.headers, now),
  };
}

/** The job carried by a successful answer, if the body reads as one. */
export function jobOf(answer: Answer): Job | undefined {
  return answer.kind === 'ok' ? parseJob(answer.body) : undefined;
}
