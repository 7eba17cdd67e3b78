// Apps Script refusing a UrlFetch call (quota) told apart from a request failing on the way, in every language
// the emulator words Google's messages in: only `urlfetch` and the URLs stay the same.
import { fetchRefusal, refusalVerdict } from '../../src/core/fetch-refusal';
import { GOOGLE_LANGUAGES, GOOGLE_MESSAGES } from '../../emulator/services/google-language';

const URL_A = 'https://aodocs.altirnao.com/api/job/v1/J1/cancel';
const URL_B = 'https://aodocs.altirnao.com/api/job/v1/J2/cancel';

describe.each(GOOGLE_LANGUAGES)('in %s', (language) => {
  const words = GOOGLE_MESSAGES[language];
  const english = language === 'en';

  test('the daily quota and the short-time limit are refusals (English tells which)', () => {
    expect(fetchRefusal(words.dailyQuota, [URL_A, URL_B])).toBe(english ? 'daily' : 'unknown');
    expect(fetchRefusal(words.shortTimeQuota, [URL_A])).toBe(english ? 'short-time' : 'unknown');
  });

  test.each([
    ['a DNS error', words.dnsError(URL_A)],
    ['a timeout', words.timeout(URL_B)],
    ['an unavailable address', words.addressUnavailable(URL_A)],
    ['an address outside the manifest', words.notAllowlisted(URL_A)],
    ['a block by the Workspace administrator', words.blockedByAdmin(URL_A)],
  ])('%s names the request: not a refusal', (_name, message) => {
    expect(fetchRefusal(message, [URL_A, URL_B])).toBeUndefined();
  });

  test('a daily quota refused again after a wait is the daily quota, whatever the wording', () => {
    const refusal = fetchRefusal(words.dailyQuota, [URL_A])!;
    expect(refusalVerdict(refusal, words.dailyQuota, undefined)).toBe(english ? 'daily-quota' : 'send-again');
    expect(refusalVerdict(refusal, words.dailyQuota, words.dailyQuota)).toBe('daily-quota');
    // Refused while requests go one by one: no more is sent, and it is the quota.
    expect(refusalVerdict(refusal, words.dailyQuota, undefined, true)).toBe('daily-quota');
  });
});

test('a message naming the host of the request is its own failure, even if it names urlfetch', () => {
  expect(fetchRefusal('UrlFetch to aodocs.altirnao.com is blocked', [URL_A])).toBeUndefined();
  expect(fetchRefusal('Something else went wrong', [URL_A])).toBeUndefined();
  expect(fetchRefusal('UrlFetch: blocked', [URL_A])).toBe('unknown');
});

test('the English short-time limit passes: sent again, never the daily quota', () => {
  const message = GOOGLE_MESSAGES.en.shortTimeQuota;
  expect(refusalVerdict('short-time', message, message)).toBe('send-again');
  expect(refusalVerdict('short-time', message, undefined, true)).toBe('stop-sending');
});

test('a translated refusal that changed between sends is not yet the daily quota', () => {
  expect(refusalVerdict('unknown', 'b: urlfetch', 'a: urlfetch')).toBe('send-again');
});
