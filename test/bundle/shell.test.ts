// The bundle as clasp pushes it: its top-level functions exist and the shell behaves as Apps Script expects.
import fs from 'node:fs';
import path from 'node:path';
import { createAppsScriptEnvironment } from '../../emulator/environment';
import { loadBundle } from '../../emulator/bundle-loader';

const env = createAppsScriptEnvironment();
afterAll(() => env.close());
const bundle = loadBundle(env);

test('build/Code.js exposes exactly the public functions of src/server/index.ts as top-level functions', () => {
  expect([...bundle.functionNames()].sort()).toEqual(
    [
      'onOpen',
      'onInstall',
      'openSidebar',
      'openSidebarToCancel',
      'getSidebarState',
      'readSelectionPlan',
      'chooseIdColumn',
      'askIdColumn',
      'readHiddenRows',
      'runChunk',
      'stopRun',
      'selectRows',
      'runDiagnostics',
      'diagnostics',
      'diagnosticsPing',
      'readDiagnosticsCache',
      'getSettings',
      'saveSettings',
      'checkConnection',
      'loadLibraryPage',
      'readJobErrors',
    ].sort(),
  );
});

test.each(['LIMITED', 'NONE'])(
  'onOpen in AuthMode.%s builds Extensions > AODocs Jobs and calls nothing else',
  (authMode) => {
    env.spreadsheet.ui.menus.length = 0;
    env.counter.reset();
    bundle.run('onOpen', { authMode });
    expect(env.spreadsheet.ui.menus).toEqual([
      {
        title: 'AODocs Jobs',
        items: [
          { caption: 'Open sidebar', functionName: 'openSidebar' },
          { caption: 'Cancel selected jobs...', functionName: 'openSidebarToCancel' },
        ],
        subMenus: [],
      },
    ]);
    const calls = Object.keys(env.counter.snapshot()).filter((k) => !k.startsWith('Script.'));
    expect(calls.sort()).toEqual(['Menu.addItem', 'Menu.addToUi', 'SpreadsheetApp.getUi', 'Ui.createAddonMenu'].sort());
  },
);

test('onInstall builds the same menu', () => {
  env.spreadsheet.ui.menus.length = 0;
  bundle.run('onInstall', { authMode: 'FULL' });
  expect(env.spreadsheet.ui.menus.map((m) => m.items.map((i) => i.functionName))).toEqual([
    ['openSidebar', 'openSidebarToCancel'],
  ]);
});

test('loading the bundle calls no service at global scope', () => {
  const fresh = createAppsScriptEnvironment();
  try {
    loadBundle(fresh);
    expect(Object.keys(fresh.counter.snapshot()).filter((k) => !k.startsWith('Script.'))).toEqual([]);
  } finally {
    fresh.close();
  }
});

test('openSidebar shows build/Sidebar.html titled "AODocs Jobs"', () => {
  bundle.run('openSidebar');
  expect(env.spreadsheet.ui.sidebar?.title).toBe('AODocs Jobs');
  expect(env.spreadsheet.ui.sidebar?.content).toBe(fs.readFileSync(path.join(env.buildDir, 'Sidebar.html'), 'utf8'));
});

test('"Cancel selected jobs..." opens the sidebar on the cancel step, once', () => {
  bundle.run('openSidebarToCancel');
  expect(env.spreadsheet.ui.sidebar?.title).toBe('AODocs Jobs');
  expect(bundle.callFromClient('getSidebarState')).toMatchObject({
    startWithCancel: true,
    piecesInFlight: 6,
  });
  expect(bundle.callFromClient('getSidebarState')).toMatchObject({ startWithCancel: false });
  bundle.run('openSidebar');
  expect(bundle.callFromClient('getSidebarState')).toMatchObject({ startWithCancel: false });
});
