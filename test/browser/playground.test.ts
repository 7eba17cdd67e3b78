// The playground in real Chromium, driven as a person would: select job IDs with the mouse and keyboard, open
// the sidebar from the Extensions menu, cancel, and read the grid and /api/sheet.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Browser, FrameLocator, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { PlaygroundProcess, startPlaygroundProcess } from '../support/playground-process';
import { DEMO_LIBRARY_IDS, DEMO_SECURITY_CODES, demoJobIds } from '../../simulator/demo-seed';
import { createPrng } from '../../simulator/prng';
import type { RequestLogEntry } from '../../simulator/request-log';
import { brakeBound } from '../../src/core/run-schedule';

jest.setTimeout(90_000);

const SHOTS = path.resolve(__dirname, '../../screenshots');
fs.mkdirSync(SHOTS, { recursive: true });
const ids = demoJobIds();

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface Session {
  playground: PlaygroundProcess;
  page: Page;
  sidebar: FrameLocator;
}

async function open(args: string[] = []): Promise<Session> {
  const playground = await startPlaygroundProcess(args);
  const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
  await page.goto(playground.url);
  await page.locator('body[data-ready="true"]').waitFor();
  return { playground, page, sidebar: page.frameLocator('[data-testid="sidebar-frame"]') };
}

async function sheet(s: Session, name: string) {
  const response = await fetch(`${s.playground.url}/api/sheet?name=${encodeURIComponent(name)}`);
  return (await response.json()) as { values: unknown[][]; displayValues: string[][]; formulas: string[][] };
}

async function menu(s: Session, item: string): Promise<void> {
  await s.page.getByTestId('menu-extensions').click();
  await s.page.getByTestId('menu-addon-0').hover();
  await s.page.getByRole('menuitem', { name: item, exact: true }).click();
  await s.sidebar.locator('footer').waitFor();
}

const cell = (s: Session, row: number, column: number) => s.page.getByTestId(`cell-${row}-${column}`);

/** Opens the sidebar and lists a library's jobs into a new sheet from the Library tab. */
async function loadLibrary(s: Session, libraryId: string): Promise<void> {
  await menu(s, 'Open sidebar');
  await s.sidebar.getByRole('tab', { name: 'Library' }).click();
  await s.sidebar.getByLabel('Library ID').fill(libraryId);
  await s.sidebar.getByRole('button', { name: 'Load jobs' }).click();
  await s.sidebar.getByTestId('library-done').waitFor();
}

/** The grid once it shows that sheet and takes clicks. */
const grid = (s: Session, sheetName: string) =>
  s.page.locator(`[data-testid="grid"][data-sheet="${sheetName}"]:not([inert])`);

/** Clicks a sheet's tab and waits until the grid shows that sheet, as a user looks before clicking a cell. */
async function showSheet(s: Session, name: string): Promise<void> {
  await s.page.getByTestId(`sheet-tab-${name}`).click();
  await grid(s, name).waitFor();
}

async function cancelFromSidebar(s: Session, count: number): Promise<void> {
  await s.sidebar.getByRole('button', { name: 'Cancel selected jobs…' }).click();
  await s.sidebar.getByRole('button', { name: `Cancel ${count} job${count === 1 ? '' : 's'}…` }).click();
  await s.sidebar.getByRole('button', { name: 'Cancel jobs' }).click();
  await s.sidebar.getByTestId('end-text').waitFor();
}

function column(values: unknown[][], header: string): unknown[] {
  const c = values[0].indexOf(header);
  return values.map((r) => r[c]);
}

