// One request from arrival to answer: latency, routing, fault, auth, contract check, operation, logging.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { authenticate, type AuthOutcome } from './auth';
import type { ContractChecker } from './contract';
import { ApiError, badRequest, errorBody, unknownPath } from './errors';
import type { FaultKind, FaultPlanner } from './faults';
import type { LatencyPicker } from './latency';
import { OPERATIONS } from './operations';
import type { RuntimeOptions } from './options';
import { redactedQuery, type RequestLog } from './request-log';
import { matchRoute, type RouteMatch } from './routes';
import type { JobStore } from './store';
import type { OperationName } from './types';

export interface SimulatorState {
  store: JobStore;
  log: RequestLog;
  contract: ContractChecker;
  faults: FaultPlanner;
  latency: LatencyPicker;
  options: RuntimeOptions;
  /** Aborted on close, so pending latency and slow faults stop waiting. */
  closing: AbortSignal;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const JSON_TYPE = 'application/json; charset=UTF-8';

const PROXY_PAGE =
  '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>' +
  '<body><h1>Bad Gateway</h1><p>The proxy server received an invalid response from an upstream server.</p></body></html>';

function jsonAnswer(status: number, body: object, headers: Record<string, string> = {}): Answer {
  return { status, headers: { 'Content-Type': JSON_TYPE, ...headers }, body: JSON.stringify(body) };
}

function errorAnswer(error: ApiError): Answer {
  return jsonAnswer(error.status, error.body(), error.headers);
}

/**
 * AODocs says its error messages "can change without warning": with `rewordMessages`, every JSON error keeps its
 * status, reason and headers and gets another message, so that nothing may depend on the wording.
 */
function reworded(answer: Answer): Answer {
  if (answer.status < 400 || answer.headers['Content-Type'] !== JSON_TYPE) return answer;
  const body = JSON.parse(answer.body) as { error?: { errors?: { reason: string }[]; code: number } };
  if (!body.error) return answer;
  const reason = body.error.errors?.[0]?.reason ?? 'unknown';
  const message = `The request was not completed (${reason}, ref. ${body.error.code}).`;
  return { ...answer, body: JSON.stringify(errorBody(body.error.code, reason, message)) };
}

/** The answer of a fault that replaces the operation, or undefined for slow/drop/drop-after/503-after. */
function faultAnswer(fault: FaultKind, options: RuntimeOptions): Answer | undefined {
  switch (fault) {
    case '503':
      return errorAnswer(new ApiError(503, 'backendError', 'Backend Error'));
    case '429': {
      const retryAfter = { 'Retry-After': String(options.retryAfterSeconds) };
      return errorAnswer(new ApiError(429, 'rateLimitExceeded', 'Rate Limit Exceeded', retryAfter));
    }
    case '429-long':
      return errorAnswer(new ApiError(429, 'rateLimitExceeded', 'Rate Limit Exceeded', { 'Retry-After': '60' }));
    case '400':
      return errorAnswer(new ApiError(400, 'badRequest', 'Bad Request'));
    case '429-as-404':
      return errorAnswer(new ApiError(404, 'unsupportedProtocol', 'Rate Limit Exceeded'));
    case '409':
      return errorAnswer(
        new ApiError(409, 'conflict', 'Concurrent modification, please retry', { 'X-aodocs-retryable': 'true' }),
      );
    case 'html':
      return { status: 502, headers: { 'Content-Type': 'text/html; charset=UTF-8' }, body: PROXY_PAGE };
    case 'html-429':
      return {
        status: 429,
        headers: { 'Content-Type': 'text/html; charset=UTF-8', 'Retry-After': '3' },
        body: PROXY_PAGE,
      };
    default:
      return undefined;
  }
}

function readBodyLength(req: IncomingMessage): Promise<number> {
  return new Promise((resolve) => {
    let length = 0;
    req.on('data', (chunk: Buffer) => (length += chunk.length));
    req.on('end', () => resolve(length));
    req.on('error', () => resolve(length));
  });
}

export async function handleRequest(state: SimulatorState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = Date.now();
  const method = req.method ?? 'GET';
  const rawUrl = req.url ?? '/';
  const queryStart = rawUrl.indexOf('?');
  const path = queryStart < 0 ? rawUrl : rawUrl.slice(0, queryStart);
  const query = new URLSearchParams(queryStart < 0 ? '' : rawUrl.slice(queryStart + 1));
  const bodyLength = await readBodyLength(req);
  const auth: AuthOutcome = authenticate(
    { authorization: req.headers.authorization, securityCodeParam: query.get('securityCode') ?? undefined },
    state.store,
    Date.now(),
  );

  let operation: OperationName | undefined;
  let fault: FaultKind | undefined;
  const violation = (what: string, details: string) =>
    state.contract.record({ operation: operation ?? 'unknown', what, details, method, path });
  const finish = (status: number | undefined) =>
    state.log.add({
      time: new Date(started).toISOString(),
      method,
      path,
      query: redactedQuery(query),
      operation,
      authKind: auth.kind,
      callerEmail: auth.email,
      status,
      fault,
      durationMs: Date.now() - started,
    });
  const send = (original: Answer) => {
    const answer = state.options.rewordMessages ? reworded(original) : original;
    if (fault !== 'html' && fault !== 'html-429') {
      const problems = state.contract.checkResponse(
        operation ?? 'unknown',
        answer.status,
        answer.headers['Content-Type'],
        answer.body,
      );
      for (const problem of problems) violation('response', problem);
    }
    if (!res.destroyed) res.writeHead(answer.status, answer.headers).end(answer.body);
    finish(answer.status);
  };
  const drop = () => {
    res.destroy();
    req.socket.destroy();
  };

  try {
    const latency = state.latency.next();
    if (latency > 0) await sleep(latency, undefined, { signal: state.closing });

    let route: RouteMatch | undefined;
    try {
      route = matchRoute(method, path);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      violation('request.path', error.message);
      return send(errorAnswer(error));
    }
    if (!route) {
      violation('request.route', `no operation for ${method} ${path}`);
      return send(errorAnswer(unknownPath()));
    }
    operation = route.operation;

    fault = state.faults.decide({ operation, ...route.pathParams });
    const replaced = fault && faultAnswer(fault, state.options);
    if (replaced) return send(replaced);
    if (fault === 'drop') {
      drop();
      return finish(undefined);
    }
    if (fault === 'slow') await sleep(state.options.slowMs, undefined, { signal: state.closing });

    const checked = state.contract.checkRequest(operation, route.pathParams, query, bodyLength);
    for (const problem of checked.problems) violation('request', problem);
    if (auth.error) return send(errorAnswer(auth.error));
    const domain = query.get('domain');
    if (state.options.domains && domain !== null && !state.options.domains.includes(domain)) {
      return send(errorAnswer(badRequest(`Invalid domain: ${domain}`)));
    }
    if (checked.invalid)
      return send(errorAnswer(badRequest(`Invalid request parameters: ${checked.problems.join('; ')}`)));

    const answer = runOperation(state, operation, route, checked.query, auth.email ?? '');
    if (fault === 'drop-after') {
      // The operation took effect; the answer is lost on the way back.
      drop();
      return finish(answer.status);
    }
    // The operation took effect, then a gateway answered 503 (it timed out waiting for the backend).
    if (fault === '503-after') return send(errorAnswer(new ApiError(503, 'backendError', 'Backend Error')));
    return send(answer);
  } catch (error) {
    if (state.closing.aborted) {
      drop();
      return finish(undefined);
    }
    console.error('AODocs simulator: internal error', error);
    violation('simulator', `internal error: ${(error as Error).message}`);
    return send(errorAnswer(new ApiError(503, 'backendError', 'Backend Error')));
  }
}

function runOperation(
  state: SimulatorState,
  operation: OperationName,
  route: RouteMatch,
  query: Record<string, unknown>,
  callerEmail: string,
): Answer {
  try {
    const body = OPERATIONS[operation]({
      store: state.store,
      callerEmail,
      pathParams: route.pathParams,
      query,
      finishedCancelMode: state.options.finishedCancelMode,
      nowMs: Date.now(),
    });
    return jsonAnswer(200, body);
  } catch (error) {
    if (error instanceof ApiError) return errorAnswer(error);
    throw error;
  }
}
