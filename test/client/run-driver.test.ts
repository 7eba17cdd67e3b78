// The sidebar's run driver without a browser: slow start, chunks in flight, Stop told to the server once, and
// progress that counts jobs as the confirmation did (cells never sent apart).
import { RunOptions, RunProgress, runJobs } from '../../src/client/run-driver';
import type { ChunkRequest, ChunkResult, SelectionPlan } from '../../src/shared/api';

function plan(jobs: number, rejected = 0): SelectionPlan {
  return {
    sheetId: 1,
    sheetName: 'Jobs',
    headerRow: 1,
    idColumn: 1,
    jobs: Array.from({ length: jobs }, (_, i) => ({ jobId: `j${i}`, cells: [{ row: i + 2, column: 1 }] })),
    rejected: Array.from({ length: rejected }, (_, i) => ({
      text: `bad ${i}`,
      cell: { row: 1000 + i, column: 1 },
      problem: 'invalid' as const,
    })),
    summary: {
      ranges: ['A:A'],
      idColumn: { column: 1, letter: 'A', header: 'Job ID', source: 'header' },
      jobIds: jobs,
      duplicates: 0,
      invalid: rejected,
      ignoredCells: 0,
      skipsHiddenRows: true,
      hiddenSkipped: 0,
      finishedSkipped: 0,
    },
    chunkSize: 10,
    chunksInFlight: 3,
  };
}

function answer(request: ChunkRequest, stopRun?: string): ChunkResult {
  return {
    results: [
      ...request.jobs.map((j) => ({
        jobId: j.jobId,
        outcome: 'done' as const,
        result: 'Cancelled',
        written: [],
        moved: [],
      })),
      ...request.rejected.map((r) => ({
        jobId: r.text,
        outcome: 'invalid' as const,
        result: 'Invalid job ID',
        written: [],
        moved: [],
      })),
    ],
    notSent: [],
    stopRun,
  };
}

const bytes = (n: number) => new Uint8Array(n).fill(7);

/** runJobs with a cancel action, 10 jobs a chunk, 3 in flight, no progress wanted and no Stop, unless told. */
function drive(options: Pick<RunOptions, 'plan' | 'send'> & Partial<RunOptions>) {
  return runJobs({
    action: 'cancel',
    chunkSize: 10,
    chunksInFlight: 3,
    randomBytes: bytes,
    onProgress: () => undefined,
    stopRequested: () => false,
    ...options,
  });
}

/** A send that answers every job after 5 ms, recording each request and how many were in flight as it left. */
function countingSender() {
  const sent: ChunkRequest[] = [];
  const inFlightAtSend: number[] = [];
  let inFlight = 0;
  const send = async (request: ChunkRequest) => {
    sent.push(request);
    inFlightAtSend.push(++inFlight);
    await new Promise((r) => setTimeout(r, 5));
    inFlight--;
    return answer(request);
  };
  return { send, sent, inFlightAtSend };
}

test('the opening chunk of 5 goes alone; the others follow, at most 3 at once', async () => {
  const { send, sent, inFlightAtSend } = countingSender();
  const end = await drive({ plan: plan(47), send });
  expect(sent.map((c) => c.jobs.length)).toEqual([5, 10, 10, 10, 10, 2]);
  expect(inFlightAtSend[0]).toBe(1);
  expect(Math.max(...inFlightAtSend)).toBe(3);
  expect(new Set(sent.map((c) => c.runId)).size).toBe(1);
  expect(end).toMatchObject({ jobsTotal: 47, jobsDone: 47, notSent: 0, stoppedBecause: undefined });
});

test('a stop reason from the opening chunk ends the run: nothing else is sent', async () => {
  const sent: ChunkRequest[] = [];
  const end = await drive({
    plan: plan(40),
    send: async (request) => (sent.push(request), answer(request, 'AODocs refused the security code')),
  });
  expect(sent).toHaveLength(1);
  expect(end).toMatchObject({ jobsDone: 5, notSent: 35, stoppedBecause: 'AODocs refused the security code' });
});

test('Stop: no chunk is started after it, and the server is told once, with the run ID', async () => {
  const sent: ChunkRequest[] = [];
  const told: string[] = [];
  let stop = false;
  const end = await drive({
    plan: plan(100),
    send: async (request) => {
      sent.push(request);
      if (sent.length === 4) stop = true; // pressed while the opening chunk's 3 followers are on their way
      await new Promise((r) => setTimeout(r, 5));
      return answer(request);
    },
    stopRequested: () => stop,
    stopOnServer: async (runId) => told.push(runId),
  });
  expect(sent).toHaveLength(4); // the opening chunk, then the 3 already in flight when Stop was pressed
  expect(told).toEqual([sent[0].runId]);
  expect(end.stoppedBecause).toMatch(/^Stopped/);
  expect(end.notSent).toBe(100 - 5 - 30);
});

