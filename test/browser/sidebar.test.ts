// The sidebar in real Chromium, with google.script.run answered by a scripted server: summary, confirmation,
// progress, stop, the failure list, and untrusted text shown as text.
import { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { SidebarPage, openSidebarPage } from '../support/sidebar-page';
import { version } from '../../package.json';
import type {
  ChunkRequest,
  ChunkResult,
  HiddenRowsRequest,
  JobResult,
  KnownHiddenRows,
  PlanAnswer,
  SelectionPlan,
  SidebarState,
} from '../../src/shared/api';

const HOSTILE = '<img src=x onerror="window.__xss=1">';

function plan(jobIds: string[], extra: Partial<SelectionPlan['summary']> = {}): SelectionPlan {
  return {
    sheetId: 7,
    sheetName: 'Jobs',
    headerRow: 1,
    jobs: jobIds.map((jobId, i) => ({ jobId, cells: [{ row: i + 2, column: 1 }] })),
    rejected: [],
    chunkSize: 2,
    chunksInFlight: 2,
    summary: {
      ranges: ['A2:A99'],
      jobIds: jobIds.length,
      duplicates: 0,
      invalid: 0,
      severalInRow: 0,
      hiddenSkipped: 0,
      finishedSkipped: 0,
      ...extra,
    },
  };
}

function result(jobId: string, outcome: JobResult['outcome'], text: string): JobResult {
  return { jobId, outcome, result: text, written: [], moved: [] };
}

interface Scripted {
  state?: Partial<SidebarState>;
  plan: PlanAnswer | ((known: KnownHiddenRows | undefined) => PlanAnswer);
  hiddenRows?: (request: HiddenRowsRequest) => number[] | Promise<number[]>;
  chunk: (request: ChunkRequest) => ChunkResult | Promise<ChunkResult>;
}

function scripted(s: Scripted) {
  const chunks: ChunkRequest[] = [];
  const stops: string[] = [];
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
      default:
        throw new Error(`unexpected call ${name}`);
    }
  };
  return { serve, chunks, stops };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(s: Scripted): Promise<{ page: SidebarPage; chunks: ChunkRequest[]; stops: string[] }> {
  const { serve, chunks, stops } = scripted(s);
  const page = await openSidebarPage(browser, serve);
  await page.getByRole('button', { name: 'Cancel selected jobs…' }).waitFor();
  return { page, chunks, stops };
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
  expect(chunks.map((c) => c.jobs.map((j) => j.jobId))).toEqual([['J1', 'J2'], ['J3', 'J4'], ['J5']]);
  expect(chunks.every((c) => c.action === 'cancel' && c.sheetId === 7 && c.headerRow === 1)).toBe(true);
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
  await page.getByRole('button', { name: 'Stop' }).click();
  release();
  await page.getByTestId('end-text').waitFor();
  // Slow start: the opening chunk (2 jobs, the plan's chunk size) was alone in flight when Stop was pressed.
  expect(chunks).toHaveLength(1);
  expect(stops).toEqual([chunks[0].runId]);
  await expectText(page, 'result-done', '2');
  await expect(page.getByTestId('not-sent').textContent()).resolves.toContain('8 jobs not sent');
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
  await expect(page.getByTestId('end-text').textContent()).resolves.toContain('Authorization needed');
  expect(chunks.length).toBeLessThanOrEqual(2);
  await expect(page.getByTestId('not-sent').textContent()).resolves.toContain('6 jobs not sent');
});

test('opened by "Cancel selected jobs..." it goes straight to the summary and confirmation', async () => {
  const { serve } = scripted({
    state: { startWithCancel: true },
    plan: { ok: true, plan: plan(['J1']) },
    chunk: () => ({ results: [], notSent: [] }),
  });
  const page = await openSidebarPage(browser, serve);
  await expect(page.getByTestId('confirm-text').textContent()).resolves.toBe(
    'Cancel 1 AODocs job? Their pending tasks will not run. Tasks already done are not undone.',
  );
  await expect(page.getByTestId('count-jobs').locator('.value').textContent()).resolves.toBe('1');
  await page.getByRole('button', { name: 'Cancel jobs' }).waitFor();
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
  const view = {
    baseUrl: 'https://aodocs.altirnao.com/api',
    domain: '',
    authMode: 'security-code',
    chunkSize: 20,
    skipHiddenRows: true,
    skipFinishedRows: true,
    writeLog: true,
    runCap: 5000,
    securityCodeSaved: true,
    allowedUrlPrefixes: ['https://aodocs.altirnao.com/api/'],
  };
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
