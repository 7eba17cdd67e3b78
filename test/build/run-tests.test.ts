// `npm test` (scripts/run-tests.js) leaves nothing in the temp folder: its jest-results-* folder is removed when
// the tests pass, when they fail, when Jest does not run, and when the script is stopped. Each case runs the real
// script on a tiny suite of its own, with TMPDIR pointing at an empty folder that must stay empty.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const RUN_TESTS = path.resolve(__dirname, '../../scripts/run-tests.js');
const folders: string[] = [];
afterAll(() => folders.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A folder with one test file, an empty temp folder, and the Jest options that run only that file. */
function setup(testCode: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'run-tests-test-'));
  folders.push(dir);
  const suite = path.join(dir, 'suite');
  const tmp = path.join(dir, 'tmp');
  fs.mkdirSync(suite);
  fs.mkdirSync(tmp);
  fs.writeFileSync(path.join(suite, 'fixture.test.js'), testCode);
  // Jest's own cache would otherwise go to the temp folder too.
  const config = { rootDir: suite, testEnvironment: 'node', transform: {}, cacheDirectory: path.join(dir, 'cache') };
  return { suite, tmp, args: [RUN_TESTS, `--config=${JSON.stringify(config)}`], env: { ...process.env, TMPDIR: tmp } };
}

test.each([
  ['the tests pass', "test('ok', () => {});", 0, '1 passed, 0 failed'],
  ['a test fails', "test('ok', () => {});\ntest('ko', () => { throw new Error('no'); });", 1, '1 passed, 1 failed'],
])('%s: the temp folder is left empty', (_case, code, status, summary) => {
  const { suite, tmp, args, env } = setup(code);
  const run = spawnSync(process.execPath, args, { cwd: suite, env, encoding: 'utf8', timeout: 60_000 });
  expect(run.stdout.trim().split('\n').at(-1)).toBe(summary);
  expect(run.status).toBe(status);
  expect(fs.readdirSync(tmp)).toEqual([]);
});

test('what the tests themselves put in the temp folder goes too', () => {
  const { suite, tmp, args, env } = setup(
    "const fs = require('node:fs'); const os = require('node:os'); const path = require('node:path');\n" +
      "test('makes a temp folder', () => { fs.writeFileSync(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'x-')), 'f'), 'y'); });",
  );
  const run = spawnSync(process.execPath, args, { cwd: suite, env, encoding: 'utf8', timeout: 60_000 });
  expect(run.stdout.trim().split('\n').at(-1)).toBe('1 passed, 0 failed');
  expect(fs.readdirSync(tmp)).toEqual([]);
});

test('Jest does not run (a bad option): the temp folder is left empty too', () => {
  const { suite, tmp, env } = setup("test('ok', () => {});");
  const run = spawnSync(process.execPath, [RUN_TESTS, '--config={not json'], {
    cwd: suite,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('Jest wrote no results: it did not run.');
  expect(fs.readdirSync(tmp)).toEqual([]);
});

test('stopped while Jest runs (SIGTERM): Jest is stopped and the temp folder is left empty', async () => {
  const { suite, tmp, args, env } = setup("test('slow', () => new Promise((r) => setTimeout(r, 60_000)), 90_000);");
  const child = spawn(process.execPath, args, { cwd: suite, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // The results folder is made before Jest starts; a second later Jest is in the slow test.
  const started = Date.now();
  while (!fs.readdirSync(tmp).some((name) => name.startsWith('jest-results-'))) {
    if (Date.now() - started > 20_000) throw new Error(`run-tests made no results folder:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const code = await exited;
  clearTimeout(timer);
  expect(code).toBe(128 + os.constants.signals.SIGTERM);
  expect(fs.readdirSync(tmp)).toEqual([]);
}, 60_000);