test('progress counts jobs as the confirmation did; invalid cells apart; a time estimate after 3 chunks', async () => {
  const seen: RunProgress[] = [];
  let clock = 0;
  await drive({
    plan: plan(25, 2),
    chunkSize: 5,
    chunksInFlight: 1,
    now: () => clock,
    send: async (request) => {
      clock += 1000;
      return answer(request);
    },
    onProgress: (p) => seen.push({ ...p, results: [] }),
  });
  expect(seen.every((p) => p.jobsTotal === 25 && p.rejectedTotal === 2)).toBe(true);
  expect(seen.map((p) => p.jobsDone)).toEqual([5, 5, 10, 15, 20, 25]);
  expect(seen.at(-1)!.rejectedDone).toBe(2);
  expect(seen.slice(0, 2).every((p) => p.estimatedMsLeft === undefined)).toBe(true);
  // 10 jobs in 3 s since the opening chunk came back (one of those seconds went to the invalid cells), 10 left.
  expect(seen[3].estimatedMsLeft).toBe(3000);
});

test('small chunks: they go one at a time until 5 jobs came back, then the run opens up', async () => {
  const { send, inFlightAtSend } = countingSender();
  await drive({ plan: plan(12), chunkSize: 1, send });
  expect(inFlightAtSend.slice(0, 5)).toEqual([1, 1, 1, 1, 1]);
  expect(Math.max(...inFlightAtSend.slice(5))).toBe(3);
});

/** A send that answers every job with the same failure. */
function failingSender(failure: { result: string; httpCode?: number; transient?: boolean }) {
  const sent: ChunkRequest[] = [];
  const send = async (request: ChunkRequest): Promise<ChunkResult> => {
    sent.push(request);
    return {
      results: request.jobs.map((j) => ({
        jobId: j.jobId,
        outcome: 'failed' as const,
        ...failure,
        written: [],
        moved: [],
      })),
      notSent: [],
    };
  };
  return { send, sent };
}

test('answers about the jobs never stop a run: 40 jobs all "Not found (404)" are all sent', async () => {
  const { send, sent } = failingSender({ result: 'Not found (404)', httpCode: 404 });
  const end = await drive({ plan: plan(40), chunkSize: 1, send });
  expect(sent).toHaveLength(40);
  expect(end).toMatchObject({ jobsDone: 40, notSent: 0, stoppedBecause: undefined });
});

test.each([1, 20])(
  'AODocs answering none of two slow-start rounds (10 jobs) stops the run before the rest is sent (chunk size %i)',
  async (chunkSize) => {
    const { send, sent } = failingSender({
      result: 'AODocs unavailable, try again (503)',
      httpCode: 503,
      transient: true,
    });
    const end = await drive({ plan: plan(40), chunkSize, send });
    expect(sent.flatMap((c) => c.jobs)).toHaveLength(10);
    expect(end.stoppedBecause).toMatch(/AODocs answered none of the first 10 jobs/);
    expect(end.notSent).toBe(30);
  },
);

test('five jobs unavailable at the top, the others answered: the run goes on and sends them all', async () => {
  const answered = new Set<string>();
  const send = async (request: ChunkRequest): Promise<ChunkResult> => ({
    results: request.jobs.map((j) => {
      answered.add(j.jobId);
      const bad = Number(j.jobId.slice(1)) < 5;
      return bad
        ? {
            jobId: j.jobId,
            outcome: 'failed',
            result: 'AODocs unavailable, try again (503)',
            httpCode: 503,
            transient: true,
            written: [],
            moved: [],
          }
        : { jobId: j.jobId, outcome: 'done', result: 'Cancelled', written: [], moved: [] };
    }),
    notSent: [],
  });
  const end = await drive({ plan: plan(40), chunkSize: 20, send });
  expect(answered.size).toBe(40);
  expect(end.stoppedBecause).toBeUndefined();
});

/** A fake clock and sleep: a pause passes at once, and what was slept is recorded. */
function fakeTime() {
  const t = { clock: 0, slept: [] as number[] };
  return {
    t,
    now: () => t.clock,
    sleep: async (ms: number) => {
      t.slept.push(ms);
      t.clock += ms;
    },
  };
}

/**
 * A send whose answers hand back `handBack` jobs with `waitSeconds`, `times` times in all (AODocs' Retry-After
 * longer than a chunk waits), then answers normally; records the clock as each chunk leaves.
 */
