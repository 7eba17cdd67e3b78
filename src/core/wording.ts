// Every sentence the add-on shows or writes, one wording per cause. A reader looking for "what does the user
// read after a 401?" finds it here; the modules that decide which cause applies import the words from here.
import { AuthModeName } from '../shared/api';
import { withoutTextMark } from './cell-text';

/** The Result column of a job's row. */
export const RESULT = {
  cancelled: 'Cancelled',
  cancelRequested: 'Cancel requested, job still running',
  refreshed: 'Status read',
  invalid: 'Invalid job ID',
  gone: 'No longer in its cell: not sent',
  signIn: 'Sign-in not accepted by AODocs (401)',
  notAdmin: 'Not a library administrator (403)',
  notFound: 'Not found (404)',
  securityCodeRefused: 'AODocs refused the security code (403)',
  noAnswer: 'AODocs unavailable, try again (no answer)',
  /** AODocs answered 200 with a job that has no status. */
  noStatus: 'AODocs gave no status',
  /** A read-back that never went out: the chunk's time budget or the daily quota ran out first. */
  notReadInTime: 'not read in time, try again',
} as const;

const ALREADY: Record<string, string> = {
  COMPLETED: 'Already completed',
  FAILED: 'Already failed',
  CANCELLED: 'Already cancelled',
};

/** `Already completed` / `Already failed` / `Already cancelled`: only for a finished status read from AODocs. */
export function alreadyFinished(status: string): string {
  const sentence = ALREADY[withoutTextMark(status.trim()).trim().toUpperCase()];
  if (sentence === undefined) throw new Error(`Not a finished status: ${status}`);
  return sentence;
}

export function unavailable(code: number): string {
  return `AODocs unavailable, try again (${code})`;
}

/**
 * What a row adds when its answer says nothing of the job's state while an earlier send of ours (this run's, or
 * the one the row remembers) may have cancelled it: Run again reads it back (earlier-result.ts).
 */
export const EARLIER_ATTEMPT = '; an earlier attempt may have reached AODocs';

export function withEarlierAttempt(sentence: string): string {
  return `${sentence}${EARLIER_ATTEMPT}`;
}

/**
 * Retries ran out on a refusal before any work (429, a retryable 409) after an earlier send got no answer or a
 * 5xx: the row says that the cancel may have happened, so that Run again remembers it (earlier-result.ts).
 */
export function unavailableAfterEarlierSend(code: number): string {
  return withEarlierAttempt(unavailable(code));
}

/** A status read (Refresh status) that AODocs did not answer in time: never a cancel's words. */
export function statusNotRead(sentence: string): string {
  return `Status not read: ${sentence}`;
}

export function unexpectedAnswer(code: number): string {
  return `Unexpected answer from AODocs (HTTP ${code})`;
}

/** Any other refusal of a request that is not a cancel (a read, a listing). */
export function refusedBy(code: number): string {
  return `Refused by AODocs (HTTP ${code})`;
}

/** A cancel AODocs refused, and reading the job back showed it still running (or gave no status). */
export function notCancelledRefused(code: number): string {
  return `Not cancelled: AODocs refused (${code})`;
}

/** A cancel AODocs refused, and reading the job back failed too: nothing is claimed about its state. */
export function notCancelledStatusUnknown(code: number, readSentence: string): string {
  return `Not cancelled (${code}); status not read: ${readSentence}`;
}

/**
 * A cancel refused after an earlier send of ours went unanswered: that send may have cancelled the job, and
 * reading it back failed, so neither "cancelled" nor "not cancelled" is known.
 */
export function cancelNotConfirmed(code: number, readSentence: string): string {
  return `Cancel not confirmed (${code}); status not read: ${readSentence}`;
}

/**
 * A cancel refused after an earlier send of ours (this run's, or the run it continues) may have reached AODocs,
 * and the job reads as still running: our cancel may still be under way, or may never have arrived. Run again.
 */
export function cancelNotConfirmedStillRunning(code: number): string {
  return `Cancel not confirmed (${code}); job still running`;
}

/** AODocs accepted the cancel (2xx) without saying the job's state, and reading it back failed. */
export function cancelAcceptedStatusUnknown(code: number, readSentence: string): string {
  return `Cancel accepted (${code}); status not read: ${readSentence}`;
}

export const SHEET_DELETED = 'The sheet of this run was deleted. Select the job IDs again.';
export const HEADER_CHANGED = 'The header row changed since the selection was read. Select the job IDs again.';

/** Why a run stops, shown in the sidebar. */
export const STOP = {
  stopped: 'Stopped: the chunks already sent were finished and written.',
  dailyQuota:
    "Google's daily limit for outside requests is reached; the jobs not yet sent were left untouched. " +
    'Run again tomorrow.',
} as const;

/**
 * The two ways out of a 401 with a Google token. AODocs accepts Google tokens only from client IDs it whitelisted,
 * which it says is "not currently possible out of the box" (its page "Access APIs with Bearer tokens"); a
 * security code works without AODocs' help. Every 401 screen in token mode says both.
 */