test('multi-range selection by mouse and keyboard, cancel, and the rows fill in', async () => {
  const s = await open();
  try {
    // Demo sheet: rows 2-25 in progress, 26-31 finished, 32-35 not admin, 36-37 unknown, 38 duplicate of row 2,
    // 39 malformed, 40 has error events, 41 blank, 42 in progress.
    await cell(s, 2, 1).click();
    await cell(s, 4, 1).click({ modifiers: ['Shift'] }); // A2:A4
    await cell(s, 26, 1).click({ modifiers: ['Control'] });
    await s.page.keyboard.press('Shift+ArrowDown'); // A26:A27
    await cell(s, 32, 1).click({ modifiers: ['Control'] }); // A32
    const from = await cell(s, 38, 1).boundingBox();
    const to = await cell(s, 39, 1).boundingBox();
    await s.page.keyboard.down('Control');
    await s.page.mouse.move(from!.x + 5, from!.y + 5);
    await s.page.mouse.down();
    await s.page.mouse.move(to!.x + 5, to!.y + 5, { steps: 4 });
    await s.page.mouse.up(); // A38:A39 by Ctrl+drag
    await s.page.keyboard.up('Control');
    await s.page.locator('[data-testid="grid"][data-selection="A2:A4,A26:A27,A32,A38:A39"]').waitFor();
    await menu(s, 'Open sidebar');
    await s.page.screenshot({ path: path.join(SHOTS, 'playground-1-selection.png') });
    await s.sidebar.getByRole('button', { name: 'Cancel selected jobs…' }).click();
    await s.sidebar.getByTestId('count-jobs').waitFor();
    await s.page.screenshot({ path: path.join(SHOTS, 'playground-2-summary.png') });
    expect(await s.sidebar.getByTestId('count-jobs').locator('.value').textContent()).toBe('6');
    expect(await s.sidebar.getByTestId('count-duplicates').locator('.value').textContent()).toBe('1');
    expect(await s.sidebar.getByTestId('count-invalid').locator('.value').textContent()).toBe('1');
    await s.sidebar.getByRole('button', { name: 'Cancel 6 jobs…' }).click();
    await s.page.screenshot({ path: path.join(SHOTS, 'playground-3-confirm.png') });
    await s.sidebar.getByRole('button', { name: 'Cancel jobs' }).click();
    await s.sidebar.getByTestId('end-text').waitFor();
    await s.page.screenshot({ path: path.join(SHOTS, 'playground-4-done.png') });

    const { values } = await sheet(s, 'Sheet1');
    const result = column(values, 'Result');
    const status = column(values, 'Status');
    expect(result.slice(1, 4)).toEqual(['Cancelled', 'Cancelled', 'Cancelled']);
    expect(result[4]).toBe(''); // row 5 was not selected
    expect(result.slice(25, 27)).toEqual(expect.arrayContaining([expect.stringMatching(/^Already /)]));
    expect(result[31]).toBe('Not a library administrator (403)');
    expect(result[37]).toBe('Cancelled'); // the duplicate of row 2
    expect(result[38]).toBe('Invalid job ID');
    expect(status[1]).toBe('CANCELLED');
    // The grid shows it without a reload.
    const statusColumn = values[0].indexOf('Status') + 1;
    await expect(cell(s, 2, statusColumn).textContent()).resolves.toBe('CANCELLED');
    await expect(cell(s, 39, values[0].indexOf('Result') + 1).textContent()).resolves.toBe('Invalid job ID');
  } finally {
    await s.playground.close();
  }
});

test('a whole column selected by its letter is clipped to the data and cancelled', async () => {
  const s = await open();
  try {
    await s.page.getByTestId('col-header-1').click();
    await s.page.locator('[data-testid="grid"][data-selection="A:A"]').waitFor();
    await menu(s, 'Cancel selected jobs...');
    await s.sidebar.getByTestId('count-jobs').waitFor();
    const count = Number(await s.sidebar.getByTestId('count-jobs').locator('.value').textContent());
    const { values: before } = await sheet(s, 'Sheet1');
    const distinct = new Set(
      before
        .slice(1)
        .map((r) => r[0])
        .filter((v) => v !== '' && v !== 'not a/job id'),
    );
    expect(count).toBe(distinct.size);
    const inProgressRows = before.slice(1).filter((r) => ids.inProgress.includes(r[0] as string)).length;
    // The menu item opens the sidebar on the summary, then the confirmation with the exact count.
    await s.sidebar.getByRole('button', { name: `Cancel ${count} jobs…` }).click();
    await expect(s.sidebar.getByTestId('confirm-text').textContent()).resolves.toMatch(
      new RegExp(`^Cancel ${count} AODocs jobs\\?`),
    );
    await s.sidebar.getByRole('button', { name: 'Cancel jobs' }).click();
    await s.sidebar.getByTestId('end-text').waitFor();
    await s.page.locator('body[data-busy="false"]').waitFor();
    // The README's picture: the sidebar over the sheet after a run.
    await s.page.screenshot({ path: path.join(SHOTS, 'readme-sidebar-over-sheet.png') });
    const { values } = await sheet(s, 'Sheet1');
    const result = column(values, 'Result');
    // Every row holding an in-progress job, the duplicate row included.
    expect(result.filter((r) => r === 'Cancelled')).toHaveLength(inProgressRows);
    expect(result[40]).toBe(''); // the blank row 41
    const stats = (await (await fetch(`${s.playground.url}/api/stats`)).json()) as { urlFetchRequests: number };
    expect(stats.urlFetchRequests).toBeLessThan(60);
  } finally {
    await s.playground.close();
  }
});

test('Stop mid-run: the chunk in flight finishes and writes, the rest is not sent', async () => {
  const s = await open(['--latency-ms', '400']);
  try {
    await s.page.getByTestId('col-header-1').click();
    await menu(s, 'Open sidebar');
    await s.sidebar.getByRole('tab', { name: 'Settings' }).click();
    await s.sidebar.getByLabel('Jobs per chunk').fill('2');
    await s.sidebar.getByRole('button', { name: 'Save' }).click();
    await s.sidebar.getByTestId('settings-status').getByText('Settings saved.').waitFor();
    await s.page.reload();
    await s.page.locator('body[data-ready="true"]').waitFor();
    await s.page.getByTestId('col-header-1').click();
    await menu(s, 'Open sidebar');
    await s.sidebar.getByRole('button', { name: 'Cancel selected jobs…' }).click();
    await s.sidebar.getByRole('button', { name: /^Cancel \d+ jobs…$/ }).click();
    await s.sidebar.getByRole('button', { name: 'Cancel jobs' }).click();
    await s.sidebar.getByRole('button', { name: 'Stop' }).click();
    await s.sidebar.getByTestId('end-text').waitFor();
    await expect(s.sidebar.getByTestId('end-text').textContent()).resolves.toMatch(/^Stopped/);
    const notSent = await s.sidebar.getByTestId('not-sent').textContent();
    const n = Number(/^(\d+) jobs? not sent/.exec(notSent ?? '')?.[1]);
    expect(n).toBeGreaterThan(0);
    const { values } = await sheet(s, 'Sheet1');
    const result = column(values, 'Result').slice(1);
    // Every job sent has its row written; the others are untouched.
    const written = result.filter((r) => r !== '' && r !== undefined).length;
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThanOrEqual(40 - n);
  } finally {
    await s.playground.close();
  }
});