function rateLimitedSender(time: ReturnType<typeof fakeTime>, waitSeconds: number, handBack: number, times = 1) {
  const sentAt: { at: number; jobs: string[] }[] = [];
  let left = times;
  const send = async (request: ChunkRequest): Promise<ChunkResult> => {
    sentAt.push({ at: time.t.clock, jobs: request.jobs.map((j) => j.jobId) });
    if (left === 0 || request.jobs.length === 0) return answer(request);
    left--;
    const back = request.jobs.slice(0, handBack);
    const done = answer({ ...request, jobs: request.jobs.slice(handBack) });
    return { ...done, notSent: back, waitSeconds };
  };
  return { send, sentAt };
}

describe('AODocs asks to wait longer than a chunk can (Retry-After)', () => {
  test('the run pauses that long, with a countdown; no chunk starts meanwhile; then every job is done', async () => {
    const time = fakeTime();
    const { send, sentAt } = rateLimitedSender(time, 60, 3);
    const seen: RunProgress[] = [];
    const end = await drive({
      plan: plan(30),
      send,
      now: time.now,
      sleep: time.sleep,
      onProgress: (p) => seen.push(p),
    });
    expect(end).toMatchObject({ jobsDone: 30, notSent: 0, stoppedBecause: undefined });
    // The opening chunk came back at 0 with 3 jobs handed back: nothing left before 60 s.
    expect(sentAt[0].at).toBe(0);
    expect(sentAt.slice(1).every((s) => s.at >= 60_000)).toBe(true);
    expect(sentAt[1].jobs).toEqual(['j0', 'j1', 'j2']);
    const pauses = seen.flatMap((p) => (p.pause ? [p.pause] : []));
    expect(pauses[0]).toEqual({ askedSeconds: 60, msLeft: 60_000 });
    // The chunk's own progress, then the countdown once a second.
    const countdown = pauses.map((p) => Math.ceil(p.msLeft / 1000));
    expect(countdown).toEqual([60, ...Array.from({ length: 60 }, (_, i) => 60 - i)]);
    expect(seen.at(-1)!.pause).toBeUndefined();
    expect(end.pause).toBeUndefined();
  });

  test('with chunks in flight: a pause asked by one chunk holds back every chunk not yet started', async () => {
    const time = fakeTime();
    const sends: { at: number; afterTheAsk: boolean }[] = [];
    let asked = false;
    const end = await drive({
      plan: plan(65),
      now: time.now,
      sleep: time.sleep,
      send: async (request) => {
        sends.push({ at: time.t.clock, afterTheAsk: asked });
        const mine = sends.length;
        await new Promise((r) => setTimeout(r, mine === 3 ? 5 : 1));
        // The second chunk after the opening one asks to wait 30 s and hands back its jobs.
        if (mine === 3) {
          asked = true;
          return { results: [], notSent: request.jobs, waitSeconds: 30 };
        }
        return answer(request);
      },
    });
    expect(end).toMatchObject({ jobsDone: 65, notSent: 0 });
    const later = sends.filter((s) => s.afterTheAsk);
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((s) => s.at >= 30_000)).toBe(true);
  });

  test('Stop during the pause ends the run at once: nothing more is sent', async () => {
    const time = fakeTime();
    const { send, sentAt } = rateLimitedSender(time, 60, 3);
    const told: string[] = [];
    const end = await drive({
      plan: plan(30),
      send,
      now: time.now,
      sleep: time.sleep,
      stopRequested: () => time.t.clock >= 10_000,
      stopOnServer: async (id) => told.push(id),
    });
    expect(sentAt).toHaveLength(1);
    expect(time.t.clock).toBeLessThanOrEqual(10_000);
    expect(end.stoppedBecause).toMatch(/^Stopped/);
    expect(end).toMatchObject({ jobsDone: 2, notSent: 28 });
    expect(told).toHaveLength(1);
  });

  test('a wait longer than 10 minutes stops the run with a sentence, nothing more sent', async () => {
    const time = fakeTime();
    const { send, sentAt } = rateLimitedSender(time, 3600, 3);
    const end = await drive({ plan: plan(30), send, now: time.now, sleep: time.sleep });
    expect(sentAt).toHaveLength(1);
    expect(time.t.slept).toEqual([]);
    expect(end.stoppedBecause).toMatch(/AODocs asks to wait 60 min before more requests, longer than a run pauses/);
    expect(end).toMatchObject({ jobsDone: 2, notSent: 28 });
  });

  test('the same jobs sent back again and again: the run stops after 5 pauses, it never waits forever', async () => {
    const time = fakeTime();
    const { send, sentAt } = rateLimitedSender(time, 20, 3, Infinity);
    const end = await drive({ plan: plan(30), send, now: time.now, sleep: time.sleep });
    expect(sentAt).toHaveLength(6);
    expect(time.t.clock).toBe(5 * 20_000);
    expect(end.stoppedBecause).toMatch(/AODocs asked to wait 6 times for the same jobs/);
    expect(end).toMatchObject({ jobsDone: 2, notSent: 28 });
  });
});
