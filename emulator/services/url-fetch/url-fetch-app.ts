import type { CallCounter } from '../../call-counter';
import { counted } from '../counted';
import type { Executions } from '../executions';
import { isError } from '../format-template';
import { GOOGLE_MESSAGES, type GoogleLanguage, type GoogleMessages } from '../google-language';
import type { ScriptRealm } from '../script-realm';
import * as messages from './fetch-messages';
import { describeRequest, type FetchParams, type PreparedRequest, prepareRequest } from './fetch-request';
import { createHttpResponse, responseText } from './http-response';
import { SyncHttpClient } from './sync-http-client';
import { isAllowlisted } from './url-routing';
import type { WireFailureKind, WireResult } from './wire';

export interface UrlFetchOptions {
  /** Prefix rewrites: the script sees the key, the request goes to the value (e.g. to a local simulator). */
  routes?: Record<string, string>;
  /** urlFetchWhitelist prefixes; a URL outside them throws. null or absent: no allowlist. */
  allowlist?: string[] | null;
  /** Requests allowed before "Service invoked too many times for one day: urlfetch." */
  dailyQuota?: number;
  /**
   * Apps Script refuses every call at once ("Service invoked too many times in a short time: urlfetch."), nothing
   * sent, for this many calls (fetch or fetchAll), then lets them through again.
   */
  shortTimeRefusals?: number;
  /**
   * A Workspace administrator allows outside requests from Apps Script only to listed hosts (admin console), and
   * the URL is not among them: every request throws before it is sent. The wording is not published.
   */
  blockedByAdmin?: boolean;
  /**
   * How long a request stalls before its answer comes, in ms of the script's clock (Infinity: never answers), or
   * undefined for no stall. It is still sent (the server may act on it); past its deadline it fails as a timeout,
   * and the call takes as long as its slowest request, up to the deadlines. Meant for the virtual clock.
   */
  stallMs?: (url: string) => number | undefined;
  /**
   * The platform ignores the script's timeoutSeconds and gives up on a request after this many seconds. The
   * reference documents timeoutSeconds (default 360); another guide says about 60 s, not configurable
   * (docs/SOURCES.md#urlfetch-timeout). Undefined: timeoutSeconds is honoured.
   */
  platformTimeoutSeconds?: number;
  /** Called with the script's URL before each request is sent; what it throws, the script gets as an exception. */
  beforeRequest?: (url: string, request: { method: string; headers: Record<string, string> }) => void;
}

/** One HTTP request the script sent, as the request log keeps it. */
export interface FetchLogEntry {
  /** Which fetch/fetchAll call sent it (1, 2, ...): requests of one fetchAll share it. */
  call: number;
  method: string;
  /** The URL as the script wrote it. */
  url: string;
  /** Where it really went (after routes). */
  sentTo: string;
  headers: Record<string, string>;
  body: string;
  /** The response code, or null when there was no response (see `error`). */
  status: number | null;
  error?: string;
  startedAt: number;
  durationMs: number;
}

/** Test control of UrlFetchApp: options (changeable between calls), request log, quota use. */
export class UrlFetchControl {
  readonly log: FetchLogEntry[] = [];
  requestsSent = 0;
  calls = 0;
  readonly client = new SyncHttpClient();

  constructor(public options: UrlFetchOptions = {}) {}

  resetQuota(): void {
    this.requestsSent = 0;
  }

  /** Stops the HTTP worker thread. */
  close(): void {
    this.client.close();
  }
}

export interface UrlFetchDeps {
  counter: CallCounter;
  realm: ScriptRealm;
  executions: Executions;
  scriptId: string;
  now(): number;
  /** The language of Apps Script's messages, read at each call. Default English. */
  language?(): GoogleLanguage;
  /** Lets the script's time pass (the clock's sleep): a stalled request takes that time. */
  sleep?(ms: number): void;
}

export type HttpResponse = ReturnType<typeof createHttpResponse>;

function failureMessage(kind: WireFailureKind, url: string, words: GoogleMessages): string {
  switch (kind) {
    case 'dns':
      return words.dnsError(url);
    case 'timeout':
      return words.timeout(url);
    case 'ssl':
      return messages.sslError(url);
    case 'invalid':
      return messages.invalidArgument(url);
    default:
      return words.addressUnavailable(url);
  }
}

/**
 * UrlFetchApp (https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app) over real HTTP:
 * synchronous, fetchAll concurrent with answers in request order; network failures throw even when muted.
 */