test('load a library’s in-progress jobs, select them all, cancel, see CANCELLED; hostile text stays text', async () => {
  const s = await open();
  try {
    await loadLibrary(s, DEMO_LIBRARY_IDS.imports);
    await expect(s.sidebar.getByTestId('library-done').textContent()).resolves.toContain('125 jobs');
    const name = `Jobs ${DEMO_LIBRARY_IDS.imports}`;
    await showSheet(s, name);
    await s.page.getByTestId('col-header-1').click();
    await s.page.screenshot({ path: path.join(SHOTS, 'playground-5-library.png') });
    await s.sidebar.getByRole('tab', { name: 'Jobs' }).click();
    await cancelFromSidebar(s, 125);
    const { values, formulas } = await sheet(s, name);
    expect(new Set(column(values, 'Status').slice(1))).toEqual(new Set(['CANCELLED']));
    expect(formulas.flat().filter((f) => f !== '')).toEqual([]);

    // Job errors of a job whose events hold markup and a formula: shown as text.
    await showSheet(s, 'Sheet1');
    await cell(s, 40, 1).click();
    await s.sidebar.getByRole('tab', { name: 'Errors' }).click();
    await s.sidebar.getByRole('button', { name: 'Show job errors' }).click();
    await s.sidebar.getByTestId('error-list').waitFor();
    await s.page.screenshot({ path: path.join(SHOTS, 'playground-6-errors.png') });
    const text = await s.sidebar.getByTestId('error-list').textContent();
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(await s.sidebar.locator('img').count()).toBe(0);
  } finally {
    await s.playground.close();
  }
});

/**
 * Holds the page's requests to `pattern` (only those whose body contains `bodyPart`, if given) until the returned
 * function is called, then lets them all through.
 */
async function hold(s: Session, pattern: string, bodyPart?: string): Promise<() => Promise<void>> {
  let release = () => undefined as void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const held: Promise<void>[] = [];
  await s.page.route(pattern, (route) => {
    if (bodyPart !== undefined && !(route.request().postData() ?? '').includes(bodyPart)) return route.continue();
    const passed = released.then(() => route.continue());
    held.push(passed);
    return passed;
  });
  return async () => {
    release();
    // Every held request goes through before the route is removed (removing it first fails them).
    await Promise.all(held);
    await s.page.unroute(pattern);
  };
}

/** The server's active sheet and selection once the page has sent everything it had queued. */
async function serverSelection(s: Session): Promise<[string, string[] | undefined]> {
  await s.page.locator('body[data-busy="false"]').waitFor();
  const state = (await (await fetch(`${s.playground.url}/api/state`)).json()) as {
    activeSheet: string;
    selection: { ranges: string[] } | null;
  };
  return [state.activeSheet, state.selection?.ranges];
}

test('a cell clicked while the page is still telling the server is the cell the sidebar reads', async () => {
  const s = await open();
  try {
    await menu(s, 'Open sidebar');
    await s.sidebar.getByRole('tab', { name: 'Errors' }).click();
    // The selection's POST is slow to arrive; the sidebar's call must not overtake it and read the old cell
    // (A2, a job without errors).
    const release = await hold(s, '**/api/select');
    await cell(s, 40, 1).click();
    await s.sidebar.getByRole('button', { name: 'Show job errors' }).click();
    await s.page.waitForTimeout(300);
    await release();
    const shown = s.sidebar.getByTestId('error-list').or(s.sidebar.getByTestId('no-errors'));
    await shown.waitFor();
    await expect(shown.textContent()).resolves.toContain('<img src=x onerror=alert(1)>');
  } finally {
    await s.playground.close();
  }
});

