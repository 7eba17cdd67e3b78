// `npm run deploy` and `npm run deploy:prod` as a maintainer runs them, through the real npm, in a sandbox that holds
// this repository's package.json and deploy scripts. Stub `npm` and `clasp` executables first on PATH record every
// call instead of linting, testing, building or pushing, so the chain's order and arguments are proved without
// running the whole suite again. Also: `npm run use-script`, and the build/ that `clasp create-script` leaves.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const SCRIPT_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz_0123456789-AbCdEfGhIjKlMnOpQ';
const OTHER_ID = '1ZyXwVuTsRqPoNmLkJiHgFeDcBa_9876543210-ZyXwVuTsRqPoNmLkJ';

/** The real npm: the first on PATH before the sandbox's stubs are put in front. */
function realNpm(): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'npm');
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  throw new Error('npm not found on PATH');
}
const NPM = realNpm();

// Appends [name, cwd, ...args] to $STUB_LOG. npm fails (exit 3) when its arguments are $STUB_FAIL; clasp prints
// $STUB_CLASP_OUT (default: what clasp 3.4.1 prints after a push) and exits with $STUB_CLASP_STATUS.
const STUB = `#!${process.execPath}
const fs = require('node:fs');
const name = require('node:path').basename(process.argv[1]);
const args = process.argv.slice(2);
fs.appendFileSync(process.env.STUB_LOG, JSON.stringify([name, process.cwd(), ...args]) + '\\n');
if (name === 'npm') process.exit(process.env.STUB_FAIL === args.join(' ') ? 3 : 0);
process.stdout.write(process.env.STUB_CLASP_OUT ?? 'Pushed 3 files at 12:00:00.\\n└─ build/Code.js\\n');
process.exit(Number(process.env.STUB_CLASP_STATUS ?? 0));
`;

interface Sandbox {
  dir: string;
  write(file: string, content: string): void;
  run(command: string[], env?: Record<string, string>): { status: number | null; stdout: string; stderr: string };
  calls(): string[][];
}

const sandboxes: string[] = [];
afterAll(() => sandboxes.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function sandbox(): Sandbox {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-test-'));
  sandboxes.push(dir);
  fs.mkdirSync(path.join(dir, 'scripts'));
  fs.mkdirSync(path.join(dir, 'bin'));
  fs.copyFileSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
  for (const file of ['deploy.js', 'clasp-project.js', 'use-script.js']) {
    fs.copyFileSync(path.join(root, 'scripts', file), path.join(dir, 'scripts', file));
  }
  for (const name of ['npm', 'clasp']) fs.writeFileSync(path.join(dir, 'bin', name), STUB, { mode: 0o755 });
  const log = path.join(dir, 'calls.log');
  return {
    dir,
    write: (file, content) => fs.writeFileSync(path.join(dir, file), content),
    run(command, env = {}) {
      const run = spawnSync(command[0], command.slice(1), {
        cwd: dir,
        encoding: 'utf8',
        timeout: 30_000,
        env: {
          ...process.env,
          PATH: `${path.join(dir, 'bin')}${path.delimiter}${process.env.PATH}`,
          STUB_LOG: log,
          npm_config_update_notifier: 'false',
          ...env,
        },
      });
      return { status: run.status, stdout: run.stdout, stderr: run.stderr };
    },
    calls: () =>
      fs.existsSync(log)
        ? fs
            .readFileSync(log, 'utf8')
            .trim()
            .split('\n')
            .map((line) => JSON.parse(line))
        : [],
  };
}

const project = (scriptId: string, extra: object = {}) => JSON.stringify({ scriptId, rootDir: 'build', ...extra });
const CHECKS = [
  ['npm', 'run', 'lint'],
  ['npm', 'run', 'typecheck'],
  ['npm', 'test'],
  ['npm', 'run', 'build'],
];

/** The calls without their working folder, after checking that each ran at the sandbox's root. */
function commands(box: Sandbox): string[][] {
  return box.calls().map(([name, cwd, ...args]) => {
    expect(fs.realpathSync(cwd)).toBe(fs.realpathSync(box.dir));
    return [name, ...args];
  });
}

describe('npm run deploy', () => {
  test('lint, type check, tests, build, then clasp push --force of .clasp.json, in that order', () => {
    const box = sandbox();
    box.write('.clasp.json', project(SCRIPT_ID));
    const run = box.run([NPM, 'run', 'deploy']);
    expect(run.stderr).not.toMatch(/Deploy (refused|stopped|failed)/);
    expect(run.status).toBe(0);
    expect(commands(box)).toEqual([...CHECKS, ['clasp', '--project', '.clasp.json', 'push', '--force']]);
    expect(run.stdout).toContain(`Deployed build/ to script ${SCRIPT_ID} (.clasp.json).`);
  });

  test('deploy:prod pushes with .clasp.prod.json, after the same checks', () => {
    const box = sandbox();
    box.write('.clasp.prod.json', project(OTHER_ID));
    const run = box.run([NPM, 'run', 'deploy:prod']);
    expect(run.status).toBe(0);
    expect(commands(box)).toEqual([...CHECKS, ['clasp', '--project', '.clasp.prod.json', 'push', '--force']]);
    expect(run.stdout).toContain(`Deployed build/ to script ${OTHER_ID} (.clasp.prod.json).`);
  });

  test.each(CHECKS.map((step, index) => [step.join(' '), index] as const))(
    'a failing `%s` stops the deploy: nothing after it runs, clasp is never called',
    (step, index) => {
      const box = sandbox();
      box.write('.clasp.json', project(SCRIPT_ID));
      const run = box.run([NPM, 'run', 'deploy'], { STUB_FAIL: step.replace(/^npm /, '') });
      expect(run.status).not.toBe(0);
      expect(commands(box)).toEqual(CHECKS.slice(0, index + 1));
      expect(run.stderr).toContain(`Deploy stopped: \`${step}\` failed (exit code 3); nothing was pushed.`);
    },
  );

  test('the .clasp.json that `clasp create-script --rootDir build` writes is accepted as it is', () => {
    // As clasp 3.4.1 writes it (node_modules/@google/clasp/build/src/core/project.js, updateSettings).
    const box = sandbox();
    box.write(
      '.clasp.json',
      JSON.stringify({
        scriptId: SCRIPT_ID,
        rootDir: 'build',
        parentId: ['1parentSpreadsheetIdParentSpreadsheetId'],
        scriptExtensions: ['.js', '.gs'],
        htmlExtensions: ['.html'],
        jsonExtensions: ['.json'],
        filePushOrder: [],
        skipSubdirectories: false,
      }),
    );
    expect(box.run([NPM, 'run', 'deploy']).status).toBe(0);
    expect(commands(box).at(-1)).toEqual(['clasp', '--project', '.clasp.json', 'push', '--force']);
  });

  test.each([
    ['clasp fails', { STUB_CLASP_STATUS: '1', STUB_CLASP_OUT: '' }, /Deploy failed: clasp push ended with exit code 1/],
    [
      'clasp skips the push and exits 0',
      { STUB_CLASP_OUT: 'Skipping push.\n' },
      /Deploy failed: clasp push exited 0 without saying it pushed/,
    ],
  ])('%s: the deploy fails', (_case, env, message) => {
    const box = sandbox();
    box.write('.clasp.json', project(SCRIPT_ID));
    const run = box.run([NPM, 'run', 'deploy'], env);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).not.toContain('Deployed');
  });
});

