// The user's settings, their defaults and their bounds. Stored per user; validated on every save and read.

export const PRODUCTION_BASE_URL = 'https://aodocs.altirnao.com/api';
export const STAGING_BASE_URL = 'https://aodocs-staging.altirnao.com/api';

export type AuthMode = 'identity-token' | 'oauth-token' | 'security-code';

export interface Settings {
  baseUrl: string;
  domain: string;
  authMode: AuthMode;
  chunkSize: number;
  skipHiddenRows: boolean;
  skipFinishedRows: boolean;
  writeLog: boolean;
  runCap: number;
}

export const CHUNK_SIZE_LIMITS = { min: 1, max: 50 } as const;
export const RUN_CAP_LIMITS = { min: 1, max: 20000 } as const;
/** Chunks the sidebar keeps in flight: google.script.run allows 10 concurrent calls, users 30 executions. */
export const CHUNKS_IN_FLIGHT = 2;

export const DEFAULT_SETTINGS: Settings = {
  baseUrl: PRODUCTION_BASE_URL,
  domain: '',
  authMode: 'identity-token',
  chunkSize: 20,
  skipHiddenRows: true,
  skipFinishedRows: true,
  writeLog: true,
  runCap: 5000,
};

/** Settings read back from storage: anything missing or malformed falls back to its default. */
export function settingsFromStorage(stored: string | null): Settings {
  let raw: Record<string, unknown> = {};
  try {
    const parsed: unknown = stored ? JSON.parse(stored) : {};
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      raw = parsed as Record<string, unknown>;
  } catch {
    raw = {};
  }
  const pick = <K extends keyof Settings>(key: K, ok: (v: unknown) => boolean): Settings[K] =>
    ok(raw[key]) ? (raw[key] as Settings[K]) : DEFAULT_SETTINGS[key];
  const inRange = (limits: { min: number; max: number }) => (v: unknown) =>
    Number.isInteger(v) && (v as number) >= limits.min && (v as number) <= limits.max;
  return {
    baseUrl: pick('baseUrl', (v) => typeof v === 'string' && /^https:\/\/[^/?#\s]+\/\S*[^/]$/.test(v)),
    domain: pick('domain', (v) => typeof v === 'string'),
    authMode: pick('authMode', (v) => v === 'identity-token' || v === 'oauth-token' || v === 'security-code'),
    chunkSize: pick('chunkSize', inRange(CHUNK_SIZE_LIMITS)),
    skipHiddenRows: pick('skipHiddenRows', (v) => typeof v === 'boolean'),
    skipFinishedRows: pick('skipFinishedRows', (v) => typeof v === 'boolean'),
    writeLog: pick('writeLog', (v) => typeof v === 'boolean'),
    runCap: pick('runCap', inRange(RUN_CAP_LIMITS)),
  };
}
