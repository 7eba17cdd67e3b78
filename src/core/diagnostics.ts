// Platform diagnostics: what the benchmark's cost model and the emulator assume about Apps Script, measured where
// the add-on really runs. This module turns raw timings into the figures and the JSON block a maintainer copies
// into `npm run bench -- --calibrate <file>`; the server measures, the sidebar shows.
import type { PlatformFigures, RoundTripFigures, TokenFigures } from '../shared/api';

/** Single requests timed to estimate one request's hop (the least of them counts: the others met queues). */
export const SINGLE_PROBES = 3;
/**
 * fetchAll sizes timed one after the other, fitted as a line. Up to twice the parallelism the benchmark assumes
 * (20), so that the slope can confirm it or show more.
 */
export const FETCH_ALL_SIZES: readonly number[] = [1, 5, 10, 20, 40];
/** The made-up job IDs AODocs is asked about: one shaped like its IDs (18-19 letters and digits), one not. */
export const UNKNOWN_JOB_ID = 'Diag0nosticsUnknwn1';
export const MALFORMED_JOB_ID = 'not a job id!';
/** Three answers whose status, reason and headers recognition relies on (the last one sent without Authorization). */
export const AODOCS_PROBES = 3;
/** Every request Diagnostics sends to AODocs (the fetch outside the allowlist is refused before it leaves Google). */
export const DIAGNOSTICS_REQUESTS = SINGLE_PROBES + FETCH_ALL_SIZES.reduce((a, b) => a + b, 0) + AODOCS_PROBES;
/** An address outside urlFetchWhitelist whose name can never resolve (RFC 2606 .invalid): nothing leaves Google. */
export const OUTSIDE_ALLOWLIST_URL = 'https://aodocs-jobs-diagnostics.invalid/';
/** Sheets calls of each kind timed on the scratch sheet. */
export const SHEET_CALLS = 100;
/** google.script.run round trips timed one after the other after the first, then the calls made at once. */
export const ROUND_TRIPS = 10;
export const CALLS_AT_ONCE: readonly number[] = [2, 6, 10];
/** The user cache key runDiagnostics writes and the next call reads. */
export const DIAGNOSTICS_CACHE_KEY = 'aodocs-jobs-diagnostics';

export interface Line {
  overheadMs: number;
  perRequestMs: number;
}

/** Least squares: ms = overheadMs + perRequestMs x requests. One size alone (or none) gives no slope. */
export function fitLine(points: readonly { requests: number; ms: number }[]): Line {
  const n = points.length;
  if (n === 0) return { overheadMs: 0, perRequestMs: 0 };
  const meanX = points.reduce((s, p) => s + p.requests, 0) / n;
  const meanY = points.reduce((s, p) => s + p.ms, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.requests - meanX) ** 2, 0);
  if (sxx === 0) return { overheadMs: meanY, perRequestMs: 0 };
  const sxy = points.reduce((s, p) => s + (p.requests - meanX) * (p.ms - meanY), 0);
  const perRequestMs = sxy / sxx;
  return { overheadMs: meanY - perRequestMs * meanX, perRequestMs };
}

/**
 * Requests fetchAll runs at once: a request alone takes `singleMs`; run one after another, each more request would
 * add that much, run P at a time it adds singleMs / P. So P = singleMs / slope. Not n x single / together, which
 * counts fetchAll's fixed overhead against parallelism (5 requests that clearly ran together scored about 3). A
 * flat or falling line (everything ran together, within noise) says only "at least the most requests timed".
 */
export function parallelismFromLine(
  singleMs: number,
  line: Line,
  mostRequests: number,
): { parallelism: number; atLeast: boolean } {
  if (!(singleMs > 0)) return { parallelism: 1, atLeast: false };
  if (!(line.perRequestMs > 0)) return { parallelism: mostRequests, atLeast: true };
  const p = Math.round(singleMs / line.perRequestMs);
  if (p >= mostRequests) return { parallelism: mostRequests, atLeast: true };
  return { parallelism: Math.max(1, p), atLeast: false };
}

function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest rank: the smallest sample that at least `q` of the samples do not exceed. */
function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
}

/**
 * Sequential round trips: the first apart (it may wake the script up), median, p90 and max over the others.
 * `atOnce`: for each batch, the time until every call answered and each call's own time.
 */