test('a cell clicked while another sheet is still coming up is a cell of that sheet, however many tabs were clicked', async () => {
  const s = await open();
  try {
    const imports = `Jobs ${DEMO_LIBRARY_IDS.imports}`;
    const contracts = `Jobs ${DEMO_LIBRARY_IDS.contracts}`;
    await loadLibrary(s, DEMO_LIBRARY_IDS.imports);
    await s.sidebar.getByRole('button', { name: 'Load another' }).click();
    await s.sidebar.getByLabel('Library ID').fill(DEMO_LIBRARY_IDS.contracts);
    await s.sidebar.getByRole('button', { name: 'Load jobs' }).click();
    await s.sidebar.getByTestId('library-done').waitFor();
    await showSheet(s, imports);

    // One switch: the grid still shows the library's sheet; the click waits until Sheet1 shows, then lands on it.
    let release = await hold(s, '**/api/activate');
    await s.page.getByTestId('sheet-tab-Sheet1').click();
    let click = cell(s, 40, 1).click();
    await s.page.waitForTimeout(300);
    await release();
    await click;
    await grid(s, 'Sheet1').waitFor();
    await expect(serverSelection(s)).resolves.toEqual(['Sheet1', ['A40']]);

    // Two switches on their way, the second slow: once the first shows, the grid is still out of reach.
    release = await hold(s, '**/api/activate', DEMO_LIBRARY_IDS.contracts);
    await s.page.getByTestId(`sheet-tab-${imports}`).click();
    await s.page.getByTestId(`sheet-tab-${contracts}`).click();
    await s.page.locator(`[data-testid="grid"][data-sheet="${imports}"]`).waitFor();
    await expect(s.page.getByTestId('grid').getAttribute('inert')).resolves.not.toBeNull();
    click = cell(s, 3, 1).click();
    await s.page.waitForTimeout(300);
    await release();
    await click;
    await grid(s, contracts).waitFor();
    await expect(serverSelection(s)).resolves.toEqual([contracts, ['A3']]);

    // Back to the sheet being left before the switch away from it shows: the page and the server end there.
    release = await hold(s, '**/api/activate');
    await s.page.getByTestId(`sheet-tab-${imports}`).click();
    await s.page.getByTestId(`sheet-tab-${contracts}`).click();
    await s.page.waitForTimeout(300);
    await release();
    await grid(s, contracts).waitFor();
    const [active] = await serverSelection(s);
    expect(active).toBe(contracts);
    await expect(s.page.locator('[data-testid="grid"]').getAttribute('data-sheet')).resolves.toBe(contracts);
  } finally {
    await s.playground.close();
  }
});

test('a cell clicked on a sheet the add-on has just left behind does not take the server back to it', async () => {
  const s = await open();
  try {
    // Loading a library makes its sheet the active one on the server; the page shows it on its next refresh.
    await menu(s, 'Open sidebar');
    await s.sidebar.getByRole('tab', { name: 'Library' }).click();
    await s.sidebar.getByLabel('Library ID').fill(DEMO_LIBRARY_IDS.imports);
    const release = await hold(s, '**/api/sheets');
    await s.sidebar.getByRole('button', { name: 'Load jobs' }).click();
    await s.sidebar.getByTestId('library-done').waitFor();
    await cell(s, 5, 1).click(); // still Sheet1 on the page
    await release();
    const name = `Jobs ${DEMO_LIBRARY_IDS.imports}`;
    await grid(s, name).waitFor();
    const [active] = await serverSelection(s);
    expect(active).toBe(name);
  } finally {
    await s.playground.close();
  }
});

test('typing in a cell: a formula is a formula, as in Sheets; a malformed ID gets "Invalid job ID" without any "Cancel 0"', async () => {
  const s = await open();
  try {
    await cell(s, 43, 1).dblclick();
    await s.page.keyboard.type('bad id/here');
    await s.page.keyboard.press('Enter');
    await cell(s, 44, 2).dblclick();
    await s.page.keyboard.type('=1+2');
    await s.page.keyboard.press('Enter');
    await s.page.locator('body[data-busy="false"]').waitFor();
    await cell(s, 43, 1).click();
    await menu(s, 'Cancel selected jobs...');
    await s.sidebar.getByTestId('count-invalid').waitFor();
    // Nothing to cancel: the menu's path shows why, and the one button only writes the row.
    await expect(s.sidebar.getByTestId('nothing-to-send').textContent()).resolves.toMatch(
      /^Nothing will be sent to AODocs\. The selected cell is not a job ID/,
    );
    expect(await s.sidebar.getByRole('button', { name: /^Cancel \d/ }).count()).toBe(0);
    await s.sidebar.getByRole('button', { name: 'Write "Invalid job ID" into 1 row' }).click();
    await s.sidebar.getByTestId('end-text').waitFor();
    await expect(s.sidebar.getByTestId('end-text').textContent()).resolves.toBe('Done: nothing sent, 1 needs a look');
    const { values, formulas } = await sheet(s, 'Sheet1');
    expect(column(values, 'Result')[42]).toBe('Invalid job ID');
    expect(formulas[43][1]).toBe('=1+2');
  } finally {
    await s.playground.close();
  }
});

test('a column of 600 IDs: the sidebar has its rows checked for being hidden in pieces, then shows the count', async () => {
  const csv = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aodocs-')), 'big.csv');
  fs.writeFileSync(csv, ['Job ID', ...Array.from({ length: 600 }, (_, i) => `bigJob${i}`)].join('\n'));
  const s = await open(['--sheet', csv]);
  try {
    await s.page.getByTestId('col-header-1').click();
    await menu(s, 'Open sidebar');
    await s.sidebar.getByRole('button', { name: 'Cancel selected jobs…' }).click();
    await s.sidebar.getByTestId('count-jobs').waitFor();
    await expect(s.sidebar.getByTestId('count-jobs').locator('.value').textContent()).resolves.toBe('600');
    await s.page.screenshot({ path: path.join(SHOTS, 'plan-of-600-rows.png') });
    const stats = (await (await fetch(`${s.playground.url}/api/stats`)).json()) as {
      executionsByFunction: Record<string, number>;
      calls: Record<string, number>;
    };
    // 600 rows, 6 calls in flight: six pieces of 100 rows, between two readSelectionPlan calls.
    expect(stats.executionsByFunction).toMatchObject({ readSelectionPlan: 2, readHiddenRows: 6 });
    expect(stats.calls['Sheet.isRowHiddenByUser']).toBe(600);
  } finally {
    await s.playground.close();
  }
});

