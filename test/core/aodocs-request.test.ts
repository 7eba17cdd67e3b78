import { cancelJobRequest, getJobRequest } from '../../src/core/aodocs-request';

const BASE = 'https://aodocs.altirnao.com/api';
const AUTH = 'Bearer id.token.value';

describe('cancelJobRequest', () => {
  test('POST {baseUrl}/job/v1/{jobId}/cancel with the documented options and no body', () => {
    expect(cancelJobRequest({ baseUrl: BASE }, 'abc123', AUTH)).toEqual({
      url: 'https://aodocs.altirnao.com/api/job/v1/abc123/cancel',
      method: 'post',
      headers: { Authorization: 'Bearer id.token.value', Accept: 'application/json' },
      muteHttpExceptions: true,
      followRedirects: false,
    });
  });

  test('sends no payload and no content type', () => {
    const request = cancelJobRequest({ baseUrl: BASE }, 'abc123', AUTH) as unknown as Record<string, unknown>;
    expect(request).not.toHaveProperty('payload');
    expect(request).not.toHaveProperty('contentType');
    expect(Object.keys(request.headers as object).sort()).toEqual(['Accept', 'Authorization']);
  });

  test('passes a security-code authorization through unchanged', () => {
    expect(cancelJobRequest({ baseUrl: BASE }, 'j1', 'securityCode s3cr3t').headers.Authorization).toBe(
      'securityCode s3cr3t',
    );
  });

  test('uses the configured base URL', () => {
    expect(cancelJobRequest({ baseUrl: 'https://aodocs-staging.altirnao.com/api' }, 'j1', AUTH).url).toBe(
      'https://aodocs-staging.altirnao.com/api/job/v1/j1/cancel',
    );
  });
});

describe('getJobRequest', () => {
  test('GET {baseUrl}/job/v1/{jobId} with the documented options', () => {
    expect(getJobRequest({ baseUrl: BASE }, 'abc123', AUTH)).toEqual({
      url: 'https://aodocs.altirnao.com/api/job/v1/abc123',
      method: 'get',
      headers: { Authorization: 'Bearer id.token.value', Accept: 'application/json' },
      muteHttpExceptions: true,
      followRedirects: false,
    });
  });
});

describe('job IDs are percent-encoded in the path (encodeURIComponent)', () => {
  test.each<[string, string]>([
    ['a b', 'a%20b'],
    ['ü', '%C3%BC'],
    ['+', '%2B'],
    ['Jöb123', 'J%C3%B6b123'],
    ['作業42', '%E4%BD%9C%E6%A5%AD42'],
    ['a&b=c', 'a%26b%3Dc'],
    ['a:b;c,d', 'a%3Ab%3Bc%2Cd'],
    ['a/b', 'a%2Fb'],
    ['a?b#c', 'a%3Fb%23c'],
    ['50%', '50%25'],
    ["it's-(ok)_~!*.", "it's-(ok)_~!*."],
  ])('%p → %p', (jobId, encoded) => {
    expect(cancelJobRequest({ baseUrl: BASE }, jobId, AUTH).url).toBe(`${BASE}/job/v1/${encoded}/cancel`);
    expect(getJobRequest({ baseUrl: BASE }, jobId, AUTH).url).toBe(`${BASE}/job/v1/${encoded}`);
  });
});

describe('the optional domain query parameter', () => {
  test.each<[string | undefined, string]>([
    [undefined, ''],
    ['', ''],
    ['example.com', '?domain=example.com'],
    ['a b&c=d', '?domain=a%20b%26c%3Dd'],
    ['exämple.de', '?domain=ex%C3%A4mple.de'],
  ])('domain %p adds %p', (domain, query) => {
    const target = { baseUrl: BASE, domain };
    expect(cancelJobRequest(target, 'j1', AUTH).url).toBe(`${BASE}/job/v1/j1/cancel${query}`);
    expect(getJobRequest(target, 'j1', AUTH).url).toBe(`${BASE}/job/v1/j1${query}`);
  });
});
