// The sidebar in real Chromium, with google.script.run answered by a scripted server: summary, confirmation,
// progress, stop, the failure list, and untrusted text shown as text.
import { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { SidebarPage, openSidebarPage } from '../support/sidebar-page';
import { version } from '../../package.json';
import { scheduleChunks } from '../../src/core/run-schedule';
import type {
  ChunkRequest,
  ChunkResult,
  HiddenRowsRequest,
  IdColumnChoice,
  JobResult,
  KnownHiddenRows,
  PlanAnswer,
  RejectedCell,
  RowsToSelect,
  SelectionPlan,
  SidebarState,
} from '../../src/shared/api';

const HOSTILE = '<img src=x onerror="window.__xss=1">';

function plan(jobIds: string[], extra: Partial<SelectionPlan['summary']> = {}): SelectionPlan {
  return {
    sheetId: 7,
    sheetName: 'Jobs',
    headerRow: 1,
    idColumn: 1,
    jobs: jobIds.map((jobId, i) => ({ jobId, cells: [{ row: i + 2, column: 1 }] })),
    rejected: [],
    chunkSize: 2,
    chunksInFlight: 2,
    summary: {
      ranges: ['A2:A99'],
      jobIds: jobIds.length,
      duplicates: 0,
      idColumn: { column: 1, letter: 'A', header: 'Job ID', source: 'header' },
      invalid: 0,
      ignoredCells: 0,
      skipsHiddenRows: false,
      hiddenSkipped: 0,
      finishedSkipped: 0,
      ...extra,
    },
  };
}

/** The jobs of each chunk the sidebar sends for `p`, in the order core/run-schedule.ts gives them. */
function chunkJobIds(p: SelectionPlan): string[][] {
  const { opening, rest } = scheduleChunks(p.jobs, p.rejected, p.chunkSize);
  return [...(opening ? [opening] : []), ...rest].map((c) => c.jobs.map((j) => j.jobId));
}

function result(jobId: string, outcome: JobResult['outcome'], text: string, extra: Partial<JobResult> = {}): JobResult {
  return { jobId, outcome, result: text, written: [], moved: [], ...extra };
}

/** The rejected cells' results, as the server writes them. */
function rejectedResults(req: ChunkRequest): JobResult[] {
  return req.rejected.map((r) =>
    result(r.text, 'invalid', 'Invalid job ID', {
      written: [r.cell],
    }),
  );
}

interface Scripted {
  state?: Partial<SidebarState>;
  plan: PlanAnswer | ((known: KnownHiddenRows | undefined) => PlanAnswer);
  hiddenRows?: (request: HiddenRowsRequest) => number[] | Promise<number[]>;
  chunk: (request: ChunkRequest) => ChunkResult | Promise<ChunkResult>;
  chooseIdColumn?: (choice: IdColumnChoice) => void;
  askIdColumn?: () => PlanAnswer;
}

function scripted(s: Scripted) {
  const chunks: ChunkRequest[] = [];
  const stops: string[] = [];
  const selects: RowsToSelect[] = [];
  const serve = async (name: string, args: unknown[]) => {
    switch (name) {
      case 'getSidebarState':
        return {
          version: 'test',
          userEmail: 'admin@example.com',
          piecesInFlight: 2,
          startWithCancel: false,
          ...s.state,
        };
      case 'readSelectionPlan':
        return typeof s.plan === 'function' ? s.plan(args[0] as KnownHiddenRows | undefined) : s.plan;
      case 'readHiddenRows':
        if (!s.hiddenRows) throw new Error('unexpected call readHiddenRows');
        return s.hiddenRows(args[0] as HiddenRowsRequest);
      case 'runChunk':
        chunks.push(args[0] as ChunkRequest);
        return s.chunk(args[0] as ChunkRequest);
      case 'stopRun':
        stops.push(args[0] as string);
        return null;
      case 'selectRows':
        selects.push(args[0] as RowsToSelect);
        return null;
      case 'askIdColumn':
        if (!s.askIdColumn) throw new Error('unexpected call askIdColumn');
        return s.askIdColumn();
      case 'chooseIdColumn':
        if (!s.chooseIdColumn) throw new Error('unexpected call chooseIdColumn');
        s.chooseIdColumn(args[0] as IdColumnChoice);
        return null;
      case 'getSettings':
        return SETTINGS;
      default:
        throw new Error(`unexpected call ${name}`);
    }
  };
  return { serve, chunks, stops, selects };
}

const SETTINGS = {
  baseUrl: 'https://aodocs.altirnao.com/api',
  domain: '',
  authMode: 'identity-token',
  chunkSize: 20,
  chunksInFlight: 2,
  skipHiddenRows: true,
  skipFinishedRows: true,
  writeLog: true,
  runCap: 5000,
  securityCodeSaved: false,
  allowedUrlPrefixes: ['https://aodocs.altirnao.com/api/'],
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(
  s: Scripted,
): Promise<{ page: SidebarPage; chunks: ChunkRequest[]; stops: string[]; selects: RowsToSelect[] }> {
  const { serve, chunks, stops, selects } = scripted(s);
  const page = await openSidebarPage(browser, serve);
  await page.getByRole('button', { name: 'Cancel selected jobs…' }).waitFor();
  return { page, chunks, stops, selects };
}

test('shows the summary, asks for confirmation with the exact count, then cancels chunk by chunk', async () => {
  const ids = ['J1', 'J2', 'J3', 'J4', 'J5'];
  const { page, chunks } = await open({
    plan: { ok: true, plan: plan(ids, { duplicates: 2, invalid: 1, hiddenSkipped: 3, finishedSkipped: 4 }) },
    chunk: (req) => ({ results: req.jobs.map((j) => result(j.jobId, 'done', 'Cancelled')), notSent: [] }),
  });
  await page.getByRole('button', { name: 'Cancel selected jobs…' }).click();
  await expectText(page, 'count-jobs', '5');
  await expectText(page, 'count-duplicates', '2');
  await expectText(page, 'count-invalid', '1');
  await expectText(page, 'count-hidden', '3');
  await expectText(page, 'count-finished', '4');
  await page.getByRole('button', { name: 'Cancel 5 jobs…' }).click();
  await expect(page.getByTestId('confirm-text').textContent()).resolves.toBe(
    'Cancel 5 AODocs jobs? Their pending tasks will not run. Tasks already done are not undone.',
  );
  expect(chunks).toHaveLength(0); // nothing is sent before the confirmation
  await page.getByRole('button', { name: 'Cancel jobs' }).click();
  await page.getByTestId('end-text').waitFor();
  await expectText(page, 'result-done', '5');
  // The opening chunk alone (slow start), then chunks of the plan's chunk size.
  expect(chunks.map((c) => c.jobs.map((j) => j.jobId))).toEqual(chunkJobIds(plan(ids)));
  expect(chunks.every((c) => c.action === 'cancel' && c.sheetId === 7 && c.headerRow === 1)).toBe(true);
});

test('several columns and no ID title: the sidebar asks which column, preselected, then shows it in the summary', async () => {
  const choices: IdColumnChoice[] = [];
  let chosen = 0;
  const question: PlanAnswer = {
    ok: 'choose-id-column',
    question: {
      sheetId: 7,
      sheetName: 'Tickets',
      candidates: [
        { column: 1, letter: 'A', header: 'Reference', looksLikeIds: 0 },
        { column: 2, letter: 'B', header: 'Ticket', looksLikeIds: 12 },
      ],
      preselected: 2,
    },
  };
  const { page } = await open({
    plan: () =>
      chosen === 0
        ? question
        : {
            ok: true,
            plan: plan(['J1'], {
              idColumn: { column: chosen, letter: 'B', header: 'Ticket', source: 'chosen' },
              ignoredCells: 3,
              skipsHiddenRows: true,
            }),
          },
    chooseIdColumn: (choice) => {
      choices.push(choice);
      chosen = choice.column;
    },
    askIdColumn: () => question,
    chunk: () => ({ results: [], notSent: [] }),
  });
  await page.getByRole('button', { name: 'Cancel selected jobs…' }).click();
  const select = page.getByLabel('Column with the job IDs');
  await expect(select.inputValue()).resolves.toBe('2');
  await expect(select.locator('option').allTextContents()).resolves.toEqual([
    'A (Reference): 0 look like job IDs',
    'B (Ticket): 12 look like job IDs',
  ]);
  await page.getByRole('button', { name: 'Use this column' }).click();
  await expectText(page, 'id-column', 'B (Ticket)');
  await expectText(page, 'count-ignored', '3');
  await expect(page.getByTestId('filter-view-note').textContent()).resolves.toMatch(/filter view/);
  expect(choices).toEqual([{ sheetId: 7, column: 2, header: 'Ticket' }]);
  // The column can be changed from the summary: the question comes back (askIdColumn), and the new choice holds.
  await page.getByRole('button', { name: 'Change the job ID column' }).click();
  await select.waitFor();
  await select.selectOption('1');
  await page.getByRole('button', { name: 'Use this column' }).click();
  await page.getByTestId('id-column').waitFor();
  expect(choices).toEqual([
    { sheetId: 7, column: 2, header: 'Ticket' },
    { sheetId: 7, column: 1, header: 'Reference' },
  ]);
});

test('a large selection: its rows are checked for being hidden in parallel, with progress, then summarised', async () => {
  const rows = Array.from({ length: 450 }, (_, i) => i + 2);
  const knownSent: (KnownHiddenRows | undefined)[] = [];
  const pieces: HiddenRowsRequest[] = [];
  let releaseFirst!: () => void;
  const firstPiece = new Promise<void>((r) => (releaseFirst = r));
  let secondAsked!: () => void;
  const secondPieceAsked = new Promise<void>((r) => (secondAsked = r));
  const { page } = await open({
    plan: (known) => {
      knownSent.push(known);
      return known
        ? { ok: true, plan: plan(['J1', 'J2'], { hiddenSkipped: known.rounds[0].hidden.length }) }
        : { ok: 'check-hidden-rows', request: { sheetId: 7, rows, fingerprint: 'fp1' } };
    },
    hiddenRows: async (request) => {
      pieces.push(request);
      if (pieces.length === 1) await firstPiece;
      else secondAsked();
      return request.rows.filter((row) => row % 100 === 0);
    },
    chunk: () => ({ results: [], notSent: [] }),
  });
  await page.getByRole('button', { name: 'Cancel selected jobs…' }).click();
  // Two calls in flight (the scripted state's figure): the second piece is asked for while the first is unanswered.
  await secondPieceAsked;
  await page.getByText('Looking for hidden rows… 225 of 450 rows checked').waitFor();
  expect(pieces.map((p) => p.rows)).toEqual([rows.slice(0, 225), rows.slice(225)]);
  releaseFirst();
  await page.getByTestId('count-hidden').waitFor();
  await expectText(page, 'count-hidden', '4');
  expect(knownSent).toEqual([
    undefined,
    { sheetId: 7, rounds: [{ rows, hidden: [100, 200, 300, 400], fingerprint: 'fp1' }] },
  ]);
});

test('a failed hidden-row piece shows its message and the start again; a later piece does not cover it', async () => {
  const rows = Array.from({ length: 450 }, (_, i) => i + 2);
  let releaseSecond!: () => void;
  const second = new Promise<void>((r) => (releaseSecond = r));
  let secondAnswered!: () => void;
  const secondDone = new Promise<void>((r) => (secondAnswered = r));
  let asked = 0;
  const { page } = await open({
    plan: { ok: 'check-hidden-rows', request: { sheetId: 7, rows, fingerprint: 'fp' } },
    hiddenRows: async () => {
      if (++asked === 1) throw new Error('Service invoked too many times in a short time');
      await second;
      secondAnswered();
      return [];
    },
    chunk: () => ({ results: [], notSent: [] }),
  });
  await page.getByRole('button', { name: 'Cancel selected jobs…' }).click();
  await expect(page.getByRole('alert').textContent()).resolves.toBe('Service invoked too many times in a short time');
  await page.getByRole('button', { name: 'Cancel selected jobs…' }).waitFor();
  releaseSecond();
  await secondDone;
  // Let the sidebar handle the late answer, then check that nothing replaced the start buttons.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  await expect(page.getByRole('button', { name: 'Cancel selected jobs…' }).isVisible()).resolves.toBe(true);
  expect(await page.getByText(/Looking for hidden rows/).count()).toBe(0);
  await expect(page.getByRole('tab', { name: 'Settings' }).isEnabled()).resolves.toBe(true);
});

test('Go back from the confirmation sends nothing', async () => {
  const { page, chunks } = await open({
    plan: { ok: true, plan: plan(['J1']) },
    chunk: () => ({ results: [], notSent: [] }),
  });
  await page.getByRole('button', { name: 'Cancel selected jobs…' }).click();
  await page.getByRole('button', { name: 'Cancel 1 job…' }).click();
  await page.getByRole('button', { name: 'Go back' }).click();
  await page.getByRole('button', { name: 'Cancel 1 job…' }).waitFor();
  expect(chunks).toHaveLength(0);
});

test('Stop lets the chunk in flight finish, tells the server, sends no more, and says how many were not sent', async () => {
  const ids = Array.from({ length: 10 }, (_, i) => `J${i}`);
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const { page, chunks, stops } = await open({
    plan: { ok: true, plan: plan(ids) },
    chunk: async (req) => {
      await gate;
      return { results: req.jobs.map((j) => result(j.jobId, 'done', 'Cancelled')), notSent: [] };
    },
  });
  await page.getByRole('button', { name: 'Cancel selected jobs…' }).click();
  await page.getByRole('button', { name: 'Cancel 10 jobs…' }).click();
  await page.getByRole('button', { name: 'Cancel jobs' }).click();
  const stop = page.getByRole('button', { name: 'Stop' });
  // The Stop button says how quickly it takes hold: 2 chunks of 2 jobs in flight at most.
  const describedBy = await stop.getAttribute('aria-describedby');
  await expect(page.locator(`#${describedBy}`).textContent()).resolves.toBe(
    'From the moment Stop is pressed, at most 4 further cancels reach AODocs; the others are not sent.',
  );
  await stop.click();
  release();
  await page.getByTestId('end-text').waitFor();
  // Slow start: the opening chunk was alone in flight when Stop was pressed.
  expect(chunks).toHaveLength(1);
  const opening = chunkJobIds(plan(ids))[0].length;
  expect(stops).toEqual([chunks[0].runId]);
  await expectText(page, 'result-done', String(opening));
  await expect(page.getByTestId('end-text').textContent()).resolves.toBe(`Stopped: ${opening} cancelled`);
  await expect(page.getByTestId('not-sent').textContent()).resolves.toContain(`${10 - opening} jobs not sent`);
});

test('failures are listed with their job ID, and hostile text stays text', async () => {
  const { page } = await open({
    plan: { ok: true, plan: plan([HOSTILE, '=HYPERLINK("http://x","y")']) },
    chunk: (req) => ({
      results: req.jobs.map((j) => result(j.jobId, 'failed', `Refused: ${HOSTILE}`)),
      notSent: [],
    }),
  });
  await page.getByRole('button', { name: 'Cancel selected jobs…' }).click();
  await page.getByRole('button', { name: 'Cancel 2 jobs…' }).click();
  await page.getByRole('button', { name: 'Cancel jobs' }).click();
  const list = page.getByTestId('problem-list');
  await list.waitFor();
  const text = await list.textContent();
  expect(text).toContain(HOSTILE);
  expect(text).toContain('=HYPERLINK("http://x","y")');
  expect(await page.locator('img').count()).toBe(0);
  expect(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).toBeUndefined();
});

test('a refused plan shows its message and offers nothing to send', async () => {
  const { page } = await open({
    plan: { ok: false, message: `Select the cells ${HOSTILE}` },
    chunk: () => ({ results: [], notSent: [] }),
  });
  await page.getByRole('button', { name: 'Cancel selected jobs…' }).click();
  await expect(page.getByRole('alert').textContent()).resolves.toBe(`Select the cells ${HOSTILE}`);
  expect(await page.locator('img').count()).toBe(0);
});

test('a chunk that fails on the server stops the run with its message', async () => {
  const { page, chunks } = await open({
    plan: { ok: true, plan: plan(['J1', 'J2', 'J3', 'J4', 'J5', 'J6']) },
    chunk: () => {
      throw new Error('Authorization needed: reopen the sidebar and allow the add-on to see your Google identity.');
    },
  });
  await page.getByRole('button', { name: 'Cancel selected jobs…' }).click();
  await page.getByRole('button', { name: 'Cancel 6 jobs…' }).click();
  await page.getByRole('button', { name: 'Cancel jobs' }).click();
  await expect(page.getByTestId('end-text').textContent()).resolves.toMatch(/^Stopped: /);
  await expect(page.getByTestId('end-reason').textContent()).resolves.toContain('Authorization needed');
  expect(chunks.length).toBeLessThanOrEqual(2);
  await expect(page.getByTestId('not-sent').textContent()).resolves.toContain('6 jobs not sent');
});

test('opened by "Cancel selected jobs..." it shows the summary, then the same confirmation as the button', async () => {
  const { serve, chunks } = scripted({
    state: { startWithCancel: true },
    plan: { ok: true, plan: plan(['J1']) },
    chunk: () => ({ results: [], notSent: [] }),
  });
  const page = await openSidebarPage(browser, serve);
  await expect(page.getByTestId('count-jobs').locator('.value').textContent()).resolves.toBe('1');
  expect(await page.getByTestId('confirm-dialog').count()).toBe(0);
  await page.getByRole('button', { name: 'Cancel 1 job…' }).click();
  await expect(page.getByTestId('confirm-text').textContent()).resolves.toBe(
    'Cancel 1 AODocs job? Their pending tasks will not run. Tasks already done are not undone.',
  );
  await page.getByRole('button', { name: 'Cancel jobs' }).waitFor();
  expect(chunks).toHaveLength(0);
});

test('the footer shows the version and the sidebar loads nothing from outside', async () => {
  const { page } = await open({ plan: { ok: true, plan: plan(['J1']) }, chunk: () => ({ results: [], notSent: [] }) });
  await expect(page.locator('footer').textContent()).resolves.toBe(`AODocs Jobs ${version}`);
  await page.getByRole('button', { name: 'Cancel selected jobs…' }).click();
  await page.getByRole('button', { name: 'Cancel 1 job…' }).waitFor();
  expect(page.outsideRequests).toEqual([]);
});

async function expectText(page: Page, testId: string, value: string): Promise<void> {
  await expect(page.getByTestId(testId).locator('.value').textContent()).resolves.toBe(value);
}

test('settings: the security code is write-only, shown only in its mode, and a refused field is named and focused', async () => {
  const saved: unknown[] = [];
  const view = { ...SETTINGS, authMode: 'security-code', securityCodeSaved: true };
  const page = await openSidebarPage(browser, async (name, args) => {
    if (name === 'getSidebarState') return { version: 'x', userEmail: '', piecesInFlight: 2, startWithCancel: false };
    if (name === 'getSettings') return view;
    if (name === 'saveSettings') {
      saved.push(args[0]);
      return { ok: false, field: 'chunkSize', message: 'The chunk size must be a whole number from 1 to 50.' };
    }
    throw new Error(name);
  });
  await page.getByRole('tab', { name: 'Settings' }).click();
  const code = page.getByLabel('Security code', { exact: true });
  await expect(code.inputValue()).resolves.toBe('');
  await expect(code.getAttribute('placeholder')).resolves.toBe('saved: type to replace');
  await expect(page.getByLabel('Custom API base URL').isVisible()).resolves.toBe(false);
  await page.getByLabel('Sign in with').selectOption('identity-token');
  await expect(code.isVisible()).resolves.toBe(false);
  await page.getByLabel('Jobs per chunk').fill('500');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert').textContent()).resolves.toBe(
    'The chunk size must be a whole number from 1 to 50.',
  );
  await expect(page.locator('#chunk-size').evaluate((el) => el === el.ownerDocument.activeElement)).resolves.toBe(true);
  // Nothing typed in the code field: the saved code is kept (undefined), never sent back and forth.
  expect(saved).toEqual([expect.objectContaining({ authMode: 'identity-token', chunkSize: 500 })]);
  expect(saved[0]).not.toHaveProperty('securityCode');
});

/** What has the keyboard focus: its tag, role and text. */
function focused(page: Page): Promise<{ tag: string; role: string | null; text: string }> {
  return page.locator('body').evaluate((body) => {
    const a = body.ownerDocument.activeElement;
    return { tag: a?.tagName ?? '', role: a?.getAttribute('role') ?? null, text: a?.textContent ?? '' };
  });
}

async function expectFocusOn(page: Page, tag: string, text: string | RegExp): Promise<void> {
  const now = await focused(page);
  expect(now.tag).toBe(tag);
  if (typeof text === 'string') expect(now.text).toBe(text);
  else expect(now.text).toMatch(text);
}

/** Answers each job with `answer(jobId)` ("done" when it says nothing), and the rejected cells as the server does. */
function answering(answer: (jobId: string) => JobResult | undefined = () => undefined) {
  return (req: ChunkRequest): ChunkResult => ({
    results: [
      ...req.jobs.map(
        (j) => answer(j.jobId) ?? result(j.jobId, 'done', 'Cancelled', { written: j.cells, status: 'CANCELLED' }),
      ),
      ...rejectedResults(req),
    ],
    notSent: [],
  });
}

const invalidCell: RejectedCell = { text: 'not a/job id', cell: { row: 9, column: 1 }, problem: 'invalid' };

test('the tabs are an ARIA tablist: each tab controls its named panel, arrows, Home and End move between them', async () => {
  const { page } = await open({ plan: { ok: true, plan: plan(['J1']) }, chunk: answering() });
  const snapshot = await page.getByRole('tablist').ariaSnapshot();
  expect(snapshot).toBe(
    [
      '- tablist "Sections":',
      '  - tab "Jobs" [selected]',
      '  - tab "Library"',
      '  - tab "Errors"',
      '  - tab "Settings"',
    ].join('\n'),
  );
  const tabs = await page.getByRole('tab').evaluateAll((els) =>
    els.map((el) => {
      const panel = el.ownerDocument.getElementById(el.getAttribute('aria-controls') ?? '');
      return {
        name: el.textContent,
        tabindex: el.getAttribute('tabindex'),
        panelRole: panel?.getAttribute('role'),
        panelLabelledBy: panel?.getAttribute('aria-labelledby') === el.id,
        panelHidden: panel?.hidden,
      };
    }),
  );
  expect(tabs).toEqual([
    { name: 'Jobs', tabindex: '0', panelRole: 'tabpanel', panelLabelledBy: true, panelHidden: false },
    { name: 'Library', tabindex: '-1', panelRole: 'tabpanel', panelLabelledBy: true, panelHidden: true },
    { name: 'Errors', tabindex: '-1', panelRole: 'tabpanel', panelLabelledBy: true, panelHidden: true },
    { name: 'Settings', tabindex: '-1', panelRole: 'tabpanel', panelLabelledBy: true, panelHidden: true },
  ]);
  // The visible panel is named by its tab, and only it is in the tree.
  await expect(page.getByRole('tabpanel').ariaSnapshot()).resolves.toMatch(/^- tabpanel "Jobs":/);
  expect(await page.getByRole('tabpanel').count()).toBe(1);

  await page.getByRole('tab', { name: 'Jobs' }).focus();
  const selected = async () =>
    (await page.getByRole('tab', { selected: true }).textContent()) +
    ` ${(await focused(page)).text} ${await page.getByRole('tab', { selected: true }).getAttribute('tabindex')}`;
  await page.keyboard.press('ArrowRight');
  await expect(selected()).resolves.toBe('Library Library 0');
  await expect(page.getByRole('tabpanel').ariaSnapshot()).resolves.toMatch(/^- tabpanel "Library":/);
  await page.keyboard.press('End');
  await expect(selected()).resolves.toBe('Settings Settings 0');
  await page.keyboard.press('ArrowRight'); // wraps around
  await expect(selected()).resolves.toBe('Jobs Jobs 0');
  await page.keyboard.press('ArrowLeft');
  await expect(selected()).resolves.toBe('Settings Settings 0');
  await page.keyboard.press('Home');
  await expect(selected()).resolves.toBe('Jobs Jobs 0');
  await expect(page.locator('[role="tab"][tabindex="0"]').count()).resolves.toBe(1);
});

test('the confirmation is a named alert dialog that counts jobs apart from invalid cells and says how Stop holds', async () => {
  const p = plan(['J1', 'J2', 'J3', 'J4', 'J5'], { invalid: 1 });
  p.rejected = [invalidCell];
  const { page } = await open({ plan: { ok: true, plan: p }, chunk: answering() });
  await page.getByRole('button', { name: 'Cancel selected jobs…' }).click();
  await page.getByRole('button', { name: 'Cancel 5 jobs…' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Cancel 5 jobs?' });
  await dialog.waitFor();
  const description = await dialog.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id: string) => el.ownerDocument.getElementById(id)?.textContent)
      .join(' | '),
  );
  expect(description).toBe(
    'Cancel 5 AODocs jobs? Their pending tasks will not run. Tasks already done are not undone. | ' +
      '1 cell is not a job ID and will only be marked. | ' +
      'From the moment Stop is pressed, at most 4 further cancels reach AODocs; the others are not sent.',
  );
  await expect(dialog.ariaSnapshot()).resolves.toMatch(
    /^- alertdialog "Cancel 5 jobs\?":\n {2}- heading "Cancel 5 jobs\?" \[level=2\]\n/,
  );
  await expectFocusOn(page, 'H2', 'Cancel 5 jobs?');
  // The progress then uses the same count: jobs only, the invalid cell apart.
  await dialog.getByRole('button', { name: 'Cancel jobs' }).click();
  await page.getByTestId('end-text').waitFor();
  await expect(page.getByTestId('end-text').textContent()).resolves.toBe('Done: 5 cancelled, 1 needs a look');
});

