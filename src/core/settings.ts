// The user's settings, their defaults and their bounds. Stored per user; validated on every save and read.
import type { AuthModeName, SettingsInput } from '../shared/api';

export const PRODUCTION_BASE_URL = 'https://aodocs.altirnao.com/api';
export const STAGING_BASE_URL = 'https://aodocs-staging.altirnao.com/api';

export type AuthMode = AuthModeName;
const AUTH_MODES: AuthMode[] = ['identity-token', 'oauth-token', 'security-code'];

export interface Settings {
  baseUrl: string;
  domain: string;
  authMode: AuthMode;
  chunkSize: number;
  /** Chunks of a run in flight at once: speed against how many cancels may still go out after Stop. */
  chunksInFlight: number;
  skipHiddenRows: boolean;
  skipFinishedRows: boolean;
  writeLog: boolean;
  runCap: number;
  /** From this many jobs, the confirmation asks for the count to be typed (docs/BEHAVIOUR.md: a large irreversible run). */
  typedConfirmFrom: number;
}

export const CHUNK_SIZE_LIMITS = { min: 1, max: 50 } as const;
export const CHUNKS_IN_FLIGHT_LIMITS = { min: 1, max: 6 } as const;
export const RUN_CAP_LIMITS = { min: 1, max: 20000 } as const;
export const TYPED_CONFIRM_LIMITS = { min: 1, max: 20000 } as const;
/**
 * Server calls the sidebar keeps in flight for work that sends nothing to AODocs (pieces of a hidden-row check).
 * Chosen by the benchmark (docs/bench/RESULTS.md): each call is its own execution, whose start costs several
 * times a request's latency, so the work scales with the executions in parallel. Bounded by google.script.run's
 * 10 concurrent calls [D] https://developers.google.com/apps-script/guides/html/communication. A run's chunks
 * are bounded by the user's chunksInFlight setting instead: Stop's brake depends on it.
 */
export const PARALLEL_CALLS = 6;

export const DEFAULT_SETTINGS: Settings = {
  baseUrl: PRODUCTION_BASE_URL,
  domain: '',
  authMode: 'identity-token',
  chunkSize: 20,
  // 20 x 2: at most 40 cancels still reach AODocs after Stop (docs/BEHAVIOUR.md "Stop is a brake").
  chunksInFlight: 2,
  skipHiddenRows: true,
  skipFinishedRows: true,
  writeLog: true,
  runCap: 5000,
  typedConfirmFrom: 500,
};

const SECURITY_CODE_MAX = 512;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

type Check = (value: unknown) => string | undefined;

const isInteger =
  (limits: { min: number; max: number }, what: string): Check =>
  (v) =>
    Number.isInteger(v) && (v as number) >= limits.min && (v as number) <= limits.max
      ? undefined
      : `${what} must be a whole number from ${limits.min} to ${limits.max}.`;

const isBoolean: Check = (v) => (typeof v === 'boolean' ? undefined : 'Must be on or off.');

/** A base URL the add-on may call: https, a host and a path, no query, allowed by the manifest's urlFetchWhitelist. */
function checkBaseUrl(value: unknown, allowedPrefixes: string[]): string | undefined {
  if (typeof value !== 'string' || !/^https:\/\/[^/?#\s@]+\/[^?#\s]*[^/?#\s]$/.test(value)) {
    return 'The API base URL must be an https address with a path, e.g. ' + PRODUCTION_BASE_URL;
  }
  if (!allowedPrefixes.some((prefix) => `${value}/`.startsWith(prefix))) {
    return (
      `The add-on may only call addresses listed in its manifest (urlFetchWhitelist): ${allowedPrefixes.join(', ')}. ` +
      'Another AODocs instance needs its address added there and a new version of the add-on.'
    );
  }
  return undefined;
}

function checks(allowedPrefixes: string[]): Record<keyof Settings, Check> {
  return {
    baseUrl: (v) => checkBaseUrl(v, allowedPrefixes),
    domain: (v) =>
      typeof v === 'string' && (v === '' || DOMAIN.test(v)) ? undefined : 'The domain must look like example.com.',
    authMode: (v) => (AUTH_MODES.includes(v as AuthMode) ? undefined : 'Unknown authentication mode.'),
    chunkSize: isInteger(CHUNK_SIZE_LIMITS, 'The chunk size'),
    chunksInFlight: isInteger(CHUNKS_IN_FLIGHT_LIMITS, 'Chunks at once'),
    skipHiddenRows: isBoolean,
    skipFinishedRows: isBoolean,
    writeLog: isBoolean,
    runCap: isInteger(RUN_CAP_LIMITS, 'The run cap'),
    typedConfirmFrom: isInteger(TYPED_CONFIRM_LIMITS, 'The count to type from'),
  };
}

export type SettingsValidation =
  { ok: true; settings: Settings; securityCode?: string } | { ok: false; field: string; message: string };

/** Checks what the settings form sent; the first bad field is named. */
export function validateSettingsInput(input: unknown, allowedPrefixes: string[]): SettingsValidation {
  if (typeof input !== 'object' || input === null) return { ok: false, field: 'settings', message: 'No settings.' };
  const o = input as Partial<SettingsInput>;
  const settings = {} as Record<keyof Settings, unknown>;
  for (const [field, check] of Object.entries(checks(allowedPrefixes)) as [keyof Settings, Check][]) {
    let value = typeof o[field] === 'string' ? (o[field] as string).trim() : o[field];
    // A form of an earlier version sends no such field: the default stands.
    if (field === 'typedConfirmFrom' && value === undefined) value = DEFAULT_SETTINGS.typedConfirmFrom;
    // "https://host/api/" is the address the allowed list shows: the same base URL, normalised.
    if (field === 'baseUrl' && typeof value === 'string') value = value.replace(/\/+$/, '');
    const message = check(value);
    if (message) return { ok: false, field, message };
    settings[field] = value;
  }
  const code = o.securityCode;
  if (code !== undefined && (typeof code !== 'string' || code.length > SECURITY_CODE_MAX || /[\s\p{Cc}]/u.test(code))) {
    return { ok: false, field: 'securityCode', message: 'The security code must be one word, without spaces.' };
  }
  return { ok: true, settings: settings as unknown as Settings, securityCode: code };
}

/** Settings read back from storage: anything missing or malformed falls back to its default. */
export function settingsFromStorage(stored: string | null, allowedPrefixes: string[]): Settings {
  let raw: Record<string, unknown> = {};
  try {
    const parsed: unknown = stored ? JSON.parse(stored) : {};
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      raw = parsed as Record<string, unknown>;
  } catch {
    raw = {};
  }
  const all = checks(allowedPrefixes);
  const settings = { ...DEFAULT_SETTINGS } as Record<keyof Settings, unknown>;
  for (const field of Object.keys(all) as (keyof Settings)[]) {
    if (field in raw && all[field](raw[field]) === undefined) settings[field] = raw[field];
  }
  return settings as unknown as Settings;
}
