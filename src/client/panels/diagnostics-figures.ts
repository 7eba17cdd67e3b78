// The figures Settings > Diagnostics measured, one line each (data-figure names the figure, for tests and for
// whoever reads a screenshot), and the JSON block with all of them to copy. Texts from AODocs and Google's
// messages go in as text (dom.ts), never as markup.
import type { AodocsProbeAnswer, PlatformFigures, RoundTripFigures } from '../../shared/api';
import { calibrationJson } from '../../core/diagnostics';
import { h } from '../dom';

export interface MeasuredPlatform {
  figures: PlatformFigures;
  trips: RoundTripFigures;
  /** Whether the value runDiagnostics put in the user cache was read by the next call; null when that call failed. */
  cacheReadNextCall: boolean | null;
}

const ms = (v: number | null | undefined) => (v === null || v === undefined ? 'not measured' : `${Math.round(v)} ms`);
const yesNo = (v: boolean | null | undefined) => (v === null || v === undefined ? 'cannot be read' : v ? 'yes' : 'no');
const orNone = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? 'none' : v);

function probeText(a: AodocsProbeAnswer): string {
  if (a.status === null) return `no answer: ${orNone(a.failure)} (${ms(a.ms)})`;
  return (
    `${a.status}, reason ${orNone(a.reason)}, content type ${orNone(a.contentType)}, Retry-After ` +
    `${orNone(a.retryAfter)}, X-aodocs-retryable ${orNone(a.retryable)} (${ms(a.ms)})`
  );
}

const PROBE_LABELS: Record<AodocsProbeAnswer['probe'], string> = {
  'unknown-id': 'AODocs, a well-formed job ID no job has',
  'malformed-id': 'AODocs, a malformed job ID',
  'no-authorization': 'AODocs, a request without Authorization',
};

/** Each figure as [key, label, value]: the view shows them in this order. */
export function figureLines({ figures: f, trips, cacheReadNextCall }: MeasuredPlatform): [string, string, string][] {
  const t = f.token;
  const a = f.authorization;
  return [
    ['round-trip-first', 'Server call, first round trip', ms(trips.firstMs)],
    [
      'round-trips',
      `Server call, round trip over ${trips.count} one after another`,
      `median ${ms(trips.medianMs)}, p90 ${ms(trips.p90Ms)}, max ${ms(trips.maxMs)}`,
    ],
    ...trips.atOnce.map((b): [string, string, string] => [
      `round-trips-at-once-${b.calls}`,
      `${b.calls} server calls at once`,
      `all answered in ${ms(b.allMs)}, slowest call ${ms(b.slowestMs)}`,
    ]),
    ['server-ms', 'Diagnostics in the server', ms(f.serverMs)],
    [
      'signed-in',
      'Requests sent with the sign-in',
      f.signedIn ? 'yes' : 'no: it could not be built (see the scopes and the token below); timed without it',
    ],
    ['fetch-ms', 'One request to AODocs', ms(f.fetchMs)],
    ['fetch-all-times', 'fetchAll times', f.fetchAllTimes.map((p) => `${p.requests}: ${ms(p.ms)}`).join(', ')],
    [
      'fetch-all-line',
      'fetchAll as a line',
      `${ms(f.fetchAllOverheadMs)} + ${f.fetchAllPerRequestMs.toFixed(1)} ms per request`,
    ],
    [
      'fetch-all-parallelism',
      'Requests at once (fetchAll)',
      `${f.fetchAllParallelismAtLeast ? 'at least ' : ''}${f.fetchAllParallelism}`,
    ],
    ...f.aodocsAnswers.map((p): [string, string, string] => [`aodocs-${p.probe}`, PROBE_LABELS[p.probe], probeText(p)]),
    ['locale', "User's locale", orNone(f.locale)],
    [
      'outside-allowlist',
      'A request outside urlFetchWhitelist',
      f.outsideAllowlist.refused
        ? `refused: ${orNone(f.outsideAllowlist.name)}: ${orNone(f.outsideAllowlist.message)}`
        : 'not refused (is urlFetchWhitelist in the manifest?)',
    ],
    ['authorization-status', 'Authorization status', a.status],
    ['granted-scopes', 'Scopes granted', a.grantedScopes ? a.grantedScopes.join(', ') || 'none' : 'cannot be read'],
    ['openid-granted', 'openid granted', yesNo(a.openidGranted)],
    ['token', 'Identity token', t.present ? 'given (its claims below; the token itself is not shown)' : 'none'],
    ['token-iss', 'Token issuer (iss)', orNone(t.iss)],
    ['token-aud', 'Token audience (aud)', orNone(t.aud)],
    ['token-azp', 'Client ID (azp)', orNone(t.azp)],
    ['token-aud-equals-azp', 'aud and azp present and equal', t.present ? yesNo(t.audEqualsAzp) : 'no token'],
    ['token-hd', 'Hosted domain (hd)', orNone(t.hd)],
    ['token-email-verified', 'Email verified', t.present ? yesNo(t.emailVerified) : 'no token'],
    [
      'token-lifetime',
      'Token lifetime (exp - iat)',
      t.lifetimeSeconds === undefined ? 'cannot be read' : `${t.lifetimeSeconds} s`,
    ],
    ['account-type', 'Account type (from hd)', f.accountType],
    ['plain-text-apostrophe', 'Plain-text cell keeps an apostrophe', yesNo(f.plainTextKeepsApostrophe)],
    ['marked-formula', "A marked '= stays text", yesNo(f.markedFormulaStaysText)],
    ['sheet-hidden', `${f.sheetCalls.calls} x isRowHiddenByUser`, ms(f.sheetCalls.isRowHiddenByUserMs)],
    ['sheet-display-values', `${f.sheetCalls.calls} x getDisplayValues`, ms(f.sheetCalls.getDisplayValuesMs)],
    ['sheet-flush', `${f.sheetCalls.calls} x flush`, ms(f.sheetCalls.flushMs)],
    ['cache-put-get', 'User cache put, get', `${ms(f.cache.putMs)}, ${ms(f.cache.getMs)}`],
    ['cache-same-call', 'Cache read back in the same call', yesNo(f.cache.readBackSameCall)],
    ['cache-next-call', 'Cache read by the next call', yesNo(cacheReadNextCall)],
    ['document-lock', 'Document lock given (getDocumentLock not null)', yesNo(f.documentLock.present)],
    [
      'document-lock-try',
      'tryLock(0)',
      f.documentLock.present
        ? `${f.documentLock.acquired ? 'got it' : 'busy'} in ${ms(f.documentLock.tryLockMs)}`
        : 'no lock to try',
    ],
  ];
}

export function figuresView(measured: MeasuredPlatform, measuredAt: string): HTMLElement {
  return h(
    'section',
    { class: 'diagnostics', 'data-testid': 'diagnostics-report' },
    ...figureLines(measured).map(([key, label, value]) =>
      h(
        'div',
        { class: 'stat', 'data-figure': key },
        h('span', { class: 'label' }, label),
        h('span', { class: 'value' }, value),
      ),
    ),
    h('label', { for: 'calibration-json' }, 'Copy this block into a file for npm run bench -- --calibrate:'),
    h(
      'textarea',
      { id: 'calibration-json', class: 'support', readonly: 'readonly', rows: '8', 'data-testid': 'calibration-json' },
      calibrationJson(measured.figures, measured.trips, measured.cacheReadNextCall, measuredAt),
    ),
  );
}
