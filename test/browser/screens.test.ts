// Screens that never overstate (docs/BEHAVIOUR.md 2.1, 2.3), in real Chromium against a scripted google.script.run: one
// confirmation path, Escape, a brake sentence within the run's size, the end screen's count of what was not sent
// and its "Run again" after any stop.
import { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { openSidebarPage } from '../support/sidebar-page';
import { scheduleChunks } from '../../src/core/run-schedule';
import type { ChunkRequest, ChunkResult, JobResult, RejectedCell, SelectionPlan } from '../../src/shared/api';

function plan(jobIds: string[], figures: { chunkSize: number; chunksInFlight: number }): SelectionPlan {
  return {
    sheetId: 7,
    sheetName: 'Jobs',
    headerRow: 1,
    idColumn: 1,
    jobs: jobIds.map((jobId, i) => ({ jobId, cells: [{ row: i + 2, column: 1 }] })),
    rejected: [],
    ...figures,
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
    },
  };
}

function done(req: ChunkRequest): ChunkResult {
  const results: JobResult[] = [
    ...req.jobs.map((j) => ({
      jobId: j.jobId,
      outcome: 'done' as const,
      result: 'Cancelled',
      status: 'CANCELLED',
      written: j.cells,
      moved: [],
    })),
    ...req.rejected.map((r) => ({
      jobId: r.text,
      outcome: 'invalid' as const,
      result: 'Invalid job ID',
      written: [r.cell],
      moved: [],
    })),
  ];
  return { results, notSent: [] };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface Opened {
  page: Page;
  chunks: ChunkRequest[];
}

async function open(
  p: SelectionPlan,
  chunk: (req: ChunkRequest) => ChunkResult | Promise<ChunkResult>,
  startWithCancel = false,
): Promise<Opened> {
  const chunks: ChunkRequest[] = [];
  const page = await openSidebarPage(browser, async (name, args) => {
    if (name === 'getSidebarState')
      return { version: 'x', userEmail: 'admin@example.com', piecesInFlight: 2, startWithCancel };
    if (name === 'readSelectionPlan') return { ok: true, plan: p };
    if (name === 'stopRun') return null;
    if (name === 'runChunk') {
      chunks.push(args[0] as ChunkRequest);
      return chunk(args[0] as ChunkRequest);
    }
    throw new Error(`unexpected call ${name}`);
  });
  return { page, chunks };
}

async function toConfirmation(page: Page, jobs: number): Promise<void> {
  await page.getByRole('button', { name: 'Cancel selected jobs…' }).click();
  await page.getByRole('button', { name: `Cancel ${jobs} ${jobs === 1 ? 'job' : 'jobs'}…` }).click();
  await page.getByTestId('confirm-dialog').waitFor();
}

describe('one confirmation path', () => {
  test('Escape on the confirmation goes back to the summary and sends nothing', async () => {
    const { page, chunks } = await open(plan(['J1', 'J2'], { chunkSize: 20, chunksInFlight: 2 }), done);
    await toConfirmation(page, 2);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Cancel 2 jobs…' }).waitFor();
    expect(await page.getByTestId('confirm-dialog').count()).toBe(0);
    await expect(page.locator(':focus').textContent()).resolves.toBe('Cancel selected jobs');
    expect(chunks).toHaveLength(0);
  });

  test('the menu leads through the summary to the confirmation, as the sidebar button does', async () => {
    const { page, chunks } = await open(plan(['J1', 'J2'], { chunkSize: 20, chunksInFlight: 2 }), done, true);
    await page.getByTestId('summary').waitFor();
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    await page.getByRole('button', { name: 'Cancel 2 jobs…' }).click();
    await page.getByRole('alertdialog', { name: 'Cancel 2 jobs?' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Cancel 2 jobs…' }).waitFor();
    expect(chunks).toHaveLength(0);
  });

  test('a 2-job run never promises a brake of 40: the sentence counts what the run can still send', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { page } = await open(plan(['J1', 'J2'], { chunkSize: 20, chunksInFlight: 2 }), async (req) => {
      await gate;
      return done(req);
    });
    await toConfirmation(page, 2);
    const sentence =
      'From the moment Stop is pressed, at most 2 further cancels reach AODocs; the others are not sent.';
    await expect(page.getByTestId('confirm-stop').textContent()).resolves.toBe(sentence);
    await page.getByRole('button', { name: 'Cancel jobs' }).click();
    await expect(page.getByTestId('stop-help').textContent()).resolves.toBe(sentence);
    release();
    await page.getByTestId('end-text').waitFor();
  });
});

describe('Stop and the end screen', () => {
  test('a stop with nothing left says so: no "the others were not sent", no Run again', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { page, chunks } = await open(plan(['J1', 'J2', 'J3'], { chunkSize: 20, chunksInFlight: 2 }), async (req) => {
      await gate;
      return done(req);
    });
    await toConfirmation(page, 3);
    await page.getByRole('button', { name: 'Cancel jobs' }).click();
    await page.getByRole('button', { name: 'Stop' }).click();
    release();
    await page.getByTestId('end-text').waitFor();
    expect(chunks).toHaveLength(1);
    await expect(page.getByTestId('end-text').textContent()).resolves.toBe('Stopped: 3 cancelled');
    await expect(page.getByTestId('end-reason').textContent()).resolves.not.toMatch(/not sent/);
    await expect(page.getByTestId('not-sent').textContent()).resolves.toBe(
      'Every job had been sent when the run stopped: none is left to send.',
    );
    expect(await page.getByRole('button', { name: /^Run again/ }).count()).toBe(0);
  });

  const invalidCell: RejectedCell = { text: 'not a/job id', cell: { row: 40, column: 1 }, problem: 'invalid' };

  test('after Stop: the jobs not sent are counted without invalid cells, and Run again sends exactly them', async () => {
    const ids = Array.from({ length: 10 }, (_, i) => `J${i}`);
    const p = { ...plan(ids, { chunkSize: 2, chunksInFlight: 2 }), rejected: [invalidCell] };
    p.summary.invalid = 1;
    const opening = scheduleChunks(p.jobs, p.rejected, p.chunkSize).opening!.jobs.map((j) => j.jobId);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { page, chunks } = await open(p, async (req) => {
      await gate;
      return done(req);
    });
    await toConfirmation(page, 10);
    await page.getByRole('button', { name: 'Cancel jobs' }).click();
    await page.getByRole('button', { name: 'Stop' }).click();
    release();
    await page.getByTestId('end-text').waitFor();
    const left = ids.length - opening.length;
    await expect(page.getByTestId('not-sent').textContent()).resolves.toMatch(new RegExp(`^${left} jobs not sent`));
    const again = page.getByRole('button', { name: `Run again for the ${left} jobs not sent` });
    const sentBefore = chunks.length;
    await again.click();
    await page.getByRole('alertdialog', { name: `Cancel ${left} jobs?` }).waitFor();
    await page.getByRole('button', { name: 'Cancel jobs' }).click();
    await page.getByTestId('end-text').waitFor();
    await expect(page.getByTestId('end-text').textContent()).resolves.toBe(`Done: ${left} cancelled`);
    const sentAgain = chunks.slice(sentBefore);
    expect(sentAgain.flatMap((c) => c.jobs.map((j) => j.jobId)).sort()).toEqual(ids.slice(opening.length).sort());
    expect(sentAgain.every((c) => c.rejected.length === 0)).toBe(true);
  });

  test('after a safety stop from the server, Run again is offered for the jobs not sent', async () => {
    const ids = Array.from({ length: 8 }, (_, i) => `J${i}`);
    const p = plan(ids, { chunkSize: 2, chunksInFlight: 2 });
    const opening = scheduleChunks(p.jobs, p.rejected, p.chunkSize).opening!.jobs.length;
    const { page } = await open(p, (req) => ({
      ...done(req),
      stopRun: 'AODocs refused the security code: check it in Settings.',
    }));
    await toConfirmation(page, 8);
    await page.getByRole('button', { name: 'Cancel jobs' }).click();
    await page.getByTestId('end-text').waitFor();
    await expect(page.getByTestId('end-reason').textContent()).resolves.toBe(
      'AODocs refused the security code: check it in Settings.',
    );
    await page.getByRole('button', { name: `Run again for the ${8 - opening} jobs not sent` }).waitFor();
  });
});

describe('wording', () => {
  const failed = (jobId: string, row: number, extra: Partial<JobResult>): JobResult => ({
    jobId,
    outcome: 'failed',
    result: 'Not a library administrator (403)',
    httpCode: 403,
    libraryId: 'L1',
    written: [{ row, column: 1 }],
    moved: [],
    ...extra,
  });

  test('a 403 during Refresh says who can read the status, not "to cancel it"; "Need a look" is in row order', async () => {
    // The sheet's order is not the order of the jobs: J1 is on row 9, J2 on row 3, J3 on row 5.
    const p = plan(['J1', 'J2', 'J3'], { chunkSize: 20, chunksInFlight: 2 });
    p.jobs = p.jobs.map((j, i) => ({ ...j, cells: [{ row: [9, 3, 5][i], column: 1 }] }));
    const { page } = await open(p, (req) => ({
      results: req.jobs.map((j) =>
        j.jobId === 'J3'
          ? failed(j.jobId, 5, { result: 'Not found (404)', httpCode: 404, libraryId: undefined })
          : failed(j.jobId, j.cells[0].row, {}),
      ),
      notSent: [],
    }));
    await page.getByRole('button', { name: 'Refresh status' }).click();
    await page.getByRole('button', { name: 'Refresh 3 jobs' }).click();
    await page.getByTestId('end-text').waitFor();
    const items = await page
      .getByTestId('problem-item')
      .evaluateAll((els) => els.map((el) => [...el.children].map((c) => c.textContent)));
    expect(items.map((i) => i[0])).toEqual(['J2', 'J3', 'J1']);
    expect(items[0][2]).toBe(
      'Only administrators of library L1 can read its status: ask one of them for administrator rights there.',
    );
    expect(items.flat().join(' ')).not.toMatch(/cancel it/);
  });

  test('Diagnostics says how many requests it sends; a failed listing does not say "Nothing loaded" twice', async () => {
    const page = await openSidebarPage(browser, async (name) => {
      if (name === 'getSidebarState')
        return { version: 'x', userEmail: 'admin@example.com', piecesInFlight: 2, startWithCancel: false };
      if (name === 'getSettings')
        return {
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
      if (name === 'loadLibraryPage') throw new Error('Not a library administrator (403)');
      throw new Error(`unexpected call ${name}`);
    });
    await page.getByRole('tab', { name: 'Settings' }).click();
    const help = page.getByRole('region', { name: 'Diagnostics' }).locator('p.help');
    await expect(help.textContent()).resolves.toMatch(
      /It sends 82 read requests to AODocs, all for made-up job IDs that no job has/,
    );
    await page.getByRole('tab', { name: 'Library' }).click();
    await page.getByLabel('Library ID').fill('L1');
    await page.getByRole('button', { name: /^Load/ }).first().click();
    await page.getByTestId('library-done').waitFor();
    const heading = await page.getByRole('heading', { level: 2 }).textContent();
    const text = (await page.getByTestId('library-done').textContent()) ?? '';
    expect(text.toLowerCase()).not.toContain((heading ?? '').toLowerCase());
  });
});

describe('a large run asks for the count to be typed', () => {
  test('from the setting (500 here) the Cancel button works only once the exact count is typed', async () => {
    const ids = Array.from({ length: 600 }, (_, i) => `J${i}`);
    const p = { ...plan(ids, { chunkSize: 50, chunksInFlight: 2 }), typedConfirmFrom: 500 };
    const { page, chunks } = await open(p, done);
    await toConfirmation(page, 600);
    const go = page.getByRole('button', { name: 'Cancel jobs' });
    const typed = page.getByLabel('Type 600 to confirm the cancel of 600 jobs');
    await expect(go.isDisabled()).resolves.toBe(true);
    await typed.fill('599');
    await expect(go.isDisabled()).resolves.toBe(true);
    await typed.fill('600');
    await expect(go.isEnabled()).resolves.toBe(true);
    expect(chunks).toHaveLength(0);
    await go.click();
    await page.getByTestId('end-text').waitFor();
    await expect(page.getByTestId('end-text').textContent()).resolves.toBe('Done: 600 cancelled');
  });

  test('below the setting, no count to type', async () => {
    const ids = Array.from({ length: 499 }, (_, i) => `J${i}`);
    const p = { ...plan(ids, { chunkSize: 50, chunksInFlight: 2 }), typedConfirmFrom: 500 };
    const { page } = await open(p, done);
    await toConfirmation(page, 499);
    await expect(page.getByRole('button', { name: 'Cancel jobs' }).isEnabled()).resolves.toBe(true);
    expect(await page.getByRole('textbox').count()).toBe(0);
  });
});