test('the playground names its demo library IDs and says where the API address of Settings goes', async () => {
  const s = await open();
  try {
    await menu(s, 'Open sidebar');
    const note = s.page.getByTestId('playground-note');
    await expect(s.page.getByTestId('playground-routing').textContent()).resolves.toMatch(
      /^Playground: the AODocs API address in Settings \(production or staging\) is routed to the built-in AODocs simulator, http:\/\/127\.0\.0\.1:\d+\/api\.$/,
    );
    const text = await note.textContent();
    for (const id of Object.values(DEMO_LIBRARY_IDS)) expect(text).toContain(id);
    // In the sidebar, only the playground's script offers them: the Library ID field's placeholder and suggestions.
    await s.sidebar.getByRole('tab', { name: 'Library' }).click();
    const field = s.sidebar.getByLabel('Library ID');
    await expect(field.getAttribute('placeholder')).resolves.toBe(`Demo: ${DEMO_LIBRARY_IDS.imports}`);
    const suggestions = await s.sidebar
      .locator(`datalist#${await field.getAttribute('list')} option`)
      .evaluateAll((options) => options.map((o) => o.getAttribute('value')));
    expect(suggestions.sort()).toEqual(Object.values(DEMO_LIBRARY_IDS).sort());
    // The README names the same IDs.
    const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
    for (const id of Object.values(DEMO_LIBRARY_IDS)) expect(readme).toContain(id);
    await s.page.screenshot({ path: path.join(SHOTS, 'playground-7-demo-libraries.png') });
  } finally {
    await s.playground.close();
  }
});

test('Stop pressed at a random point: at most brakeBound(20, 2) cancels reach the simulator after the press', async () => {
  // Replay a failure with STOP_SEED=<the seed printed here>.
  const seed = Number(process.env.STOP_SEED ?? Math.floor(Math.random() * 2 ** 31));
  console.log(`Stop test seed: ${seed} (replay with STOP_SEED=${seed})`);
  const random = createPrng(seed);
  const jobIds = ids.inProgress;
  const csv = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aodocs-')), 'in-progress.csv');
  fs.writeFileSync(csv, ['Job ID', ...jobIds].join('\n'));
  const s = await open(['--sheet', csv, '--latency-ms', '300']);
  try {
    await s.page.getByTestId('col-header-1').click();
    await menu(s, 'Open sidebar');
    await s.sidebar.getByRole('button', { name: 'Cancel selected jobs…' }).click();
    await s.sidebar.getByRole('button', { name: `Cancel ${jobIds.length} jobs…` }).click();
    // The default settings: 20 jobs per chunk, 2 chunks at once.
    const bound = brakeBound(20, 2);
    await expect(s.sidebar.getByTestId('confirm-stop').textContent()).resolves.toBe(
      `From the moment Stop is pressed, at most ${bound} further cancels reach AODocs; the others are not sent.`,
    );
    await s.sidebar.getByRole('button', { name: 'Cancel jobs' }).click();
    const stop = s.sidebar.getByRole('button', { name: 'Stop' });
    await stop.waitFor();
    // A random point of the run: while the opening chunk is out, or once a random number of jobs are done, then up
    // to 200 ms more (less than one answer's latency: the chunks still out keep the run, and Stop, there).
    const doneBefore = random() < 0.15 ? 0 : 5 + Math.floor(random() * (jobIds.length - 5 - 2 * 20));
    const waitMs = Math.floor(random() * 200);
    console.log(`Stop test: pressed once ${doneBefore} jobs are done, then ${waitMs} ms later`);
    const progress = s.sidebar.getByTestId('progress-text');
    while (doneBefore > 0 && Number(/^(\d+) of/.exec((await progress.textContent()) ?? '')?.[1]) < doneBefore) {
      await s.page.waitForTimeout(10);
    }
    await s.page.waitForTimeout(waitMs);
    // The time of the press, taken in the sidebar when the click reaches the button (the same machine's clock as
    // the simulator's log): every cancel that arrives from then on counts against the brake.
    await stop.evaluate((button) =>
      button.addEventListener('click', () => {
        (button.ownerDocument.defaultView as unknown as { __stopPressedAt: number }).__stopPressedAt = Date.now();
      }),
    );
    await stop.click({ timeout: 5000 });
    const pressedAt = await stop.evaluate(
      (button) => (button.ownerDocument.defaultView as unknown as { __stopPressedAt: number }).__stopPressedAt,
    );
    expect(pressedAt).toBeGreaterThan(0);
    await s.sidebar.getByTestId('end-text').waitFor({ timeout: 60_000 });
    await expect(s.sidebar.getByTestId('end-text').textContent()).resolves.toMatch(/^Stopped: /);

    const log = (await (await fetch(`${s.playground.url}/api/simulator/requests`)).json()) as RequestLogEntry[];
    const cancels = log.filter((e) => e.method === 'POST' && /\/cancel$/.test(e.path));
    const afterPress = cancels.filter((e) => Date.parse(e.time) >= pressedAt);
    console.log(`Stop test: ${cancels.length} cancels in all, ${afterPress.length} after the press (at most ${bound})`);
    expect(afterPress.length).toBeLessThanOrEqual(bound);
    // The run did stop: not every job was sent, and the sidebar says how many were not.
    const notSentLine = s.sidebar.getByTestId('not-sent');
    // "Every job had been sent when the run stopped" when nothing was left: 0.
    const notSent = Number(/^(\d+) jobs? not sent/.exec((await notSentLine.textContent()) ?? '')?.[1] ?? 0);
    expect(new Set(cancels.map((e) => e.path)).size + notSent).toBe(jobIds.length);
  } finally {
    await s.playground.close();
  }
});

