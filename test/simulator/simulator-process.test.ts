// startSimulator(): the worker starts, serves while this thread is blocked, and its handle works.

import { Worker } from 'node:worker_threads';
import { DEMO_LIBRARY_IDS, demoJobIds, demoSeed } from '../../simulator/demo-seed';
import { startSimulator } from '../../simulator/simulator-process';
import { ADMIN, call } from './http-helpers';

const ids = demoJobIds();

// How fast it starts is the benchmark's business, not a test's.
test('starts and answers at /api', async () => {
  const sim = await startSimulator();
  try {
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
    expect((await call(sim.url, `/job/v1/${ids.finished[0]}`, { headers: ADMIN })).status).toBe(200);
  } finally {
    await sim.close();
  }
});

test('serves while the calling thread is blocked in Atomics.wait (as the Apps Script emulator does)', async () => {
  const sim = await startSimulator();
  try {
    // A worker thread makes the request and wakes this thread when the answer is in; meanwhile this thread is
    // blocked, so only the simulator's own thread can have answered. 'ok' means woken, not timed out.
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const client = new Worker(
      `const { workerData } = require('node:worker_threads');
       const done = (v) => { Atomics.store(workerData.flag, 0, v); Atomics.notify(workerData.flag, 0); };
       fetch(workerData.url).then((r) => done(r.status), () => done(-1));`,
      { eval: true, workerData: { url: `${sim.url}/job/v1/${ids.finished[0]}`, flag } },
    );
    expect(Atomics.wait(flag, 0, 0, 30_000)).toBe('ok');
    expect(flag[0]).toBe(401);
    await client.terminate();
    const log = await sim.requestLog();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ status: 401, authKind: 'none' });
  } finally {
    await sim.close();
  }
});

test('options at start, reset to another seed, putJobs checks, close twice, calls after close reject', async () => {
  const seed = demoSeed();
  const sim = await startSimulator({ finishedCancelMode: 'unchanged', seed });
  const cancelFinished = () => call(sim.url, `/job/v1/${ids.finished[0]}/cancel`, { method: 'POST', headers: ADMIN });
  expect((await cancelFinished()).status).toBe(200);

  await sim.setOptions({ finishedCancelMode: 'precondition' });
  expect((await cancelFinished()).status).toBe(412);
  await sim.reset();
  expect((await cancelFinished()).status).toBe(200);

  await sim.reset({ ...seed, jobs: seed.jobs.slice(0, 1) });
  expect((await call(sim.url, `/job/v1/${ids.finished[0]}`, { headers: ADMIN })).status).toBe(404);
  expect(await sim.requestLog()).toHaveLength(1);

  await expect(sim.putJobs([{ jobId: 'x', libraryId: 'NoSuchLibrary', status: 'IN_PROGRESS' }])).rejects.toThrow(
    /unknown library/,
  );
  await expect(sim.setFaults({ rates: { '503': 2 } })).rejects.toThrow(/0\.\.1/);
  await sim.putJobs([{ jobId: 'NewJob0000000000001', libraryId: DEMO_LIBRARY_IDS.hr, status: 'FAILED' }]);
  expect(await sim.getJob('NewJob0000000000001')).toMatchObject({ status: 'FAILED', completed: true, events: [] });
  expect(await sim.getJob('absent')).toBeUndefined();

  await sim.close();
  await sim.close();
  await expect(sim.requestLog()).rejects.toThrow();
  await expect(call(sim.url, '/job/v1/x')).rejects.toThrow();
});

test('a port in use makes startSimulator reject', async () => {
  const first = await startSimulator();
  try {
    const port = Number(new URL(first.url).port);
    await expect(startSimulator({ port })).rejects.toThrow(/EADDRINUSE/);
  } finally {
    await first.close();
  }
});
