// The emulated UrlFetchApp over real sockets: concurrency, routing, the request log and the test hooks.
// Apps Script's own documented behaviours (messages, muting...) are in documented-behaviours.test.ts.
import { closeEnvironments, loadCode, testEnvironment } from './support/environments';
import { startTestHttpServer, type TestHttpServer } from './support/test-http-server';

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

const PRODUCTION = 'https://aodocs.altirnao.com/api';

describe('fetchAll', () => {
  test('sends its requests concurrently: the server sees all five in flight at once', async () => {
    const env = testEnvironment();
    env.globals.UrlFetchApp.fetch(`${server.origin}/echo`); // starts the worker thread before timing
    await server.reset();
    const responses = env.globals.UrlFetchApp.fetchAll(
      [1, 2, 3, 4, 5].map(() => ({ url: `${server.origin}/delay/300` })),
    );
    expect(responses.map((response) => response.getResponseCode())).toEqual([200, 200, 200, 200, 200]);
    // Concurrency is proven by the server seeing all five requests in flight at once.
    expect((await server.stats()).maxInFlight).toBe(5);
  });

  test('returns the responses in request order whatever order they finish in', () => {
    const env = testEnvironment();
    const responses = env.globals.UrlFetchApp.fetchAll([
      `${server.origin}/delay/250`,
      `${server.origin}/delay/10`,
      `${server.origin}/delay/120`,
    ]);
    expect(responses.map((response) => JSON.parse(response.getContentText()).delayed)).toEqual([250, 10, 120]);
  });
});