export function createUrlFetchApp(deps: UrlFetchDeps, control: UrlFetchControl) {
  const { counter, realm } = deps;
  const words = (): GoogleMessages => GOOGLE_MESSAGES[deps.language?.() ?? 'en'];
  const fail = (message: string): never => {
    throw realm.exception(message);
  };
  const prepare = (url: unknown, params: unknown): PreparedRequest => {
    const request = prepareRequest(url, params, {
      routes: control.options.routes ?? {},
      scriptId: deps.scriptId,
      fail,
    });
    const allowlist = control.options.allowlist;
    if (allowlist && !isAllowlisted(request.url, allowlist)) fail(words().notAllowlisted(request.url));
    return request;
  };

  /**
   * Stalled requests (options.stallMs): the script's time passes until the slowest answers or reaches its deadline
   * (the script's timeoutSeconds, or the platform's own when it ignores it; never past the execution's end), and a
   * request stalled past its deadline fails as a timeout whatever the server answered.
   */
  const stall = (requests: PreparedRequest[], results: WireResult[], remainingMs: number): void => {
    const stallOf = control.options.stallMs;
    if (!stallOf) return;
    const platform = control.options.platformTimeoutSeconds;
    let longest = 0;
    requests.forEach((request, i) => {
      const stalled = stallOf(request.url) ?? 0;
      const deadline = Math.min(platform === undefined ? request.wire.timeoutMs : platform * 1000, remainingMs);
      longest = Math.max(longest, Math.min(stalled, deadline));
      if (stalled > deadline) results[i] = { ok: false, kind: 'timeout', detail: 'stalled past its deadline' };
    });
    if (longest > 0) deps.sleep?.(longest);
  };

  const send = (requests: PreparedRequest[]): HttpResponse[] => {
    deps.executions.checkTimeLimit();
    const quota = control.options.dailyQuota;
    if (quota !== undefined && control.requestsSent + requests.length > quota) fail(words().dailyQuota);
    if ((control.options.shortTimeRefusals ?? 0) > 0) {
      control.options.shortTimeRefusals = (control.options.shortTimeRefusals ?? 0) - 1;
      fail(words().shortTimeQuota);
    }
    if (control.options.blockedByAdmin && requests.length > 0) fail(words().blockedByAdmin(requests[0].url));
    for (const request of requests) {
      try {
        control.options.beforeRequest?.(request.url, {
          method: request.method,
          headers: Object.fromEntries(request.headers),
        });
      } catch (error) {
        throw isError(error) ? realm.exception(error.message) : error;
      }
    }
    const call = ++control.calls;
    const startedAt = deps.now();
    const entries = requests.map((request): FetchLogEntry => {
      counter.count('UrlFetch', 'request');
      return {
        call,
        method: request.method,
        url: request.url,
        sentTo: request.wire.url,
        headers: Object.fromEntries(request.headers),
        body: request.payloadText,
        status: null,
        startedAt,
        durationMs: 0,
      };
    });
    control.log.push(...entries);
    control.requestsSent += requests.length;

    const started = performance.now();
    // The execution ends at its time limit, whatever the request's own timeout.
    const remaining = deps.executions.remainingMs();
    const results: WireResult[] = control.client.send(
      requests.map((request) => ({ ...request.wire, timeoutMs: Math.min(request.wire.timeoutMs, remaining) })),
    );
    const durationMs = performance.now() - started;
    stall(requests, results, remaining);
    deps.executions.checkTimeLimit();

    const responses = results.map((result, i) => {
      const request = requests[i];
      const entry = entries[i];
      entry.durationMs = durationMs;
      if (!result.ok) {
        entry.error = failureMessage(result.kind, request.url, words());
        return { request, error: entry.error };
      }
      entry.status = result.status;
      const data = { status: result.status, rawHeaders: result.rawHeaders, body: result.body, url: request.url };
      if (result.status >= 400 && !request.muteHttpExceptions) {
        return { request, error: messages.requestFailed(request.url, result.status, responseText(data)) };
      }
      return { request, response: createHttpResponse(counter, realm, data) };
    });
    // One failing request makes the whole call throw: the first failure in request order.
    const failed = responses.find((outcome) => outcome.error !== undefined);
    if (failed?.error !== undefined) fail(failed.error);
    return responses.map((outcome) => outcome.response as HttpResponse);
  };

  const asRequest = (item: unknown): PreparedRequest => {
    if (typeof item === 'string') return prepare(item, {});
    if (item !== null && typeof item === 'object' && 'url' in item) return prepare(item.url, item);
    return fail(messages.invalidArgument('requests'));
  };

  return counted(counter, 'UrlFetchApp', {
    fetch: (url: string, params?: FetchParams): HttpResponse => send([prepare(url, params)])[0],
    fetchAll: (requests: (string | (FetchParams & { url: string }))[]): HttpResponse[] => {
      if (!Array.isArray(requests)) fail(messages.invalidArgument('requests'));
      return realm.array(send(requests.map(asRequest)));
    },
    /** Not sent, so neither the allowlist nor the quota applies. */
    getRequest: (url: string, params?: FetchParams): Record<string, unknown> =>
      realm.record(describeRequest(prepareRequest(url, params, { routes: {}, scriptId: deps.scriptId, fail }))),
  });
}
