// The main panel: read the selection, show what would be sent, confirm, run chunk by chunk, show the outcome.
import { IdColumnQuestion, JobAction, SelectionPlan, SidebarState } from '../../shared/api';
import { field, selectField } from '../form';
import { button, h, screenHeading, showScreen } from '../dom';
import { rowsToLookAt } from '../../core/next-steps';
import { newRunId } from '../../core/run-schedule';
import { PARALLEL_CALLS } from '../../core/settings';
import { readPlanWithHiddenRows } from '../plan-driver';
import { RunEnd, RunProgress, runJobs } from '../run-driver';
import { planForAgain } from '../run-again';
import { callServer } from '../server-calls';
import {
  confirmView,
  endHeadlineOf,
  endView,
  progressAnnouncement,
  progressTitle,
  progressView,
  stopBound,
  summaryView,
  unanswered,
} from '../views';
import {
  CHOOSE_ID_COLUMN_HELP,
  idColumnOption,
  plural,
  runAgainLabel,
  stopHoldsSentence,
  typeCountLabel,
  writeRejectedLabel,
} from '../wording';

export interface PanelContext {
  /** The panel's own tab panel: its screens replace each other here. */
  root: HTMLElement;
  showError(message: string | null): void;
  state(): SidebarState | undefined;
  /** While a run or a listing goes on, the other panels are out of reach: leaving would hide Stop. */
  setBusy(busy: boolean): void;
  /** Says `text` in the sidebar's one polite live region: read out by screen readers, focus left where it is. */
  announce(text: string): void;
}

