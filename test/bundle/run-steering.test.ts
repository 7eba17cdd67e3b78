// A run an admin can steer, through the bundle and the simulator: the opening chunk goes alone (slow start), a
// misconfigured run stops after at most 10 requests reached AODocs and names who can fix it (circuit breaker),
// and chunks of a stopped run send nothing (the server-side brake).
import { readFileSync } from 'node:fs';
import { demoSeed, demoJobIds } from '../../simulator/demo-seed';
import type { SimulatorOptions } from '../../simulator/options';
import type { AppsScriptEnvironmentOptions } from '../../emulator/environment';
import type { ChunkRequest, ChunkResult } from '../../src/shared/api';
import { Addon, startAddon } from '../support/addon';
import type { GoogleLanguage } from '../../emulator/services/google-language';
import { authorizationLinkOf, permissionsNeededMessage } from '../../src/core/authorization-link';
import { SERVER } from '../../src/core/wording';

const ids = demoJobIds();
const JOBS = ids.inProgress.slice(0, 40);

async function misconfigured(
  setup: { simulator?: SimulatorOptions; env?: AppsScriptEnvironmentOptions },
  configure: (addon: Addon) => void,
) {
  const addon = await startAddon(setup);
  try {
    configure(addon);
    addon.env.spreadsheet.addSheet('Jobs', [['Job ID'], ...JOBS.map((id) => [id])]);
    addon.env.spreadsheet.select('Jobs', [`A2:A${JOBS.length + 1}`]);
    const { end, chunks } = await addon.run('cancel');
    const reached = await addon.simulator.requestLog();
    const cancelled = [];
    for (const id of JOBS) if ((await addon.simulator.getJob(id))?.status === 'CANCELLED') cancelled.push(id);
    return { end, chunks, reached, cancelled };
  } finally {
    await addon.close();
  }
}

test('a wrong domain: AODocs answers 400 to everything; the run stops within 10 requests and names the domain', async () => {
  const { end, chunks, reached, cancelled } = await misconfigured({ simulator: { domains: ['example.com'] } }, (a) =>
    expect(a.saveSettings({ domain: 'wrong-domain.example' })).toMatchObject({ ok: true }),
  );
  expect(reached.length).toBeLessThanOrEqual(10);
  expect(chunks).toHaveLength(1);
  expect(chunks[0].jobs).toHaveLength(5);
  expect(end.stoppedBecause).toMatch(/domain or the API address in Settings is likely wrong/);
  expect(end.results.every((r) => /^Not cancelled \(400\); status not read: /.test(r.result))).toBe(true);
  expect(end.notSent).toBe(JOBS.length - 5);
  expect(cancelled).toEqual([]);
});

test('a wrong security code: 403 "Invalid security code"; the run stops within 10 requests and says so', async () => {
  const { end, reached } = await misconfigured({}, (a) =>
    expect(a.saveSettings({ authMode: 'security-code', securityCode: 'not-a-real-code' })).toMatchObject({
      ok: true,
    }),
  );
  expect(reached.length).toBeLessThanOrEqual(10);
  expect(end.stoppedBecause).toMatch(/AODocs refused the security code .* Check it in Settings/);
  expect(end.results.map((r) => r.result)).toEqual(Array(5).fill('AODocs refused the security code (403)'));
});

test('sign-in refused (401): the run stops within 10 requests with the client ID advice', async () => {
  const seed = { ...demoSeed(), registeredClientIds: ['someone-else.apps.googleusercontent.com'] };
  const { end, reached } = await misconfigured({ simulator: { seed } }, () => undefined);
  expect(reached.length).toBeLessThanOrEqual(10);
  expect(end.stoppedBecause).toMatch(/did not accept your sign-in \(401\).*Check connection/);
});

test.each<[string, string, RegExp]>([
  [
    'blocked by the Workspace administrator (wording unknown)',
    'Request to the AODocs API was blocked by your organization',
    /blocked in your Google Workspace: ask your Workspace administrator/,
  ],
  ['an unknown host', 'DNS error: https://aodocs.altirnao.com/api/job/v1/x/cancel', /cannot be found \(DNS error\)/],
])(
  'every request throws the same exception, %s: nothing reaches AODocs, the run stops and says who can fix it',
  async (_name, message, sentence) => {
    const { end, reached, chunks } = await misconfigured({}, (a) => {
      a.env.urlFetch.options.beforeRequest = () => {
        throw new Error(message);
      };
    });
    expect(reached).toEqual([]);
    expect(chunks).toHaveLength(1);
    expect(end.stoppedBecause).toMatch(sentence);
  },
);

test("an address outside the manifest's urlFetchWhitelist: the run stops and names the whitelist", async () => {
  const { end, reached } = await misconfigured(
    { env: { urlFetch: { allowlist: ['https://elsewhere.example/'] } } },
    () => undefined,
  );
  expect(reached).toEqual([]);
  expect(end.stoppedBecause).toMatch(/urlFetchWhitelist/);
});

