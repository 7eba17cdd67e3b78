// The main panel: read the selection, show what would be sent, confirm, run chunk by chunk, show the outcome.
import { JobAction, SelectionPlan, SidebarState } from '../../shared/api';
import { button, h, replaceChildren } from '../dom';
import { PARALLEL_CALLS } from '../../core/settings';
import { readPlanWithHiddenRows } from '../plan-driver';
import { runJobs } from '../run-driver';
import { callServer } from '../server-calls';
import { confirmView, endView, progressView, summaryView } from '../views';
import { plural } from '../wording';

export interface PanelContext {
  root: HTMLElement;
  showError(message: string | null): void;
  state(): SidebarState | undefined;
  /** While a run or a listing goes on, the other panels are out of reach: leaving would hide Stop. */
  setBusy(busy: boolean): void;
}

export function createRunPanel(ctx: PanelContext) {
  const { root, showError } = ctx;

  const inFlight = () => ctx.state()?.piecesInFlight ?? PARALLEL_CALLS;
  const busy = (text: string) => replaceChildren(root, h('p', { class: 'busy', 'aria-busy': 'true' }, text));

  function start(): void {
    replaceChildren(
      root,
      h('p', {}, 'Select the cells that hold AODocs job IDs (several ranges and whole columns work), then:'),
      h(
        'div',
        { class: 'actions' },
        button('Cancel selected jobs…', () => void readPlan('cancel'), 'primary'),
        button('Refresh status', () => void readPlan('refresh')),
      ),
    );
  }

  /** `toConfirm`: the menu's "Cancel selected jobs..." goes straight to the confirmation when there are jobs. */
  async function readPlan(action: JobAction, toConfirm = false): Promise<void> {
    showError(null);
    busy('Reading the selection…');
    // Pieces still in flight after a failed one answer later: their progress must not cover what is shown then.
    let reading = true;
    ctx.setBusy(true);
    try {
      const answer = await readPlanWithHiddenRows({
        readPlan: (...known) => callServer('readSelectionPlan', ...known),
        readHiddenRows: (request) => callServer('readHiddenRows', request),
        inFlight: inFlight(),
        onProgress: (checked, total) => {
          if (reading) busy(`Looking for hidden rows… ${checked} of ${total} rows checked`);
        },
      }).finally(() => {
        reading = false;
        ctx.setBusy(false);
      });
      if (!answer.ok) {
        showError(answer.message);
        start();
        return;
      }
      if (toConfirm && action === 'cancel' && answer.plan.summary.jobIds > 0) confirmStep(answer.plan);
      else planView(answer.plan, action);
    } catch (error) {
      showError((error as Error).message);
      start();
    }
  }

  function planView(plan: SelectionPlan, action: JobAction): void {
    const count = plan.summary.jobIds;
    const go =
      action === 'cancel'
        ? button(`Cancel ${plural(count, 'job')}…`, () => confirmStep(plan), 'primary')
        : button(`Refresh ${plural(count, 'job')}`, () => void run(plan, 'refresh'), 'primary');
    go.disabled = count === 0 && plan.rejected.length === 0;
    replaceChildren(root, summaryView(plan), h('div', { class: 'actions' }, go, button('Back', start)));
  }

  function confirmStep(plan: SelectionPlan): void {
    replaceChildren(
      root,
      summaryView(plan),
      confirmView(plan.summary.jobIds),
      h(
        'div',
        { class: 'actions' },
        button('Cancel jobs', () => void run(plan, 'cancel'), 'danger'),
        button('Go back', () => planView(plan, 'cancel')),
      ),
    );
  }

  async function run(plan: SelectionPlan, action: JobAction): Promise<void> {
    let stopRequested = false;
    const progressBox = h('div', {});
    const stop = button('Stop', () => {
      stopRequested = true;
      stop.disabled = true;
      stop.textContent = 'Stopping after the chunks in flight…';
    });
    replaceChildren(root, progressBox, h('div', { class: 'actions' }, stop));
    const render = (p: Parameters<typeof progressView>[1]) => replaceChildren(progressBox, progressView(action, p));
    render({
      jobsTotal: plan.jobs.length,
      jobsDone: 0,
      rejectedTotal: plan.rejected.length,
      rejectedDone: 0,
      chunksDone: 0,
      results: [],
    });
    ctx.setBusy(true);
    const end = await runJobs({
      plan,
      action,
      chunkSize: plan.chunkSize,
      chunksInFlight: plan.chunksInFlight,
      send: (request) => callServer('runChunk', request),
      onProgress: render,
      stopRequested: () => stopRequested,
      stopOnServer: (runId) => callServer('stopRun', runId),
    }).finally(() => ctx.setBusy(false));
    replaceChildren(root, endView(action, end), h('div', { class: 'actions' }, button('Start over', start, 'primary')));
  }

  return { start, readPlan };
}
