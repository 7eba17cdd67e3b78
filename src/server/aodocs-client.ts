// Sends a batch of requests to AODocs through UrlFetchApp.fetchAll, and turns each response into an answer.
import { Answer, classifyAnswer } from '../core/aodocs-answer';
import { FetchRequest } from '../core/aodocs-request';
import { UserFacingError } from './user-facing-error';

/** Raised when Apps Script refuses to send more requests today: the run must stop. */
export class QuotaExceededError extends UserFacingError {}

function answerOf(response: GoogleAppsScript.URL_Fetch.HTTPResponse): Answer {
  return classifyAnswer({
    code: response.getResponseCode(),
    body: response.getContentText(),
    headers: response.getHeaders() as Record<string, string>,
  });
}

function isQuotaError(error: unknown): boolean {
  return error instanceof Error && /Service invoked too many times/i.test(error.message);
}

function sendOne(request: FetchRequest): Answer {
  const { url, ...params } = request;
  try {
    return answerOf(UrlFetchApp.fetch(url, params));
  } catch (error) {
    if (isQuotaError(error)) throw new QuotaExceededError('quota');
    // A connection failure throws even with muteHttpExceptions; its message names the URL: not shown.
    return { kind: 'no-answer', retryable: true };
  }
}

/**
 * One answer per request, in order. fetchAll sends them together; when it throws (one connection failed, and
 * with it the whole call), the requests are sent again one by one to learn which failed.
 */
export function sendAll(requests: FetchRequest[]): Answer[] {
  if (requests.length === 0) return [];
  try {
    return UrlFetchApp.fetchAll(requests).map(answerOf);
  } catch (error) {
    if (isQuotaError(error)) throw new QuotaExceededError('quota');
    return requests.map(sendOne);
  }
}
