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

/**
 * The rule IDs and messages of the errors ESLint reports for `code` as if it were the file `filePath`. src/shared
 * holds types only, so there an import snippet's `export const y = x` becomes `export type Y = typeof x`: the rule
 * under test is then the only one the snippet can break.
 */
async function errors(code: string, filePath: string): Promise<{ ruleId: string | null; message: string }[]> {
  const text = filePath.startsWith('src/shared/') ? code.replace('export const y = x;', 'export type Y = typeof x;') : code;
  const [result] = await eslint.lintText(text, { filePath: path.join(root, filePath) });
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
  ['src/core/run/new-file.ts', '../../server/aodocs-client', /src\/core is pure TypeScript/],
  ['src/core/run/new-file.ts', '../../client/dom', /src\/core is pure TypeScript/],
  ['src/core/run/new-file.ts', '../../shared/../server/menu', /src\/core is pure TypeScript/],
  ['src/core/run/new-file.ts', '../../../emulator/environment', /src\/core is pure TypeScript/],
  ['src/core/run/new-file.ts', 'node:fs', /no Node builtin or npm package/],
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
  ['src/server/new-file.ts', '../../emulator/environment', /stand outside it, for tests only/],
  ['src/server/new-file.ts', '../../simulator/demo-seed', /stand outside it, for tests only/],
  ['src/server/new-file.ts', '../../emulator', /stand outside it, for tests only/],
  ['emulator/new-file.ts', '../simulator/server', /never imports the simulator/],
  ['emulator/services/new-file.ts', '../../simulator/demo-seed', /never imports the simulator/],
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
  ['src/core/run/new-file.ts', './steps'],
  ['src/core/run/new-file.ts', '../retry-policy'],
  ['src/core/run/new-file.ts', '../../shared/api'],
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

// A value in src/shared also breaks the types-only rule: the global's own rule must be among the errors.
test.each(APPS_SCRIPT_SERVICES)('src/shared may not use the Apps Script global %s', async (name) => {
  const found = await errors(`export const service = ${name};\n`, 'src/shared/new-file.ts');
  expect(found).toContainEqual({ ruleId: GLOBALS, message: expect.stringMatching(/called only in src\/server/) });
});

test.each(APPS_SCRIPT_SERVICES)('src/server may use the Apps Script global %s', async (name) => {
  expect(await errors(`export const service = ${name};\n`, 'src/server/new-file.ts')).toEqual([]);
});

const SYNTAX = 'no-restricted-syntax';

test.each<[string, string]>([
  ['a dynamic import', "export const load = () => import('./job-id');\n"],
  ['a dynamic import of a variable', 'export const load = (m: string) => import(m);\n'],
])('src/core may not hold %s', async (_name, code) => {
  expect(await errors(code, 'src/core/new-file.ts')).toEqual([
    { ruleId: SYNTAX, message: expect.stringMatching(/imports statically only/) },
  ]);
});

test.each<[string, string]>([
  ['an exported constant', 'export const LIMIT = 5;\n'],
  ['a constant', 'const LIMIT = 5;\nexport type T = typeof LIMIT;\n'],
  ['an exported function', 'export function f(): number {\n  return 1;\n}\n'],
  ['a class', 'export class C {}\n'],
  ['an enum', 'export enum E {\n  A,\n}\n'],
  ['a default export', 'export default 5;\n'],
  ['a statement', "console.log('x');\n"],
])('src/shared may not hold %s', async (_name, code) => {
  expect(await errors(code, 'src/shared/new-file.ts')).toContainEqual({
    ruleId: SYNTAX,
    message: expect.stringMatching(/holds types only/),
  });
});

test.each<[string, string]>([
  ['an interface', 'export interface I {\n  a: number;\n}\n'],
  ['a type', "export type T = 'a' | 'b';\n"],
  ['a type-only re-export', "export type { I } from './api';\n"],
])('src/shared may hold %s', async (_name, code) => {
  expect(await errors(code, 'src/shared/new-file.ts')).toEqual([]);
});

test('the emulator may import its own modules, and tests may put emulator and simulator together', async () => {
  expect(await errors("import { x } from './environment';\nexport const y = x;\n", 'emulator/new-file.ts')).toEqual([]);
  const both = "import { a } from '../../emulator/environment';\nimport { b } from '../../simulator/server';\nexport const c = [a, b];\n";
  expect(await errors(both, 'test/bundle/new-file.test.ts')).toEqual([]);
});

test('a local that shadows a service name is not the Apps Script global', async () => {
  const code = 'export function f(Logger: { log(s: string): void }) {\n  Logger.log("x");\n}\n';
  expect(await errors(code, 'src/core/new-file.ts')).toEqual([]);
});
