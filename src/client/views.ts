// The run panel's screens (summary, confirmation, progress, end), built as nodes; panels/run-panel.ts decides
// which one shows.
import { JobAction, JobResult, SelectionPlan } from '../shared/api';
import { h } from './dom';
import { RunEnd, RunProgress, countOutcomes } from './run-driver';
import { confirmCancelSentence, plural, timeLeftSentence } from './wording';

function row(label: string, value: string | number, testId: string): HTMLElement {
  return h(
    'div',
    { class: 'stat', 'data-testid': testId },
    h('span', { class: 'label' }, label),
    h('span', { class: 'value' }, String(value)),
  );
}

export function summaryView(plan: SelectionPlan): HTMLElement {
  const s = plan.summary;
  return h(
    'section',
    { class: 'summary', 'aria-label': 'Selection summary' },
    h('p', { class: 'where' }, `Sheet "${plan.sheetName}", ${s.ranges.join(', ')}`),
    row('Job IDs found', s.jobIds, 'count-jobs'),
    row('Duplicates (sent once)', s.duplicates, 'count-duplicates'),
    row('Invalid job IDs (not sent)', s.invalid, 'count-invalid'),
    s.severalInRow > 0 && row('Several job IDs in one row (not sent)', s.severalInRow, 'count-several'),
    row('Hidden rows skipped', s.hiddenSkipped, 'count-hidden'),
    row('Already finished (skipped)', s.finishedSkipped, 'count-finished'),
  );
}

export function confirmView(jobs: number): HTMLElement {
  return h('p', { class: 'confirm', role: 'alertdialog', 'data-testid': 'confirm-text' }, confirmCancelSentence(jobs));
}

function doneLabel(action: JobAction): string {
  return action === 'cancel' ? 'Cancelled' : 'Status read';
}

function countsView(action: JobAction, results: JobResult[]): HTMLElement {
  const c = countOutcomes(results);
  return h(
    'div',
    { class: 'counts' },
    row(doneLabel(action), c.done, 'result-done'),
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

export function progressView(action: JobAction, progress: RunProgress): HTMLElement {
  const percent = progress.jobsTotal === 0 ? 100 : Math.round((progress.jobsDone / progress.jobsTotal) * 100);
  const bar = h('div', { class: 'bar-fill' });
  bar.style.width = `${percent}%`;
  return h(
    'section',
    { class: 'progress', 'aria-live': 'polite' },
    h(
      'div',
      {
        class: 'bar',
        role: 'progressbar',
        'aria-valuemin': '0',
        'aria-valuemax': '100',
        'aria-valuenow': String(percent),
      },
      bar,
    ),
    h('p', { 'data-testid': 'progress-text' }, progressSentence(progress)),
    countsView(action, progress.results),
  );
}

/** Jobs that did not end well, and cells that moved: each named, as text. */
function problemsView(results: JobResult[]): HTMLElement | null {
  const failed = results.filter((r) => r.outcome === 'failed' || r.outcome === 'gone' || r.outcome === 'invalid');
  const moved = results.flatMap((r) => r.moved.map((m) => ({ r, m })));
  if (failed.length === 0 && moved.length === 0) return null;
  const items = [
    ...failed.map((r) => h('li', {}, h('code', {}, r.jobId), ` ${r.result}`)),
    ...moved.map(({ m }) =>
      h(
        'li',
        {},
        h('code', {}, m.jobId),
        m.to
          ? ` moved from row ${m.from.row} to row ${m.to.row}; written there`
          : ` left row ${m.from.row}; result only in the log`,
      ),
    ),
  ];
  return h(
    'section',
    { class: 'problems' },
    h('h3', {}, 'Needs a look'),
    h('ul', { 'data-testid': 'problem-list' }, ...items.slice(0, 200)),
    items.length > 200 && h('p', {}, `and ${items.length - 200} more`),
  );
}

export function endView(action: JobAction, end: RunEnd): HTMLElement {
  return h(
    'section',
    { class: 'end' },
    h('p', { class: 'headline', 'data-testid': 'end-text' }, end.stoppedBecause ?? 'Done.'),
    end.notSent > 0 &&
      h(
        'p',
        { 'data-testid': 'not-sent' },
        `${plural(end.notSent, 'job')} not sent (or, for a chunk that failed, not confirmed). Run again to send them: finished rows are skipped.`,
      ),
    countsView(action, end.results),
    problemsView(end.results),
  );
}