test('Settings > Diagnostics measures the platform (the emulator here), shows each figure and exports them all', async () => {
  const s = await open();
  try {
    await menu(s, 'Open sidebar');
    await s.sidebar.getByRole('tab', { name: 'Settings' }).click();
    const before = ((await (await fetch(`${s.playground.url}/api/simulator/requests`)).json()) as unknown[]).length;
    const sheetsBefore = await s.page
      .getByTestId('sheet-tabs')
      .textContent()
      .catch(() => null);
    await s.sidebar.getByRole('button', { name: 'Measure the platform' }).click();
    const block = s.sidebar.getByTestId('calibration-json');
    await block.waitFor({ timeout: 60_000 });
    // Every Diagnostics figure (README, "Diagnostics") has its line, with a value.
    const lines = Object.fromEntries(
      await s.sidebar
        .getByTestId('diagnostics-report')
        .locator('[data-figure]')
        .evaluateAll((els) =>
          els.map((el) => [el.getAttribute('data-figure'), el.querySelector('.value')?.textContent ?? '']),
        ),
    ) as Record<string, string>;
    expect(Object.keys(lines)).toEqual([
      'round-trip-first',
      'round-trips',
      'round-trips-at-once-2',
      'round-trips-at-once-6',
      'round-trips-at-once-10',
      'server-ms',
      'signed-in',
      'fetch-ms',
      'fetch-all-times',
      'fetch-all-line',
      'fetch-all-parallelism',
      'aodocs-unknown-id',
      'aodocs-malformed-id',
      'aodocs-no-authorization',
      'locale',
      'outside-allowlist',
      'authorization-status',
      'granted-scopes',
      'openid-granted',
      'token',
      'token-iss',
      'token-aud',
      'token-azp',
      'token-aud-equals-azp',
      'token-hd',
      'token-email-verified',
      'token-lifetime',
      'account-type',
      'plain-text-apostrophe',
      'marked-formula',
      'sheet-hidden',
      'sheet-display-values',
      'sheet-flush',
      'cache-put-get',
      'cache-same-call',
      'cache-next-call',
      'document-lock',
      'document-lock-try',
    ]);
    expect(lines['round-trips']).toMatch(/^median \d+ ms, p90 \d+ ms, max \d+ ms$/);
    expect(lines['round-trips-at-once-10']).toMatch(/^all answered in \d+ ms, slowest call \d+ ms$/);
    expect(lines['fetch-all-times']).toMatch(/^1: \d+ ms, 5: \d+ ms, 10: \d+ ms, 20: \d+ ms, 40: \d+ ms$/);
    expect(lines['fetch-all-line']).toMatch(/^-?\d+ ms \+ -?\d+\.\d ms per request$/);
    expect(lines['aodocs-unknown-id']).toMatch(/^404, reason notFound, content type application\/json/);
    expect(lines['aodocs-no-authorization']).toMatch(/^401, /);
    expect(lines['outside-allowlist']).toMatch(/^refused: .*aodocs-jobs-diagnostics\.invalid.*whitelisted/);
    expect(lines['signed-in']).toBe('yes');
    expect(lines['authorization-status']).toBe('NOT_REQUIRED');
    expect(lines['granted-scopes']).toContain('openid');
    expect(lines['openid-granted']).toBe('yes');
    expect(lines['token-aud-equals-azp']).toBe('yes');
    expect(lines['token-lifetime']).toBe('3600 s');
    expect(lines['cache-same-call']).toBe('yes');
    expect(lines['cache-next-call']).toBe('yes');
    expect(lines['document-lock']).toBe('yes');
    expect(lines['document-lock-try']).toMatch(/^got it in \d+ ms$/);
    for (const [key, value] of Object.entries(lines)) expect([key, value]).not.toEqual([key, '']);

    const calibration = JSON.parse(await block.inputValue()) as Record<string, unknown>;
    expect(calibration).toMatchObject({
      fetchAllParallelism: expect.any(Number),
      fetchAllOverheadMs: expect.any(Number),
      fetchAllPerRequestMs: expect.any(Number),
      fetchHopMs: expect.any(Number),
      roundTripP90Ms: expect.any(Number),
      plainTextKeepsApostrophe: false,
      markedFormulaStaysText: true,
      roundTrips: { count: 10, atOnce: [{ calls: 2 }, { calls: 6 }, { calls: 10 }] },
      fetchAllTimes: [{ requests: 1 }, { requests: 5 }, { requests: 10 }, { requests: 20 }, { requests: 40 }],
      locale: expect.any(String),
      outsideAllowlist: { refused: true },
      authorization: { openidGranted: true },
      token: { present: true, audEqualsAzp: true, lifetimeSeconds: 3600 },
      accountType: expect.stringMatching(/^(workspace|consumer)$/),
      aodocsAnswers: [{ probe: 'unknown-id' }, { probe: 'malformed-id' }, { probe: 'no-authorization' }],
      sheetCalls: { calls: 100 },
      cache: { readBackSameCall: true, readNextCall: true },
      documentLock: { present: true, acquired: true },
    });
    expect(calibration.googleScriptRunRoundTripMs as number).toBeGreaterThan(0);
    // Secrets stay on the server: no token, no email, in what the sidebar shows or exports.
    const shown = `${await s.sidebar.getByTestId('diagnostics-report').textContent()} ${await block.inputValue()}`;
    expect(shown).not.toMatch(/eyJ[\w-]{10,}\.|@/);
    // 82 GETs of jobs that do not exist; nothing cancelled; the scratch sheet is gone again.
    const requests = (await (await fetch(`${s.playground.url}/api/simulator/requests`)).json()) as { method: string }[];
    expect(requests.slice(before).map((r) => r.method)).toEqual(Array(82).fill('GET'));
    await expect(s.page.getByTestId('sheet-tabs').textContent()).resolves.toBe(sheetsBefore);
  } finally {
    await s.playground.close();
  }
});