test('one live region, never replaced, carries the progress and the end headline; focus goes to each new heading', async () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const p = plan(['J1', 'J2', 'J3', 'J4', 'J5', 'J6', 'J7', 'J8']);
  p.rejected = [invalidCell];
  const chunkOfLast = chunkJobIds(p).find((ids) => ids.includes('J8'))!;
  const held = 8 - chunkOfLast.length;
  const { page } = await open({
    plan: { ok: true, plan: p },
    chunk: async (req) => {
      if (req.jobs.some((j) => j.jobId === 'J8')) await gate;
      return answering()(req);
    },
  });
  const live = page.locator('[aria-live]');
  expect(await live.count()).toBe(1);
  const before = await live.elementHandle();
  await expect(live.getAttribute('aria-live')).resolves.toBe('polite');
  await expect(live.getAttribute('role')).resolves.toBe('status');

  await page.getByRole('button', { name: 'Cancel selected jobs…' }).click();
  await page.getByTestId('count-jobs').waitFor();
  await expectFocusOn(page, 'H2', 'Cancel selected jobs');
  await page.getByRole('button', { name: 'Cancel 8 jobs…' }).click();
  await expectFocusOn(page, 'H2', 'Cancel 8 jobs?');
  await page.getByRole('button', { name: 'Cancel jobs' }).click();
  await page.locator('[data-testid="progress-rejected"]', { hasText: '1 cell marked as not a job ID' }).waitFor();
  await page.locator('[data-testid="progress-text"]', { hasText: `${held} of 8 jobs done` }).waitFor();
  await expectFocusOn(page, 'H2', 'Cancelling 8 jobs');
  // Every chunk but the last is back, the invalid cell's row too; the chunk with J8 is held.
  await expect(live.textContent()).resolves.toMatch(
    new RegExp(`^${held} of 8 jobs done(, about \\d+ s left)?\\. 1 cell marked as not a job ID$`),
  );
  await expect(page.getByRole('progressbar').getAttribute('aria-valuenow')).resolves.toBe(
    String(Math.round((held / 8) * 100)),
  );
  release();
  await page.getByTestId('end-text').waitFor();
  await expectFocusOn(page, 'H2', 'Done: 8 cancelled, 1 needs a look');
  await expect(live.textContent()).resolves.toBe('Done: 8 cancelled, 1 needs a look');
  const after = await live.elementHandle();
  expect(await page.evaluate(([a, b]) => a === b && a.isConnected, [before, after])).toBe(true);
  expect(await page.locator('[aria-live]').count()).toBe(1);
  // A new run: the same region again.
  await page.getByRole('button', { name: 'Start over' }).click();
  await expectFocusOn(page, 'H2', 'Jobs in the selection');
  expect(await page.evaluate(([a, b]) => a === b, [before, await live.elementHandle()])).toBe(true);
});

