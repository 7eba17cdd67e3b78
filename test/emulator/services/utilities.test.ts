import { formatDate } from '../../../emulator/services/format-date';
import { closeEnvironments, testEnvironment } from './support/environments';

afterAll(() => closeEnvironments());

describe('Utilities.formatDate letters', () => {
  const instant = Date.UTC(2024, 6, 4, 9, 5, 3, 7); // Thursday 4 July 2024 09:05:03.007 UTC

  test.each([
    ['yyyy-MM-dd HH:mm:ss.SSS', 'Etc/UTC', '2024-07-04 09:05:03.007'],
    ['yy M d H m s', 'Etc/UTC', '24 7 4 9 5 3'],
    ['EEE EEEE MMM MMMM', 'Etc/UTC', 'Thu Thursday Jul July'],
    ["h:mm a 'o''clock'", 'America/New_York', "5:05 AM o'clock"],
    ['XXX Z X', 'Asia/Kolkata', '+05:30 +0530 +05'],
    ['XXX', 'Etc/UTC', 'Z'],
    ['z', 'Etc/UTC', 'UTC'],
    ['u k K', 'Etc/UTC', '4 9 9'],
  ])('%s in %s', (pattern, zone, expected) => {
    expect(formatDate(instant, zone, pattern)).toBe(expected);
  });

  test('an unknown letter throws like SimpleDateFormat', () => {
    expect(() => formatDate(instant, 'Etc/UTC', 'yyyy q')).toThrow("Illegal pattern character 'q'");
  });
});

describe('Utilities', () => {
  test('base64Encode takes a string (UTF-8 by default) or bytes, signed or not', () => {
    const { Utilities } = testEnvironment().globals;
    expect(Utilities.base64Encode('é')).toBe('w6k=');
    expect(Utilities.base64Encode([-61, -87])).toBe('w6k=');
    expect(Utilities.base64Encode([195, 169])).toBe('w6k=');
    expect(Utilities.base64Encode('é', Utilities.Charset.US_ASCII)).toBe('6Q==');
  });

  test('base64Decode refuses the web-safe alphabet and base64DecodeWebSafe the standard one', () => {
    const { Utilities } = testEnvironment().globals;
    expect(() => Utilities.base64Decode('-_8=')).toThrow('Could not decode string.');
    expect(() => Utilities.base64DecodeWebSafe('+/8=')).toThrow('Could not decode string.');
    expect(Utilities.base64DecodeWebSafe('-_8=')).toEqual([-5, -1]);
  });

  test('getUuid returns a fresh v4 UUID', () => {
    const { Utilities } = testEnvironment().globals;
    expect(Utilities.getUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Utilities.getUuid()).not.toBe(Utilities.getUuid());
  });

  test('formatString fills printf-style placeholders', () => {
    expect(testEnvironment().globals.Utilities.formatString('%s has %d jobs (%%)', 'Ann', 3.7)).toBe(
      'Ann has 3 jobs (%)',
    );
  });

  test('sleep with the virtual clock moves the clock and returns at once', () => {
    const env = testEnvironment({ clock: { mode: 'virtual', start: 0 } });
    env.globals.Utilities.sleep(3_600_000); // an hour: the test would time out if it really waited
    expect(env.clock.now()).toBe(3_600_000);
  });
});
