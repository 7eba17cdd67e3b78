import {
  PARALLEL_CALLS,
  validateSettingsInput,
  DEFAULT_SETTINGS,
  PRODUCTION_BASE_URL,
  STAGING_BASE_URL,
  Settings,
  settingsFromStorage,
} from '../../src/core/settings';

const ALLOWED = ['https://aodocs.altirnao.com/api/', 'https://aodocs-staging.altirnao.com/api/'];
const stored = (fields: Record<string, unknown>): string => JSON.stringify(fields);

const GOOD: Settings = {
  baseUrl: 'https://aodocs-staging.altirnao.com/api',
  domain: 'example.com',
  authMode: 'security-code',
  chunkSize: 35,
  chunksInFlight: 3,
  skipHiddenRows: false,
  skipFinishedRows: false,
  writeLog: false,
  runCap: 12000,
  typedConfirmFrom: 800,
};

describe('defaults (docs/BEHAVIOUR.md)', () => {
  test('production URL, identity token, 20 a chunk 2 at once, skip hidden and finished rows, log on, cap 5,000', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      baseUrl: 'https://aodocs.altirnao.com/api',
      domain: '',
      authMode: 'identity-token',
      chunkSize: 20,
      chunksInFlight: 2,
      skipHiddenRows: true,
      skipFinishedRows: true,
      writeLog: true,
      runCap: 5000,
      typedConfirmFrom: 500,
    });
    expect(PRODUCTION_BASE_URL).toBe('https://aodocs.altirnao.com/api');
    expect(STAGING_BASE_URL).toBe('https://aodocs-staging.altirnao.com/api');
    // Stop is a brake (docs/BEHAVIOUR.md): 20 x 2 = at most 40 cancels on their way when it is pressed.
    expect(DEFAULT_SETTINGS.chunkSize * DEFAULT_SETTINGS.chunksInFlight).toBeLessThanOrEqual(40);
    // Hidden-row pieces send nothing to AODocs: the benchmark's 6 at once (docs/bench/RESULTS.md).
    expect(PARALLEL_CALLS).toBe(6);
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
    expect(settingsFromStorage(value, ALLOWED)).toEqual(DEFAULT_SETTINGS);
  });

  test('reads back valid settings as stored', () => {
    expect(settingsFromStorage(stored({ ...GOOD }), ALLOWED)).toEqual(GOOD);
  });

  test('a bad field falls back to its default without losing the good ones', () => {
    expect(settingsFromStorage(stored({ ...GOOD, chunkSize: 0 }), ALLOWED)).toEqual({ ...GOOD, chunkSize: 20 });
  });

  test('ignores keys that are not settings', () => {
    const settings = settingsFromStorage(stored({ ...GOOD, token: 'secret' }), ALLOWED);
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
    expect(settingsFromStorage(stored({ chunkSize }), ALLOWED).chunkSize).toBe(expected);
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
    expect(settingsFromStorage(stored({ runCap }), ALLOWED).runCap).toBe(expected);
  });

  test.each<[unknown, string]>([
    ['https://aodocs.altirnao.com/api', 'https://aodocs.altirnao.com/api'],
    ['https://aodocs-staging.altirnao.com/api', 'https://aodocs-staging.altirnao.com/api'],
    // Not in the manifest's urlFetchWhitelist: Apps Script would refuse to call it.
    ['https://aodocs.eu.example.com/api', PRODUCTION_BASE_URL],
    ['https://aodocs.altirnao.com/api/', PRODUCTION_BASE_URL],
    ['http://aodocs.altirnao.com/api', PRODUCTION_BASE_URL],
    ['ftp://aodocs.altirnao.com/api', PRODUCTION_BASE_URL],
    ['javascript:alert(1)', PRODUCTION_BASE_URL],
    ['https://evil.example.com /api', PRODUCTION_BASE_URL],
    ['aodocs.altirnao.com/api', PRODUCTION_BASE_URL],
    ['', PRODUCTION_BASE_URL],
    [42, PRODUCTION_BASE_URL],
  ])('baseUrl %p reads as %p', (baseUrl, expected) => {
    expect(settingsFromStorage(stored({ ...GOOD, baseUrl }), ALLOWED).baseUrl).toBe(expected);
  });

  test.each<[unknown, string]>([
    ['identity-token', 'identity-token'],
    ['oauth-token', 'oauth-token'],
    ['security-code', 'security-code'],
    ['password', 'identity-token'],
    ['IDENTITY-TOKEN', 'identity-token'],
    [1, 'identity-token'],
  ])('authMode %p reads as %p', (authMode, expected) => {
    expect(settingsFromStorage(stored({ authMode }), ALLOWED).authMode).toBe(expected);
  });

  test.each<['skipHiddenRows' | 'skipFinishedRows' | 'writeLog']>([
    ['skipHiddenRows'],
    ['skipFinishedRows'],
    ['writeLog'],
  ])('%s: a boolean is kept, anything else is the default (true)', (key) => {
    expect(settingsFromStorage(stored({ [key]: false }), ALLOWED)[key]).toBe(false);
    expect(settingsFromStorage(stored({ [key]: 'false' }), ALLOWED)[key]).toBe(true);
    expect(settingsFromStorage(stored({ [key]: 0 }), ALLOWED)[key]).toBe(true);
  });

  test.each<[unknown, string]>([
    ['example.com', 'example.com'],
    [42, ''],
    [null, ''],
    [{ d: 1 }, ''],
  ])('domain %p reads as %p', (domain, expected) => {
    expect(settingsFromStorage(stored({ domain }), ALLOWED).domain).toBe(expected);
  });
});