describe('Check connection tests what the form shows', () => {
  async function check(s: Session): Promise<{ message: string; tested: string }> {
    await s.sidebar.getByRole('button', { name: 'Check connection' }).click();
    const report = s.sidebar.getByTestId('connection-report');
    await report.waitFor();
    return {
      message: (await s.sidebar.getByTestId('connection-message').textContent()) ?? '',
      tested: (await s.sidebar.getByTestId('connection-tested').textContent()) ?? '',
    };
  }

  test('a typed code, not saved, is the one tested; "Invalid security code" is said as such; a bad address is not "accepted"', async () => {
    const s = await open();
    try {
      await menu(s, 'Open sidebar');
      await s.sidebar.getByRole('tab', { name: 'Settings' }).click();
      await s.sidebar.getByLabel('Sign in with').selectOption('security-code');
      await s.sidebar.getByLabel('Security code', { exact: true }).fill('wrong-code');
      const wrong = await check(s);
      expect(wrong.message).toMatch(/refused the security code/);
      expect(wrong.message).not.toMatch(/administrator rights|accepts/);
      expect(wrong.tested).toMatch(/not saved/);
      await s.sidebar.getByLabel('Security code', { exact: true }).fill(DEMO_SECURITY_CODES.admin);
      await expect(check(s)).resolves.toEqual({
        message: 'AODocs accepts this sign-in.',
        tested: expect.stringMatching(/not saved/),
      });
      // An address the add-on may not call: the form's own error, never "accepted".
      await s.sidebar.getByLabel('AODocs API').selectOption('custom');
      await s.sidebar.getByLabel('Custom API base URL').fill('https://elsewhere.example/api');
      const bad = await check(s);
      expect(bad.message).toMatch(/may only call addresses/);
      // The page never received the typed code back.
      const answers = await s.sidebar.locator('body').textContent();
      expect(answers).not.toContain(DEMO_SECURITY_CODES.admin);
    } finally {
      await s.playground.close();
    }
  });

  test('--domain: a domain the simulator does not serve is refused, and named', async () => {
    const s = await open(['--domain', 'example.com']);
    try {
      await menu(s, 'Open sidebar');
      await s.sidebar.getByRole('tab', { name: 'Settings' }).click();
      await expect(check(s)).resolves.toEqual({
        message: 'AODocs accepts this sign-in.',
        tested: 'Checked with the saved settings.',
      });
      await s.sidebar.getByLabel('Domain (optional)').fill('wrong-domain.example');
      const wrong = await check(s);
      expect(wrong.message).toContain('"wrong-domain.example"');
      expect(wrong.message).not.toMatch(/accepts/);
    } finally {
      await s.playground.close();
    }
  });

  test('a custom API address with a trailing slash is accepted, saved without it', async () => {
    const s = await open();
    try {
      await menu(s, 'Open sidebar');
      await s.sidebar.getByRole('tab', { name: 'Settings' }).click();
      await s.sidebar.getByLabel('AODocs API').selectOption('custom');
      const url = s.sidebar.getByLabel('Custom API base URL');
      const current = await url.inputValue();
      await url.fill(`${current.replace(/\/$/, '')}/`);
      await s.sidebar.getByRole('button', { name: 'Save' }).click();
      await s.sidebar.getByTestId('settings-status').getByText('Settings saved.').waitFor();
      await expect(url.inputValue()).resolves.toBe(current.replace(/\/$/, ''));
    } finally {
      await s.playground.close();
    }
  });
});

