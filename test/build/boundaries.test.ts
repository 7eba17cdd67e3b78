// The dependency rules of eslint.config.js, proved on code snippets: each forbidden import or Apps Script global is
// an error of the intended rule, each allowed import is none. Removing or loosening a rule makes this suite fail.
import path from 'node:path';
import { ESLint, Linter } from 'eslint';

const root = path.resolve(__dirname, '../..');
// The config is required here rather than loaded by ESLint, whose import() of it Jest's module sandbox refuses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config: Linter.Config[] = require(path.join(root, 'eslint.config.js'));
const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config });

const IMPORTS = '@typescript-eslint/no-restricted-imports';
const GLOBALS = 'no-restricted-globals';

/** The rule IDs and messages of the errors ESLint reports for `code` as if it were the file `filePath`. */
async function errors(code: string, filePath: string): Promise<{ ruleId: string | null; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result.messages.filter((m) => m.severity === 2).map(({ ruleId, message }) => ({ ruleId, message }));
}

const forbiddenImports: [file: string, source: string, reason: RegExp][] = [
  ['src/core/new-file.ts', '../server/aodocs-client', /src\/core is pure TypeScript/],
  ['src/core/new-file.ts', '../server', /src\/core is pure TypeScript/],
  ['src/core/new-file.ts', '../client/dom', /src\/core is pure TypeScript/],
  ['src/core/new-file.ts', './../server/menu', /src\/core is pure TypeScript/],
  ['src/core/new-file.ts', '../shared/../server/menu', /src\/core is pure TypeScript/],
  ['src/core/new-file.ts', '../../emulator/environment', /src\/core is pure TypeScript/],
  ['src/core/new-file.ts', 'node:fs', /no Node builtin or npm package/],
  ['src/core/new-file.ts', 'path', /no Node builtin or npm package/],
  ['src/core/new-file.ts', 'ajv', /no Node builtin or npm package/],
  ['src/shared/new-file.ts', '../core/settings', /imports nothing outside src\/shared/],
  ['src/shared/new-file.ts', '../server/index', /imports nothing outside src\/shared/],
  ['src/shared/new-file.ts', '../client/dom', /imports nothing outside src\/shared/],
  ['src/shared/new-file.ts', './../core/job-id', /imports nothing outside src\/shared/],
  ['src/shared/new-file.ts', 'node:fs', /imports nothing outside src\/shared/],
  ['src/client/new-file.ts', '../core/job-id', /only the core modules in eslint.config.js/],
  ['src/client/new-file.ts', '../core/aodocs-request', /only the core modules in eslint.config.js/],
  ['src/client/new-file.ts', '../core', /only the core modules in eslint.config.js/],
  ['src/client/panels/new-file.ts', '../../core/retry-policy', /only the core modules in eslint.config.js/],
  ['src/client/new-file.ts', '../core/settings/../job-id', /only the core modules in eslint.config.js/],
  ['src/client/new-file.ts', '../server/run-chunk', /through google\.script\.run/],
  ['src/client/new-file.ts', '../server', /through google\.script\.run/],
  ['src/client/panels/new-file.ts', '../../server/index', /through google\.script\.run/],
  ['src/server/new-file.ts', '../client/dom', /not in the browser/],
  ['src/server/new-file.ts', '../client/panels/run-panel', /not in the browser/],
];

// Each forbidden import is tried as a value import, a type-only import and a re-export.
const forms: [form: string, code: (source: string) => string][] = [
  ['import', (source) => `import { x } from '${source}';\nexport const y = x;\n`],
  ['import type', (source) => `import type { X } from '${source}';\nexport type Y = X;\n`],
  ['export from', (source) => `export { x } from '${source}';\n`],
];

describe.each(forms)('%s', (_form, code) => {
  test.each(forbiddenImports)('%s may not import %s', async (file, source, reason) => {
    const found = await errors(code(source), file);
    expect(found).toEqual([{ ruleId: IMPORTS, message: expect.stringMatching(reason) }]);
  });
});

const allowedImports: [file: string, source: string][] = [
  ['src/core/new-file.ts', './job-id'],
  ['src/core/new-file.ts', './settings'],
  ['src/core/new-file.ts', '../shared/api'],
  ['src/shared/new-file.ts', './api'],
  ['src/client/new-file.ts', '../shared/api'],
  ['src/client/new-file.ts', './dom'],
  ['src/client/new-file.ts', './server-calls'],
  ['src/client/new-file.ts', '../core/hidden-rows'],
  ['src/client/panels/new-file.ts', '../../core/library-listing'],
  ['src/client/panels/new-file.ts', '../../core/settings'],
  ['src/client/panels/new-file.ts', '../../shared/api'],
  ['src/client/panels/new-file.ts', '../dom'],
  ['src/server/new-file.ts', '../core/job-id'],
  ['src/server/new-file.ts', '../shared/api'],
  ['src/server/new-file.ts', './audit-log'],
  ['src/server/new-file.ts', '../../appsscript.json'],
];

test.each(allowedImports)('%s may import %s', async (file, source) => {
  expect(await errors(`import { x } from '${source}';\nexport const y = x;\n`, file)).toEqual([]);
});

const APPS_SCRIPT_SERVICES = [
  'SpreadsheetApp',
  'UrlFetchApp',
  'ScriptApp',
  'HtmlService',
  'PropertiesService',
  'LockService',
  'CacheService',
  'Utilities',
  'Session',
  'Logger',
];

test.each(APPS_SCRIPT_SERVICES)('src/core may not use the Apps Script global %s', async (name) => {
  const found = await errors(`export const service = ${name};\n`, 'src/core/new-file.ts');
  expect(found).toEqual([{ ruleId: GLOBALS, message: expect.stringMatching(/only by the adapters in src\/server/) }]);
});

test.each(APPS_SCRIPT_SERVICES)('src/shared may not use the Apps Script global %s', async (name) => {
  const found = await errors(`export const service = ${name};\n`, 'src/shared/new-file.ts');
  expect(found).toEqual([{ ruleId: GLOBALS, message: expect.stringMatching(/called only in src\/server/) }]);
});

test.each(APPS_SCRIPT_SERVICES)('src/server may use the Apps Script global %s', async (name) => {
  expect(await errors(`export const service = ${name};\n`, 'src/server/new-file.ts')).toEqual([]);
});

test('a local that shadows a service name is not the Apps Script global', async () => {
  const code = 'export function f(Logger: { log(s: string): void }) {\n  Logger.log("x");\n}\n';
  expect(await errors(code, 'src/core/new-file.ts')).toEqual([]);
});
