// Settings > Diagnostics through the bundle: it measures what the benchmark assumes, in the emulator here, and
// leaves no trace in the user's spreadsheet.
import { Addon, startAddon } from '../support/addon';
import type { PlatformFigures } from '../../src/shared/api';
import { DIAGNOSTICS_REQUESTS, OUTSIDE_ALLOWLIST_URL } from '../../src/core/diagnostics';
import { GOOGLE_MESSAGES } from '../../emulator/services/google-language';
import MANIFEST from '../../appsscript.json';

describe.each([false, true])('plain-text cells keep a written apostrophe: %s', (keeps) => {
  let addon: Addon;
  beforeAll(async () => {
    addon = await startAddon({ env: { plainTextKeepsApostrophe: keeps } });
  });
  afterAll(() => addon.close());

  test('the figures, the probes sent, and nothing left behind', async () => {
    addon.env.spreadsheet.addSheet('Mine', [['Job ID'], ['x']]);
    addon.env.spreadsheet.activate('Mine');
    const before = addon.env.spreadsheet.sheetNames();
    addon.env.urlFetch.log.length = 0;
    const figures = addon.bundle.callFromClient('runDiagnostics') as PlatformFigures;
    expect(figures.plainTextKeepsApostrophe).toBe(keeps);
    expect(figures.markedFormulaStaysText).toBe(true);
    expect(figures.fetchAllParallelism).toBeGreaterThanOrEqual(1);
    expect(figures.fetchAllParallelism).toBeLessThanOrEqual(40);
    expect(figures.fetchAllTimes.map((p) => p.requests)).toEqual([1, 5, 10, 20, 40]);
    expect(figures.identityAudience).toMatch(/\.apps\.googleusercontent\.com$/);
    // 3 single requests, fetchAll of 1 + 5 + 10 + 20 + 40, and 3 probes: GETs of jobs that do not exist, never a
    // cancel; the request outside the allowlist never left.
    expect(addon.env.urlFetch.log.map((e) => e.method)).toEqual(Array(DIAGNOSTICS_REQUESTS).fill('GET'));
    expect(DIAGNOSTICS_REQUESTS).toBe(82);
    expect(addon.env.urlFetch.log.some((e) => e.url.includes('.invalid'))).toBe(false);
    expect(addon.env.spreadsheet.sheetNames()).toEqual(before);
    expect(addon.env.spreadsheet.activeSheetName()).toBe('Mine');
  });
});

