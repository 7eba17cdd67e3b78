// The run panel's screens (summary, confirmation, progress, end), built as nodes; panels/run-panel.ts decides
// which one shows and wires their buttons. Every text from AODocs or from cells goes in as text (dom.ts's h()).
import { JobAction, JobResult, SelectionPlan } from '../shared/api';
import { nextStep } from '../core/next-steps';
import { brakeBound } from '../core/run-schedule';
import { RESULT } from '../core/wording';
import { h, screenHeading } from './dom';
import { messageContent } from './message-content';
import { RunEnd, RunProgress, countOutcomes } from './run-driver';
import {
  FILTER_VIEW_NOTE,
  confirmCancelSentence,
  endHeadline,
  idColumnLabel,
  leftOutSentence,
  notSentSentence,
  notWrittenSentence,
  nothingToSendSentences,
  pauseSentence,
  plural,
  rejectedCellsSentence,
  rejectedProgressSentence,
  stopHoldsSentence,
  timeLeftSentence,
} from './wording';

/** The most ranges (or cells) the summary names before "and N more". */
const MAX_RANGES_SHOWN = 8;
/** The most rows the list of rows that need a look shows. */
const MAX_PROBLEMS_SHOWN = 200;

function row(label: string, value: string | number, testId: string): HTMLElement {
  return h(
    'div',
    { class: 'stat', 'data-testid': testId },
    h('span', { class: 'label' }, label),
    h('span', { class: 'value' }, typeof value === 'number' ? value.toLocaleString('en-US') : value),
  );
}

function rangesText(ranges: string[]): string {
  const shown = ranges.slice(0, MAX_RANGES_SHOWN).join(', ');
  return ranges.length > MAX_RANGES_SHOWN ? `${shown} and ${ranges.length - MAX_RANGES_SHOWN} more` : shown;
}

/** The counts of a selection: what will be sent, what will not, and why. */
export function summaryStats(plan: SelectionPlan): HTMLElement {
  const s = plan.summary;
  return h(
    'div',
    { class: 'summary', 'data-testid': 'summary' },
    h('p', { class: 'where' }, `Sheet "${plan.sheetName}", ${rangesText(s.ranges)}`),
    row('Job ID column', idColumnLabel(s.idColumn.letter, s.idColumn.header), 'id-column'),
    // New-user trial: 'Job IDs found' counted the jobs to send (found ones that are skipped are counted below).
    row('Jobs to send', s.jobIds, 'count-jobs'),
    row('Duplicates (sent once)', s.duplicates, 'count-duplicates'),
    row('Invalid job IDs (not sent)', s.invalid, 'count-invalid'),
    row('Hidden rows skipped', s.hiddenSkipped, 'count-hidden'),
    row('Rows already finished (skipped)', s.finishedSkipped, 'count-finished'),
    s.ignoredCells > 0 && row('Cells outside the job ID column (ignored)', s.ignoredCells, 'count-ignored'),
    s.skipsHiddenRows && h('p', { class: 'help', 'data-testid': 'filter-view-note' }, FILTER_VIEW_NOTE),
  );
}

/**
 * The summary screen, before anything is sent. With no job to send it says why, and which setting or change
 * would send something, in place of a button that would send nothing.
 */
export function summaryView(plan: SelectionPlan, action: JobAction): HTMLElement {
  const nothing = plan.summary.jobIds === 0;
  return h(
    'section',
    { class: 'summary-screen', 'aria-labelledby': 'summary-title' },
    screenHeading(action === 'cancel' ? 'Cancel selected jobs' : 'Refresh status', { id: 'summary-title' }),
    summaryStats(plan),
    nothing &&
      h(
        'div',
        { class: 'nothing', 'data-testid': 'nothing-to-send' },
        ...nothingToSendSentences(plan.summary, action).map((sentence) => h('p', {}, sentence)),
      ),
  );
}

/** The most requests that can still reach AODocs after Stop: the chunks on their way, at most the run's jobs. */
export function stopBound(plan: SelectionPlan): number {
  return Math.min(brakeBound(plan.chunkSize, plan.chunksInFlight), plan.jobs.length);
}

/**
 * The confirmation, a named alert dialog: the count is the one the progress then uses (jobs only), the cells
 * that are never sent are counted apart, and it says how quickly Stop takes hold. `actions`: its buttons.
 */
