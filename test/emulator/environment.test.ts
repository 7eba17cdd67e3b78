// createAppsScriptEnvironment and loadBundle: the vm context, executions, clock and realm.
import fs from 'node:fs';
import path from 'node:path';
import { loadBundle } from '../../emulator/bundle-loader';
import { createAppsScriptEnvironment, DEFAULT_BUILD_DIR } from '../../emulator/environment';
import { EmulatedSpreadsheet } from '../../emulator/spreadsheet';
import { closeEnvironments, loadCode, tempBuildDir, testEnvironment } from './services/support/environments';

afterAll(() => closeEnvironments());

const TINY_ADDON = `
  function onOpen(e) {
    SpreadsheetApp.getUi().createAddonMenu().addItem('Open', 'openSidebar').addToUi();
    return e && e.authMode;
  }
  function openSidebar() {
    SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Jobs'));
  }
  function helper_() { return 1; }
  var notAFunction = 3;
  function globalsSeen() {
    return ['require', 'process', 'setTimeout', 'setInterval', 'fetch', 'Buffer', 'window', 'module', 'global',
      'URL', 'TextEncoder', 'structuredClone', 'queueMicrotask']
      .filter(function (name) { return typeof globalThis[name] !== 'undefined'; });
  }
  function services() {
    return ['SpreadsheetApp', 'UrlFetchApp', 'ScriptApp', 'PropertiesService', 'LockService', 'CacheService',
      'HtmlService', 'Utilities', 'Session', 'Logger', 'console']
      .filter(function (name) { return typeof globalThis[name] === 'object'; });
  }
  function nap(ms) { var before = new Date(); Utilities.sleep(ms); return [before.getTime(), Date.now(), new Date() instanceof Date]; }
  function realmChecks() {
    var keys = PropertiesService.getScriptProperties().getKeys();
    var caught;
    try { Utilities.base64Decode('%'); } catch (e) { caught = e; }
    var values = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(1, 1).getValues();
    return [keys instanceof Array, caught instanceof Error, values instanceof Array, values[0][0] instanceof Date];
  }
  function token() { return ScriptApp.getIdentityToken(); }
  function loops() {
    for (var i = 0; i < 100; i++) { try { Utilities.sleep(60000); } catch (e) { /* swallowed: the execution still ends */ } }
    return 'finished';
  }
`;

describe('createAppsScriptEnvironment', () => {
  test('builds one counter, the spreadsheet and every service global', () => {
    const env = testEnvironment();
    expect(env.spreadsheet).toBeInstanceOf(EmulatedSpreadsheet);
    expect(env.globals.SpreadsheetApp).toBe(env.spreadsheet.app);
    expect(Object.keys(env.globals).sort()).toEqual(
      [
        'CacheService',
        'HtmlService',
        'LockService',
        'Logger',
        'PropertiesService',
        'ScriptApp',
        'Session',
        'SpreadsheetApp',
        'UrlFetchApp',
        'Utilities',
        'console',
      ].sort(),
    );
    env.globals.Session.getActiveUser();
    env.spreadsheet.app.getActiveSpreadsheet();
    expect(env.counter.snapshot()).toMatchObject({
      'Session.getActiveUser': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
    });
  });

  test('defaults to <repo>/build and its manifest urlFetchWhitelist', () => {
    const env = createAppsScriptEnvironment();
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(DEFAULT_BUILD_DIR, 'appsscript.json'), 'utf8'));
      expect(env.buildDir).toBe(DEFAULT_BUILD_DIR);
      expect(env.urlFetch.options.allowlist).toEqual(manifest.urlFetchWhitelist);
      expect(env.globals.Session.getScriptTimeZone()).toBe(manifest.timeZone);
    } finally {
      env.close();
    }
  });
});

describe('loadBundle', () => {
  test('lists the top-level functions only', () => {
    const bundle = loadCode(testEnvironment(), TINY_ADDON);
    expect(bundle.functionNames()).toEqual([
      'onOpen',
      'openSidebar',
      'helper_',
      'globalsSeen',
      'services',
      'nap',
      'realmChecks',
      'token',
      'loops',
    ]);
  });

  test('the context has the services and none of Node: no require, process, setTimeout, fetch, Buffer, window', () => {
    const bundle = loadCode(testEnvironment(), TINY_ADDON);
    expect(bundle.run('globalsSeen')).toEqual([]);
    expect(bundle.run('services')).toHaveLength(11);
  });

  test('run calls a function as a trigger or menu click does, with the event as given', () => {
    const env = testEnvironment({ buildDir: tempBuildDir({ 'Sidebar.html': '<b>sidebar</b>' }) });
    const bundle = loadCode(env, TINY_ADDON);
    expect(bundle.run('onOpen', { authMode: env.globals.ScriptApp.AuthMode.LIMITED })).toBe('LIMITED');
    expect(env.spreadsheet.ui.menus[0].items).toEqual([{ caption: 'Open', functionName: 'openSidebar' }]);
    bundle.run('openSidebar');
    expect(env.spreadsheet.ui.sidebar).toEqual({ title: 'Jobs', content: '<b>sidebar</b>' });
  });

  test('an unknown function fails the execution with "Script function not found"', () => {
    expect(() => loadCode(testEnvironment(), TINY_ADDON).run('nope')).toThrow('Script function not found: nope');
  });

  test('each run or call is one execution: counted, timed and listed', () => {
    const env = testEnvironment();
    const bundle = loadCode(env, TINY_ADDON);
    bundle.run('services');
    bundle.callFromClient('services');
    expect(() => bundle.run('nope')).toThrow();
    expect(bundle.executions).toBe(3);
    expect(env.counter.snapshot()['Script.execution']).toBe(3);
    expect(bundle.executionLog.map(({ functionName, kind, ok }) => [functionName, kind, ok])).toEqual([
      ['services', 'run', true],
      ['services', 'client', true],
      ['nope', 'run', false],
    ]);
    expect(typeof bundle.executionLog[0].wallMs).toBe('number');
    expect(bundle.executionLog[0].virtualMs).toBeNull();
  });

  test('values from services and the spreadsheet belong to the bundle realm (instanceof holds)', () => {
    const env = testEnvironment();
    env.spreadsheet.addSheet('Data', [['2024-01-02']]);
    expect(loadCode(env, TINY_ADDON).run('realmChecks')).toEqual([true, true, true, true]);
  });

  test('freshGlobalsPerExecution: false keeps one context for every execution', () => {
    const env = testEnvironment();
    const file = path.join(tempBuildDir(), 'Code.js');
    fs.writeFileSync(file, 'var n = 0; function bump() { return ++n; }');
    const bundle = loadBundle(env, file, { freshGlobalsPerExecution: false });
    expect([bundle.run('bump'), bundle.run('bump')]).toEqual([1, 2]);
  });
});