test('keyboard: the Extensions menu works with arrow keys, and the sidebar it opens takes the focus', async () => {
  const s = await open();
  try {
    const focusedText = () => s.page.evaluate<string>("document.activeElement?.textContent ?? ''");
    await s.page.getByTestId('menu-extensions').focus();
    await s.page.keyboard.press('ArrowDown');
    await expect(focusedText()).resolves.toBe('AODocs Jobs');
    await s.page.keyboard.press('ArrowRight');
    await expect(focusedText()).resolves.toBe('Open sidebar');
    await s.page.keyboard.press('ArrowDown');
    await expect(focusedText()).resolves.toBe('Cancel selected jobs...');
    await s.page.keyboard.press('ArrowUp');
    await s.page.keyboard.press('ArrowLeft');
    await expect(focusedText()).resolves.toBe('AODocs Jobs');
    await s.page.keyboard.press('Escape');
    await expect(focusedText()).resolves.toBe('Extensions');
    await s.page.keyboard.press('Enter');
    await s.page.keyboard.press('ArrowRight');
    await s.page.keyboard.press('Enter');
    await s.sidebar.getByRole('heading', { name: 'Jobs in the selection' }).waitFor();
    // Focus is in the sidebar, on its first heading: the next Tab reaches its first button.
    await s.page.waitForFunction("document.activeElement?.getAttribute('data-testid') === 'sidebar-frame'", null, {
      timeout: 5000,
    });
    await s.sidebar.locator('h2:focus', { hasText: 'Jobs in the selection' }).waitFor({ timeout: 5000 });
    await s.page.keyboard.press('Tab');
    await expect(s.sidebar.locator(':focus').textContent()).resolves.toBe('Cancel selected jobs…');
  } finally {
    await s.playground.close();
  }
});

describe('the grid during and after a run', () => {
  test('rows show in the grid as they are written, while the run goes on', async () => {
    const jobIds = ids.inProgress;
    const csv = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aodocs-')), 'live.csv');
    fs.writeFileSync(csv, ['Job ID', ...jobIds].join('\n'));
    const s = await open(['--sheet', csv, '--latency-ms', '300']);
    try {
      await s.page.getByTestId('col-header-1').click();
      await menu(s, 'Open sidebar');
      await s.sidebar.getByRole('button', { name: 'Cancel selected jobs…' }).click();
      await s.sidebar.getByRole('button', { name: `Cancel ${jobIds.length} jobs…` }).click();
      await s.sidebar.getByRole('button', { name: 'Cancel jobs' }).click();
      // Once a chunk's rows are written (its answer reached the sidebar), the grid shows them within a second,
      // while the run is still going (Stop still shown, the end not reached).
      const progress = s.sidebar.getByTestId('progress-text');
      let done = 0;
      while (done < 25) {
        done = Number(/^(\d+) of/.exec((await progress.textContent()) ?? '')?.[1] ?? 0);
        await s.page.waitForTimeout(20);
      }
      const shownAt = Date.now();
      const statusCells = () =>
        s.page.evaluate<number>(
          `[...document.querySelectorAll('[data-testid^="cell-"]')].filter((c) => c.textContent === 'CANCELLED').length`,
        );
      let shown = 0;
      while (shown < done && Date.now() - shownAt < 1000) {
        shown = await statusCells();
        await s.page.waitForTimeout(20);
      }
      expect(shown).toBeGreaterThanOrEqual(done);
      expect(await s.sidebar.getByTestId('end-text').count()).toBe(0);
      await s.sidebar.getByTestId('end-text').waitFor({ timeout: 60_000 });
    } finally {
      await s.playground.close();
    }
  });
});

test('"Select rows that need a look" shows the selection the add-on set, in the grid and the Name box', async () => {
  const csv = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aodocs-')), 'look.csv');
  fs.writeFileSync(csv, ['Job ID', ids.inProgress[0], 'no-such-job-0001', ids.inProgress[1], 'bad id/here'].join('\n'));
  const s = await open(['--sheet', csv]);
  try {
    await s.page.getByTestId('col-header-1').click();
    await s.page.locator('[data-testid="grid"][data-selection="A:A"]').waitFor();
    await menu(s, 'Open sidebar');
    await s.sidebar.getByRole('button', { name: 'Cancel selected jobs…' }).click();
    await s.sidebar.getByRole('button', { name: 'Cancel 3 jobs…' }).click();
    await s.sidebar.getByRole('button', { name: 'Cancel jobs' }).click();
    await s.sidebar.getByTestId('end-text').waitFor();
    await s.sidebar.getByRole('button', { name: 'Select rows that need a look' }).click();
    await s.sidebar.getByTestId('select-status').getByText('2 rows selected in the sheet.').waitFor();
    const grid = s.page.getByTestId('grid');
    await s.page.locator('[data-testid="grid"][data-selection="3:3,5:5"]').waitFor({ timeout: 2000 });
    await expect(grid.getAttribute('data-selection')).resolves.toBe('3:3,5:5');
    await expect(s.page.getByTestId('name-box').textContent()).resolves.toBe('5:5');
  } finally {
    await s.playground.close();
  }
});
