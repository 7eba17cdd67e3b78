/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': '<rootDir>/build-tools/jest-esbuild-transform.js' },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Bundle and browser suites need build/: test/global-setup.js builds it once when missing or stale.
  globalSetup: '<rootDir>/test/global-setup.js',
  testTimeout: 30000,
};