describe('a project file that cannot be pushed to is refused before any step runs', () => {
  const example = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
  test.each([
    ['missing .clasp.json', 'deploy', '.clasp.json', undefined, /\.clasp\.json is missing/],
    ['missing .clasp.prod.json', 'deploy:prod', '.clasp.prod.json', undefined, /\.clasp\.prod\.json is missing/],
    [
      '.clasp.json copied from the example (placeholder)',
      'deploy',
      '.clasp.json',
      example('.clasp.json.example'),
      /\.clasp\.json holds no script ID .*placeholder/,
    ],
    [
      '.clasp.prod.json copied from the example (placeholder)',
      'deploy:prod',
      '.clasp.prod.json',
      example('.clasp.prod.json.example'),
      /\.clasp\.prod\.json holds no script ID .*placeholder/,
    ],
    ['.clasp.json not JSON', 'deploy', '.clasp.json', '{ "scriptId": ', /\.clasp\.json is not valid JSON/],
    [
      'rootDir "."',
      'deploy',
      '.clasp.json',
      project(SCRIPT_ID, { rootDir: '.' }),
      /would push "\.", not build\//,
    ],
    [
      'srcDir, which clasp prefers',
      'deploy',
      '.clasp.json',
      project(SCRIPT_ID, { srcDir: 'src' }),
      /would push "src", not build\//,
    ],
    [
      'no .js extension',
      'deploy',
      '.clasp.json',
      project(SCRIPT_ID, { scriptExtensions: ['.gs'] }),
      /without "\.js"/,
    ],
  ])('%s (npm run %s)', (_case, script, file, content, message) => {
    const box = sandbox();
    if (content !== undefined) box.write(file, content);
    // The other project file is fine: only the one this deploy uses counts.
    box.write(file === '.clasp.json' ? '.clasp.prod.json' : '.clasp.json', project(SCRIPT_ID));
    const run = box.run([NPM, 'run', script]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/Deploy refused: /);
    expect(run.stderr).toMatch(message);
    expect(box.calls()).toEqual([]);
  });

  test('the refusal says how to get a project file', () => {
    const box = sandbox();
    const run = box.run([NPM, 'run', 'deploy']);
    expect(run.stderr).toContain('npx clasp create-script --type sheets --title "AODocs Jobs" --rootDir build');
    expect(run.stderr).toContain('npm run use-script -- <script ID>');
  });
});