export function createRunPanel(ctx: PanelContext) {
  const { root, showError } = ctx;

  const inFlight = () => ctx.state()?.piecesInFlight ?? PARALLEL_CALLS;
  const busy = (text: string) => showScreen(root, h('p', { class: 'busy', 'aria-busy': 'true' }, text));

  function start(): void {
    showScreen(
      root,
      screenHeading('Jobs in the selection'),
      h('p', {}, 'Select the cells that hold AODocs job IDs (several ranges and whole columns work), then:'),
      h(
        'div',
        { class: 'actions' },
        button('Cancel selected jobs…', () => void readPlan('cancel'), 'primary'),
        button('Refresh status', () => void readPlan('refresh')),
      ),
    );
  }

  /** The menu's "Cancel selected jobs..." and the sidebar's button both come here: the summary, then the confirmation. */
  async function readPlan(action: JobAction): Promise<void> {
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
      if (answer.ok === 'choose-id-column') {
        chooseColumnStep(answer.question, action);
        return;
      }
      if (!answer.ok) {
        showError(answer.message);
        start();
        return;
      }
      planView(answer.plan, action);
    } catch (error) {
      showError((error as Error).message);
      start();
    }
  }

  /**
   * Several columns are selected and the header names no job ID column: the user says which one holds the IDs
   * (preselected: the one whose cells look most like job IDs); the server remembers it for the sheet, and the
   * selection is read again with it.
   */
  function chooseColumnStep(question: IdColumnQuestion, action: JobAction): void {
    const options = question.candidates.map((c): [string, string] => [
      String(c.column),
      idColumnOption(c.letter, c.header, c.looksLikeIds),
    ]);
    const choice = selectField('Column with the job IDs', 'id-column', options, String(question.preselected));
    const use = async () => {
      showError(null);
      try {
        const column = Number(choice.input.value);
        const header = question.candidates.find((c) => c.column === column)?.header ?? '';
        await callServer('chooseIdColumn', { sheetId: question.sheetId, column, header });
      } catch (error) {
        showError((error as Error).message);
        return;
      }
      await readPlan(action);
    };
    showScreen(
      root,
      h(
        'section',
        { class: 'choose-column', 'aria-labelledby': 'choose-column-title', 'data-testid': 'choose-id-column' },
        screenHeading('Which column holds the job IDs?', { id: 'choose-column-title' }),
        h('p', {}, CHOOSE_ID_COLUMN_HELP(question.sheetName)),
        choice.row,
        h(
          'div',
          { class: 'actions' },
          button('Use this column', () => void use(), 'primary'),
          button('Back', start),
        ),
      ),
    );
  }

  /** "Change the job ID column": the question for the current selection, whatever the header says. */
  async function changeColumn(action: JobAction): Promise<void> {
    showError(null);
    try {
      const answer = await callServer('askIdColumn');
      if (answer.ok === 'choose-id-column') chooseColumnStep(answer.question, action);
      else if (answer.ok === false) showError(answer.message);
    } catch (error) {
      showError((error as Error).message);
    }
  }

  /**
   * The summary. With jobs, the button that goes on names their count. With none, no button sends nothing: when
   * the selection holds cells that are not job IDs, the one button writes their rows' Result (nothing reaches
   * AODocs, so no confirmation); otherwise only Back.
   */
  function planView(plan: SelectionPlan, action: JobAction): void {
    const count = plan.summary.jobIds;
    let go: HTMLButtonElement | null = null;
    if (count > 0) {
      go =
        action === 'cancel'
          ? button(`Cancel ${plural(count, 'job')}…`, () => confirmStep(plan), 'primary')
          : button(`Refresh ${plural(count, 'job')}`, () => void run(plan, 'refresh'), 'primary');
    } else if (plan.rejected.length > 0) {
      go = button(writeRejectedLabel(plan.rejected), () => void run(plan, action), 'primary');
    }
    const change = button('Change the job ID column', () => void changeColumn(action));
    showScreen(root, summaryView(plan, action), h('div', { class: 'actions' }, go, change, button('Back', start)));
  }

  function confirmStep(plan: SelectionPlan): void {
    const back = () => planView(plan, 'cancel');
    const jobs = plan.summary.jobIds;
    const go = button('Cancel jobs', () => void run(plan, 'cancel'), 'danger');
    // A large run (the user's setting, 500 by default): the count is typed before the button works, as careful
    // tools ask before a large irreversible action.
    let typed: HTMLElement | null = null;
    if (plan.typedConfirmFrom !== undefined && jobs >= plan.typedConfirmFrom) {
      const count = field(typeCountLabel(jobs), 'typed-count', '', '', 'text');
      count.input.setAttribute('inputmode', 'numeric');
      go.disabled = true;
      count.input.addEventListener('input', () => {
        go.disabled = count.input.value.trim().replace(/[,\s]/g, '') !== String(jobs);
      });
      typed = count.row;
    }
    const actions = h('div', {}, typed, h('div', { class: 'actions' }, go, button('Go back', back)));
    const dialog = confirmView(plan, actions);
    // Escape leaves a dialog: here it is "Go back", never the red button.
    dialog.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      back();
    });
    showScreen(root, dialog);
  }

  async function run(plan: SelectionPlan, action: JobAction): Promise<void> {
    showError(null);
    let stopRequested = false;
    // The run's ID is made here so that Stop can mark the run on the server at once, not after a chunk is back.
    const runId = newRunId(crypto.getRandomValues(new Uint8Array(12)));
    let serverTold: Promise<unknown> | undefined;
    const stopOnServer = () => (serverTold ??= callServer('stopRun', runId).catch(() => undefined));
    const progressBox = h('div', { 'aria-busy': 'true' });
    const stopHelp = h(
      'p',
      { class: 'help', id: 'stop-help', 'data-testid': 'stop-help' },
      stopHoldsSentence(stopBound(plan), action),
    );
    // aria-disabled rather than disabled once pressed: the button keeps the keyboard focus.
    const stop = button('Stop', () => {
      if (stopRequested) return;
      stopRequested = true;
      stop.setAttribute('aria-disabled', 'true');
      stop.textContent = 'Stopping after the chunks in flight…';
      void stopOnServer();
      ctx.announce('Stopping: no more chunks are sent; the chunks in flight finish and are written.');
    });
    // A run that only marks rejected cells sends nothing to AODocs: no brake to explain.
    if (plan.jobs.length > 0) stop.setAttribute('aria-describedby', 'stop-help');
    showScreen(
      root,
      h(
        'section',
        { class: 'running', 'aria-labelledby': 'progress-title' },
        screenHeading(progressTitle(action, plan), { id: 'progress-title' }),
        progressBox,
        h('div', { class: 'actions' }, stop),
        plan.jobs.length > 0 && stopHelp,
      ),
    );
    // A pause's countdown renders every second; the live region says when the pause begins, not each second.
    let paused = false;
    const render = (p: RunProgress) => {
      progressBox.replaceChildren(progressView(action, p, plan));
      if (p.pause === undefined || !paused) ctx.announce(progressAnnouncement(p, plan));
      paused = p.pause !== undefined;
    };
    render({
      jobsTotal: plan.jobs.length,
      jobsDone: 0,
      rejectedTotal: plan.rejected.length,
      rejectedDone: 0,
      chunksDone: 0,
      results: [],
    });
    ctx.setBusy(true);
    let end: RunEnd;
    try {
      end = await runJobs({
        plan,
        action,
        chunkSize: plan.chunkSize,
        chunksInFlight: plan.chunksInFlight,
        send: (request) => callServer('runChunk', request),
        onProgress: render,
        runId,
        stopRequested: () => stopRequested,
        stopOnServer,
      });
    } catch (error) {
      showError((error as Error).message);
      start();
      return;
    } finally {
      ctx.setBusy(false);
    }
    endStep(plan, action, end);
  }

  function endStep(plan: SelectionPlan, action: JobAction, end: RunEnd): void {
    const rows = rowsToLookAt(end.results);
    const answeredNot = unanswered(end.results);
    // After any stop (Stop, a safety stop, the breaker, a pause too long), the jobs never sent go again too.
    const again = [...answeredNot.map((r) => r.jobId), ...end.unsent.map((j) => j.jobId)];
    const selected = h('p', { class: 'help', 'data-testid': 'select-status' });
    selected.hidden = true;
    const actions = h(
      'div',
      { class: 'actions' },
      button('Start over', start, 'primary'),
      rows.length > 0 && button('Select rows that need a look', () => void selectRows(plan.sheetId, rows, selected)),
      again.length > 0 &&
        button(runAgainLabel(answeredNot.length, end.unsent.length), () => runAgain(plan, action, again)),
    );
    const skipped = { finished: plan.summary.finishedSkipped, hidden: plan.summary.hiddenSkipped };
    showScreen(root, endView(action, end, h('div', {}, actions, selected), skipped));
    ctx.announce([endHeadlineOf(action, end), end.stoppedBecause].filter(Boolean).join('. '));
  }

  async function selectRows(sheetId: number, rows: number[], status: HTMLElement): Promise<void> {
    showError(null);
    try {
      await callServer('selectRows', { sheetId, rows });
      status.textContent = `${plural(rows.length, 'row')} selected in the sheet.`;
      status.hidden = false;
      ctx.announce(status.textContent);
    } catch (error) {
      showError((error as Error).message);
    }
  }

  /** Only the jobs AODocs could not answer or that were not sent, through the confirmation again for a cancel. */
  function runAgain(plan: SelectionPlan, action: JobAction, jobIds: string[]): void {
    const again = planForAgain(plan, jobIds);
    if (again.jobs.length === 0) return;
    if (action === 'cancel') confirmStep(again);
    else void run(again, 'refresh');
  }

  return { start, readPlan };
}
