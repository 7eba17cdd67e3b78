// `npm test`: runs Jest and ends with the plain line "N passed, N failed", which CI reads (it cannot read
// Jest's own summary). Extra arguments go to Jest, e.g. `npm test -- test/core`.
// Jest's JSON results go to a jest-results-* folder of the temp folder, removed at the end whatever happened:
// tests passed or failed, Jest did not start, or this script was stopped (SIGINT, SIGTERM). Jest and everything
// it starts (the playground, the simulator, Chromium's profiles) get a temp folder inside it (TMPDIR, which
// Node's os.tmpdir() and Chromium honour), so that a test run leaves nothing in the temp folder.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-results-'));
const resultsFile = path.join(resultsDir, 'results.json');
const testsTmpDir = path.join(resultsDir, 'tmp');
fs.mkdirSync(testsTmpDir);
const removeResults = () => fs.rmSync(resultsDir, { recursive: true, force: true });
// Even if something below throws.
process.once('exit', removeResults);

/** Passed and failed counts from Jest's results file, a failure when there is none. */
function count() {
  let passed = 0;
  let failed;
  try {
    const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    passed = results.numPassedTests;
    // A suite that failed to load has no failed test but must count as a failure.
    failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    if (results.numPendingTests + results.numTodoTests > 0) {
      console.error(
        `${results.numPendingTests + results.numTodoTests} tests were skipped: a skipped test is not a pass.`,
      );
      failed += results.numPendingTests + results.numTodoTests;
    }
  } catch {
    console.error('Jest wrote no results: it did not run.');
    failed = 1;
  }
  if (passed + failed === 0) {
    failed = 1;
    console.error('No test ran.');
  }
  return { passed, failed };
}

const jest = require.resolve('jest/bin/jest');
const child = spawn(process.execPath, [jest, '--json', `--outputFile=${resultsFile}`, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, TMPDIR: testsTmpDir },
});
// Stopped from outside: Jest is stopped too (Ctrl+C already reaches it through the terminal), and this script
// stays alive until Jest has ended, to remove the results folder.
let stoppedBy;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stoppedBy = signal;
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}
child.once('error', (error) => console.error(`Jest did not start: ${error.message}`));
child.once('close', (status, signal) => {
  const { passed, failed } = count();
  removeResults();
  console.log(`${passed} passed, ${failed} failed`);
  if (stoppedBy) process.exit(128 + os.constants.signals[stoppedBy]);
  process.exit(failed > 0 || status !== 0 || signal !== null ? 1 : 0);
});