export const SIGN_IN_WAYS_OUT =
  'Two ways out: in Settings, sign in with an AODocs security code instead (your AODocs super administrator ' +
  "creates one; it works without AODocs' help), or open Settings > Check connection for the client ID AODocs " +
  'support must register for your domain.';

export function signInStopped(authMode: AuthModeName): string {
  return authMode === 'security-code'
    ? 'AODocs did not accept the security code (401), so the run stopped. Check it in Settings.'
    : 'AODocs did not accept your sign-in (401), so the run stopped. ' + SIGN_IN_WAYS_OUT;
}

export function writeFailedStopped(failure: string, logged = false): string {
  const where = logged ? 'they are listed here and in the "AODocs Jobs log" sheet' : 'they are listed here';
  return `The results of the last chunk could not be written into the sheet (${failure}); ${where}. The run stopped.`;
}

/** Neither the rows nor the log could be written: only the sidebar has the results. */
export function nothingRecordedStopped(rowsFailure: string, logFailure: string): string {
  return (
    `The results of the last chunk could not be written into the sheet (${rowsFailure}) nor into the "AODocs Jobs ` +
    `log" sheet (${logFailure}); they are listed here. The run stopped.`
  );
}

export function logFailedStopped(failure: string): string {
  return `The results were written, but the "AODocs Jobs log" sheet could not be updated (${failure}); they are listed here. The run stopped.`;
}

/** Sentences of one AODocs call that fails as a whole (listing a library, reading a job's events). */
export const CALL = {
  dailyQuota: "Google's daily limit for outside requests is reached. Try again tomorrow.",
  outOfTime: 'AODocs was not asked: the time limit of this step ran out. Try again.',
  noAnswer: 'AODocs did not answer. Try again in a moment.',
  signIn: `Sign-in not accepted by AODocs (401). ${SIGN_IN_WAYS_OUT}`,
  libraryNotFound: 'Library not found (404): check the library ID.',
  notLibraryAdmin: 'You are not an administrator of this library (403).',
  jobErrorsForbidden: 'You may not read this job (403).',
  securityCodeRefused: 'AODocs refused the security code (403): check it in Settings.',
  orSecurityCode: 'If every request says so, the security code may be refused: check it in Settings.',
} as const;

export function jobNotFound(jobId: string): string {
  return `Job ${jobId} not found (404).`;
}

export const NO_SELECTION = 'Select the cells that hold the job IDs, then try again.';

export function noJobIdFound(ranges: string[]): string {
  return `${NO_SELECTION} No job ID was found in ${ranges.join(', ')}.`;
}

/** The header names the job ID column, and the selection has no cell in it. */
export function noCellInIdColumn(letter: string, header: string): string {
  const named = header === '' ? `column ${letter}` : `column ${letter} ("${header}")`;
  return `The job IDs are in ${named}, and the selection has no cell there. Select cells of that column (or whole rows), then try again.`;
}

export function overRunCap(jobIds: number, runCap: number): string {
  return (
    `The selection holds ${jobIds} job IDs; one run takes at most ${runCap} ` +
    '(Settings). Select fewer rows, or raise the limit.'
  );
}

export function jobOnTooManyRows(jobId: string, rows: number, runCap: number): string {
  return (
    `The job ID ${jobId} is in ${rows} selected rows; one run writes at most ${runCap} rows of one job, the ` +
    'limit "Most job IDs in one run" in Settings. Select fewer rows, or raise the limit.'
  );
}

