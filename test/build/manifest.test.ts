// The manifest clasp pushes: the runtime, the exact scopes (least privilege, checked at Marketplace review),
// and the outside URLs the add-on may call.
import fs from 'node:fs';
import path from 'node:path';
import { PRODUCTION_BASE_URL, STAGING_BASE_URL } from '../../src/core/settings';

const root = path.resolve(__dirname, '../..');
const source = JSON.parse(fs.readFileSync(path.join(root, 'appsscript.json'), 'utf8'));
const built = JSON.parse(fs.readFileSync(path.join(root, 'build/appsscript.json'), 'utf8'));

test('build/appsscript.json is the manifest at the top level, unchanged', () => {
  expect(built).toEqual(source);
});

test('runs on V8 and reports uncaught exceptions to Cloud Logging', () => {
  expect(source.runtimeVersion).toBe('V8');
  expect(source.exceptionLogging).toBe('STACKDRIVER');
  expect(typeof source.timeZone).toBe('string');
});

test('asks for exactly the five scopes the add-on needs', () => {
  expect([...source.oauthScopes].sort()).toEqual(
    [
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.external_request',
      'openid',
      'https://www.googleapis.com/auth/userinfo.email',
    ].sort(),
  );
});

test('urlFetchWhitelist covers the production and staging APIs, with https and a path as Apps Script requires', () => {
  const allowed = (url: string) => source.urlFetchWhitelist.some((prefix: string) => url.startsWith(prefix));
  expect(allowed(`${PRODUCTION_BASE_URL}/job/v1/abc/cancel`)).toBe(true);
  expect(allowed(`${STAGING_BASE_URL}/job/v1/abc/cancel`)).toBe(true);
  expect(allowed('https://example.com/api/job/v1/abc/cancel')).toBe(false);
  for (const prefix of source.urlFetchWhitelist) expect(prefix).toMatch(/^https:\/\/[^/]+\/.+/);
});

// .clasp.json and .clasp.prod.json are git-ignored (written by `npm run use-script` or `clasp create-script`):
// the tracked examples show their shape. test/build/deploy.test.ts proves that deploy refuses their placeholder.
test.each(['.clasp.json.example', '.clasp.prod.json.example'])('%s pushes build/ only', (file) => {
  const clasp = JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
  expect(clasp.rootDir).toBe('build');
  expect(typeof clasp.scriptId).toBe('string');
});

test('build/ holds exactly the three files clasp pushes', () => {
  expect(fs.readdirSync(path.join(root, 'build')).sort()).toEqual(['Code.js', 'Sidebar.html', 'appsscript.json']);
});

test('Sidebar.html is one self-contained file: inline script and style, no link to another file', () => {
  const html = fs.readFileSync(path.join(root, 'build/Sidebar.html'), 'utf8');
  expect(html).not.toMatch(/<script[^>]*\bsrc\s*=/i);
  expect(html).not.toMatch(/<link\b/i);
  expect(html).not.toMatch(/\bsrc\s*=\s*["']?(https?:)?\/\//i);
  expect(html).not.toMatch(/@import|url\(\s*["']?https?:/i);
  expect(html.match(/<script>/g)).toHaveLength(1);
  expect(html).not.toContain('/*INLINE_JS*/');
  expect(html).not.toContain('/*INLINE_CSS*/');
  // The inlined code must not close its own element early.
  const script = html.slice(html.indexOf('<script>') + 8, html.lastIndexOf('</script>'));
  expect(script).not.toMatch(/<\/script/i);
});
