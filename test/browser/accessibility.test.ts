// axe-core in Chromium on every screen of the sidebar: summary, confirmation, progress, end, library,
// errors, settings, diagnostics. Each must have 0 violations; the test names the screens it checked.
import fs from 'node:fs';
import { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { openSidebarPage } from '../support/sidebar-page';
import type { ChunkRequest, ChunkResult, JobResult, PlatformFigures, SelectionPlan } from '../../src/shared/api';

// axe-core from node_modules (a pinned devDependency), injected into the page as it is.
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const PLAN: SelectionPlan = {
  sheetId: 7,
  sheetName: 'Jobs',
  headerRow: 1,
  idColumn: 1,
  jobs: ['J1', 'J2', 'J3', 'J4', 'J5', 'J6', 'J7'].map((jobId, i) => ({ jobId, cells: [{ row: i + 2, column: 1 }] })),
  rejected: [{ text: 'bad id', cell: { row: 20, column: 1 }, problem: 'invalid' }],
  chunkSize: 2,
  chunksInFlight: 2,
  typedConfirmFrom: 5,
  summary: {
    ranges: ['A2:A20'],
    jobIds: 7,
    duplicates: 1,
    idColumn: { column: 1, letter: 'A', header: 'Job ID', source: 'header' },
    invalid: 1,
    ignoredCells: 3,
    skipsHiddenRows: true,
    hiddenSkipped: 2,
    finishedSkipped: 1,
  },
};

const FIGURES: PlatformFigures = {
  fetchMs: 120,
  fetchAllTimes: [1, 5, 10, 20, 40].map((requests) => ({ requests, ms: 200 + 8 * requests })),
  fetchAllOverheadMs: 200,
  fetchAllPerRequestMs: 8,
  fetchAllParallelism: 15,
  fetchAllParallelismAtLeast: false,
  plainTextKeepsApostrophe: false,
  markedFormulaStaysText: true,
  identityAudience: '1234.apps.googleusercontent.com',
  identityAuthorizedParty: '1234.apps.googleusercontent.com',
  locale: 'fr',
  signedIn: true,
  outsideAllowlist: { refused: true, name: 'Exception', message: 'Request to https://x.invalid/ failed' },
  authorization: { status: 'NOT_REQUIRED', grantedScopes: ['openid'], openidGranted: true },
  token: { present: true, aud: '1234.apps.googleusercontent.com', azp: '1234.apps.googleusercontent.com' },
  accountType: 'workspace',
  aodocsAnswers: [
    {
      probe: 'unknown-id',
      status: 404,
      reason: 'notFound',
      contentType: 'application/json',
      retryAfter: null,
      retryable: null,
      ms: 150,
    },
  ],
  sheetCalls: { calls: 100, isRowHiddenByUserMs: 700, getDisplayValuesMs: 800, flushMs: 100 },
  cache: { putMs: 30, getMs: 20, readBackSameCall: true, key: 'k', value: 'v' },
  documentLock: { present: true, tryLockMs: 35, acquired: true },
  serverMs: 900,
};

function answer(req: ChunkRequest): ChunkResult {
  const results: JobResult[] = req.jobs.map((j) =>
    j.jobId === 'J3'
      ? {
          jobId: j.jobId,
          outcome: 'failed',
          result: 'Not found (404)',
          httpCode: 404,
          written: j.cells,
          moved: [],
        }
      : { jobId: j.jobId, outcome: 'done', result: 'Cancelled', status: 'CANCELLED', written: j.cells, moved: [] },
  );
  for (const r of req.rejected) {
    results.push({ jobId: r.text, outcome: 'invalid', result: 'Invalid job ID', written: [r.cell], moved: [] });
  }
  return { results, notSent: [] };
}

async function violations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate<Violation[]>(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))`,
  );
}

test('axe-core finds 0 violations on every sidebar screen', async () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const page = await openSidebarPage(browser, async (name, args) => {
    switch (name) {
      case 'getSidebarState':
        return { version: 'x', userEmail: 'admin@example.com', piecesInFlight: 2, startWithCancel: false };
      case 'readSelectionPlan':
        return { ok: true, plan: PLAN };
      case 'runChunk':
        // The progress screen stays while it is checked.
        await gate;
        return answer(args[0] as ChunkRequest);
      case 'stopRun':
      case 'selectRows':
        return null;
      case 'getSettings':
        return {
          baseUrl: 'https://aodocs.altirnao.com/api',
          domain: '',
          authMode: 'security-code',
          chunkSize: 20,
          chunksInFlight: 2,
          skipHiddenRows: true,
          skipFinishedRows: true,
          writeLog: true,
          runCap: 5000,
          typedConfirmFrom: 500,
          securityCodeSaved: true,
          allowedUrlPrefixes: ['https://aodocs.altirnao.com/api/'],
        };
      case 'runDiagnostics':
        return FIGURES;
      case 'diagnosticsPing':
        return null;
      case 'readDiagnosticsCache':
        return 'v';
      case 'readJobErrors':
        return {
          jobId: 'J3',
          events: [{ time: '2026-01-12T09:00:00.000Z', severity: 'ERROR', message: 'Task 4 failed' }],
          truncated: true,
        };
      default:
        throw new Error(`unexpected call ${name}`);
    }
  });
  const checked: Record<string, Violation[]> = {};
  const check = async (screen: string) => {
    checked[screen] = await violations(page);
  };

  await page.getByRole('button', { name: 'Cancel selected jobs…' }).click();
  await page.getByTestId('summary').waitFor();
  await check('summary');
  await page.getByRole('button', { name: 'Cancel 7 jobs…' }).click();
  await page.getByTestId('confirm-dialog').waitFor();
  await check('confirmation');
  await page.getByLabel('Type 7 to confirm the cancel of 7 jobs').fill('7');
  await page.getByRole('button', { name: 'Cancel jobs' }).click();
  await page.getByTestId('progress-bar').waitFor();
  await check('progress');
  release();
  await page.getByTestId('end-text').waitFor();
  await page.getByRole('button', { name: 'Select rows that need a look' }).click();
  await page.getByTestId('select-status').waitFor();
  await check('end');
  await page.getByRole('tab', { name: 'Library' }).click();
  await page.getByLabel('Library ID').waitFor();
  await check('library');
  await page.getByRole('tab', { name: 'Errors' }).click();
  await page.getByRole('button', { name: 'Show job errors' }).click();
  await page.getByTestId('error-list').waitFor();
  await check('errors');
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Check connection' }).waitFor();
  await check('settings');
  await page.getByRole('button', { name: 'Measure the platform' }).click();
  await page.getByTestId('diagnostics-report').waitFor();
  await check('diagnostics');

  expect(Object.keys(checked)).toEqual([
    'summary',
    'confirmation',
    'progress',
    'end',
    'library',
    'errors',
    'settings',
    'diagnostics',
  ]);
  // Each screen by name, with what axe found (rule, help, where), so that a failure says where to look.
  expect(
    Object.entries(checked)
      .filter(([, found]) => found.length > 0)
      .map(([screen, found]) => ({
        screen,
        violations: found.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
      })),
  ).toEqual([]);
});
