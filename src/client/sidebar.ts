// The sidebar: read the selection, show what would be sent, confirm, run chunk by chunk, show the outcome.
import { JobAction, SelectionPlan, SidebarState } from '../shared/api';
import { button, h, replaceChildren } from './dom';
import { runJobs } from './run-driver';
import { callServer } from './server-calls';
import { confirmView, endView, progressView, summaryView } from './views';
import { plural } from './wording';

declare const __APP_VERSION__: string;

const main = document.getElementById('main')!;
const errorBox = document.getElementById('error')!;
let state: SidebarState | undefined;
let stopRequested = false;

function showError(message: string | null): void {
  replaceChildren(errorBox, message ?? '');
  errorBox.hidden = message === null;
}

function busy(text: string): void {
  replaceChildren(main, h('p', { class: 'busy', 'aria-busy': 'true' }, text));
}

function startView(): void {
  stopRequested = false;
  replaceChildren(
    main,
    h('p', {}, 'Select the cells that hold AODocs job IDs (several ranges and whole columns work), then:'),
    h(
      'div',
      { class: 'actions' },
      button('Cancel selected jobs…', () => readPlan('cancel'), 'primary'),
      button('Refresh status', () => readPlan('refresh')),
    ),
  );
}

async function readPlan(action: JobAction): Promise<void> {
  showError(null);
  busy('Reading the selection…');
  try {
    const answer = await callServer('readSelectionPlan');
    if (!answer.ok) {
      showError(answer.message);
      startView();
      return;
    }
    planView(answer.plan, action);
  } catch (error) {
    showError((error as Error).message);
    startView();
  }
}

function planView(plan: SelectionPlan, action: JobAction): void {
  const count = plan.summary.jobIds;
  const go =
    action === 'cancel'
      ? button(`Cancel ${plural(count, 'job')}…`, () => confirmStep(plan), 'primary')
      : button(`Refresh ${plural(count, 'job')}`, () => void run(plan, 'refresh'), 'primary');
  go.disabled = count === 0 && plan.rejected.length === 0;
  replaceChildren(main, summaryView(plan), h('div', { class: 'actions' }, go, button('Back', startView)));
}

function confirmStep(plan: SelectionPlan): void {
  replaceChildren(
    main,
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
  stopRequested = false;
  const progressBox = h('div', {});
  const stop = button('Stop', () => {
    stopRequested = true;
    stop.disabled = true;
    stop.textContent = 'Stopping after the chunks in flight…';
  });
  replaceChildren(main, progressBox, h('div', { class: 'actions' }, stop));
  const render = (p: Parameters<typeof progressView>[1]) => replaceChildren(progressBox, progressView(action, p));
  render({ total: plan.jobs.length + plan.rejected.length, finished: 0, results: [] });
  const end = await runJobs({
    plan,
    action,
    chunkSize: state?.chunkSize ?? 20,
    chunksInFlight: state?.chunksInFlight ?? 2,
    send: (request) => callServer('runChunk', request),
    onProgress: render,
    stopRequested: () => stopRequested,
  });
  replaceChildren(
    main,
    endView(action, end),
    h('div', { class: 'actions' }, button('Start over', startView, 'primary')),
  );
}

async function init(): Promise<void> {
  replaceChildren(document.getElementById('version')!, `AODocs Jobs ${__APP_VERSION__}`);
  busy('Loading…');
  try {
    state = await callServer('getSidebarState');
    replaceChildren(document.getElementById('user')!, state.userEmail ? `Signed in as ${state.userEmail}` : '');
    if (state.startWithCancel) await readPlan('cancel');
    else startView();
  } catch (error) {
    showError((error as Error).message);
    startView();
  }
}

void init();
