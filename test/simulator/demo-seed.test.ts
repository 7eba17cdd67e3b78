// The demo data set and its exported ID categories, which a demo sheet hard-wires.

import {
  DEMO_ADMIN_EMAIL,
  DEMO_LIBRARY_IDS,
  demoJobIds,
  demoSeed,
  HOSTILE_EVENT_MESSAGES,
} from '../../simulator/demo-seed';
import { parseSeed } from '../../simulator/seed';
import { JobStore } from '../../simulator/store';

const seed = demoSeed();
const ids = demoJobIds();
const byId = new Map(seed.jobs.map((job) => [job.jobId, job]));

test('is deterministic and a valid seed', () => {
  expect(demoSeed()).toEqual(seed);
  expect(demoJobIds()).toEqual(ids);
  expect(() => parseSeed(seed)).not.toThrow();
});

test('IDs look like AODocs IDs and are unique', () => {
  const all = [...seed.jobs.map((j) => j.jobId), ...seed.libraries.map((l) => l.id), ...ids.unknown];
  for (const id of all) expect(id).toMatch(/^[A-Za-z0-9]{18,19}$/);
  expect(new Set(all).size).toBe(all.length);
});

test('three libraries; admin@example.com administers all but HR', () => {
  const store = new JobStore(seed);
  expect(seed.libraries).toHaveLength(3);
  expect(store.isAdministrator(DEMO_LIBRARY_IDS.contracts, DEMO_ADMIN_EMAIL)).toBe(true);
  expect(store.isAdministrator(DEMO_LIBRARY_IDS.imports, DEMO_ADMIN_EMAIL)).toBe(true);
  expect(store.isAdministrator(DEMO_LIBRARY_IDS.hr, DEMO_ADMIN_EMAIL)).toBe(false);
});

test('one library holds 120+ IN_PROGRESS jobs; statuses and types vary', () => {
  const running = seed.jobs.filter((j) => j.libraryId === DEMO_LIBRARY_IDS.imports && j.status === 'IN_PROGRESS');
  expect(running.length).toBeGreaterThanOrEqual(120);
  expect(new Set(seed.jobs.map((j) => j.status))).toEqual(new Set(['IN_PROGRESS', 'COMPLETED', 'FAILED', 'CANCELLED']));
  expect(new Set(seed.jobs.map((j) => j.type)).size).toBeGreaterThanOrEqual(8);
  for (const job of seed.jobs) {
    if (job.status !== 'IN_PROGRESS') expect(job.remainingTasks).toBe(0);
    expect(job.completed).toBe(job.status !== 'IN_PROGRESS');
  }
});

test('the categories match the data', () => {
  expect(ids.inProgress.length).toBeGreaterThan(120);
  for (const id of ids.inProgress) expect(byId.get(id)).toMatchObject({ status: 'IN_PROGRESS' });
  for (const id of ids.finished) expect(byId.get(id)?.status).not.toBe('IN_PROGRESS');
  for (const id of ids.notAdmin) expect(byId.get(id)?.libraryId).toBe(DEMO_LIBRARY_IDS.hr);
  for (const id of ids.unknown) expect(byId.has(id)).toBe(false);
  for (const id of ids.withErrors) expect(byId.get(id)?.events?.some((e) => e.severity === 'ERROR')).toBe(true);
  expect(ids.finished.length).toBeGreaterThan(10);
  expect(ids.notAdmin.length).toBeGreaterThan(3);
  expect(ids.withErrors.length).toBeGreaterThanOrEqual(3);
  expect(byId.get(ids.manyEvents[0])?.events?.length).toBeGreaterThan(200);
});

test('error events include every hostile text, among them markup and a formula', () => {
  const messages = seed.jobs.flatMap((j) => j.events ?? []).map((e) => e.message);
  expect(HOSTILE_EVENT_MESSAGES).toEqual(
    expect.arrayContaining(['<img src=x onerror=alert(1)>', expect.stringMatching(/^=HYPERLINK\("http:\/\/x","y"\)/)]),
  );
  for (const hostile of HOSTILE_EVENT_MESSAGES) expect(messages).toContain(hostile);
});

test('parseSeed rejects bad seeds with a clear message', () => {
  expect(() => parseSeed({ libraries: [] })).toThrow(/Invalid seed: .*jobs/);
  expect(() => parseSeed({ libraries: [], jobs: [{ jobId: 'a', libraryId: 'nope', status: 'IN_PROGRESS' }] })).toThrow(
    /unknown library nope/,
  );
  expect(() => parseSeed({ ...seed, jobs: [...seed.jobs, seed.jobs[0]] })).toThrow(/appears twice/);
  expect(() => parseSeed({ ...seed, jobs: [{ ...seed.jobs[0], status: 'DONE' }] })).toThrow(/Invalid seed/);
});
