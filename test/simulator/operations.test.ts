// The four operations over real sockets, against the simulator in its worker thread.

import { DEMO_LIBRARY_IDS, demoJobIds, demoSeed, HOSTILE_EVENT_MESSAGES } from '../../simulator/demo-seed';
import { startSimulator, type SimulatorHandle } from '../../simulator/simulator-process';
import { ADMIN, bearer, call } from './http-helpers';

let sim: SimulatorHandle;
const ids = demoJobIds();
const seed = demoSeed();
const seededJob = (jobId: string) => seed.jobs.find((job) => job.jobId === jobId)!;

beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());
// Every request these tests make is valid: the contract check must find nothing.
afterEach(async () => expect(await sim.violations()).toEqual([]));

describe('GET /job/v1/{jobId}', () => {
  test('answers the job with int64 fields as strings and AODocs kind', async () => {
    const jobId = ids.inProgress[0];
    const stored = seededJob(jobId);
    const answer = await call(sim.url, `/job/v1/${jobId}`, { headers: ADMIN });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(answer.json).toEqual({
      kind: 'aodocs#apiJob',
      jobId,
      libraryId: stored.libraryId,
      type: stored.type,
      status: 'IN_PROGRESS',
      requestor: stored.requestor,
      completed: false,
      startedAt: String(stored.startedAt),
      lastActivityAt: String(stored.lastActivityAt),
      succeededTasks: stored.succeededTasks,
      failedTasks: stored.failedTasks,
      remainingTasks: stored.remainingTasks,
      taskRetries: stored.taskRetries,
    });
    expect(typeof answer.json.startedAt).toBe('string');
  });

  test('leaves out empty and absent fields', async () => {
    const libraryId = DEMO_LIBRARY_IDS.contracts;
    await sim.putJobs([{ jobId: 'SparseJob0000000001', libraryId, status: 'IN_PROGRESS', requestor: '' }]);
    const answer = await call(sim.url, '/job/v1/SparseJob0000000001', { headers: ADMIN });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      kind: 'aodocs#apiJob',
      jobId: 'SparseJob0000000001',
      libraryId,
      status: 'IN_PROGRESS',
      completed: false,
    });
  });

  test('the requestor may read a job of a library it does not administer', async () => {
    const ownJob = seed.jobs.find(
      (job) => job.libraryId === DEMO_LIBRARY_IDS.hr && job.requestor === 'admin@example.com',
    )!;
    expect((await call(sim.url, `/job/v1/${ownJob.jobId}`, { headers: ADMIN })).status).toBe(200);
  });
});

describe('POST /job/v1/{jobId}/cancel', () => {
  test('cancels an IN_PROGRESS job: CANCELLED, completed, nothing remaining, activity now', async () => {
    const jobId = ids.inProgress[1];
    const before = Date.now();
    const answer = await call(sim.url, `/job/v1/${jobId}/cancel`, { method: 'POST', headers: ADMIN });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ jobId, status: 'CANCELLED', completed: true, remainingTasks: 0 });
    expect(Number(answer.json.lastActivityAt)).toBeGreaterThanOrEqual(before);
    expect(Number(answer.json.lastActivityAt)).toBeLessThanOrEqual(Date.now());
    expect(answer.json.succeededTasks).toBe(seededJob(jobId).succeededTasks);
    expect(await sim.getJob(jobId)).toMatchObject({ status: 'CANCELLED', remainingTasks: 0 });
  });

  test('cancelling a finished job answers 412 conditionNotMet by default and leaves it as it was', async () => {
    const jobId = ids.finished[0];
    const answer = await call(sim.url, `/job/v1/${jobId}/cancel`, { method: 'POST', headers: ADMIN });
    expect(answer.status).toBe(412);
    expect(answer.json).toEqual({
      error: {
        errors: [
          { domain: 'global', reason: 'conditionNotMet', message: expect.stringContaining('status of the job') },
        ],
        code: 412,
        message: expect.stringContaining('does not allow this operation'),
      },
    });
    expect(await sim.getJob(jobId)).toEqual(seededJob(jobId));
  });

  test("in 'unchanged' mode, cancelling a finished job answers 200 with the job unchanged", async () => {
    await sim.setOptions({ finishedCancelMode: 'unchanged' });
    const jobId = ids.finished[0];
    const stored = seededJob(jobId);
    const answer = await call(sim.url, `/job/v1/${jobId}/cancel`, { method: 'POST', headers: ADMIN });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ jobId, status: stored.status, lastActivityAt: String(stored.lastActivityAt) });
    expect(await sim.getJob(jobId)).toEqual(stored);
  });

  test('a second cancel of the same job finds it finished', async () => {
    const jobId = ids.inProgress[2];
    expect((await call(sim.url, `/job/v1/${jobId}/cancel`, { method: 'POST', headers: ADMIN })).status).toBe(200);
    expect((await call(sim.url, `/job/v1/${jobId}/cancel`, { method: 'POST', headers: ADMIN })).status).toBe(412);
  });
});