export function confirmView(plan: SelectionPlan, actions: HTMLElement): HTMLElement {
  const jobs = plan.summary.jobIds;
  const rejected = rejectedCellsSentence(plan.rejected);
  return h(
    'section',
    {
      class: 'confirm-dialog',
      role: 'alertdialog',
      'aria-labelledby': 'confirm-title',
      'aria-describedby': ['confirm-text', rejected && 'confirm-rejected', 'confirm-stop'].filter(Boolean).join(' '),
      'data-testid': 'confirm-dialog',
    },
    screenHeading(`Cancel ${plural(jobs, 'job')}?`, { id: 'confirm-title' }),
    summaryStats(plan),
    h('p', { class: 'confirm', id: 'confirm-text', 'data-testid': 'confirm-text' }, confirmCancelSentence(jobs)),
    rejected !== undefined && h('p', { id: 'confirm-rejected', 'data-testid': 'confirm-rejected' }, rejected),
    h('p', { class: 'help', id: 'confirm-stop', 'data-testid': 'confirm-stop' }, stopHoldsSentence(stopBound(plan))),
    actions,
  );
}

function doneLabel(action: JobAction): string {
  return action === 'cancel' ? 'Cancelled' : 'Status read';
}

/**
 * Cancels AODocs accepted whose row does not say `Cancelled` (the job still running, or its status not read):
 * requested, not done, so that no screen counts them as cancelled.
 */
function cancelRequested(action: JobAction, results: JobResult[]): number {
  if (action !== 'cancel') return 0;
  return results.filter((r) => r.outcome === 'done' && r.result !== RESULT.cancelled).length;
}

function countsView(action: JobAction, results: JobResult[]): HTMLElement {
  const c = countOutcomes(results);
  const requested = cancelRequested(action, results);
  return h(
    'div',
    { class: 'counts' },
    row(doneLabel(action), c.done - requested, 'result-done'),
    requested > 0 && row('Cancel requested', requested, 'result-requested'),
    row('Already finished', c['already-finished'], 'result-finished'),
    row('Failed', c.failed, 'result-failed'),
    row('Invalid', c.invalid, 'result-invalid'),
    c.gone > 0 && row('No longer in the sheet', c.gone, 'result-gone'),
  );
}

/** "12 of 38 jobs done, about 40 s left" (cells that are never sent are not part of the count). */
export function progressSentence(progress: RunProgress): string {
  const done = `${progress.jobsDone.toLocaleString('en-US')} of ${plural(progress.jobsTotal, 'job')} done`;
  return progress.estimatedMsLeft === undefined ? done : `${done}, ${timeLeftSentence(progress.estimatedMsLeft)}`;
}

/** The progress line and, apart, the cells that are only marked: what the live region says after each chunk. */
export function progressAnnouncement(progress: RunProgress, plan: SelectionPlan): string {
  if (progress.pause !== undefined) return pauseSentence(progress.pause.askedSeconds, progress.pause.msLeft);
  const rejected = rejectedLine(progress, plan);
  if (progress.jobsTotal === 0) return rejected ?? '';
  return rejected === undefined ? progressSentence(progress) : `${progressSentence(progress)}. ${rejected}`;
}

function rejectedLine(progress: RunProgress, plan: SelectionPlan): string | undefined {
  if (progress.rejectedTotal === 0) return undefined;
  const allInvalid = plan.rejected.every((r) => r.problem === 'invalid');
  return rejectedProgressSentence(progress.rejectedDone, progress.rejectedTotal, allInvalid);
}

/** The title of the progress screen: what is going on, with the count the confirmation named. */
export function progressTitle(action: JobAction, plan: SelectionPlan): string {
  if (plan.jobs.length === 0) return `Writing ${plural(new Set(plan.rejected.map((r) => r.cell.row)).size, 'row')}`;
  return action === 'cancel'
    ? `Cancelling ${plural(plan.jobs.length, 'job')}`
    : `Reading the status of ${plural(plan.jobs.length, 'job')}`;
}

/** The body of the progress screen, rebuilt after each chunk (its heading and Stop button stay). */
export function progressView(action: JobAction, progress: RunProgress, plan: SelectionPlan): HTMLElement {
  const percent = progress.jobsTotal === 0 ? 100 : Math.round((progress.jobsDone / progress.jobsTotal) * 100);
  const bar = h('div', { class: 'bar-fill' });
  bar.style.width = `${percent}%`;
  const rejected = rejectedLine(progress, plan);
  return h(
    'div',
    { class: 'progress' },
    h(
      'div',
      {
        class: 'bar',
        role: 'progressbar',
        'aria-label': 'Jobs done',
        'aria-valuemin': '0',
        'aria-valuemax': '100',
        'aria-valuenow': String(percent),
        'aria-valuetext': progressSentence(progress),
        'data-testid': 'progress-bar',
      },
      bar,
    ),
    h('p', { 'data-testid': 'progress-text' }, progressSentence(progress)),
    progress.pause !== undefined &&
      h('p', { 'data-testid': 'progress-pause' }, pauseSentence(progress.pause.askedSeconds, progress.pause.msLeft)),
    rejected !== undefined && h('p', { 'data-testid': 'progress-rejected' }, rejected),
    countsView(action, progress.results),
  );
}