test('keyboard only: Tab, arrows, Enter and Space take a whole cancel from the first screen to the end headline', async () => {
  const { page, chunks } = await open({ plan: { ok: true, plan: plan(['J1', 'J2', 'J3']) }, chunk: answering() });
  const key = async (k: string) => page.keyboard.press(k);
  // The sidebar opened with nothing else focused: focus is on the first screen's heading.
  await expectFocusOn(page, 'H2', 'Jobs in the selection');
  await key('Shift+Tab');
  await expectFocusOn(page, 'BUTTON', 'Jobs');
  await key('ArrowRight');
  await expectFocusOn(page, 'BUTTON', 'Library');
  await key('ArrowLeft');
  await expectFocusOn(page, 'BUTTON', 'Jobs');
  await key('Tab');
  await expectFocusOn(page, 'BUTTON', 'Cancel selected jobs…');
  await key('Enter');
  await page.getByTestId('count-jobs').waitFor();
  await expectFocusOn(page, 'H2', 'Cancel selected jobs');
  await key('Tab');
  await expectFocusOn(page, 'BUTTON', 'Cancel 3 jobs…');
  await key('Enter');
  await expectFocusOn(page, 'H2', 'Cancel 3 jobs?');
  expect(chunks).toHaveLength(0);
  await key('Tab');
  await expectFocusOn(page, 'BUTTON', 'Cancel jobs');
  await key('Space');
  await page.getByTestId('end-text').waitFor();
  await expectFocusOn(page, 'H2', 'Done: 3 cancelled');
  expect(chunks.flatMap((c) => c.jobs.map((j) => j.jobId))).toEqual(['J1', 'J2', 'J3']);
});

