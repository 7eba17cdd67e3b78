// `npm run deploy` (test script, .clasp.json) and `npm run deploy:prod` (`--prod`, .clasp.prod.json): checks the
// project file first, then lint, type check, tests and build, then `clasp --project <file> push --force`. The first
// step that fails stops the deploy; nothing is pushed unless every step passed.
//
// Why --force: without it, clasp 3.4.1's push asks "Manifest file has been updated. Do you want to push and
// overwrite?" whenever appsscript.json differs from the remote one (always on a first push), and without a
// terminal it answers no by itself, prints "Skipping push." and exits 0 (node_modules/@google/clasp/build/src/
// commands/push.js: confirmManifestUpdate returns false when !isInteractive(); isInteractive() is
// process.stdout.isTTY in commands/utils.js). With --force that question is never asked. clasp's output is still
// read: a run that does not say it pushed is a failure, since some clasp errors exit 0 (src/index.js ignores
// CommanderError).
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { PROJECT_FILES, ProjectFileError, checkProjectFile } = require('./clasp-project');

const root = path.resolve(__dirname, '..');

function fail(message, code = 1) {
  console.error(message);
  process.exit(code);
}

const args = process.argv.slice(2);
if (args.some((a) => a !== '--prod')) fail('Usage: node scripts/deploy.js [--prod]', 2);
const projectFile = args.includes('--prod') ? PROJECT_FILES.prod : PROJECT_FILES.test;

let scriptId;
try {
  scriptId = checkProjectFile(root, projectFile);
} catch (error) {
  if (!(error instanceof ProjectFileError)) throw error;
  fail(`Deploy refused: ${error.message}`);
}

const CHECKS = [['run', 'lint'], ['run', 'typecheck'], ['test'], ['run', 'build']];
for (const npmArgs of CHECKS) {
  const shown = `npm ${npmArgs.join(' ')}`;
  console.log(`\ndeploy: ${shown}`);
  const run = spawnSync('npm', npmArgs, { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    const why = run.error ? run.error.message : run.signal ? `killed by ${run.signal}` : `exit code ${run.status}`;
    fail(`Deploy stopped: \`${shown}\` failed (${why}); nothing was pushed.`);
  }
}

// `npm run deploy` puts node_modules/.bin first on PATH; run directly, the script still finds the project's clasp.
const PATH = [process.env.PATH, path.join(root, 'node_modules', '.bin')].filter(Boolean).join(path.delimiter);
const claspArgs = ['--project', projectFile, 'push', '--force'];
console.log(`\ndeploy: clasp ${claspArgs.join(' ')} (script ${scriptId})`);
// stdout is read (and echoed), so clasp sees no terminal: no spinner, and no question it could answer by itself.
const push = spawnSync('clasp', claspArgs, {
  cwd: root,
  env: { ...process.env, PATH },
  stdio: ['ignore', 'pipe', 'inherit'],
  encoding: 'utf8',
});
process.stdout.write(push.stdout ?? '');
if (push.error) fail(`Deploy failed: clasp did not run (${push.error.message}); run \`npm ci\` first.`);
if (push.status !== 0) {
  fail(
    `Deploy failed: clasp push ended with ${push.signal ?? `exit code ${push.status}`} (its message is above). ` +
      'Not logged in: `npx clasp login`. Apps Script API not enabled: turn on "Google Apps Script API" at ' +
      'https://script.google.com/home/usersettings.',
  );
}
if (!/^(Pushed \d+ files at .*|Script is already up to date\.)$/m.test(push.stdout)) {
  fail('Deploy failed: clasp push exited 0 without saying it pushed (see above): treat the script as not updated.');
}
console.log(`Deployed build/ to script ${scriptId} (${projectFile}).`);