/** The results that need a look: those with a next step (core/next-steps.ts). */
export function needingALook(results: JobResult[]): JobResult[] {
  return results.filter((r) => nextStep(r) !== undefined);
}

/** The results AODocs could not answer, worth sending again: one per job. */
export function unanswered(results: JobResult[]): JobResult[] {
  const seen = new Set<string>();
  return results.filter((r) => {
    if (r.transient !== true || r.outcome === 'invalid' || seen.has(r.jobId)) return false;
    seen.add(r.jobId);
    return true;
  });
}

/** The end headline, from the outcome counts: "Done: 26 cancelled, 6 need a look". */
export function endHeadlineOf(action: JobAction, end: RunEnd): string {
  const c = countOutcomes(end.results);
  return endHeadline(
    action,
    {
      jobsTotal: end.jobsTotal,
      done: c.done - cancelRequested(action, end.results),
      requested: cancelRequested(action, end.results),
      alreadyFinished: c['already-finished'],
      needLook: needingALook(end.results).length,
    },
    end.stoppedBecause !== undefined,
  );
}

/** Jobs that need a look (each with its Result and next step), and cells that moved: each named, as text. */
function problemsView(action: JobAction, results: JobResult[]): HTMLElement | null {
  // In row order, as the sheet shows them (results come back chunk by chunk); rows unknown last.
  const firstRow = (r: JobResult) =>
    Math.min(...r.written.map((c) => c.row), ...r.moved.map((m) => m.to?.row ?? m.from.row), Infinity);
  const look = needingALook(results).sort((x, y) => firstRow(x) - firstRow(y));
  const moved = results.flatMap((r) => r.moved.map((m) => ({ r, m })));
  const unwritten = results.flatMap((r) => (r.notWritten ?? []).map((cell) => ({ r, cell })));
  if (look.length === 0 && moved.length === 0 && unwritten.length === 0) return null;
  const items = [
    ...look.map((r) =>
      h(
        'li',
        { class: 'problem', 'data-testid': 'problem-item' },
        h('code', { class: 'problem-id' }, r.jobId),
        h('span', { class: 'problem-result' }, r.result),
        h('span', { class: 'next-step' }, nextStep(r, action)),
      ),
    ),
    ...moved.map(({ m }) =>
      h(
        'li',
        { class: 'problem', 'data-testid': 'moved-item' },
        h('code', { class: 'problem-id' }, m.jobId),
        h(
          'span',
          { class: 'problem-result' },
          m.to
            ? `Moved from row ${m.from.row} to row ${m.to.row}; written there.`
            : `Left row ${m.from.row}; its result is only in the log.`,
        ),
      ),
    ),
    ...unwritten.map(({ r, cell }) =>
      h(
        'li',
        { class: 'problem', 'data-testid': 'not-written-item' },
        h('code', { class: 'problem-id' }, r.jobId),
        h('span', { class: 'problem-result' }, notWrittenSentence(cell.row, r.result, r.logged === true)),
      ),
    ),
  ];
  return h(
    'section',
    { class: 'problems', 'aria-labelledby': 'problems-title' },
    h(
      'h3',
      { id: 'problems-title' },
      look.length > 0 ? 'Need a look' : moved.length > 0 ? 'Moved during the run' : 'Rows not written',
    ),
    h('ul', { 'data-testid': 'problem-list' }, ...items.slice(0, MAX_PROBLEMS_SHOWN)),
    items.length > MAX_PROBLEMS_SHOWN && h('p', {}, `and ${items.length - MAX_PROBLEMS_SHOWN} more`),
  );
}

/** The end screen: the headline (counts, failures named), why it stopped, what was not sent, what needs a look. */
export function endView(
  action: JobAction,
  end: RunEnd,
  actions: HTMLElement,
  /** The rows the plan left out (its summary's counts): the end screen says so again. */
  skipped: { finished: number; hidden: number } = { finished: 0, hidden: 0 },
): HTMLElement {
  const notSent = notSentSentence(end.notSent, end.stoppedBecause !== undefined);
  const leftOut = leftOutSentence(skipped.finished, skipped.hidden);
  return h(
    'section',
    { class: 'end', 'aria-labelledby': 'end-title' },
    screenHeading(endHeadlineOf(action, end), {
      id: 'end-title',
      class: 'screen-title headline',
      'data-testid': 'end-text',
    }),
    end.stoppedBecause !== undefined &&
      h('p', { class: 'reason', 'data-testid': 'end-reason' }, ...messageContent(end.stoppedBecause)),
    notSent !== undefined && h('p', { 'data-testid': 'not-sent' }, notSent),
    leftOut !== undefined && h('p', { class: 'help', 'data-testid': 'left-out' }, leftOut),
    countsView(action, end.results),
    actions,
    problemsView(action, end.results),
  );
}
