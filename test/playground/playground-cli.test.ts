// `npm start`'s program as a process: its options, its printed address and its JSON endpoints.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import { startPlaygroundProcess } from '../support/playground-process';
import { startSimulator } from '../../simulator/simulator-process';
import { demoJobIds } from '../../simulator/demo-seed';

jest.setTimeout(60_000);
const ROOT = path.resolve(__dirname, '../..');

// The endpoints' answers are checked field by field below: typed loosely on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function json(url: string, init?: RequestInit): Promise<{ status: number; body: Json }> {
  const response = await fetch(url, { ...init, headers: { 'Content-Type': 'application/json', ...init?.headers } });
  return { status: response.status, body: await response.json() };
}

test('--sheet loads a CSV as typed input; the JSON endpoints describe the sheet as Apps Script would', async () => {
  const csv = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'playground-')), 'ids.csv');
  fs.writeFileSync(csv, `Job ID,Count,Note\n${demoJobIds().inProgress[0]},12,"=1+2"\n`);
  const playground = await startPlaygroundProcess(['--sheet', csv, '--user', 'admin@example.com']);
  try {
    expect(playground.output()).toMatch(/^Playground: http:\/\/localhost:\d+$/m);
    expect((await json(`${playground.url}/api/sheets`)).body).toEqual([{ name: 'Sheet1', rows: 2, columns: 3 }]);
    const { body } = await json(`${playground.url}/api/sheet?name=Sheet1`);
    expect(body.values[1]).toEqual([demoJobIds().inProgress[0], 12, '']);
    expect(body.displayValues[1]).toEqual([demoJobIds().inProgress[0], '12', '']);
    expect(body.formulas[1]).toEqual(['', '', '=1+2']);
    const state = (await json(`${playground.url}/api/state`)).body;
    expect(state.menus[0].items.map((i: { caption: string }) => i.caption)).toEqual([
      'Open sidebar',
      'Cancel selected jobs...',
    ]);
    const run = await json(`${playground.url}/api/script-run`, {
      method: 'POST',
      body: JSON.stringify({ name: 'getSidebarState', args: [] }),
    });
    expect(run.body).toMatchObject({ ok: true, value: { userEmail: 'admin@example.com' } });
    expect((await json(`${playground.url}/api/sheet?name=Nope`)).status).toBe(404);
    expect(
      (await json(`${playground.url}/api/menu`, { method: 'POST', body: '{"functionName":"runChunk"}' })).body,
    ).toEqual({
      ok: false,
      message: 'No menu item runs runChunk',
    });
    // Only JSON from a local page: a form post from another site is refused.
    const form = await fetch(`${playground.url}/api/cell`, {
      method: 'POST',
      body: 'sheet=Sheet1&row=1&column=1&input=x',
    });
    expect(form.status).toBe(415);
    const stats = (await json(`${playground.url}/api/stats`)).body;
    expect(stats.scriptExecutions).toBeGreaterThanOrEqual(2);
    expect(stats.calls['Ui.createAddonMenu']).toBe(1);
  } finally {
    await playground.close();
    fs.rmSync(path.dirname(csv), { recursive: true, force: true });
  }
});

test('--aodocs-url uses that AODocs instead of starting a simulator', async () => {
  const simulator = await startSimulator();
  const playground = await startPlaygroundProcess(['--aodocs-url', simulator.url]);
  try {
    expect(playground.output()).not.toContain('AODocs simulator:');
    await json(`${playground.url}/api/select`, {
      method: 'POST',
      body: JSON.stringify({ sheet: 'Sheet1', ranges: ['A2'] }),
    });
    const plan = (
      await json(`${playground.url}/api/script-run`, {
        method: 'POST',
        body: JSON.stringify({ name: 'readSelectionPlan', args: [] }),
      })
    ).body;
    const answer = await json(`${playground.url}/api/script-run`, {
      method: 'POST',
      body: JSON.stringify({
        name: 'runChunk',
        args: [{ ...plan.value.plan, action: 'refresh', runId: '0011223344556677' }],
      }),
    });
    expect(answer.body).toMatchObject({ ok: true, value: { results: [{ outcome: 'done' }] } });
    expect(await simulator.requestLog()).toHaveLength(1);
  } finally {
    await playground.close();
    await simulator.close();
  }
});

test('bad options get a clear message and exit code 2', () => {
  const run = spawnSync(process.execPath, [require.resolve('tsx/cli'), 'playground/start.ts', '--port', 'abc'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('--port must be 0..65535');
  expect(run.stderr).toContain('Usage: npm start -- [options]');
});

test('a busy port: one sentence naming the port and --port, exit code 1, no stack', async () => {
  const busy = net.createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  const { port } = busy.address() as net.AddressInfo;
  try {
    // The port stays busy while the playground tries it: the kernel refuses the second listen, whatever this
    // process's event loop does.
    const run = spawnSync(
      process.execPath,
      [require.resolve('tsx/cli'), 'playground/start.ts', '--port', String(port)],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      `Playground: port ${port} is already in use: stop the program listening on it, or start on another port ` +
        `with \`npm start -- --port ${port === 65535 ? 8080 : port + 1}\` (--port 0 picks a free one).`,
    );
    expect(run.stdout).not.toContain('Playground: http');
  } finally {
    busy.close();
  }
});
