import type { CallCounter } from '../call-counter';
import { counted } from './counted';
import type { ScriptRealm } from './script-realm';
import type { UserState } from './session';

/** "Properties value size: 9 KB / value" and "Properties total storage: 500 KB / property store" (quotas page). */
export const PROPERTY_VALUE_LIMIT_BYTES = 9 * 1024;
export const PROPERTY_STORE_LIMIT_BYTES = 500 * 1024;
/** Apps Script's messages for the two limits, as scripts report them. */
export const PROPERTY_VALUE_TOO_LARGE = 'Argument too large: value';
export const PROPERTY_QUOTA_EXCEEDED =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

/**
 * The three property stores of one environment. They outlive executions, as in Apps Script; user stores are per
 * email. Tests read and seed them directly (not counted).
 */
export class PropertyStores {
  readonly script = new Map<string, string>();
  readonly document = new Map<string, string>();
  private readonly users = new Map<string, Map<string, string>>();

  constructor(private readonly userState: UserState) {}

  /** The store of `email` (default: the current user). */
  user(email: string = this.userState.email): Map<string, string> {
    let store = this.users.get(email);
    if (!store) this.users.set(email, (store = new Map()));
    return store;
  }
}

function byteSize(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function storeSize(store: Map<string, string>): number {
  let size = 0;
  for (const [key, value] of store) size += byteSize(key) + byteSize(value);
  return size;
}

/** Properties (https://developers.google.com/apps-script/reference/properties/properties). */
function createProperties(counter: CallCounter, realm: ScriptRealm, store: Map<string, string>) {
  /** Writes `entries` all or nothing, after the per-value and per-store limits. */
  const write = (entries: [string, string][], replaceAll: boolean): void => {
    for (const [key, value] of entries) {
      if (byteSize(key) + byteSize(value) > PROPERTY_VALUE_LIMIT_BYTES) throw realm.exception(PROPERTY_VALUE_TOO_LARGE);
    }
    const next = new Map(replaceAll ? [] : store);
    for (const [key, value] of entries) next.set(key, value);
    if (storeSize(next) > PROPERTY_STORE_LIMIT_BYTES) throw realm.exception(PROPERTY_QUOTA_EXCEEDED);
    store.clear();
    for (const [key, value] of next) store.set(key, value);
  };
  return counted(counter, 'Properties', {
    getProperty: (key: string): string | null => store.get(String(key)) ?? null,
    setProperty(key: string, value: unknown) {
      write([[String(key), String(value)]], false);
      return this;
    },
    setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean) {
      write(
        Object.entries(properties).map(([key, value]) => [key, String(value)]),
        deleteAllOthers === true,
      );
      return this;
    },
    getProperties: (): Record<string, string> => realm.record(Object.fromEntries(store)),
    getKeys: (): string[] => realm.array(store.keys()),
    deleteProperty(key: string) {
      store.delete(String(key));
      return this;
    },
    deleteAllProperties() {
      store.clear();
      return this;
    },
  });
}

export type Properties = ReturnType<typeof createProperties>;

/** PropertiesService (https://developers.google.com/apps-script/reference/properties/properties-service). */
export function createPropertiesService(counter: CallCounter, realm: ScriptRealm, stores: PropertyStores) {
  return counted(counter, 'PropertiesService', {
    getScriptProperties: (): Properties => createProperties(counter, realm, stores.script),
    getUserProperties: (): Properties => createProperties(counter, realm, stores.user()),
    getDocumentProperties: (): Properties => createProperties(counter, realm, stores.document),
  });
}