describe('npm run use-script', () => {
  const read = (box: Sandbox, file: string) => JSON.parse(fs.readFileSync(path.join(box.dir, file), 'utf8'));

  test('writes .clasp.json from a script ID, which deploy then accepts', () => {
    const box = sandbox();
    const run = box.run([NPM, 'run', 'use-script', '--', SCRIPT_ID]);
    expect(run.status).toBe(0);
    expect(read(box, '.clasp.json')).toEqual({ scriptId: SCRIPT_ID, rootDir: 'build' });
    expect(run.stdout).toContain(`.clasp.json now pushes build/ to script ${SCRIPT_ID}; next: \`npm run deploy\`.`);
    expect(box.run([NPM, 'run', 'deploy']).status).toBe(0);
  });

  test('--prod writes .clasp.prod.json; the editor URL is accepted for the ID', () => {
    const box = sandbox();
    const url = `https://script.google.com/u/0/home/projects/${OTHER_ID}/edit`;
    expect(box.run(['node', 'scripts/use-script.js', url, '--prod']).status).toBe(0);
    expect(read(box, '.clasp.prod.json')).toEqual({ scriptId: OTHER_ID, rootDir: 'build' });
    expect(fs.existsSync(path.join(box.dir, '.clasp.json'))).toBe(false);
  });

  test.each(['<your Apps Script script ID>', 'abc', `${SCRIPT_ID}!`])('refuses "%s" and writes nothing', (id) => {
    const box = sandbox();
    const run = box.run(['node', 'scripts/use-script.js', id]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('is not an Apps Script script ID');
    expect(fs.existsSync(path.join(box.dir, '.clasp.json'))).toBe(false);
  });

  test('replaces another script ID only with --force; keeps what clasp wrote for the same script', () => {
    const box = sandbox();
    box.write('.clasp.json', project(SCRIPT_ID, { parentId: ['1parent'], srcDir: 'x' }));
    const refused = box.run(['node', 'scripts/use-script.js', OTHER_ID]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`.clasp.json already points at script ${SCRIPT_ID}; add --force`);
    expect(box.run(['node', 'scripts/use-script.js', SCRIPT_ID]).status).toBe(0);
    expect(read(box, '.clasp.json')).toEqual({ scriptId: SCRIPT_ID, rootDir: 'build', parentId: ['1parent'] });
    expect(box.run(['node', 'scripts/use-script.js', OTHER_ID, '--force']).status).toBe(0);
    expect(read(box, '.clasp.json')).toEqual({ scriptId: OTHER_ID, rootDir: 'build' });
  });

  test('a wrong usage prints the usage', () => {
    const run = sandbox().run(['node', 'scripts/use-script.js']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Usage: npm run use-script -- <script ID');
  });
});

describe("the build/ that `clasp create-script --rootDir build` leaves (the new script's own Code.js and manifest)", () => {
  // build-if-stale.js on a copy of the layout it checks: the tests and `npm start` must rebuild, not run it.
  function layout() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'build-stale-'));
    sandboxes.push(dir);
    for (const folder of ['build-tools', 'src', 'build']) fs.mkdirSync(path.join(dir, folder));
    fs.copyFileSync(path.join(root, 'build-tools/build-if-stale.js'), path.join(dir, 'build-tools/build-if-stale.js'));
    fs.copyFileSync(path.join(root, 'appsscript.json'), path.join(dir, 'appsscript.json'));
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
    for (const file of ['webpack.config.js', 'src/index.ts']) fs.writeFileSync(path.join(dir, file), '');
    const past = new Date(Date.now() - 60_000);
    for (const file of ['build-tools/build-if-stale.js', 'appsscript.json', 'package.json', 'webpack.config.js']) {
      fs.utimesSync(path.join(dir, file), past, past);
    }
    fs.utimesSync(path.join(dir, 'src/index.ts'), past, past);
    fs.utimesSync(path.join(dir, 'src'), past, past);
    fs.writeFileSync(path.join(dir, 'build/Code.js'), '// ours');
    fs.writeFileSync(path.join(dir, 'build/Sidebar.html'), '<!-- ours -->');
    fs.copyFileSync(path.join(root, 'appsscript.json'), path.join(dir, 'build/appsscript.json'));
    // In its own process: Jest's module sandbox does not load files outside the repository.
    const isBuildStale = () => {
      const code = "process.stdout.write(String(require('./build-tools/build-if-stale.js').isBuildStale()))";
      const run = spawnSync(process.execPath, ['-e', code], { cwd: dir, encoding: 'utf8' });
      if (!['true', 'false'].includes(run.stdout)) throw new Error(`isBuildStale did not answer:\n${run.stderr}`);
      return run.stdout === 'true';
    };
    return { dir, isBuildStale };
  }

  test('our own build, newer than its sources, is fresh', () => {
    expect(layout().isBuildStale()).toBe(false);
  });

  test('a newer build/ with the script’s default manifest is stale, so it is rebuilt before it is tested', () => {
    const { dir, isBuildStale } = layout();
    // What create-script pulls: the default Code.gs (as Code.js) and the default manifest.
    fs.writeFileSync(path.join(dir, 'build/Code.js'), 'function myFunction() {\n  \n}\n');
    fs.writeFileSync(
      path.join(dir, 'build/appsscript.json'),
      '{\n  "timeZone": "America/New_York",\n  "dependencies": {},\n  "exceptionLogging": "STACKDRIVER",\n  "runtimeVersion": "V8"\n}',
    );
    expect(isBuildStale()).toBe(true);
  });
});