/** "45 s", "2 min", "1 h 30 min": a wait as a person says it. */
export function durationWords(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 90) return `${s} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 90) return `${minutes} min`;
  const rest = minutes % 60;
  return `${Math.floor(minutes / 60)} h${rest === 0 ? '' : ` ${rest} min`}`;
}

/** AODocs asked to wait longer than a run pauses (Retry-After): the run stops. */
export function waitTooLong(waitSeconds: number, maxPauseSeconds: number): string {
  return (
    `AODocs asks to wait ${durationWords(waitSeconds)} before more requests, longer than a run pauses ` +
    `(${durationWords(maxPauseSeconds)}), so the run stopped; the jobs not yet sent were left untouched. Run again ` +
    'later.'
  );
}

/** AODocs kept asking to wait for the same jobs: the run stops rather than wait forever. */
export function waitedTooOften(times: number): string {
  return (
    `AODocs asked to wait ${times} times for the same jobs, so the run stopped; the jobs not yet sent were left ` +
    'untouched. Run again later.'
  );
}

const FORBIDDEN =
  'AODocs knows you but refused access (403). Cancelling a job needs library administrator rights on its library;';

/** Check connection's verdicts. */
export const CONNECTION = {
  accepted: 'AODocs accepts this sign-in.',
  noAnswer: CALL.noAnswer,
  securityCodeRefused:
    'AODocs did not accept the security code (401). Check it, or ask your AODocs super administrator for a new one.',
  signInRefused:
    'AODocs did not accept the sign-in (401). Two ways out: in Settings, sign in with an AODocs security code ' +
    "instead (your AODocs super administrator creates one; it works without AODocs' help), or have AODocs support " +
    "register this add-on's client ID for your domain (AODocs says this is not possible out of the box); send them:",
  forbidden: `${FORBIDDEN} ask an administrator of that library.`,
  forbiddenSecurityCode: `${FORBIDDEN} check the security code too.`,
  securityCodeInvalid:
    'AODocs refused the security code ("Invalid security code", 403). Check it, or ask your AODocs super ' +
    'administrator for a new one.',
  domainRefused: (domain: string) =>
    `AODocs refused the request (400) for the domain "${domain}". Check the domain: it must be the Google ` +
    'Workspace domain your AODocs serves (leave it empty to use your own).',
  unexpected: (code: number) => `${unexpectedAnswer(code)}.`,
} as const;

export function connectionSupportRequest(clientId: string, domain: string): string {
  return (
    `Please register the Google OAuth client ID ${clientId} for the AODocs API${domain ? ` on the domain ${domain}` : ''}. ` +
    'It is the client ID of the "AODocs Jobs" Google Sheets add-on, which calls the Job API with Google ID tokens ' +
    'on behalf of our library administrators.'
  );
}

/** Sentences of the server's own checks, shown in the sidebar. */
export const SERVER = {
  identityNeeded: 'Authorization needed: reopen the sidebar and allow the add-on to see your Google identity.',
  securityCodeNeeded: 'Authorization needed: save your AODocs security code in Settings.',
  lockBusy: 'Another run is writing to this spreadsheet. Wait for it to finish, then try again.',
  // LockService.getDocumentLock() is documented as Lock|null: none outside a document's context.
  noDocumentLock:
    'Apps Script gave no lock on this spreadsheet, so nothing could be written safely. Reload the spreadsheet, ' +
    'then try again.',
  selectionSheetGone: 'The sheet of the selection no longer exists.',
  /** Followed by Google's authorization link (authorization-link.ts); the sidebar shows it as a link. */
  permissionsNeeded:
    "Some permissions of the add-on are not granted, so nothing was sent. Allow them on Google's page, then try " +
    'again:',
  clickJobIdCell: 'Click the cell that holds the job ID, then try again.',
  // Whether an open sidebar keeps calling the version it came from after a new deployment is not documented:
  // closing it and reloading the spreadsheet both bring the current one.
  sidebarOutOfDate:
    'This sidebar is from an older version of the add-on and sent nothing. Close it and open it again from ' +
    'Extensions > AODocs Jobs (or reload the spreadsheet).',
  listingSheetGone: (name: string) => `The sheet "${name}" is gone.`,
} as const;

/** Why a run stopped when every job of a chunk met the same answer that points at the setup, not the jobs. */
export const SETUP = {
  securityCode:
    'AODocs refused the security code ("Invalid security code", 403), so the run stopped. Check it in Settings, ' +
    'or ask your AODocs super administrator for a new one.',
  refused400:
    'AODocs refused every request of the last chunk (400), and reading the jobs back too, so the run stopped. The ' +
    'domain or the API address in Settings is likely wrong (the domain must be the Google Workspace domain your ' +
    'AODocs uses, or empty).',
  notAllowlisted:
    "The add-on may not call the API address in Settings (it is not in the add-on's urlFetchWhitelist), so the " +
    'run stopped. Use an address the add-on allows, or ask its maintainers for a new version that allows this one.',
  unknownHost: 'The API address in Settings cannot be found (DNS error), so the run stopped. Check it in Settings.',
  timeout: 'AODocs answered none of the last requests in time, so the run stopped. Try again later.',
  unreachable:
    'No request could reach AODocs (address unavailable), so the run stopped. Check the API address in Settings, ' +
    'or try again later.',
  sameFailure:
    'Every request of the last chunk failed the same way before reaching AODocs, so the run stopped. Check the ' +
    'API address in Settings (Check connection tests it); if it is right, try again later; if it lasts, outside ' +
    'requests from Apps Script may be blocked in your Google Workspace: ask your Workspace administrator to allow ' +
    'the AODocs API address for Apps Script.',
} as const;

/** AODocs answered none of the opening chunk's jobs (unavailable, silent): the rest of the run is not sent. */
export function openingUnanswered(jobs: number, sentence: string): string {
  return `AODocs answered none of the first ${jobs} jobs ("${sentence}"), so the rest was not sent. Try again later.`;
}

/** Every job of the opening chunk got the same page that is not AODocs' answer: the rest is not sent. */
export function openingNotAodocs(jobs: number, sentence: string): string {
  return (
    `All of the first ${jobs} jobs got a page that is not AODocs' answer ("${sentence}"), so the rest was not ` +
    'sent. Check the API address in Settings, then run again.'
  );
}
