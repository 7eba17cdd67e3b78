// Load jobs from a library into a new sheet, page by page, with progress.
import { LibraryFilters } from '../../shared/api';
import { button, h, replaceChildren, screenHeading, showScreen } from '../dom';
import { callServer } from '../server-calls';
import { field, selectField } from '../form';
import { PanelContext } from './run-panel';
import { JOB_STATUSES as STATUSES } from '../../core/library-listing';

export function createLibraryPanel(ctx: PanelContext) {
  const { root, showError } = ctx;

  function start(previous?: LibraryFilters): void {
    const libraryId = field('Library ID', 'library-id', previous?.libraryId ?? '', 'ID of an AODocs library');
    const status = selectField(
      'Status',
      'library-status',
      [...STATUSES.map((s) => [s, s] as [string, string]), ['', 'All']],
      previous?.status ?? 'IN_PROGRESS',
    );
    const type = field('Type (optional)', 'library-type', previous?.type ?? '', 'e.g. IMPORT_FOLDER');
    const requestor = field('Requestor (optional)', 'library-requestor', previous?.requestor ?? '', 'email');
    const form = h(
      'form',
      { class: 'form', 'aria-label': 'Load jobs from a library' },
      libraryId.row,
      status.row,
      type.row,
      requestor.row,
    );
    const go = button(
      'Load jobs',
      () => {
        void load({
          libraryId: libraryId.input.value,
          status: status.input.value,
          type: type.input.value,
          requestor: requestor.input.value,
        });
      },
      'primary',
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      go.click();
    });
    showScreen(
      root,
      screenHeading('Load jobs from a library'),
      h('p', {}, "Lists a library's jobs into a new sheet, ready to select and cancel."),
      form,
      h('div', { class: 'actions' }, go),
    );
  }

  async function load(filters: LibraryFilters): Promise<void> {
    showError(null);
    let stop = false;
    const progress = h('p', { 'data-testid': 'library-progress', 'aria-busy': 'true' }, 'Reading the first page…');
    // aria-disabled rather than disabled once pressed: the button keeps the keyboard focus.
    const stopButton = button('Stop', () => {
      stop = true;
      stopButton.setAttribute('aria-disabled', 'true');
    });
    showScreen(root, screenHeading('Loading jobs'), progress, h('div', { class: 'actions' }, stopButton));
    ctx.announce(progress.textContent ?? '');
    let sheetName: string | undefined;
    let pageToken: string | undefined;
    let rows = 0;
    let capped = false;
    ctx.setBusy(true);
    try {
      do {
        const page = await callServer('loadLibraryPage', { filters, sheetName, pageToken, rowsSoFar: rows });
        sheetName = page.sheetName;
        pageToken = page.nextPageToken;
        rows += page.rowsWritten;
        capped = page.capped;
        replaceChildren(progress, `${rows} jobs written to "${sheetName}"${pageToken ? ', reading more…' : '.'}`);
        ctx.announce(progress.textContent ?? '');
      } while (pageToken && !stop);
    } catch (error) {
      showError((error as Error).message);
    } finally {
      ctx.setBusy(false);
    }
    const summary =
      sheetName === undefined
        ? 'The first page of the listing could not be read (the reason is above); no sheet was written.'
        : `${rows} jobs in sheet "${sheetName}".${capped ? ' The run cap (Settings) stopped the listing.' : ''}${stop && pageToken ? ' Stopped before the last page.' : ''}`;
    showScreen(
      root,
      screenHeading(sheetName === undefined ? 'Nothing loaded' : 'Jobs loaded'),
      h('p', { 'data-testid': 'library-done' }, summary),
      rows > 0 && h('p', {}, 'Select the job IDs in that sheet, then use Cancel selected jobs.'),
      h(
        'div',
        { class: 'actions' },
        button('Load another', () => start(filters)),
      ),
    );
    ctx.announce(summary);
  }

  return { start: () => start() };
}
