// Job errors: the error events of the job in the active cell, as text.
import { button, h, screenHeading, showScreen } from '../dom';
import { callServer } from '../server-calls';
import { PanelContext } from './run-panel';

export function createErrorsPanel(ctx: PanelContext) {
  const { root, showError } = ctx;

  function start(): void {
    showScreen(
      root,
      screenHeading('Job errors'),
      h('p', {}, 'Click the cell holding a job ID, then:'),
      h(
        'div',
        { class: 'actions' },
        button('Show job errors', () => void read(), 'primary'),
      ),
    );
  }

  async function read(): Promise<void> {
    showError(null);
    showScreen(root, h('p', { class: 'busy', 'aria-busy': 'true' }, 'Reading the job’s errors…'));
    try {
      const result = await callServer('readJobErrors');
      const items = result.events.map((e) =>
        h(
          'li',
          { class: 'event' },
          h('span', { class: 'event-meta' }, `${e.time.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')} · ${e.severity}`),
          h('span', { class: 'event-message' }, e.message),
        ),
      );
      const title = screenHeading('Errors of ');
      title.append(h('code', {}, result.jobId));
      showScreen(
        root,
        title,
        items.length === 0
          ? h('p', { 'data-testid': 'no-errors' }, 'This job has no error events.')
          : h('ul', { class: 'events', 'data-testid': 'error-list' }, ...items),
        result.truncated && h('p', {}, 'Only the first errors are shown.'),
        h('div', { class: 'actions' }, button('Another job', start)),
      );
    } catch (error) {
      showError((error as Error).message);
      start();
    }
  }

  return { start };
}
