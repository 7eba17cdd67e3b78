// Hostile review: answers the AODocs documentation allows (or a proxy in front of it sends) that the simulator
// never produces, through the bundle. A proxy child process answers chosen requests itself.
import { demoJobIds } from '../../simulator/demo-seed';
import { startSimulator, SimulatorHandle } from '../../simulator/simulator-process';
import { PRODUCTION_BASE_URL } from '../../src/core/settings';
import { countOutcomes } from '../../src/client/run-driver';
import { endHeadlineOf } from '../../src/client/views';
import { Addon, startAddon } from '../support/addon';
import { Proxy, startProxy } from './answering-proxy';

const ids = demoJobIds();
let sheetCount = 0;

function sheetWith(addon: Addon, jobIds: string[]) {
  const name = `A${++sheetCount}`;
  const sheet = addon.env.spreadsheet.addSheet(name, [['Job ID'], ...jobIds.map((id) => [id])]);
  sheet.setFrozenRows(1);
  addon.env.spreadsheet.select(name, [`A2:A${jobIds.length + 1}`]);
  return sheet;
}

function column(sheet: ReturnType<typeof sheetWith>, header: string): unknown[] {
  const values = sheet.values();
  const c = values[0].indexOf(header);
  return values.slice(1).map((r) => (c < 0 ? '' : r[c]));
}

describe('answers the simulator does not give', () => {
  let simulator: SimulatorHandle;
  let proxy: Proxy;
  let addon: Addon;
  beforeAll(async () => {
    simulator = await startSimulator();
    proxy = await startProxy(simulator.url);
    addon = await startAddon({
      simulatorHandle: simulator,
      env: { clock: 'virtual', urlFetch: { routes: { [PRODUCTION_BASE_URL]: proxy.url } } },
    });
  });
  afterAll(async () => {
    await addon.close();
    proxy.close();
    await simulator.close();
  });
  afterEach(() => proxy.setRules([]));

  test('a 200 HTML page (a proxy sign-in page) for a job: its row does not say the cancel was accepted', async () => {
    const jobs = ids.inProgress.slice(100, 104);
    const html = jobs[0];
    await proxy.setRules([
      {
        match: `/job/v1/${html}`,
        status: 200,
        headers: { 'Content-Type': 'text/html' },
        body: '<html><body>Please sign in to continue</body></html>',
      },
    ]);
    const sheet = sheetWith(addon, jobs);
    const { end } = await addon.run('cancel');
    expect((await simulator.getJob(html))?.status).toBe('IN_PROGRESS');
    const row = end.results.find((r) => r.jobId === html)!;
    const result = column(sheet, 'Result')[0];
    // docs/BEHAVIOUR.md: non-JSON answer (a proxy's HTML page) -> `Unexpected answer from AODocs (HTTP ...)`; and no
    // row says a cancel happened that AODocs never confirmed. The end screen counts it with the cancelled jobs.
    expect([result, row.outcome, countOutcomes(end.results).done]).toEqual([
      'Unexpected answer from AODocs (HTTP 200)',
      'failed',
      3,
    ]);
  });

  test('every answer a 200 HTML page (a maintenance page in front of AODocs): the run stops within 10 requests', async () => {
    const jobs = ids.inProgress.slice(0, 30);
    await proxy.setRules([
      {
        match: '/job/v1/',
        status: 200,
        headers: { 'Content-Type': 'text/html' },
        body: '<html><body>AODocs is under maintenance</body></html>',
      },
    ]);
    const sheet = sheetWith(addon, jobs);
    addon.env.urlFetch.log.length = 0;
    const { end } = await addon.run('cancel');
    const requests = addon.env.urlFetch.log.length; // 60 today: every cancel and its read-back
    const results = column(sheet, 'Result');
    expect({
      requestsAtMost10: requests <= 10,
      stopped: end.stoppedBecause !== undefined,
      rowsSayingAccepted: results.filter((r) => String(r).startsWith('Cancel accepted')).length,
      countedDone: countOutcomes(end.results).done,
    }).toEqual({ requestsAtMost10: true, stopped: true, rowsSayingAccepted: 0, countedDone: 0 });
  });

  test('a cancel AODocs accepted while the job still runs is not counted as cancelled on the end screen', async () => {
    const jobs = ids.inProgress.slice(30, 33);
    const running = jobs[0];
    // 200 with the job, still IN_PROGRESS (AODocs cancels asynchronously): docs/BEHAVIOUR.md's table row
    // "Cancel requested, job still running".
    await proxy.setRules([
      {
        match: `/job/v1/${running}/cancel`,
        status: 200,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ jobId: running, status: 'IN_PROGRESS', completed: false, remainingTasks: 7 }),
      },
    ]);
    const sheet = sheetWith(addon, jobs);
    const { end } = await addon.run('cancel');
    expect(column(sheet, 'Result')).toEqual(['Cancel requested, job still running', 'Cancelled', 'Cancelled']);
    // Two jobs read CANCELLED; the screen must not say three were cancelled.
    expect(endHeadlineOf('cancel', end)).not.toMatch(/^Done: 3 cancelled/);
  });

  test('five unknown IDs at the top whose cancel AODocs refuses with 400 (and whose read says notFound): the run goes on', async () => {
    const unknown = [
      'Zq1unknownJob00001',
      'Zq1unknownJob00002',
      'Zq1unknownJob00003',
      'Zq1unknownJob00004',
      'Zq1unknownJob00005',
    ];
    const rest = ids.inProgress.slice(40, 50);
    // AODocs refusing a cancel for a job it does not know (400 badRequest, "400: you provided something wrong in the
    // input"); reading that job answers AODocs' own 404 notFound, which Check connection itself takes as proof
    // that the sign-in, the domain and the address are right (connection-verdict.ts).
    await proxy.setRules(
      unknown.map((id) => ({
        match: `/job/v1/${id}/cancel`,
        status: 400,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          error: {
            errors: [{ domain: 'global', reason: 'badRequest', message: 'Unknown job.' }],
            code: 400,
            message: 'Unknown job.',
          },
        }),
      })),
    );
    const sheet = sheetWith(addon, [...unknown, ...rest]);
    const { end } = await addon.run('cancel');
    expect(end.stoppedBecause).toBeUndefined();
    expect(column(sheet, 'Result').slice(5)).toEqual(Array(10).fill('Cancelled'));
  });

  test('one 401 among a chunk of accepted cancels (a token that expired mid-run) does not stop the run', async () => {
    const jobs = ids.inProgress.slice(50, 70);
    const expired = jobs[8];
    await proxy.setRules([
      {
        match: `/job/v1/${expired}/cancel`,
        status: 401,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          error: {
            errors: [{ domain: 'global', reason: 'required', message: 'Login Required' }],
            code: 401,
            message: 'Login Required',
          },
        }),
      },
    ]);
    const sheet = sheetWith(addon, jobs);
    const { end } = await addon.run('cancel');
    const results = column(sheet, 'Result');
    // docs/BEHAVIOUR.md: the breaker stops a run "when every job of a chunk gets the same answer that points at the setup
    // (401; ...)". Here 19 of 20 were accepted with the same sign-in.
    expect(end.stoppedBecause).toBeUndefined();
    expect(results.filter((r) => r === 'Cancelled')).toHaveLength(19);
  });
});