describe('callFromClient cloning', () => {
  const code = `function inspect(a) { return { isArray: a.list instanceof Array, isObject: a instanceof Object, keys: Object.keys(a), list: a.list }; }`;

  test('arguments arrive as plain data of the bundle realm: undefined properties dropped, NaN as null', () => {
    const bundle = loadCode(testEnvironment(), code);
    expect(bundle.callFromClient('inspect', { list: [1, undefined, NaN], gone: undefined })).toEqual({
      isArray: true,
      isObject: true,
      keys: ['list'],
      list: [1, null, null],
    });
  });

  test('a circular argument fails in the client', () => {
    const bundle = loadCode(testEnvironment(), code);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => bundle.callFromClient('inspect', loop)).toThrow('illegal value in property: 0.self');
  });

  test('functions that do not exist cannot be called from the client', () => {
    expect(() => loadCode(testEnvironment(), code).callFromClient('missing')).toThrow(
      'google.script.run.missing is not a function',
    );
  });
});

describe('clock', () => {
  test('with the virtual clock the script Date follows it: sleep moves time without waiting', () => {
    const env = testEnvironment({ clock: { mode: 'virtual', start: Date.UTC(2030, 0, 1) } });
    const bundle = loadCode(env, TINY_ADDON);
    const [before, after, isDate] = bundle.run('nap', 90_000) as [number, number, boolean];
    expect(before).toBe(Date.UTC(2030, 0, 1));
    expect(after - before).toBe(90_000);
    expect(isDate).toBe(true);
    expect(bundle.executionLog[0].virtualMs).toBe(90_000);
  });

  test('an execution past its time limit ends with "Exceeded maximum execution time", even if the script catches', () => {
    const env = testEnvironment({ clock: 'virtual' });
    expect(() => loadCode(env, TINY_ADDON).run('loops')).toThrow('Exceeded maximum execution time');
    expect(env.executions.log[0]).toMatchObject({ ok: false, virtualMs: 6 * 60 * 1000 });
  });
});

describe('controls', () => {
  test('a test can withdraw the identity token between two calls of one execution', () => {
    const env = testEnvironment();
    const bundle = loadCode(
      env,
      `function twice() {
         var first = ScriptApp.getIdentityToken();
         Utilities.sleep(1);
         return [typeof first, ScriptApp.getIdentityToken()];
       }`,
    );
    const sleep = env.globals.Utilities.sleep;
    env.globals.Utilities.sleep = (ms: number) => {
      env.scriptApp.setIdentityToken(null);
      sleep(ms);
    };
    expect(bundle.run('twice')).toEqual(['string', null]);
  });

  test('what the script logs is captured with its level, and tokens can be checked for', () => {
    const env = testEnvironment();
    const bundle = loadCode(
      env,
      `function chatty() { Logger.log('a %s', 1); console.warn('careful', { n: 2 }); console.error(new Error('bad')); }`,
    );
    bundle.run('chatty');
    expect(env.logs.entries.map(({ level, source, message }) => [level, source, message])).toEqual([
      ['info', 'Logger', 'a 1'],
      ['warn', 'console', 'careful {"n":2}'],
      ['error', 'console', 'Error: bad'],
    ]);
    const token = env.globals.ScriptApp.getIdentityToken() as string;
    expect(env.logs.contains(token)).toBe(false);
  });
});

describe('the real bundle', () => {
  test('build/Code.js loads, builds its menu and opens the sidebar from build/Sidebar.html', () => {
    const env = createAppsScriptEnvironment();
    try {
      const bundle = loadBundle(env);
      expect(bundle.functionNames()).toEqual(expect.arrayContaining(['onOpen', 'openSidebar']));
      bundle.run('onOpen', { authMode: 'LIMITED' });
      expect(env.spreadsheet.ui.menus).toHaveLength(1);
      bundle.run('openSidebar');
      expect(env.spreadsheet.ui.sidebar?.content).toBe(
        fs.readFileSync(path.join(DEFAULT_BUILD_DIR, 'Sidebar.html'), 'utf8'),
      );
    } finally {
      env.close();
    }
  });
});
