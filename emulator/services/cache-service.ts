import type { CallCounter } from '../call-counter';
import type { Clock } from './clock';
import { counted } from './counted';
import type { ScriptRealm } from './script-realm';
import type { UserState } from './session';

/**
 * Limits of https://developers.google.com/apps-script/reference/cache/cache: keys up to 250 characters, values up to
 * 100 KB, expiry 1 s to 21600 s (default 600), at most 1000 items per cache.
 */
export const CACHE_KEY_MAX_CHARS = 250;
export const CACHE_VALUE_MAX_BYTES = 100 * 1024;
export const CACHE_DEFAULT_TTL_SECONDS = 600;
export const CACHE_MAX_TTL_SECONDS = 21600;
export const CACHE_MAX_ITEMS = 1000;

export interface CacheEntry {
  value: string;
  expiresAt: number;
}

/** The caches of one environment (script, document, one per user), kept across executions. */
export class CacheStores {
  readonly script = new Map<string, CacheEntry>();
  readonly document = new Map<string, CacheEntry>();
  private readonly users = new Map<string, Map<string, CacheEntry>>();

  constructor(private readonly userState: UserState) {}

  user(email: string = this.userState.email): Map<string, CacheEntry> {
    let store = this.users.get(email);
    if (!store) this.users.set(email, (store = new Map()));
    return store;
  }
}

/** Cache (https://developers.google.com/apps-script/reference/cache/cache). */
function createCache(counter: CallCounter, realm: ScriptRealm, clock: Clock, store: Map<string, CacheEntry>) {
  const checkKey = (key: unknown): string => {
    const text = String(key);
    if (text.length > CACHE_KEY_MAX_CHARS) throw realm.exception('Argument too large: key');
    return text;
  };
  const read = (key: string): string | null => {
    const entry = store.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= clock.now()) {
      store.delete(key);
      return null;
    }
    return entry.value;
  };
  const write = (entries: [string, string][], ttlSeconds: unknown): void => {
    const ttl = ttlSeconds === undefined ? CACHE_DEFAULT_TTL_SECONDS : Number(ttlSeconds);
    // Community scripts report "Argument too large: expirationInSeconds" past six hours.
    if (ttl > CACHE_MAX_TTL_SECONDS) throw realm.exception('Argument too large: expirationInSeconds');
    for (const [, value] of entries) {
      if (Buffer.byteLength(value, 'utf8') > CACHE_VALUE_MAX_BYTES) throw realm.exception('Argument too large: value');
    }
    for (const [key, value] of entries) {
      store.delete(key);
      store.set(key, { value, expiresAt: clock.now() + Math.max(1, ttl) * 1000 });
    }
    // Over capacity the oldest entries go first; the docs only say the cache holds at most 1000 items.
    for (const key of store.keys()) {
      if (store.size <= CACHE_MAX_ITEMS) break;
      store.delete(key);
    }
  };
  return counted(counter, 'Cache', {
    get: (key: string): string | null => read(checkKey(key)),
    getAll(keys: string[]): Record<string, string> {
      const found: Record<string, string> = {};
      for (const key of keys) {
        const value = read(checkKey(key));
        if (value !== null) found[String(key)] = value;
      }
      return realm.record(found);
    },
    put(key: string, value: unknown, expirationInSeconds?: number): void {
      write([[checkKey(key), String(value)]], expirationInSeconds);
    },
    putAll(values: Record<string, unknown>, expirationInSeconds?: number): void {
      write(
        Object.entries(values).map(([key, value]) => [checkKey(key), String(value)]),
        expirationInSeconds,
      );
    },
    remove(key: string): void {
      store.delete(checkKey(key));
    },
    removeAll(keys: string[]): void {
      for (const key of keys) store.delete(checkKey(key));
    },
  });
}

export type Cache = ReturnType<typeof createCache>;

/** CacheService (https://developers.google.com/apps-script/reference/cache/cache-service). */
export function createCacheService(counter: CallCounter, realm: ScriptRealm, clock: Clock, stores: CacheStores) {
  return counted(counter, 'CacheService', {
    getScriptCache: (): Cache => createCache(counter, realm, clock, stores.script),
    getUserCache: (): Cache => createCache(counter, realm, clock, stores.user()),
    getDocumentCache: (): Cache => createCache(counter, realm, clock, stores.document),
  });
}
