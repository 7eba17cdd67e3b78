// ESLint flat config: typescript-eslint everywhere, each folder with the globals of where it runs.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const globals = require('globals');
const prettier = require('eslint-config-prettier');

// The Apps Script services, as globals. Only src/server may use them.
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

// The src/core modules the sidebar may import (it bundles them for the browser). Add one here on purpose.
const CLIENT_CORE_MODULES = [
  'authorization-link',
  'diagnostics',
  'hidden-rows',
  'library-listing',
  'log-rows',
  'next-steps',
  'run-schedule',
  'settings',
  'wording',
];

/** A regex for a relative import that reaches the folder `folder` of src, e.g. '../server/x' or '../../server'. */
function importOf(folder, whole = true) {
  return `^\\.{1,2}/(?:.*/)?${folder}${whole ? '(?:/|$)' : ''}`;
}

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
    languageOptions: { globals: { console: 'readonly' } },
  },
  {
    // Only the adapters in src/server call Apps Script services.
    files: ['src/server/**'],
    languageOptions: { globals: Object.fromEntries(APPS_SCRIPT_SERVICES.map((name) => [name, 'readonly'])) },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: importOf('client'),
              message: 'src/server runs in Apps Script, not in the browser: share types through src/shared instead.',
            },
            {
              regex: importOf('(?:emulator|simulator)'),
              message:
                'src/server is the add-on itself: the emulator and the AODocs simulator stand outside it, for tests only.',
            },
          ],
        },
      ],
    },
  },
  {
    // The dependency rules of src/core: pure TypeScript that tests, the server and the sidebar all run.
    files: ['src/core/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // A relative path other than './x' or '../shared/x', or one that climbs back out with '..'.
              regex: '^\\.(?!(?:/|\\./shared/)(?!(?:.*/)?\\.\\.(?:/|$)))',
              message:
                'src/core is pure TypeScript: it imports only src/core and src/shared, never server or client code.',
            },
            {
              regex: '^(?!\\.)',
              message: 'src/core also runs in the sidebar and in Apps Script: no Node builtin or npm package.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...APPS_SCRIPT_SERVICES.map((name) => ({
          name,
          message: 'src/core is pure TypeScript: Apps Script services are called only by the adapters in src/server.',
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          // Apps Script V8 has no modules at run time, and a dynamic import would hide an arrow from the rules above.
          selector: 'ImportExpression',
          message: 'src/core imports statically only: Apps Script has no dynamic import, and the boundaries must show.',
        },
      ],
    },
  },
  {
    // A folder of src/core (src/core/run/): '../x' is core too, '../../shared/x' is shared; nothing else outside.
    files: ['src/core/*/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.(?!(?:/|\\./|\\./\\.\\./shared/)(?!(?:.*/)?\\.\\.(?:/|$)))',
              message:
                'src/core is pure TypeScript: it imports only src/core and src/shared, never server or client code.',
            },
            {
              regex: '^(?!\\.)',
              message: 'src/core also runs in the sidebar and in Apps Script: no Node builtin or npm package.',
            },
          ],
        },
      ],
    },
  },
  {
    // src/shared holds the DTO types that the sidebar and the server exchange, nothing else.
    files: ['src/shared/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\./(?!(?:.*/)?\\.\\.(?:/|$)))',
              message: 'src/shared is only the types both sides share: it imports nothing outside src/shared.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...APPS_SCRIPT_SERVICES.map((name) => ({
          name,
          message: 'src/shared is also bundled into the sidebar: Apps Script services are called only in src/server.',
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          // Types vanish at build time; a value here would be code that both bundles carry and neither owns.
          selector:
            'Program > :matches(VariableDeclaration, FunctionDeclaration, ClassDeclaration, TSEnumDeclaration, ExpressionStatement, ExportDefaultDeclaration), ExportNamedDeclaration > :matches(VariableDeclaration, FunctionDeclaration, ClassDeclaration, TSEnumDeclaration)',
          message: 'src/shared holds types only: put values and functions in src/core.',
        },
      ],
    },
  },
  {
    // The emulator stands for Apps Script and knows nothing of AODocs: tests put the two together.
    files: ['emulator/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: importOf('simulator'),
              message:
                'The emulator stands for Apps Script and knows nothing of AODocs: it never imports the simulator.',
            },
          ],
        },
      ],
    },
  },
  {
    // The sidebar runs in the browser: it reaches the server through google.script.run only, and bundles only
    // the core modules listed in CLIENT_CORE_MODULES.
    files: ['src/client/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: importOf('server'),
              message:
                'The sidebar runs in the browser: it calls src/server through google.script.run, never by import.',
            },
            {
              regex: `${importOf('core', false)}(?:/(?!(?:${CLIENT_CORE_MODULES.join('|')})$)|$)`,
              message:
                'The sidebar runs in the browser: it imports only the core modules in eslint.config.js CLIENT_CORE_MODULES.',
            },
          ],
        },
      ],
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