describe('the figures measured on a real tenant, as the emulator and the simulator give them', () => {
  let addon: Addon;
  beforeAll(async () => {
    addon = await startAddon({ env: { locale: 'fr', language: 'fr', userEmail: 'ann@example.com' } });
  });
  afterAll(() => addon.close());

  test('locale, the refusal outside the allowlist, authorization, token claims, account type', () => {
    const figures = addon.bundle.callFromClient('runDiagnostics') as PlatformFigures;
    expect(figures.locale).toBe('fr');
    // The exact text, in the user's language: the platform refused it before anything was sent.
    expect(figures.outsideAllowlist).toEqual({
      refused: true,
      name: expect.any(String),
      message: GOOGLE_MESSAGES.fr.notAllowlisted(OUTSIDE_ALLOWLIST_URL),
    });
    expect(figures.authorization).toEqual({
      status: 'NOT_REQUIRED',
      grantedScopes: expect.arrayContaining(['openid', 'https://www.googleapis.com/auth/script.external_request']),
      openidGranted: true,
    });
    expect(figures.token).toEqual({
      present: true,
      iss: 'https://accounts.google.com',
      aud: figures.identityAudience,
      azp: figures.identityAudience,
      audEqualsAzp: true,
      hd: 'example.com',
      emailVerified: true,
      lifetimeSeconds: 3600,
    });
    expect(figures.accountType).toBe('workspace');
    // Never the token, never the email.
    const text = JSON.stringify(figures);
    expect(text).not.toContain('ann@');
    for (const token of addon.env.scriptApp.issuedIdentityTokens) expect(text).not.toContain(token.split('.')[1]);
  });

  test("AODocs' answers: unknown ID, malformed ID, no Authorization", () => {
    addon.env.urlFetch.log.length = 0;
    const figures = addon.bundle.callFromClient('runDiagnostics') as PlatformFigures;
    const probes = Object.fromEntries(figures.aodocsAnswers.map(({ ms: _ms, ...a }) => [a.probe, a]));
    expect(probes['unknown-id']).toMatchObject({ status: 404, reason: 'notFound' });
    expect(probes['unknown-id'].contentType).toMatch(/^application\/json/);
    expect(probes['malformed-id'].status).toEqual(expect.any(Number));
    expect(probes['no-authorization']).toMatchObject({ status: 401, retryAfter: null, retryable: null });
    const withoutAuthorization = addon.env.urlFetch.log.filter(
      (e) => !Object.keys(e.headers).some((h) => h.toLowerCase() === 'authorization'),
    );
    expect(withoutAuthorization).toHaveLength(1);
  });

  test('Sheets calls, the cache read by the next call, the document lock present, busy when held', () => {
    const figures = addon.bundle.callFromClient('runDiagnostics') as PlatformFigures;
    expect(figures.sheetCalls).toEqual({
      calls: 100,
      isRowHiddenByUserMs: expect.any(Number),
      getDisplayValuesMs: expect.any(Number),
      flushMs: expect.any(Number),
    });
    const calls = addon.env.counter.snapshot();
    expect(calls['SpreadsheetApp.flush']).toBeGreaterThanOrEqual(100);
    expect(calls['Sheet.isRowHiddenByUser']).toBeGreaterThanOrEqual(100);
    expect(figures.cache.readBackSameCall).toBe(true);
    expect(addon.bundle.callFromClient('readDiagnosticsCache')).toBe(figures.cache.value);
    expect(figures.documentLock).toEqual({ present: true, tryLockMs: expect.any(Number), acquired: true });
    addon.env.locks.holdFromOutside('document');
    try {
      const busy = addon.bundle.callFromClient('runDiagnostics') as PlatformFigures;
      expect(busy.documentLock).toMatchObject({ present: true, acquired: false });
    } finally {
      addon.env.locks.releaseFromOutside('document');
    }
    expect(addon.bundle.callFromClient('diagnosticsPing')).toBeNull();
  });

  test('openid left out (granular consent): Diagnostics still runs and says so, the requests go unsigned', () => {
    addon.env.urlFetch.log.length = 0;
    addon.env.scriptApp.grantedScopes = MANIFEST.oauthScopes.filter((s) => s !== 'openid');
    try {
      const figures = addon.bundle.callFromClient('runDiagnostics') as PlatformFigures;
      expect(figures.authorization).toEqual({
        status: 'REQUIRED',
        grantedScopes: MANIFEST.oauthScopes.filter((s) => s !== 'openid'),
        openidGranted: false,
      });
      expect(figures.token).toEqual({ present: false });
      expect(figures.accountType).toBe('unknown');
      expect(figures.signedIn).toBe(false);
      expect(figures.aodocsAnswers.map((a) => a.status)).toEqual([401, 401, 401]);
      const signed = addon.env.urlFetch.log.filter((e) =>
        Object.keys(e.headers).some((h) => h.toLowerCase() === 'authorization'),
      );
      expect(signed).toEqual([]);
    } finally {
      addon.env.scriptApp.grantedScopes = null;
    }
  });

  test('without outside requests it cannot run: the authorization sentence, nothing sent', () => {
    addon.env.urlFetch.log.length = 0;
    addon.env.scriptApp.grantedScopes = MANIFEST.oauthScopes.filter((s) => !s.endsWith('script.external_request'));
    try {
      expect(() => addon.bundle.callFromClient('runDiagnostics')).toThrow(/authorize/i);
      expect(addon.env.urlFetch.log).toEqual([]);
    } finally {
      addon.env.scriptApp.grantedScopes = null;
    }
  });

  test('getDocumentLock() giving null (documented as Lock|null) is a figure, not a TypeError', () => {
    // The bundle's first execution runs in the context made at load, with the services of then: use it up.
    addon.bundle.callFromClient('diagnosticsPing');
    const lockService = addon.env.globals.LockService;
    (addon.env.globals as { LockService: unknown }).LockService = { ...lockService, getDocumentLock: () => null };
    try {
      const figures = addon.bundle.callFromClient('runDiagnostics') as PlatformFigures;
      expect(figures.documentLock).toEqual({ present: false, tryLockMs: null, acquired: null });
    } finally {
      (addon.env.globals as { LockService: unknown }).LockService = lockService;
    }
  });
});
