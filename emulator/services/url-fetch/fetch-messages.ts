import { GOOGLE_MESSAGES } from '../google-language';

/**
 * UrlFetchApp's exception messages, as Apps Script words them (without the "Exception: " that String(e) adds).
 * Sources: messages quoted by public scripts (docs/SOURCES.md#urlfetch-exception-messages), e.g.
 * "Request failed for https://api.line.me returned code 400. Truncated server response: {...} (use
 * muteHttpExceptions option to examine full response)", "Address unavailable: https://archive.org/...",
 * "DNS error: http://localhost:3030", "Timeout: https://api.tosspayments.com/v1/payments/confirm",
 * "Request to https://oauth2.googleapis.com/token failed because the URL has not been whitelisted in the script
 * manifest." and "Service invoked too many times for one day: urlfetch."
 */

/** How much of the body the "Request failed" message quotes. */
export const TRUNCATED_RESPONSE_CHARS = 100;

/** The request failed with a 4xx/5xx and muteHttpExceptions is off. Apps Script names scheme and host only. */
export function requestFailed(url: string, status: number, body: string): string {
  const shown = body.length > TRUNCATED_RESPONSE_CHARS ? `${body.slice(0, TRUNCATED_RESPONSE_CHARS)}...` : body;
  return (
    `Request failed for ${originOf(url)} returned code ${status}. Truncated server response: ${shown} ` +
    '(use muteHttpExceptions option to examine full response)'
  );
}

/** Connection refused, reset or dropped: thrown even with muteHttpExceptions. English; other languages: google-language.ts. */
export const addressUnavailable = GOOGLE_MESSAGES.en.addressUnavailable;
export const dnsError = GOOGLE_MESSAGES.en.dnsError;
export const timeout = GOOGLE_MESSAGES.en.timeout;
/** Certificate problems; the exact Apps Script wording is not documented. */
export const sslError = (url: string): string => `SSL Error ${url}`;
export const invalidArgument = (what: string): string => `Invalid argument: ${what}`;
export const notAllowlisted = GOOGLE_MESSAGES.en.notAllowlisted;
export const DAILY_QUOTA_EXCEEDED = GOOGLE_MESSAGES.en.dailyQuota;

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