test('nothing to cancel: every row already finished says why and which setting changes it, with no "Cancel 0"', async () => {
  const { page, chunks } = await open({
    plan: { ok: true, plan: plan([], { finishedSkipped: 24 }) },
    chunk: answering(),
  });
  await page.getByRole('button', { name: 'Cancel selected jobs…' }).click();
  await page.getByTestId('nothing-to-send').waitFor();
  await expect(page.getByTestId('nothing-to-send').textContent()).resolves.toBe(
    'Nothing will be sent to AODocs. All 24 selected rows already show a finished status; turn off "Skip finished rows" in Settings to send them again.',
  );
  const buttons = await page.getByRole('tabpanel').getByRole('button').allTextContents();
  expect(buttons).toEqual(['Change the job ID column', 'Back']);
  // The setting it names is the one in Settings.
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByLabel('Skip finished rows').waitFor();
  expect(chunks).toHaveLength(0);
});

test('nothing to refresh either: no "Refresh 0 jobs", the reason instead', async () => {
  const { page } = await open({
    plan: { ok: true, plan: plan([], { finishedSkipped: 1, hiddenSkipped: 2 }) },
    chunk: answering(),
  });
  await page.getByRole('button', { name: 'Refresh status' }).click();
  await page.getByTestId('nothing-to-send').waitFor();
  await expect(page.getByTestId('nothing-to-send').locator('p').allTextContents()).resolves.toEqual([
    'Nothing will be sent to AODocs:',
    '1 row already shows a finished status; turn off "Skip finished rows" in Settings to read its status again.',
    '2 rows are hidden or filtered out; show them, or turn off "Skip hidden and filtered rows" in Settings.',
  ]);
  expect(await page.getByRole('tabpanel').getByRole('button').allTextContents()).toEqual([
    'Change the job ID column',
    'Back',
  ]);
});

