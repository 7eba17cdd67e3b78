// Fault injection (each kind, targeted and random, deterministic by seed) and latency.

import { demoJobIds } from '../../simulator/demo-seed';
import { FaultPlanner } from '../../simulator/faults';
import { LatencyPicker } from '../../simulator/latency';
import { createSimulatorServer } from '../../simulator/server';
import { startSimulator, type SimulatorHandle } from '../../simulator/simulator-process';
import { ADMIN, call } from './http-helpers';

let sim: SimulatorHandle;
const ids = demoJobIds();

beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());
afterEach(async () => expect(await sim.violations()).toEqual([]));

const cancel = (jobId: string, timeoutMs?: number) =>
  call(sim.url, `/job/v1/${jobId}/cancel`, { method: 'POST', headers: ADMIN, timeoutMs });
const statusOf = async (jobId: string) => (await sim.getJob(jobId))?.status;

describe('faults that answer before the operation takes effect', () => {
  test.each([
    ['503', 503, 'backendError', {}],
    ['429', 429, 'rateLimitExceeded', { 'retry-after': '1' }],
    ['409', 409, 'conflict', { 'x-aodocs-retryable': 'true' }],
    ['429-long', 429, 'rateLimitExceeded', { 'retry-after': '60' }],
    ['400', 400, 'badRequest', {}],
  ] as const)('%s answers %i %s in AODocs shape, job untouched', async (fault, status, reason, headers) => {
    const jobId = ids.inProgress[0];
    await sim.setFaults({ targeted: [{ jobId, operation: 'cancel', fault }] });
    const answer = await cancel(jobId);
    expect(answer.status).toBe(status);
    expect(answer.headers).toMatchObject(headers);
    expect(answer.json.error).toMatchObject({ code: status, errors: [{ domain: 'global', reason }] });
    expect(await statusOf(jobId)).toBe('IN_PROGRESS');
    const [entry] = await sim.requestLog();
    expect(entry).toMatchObject({ operation: 'cancel', status, fault });
  });

  test('the 429 fault says the Retry-After set by the retryAfterSeconds option', async () => {
    const jobId = ids.inProgress[0];
    await sim.setOptions({ retryAfterSeconds: 60 });
    await sim.setFaults({ targeted: [{ jobId, operation: 'cancel', fault: '429' }] });
    const answer = await cancel(jobId);
    expect(answer.status).toBe(429);
    expect(answer.headers['retry-after']).toBe('60');
    await expect(sim.setOptions({ retryAfterSeconds: -1 })).rejects.toThrow(/retryAfterSeconds/);
  });

  test('html answers a 502 proxy page in HTML, job untouched', async () => {
    const jobId = ids.inProgress[0];
    await sim.setFaults({ targeted: [{ jobId, fault: 'html' }] });
    const answer = await cancel(jobId);
    expect(answer.status).toBe(502);
    expect(answer.headers['content-type']).toMatch(/^text\/html/);
    expect(answer.text).toMatch(/^<!DOCTYPE html>/);
    expect(answer.json).toBeUndefined();
    expect(await statusOf(jobId)).toBe('IN_PROGRESS');
  });

  test('drop destroys the connection without an answer, job untouched', async () => {
    const jobId = ids.inProgress[0];
    await sim.setFaults({ targeted: [{ jobId, fault: 'drop' }] });
    await expect(cancel(jobId)).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(await statusOf(jobId)).toBe('IN_PROGRESS');
    const [entry] = await sim.requestLog();
    expect(entry.fault).toBe('drop');
    expect(entry.status).toBeUndefined();
  });
});

