// ESLint flat config: typescript-eslint everywhere, each folder with the globals of where it runs.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const globals = require('globals');
const prettier = require('eslint-config-prettier');

module.exports = tseslint.config(
  { ignores: ['build/', 'coverage/', 'node_modules/', 'screenshots/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // Apps Script V8: no DOM, no Node. The services are typed by @types/google-apps-script.
    files: ['src/core/**', 'src/server/**', 'src/shared/**'],
    languageOptions: {
      globals: {
        SpreadsheetApp: 'readonly',
        UrlFetchApp: 'readonly',
        ScriptApp: 'readonly',
        HtmlService: 'readonly',
        PropertiesService: 'readonly',
        LockService: 'readonly',
        CacheService: 'readonly',
        Utilities: 'readonly',
        Session: 'readonly',
        Logger: 'readonly',
        console: 'readonly',
      },
    },
  },
  {
    // The sidebar never builds HTML from strings: untrusted text goes through textContent only.
    files: ['src/client/**'],
    languageOptions: { globals: { ...globals.browser, google: 'readonly', __APP_VERSION__: 'readonly' } },
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Use textContent: text from AODocs or cells is untrusted.' },
        { property: 'outerHTML', message: 'Use textContent: text from AODocs or cells is untrusted.' },
        { property: 'insertAdjacentHTML', message: 'Build nodes with createElement and textContent.' },
      ],
    },
  },
  {
    files: [
      'test/**',
      'emulator/**',
      'simulator/**',
      'playground/**',
      'scripts/**',
      'bench/**',
      'build-tools/**',
      '*.js',
    ],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
  {
    files: ['build-tools/**', 'scripts/**/*.js', '*.js', 'test/**/*.js', 'emulator/**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Scripts that run inside a browser page (the playground page, the google.script.run bridge).
    files: ['playground/page/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  prettier,
);
