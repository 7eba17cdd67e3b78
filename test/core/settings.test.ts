import {
  CHUNKS_IN_FLIGHT,
  DEFAULT_SETTINGS,
  PRODUCTION_BASE_URL,
  STAGING_BASE_URL,
  Settings,
  settingsFromStorage,
} from '../../src/core/settings';

const stored = (fields: Record<string, unknown>): string => JSON.stringify(fields);

const GOOD: Settings = {
  baseUrl: 'https://aodocs-staging.altirnao.com/api',
  domain: 'example.com',
  authMode: 'security-code',
  chunkSize: 35,
  skipHiddenRows: false,
  skipFinishedRows: false,
  writeLog: false,
  runCap: 12000,
};

describe('defaults (PRODUCT.md)', () => {
  test('production URL, identity token, 20 a chunk, skip hidden and finished rows, log on, cap 5,000', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      baseUrl: 'https://aodocs.altirnao.com/api',
      domain: '',
      authMode: 'identity-token',
      chunkSize: 20,
      skipHiddenRows: true,
      skipFinishedRows: true,
      writeLog: true,
      runCap: 5000,
    });
    expect(PRODUCTION_BASE_URL).toBe('https://aodocs.altirnao.com/api');
    expect(STAGING_BASE_URL).toBe('https://aodocs-staging.altirnao.com/api');
    expect(CHUNKS_IN_FLIGHT).toBe(2);
  });
});

describe('settingsFromStorage', () => {
  test.each<[string, string | null]>([
    ['nothing stored', null],
    ['an empty string', ''],
    ['malformed JSON', '{"chunkSize": 10'],
    ['a JSON array', '[1,2]'],
    ['JSON null', 'null'],
    ['a JSON number', '42'],
    ['a JSON string', '"settings"'],
    ['an empty object', '{}'],
  ])('%s gives the defaults', (_name, value) => {
    expect(settingsFromStorage(value)).toEqual(DEFAULT_SETTINGS);
  });

  test('reads back valid settings as stored', () => {
    expect(settingsFromStorage(stored({ ...GOOD }))).toEqual(GOOD);
  });

  test('a bad field falls back to its default without losing the good ones', () => {
    expect(settingsFromStorage(stored({ ...GOOD, chunkSize: 0 }))).toEqual({ ...GOOD, chunkSize: 20 });
  });

  test('ignores keys that are not settings', () => {
    const settings = settingsFromStorage(stored({ ...GOOD, token: 'secret' }));
    expect(settings).toEqual(GOOD);
    expect(settings).not.toHaveProperty('token');
  });

  test.each<[unknown, number]>([
    [1, 1],
    [50, 50],
    [0, 20],
    [51, 20],
    [-5, 20],
    [2.5, 20],
    ['10', 20],
    [null, 20],
    [true, 20],
  ])('chunkSize %p reads as %p', (chunkSize, expected) => {
    expect(settingsFromStorage(stored({ chunkSize })).chunkSize).toBe(expected);
  });

  test.each<[unknown, number]>([
    [1, 1],
    [20000, 20000],
    [100, 100],
    [0, 5000],
    [20001, 5000],
    [-1, 5000],
    [99.5, 5000],
    ['100', 5000],
    [1e9, 5000],
  ])('runCap %p reads as %p', (runCap, expected) => {
    expect(settingsFromStorage(stored({ runCap })).runCap).toBe(expected);
  });

  test.each<[unknown, string]>([
    ['https://aodocs.altirnao.com/api', 'https://aodocs.altirnao.com/api'],
    ['https://aodocs-staging.altirnao.com/api', 'https://aodocs-staging.altirnao.com/api'],
    ['https://aodocs.eu.example.com/api', 'https://aodocs.eu.example.com/api'],
    ['http://aodocs.altirnao.com/api', PRODUCTION_BASE_URL],
    ['ftp://aodocs.altirnao.com/api', PRODUCTION_BASE_URL],
    ['javascript:alert(1)', PRODUCTION_BASE_URL],
    ['https://evil.example.com /api', PRODUCTION_BASE_URL],
    ['aodocs.altirnao.com/api', PRODUCTION_BASE_URL],
    ['', PRODUCTION_BASE_URL],
    [42, PRODUCTION_BASE_URL],
  ])('baseUrl %p reads as %p', (baseUrl, expected) => {
    expect(settingsFromStorage(stored({ ...GOOD, baseUrl })).baseUrl).toBe(expected);
  });

  test.each<[unknown, string]>([
    ['identity-token', 'identity-token'],
    ['oauth-token', 'oauth-token'],
    ['security-code', 'security-code'],
    ['password', 'identity-token'],
    ['IDENTITY-TOKEN', 'identity-token'],
    [1, 'identity-token'],
  ])('authMode %p reads as %p', (authMode, expected) => {
    expect(settingsFromStorage(stored({ authMode })).authMode).toBe(expected);
  });

  test.each<['skipHiddenRows' | 'skipFinishedRows' | 'writeLog']>([
    ['skipHiddenRows'],
    ['skipFinishedRows'],
    ['writeLog'],
  ])('%s: a boolean is kept, anything else is the default (true)', (key) => {
    expect(settingsFromStorage(stored({ [key]: false }))[key]).toBe(false);
    expect(settingsFromStorage(stored({ [key]: 'false' }))[key]).toBe(true);
    expect(settingsFromStorage(stored({ [key]: 0 }))[key]).toBe(true);
  });

  test.each<[unknown, string]>([
    ['example.com', 'example.com'],
    [42, ''],
    [null, ''],
    [{ d: 1 }, ''],
  ])('domain %p reads as %p', (domain, expected) => {
    expect(settingsFromStorage(stored({ domain })).domain).toBe(expected);
  });
});
