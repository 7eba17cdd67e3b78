// Apps Script refusing a UrlFetch call itself (its daily quota, or too many calls in a short time), told apart
// from a request that failed on the way, without depending on the wording. Apps Script translates its messages
// into the user's language and only service names such as `urlfetch` stay (docs/SOURCES.md#messages-translated:
// a Persian daily-quota text ends in `urlfetch`). What stays, in every language:
// - a refusal names the service `urlfetch` and no address: nothing was sent, the call as a whole was refused;
// - a failed request names its URL ("DNS error: <url>", "Timeout: <url>", "Request to <url> ...");
// - the daily quota refuses the same way again after a wait; the short-time limit passes.
// English wording only tells sooner which refusal it is.

/** daily: nothing more can be sent today; short-time: passes after a wait; unknown: not known yet (translated). */
export type Refusal = 'daily' | 'short-time' | 'unknown';

/**
 * The wait before sending a refused call again: Google's quota page advises "Try Utilities.sleep(1000) between
 * calls" for the short-time limit (docs/SOURCES.md#urlfetch-quota).
 */
export const REFUSAL_WAIT_MS = 1000;

function hostOf(url: string): string | undefined {
  return /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+)/i.exec(url)?.[1];
}

/**
 * Whether the exception `message` of a fetch or fetchAll of `urls` is Apps Script refusing the call, and which
 * refusal it reads as; undefined when it is a request's own failure (it names the request's address).
 */
export function fetchRefusal(message: string, urls: string[]): Refusal | undefined {
  if (!/(^|[^a-z])url ?fetch([^a-z]|$)/i.test(message)) return undefined;
  const addresses = urls.flatMap((url) => [url, hostOf(url) ?? url]);
  if (addresses.some((address) => address !== '' && message.includes(address))) return undefined;
  if (/too many times for one day/i.test(message)) return 'daily';
  if (/too many times in a short time/i.test(message)) return 'short-time';
  return 'unknown';
}

/**
 * What a refused call means for the run. `earlier`: the message of the refusal the same requests met on their
 * previous send, if any. `oneByOne`: the refusal came while requests went again one by one after fetchAll threw
 * (the quota ran out under them): nothing more is sent, and unless it reads as the short-time limit, it is the
 * daily quota. Otherwise the refused call is sent again after REFUSAL_WAIT_MS, and the same refusal again is the
 * daily quota whatever its language.
 */
export function refusalVerdict(
  refusal: Refusal,
  message: string,
  earlier: string | undefined,
  oneByOne = false,
): 'daily-quota' | 'send-again' | 'stop-sending' {
  if (refusal === 'daily') return 'daily-quota';
  if (refusal === 'short-time') return oneByOne ? 'stop-sending' : 'send-again';
  if (oneByOne || earlier === message) return 'daily-quota';
  return 'send-again';
}
