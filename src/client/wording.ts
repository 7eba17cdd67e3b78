// Sentences of the sidebar that depend on numbers.
import type { JobAction, RejectedCell, SelectionSummary } from '../shared/api';
import { durationWords } from '../core/run-schedule';
import { RESULT } from '../core/wording';

export function plural(n: number, one: string, many: string = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** "is" or "are", for a count. */
function be(n: number): string {
  return n === 1 ? 'is' : 'are';
}

/** The labels of the settings the sidebar's sentences name, so that a sentence and its setting never differ. */
export const SETTING = {
  skipFinished: 'Skip finished rows',
  skipHidden: 'Skip hidden and filtered rows',
} as const;

/** The Result column's words for the cells that are never sent, as the server writes them. */
const REJECTED_RESULT: Record<RejectedCell['problem'], string> = {
  invalid: RESULT.invalid,
};

/** The confirmation question, with the exact count. */
export function confirmCancelSentence(jobs: number): string {
  return `Cancel ${plural(jobs, 'AODocs job')}? Their pending tasks will not run. Tasks already done are not undone.`;
}

/** The field of a large run's confirmation: the count to type before Cancel works. */
export function typeCountLabel(jobs: number): string {
  return `Type ${jobs} to confirm the cancel of ${plural(jobs, 'job')}`;
}

/** The selected cells that are never sent, counted apart from the jobs: "1 cell is not a job ID and will only be marked." */
export function rejectedCellsSentence(rejected: RejectedCell[]): string | undefined {
  const invalid = rejected.length;
  if (invalid === 0) return undefined;
  return `${plural(invalid, 'cell')} ${be(invalid)} not ${invalid === 1 ? 'a job ID' : 'job IDs'} and will only be marked.`;
}

/**
 * What Stop holds back, for the confirmation and the Stop button: `bound` is the most requests that can still
 * reach AODocs after it is pressed (the chunks that may be on their way, never more than the run's jobs). Never
 * "at once": what is on its way still arrives.
 */
export function stopHoldsSentence(bound: number, action: JobAction = 'cancel'): string {
  const what = action === 'cancel' ? 'further cancel' : 'further status read';
  const reach = bound === 1 ? 'reaches' : 'reach';
  return `From the moment Stop is pressed, at most ${plural(bound, what)} ${reach} AODocs; the others are not sent.`;
}

/** The end screen's count of the jobs a run did not send, or that nothing was left when it stopped. */
export function notSentSentence(jobs: number, stopped: boolean): string | undefined {
  if (jobs > 0) {
    // Run again sends these jobs again as they were planned: a row a failed chunk may have finished is not skipped,
    // and keeps its `Cancelled` (core/chunk-settlement.ts withEarlierRuns).
    return `${plural(jobs, 'job')} not sent (or, for a chunk that failed, not confirmed). Run again to send them.`;
  }
  return stopped ? 'Every job had been sent when the run stopped: none is left to send.' : undefined;
}

/** What Diagnostics does, with the number of requests it really sends (all reads; none can cancel anything). */
export const DIAGNOSTICS_HELP = (requests: number) =>
  'Times the platform this add-on runs on (server calls, requests to AODocs, cells, cache, lock) and checks two ' +
  'behaviours of cells on a scratch sheet that appears for a moment and is deleted. It sends ' +
  `${requests} read requests to AODocs, all for made-up job IDs that no job has (one without sign-in): nothing is ` +
  'cancelled. The identity token is never shown: only some of its claims.';

/** Which settings Check connection tested: those of the form, saved or not. */
export const CONNECTION_TESTED = {
  saved: 'Checked with the saved settings.',
  unsaved: 'Checked with the settings shown here, which are not saved yet: Save to use them.',
} as const;

/** The price of the "Chunks sent at once" setting, shown under it. */
export function brakeSentence(chunkSize: number, chunksInFlight: number): string {
  if (!(chunkSize >= 1 && chunksInFlight >= 1)) return 'More chunks at once is faster, but Stop then brakes later.';
  return (
    `More chunks at once is faster, but Stop then brakes later: with ${plural(chunkSize, 'job')} per chunk and ` +
    `${chunksInFlight} at once, up to ${plural(chunkSize * chunksInFlight, 'cancel')} can still reach AODocs ` +
    'after Stop is pressed.'
  );
}

/** "A (Job ID)", "C": the job ID column as the summary names it. */
export function idColumnLabel(letter: string, header: string): string {
  return header === '' ? letter : `${letter} (${header})`;
}

/** Said under the summary when hidden rows are skipped: Apps Script cannot see filter views. */
export const FILTER_VIEW_NOTE =
  'Rows hidden only by a filter view are not seen by the add-on and are sent: use a filter (Data > Create a filter) to leave rows out.';

/** Under the question which column holds the job IDs. */
export const CHOOSE_ID_COLUMN_HELP = (sheetName: string) =>
  `The header row of "${sheetName}" names no job ID column, and the selection covers several columns. ` +
  'Only the chosen column is read as job IDs and the others are never written; the choice is remembered for this sheet.';

/** "B (Reference): 12 look like job IDs", an option of the question which column holds the job IDs. */
export function idColumnOption(letter: string, header: string, looksLikeIds: number): string {
  const looks =
    looksLikeIds === 1 ? '1 looks like a job ID' : `${looksLikeIds.toLocaleString('en-US')} look like job IDs`;
  return `${idColumnLabel(letter, header)}: ${looks}`;
}

/** "about 2 min left", "about 40 s left". */
export function timeLeftSentence(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 90) return `about ${seconds} s left`;
  return `about ${Math.round(seconds / 60)} min left`;
}

