// Apps Script behaviours the emulator reproduces, one test each. Where each is documented: the comments in the
// emulator's sources and the Apps Script reference pages they cite.
import { decodeIdentityToken } from '../../../emulator/services/identity-token';
import { closeEnvironments, loadCode, tempBuildDir, testEnvironment } from './support/environments';
import { closedPort, startTestHttpServer, type TestHttpServer } from './support/test-http-server';

let server: TestHttpServer;
beforeAll(async () => {
  server = await startTestHttpServer();
});
afterAll(async () => {
  closeEnvironments();
  await server.stop();
});
beforeEach(async () => {
  await server.reset();
});

const API = 'https://aodocs.altirnao.com/api';
/** An environment whose production API URL reaches the test server. */
const apiEnvironment = (options: Parameters<typeof testEnvironment>[0] = {}) =>
  testEnvironment({ ...options, urlFetch: { routes: { [API]: server.origin }, ...options.urlFetch } });

function thrownBy(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('UrlFetchApp', () => {
  test('a 4xx without muteHttpExceptions throws "Request failed for <scheme://host> returned code N"', () => {
    const env = apiEnvironment();
    const error = thrownBy(() => env.globals.UrlFetchApp.fetch(`${API}/status/404?body=no%20such%20job`));
    expect(error.message).toBe(
      'Request failed for https://aodocs.altirnao.com returned code 404. Truncated server response: no such job ' +
        '(use muteHttpExceptions option to examine full response)',
    );
    expect(String(error)).toMatch(/^Exception: Request failed for/);
  });

  test('the exception quotes only the first 100 characters of the response', () => {
    const env = apiEnvironment();
    const error = thrownBy(() => env.globals.UrlFetchApp.fetch(`${API}/status/500?body=${'x'.repeat(300)}`));
    expect(error.message).toContain(`Truncated server response: ${'x'.repeat(100)}... (use muteHttpExceptions`);
  });

  test('with muteHttpExceptions a failure response is returned, not thrown', () => {
    const env = apiEnvironment();
    const response = env.globals.UrlFetchApp.fetch(`${API}/status/503?body=busy`, { muteHttpExceptions: true });
    expect(response.getResponseCode()).toBe(503);
    expect(response.getContentText()).toBe('busy');
  });

  test('a refused connection throws "Address unavailable: <url>" even with muteHttpExceptions', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/x`;
    const env = testEnvironment();
    expect(thrownBy(() => env.globals.UrlFetchApp.fetch(url, { muteHttpExceptions: true })).message).toBe(
      `Address unavailable: ${url}`,
    );
  });

  test('a connection dropped without an answer throws "Address unavailable" even when muted', () => {
    const env = apiEnvironment();
    expect(() => env.globals.UrlFetchApp.fetch(`${API}/drop`, { muteHttpExceptions: true })).toThrow(
      `Address unavailable: ${API}/drop`,
    );
  });

  test('an unknown host throws "DNS error: <url>"', () => {
    const env = testEnvironment();
    expect(() => env.globals.UrlFetchApp.fetch('http://nonexistent.invalid/x', { muteHttpExceptions: true })).toThrow(
      'DNS error: http://nonexistent.invalid/x',
    );
  });

  test('timeoutSeconds is honoured: no answer in time throws "Timeout: <url>", even muted', () => {
    const env = apiEnvironment();
    expect(() => env.globals.UrlFetchApp.fetch(`${API}/hang`, { timeoutSeconds: 1, muteHttpExceptions: true })).toThrow(
      `Timeout: ${API}/hang`,
    );
  });

  test('in fetchAll one unmuted failure response makes the whole call throw', () => {
    const env = apiEnvironment();
    expect(() => env.globals.UrlFetchApp.fetchAll([`${API}/echo`, `${API}/status/404`, `${API}/echo`])).toThrow(
      'returned code 404',
    );
  });

  test('in fetchAll one connection failure makes the whole call throw, even muted', () => {
    const env = apiEnvironment();
    expect(() =>
      env.globals.UrlFetchApp.fetchAll([
        { url: `${API}/echo`, muteHttpExceptions: true },
        { url: `${API}/drop`, muteHttpExceptions: true },
      ]),
    ).toThrow('Address unavailable');
  });

  test('followRedirects: false returns the 3xx response as it is', () => {
    const env = apiEnvironment();
    const response = env.globals.UrlFetchApp.fetch(`${API}/redirect`, { followRedirects: false });
    expect(response.getResponseCode()).toBe(302);
    expect(response.getHeaders()['Location']).toBe('/echo');
  });

  test('redirects are followed by default', () => {
    const env = apiEnvironment();
    const response = env.globals.UrlFetchApp.fetch(`${API}/redirect`);
    expect(response.getResponseCode()).toBe(200);
    expect(JSON.parse(response.getContentText()).path).toBe('/echo');
  });

  test('the method defaults to GET and an object payload is sent form-encoded', async () => {
    const env = apiEnvironment();
    env.globals.UrlFetchApp.fetch(`${API}/echo`);
    env.globals.UrlFetchApp.fetch(`${API}/echo`, { method: 'post', payload: { job: 'a b', n: 2 } });
    const [get, post] = (await server.stats()).seen;
    expect(get.method).toBe('GET');
    expect(post).toMatchObject({ method: 'POST', body: 'job=a+b&n=2' });
    expect(post.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  test('requests carry the documented Google-Apps-Script User-Agent with the script id', async () => {
    const env = apiEnvironment({ scriptId: 'my-script-id' });
    env.globals.UrlFetchApp.fetch(`${API}/echo`);
    expect((await server.stats()).seen[0].headers['user-agent']).toBe(
      'Mozilla/5.0 (compatible; Google-Apps-Script; beanserver; +https://script.google.com; id: my-script-id)',
    );
  });

  test('a URL outside urlFetchWhitelist throws before anything is sent', async () => {
    const env = apiEnvironment({ urlFetch: { allowlist: ['https://aodocs.altirnao.com/api/job/'] } });
    expect(() => env.globals.UrlFetchApp.fetch(`${API}/echo`)).toThrow(
      `Request to ${API}/echo failed because the URL has not been whitelisted in the script manifest.`,
    );
    expect((await server.stats()).seen).toHaveLength(0);
  });

  test('urlFetchWhitelist matches by prefix, case-sensitively, with a leading *. for subdomains', () => {
    const env = apiEnvironment({
      urlFetch: { allowlist: ['https://aodocs.altirnao.com/api/', 'https://*.example.com/'] },
    });
    expect(env.globals.UrlFetchApp.fetch(`${API}/echo`).getResponseCode()).toBe(200);
    expect(() => env.globals.UrlFetchApp.fetch('https://aodocs.altirnao.com/API/echo')).toThrow('whitelisted');
    expect(() => env.globals.UrlFetchApp.getRequest('https://a.example.com/x')).not.toThrow();
    expect(() => env.globals.UrlFetchApp.fetch('https://example.org/')).toThrow('whitelisted');
  });

  test('the manifest urlFetchWhitelist of the build is the default allowlist', () => {
    const buildDir = tempBuildDir({
      'appsscript.json': JSON.stringify({ urlFetchWhitelist: ['https://only.example/'] }),
    });
    const env = testEnvironment({ buildDir });
    expect(() => env.globals.UrlFetchApp.fetch(`${server.origin}/echo`)).toThrow('whitelisted');
  });

  test('past the daily quota fetch throws "Service invoked too many times for one day: urlfetch."', () => {
    const env = apiEnvironment({ urlFetch: { dailyQuota: 2 } });
    env.globals.UrlFetchApp.fetchAll([`${API}/echo`, `${API}/echo`]);
    expect(() => env.globals.UrlFetchApp.fetch(`${API}/echo`)).toThrow(
      'Service invoked too many times for one day: urlfetch.',
    );
    expect(env.urlFetch.log).toHaveLength(2);
  });
});

describe('ScriptApp', () => {
  test('getIdentityToken returns null while openid is not granted, and a token once it is', () => {
    const env = testEnvironment({ identity: null });
    expect(env.globals.ScriptApp.getIdentityToken()).toBeNull();
    env.scriptApp.setIdentityToken({});
    expect(env.globals.ScriptApp.getIdentityToken()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    env.scriptApp.setIdentityToken(null);
    expect(env.globals.ScriptApp.getIdentityToken()).toBeNull();
  });

  test('the identity token is a JWT for the user, audience the client ID, valid one hour', () => {
    const env = testEnvironment({ userEmail: 'ann@example.com', clock: { mode: 'virtual', start: 1_700_000_000_000 } });
    const claims = decodeIdentityToken(env.globals.ScriptApp.getIdentityToken() as string);
    expect(claims).toMatchObject({
      iss: 'https://accounts.google.com',
      aud: '1234567890-abc.apps.googleusercontent.com',
      azp: '1234567890-abc.apps.googleusercontent.com',
      email: 'ann@example.com',
      email_verified: true,
      iat: 1_700_000_000,
      exp: 1_700_003_600,
    });
    expect(claims.sub).toMatch(/^\d{21}$/);
  });

  test('the identity token carries hd for a Workspace account only (OpenID Connect: "Provided only if...")', () => {
    const claimsOf = (userEmail: string) =>
      decodeIdentityToken(testEnvironment({ userEmail }).globals.ScriptApp.getIdentityToken() as string);
    expect(claimsOf('ann@example.com').hd).toBe('example.com');
    expect(claimsOf('ann@gmail.com')).not.toHaveProperty('hd');
  });

  test('getOAuthToken returns an opaque ya29. access token', () => {
    expect(testEnvironment().globals.ScriptApp.getOAuthToken()).toMatch(/^ya29\.[\w-]{20,}$/);
  });

  test('ScriptApp.AuthMode has NONE, LIMITED, FULL and CUSTOM_FUNCTION', () => {
    expect(Object.keys(testEnvironment().globals.ScriptApp.AuthMode)).toEqual([
      'NONE',
      'LIMITED',
      'FULL',
      'CUSTOM_FUNCTION',
    ]);
  });
});

describe('PropertiesService', () => {
  test('getProperty returns null for a key never set', () => {
    expect(testEnvironment().globals.PropertiesService.getUserProperties().getProperty('nope')).toBeNull();
  });

  test('setProperty stores the value as a string and returns the store for chaining', () => {
    const props = testEnvironment().globals.PropertiesService.getScriptProperties();
    props.setProperty('n', 42 as unknown as string).setProperty('b', true as unknown as string);
    expect(props.getProperties()).toEqual({ n: '42', b: 'true' });
  });

  test('a value over 9 KB throws "Argument too large: value" and is not stored', () => {
    const props = testEnvironment().globals.PropertiesService.getUserProperties();
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024))).toThrow('Argument too large: value');
    expect(props.getProperty('big')).toBeNull();
  });

  test('a store over 500 KB in all throws the property storage quota message', () => {
    const props = testEnvironment().globals.PropertiesService.getScriptProperties();
    expect(() => {
      for (let i = 0; i < 100; i++) props.setProperty(`k${i}`, 'y'.repeat(9000));
    }).toThrow('You have exceeded the property storage quota. Please remove some properties and try again.');
  });

  test('setProperties with deleteAllOthers replaces the whole store', () => {
    const props = testEnvironment().globals.PropertiesService.getDocumentProperties();
    props.setProperty('old', '1').setProperties({ a: '1', b: '2' }, true);
    expect(props.getKeys().sort()).toEqual(['a', 'b']);
  });

  test('user properties belong to each user while script properties are shared', () => {
    const env = testEnvironment({ userEmail: 'ann@example.com' });
    env.globals.PropertiesService.getUserProperties().setProperty('mine', 'ann');
    env.globals.PropertiesService.getScriptProperties().setProperty('shared', 'yes');
    env.user.email = 'bob@example.com';
    expect(env.globals.PropertiesService.getUserProperties().getProperty('mine')).toBeNull();
    expect(env.globals.PropertiesService.getScriptProperties().getProperty('shared')).toBe('yes');
  });

  test('properties persist from one execution to the next', () => {
    const env = testEnvironment();
    const bundle = loadCode(
      env,
      `function save() { PropertiesService.getUserProperties().setProperty('k', 'v'); }
       function read() { return PropertiesService.getUserProperties().getProperty('k'); }`,
    );
    bundle.run('save');
    expect(bundle.run('read')).toBe('v');
  });
});

describe('LockService', () => {
  test('tryLock returns false when another process holds the lock beyond the timeout', () => {
    const env = testEnvironment({ clock: 'virtual' });
    env.locks.holdFromOutside('document');
    const before = env.clock.now();
    expect(env.globals.LockService.getDocumentLock().tryLock(5000)).toBe(false);
    expect(env.clock.now() - before).toBe(5000);
  });

  test('waitLock throws "Lock timeout: another process was holding the lock for too long."', () => {
    const env = testEnvironment({ clock: 'virtual' });
    env.locks.holdFromOutside('script');
    expect(() => env.globals.LockService.getScriptLock().waitLock(10000)).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
  });

  test('waitLock gets the lock when the other process lets go within the timeout', () => {
    const env = testEnvironment({ clock: 'virtual' });
    env.locks.holdFromOutside('document', 3000);
    const lock = env.globals.LockService.getDocumentLock();
    const before = env.clock.now();
    lock.waitLock(10000);
    expect(lock.hasLock()).toBe(true);
    expect(env.clock.now() - before).toBe(3000);
  });

  test('hasLock is false before locking and after releaseLock', () => {
    const lock = testEnvironment().globals.LockService.getUserLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(0)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
  });

  test('a lock the script does not release is released when its execution ends', () => {
    const env = testEnvironment();
    const bundle = loadCode(
      env,
      `function take() { return LockService.getDocumentLock().tryLock(1000); }
       function holds() { return LockService.getDocumentLock().hasLock(); }`,
    );
    expect(bundle.run('take')).toBe(true);
    expect(env.locks.holderOf('document')).toBeNull();
    expect(bundle.run('holds')).toBe(false);
  });
});

describe('CacheService', () => {
  test('put keeps a value 600 seconds by default', () => {
    const env = testEnvironment({ clock: 'virtual' });
    const cache = env.globals.CacheService.getScriptCache();
    cache.put('k', 'v');
    env.clock.advance(599_000);
    expect(cache.get('k')).toBe('v');
    env.clock.advance(2000);
    expect(cache.get('k')).toBeNull();
  });

  test('the expiration given to put is honoured', () => {
    const env = testEnvironment({ clock: 'virtual' });
    const cache = env.globals.CacheService.getUserCache();
    cache.putAll({ a: '1', b: '2' }, 5);
    env.clock.advance(5000);
    expect(cache.getAll(['a', 'b'])).toEqual({});
  });

  test('a key over 250 characters throws "Argument too large: key"', () => {
    const cache = testEnvironment().globals.CacheService.getDocumentCache();
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
  });

  test('a value over 100 KB throws "Argument too large: value"', () => {
    const cache = testEnvironment().globals.CacheService.getScriptCache();
    expect(() => cache.put('k', 'v'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
  });

  test('getAll returns only the keys it holds', () => {
    const cache = testEnvironment().globals.CacheService.getScriptCache();
    cache.put('a', '1');
    expect(cache.getAll(['a', 'missing'])).toEqual({ a: '1' });
  });
});

describe('HtmlService', () => {
  test('createHtmlOutputFromFile reads the project HTML file of that name', () => {
    const env = testEnvironment({ buildDir: tempBuildDir({ 'Sidebar.html': '<p>hi</p>' }) });
    expect(env.globals.HtmlService.createHtmlOutputFromFile('Sidebar').getContent()).toBe('<p>hi</p>');
  });

  test('a missing HTML file throws "No HTML file named <name> was found."', () => {
    const env = testEnvironment();
    expect(() => env.globals.HtmlService.createHtmlOutputFromFile('Nope')).toThrow(
      'No HTML file named Nope was found.',
    );
  });
});

describe('Utilities', () => {
  test('base64Decode returns signed bytes, -128..127, like Java byte[]', () => {
    expect(testEnvironment().globals.Utilities.base64Decode('AH+A/w==')).toEqual([0, 127, -128, -1]);
  });

  test('base64DecodeWebSafe rejects unpadded input (a raw JWT part) with "Could not decode string."', () => {
    const utilities = testEnvironment().globals.Utilities;
    expect(() => utilities.base64DecodeWebSafe('eyJhIjoxfQ')).toThrow('Could not decode string.');
    expect(utilities.base64DecodeWebSafe('eyJhIjoxfQ==')).toEqual([...Buffer.from('{"a":1}')]);
  });

  test('base64EncodeWebSafe uses - and _ and keeps the = padding', () => {
    expect(testEnvironment().globals.Utilities.base64EncodeWebSafe([-5, -1])).toBe('-_8=');
  });

  test('formatDate formats in the given time zone with SimpleDateFormat letters', () => {
    const utilities = testEnvironment().globals.Utilities;
    const date = new Date(Date.UTC(2024, 0, 5, 23, 4, 5, 67));
    expect(utilities.formatDate(date, 'Europe/Paris', "yyyy-MM-dd'T'HH:mm:ss.SSSXXX EEE")).toBe(
      '2024-01-06T00:04:05.067+01:00 Sat',
    );
    expect(utilities.formatDate(date, 'Etc/UTC', 'dd/MM/yy hh:mm a z')).toBe('05/01/24 11:04 PM UTC');
  });

  test('sleep blocks the script for the time asked', () => {
    const started = Date.now();
    testEnvironment().globals.Utilities.sleep(120);
    // A floor (a sleep cannot end early), not a speed limit.
    expect(Date.now() - started).toBeGreaterThanOrEqual(115);
  });

  test('newBlob keeps text, bytes, content type and name', () => {
    const blob = testEnvironment().globals.Utilities.newBlob('é', 'text/plain', 'a.txt');
    expect([blob.getDataAsString(), blob.getBytes(), blob.getContentType(), blob.getName()]).toEqual([
      'é',
      [-61, -87],
      'text/plain',
      'a.txt',
    ]);
  });
});

describe('Session and logging', () => {
  test('Session gives the user email, script time zone and locale', () => {
    const env = testEnvironment({ userEmail: 'ann@example.com', timeZone: 'Europe/Paris', locale: 'fr' });
    const session = env.globals.Session;
    expect(session.getActiveUser().getEmail()).toBe('ann@example.com');
    expect(session.getEffectiveUser().getEmail()).toBe('ann@example.com');
    expect(session.getScriptTimeZone()).toBe('Europe/Paris');
    expect(session.getActiveUserLocale()).toBe('fr');
    expect(session.getTemporaryActiveUserKey()).not.toContain('ann');
  });

  test('Logger.log fills %s placeholders and getLog returns the execution log', () => {
    const env = testEnvironment();
    const bundle = loadCode(env, `function f() { Logger.log('job %s: %s', 'J1', 'done'); return Logger.getLog(); }`);
    expect(bundle.run('f')).toBe('job J1: done');
    expect(bundle.run('f')).toBe('job J1: done');
  });
});

describe('google.script.run and executions', () => {
  const code = `
    function visible() { return 'ok'; }
    function hidden_() { return 'secret'; }
    function echo(value) { return value; }
    function today() { return { when: new Date(), n: 1 }; }
    function gaps() { return [1, undefined, 3]; }
    function boom() { var e = new Error('nothing selected'); e.code = 42; throw e; }
    var counter = 0;
    function bump() { counter++; return counter; }
    function later() { var out = []; Promise.resolve().then(function () { out.push('settled'); }); return out; }`;

  test('functions whose name ends with _ cannot be called from the client', () => {
    const bundle = loadCode(testEnvironment(), code);
    expect(bundle.callFromClient('visible')).toBe('ok');
    expect(() => bundle.callFromClient('hidden_')).toThrow('google.script.run.hidden_ is not a function');
  });

  test('a Date argument makes the call fail before the server runs', () => {
    const bundle = loadCode(testEnvironment(), code);
    expect(() => bundle.callFromClient('echo', { at: new Date() })).toThrow('illegal value');
    expect(() => bundle.callFromClient('echo', [() => 1])).toThrow('illegal value');
    expect(bundle.executions).toBe(0);
  });

  test('a Date in the return value makes the whole value arrive as null', () => {
    expect(loadCode(testEnvironment(), code).callFromClient('today')).toBeNull();
  });

  test('undefined in a returned array arrives as null', () => {
    expect(loadCode(testEnvironment(), code).callFromClient('gaps')).toEqual([1, null, 3]);
  });

  test('a server-side throw reaches the failure handler as an Error with its message only', () => {
    const error = thrownBy(() => loadCode(testEnvironment(), code).callFromClient('boom'));
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe('nothing selected');
    expect((error as Error & { code?: number }).code).toBeUndefined();
  });

  test('the global scope runs again at each execution: a global does not survive to the next one', () => {
    const bundle = loadCode(testEnvironment(), code);
    expect(bundle.callFromClient('bump')).toBe(1);
    expect(bundle.callFromClient('bump')).toBe(1);
  });

  test('an execution settles its promises before it ends', () => {
    expect(loadCode(testEnvironment(), code).run('later')).toEqual(['settled']);
  });
});