describe('GET /job/v1/libraries/{libraryId}', () => {
  const list = (query: string, headers = ADMIN) =>
    call(sim.url, `/job/v1/libraries/${DEMO_LIBRARY_IDS.imports}?${query}`, { headers });

  async function allPages(query: string): Promise<{ pages: number[]; jobs: Record<string, string>[] }> {
    const pages: number[] = [];
    const jobs: Record<string, string>[] = [];
    let token: string | undefined;
    do {
      const answer = await list(query + (token ? `&pageToken=${encodeURIComponent(token)}` : ''));
      expect(answer.status).toBe(200);
      expect(answer.json.kind).toBe('aodocs#apiJobList');
      pages.push(answer.json.jobList.length);
      jobs.push(...answer.json.jobList);
      token = answer.json.nextPageToken;
    } while (token !== undefined && pages.length < 20);
    return { pages, jobs };
  }

  test('pages 125 IN_PROGRESS jobs by 50 (the default); the last page has no nextPageToken', async () => {
    const { pages, jobs } = await allPages('status=IN_PROGRESS');
    expect(pages).toEqual([50, 50, 25]);
    const expected = seed.jobs.filter((j) => j.libraryId === DEMO_LIBRARY_IDS.imports && j.status === 'IN_PROGRESS');
    expect(new Set(jobs.map((j) => j.jobId))).toEqual(new Set(expected.map((j) => j.jobId)));
    expect(jobs.every((j) => j.status === 'IN_PROGRESS')).toBe(true);
  });

  test('the default order is started desc; orderBy started asc reverses it', async () => {
    const desc = (await allPages('status=IN_PROGRESS')).jobs.map((j) => Number(j.startedAt));
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    const asc = (await allPages('status=IN_PROGRESS&orderBy=started%20asc&pageSize=40')).jobs.map((j) =>
      Number(j.startedAt),
    );
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    expect(asc.length).toBe(125);
  });

  test('filters by type and user, with orderBy lastActivity desc, over 4 pages', async () => {
    const { pages, jobs } = await allPages('type=IMPORT&status=IN_PROGRESS&orderBy=lastActivity%20desc&pageSize=10');
    expect(pages).toEqual([10, 10, 10, 2]);
    expect(jobs.every((j) => j.type === 'IMPORT' && j.status === 'IN_PROGRESS')).toBe(true);
    const activity = jobs.map((j) => Number(j.lastActivityAt));
    expect(activity).toEqual([...activity].sort((a, b) => b - a));

    const byAlice = await allPages('user=ALICE%40example.com&pageSize=30');
    const expected = seed.jobs.filter(
      (j) => j.libraryId === DEMO_LIBRARY_IDS.imports && j.requestor === 'alice@example.com',
    );
    expect(byAlice.jobs.length).toBe(expected.length);
    expect(byAlice.pages.length).toBeGreaterThanOrEqual(2);
    expect(byAlice.jobs.every((j) => j.requestor === 'alice@example.com')).toBe(true);
  });

  test('cancelling the jobs of page 1 does not make page 2 skip any (cursor, not offset)', async () => {
    const first = await list('status=IN_PROGRESS');
    for (const job of first.json.jobList) {
      await call(sim.url, `/job/v1/${job.jobId}/cancel`, { method: 'POST', headers: ADMIN });
    }
    const second = await list(`status=IN_PROGRESS&pageToken=${encodeURIComponent(first.json.nextPageToken)}`);
    const ordered = (await allPages('status=IN_PROGRESS&pageSize=200')).jobs;
    expect(second.json.jobList.map((j: { jobId: string }) => j.jobId)).toEqual(
      ordered.slice(0, 50).map((j) => j.jobId),
    );
  });

  test('a page token from other filters, or garbage, is a 400', async () => {
    const first = await list('status=IN_PROGRESS');
    const token = encodeURIComponent(first.json.nextPageToken);
    expect((await list(`status=COMPLETED&pageToken=${token}`)).status).toBe(400);
    const garbage = await list('pageToken=not-a-token');
    expect(garbage.status).toBe(400);
    expect(garbage.json.error.errors[0].reason).toBe('badRequest');
  });

  test('a library with nothing matching answers without jobList or nextPageToken', async () => {
    const answer = await list('status=CANCELLED');
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ kind: 'aodocs#apiJobList' });
  });

  test('unknown library is 404, a library the caller does not administer is 403', async () => {
    const unknown = await call(sim.url, '/job/v1/libraries/NoSuchLibrary00000', { headers: ADMIN });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.errors[0].reason).toBe('notFound');
    const notAdmin = await call(sim.url, `/job/v1/libraries/${DEMO_LIBRARY_IDS.hr}`, { headers: ADMIN });
    expect(notAdmin.status).toBe(403);
    expect(notAdmin.json.error.message).toContain(`Access denied to library with id: '${DEMO_LIBRARY_IDS.hr}'`);
    const hrAdmin = await call(sim.url, `/job/v1/libraries/${DEMO_LIBRARY_IDS.hr}`, {
      headers: bearer('hr-admin@example.com'),
    });
    expect(hrAdmin.status).toBe(200);
    expect(hrAdmin.json.jobList).toHaveLength(12);
  });
});

