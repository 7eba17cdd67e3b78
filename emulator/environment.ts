import path from 'node:path';
import type vm from 'node:vm';
import { CallCounter } from './call-counter';
import { readManifest } from './manifest';
import { CacheStores, createCacheService } from './services/cache-service';
import { type Clock, type ClockMode, createClock } from './services/clock';
import { DEFAULT_EXECUTION_LIMIT_MS, Executions } from './services/executions';
import { createHtmlService } from './services/html-service';
import type { GoogleLanguage } from './services/google-language';
import type { IdentityClaims } from './services/identity-token';
import { createLockService, LockTable } from './services/lock-service';
import { createConsole, createLogger, LogStore } from './services/logging';
import { createPropertiesService, PropertyStores } from './services/properties-service';
import { createScriptApp, ScriptAppControl } from './services/script-app';
import { ScriptRealm } from './services/script-realm';
import { createSession, type UserState } from './services/session';
import { createUrlFetchApp, UrlFetchControl, type UrlFetchOptions } from './services/url-fetch/url-fetch-app';
import { createUtilities } from './services/utilities';
import { EmulatedSpreadsheet } from './spreadsheet';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const DEFAULT_BUILD_DIR = path.join(REPO_ROOT, 'build');

export interface AppsScriptEnvironmentOptions {
  /** The user running the script (Session, identity token, user properties/cache/lock). Default user@example.com. */
  userEmail?: string;
  locale?: string;
  /** The language Apps Script words its exception messages in (default 'en'); `env.user.language` changes it. */
  language?: GoogleLanguage;
  /** Script and spreadsheet time zone. Default: the manifest's timeZone, else Etc/UTC. */
  timeZone?: string;
  /** Where Code.js, the HTML files and appsscript.json are. Default `<repo>/build`. */
  buildDir?: string;
  spreadsheetName?: string;
  /** `allowlist` defaults to `<buildDir>/appsscript.json`'s urlFetchWhitelist; pass null to turn it off. */
  urlFetch?: UrlFetchOptions;
  /** 'real' (default) or 'virtual' (time moves only when the script sleeps or waits, or a test advances it). */
  clock?: ClockMode | { mode: ClockMode; start?: number };
  /** Claims of the identity token (merged over defaults), or null for "openid not granted". */
  identity?: Partial<IdentityClaims> | null;
  scriptId?: string;
  /** Apps Script's 6 minutes by default. */
  executionTimeLimitMs?: number;
  /** Also print what the script logs. */
  echoLogs?: boolean;
  /** A plain-text ('@') cell keeps a written leading apostrophe as a character (unverified on Sheets). */
  plainTextKeepsApostrophe?: boolean;
}

/** The globals an Apps Script V8 project sees (the services this add-on uses), ready to install in a vm context. */
export interface AppsScriptGlobals {
  SpreadsheetApp: unknown;
  UrlFetchApp: ReturnType<typeof createUrlFetchApp>;
  ScriptApp: ReturnType<typeof createScriptApp>;
  PropertiesService: ReturnType<typeof createPropertiesService>;
  LockService: ReturnType<typeof createLockService>;
  CacheService: ReturnType<typeof createCacheService>;
  HtmlService: ReturnType<typeof createHtmlService>;
  Utilities: ReturnType<typeof createUtilities>;
  Session: ReturnType<typeof createSession>;
  Logger: ReturnType<typeof createLogger>;
  console: ReturnType<typeof createConsole>;
}

export interface AppsScriptEnvironment {
  readonly counter: CallCounter;
  readonly spreadsheet: EmulatedSpreadsheet;
  readonly clock: Clock;
  /** The user running the script; change `email` between executions to switch user. */
  readonly user: UserState;
  readonly urlFetch: UrlFetchControl;
  readonly scriptApp: ScriptAppControl;
  readonly properties: PropertyStores;
  readonly caches: CacheStores;
  readonly locks: LockTable;
  readonly logs: LogStore;
  readonly executions: Executions;
  readonly globals: AppsScriptGlobals;
  readonly buildDir: string;
  /** The realm services build values in (the running execution's context). */
  readonly realm: ScriptRealm;
  /** Makes `context` the realm services build their values in (the bundle loader calls it per execution). */
  enterRealm(context: vm.Context): void;
  /** Stops the HTTP worker thread. */
  close(): void;
}

function clockOf(option: AppsScriptEnvironmentOptions['clock']): Clock {
  if (option === undefined || typeof option === 'string') return createClock(option ?? 'real');
  return createClock(option.mode, option.start);
}

/** One emulated Apps Script project bound to one spreadsheet, its state kept across executions. */
export function createAppsScriptEnvironment(options: AppsScriptEnvironmentOptions = {}): AppsScriptEnvironment {
  const buildDir = options.buildDir ?? DEFAULT_BUILD_DIR;
  const manifest = readManifest(buildDir);
  const timeZone = options.timeZone ?? manifest.timeZone ?? 'Etc/UTC';
  const scriptId = options.scriptId ?? '1EmulatedScriptId0000000000000000000000000000000000000';
  const counter = new CallCounter();
  const clock = clockOf(options.clock);
  const realm = new ScriptRealm();
  const executions = new Executions(counter, clock, realm, options.executionTimeLimitMs ?? DEFAULT_EXECUTION_LIMIT_MS);
  const user: UserState = {
    email: options.userEmail ?? 'user@example.com',
    locale: options.locale ?? 'en',
    timeZone,
    language: options.language ?? 'en',
  };
  const logs = new LogStore(options.echoLogs ?? false);
  const urlFetch = new UrlFetchControl({
    ...options.urlFetch,
    allowlist:
      options.urlFetch?.allowlist === undefined ? (manifest.urlFetchWhitelist ?? null) : options.urlFetch.allowlist,
  });
  const scriptApp = new ScriptAppControl(user, clock, scriptId, options.identity === undefined ? {} : options.identity);
  const properties = new PropertyStores(user);
  const caches = new CacheStores(user);
  const locks = new LockTable(clock, executions, user);
  const spreadsheet = new EmulatedSpreadsheet({
    name: options.spreadsheetName,
    timeZone,
    counter,
    plainTextKeepsApostrophe: options.plainTextKeepsApostrophe,
  });

  const globals: AppsScriptGlobals = {
    SpreadsheetApp: spreadsheet.app,
    UrlFetchApp: createUrlFetchApp(
      {
        counter,
        realm,
        executions,
        scriptId,
        now: clock.now,
        language: () => user.language,
        sleep: (ms) => clock.sleep(ms),
      },
      urlFetch,
    ),
    ScriptApp: createScriptApp(counter, scriptApp, manifest.oauthScopes ?? []),
    PropertiesService: createPropertiesService(counter, realm, properties),
    LockService: createLockService(counter, realm, locks),
    CacheService: createCacheService(counter, realm, clock, caches),
    HtmlService: createHtmlService(counter, realm, buildDir),
    Utilities: createUtilities({ counter, realm, clock, executions }),
    Session: createSession(counter, user, scriptId),
    Logger: createLogger(counter, logs, executions),
    console: createConsole(counter, logs, executions),
  };

  return {
    counter,
    spreadsheet,
    clock,
    user,
    urlFetch,
    scriptApp,
    properties,
    caches,
    locks,
    logs,
    executions,
    globals,
    buildDir,
    realm,
    enterRealm(context) {
      realm.enter(context);
      spreadsheet.useRealm(realm.intrinsicsOf());
    },
    close: () => urlFetch.close(),
  };
}