describe('validateSettingsInput: invalid settings are refused with a message naming the field', () => {
  const input = { ...GOOD, securityCode: undefined as string | undefined };
  test('good settings pass, trimmed', () => {
    expect(validateSettingsInput({ ...input, domain: ' example.com ' }, ALLOWED)).toEqual({ ok: true, settings: GOOD });
  });
  test.each<[string, Record<string, unknown>]>([
    ['baseUrl', { baseUrl: 'http://aodocs.altirnao.com/api' }],
    ['baseUrl', { baseUrl: 'https://aodocs.altirnao.com/api?x=1' }],
    ['baseUrl', { baseUrl: 'https://evil.example.com/api' }],
    ['baseUrl', { baseUrl: 'https://aodocs.altirnao.com.evil.example/api' }],
    ['domain', { domain: 'not a domain' }],
    ['authMode', { authMode: 'password' }],
    ['chunkSize', { chunkSize: 0 }],
    ['chunkSize', { chunkSize: 51 }],
    ['runCap', { runCap: 20001 }],
    ['skipHiddenRows', { skipHiddenRows: 'yes' }],
    ['skipFinishedRows', { skipFinishedRows: 1 }],
    ['writeLog', { writeLog: null }],
    ['securityCode', { securityCode: 'two words' }],
    ['securityCode', { securityCode: 'x'.repeat(513) }],
  ])('%s: %p', (field, change) => {
    const answer = validateSettingsInput({ ...input, ...change }, ALLOWED);
    expect(answer).toMatchObject({ ok: false, field });
    if (!answer.ok) expect(answer.message.length).toBeGreaterThan(10);
  });
  test('the count to type from: 500 by default, and the default when an older form sends none', () => {
    expect(DEFAULT_SETTINGS.typedConfirmFrom).toBe(500);
    const { typedConfirmFrom: _none, ...older } = input;
    expect(validateSettingsInput(older, ALLOWED)).toMatchObject({ ok: true, settings: { typedConfirmFrom: 500 } });
    expect(validateSettingsInput({ ...input, typedConfirmFrom: 0 }, ALLOWED)).toMatchObject({
      ok: false,
      field: 'typedConfirmFrom',
    });
  });
  test('a trailing slash is the same address: normalised, not refused', () => {
    expect(validateSettingsInput({ ...input, baseUrl: 'https://aodocs-staging.altirnao.com/api/' }, ALLOWED)).toEqual({
      ok: true,
      settings: GOOD,
    });
  });
  test('a custom URL outside the manifest says which addresses are allowed', () => {
    const answer = validateSettingsInput({ ...input, baseUrl: 'https://aodocs.eu.example.com/api' }, ALLOWED);
    expect(answer.ok || answer.message).toContain('https://aodocs.altirnao.com/api/');
  });
  test('the security code is passed through to be stored, and an empty one means "remove"', () => {
    expect(validateSettingsInput({ ...input, securityCode: 'abc123' }, ALLOWED)).toMatchObject({
      ok: true,
      securityCode: 'abc123',
    });
    expect(validateSettingsInput({ ...input, securityCode: '' }, ALLOWED)).toMatchObject({
      ok: true,
      securityCode: '',
    });
  });
  test('not an object', () => {
    expect(validateSettingsInput(null, ALLOWED)).toMatchObject({ ok: false });
  });
});