describe('Stop on the server', () => {
  let addon: Addon;
  beforeAll(async () => {
    addon = await startAddon();
  });
  afterAll(() => addon.close());

  test('a chunk of a stopped run sends nothing and hands its jobs back; other runs are not held back', async () => {
    const jobs = ids.inProgress.slice(100, 104);
    addon.env.spreadsheet.addSheet('Stop', [['Job ID'], ...jobs.map((id) => [id])]);
    const chunk = (runId: string, slice: string[], first: number): ChunkRequest => ({
      action: 'cancel',
      sheetId: addon.env.spreadsheet.app.getActiveSpreadsheet().getSheetByName('Stop')!.getSheetId(),
      headerRow: 1,
      idColumn: 1,
      jobs: slice.map((jobId, i) => ({ jobId, cells: [{ row: first + i, column: 1 }] })),
      rejected: [],
      runId,
    });
    const stopped = 'aaaaaaaaaaaaaaaaaaaaaaaa';
    addon.bundle.callFromClient('stopRun', stopped);
    addon.env.urlFetch.log.length = 0;
    const held = addon.bundle.callFromClient('runChunk', chunk(stopped, jobs.slice(0, 2), 2)) as ChunkResult;
    expect(addon.env.urlFetch.log).toEqual([]);
    expect(held.notSent.map((j) => j.jobId)).toEqual(jobs.slice(0, 2));
    expect(held.stopRun).toMatch(/^Stopped/);
    const other = addon.bundle.callFromClient(
      'runChunk',
      chunk('bbbbbbbbbbbbbbbbbbbbbbbb', jobs.slice(2), 4),
    ) as ChunkResult;
    expect(other.results.map((r) => r.result)).toEqual(['Cancelled', 'Cancelled']);
    expect((await addon.simulator.getJob(jobs[0]))?.status).toBe('IN_PROGRESS');
  });

  test('stopRun refuses what is not a run ID', () => {
    expect(() => addon.bundle.callFromClient('stopRun', '../../x')).toThrow(/run ID/);
  });
});

describe('after a run: what needs a look', () => {
  let addon: Addon;
  beforeAll(async () => {
    addon = await startAddon();
  });
  afterAll(() => addon.close());

  test('a 403 names the library to ask; selectRows selects the rows that need a look', async () => {
    const [mine, theirs] = [ids.inProgress[120], ids.notAdmin[0]];
    const sheet = addon.env.spreadsheet.addSheet('Look', [['Job ID'], [mine], [theirs]]);
    sheet.setFrozenRows(1);
    addon.env.spreadsheet.select('Look', ['A2:A3']);
    const { end, plan } = await addon.run('cancel');
    const refused = end.results.find((r) => r.jobId === theirs)!;
    expect(refused).toMatchObject({ httpCode: 403, result: 'Not a library administrator (403)' });
    expect(refused.libraryId).toBe((await addon.simulator.getJob(theirs))?.libraryId);
    addon.bundle.callFromClient('selectRows', { sheetId: plan.sheetId, rows: [3] });
    expect(addon.env.spreadsheet.selection()).toMatchObject({ sheetName: 'Look', ranges: ['3:3'] });
  });

  test('retries that ran out mark the result as worth a re-run', async () => {
    const [id] = ids.inProgress.slice(121, 122);
    await addon.simulator.setOptions({ faults: { targeted: [{ fault: '503', jobId: id, times: 10 }] } });
    try {
      addon.env.spreadsheet.addSheet('Again', [['Job ID'], [id]]);
      addon.env.spreadsheet.select('Again', ['A2']);
      const { end } = await addon.run('cancel');
      expect(end.results[0]).toMatchObject({ result: 'AODocs unavailable, try again (503)', transient: true });
    } finally {
      await addon.simulator.setOptions({ faults: {} });
    }
  });
});

describe('permissions partly granted (granular consent)', () => {
  test.each<[string, string, GoogleLanguage]>([
    ['outside requests', 'https://www.googleapis.com/auth/script.external_request', 'en'],
    ['the Google identity', 'openid', 'en'],
    ['outside requests, Google speaking French', 'https://www.googleapis.com/auth/script.external_request', 'fr'],
    ['the Google identity, Google speaking Japanese', 'openid', 'ja'],
  ])(
    'without %s, every action that calls AODocs gives the authorization link before anything is sent',
    async (_name, scope, language) => {
      const addon = await startAddon({ env: { language } });
      try {
        const all = JSON.parse(readFileSync(`${addon.env.buildDir}/appsscript.json`, 'utf8')).oauthScopes as string[];
        addon.env.scriptApp.grantedScopes = all.filter((s) => s !== scope);
        addon.env.spreadsheet.addSheet('Jobs', [['Job ID'], [ids.inProgress[130]]]);
        addon.env.spreadsheet.select('Jobs', ['A2']);
        addon.env.urlFetch.log.length = 0;
        const authorizeUrl = `https://script.google.com/macros/d/${addon.env.scriptApp.scriptId}/authorize`;
        const { end } = await addon.run('cancel');
        expect(end).toMatchObject({ stoppedBecause: permissionsNeededMessage(authorizeUrl), notSent: 1 });
        expect(authorizationLinkOf(end.stoppedBecause!)).toEqual({
          sentence: SERVER.permissionsNeeded,
          url: authorizeUrl,
        });
        expect(() => addon.bundle.callFromClient('checkConnection')).toThrow(permissionsNeededMessage(authorizeUrl));
        expect(() => addon.bundle.callFromClient('readJobErrors')).toThrow(permissionsNeededMessage(authorizeUrl));
        expect(addon.env.urlFetch.log).toEqual([]);
        // Once granted, the same run goes through.
        addon.env.scriptApp.grantedScopes = null;
        const { end: after } = await addon.run('cancel');
        expect(after.results[0].result).toBe('Cancelled');
      } finally {
        await addon.close();
      }
    },
  );
});
