// `npm test`: runs Jest and ends with the plain line "N passed, N failed", which CI reads (it cannot read
// Jest's own summary). Extra arguments go to Jest, e.g. `npm test -- test/core`.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const resultsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jest-results-')), 'results.json');
const jest = require.resolve('jest/bin/jest');
const run = spawnSync(process.execPath, [jest, '--json', `--outputFile=${resultsFile}`, ...process.argv.slice(2)], {
  stdio: 'inherit',
});

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
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || run.status !== 0 ? 1 : 0);