describe('GET /job/v1/events/{jobId}', () => {
  const events = (jobId: string, query = '') => call(sim.url, `/job/v1/events/${jobId}?${query}`, { headers: ADMIN });

  test('pages 250 events by 100 (the default), each page carrying the job', async () => {
    const jobId = ids.manyEvents[0];
    const sizes: number[] = [];
    let token: string | undefined;
    const timestamps: string[] = [];
    do {
      const answer = await events(jobId, token ? `pageToken=${encodeURIComponent(token)}` : '');
      expect(answer.status).toBe(200);
      expect(answer.json).toMatchObject({ kind: 'aodocs#apiJobEventList', job: { jobId, kind: 'aodocs#apiJob' } });
      sizes.push(answer.json.events.length);
      timestamps.push(...answer.json.events.map((e: { timestamp: string }) => e.timestamp));
      token = answer.json.nextPageToken;
    } while (token !== undefined && sizes.length < 10);
    expect(sizes).toEqual([100, 100, 50]);
    expect(timestamps.every((t) => /^\d+$/.test(t))).toBe(true);
    expect(new Set(timestamps).size).toBe(250);
  });

  test('onlyErrors=true keeps the ERROR events, paged by maxResults', async () => {
    const jobId = ids.manyEvents[0];
    const errorCount = seededJob(jobId).events!.filter((e) => e.severity === 'ERROR').length;
    const first = await events(jobId, 'onlyErrors=true&maxResults=15');
    expect(first.json.events).toHaveLength(15);
    expect(first.json.events.every((e: { severity: string }) => e.severity === 'ERROR')).toBe(true);
    const second = await events(
      jobId,
      `onlyErrors=true&maxResults=15&pageToken=${encodeURIComponent(first.json.nextPageToken)}`,
    );
    const third = await events(
      jobId,
      `onlyErrors=true&maxResults=15&pageToken=${encodeURIComponent(second.json.nextPageToken)}`,
    );
    expect(third.json.events).toHaveLength(errorCount - 30);
    expect(third.json.nextPageToken).toBeUndefined();
  });

  test('hostile messages come back verbatim', async () => {
    const messages: string[] = [];
    for (const jobId of ids.withErrors) {
      const answer = await events(jobId, 'onlyErrors=true&maxResults=500');
      messages.push(...answer.json.events.map((e: { message: string }) => e.message));
    }
    expect(messages).toContain('<img src=x onerror=alert(1)>');
    expect(messages).toContain('=HYPERLINK("http://x","y")');
    expect(messages).toEqual(expect.arrayContaining(HOSTILE_EVENT_MESSAGES));
  });

  test('a cancel adds an INFO event naming the caller', async () => {
    const jobId = ids.inProgress[3];
    await call(sim.url, `/job/v1/${jobId}/cancel`, { method: 'POST', headers: ADMIN });
    const answer = await events(jobId, 'maxResults=500');
    expect(answer.json.events.at(-1)).toMatchObject({
      severity: 'INFO',
      message: 'Job cancelled by admin@example.com',
    });
  });
});