describe('faults where the operation happens', () => {
  test('drop-after: the cancel takes effect, then the answer is lost', async () => {
    const jobId = ids.inProgress[0];
    await sim.setFaults({ targeted: [{ jobId, fault: 'drop-after' }] });
    await expect(cancel(jobId)).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(await statusOf(jobId)).toBe('CANCELLED');
    const [entry] = await sim.requestLog();
    expect(entry).toMatchObject({ fault: 'drop-after', status: 200 });
    // The client's retry then finds the job finished.
    expect((await cancel(jobId)).status).toBe(412);
  });

  test('slow: the client times out, the server still cancels after slowMs', async () => {
    const jobId = ids.inProgress[0];
    await sim.setOptions({ slowMs: 400 });
    await sim.setFaults({ targeted: [{ jobId, fault: 'slow' }] });
    await expect(cancel(jobId, 100)).rejects.toThrow('timeout');
    expect(await statusOf(jobId)).toBe('IN_PROGRESS');
    // Wait (bounded) until the server has finished the slow request, then look.
    for (let i = 0; i < 100 && !(await sim.requestLog()).some((e) => e.fault === 'slow'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await statusOf(jobId)).toBe('CANCELLED');
    expect((await sim.requestLog())[0]).toMatchObject({ fault: 'slow', status: 200 });
  });
});

describe('targeting and randomness', () => {
  test('a targeted fault hits only its job, for its first N requests', async () => {
    const [target, other] = ids.inProgress;
    await sim.setFaults({ targeted: [{ jobId: target, fault: '503', times: 2 }] });
    const statuses = [];
    for (const jobId of [target, other, target, target]) {
      statuses.push((await call(sim.url, `/job/v1/${jobId}`, { headers: ADMIN })).status);
    }
    expect(statuses).toEqual([503, 200, 503, 200]);
  });

  test('random faults follow their rates and repeat exactly with the same faultSeed', async () => {
    const run = async () => {
      await sim.reset();
      await sim.setOptions({ faultSeed: 42, faults: { rates: { '503': 0.3, '429': 0.2 } } });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++)
        statuses.push((await call(sim.url, `/job/v1/${ids.finished[0]}`, { headers: ADMIN })).status);
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    const count = (status: number) => first.filter((s) => s === status).length;
    expect(count(503)).toBeGreaterThan(4);
    expect(count(429)).toBeGreaterThan(2);
    expect(count(200)).toBeGreaterThan(8);
    expect(count(200) + count(503) + count(429)).toBe(40);
  });

  test('another seed gives another sequence; rates of 0 never fault', () => {
    const draw = (seed: number) => {
      const planner = new FaultPlanner({ rates: { drop: 0.5 } }, seed);
      return Array.from({ length: 30 }, () => planner.decide({ operation: 'getJob', jobId: 'x' }) ?? '-').join('');
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    const never = new FaultPlanner({ rates: { '503': 0 } }, 1);
    expect(Array.from({ length: 50 }, () => never.decide({ operation: 'cancel' })).every((f) => f === undefined)).toBe(
      true,
    );
    expect(() => new FaultPlanner({ rates: { '503': 0.7, drop: 0.5 } }, 1)).toThrow(/more than 1/);
  });

  test('the in-thread server accepts a fault decider function', async () => {
    const server = createSimulatorServer({
      faultDecider: ({ jobId }) => (jobId === ids.finished[1] ? '409' : undefined),
    });
    const { url } = await server.start();
    try {
      expect((await call(url, `/job/v1/${ids.finished[1]}`, { headers: ADMIN })).status).toBe(409);
      expect((await call(url, `/job/v1/${ids.finished[2]}`, { headers: ADMIN })).status).toBe(200);
      expect(server.violations()).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

describe('latency', () => {
  test('a fixed latency delays every answer', async () => {
    await sim.setOptions({ latencyMs: 150 });
    expect((await call(sim.url, `/job/v1/${ids.finished[0]}`, { headers: ADMIN })).status).toBe(200);
    // The server's own record of how long it held the answer (a floor, never a speed limit).
    expect((await sim.requestLog())[0].durationMs).toBeGreaterThanOrEqual(145);
  });

  test('a range draws from a seeded PRNG within its bounds', async () => {
    const picker = (seed: number) => new LatencyPicker({ min: 20, max: 80 }, seed);
    const a = picker(5);
    const values = Array.from({ length: 200 }, () => a.next());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(20);
    expect(Math.max(...values)).toBeLessThanOrEqual(80);
    expect(new Set(values).size).toBeGreaterThan(20);
    const b = picker(5);
    expect(Array.from({ length: 200 }, () => b.next())).toEqual(values);

    await sim.setOptions({ latencyMs: { min: 60, max: 90 }, latencySeed: 3 });
    await call(sim.url, `/job/v1/${ids.finished[0]}`, { headers: ADMIN });
    expect((await sim.requestLog()).at(-1)!.durationMs).toBeGreaterThanOrEqual(55);
  });
});