export function roundTripStats(
  sequentialMs: readonly number[],
  atOnce: readonly { allMs: number; callMs: readonly number[] }[] = [],
): RoundTripFigures {
  const [firstMs = 0, ...rest] = sequentialMs;
  const sorted = [...rest].sort((a, b) => a - b);
  return {
    firstMs,
    count: sorted.length,
    medianMs: sorted.length ? median(sorted) : firstMs,
    p90Ms: sorted.length ? quantile(sorted, 0.9) : firstMs,
    maxMs: sorted.length ? sorted[sorted.length - 1] : firstMs,
    atOnce: atOnce.map((b) => ({ calls: b.callMs.length, allMs: b.allMs, slowestMs: Math.max(0, ...b.callMs) })),
  };
}

/** A JWT's claims as the server decoded them (untyped JSON): only the figures Diagnostics reports. */
export function tokenFigures(claims: Record<string, unknown> | undefined): TokenFigures {
  if (!claims) return { present: false };
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const aud = text(claims.aud);
  const azp = text(claims.azp);
  const { iat, exp } = claims;
  const verified = claims.email_verified;
  return {
    present: true,
    iss: text(claims.iss),
    aud,
    azp,
    audEqualsAzp: aud !== undefined && azp !== undefined && aud === azp,
    hd: text(claims.hd),
    // Google has sent it as a boolean and as the string "true".
    emailVerified: typeof verified === 'boolean' ? verified : verified === 'true' ? true : undefined,
    lifetimeSeconds: typeof exp === 'number' && typeof iat === 'number' ? exp - iat : undefined,
  };
}

/** Google puts the hosted domain (hd) in the ID token of Google Workspace accounts only. */
export function accountType(token: TokenFigures): PlatformFigures['accountType'] {
  if (!token.present) return 'unknown';
  return token.hd ? 'workspace' : 'consumer';
}

/** errors[0].reason of an AODocs error body, when it is a plain word: the rest of AODocs' text is untrusted. */
export function errorReason(body: string): string | null {
  try {
    const json = JSON.parse(body) as { error?: { errors?: { reason?: unknown }[] } };
    const reason = json?.error?.errors?.[0]?.reason;
    return typeof reason === 'string' && /^[A-Za-z0-9_.-]{1,64}$/.test(reason) ? reason : null;
  } catch {
    return null;
  }
}

/** A header's value as Diagnostics shows it: at most 200 characters, no line breaks (it is AODocs' text). */
export function headerFigure(value: string | string[] | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? null : first.replace(/[\r\n]+/g, ' ').slice(0, 200);
}

/**
 * The block to copy: what the benchmark reads with --calibrate at the top (executionStartMs: the median round trip
 * of an empty call; the fetchAll line), then every other figure Diagnostics measured, for the record.
 */
export function calibrationJson(
  figures: PlatformFigures,
  trips: RoundTripFigures,
  cacheReadNextCall: boolean | null,
  measuredAt: string,
): string {
  const {
    fetchMs,
    fetchAllOverheadMs,
    fetchAllPerRequestMs,
    fetchAllParallelism,
    plainTextKeepsApostrophe,
    markedFormulaStaysText,
    identityAudience,
    identityAuthorizedParty,
    cache,
    ...rest
  } = figures;
  const round = Math.round;
  return JSON.stringify(
    {
      measuredAt,
      // The round trip of an empty call: an execution start, and the little the iframe's transport adds.
      executionStartMs: round(trips.medianMs),
      googleScriptRunRoundTripMs: round(trips.medianMs),
      roundTripP90Ms: round(trips.p90Ms),
      fetchHopMs: round(fetchMs),
      fetchAllOverheadMs: round(fetchAllOverheadMs),
      fetchAllPerRequestMs: round(fetchAllPerRequestMs * 10) / 10,
      fetchAllParallelism,
      plainTextKeepsApostrophe,
      markedFormulaStaysText,
      identityAudience: identityAudience ?? null,
      identityAuthorizedParty: identityAuthorizedParty ?? null,
      roundTrips: {
        ...trips,
        firstMs: round(trips.firstMs),
        medianMs: round(trips.medianMs),
        p90Ms: round(trips.p90Ms),
        maxMs: round(trips.maxMs),
        atOnce: trips.atOnce.map((b) => ({ ...b, allMs: round(b.allMs), slowestMs: round(b.slowestMs) })),
      },
      ...rest,
      cache: {
        putMs: cache.putMs,
        getMs: cache.getMs,
        readBackSameCall: cache.readBackSameCall,
        readNextCall: cacheReadNextCall,
      },
    },
    null,
    2,
  );
}