/** The countdown while AODocs' Retry-After pauses a run: "AODocs asks to wait 60 s: the run goes on in 42 s." */
export function pauseSentence(askedSeconds: number, msLeft: number): string {
  return `AODocs asks to wait ${durationWords(askedSeconds)}: the run goes on in ${durationWords(msLeft / 1000)}.`;
}

/**
 * Why a selection sends nothing, from its summary's counts, and which setting or change would send something:
 * 'All 24 selected rows already show a finished status; turn off "Skip finished rows" in Settings to send them
 * again.' One sentence per cause; with one cause only, it speaks of all the selected rows.
 */
export function nothingToSendSentences(summary: SelectionSummary, action: JobAction): string[] {
  const { finishedSkipped: finished, hiddenSkipped: hidden, invalid } = summary;
  const again = (n: number) =>
    action === 'cancel'
      ? `to send ${n === 1 ? 'it' : 'them'} again`
      : `to read ${n === 1 ? 'its' : 'their'} status again`;
  const skipFinished = `turn off "${SETTING.skipFinished}" in Settings ${again(finished)}.`;
  const skipHidden = `show ${hidden === 1 ? 'it' : 'them'}, or turn off "${SETTING.skipHidden}" in Settings.`;
  const causes: { n: number; alone: string; among: string }[] = [
    {
      n: finished,
      alone:
        finished === 1
          ? `The selected row already shows a finished status; ${skipFinished}`
          : `All ${plural(finished, 'selected row')} already show a finished status; ${skipFinished}`,
      among: `${plural(finished, 'row')} already ${finished === 1 ? 'shows' : 'show'} a finished status; ${skipFinished}`,
    },
    {
      n: hidden,
      alone:
        hidden === 1
          ? `The selected row is hidden or filtered out; ${skipHidden}`
          : `All ${plural(hidden, 'selected row')} are hidden or filtered out; ${skipHidden}`,
      among: `${plural(hidden, 'row')} ${be(hidden)} hidden or filtered out; ${skipHidden}`,
    },
    {
      n: invalid,
      alone:
        (invalid === 1
          ? 'The selected cell is not a job ID'
          : `None of the ${plural(invalid, 'selected cell')} is a job ID`) +
        ` (a job ID has no spaces, no / ? # % \\ and at most 256 characters): fix ${invalid === 1 ? 'it' : 'them'}, then select again.`,
      among: `${plural(invalid, 'cell')} ${be(invalid)} not ${invalid === 1 ? 'a job ID' : 'job IDs'}: fix ${invalid === 1 ? 'it' : 'them'}, then select again.`,
    },
  ].filter((c) => c.n > 0);
  if (causes.length === 0) return ['Nothing will be sent to AODocs: the selection holds no job ID to send.'];
  if (causes.length === 1) return [`Nothing will be sent to AODocs. ${causes[0].alone}`];
  return ['Nothing will be sent to AODocs:', ...causes.map((c) => c.among)];
}