describe('routes', () => {
  test('the script fetches the production URL while the request reaches the local server', async () => {
    const env = testEnvironment({ urlFetch: { routes: { [PRODUCTION]: `${server.origin}` } } });
    const response = env.globals.UrlFetchApp.fetch(`${PRODUCTION}/echo?x=1`, { method: 'post', payload: 'hi' });
    expect(JSON.parse(response.getContentText())).toMatchObject({ method: 'POST', path: '/echo?x=1', body: 'hi' });
    expect(env.urlFetch.log[0]).toMatchObject({ url: `${PRODUCTION}/echo?x=1`, sentTo: `${server.origin}/echo?x=1` });
    expect((await server.stats()).seen).toHaveLength(1);
  });

  test('error messages name the production URL, never the local one', () => {
    const env = testEnvironment({ urlFetch: { routes: { [PRODUCTION]: `${server.origin}` } } });
    expect(() => env.globals.UrlFetchApp.fetch(`${PRODUCTION}/status/404`)).toThrow(
      'Request failed for https://aodocs.altirnao.com returned code 404.',
    );
    let message = '';
    try {
      env.globals.UrlFetchApp.fetch(`${PRODUCTION}/status/500`);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toContain('127.0.0.1');
  });

  test('the longest matching prefix wins', () => {
    const env = testEnvironment({
      urlFetch: {
        routes: { 'https://example.com/': 'http://127.0.0.1:1/', 'https://example.com/api/': `${server.origin}/` },
      },
    });
    expect(env.globals.UrlFetchApp.fetch('https://example.com/api/echo').getResponseCode()).toBe(200);
  });
});

describe('request log', () => {
  test('keeps method, URL, headers as sent, body and status of each request', () => {
    const env = testEnvironment({ urlFetch: { routes: { [PRODUCTION]: server.origin } } });
    env.globals.UrlFetchApp.fetch(`${PRODUCTION}/status/409`, {
      method: 'post',
      contentType: 'application/json',
      payload: '{"a":1}',
      headers: { Authorization: 'Bearer secret-token', Accept: 'application/json' },
      muteHttpExceptions: true,
    });
    expect(env.urlFetch.log).toEqual([
      expect.objectContaining({
        call: 1,
        method: 'POST',
        url: `${PRODUCTION}/status/409`,
        headers: {
          Authorization: 'Bearer secret-token',
          Accept: 'application/json',
          'Content-Type': 'application/json',
          'User-Agent': expect.stringContaining('Google-Apps-Script'),
        },
        body: '{"a":1}',
        status: 409,
      }),
    ]);
  });

  test('the requests of one fetchAll share a call number; failures are logged with their error', async () => {
    const env = testEnvironment();
    env.globals.UrlFetchApp.fetch(`${server.origin}/echo`);
    expect(() => env.globals.UrlFetchApp.fetchAll([`${server.origin}/echo`, { url: `${server.origin}/drop` }])).toThrow(
      'Address unavailable',
    );
    expect(env.urlFetch.log.map((entry) => [entry.call, entry.status])).toEqual([
      [1, 200],
      [2, 200],
      [2, null],
    ]);
    expect(env.urlFetch.log[2].error).toBe(`Address unavailable: ${server.origin}/drop`);
  });

  test('each request sent is counted as UrlFetch.request, each call as UrlFetchApp.<method>', () => {
    const env = testEnvironment();
    env.globals.UrlFetchApp.fetchAll([`${server.origin}/echo`, `${server.origin}/echo`]);
    env.globals.UrlFetchApp.fetch(`${server.origin}/echo`).getResponseCode();
    expect(env.counter.snapshot()).toEqual({
      'HTTPResponse.getResponseCode': 1,
      'UrlFetch.request': 3,
      'UrlFetchApp.fetch': 1,
      'UrlFetchApp.fetchAll': 1,
    });
  });
});

describe('beforeRequest hook', () => {
  test('sees each URL before it is sent and can make the fetch throw', () => {
    const seen: string[] = [];
    const env = testEnvironment({
      urlFetch: {
        beforeRequest: (url) => {
          seen.push(url);
          if (url.endsWith('/fail')) throw new Error(`Address unavailable: ${url}`);
        },
      },
    });
    env.globals.UrlFetchApp.fetch(`${server.origin}/echo`);
    expect(() => env.globals.UrlFetchApp.fetch(`${server.origin}/fail`)).toThrow(
      `Address unavailable: ${server.origin}/fail`,
    );
    expect(seen).toEqual([`${server.origin}/echo`, `${server.origin}/fail`]);
    expect(env.urlFetch.log).toHaveLength(1);
  });

  test('an injected failure reaches the bundle as an Apps Script Exception of its own realm', () => {
    const env = testEnvironment({
      urlFetch: {
        beforeRequest: () => {
          throw new Error('Timeout: https://x.test/');
        },
      },
    });
    const bundle = loadCode(
      env,
      `function probe() {
        try { UrlFetchApp.fetch('https://x.test/'); } catch (e) {
          return [e instanceof Error, e.name, e.message, String(e)].join('|');
        }
      }`,
    );
    expect(bundle.run('probe')).toBe('true|Exception|Timeout: https://x.test/|Exception: Timeout: https://x.test/');
  });
});

describe('HTTPResponse', () => {
  test('header lookups work in any casing while keys keep the server spelling', () => {
    const env = testEnvironment();
    const response = env.globals.UrlFetchApp.fetch(`${server.origin}/headers`, { muteHttpExceptions: true });
    const headers = response.getHeaders();
    expect(headers['Retry-After']).toBe('7');
    expect(headers['retry-after']).toBe('7');
    expect(headers['RETRY-AFTER']).toBe('7');
    expect(Object.keys(headers)).toContain('Retry-After');
    expect(Object.keys(headers)).not.toContain('retry-after');
  });

  test('getAllHeaders gives an array for a header sent twice, getHeaders one value', () => {
    const env = testEnvironment();
    const response = env.globals.UrlFetchApp.fetch(`${server.origin}/headers`, { muteHttpExceptions: true });
    expect(response.getAllHeaders()['Set-Cookie']).toEqual(['a=1', 'b=2']);
    expect(response.getHeaders()['Set-Cookie']).toBe('a=1');
  });

  test('getContent returns signed bytes and getContentText follows the declared charset', () => {
    const env = testEnvironment();
    expect(env.globals.UrlFetchApp.fetch(`${server.origin}/bytes`).getContent()).toEqual([0, 1, 127, -128, -56, -1]);
    expect(env.globals.UrlFetchApp.fetch(`${server.origin}/latin1`).getContentText()).toBe('café');
  });

  test('getBlob carries the bytes and content type', () => {
    const env = testEnvironment();
    const blob = env.globals.UrlFetchApp.fetch(`${server.origin}/bytes`).getBlob();
    expect(blob.getContentType()).toBe('application/octet-stream');
    expect(blob.getBytes()).toEqual([0, 1, 127, -128, -56, -1]);
  });
});

describe('HTTPS and escaping', () => {
  test('a self-signed certificate fails unless validateHttpsCertificates is false', () => {
    const env = testEnvironment();
    const url = `${server.secureOrigin ?? 'https://openssl-is-missing.invalid'}/echo`;
    expect(() => env.globals.UrlFetchApp.fetch(url, { muteHttpExceptions: true })).toThrow(`SSL Error ${url}`);
    expect(env.globals.UrlFetchApp.fetch(url, { validateHttpsCertificates: false }).getResponseCode()).toBe(200);
  });

  test('characters not allowed in a URL are percent-encoded unless escaping is false', async () => {
    const env = testEnvironment();
    env.globals.UrlFetchApp.fetch(`${server.origin}/echo?q=a b|c%2F`);
    expect((await server.stats()).seen[0].path).toBe('/echo?q=a%20b%7Cc%2F');
    expect(() => env.globals.UrlFetchApp.fetch(`${server.origin}/echo?q=a b`, { escaping: false })).toThrow(
      `Invalid argument: ${server.origin}/echo?q=a b`,
    );
  });
});

describe('payloads and getRequest', () => {
  test('a string payload is sent as it is with the given content type', async () => {
    const env = testEnvironment();
    env.globals.UrlFetchApp.fetch(`${server.origin}/echo`, {
      method: 'put',
      contentType: 'application/json',
      payload: '{"x":"é"}',
    });
    const [request] = (await server.stats()).seen;
    expect(request).toMatchObject({ method: 'PUT', body: '{"x":"é"}' });
    expect(request.headers['content-type']).toBe('application/json');
  });

  test('getRequest describes the request without sending it', async () => {
    const env = testEnvironment({ urlFetch: { allowlist: ['https://only.example/'] } });
    const request = env.globals.UrlFetchApp.getRequest(`${server.origin}/echo`, {
      method: 'post',
      payload: { a: 'b c' },
      headers: { Authorization: 'Bearer t' },
    });
    expect(request).toMatchObject({
      url: `${server.origin}/echo`,
      method: 'post',
      payload: 'a=b+c',
      contentType: 'application/x-www-form-urlencoded',
      headers: { Authorization: 'Bearer t' },
      muteHttpExceptions: false,
      followRedirects: true,
    });
    expect((await server.stats()).seen).toHaveLength(0);
    expect(env.urlFetch.log).toHaveLength(0);
  });
});