test('the menu\'s "Cancel selected jobs..." with nothing to cancel shows the reason, never a confirmation of 0', async () => {
  const { serve } = scripted({
    state: { startWithCancel: true },
    plan: { ok: true, plan: plan([], { finishedSkipped: 3 }) },
    chunk: answering(),
  });
  const page = await openSidebarPage(browser, serve);
  await page.getByTestId('nothing-to-send').waitFor();
  expect(await page.getByRole('alertdialog').count()).toBe(0);
  expect(await page.getByTestId('confirm-text').count()).toBe(0);
  expect(await page.getByRole('button', { name: /Cancel 0/ }).count()).toBe(0);
});

test('only an invalid ID: the reason, and one button that only writes its row; nothing reaches AODocs', async () => {
  const p = plan([], { invalid: 1 });
  p.rejected = [invalidCell];
  const { page, chunks } = await open({ plan: { ok: true, plan: p }, chunk: answering() });
  await page.getByRole('button', { name: 'Cancel selected jobs…' }).click();
  await page.getByTestId('nothing-to-send').waitFor();
  await expect(page.getByTestId('nothing-to-send').textContent()).resolves.toMatch(
    /^Nothing will be sent to AODocs\. The selected cell is not a job ID \(a job ID has no spaces/,
  );
  expect(await page.getByRole('button', { name: /^Cancel \d/ }).count()).toBe(0);
  await page.getByRole('button', { name: 'Write "Invalid job ID" into 1 row' }).click();
  await page.getByTestId('end-text').waitFor();
  await expect(page.getByTestId('end-text').textContent()).resolves.toBe('Done: nothing sent, 1 needs a look');
  expect(chunks.map((c) => ({ jobs: c.jobs.length, rejected: c.rejected }))).toEqual([
    { jobs: 0, rejected: [invalidCell] },
  ]);
  await expect(page.getByTestId('problem-item').textContent()).resolves.toContain(
    'Fix the cell: a job ID has no spaces',
  );
});

test('the end names failures with their next steps, selects their rows, and runs again only the unanswered jobs', async () => {
  const ids = ['J1', 'J2', 'J3', 'J4', 'J5', 'J6', 'J7', 'J8'];
  let firstRun = true;
  const p = plan(ids);
  const row = (jobId: string) => p.jobs.find((j) => j.jobId === jobId)!.cells;
  const { page, chunks, selects } = await open({
    plan: { ok: true, plan: p },
    chunk: (req) =>
      answering((jobId) => {
        if (!firstRun) return undefined;
        const written = row(jobId);
        if (jobId === 'J5')
          return result(jobId, 'failed', 'Not a library administrator (403)', {
            httpCode: 403,
            libraryId: 'L1',
            written,
          });
        if (jobId === 'J6') return result(jobId, 'failed', 'Not found (404)', { httpCode: 404, written });
        if (jobId === 'J7')
          return result(jobId, 'failed', 'AODocs unavailable, try again (503)', {
            httpCode: 503,
            transient: true,
            written,
          });
        if (jobId === 'J8')
          return result(jobId, 'already-finished', 'Already completed', { status: 'COMPLETED', written });
        return undefined;
      })(req),
  });
  await page.getByRole('button', { name: 'Cancel selected jobs…' }).click();
  await page.getByRole('button', { name: 'Cancel 8 jobs…' }).click();
  await page.getByRole('button', { name: 'Cancel jobs' }).click();
  await page.getByTestId('end-text').waitFor();
  await expect(page.getByTestId('end-text').textContent()).resolves.toBe(
    'Done: 4 cancelled, 1 already finished, 3 need a look',
  );
  const items = await page
    .getByTestId('problem-item')
    .evaluateAll((els) => els.map((el) => [...el.children].map((c) => c.textContent)));
  expect(items).toEqual([
    [
      'J5',
      'Not a library administrator (403)',
      'Ask an administrator of library L1 to cancel it, or to give you administrator rights there.',
    ],
    ['J6', 'Not found (404)', 'Check the job ID in the cell, and the domain in Settings.'],
    [
      'J7',
      'AODocs unavailable, try again (503)',
      'Run again later: only the jobs AODocs could not answer are sent again.',
    ],
  ]);

  await page.getByRole('button', { name: 'Select rows that need a look' }).click();
  await page.getByTestId('select-status').getByText('3 rows selected in the sheet.').waitFor();
  expect(selects).toEqual([{ sheetId: 7, rows: [6, 7, 8] }]);

  firstRun = false;
  const sentBefore = chunks.length;
  await page.getByRole('button', { name: 'Run again for the 1 job AODocs could not answer' }).click();
  // Through the confirmation again, with the count of the jobs sent again.
  await expect(page.getByTestId('confirm-text').textContent()).resolves.toBe(
    'Cancel 1 AODocs job? Their pending tasks will not run. Tasks already done are not undone.',
  );
  await expect(page.getByTestId('count-jobs').locator('.value').textContent()).resolves.toBe('1');
  expect(chunks).toHaveLength(sentBefore);
  await page.getByRole('button', { name: 'Cancel jobs' }).click();
  await page.getByTestId('end-text').waitFor();
  await expect(page.getByTestId('end-text').textContent()).resolves.toBe('Done: 1 cancelled');
  const again = chunks.slice(sentBefore);
  expect(
    again.map((c) => ({ jobs: c.jobs, rejected: c.rejected, sheetId: c.sheetId, headerRow: c.headerRow })),
  ).toEqual([{ jobs: [p.jobs[6]], rejected: [], sheetId: 7, headerRow: 1 }]);
});

test('refresh: the headline counts the jobs read and those that need a look', async () => {
  const { page } = await open({
    plan: { ok: true, plan: plan(['J1', 'J2', 'J3']) },
    chunk: answering((jobId) =>
      jobId === 'J2'
        ? result(jobId, 'failed', 'Not found (404)', { httpCode: 404 })
        : result(jobId, 'done', 'Status read', { status: 'IN_PROGRESS' }),
    ),
  });
  await page.getByRole('button', { name: 'Refresh status' }).click();
  await page.getByRole('button', { name: 'Refresh 3 jobs' }).click();
  await page.getByTestId('end-text').waitFor();
  await expect(page.getByTestId('end-text').textContent()).resolves.toBe('Done: 2 read, 1 needs a look');
  // Nothing was written for the failure: there is no row to select.
  expect(await page.getByRole('button', { name: 'Select rows that need a look' }).count()).toBe(0);
});

test('progress: jobs done of the confirmed total after each chunk, then the time left', async () => {
  const ids = Array.from({ length: 12 }, (_, i) => `J${i}`);
  const p = { ...plan(ids), chunksInFlight: 1 };
  const seen: string[] = [];
  const { page } = await open({
    plan: { ok: true, plan: p },
    chunk: async (req) => {
      await new Promise((r) => setTimeout(r, 60));
      return answering()(req);
    },
  });
  await page.exposeFunction('__progressSeen', (text: string) => seen.push(text));
  await page.locator('[aria-live]').evaluate((live) => {
    const w = live.ownerDocument.defaultView as unknown as {
      MutationObserver: new (callback: () => void) => { observe(node: unknown, options: unknown): void };
      __progressSeen(text: string): void;
    };
    new w.MutationObserver(() => w.__progressSeen(live.textContent ?? '')).observe(live, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  await page.getByRole('button', { name: 'Cancel selected jobs…' }).click();
  await page.getByRole('button', { name: 'Cancel 12 jobs…' }).click();
  await page.getByRole('button', { name: 'Cancel jobs' }).click();
  await page.getByTestId('end-text').waitFor();
  const progress = seen.filter((t) => /jobs done/.test(t));
  expect(progress[0]).toBe('0 of 12 jobs done');
  expect(progress[1]).toBe(`${chunkJobIds(p)[0].length} of 12 jobs done`);
  expect(progress.every((t) => / of 12 jobs done/.test(t))).toBe(true);
  expect(progress.some((t) => /^\d+ of 12 jobs done, about \d+ s left$/.test(t))).toBe(true);
  expect(seen.at(-1)).toBe('Done: 12 cancelled');
});

test('settings: Check connection shows the client ID and expiry only for the identity token; a failed save clears "Settings saved."', async () => {
  let saves = 0;
  let mode = 'security-code';
  const view = { ...SETTINGS, authMode: mode, securityCodeSaved: true };
  let release!: () => void;
  const page = await openSidebarPage(browser, async (name) => {
    if (name === 'getSidebarState') return { version: 'x', userEmail: '', piecesInFlight: 2, startWithCancel: false };
    if (name === 'getSettings') return view;
    if (name === 'checkConnection')
      return {
        email: 'admin@example.com',
        clientId: '1234.apps.googleusercontent.com',
        expiresAt: '2026-01-12T09:00:00.000Z',
        authMode: mode,
        baseUrl: view.baseUrl,
        ok: true,
        message: 'AODocs accepts this sign-in.',
      };
    if (name === 'saveSettings') {
      if (++saves === 1) return { ok: true, settings: view };
      await new Promise<void>((r) => (release = r));
      return { ok: false, field: 'runCap', message: 'The run cap must be a whole number from 1 to 50000.' };
    }
    throw new Error(name);
  });
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Check connection' }).click();
  const report = page.getByTestId('connection-report');
  await report.waitFor();
  await expect(report.textContent()).resolves.not.toContain('1234.apps.googleusercontent.com');
  await expect(report.textContent()).resolves.not.toContain('Token expires');
  mode = 'identity-token';
  await page.getByRole('button', { name: 'Check connection' }).click();
  await report.getByText('1234.apps.googleusercontent.com').waitFor();
  await expect(report.textContent()).resolves.toContain('Token expires');

  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByTestId('settings-status').getByText('Settings saved.').waitFor();
  await page.getByRole('button', { name: 'Save' }).click();
  // While the second save is under way, the first one's "Settings saved." is gone already.
  await expect(page.getByTestId('settings-status').textContent()).resolves.toBe('');
  release();
  await page.getByRole('alert').getByText('The run cap must be a whole number from 1 to 50000.').waitFor();
  await expect(page.getByTestId('settings-status').textContent()).resolves.toBe('');
});

/** Waits until `value()` gives `expected`, or fails with what it gave last. */
async function until<T>(value: () => T | Promise<T>, expected: T, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  let last = await value();
  while (last !== expected && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 20));
    last = await value();
  }
  expect(last).toBe(expected);
}

test('google.script.run runs 10 calls at once: an 11th waits for a spot (communication guide)', async () => {
  let running = 0;
  let most = 0;
  const held: (() => void)[] = [];
  const page = await openSidebarPage(browser, async (name) => {
    if (name !== 'diagnosticsPing') return { version: 'x', userEmail: 'a@example.com', piecesInFlight: 2 };
    running++;
    most = Math.max(most, running);
    await new Promise<void>((release) => held.push(release));
    running--;
    return null;
  });
  await page.evaluate(() => {
    const w = globalThis as unknown as { __answered: number; google: { script: { run: unknown } } };
    w.__answered = 0;
    for (let i = 0; i < 11; i++) {
      const run = w.google.script.run as {
        withSuccessHandler(f: () => void): { diagnosticsPing(): void };
      };
      run.withSuccessHandler(() => w.__answered++).diagnosticsPing();
    }
  });
  const answered = () => page.evaluate(() => (globalThis as unknown as { __answered: number }).__answered);
  await until(() => held.length, 10);
  // Nothing frees a spot: the 11th is still waiting.
  await new Promise((r) => setTimeout(r, 300));
  expect(held.length).toBe(10);
  held.shift()!();
  await until(() => held.length, 10);
  await until(answered, 1);
  expect(most).toBe(10);
  for (const release of held.splice(0)) release();
  await until(answered, 11);
  await page.close();
});
