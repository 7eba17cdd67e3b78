const fs = require('node:fs');

// The browser suite needs Debian's Chromium. Without it, `npm test` leaves the suite out and says so in one
// line; in CI (AODOCS_REQUIRE_BROWSER=1) the suite runs anyway and fails loudly.
const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p) => p && fs.existsSync(p),
);
const skipBrowser = !chromium && process.env.AODOCS_REQUIRE_BROWSER !== '1';
if (skipBrowser) {
  console.log('Browser suite skipped: Chromium not found; install it with `apt-get install -y chromium`.');
}

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', ...(skipBrowser ? ['<rootDir>/test/browser/'] : [])],
  transform: { '^.+\\.ts$': '<rootDir>/build-tools/jest-esbuild-transform.js' },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Bundle, playground and browser suites run build/: test/global-setup.js builds it when missing or stale.
  globalSetup: '<rootDir>/test/global-setup.js',
  testTimeout: 30000,
};