/** The rows of rejected cells the run writes (one rejected cell per row): 'Write "Invalid job ID" into 1 row'. */
export function writeRejectedLabel(rejected: RejectedCell[]): string {
  const problems = new Set(rejected.map((r) => r.problem));
  const rows = plural(new Set(rejected.map((r) => r.cell.row)).size, 'row');
  if (problems.size === 1) return `Write "${REJECTED_RESULT[rejected[0].problem]}" into ${rows}`;
  return `Write the reasons into ${rows}`;
}

/** Cells never sent that a run has marked so far: "2 cells marked as not job IDs". */
export function rejectedProgressSentence(done: number, total: number, allInvalid: boolean): string {
  const what = allInvalid ? `marked as not ${total === 1 ? 'a job ID' : 'job IDs'}` : 'marked and not sent';
  return done === total ? `${plural(done, 'cell')} ${what}` : `${done} of ${plural(total, 'cell')} ${what}`;
}

/**
 * The end headline: "Done: 26 cancelled, 6 need a look", "Done: 2 cancelled, 1 cancel requested", "Stopped: 12
 * read, 1 needs a look".
 */
export function endHeadline(
  action: JobAction,
  counts: { jobsTotal: number; done: number; requested?: number; alreadyFinished: number; needLook: number },
  stopped: boolean,
): string {
  const parts: string[] = [];
  if (counts.jobsTotal === 0) parts.push('nothing sent');
  else {
    parts.push(`${counts.done.toLocaleString('en-US')} ${action === 'cancel' ? 'cancelled' : 'read'}`);
    // Accepted by AODocs, the job not yet read CANCELLED: never counted as cancelled.
    if ((counts.requested ?? 0) > 0) parts.push(`${counts.requested!.toLocaleString('en-US')} cancel requested`);
    if (counts.alreadyFinished > 0) parts.push(`${counts.alreadyFinished.toLocaleString('en-US')} already finished`);
  }
  if (counts.needLook > 0) {
    parts.push(`${counts.needLook.toLocaleString('en-US')} ${counts.needLook === 1 ? 'needs' : 'need'} a look`);
  }
  return `${stopped ? 'Stopped' : 'Done'}: ${parts.join(', ')}`;
}

/** "Run again for the 3 jobs AODocs could not answer", "Run again for the 34 jobs not sent". */
export function runAgainLabel(unanswered: number, unsent = 0): string {
  if (unsent === 0) return `Run again for the ${plural(unanswered, 'job')} AODocs could not answer`;
  if (unanswered === 0) return `Run again for the ${plural(unsent, 'job')} not sent`;
  return `Run again for the ${plural(unanswered + unsent, 'job')} not sent or not answered`;
}

/** A row the run could not write (the spreadsheet busy, a write refused): its result, and where it is kept. */
export function notWrittenSentence(row: number, result: string, logged: boolean): string {
  const where = logged ? 'it is in the "AODocs Jobs log" sheet' : 'it is only here';
  return `Row ${row} was not written (${result}); ${where}.`;
}

/** The text of the link to Google's page that grants the add-on's missing permissions. */
export const AUTHORIZE_LINK = "Open Google's permission page";
