// The contract check can fail: broken responses and requests outside the OpenAPI document are caught.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContractChecker } from '../../simulator/contract';
import { DEMO_LIBRARY_IDS, demoJobIds } from '../../simulator/demo-seed';
import { startSimulator, type SimulatorHandle } from '../../simulator/simulator-process';
import { ADMIN, call } from './http-helpers';

const checker = new ContractChecker();
const okJob = {
  kind: 'aodocs#apiJob',
  jobId: 'J1',
  status: 'IN_PROGRESS',
  startedAt: '1768204800000',
  remainingTasks: 0,
};
const check200 = (operation: 'getJob' | 'listJobs' | 'listEvents', body: unknown) =>
  checker.checkResponse(operation, 200, 'application/json', JSON.stringify(body));

describe('ContractChecker on responses', () => {
  test('accepts a well-formed ApiJob', () => {
    expect(check200('getJob', okJob)).toEqual([]);
  });

  test.each([
    ['int64 sent as a JSON number', { ...okJob, startedAt: 1768204800000 }, '/startedAt must be string'],
    [
      'int64 string that is not a number',
      { ...okJob, lastActivityAt: 'yesterday' },
      '/lastActivityAt must match format',
    ],
    ['a status outside the enum', { ...okJob, status: 'PAUSED' }, '/status must be equal to one of the allowed values'],
    ['an int32 field as a string', { ...okJob, remainingTasks: '3' }, '/remainingTasks must be'],
    ['an empty string (Endpoints omits them)', { ...okJob, requestor: '' }, '/requestor must NOT have fewer than 1'],
    ['a field the document does not declare', { ...okJob, events: [] }, 'must NOT have additional properties'],
    ['null instead of leaving out', { ...okJob, type: null }, '/type must be'],
  ])('catches %s', (_name, body, expected) => {
    expect(check200('getJob', body).join('\n')).toContain(expected);
  });

  test('follows $refs into lists and nested jobs', () => {
    expect(check200('listJobs', { jobList: [{ ...okJob, startedAt: 5 }] }).join()).toContain('/jobList/0/startedAt');
    expect(check200('listJobs', { jobList: [], nextPageToken: 'x' }).join()).toContain(
      '/jobList must NOT have fewer than 1',
    );
    expect(check200('listEvents', { job: { ...okJob, status: 'X' }, events: [{ severity: 'FATAL' }] }).join()).toMatch(
      /\/job\/status.*\/events\/0\/severity|\/events\/0\/severity.*\/job\/status/s,
    );
  });

  test('error answers must have AODocs error shape, JSON type and a code equal to the status', () => {
    const body = {
      error: { errors: [{ domain: 'global', reason: 'notFound', message: 'm' }], code: 404, message: 'm' },
    };
    expect(checker.checkResponse('getJob', 404, 'application/json', JSON.stringify(body))).toEqual([]);
    expect(checker.checkResponse('getJob', 410, 'application/json', JSON.stringify(body)).join()).toContain(
      'code differs',
    );
    expect(checker.checkResponse('getJob', 404, 'application/json', '{"message":"m"}').join()).toContain('error body');
    expect(checker.checkResponse('getJob', 404, 'text/html', '<html>').join()).toContain('not application/json');
  });

  test('the simulator serves the OpenAPI document unchanged from its own folder', () => {
    const document = JSON.parse(readFileSync(join(__dirname, '../../simulator/job.openapi.json'), 'utf8'));
    expect(document.openapi).toBe('3.0.1');
    expect(document.components.schemas.ApiJob.properties.startedAt).toEqual({ type: 'integer', format: 'int64' });
  });
});

describe('ContractChecker on requests', () => {
  test('types query values, fills defaults, and flags bad enums, bad integers and unknown parameters', () => {
    const ok = checker.checkRequest('listJobs', { libraryId: 'L' }, new URLSearchParams('status=FAILED'), 0);
    expect(ok).toEqual({ query: { status: 'FAILED', pageSize: 50 }, invalid: false, problems: [] });
    const events = checker.checkRequest('listEvents', { jobId: 'J' }, new URLSearchParams('onlyErrors=true'), 0);
    expect(events.query).toEqual({ onlyErrors: true, maxResults: 100 });
    const bad = checker.checkRequest(
      'listJobs',
      { libraryId: 'L' },
      new URLSearchParams('status=DONE&pageSize=1.5&x=1'),
      0,
    );
    expect(bad.invalid).toBe(true);
    expect(bad.problems).toEqual([
      "unknown query parameter 'x'",
      'query /pageSize must be integer',
      'query /status must be equal to one of the allowed values',
    ]);
    expect(checker.checkRequest('cancel', { jobId: 'J' }, new URLSearchParams(), 12).problems).toEqual([
      'unexpected request body (12 bytes)',
    ]);
  });
});

describe('violations recorded by the running simulator', () => {
  let sim: SimulatorHandle;
  const ids = demoJobIds();
  beforeAll(async () => {
    sim = await startSimulator();
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.reset());

  test('a stored job whose type is newer than the enum makes a broken response, and it is caught', async () => {
    await sim.putJobs([
      { jobId: 'FutureJob0000000001', libraryId: DEMO_LIBRARY_IDS.contracts, status: 'IN_PROGRESS', type: 'TELEPORT' },
    ]);
    const answer = await call(sim.url, '/job/v1/FutureJob0000000001', { headers: ADMIN });
    expect(answer.status).toBe(200);
    const violations = await sim.violations();
    expect(violations).toEqual([
      expect.objectContaining({
        operation: 'getJob',
        what: 'response',
        details: '200 body /type must be equal to one of the allowed values',
      }),
    ]);
  });

  test('an unknown path is a 404 in AODocs shape and a violation', async () => {
    const answer = await call(sim.url, '/job/v2/whatever', { headers: ADMIN });
    expect(answer.status).toBe(404);
    expect(answer.json.error.errors[0]).toMatchObject({ domain: 'global', reason: 'notFound' });
    const wrongMethod = await call(sim.url, `/job/v1/${ids.inProgress[0]}/cancel`, { headers: ADMIN });
    expect(wrongMethod.status).toBe(404);
    expect((await sim.violations()).map((v) => [v.operation, v.what, v.path])).toEqual([
      ['unknown', 'request.route', '/api/job/v2/whatever'],
      ['unknown', 'request.route', `/api/job/v1/${ids.inProgress[0]}/cancel`],
    ]);
  });

  test('a malformed percent escape is a 400 in AODocs shape, not a crash', async () => {
    const answer = await call(sim.url, '/job/v1/%E0%A4%A', { headers: ADMIN });
    expect(answer.status).toBe(400);
    expect(answer.json.error.errors[0].reason).toBe('badRequest');
    expect((await sim.violations()).map((v) => v.what)).toEqual(['request.path']);
    // An encoded slash stays inside the ID: just an unknown job.
    expect((await call(sim.url, '/job/v1/a%2Fb', { headers: ADMIN })).status).toBe(404);
  });

  test('an invalid parameter value is a 400 and a violation; an unknown parameter only a violation', async () => {
    const list = `/job/v1/libraries/${DEMO_LIBRARY_IDS.imports}`;
    const bad = await call(sim.url, `${list}?pageSize=many`, { headers: ADMIN });
    expect(bad.status).toBe(400);
    expect(bad.json.error.errors[0].reason).toBe('badRequest');
    const unknown = await call(sim.url, `${list}?fields=jobList`, { headers: ADMIN });
    expect(unknown.status).toBe(200);
    const body = await call(sim.url, `/job/v1/${ids.inProgress[0]}/cancel`, {
      method: 'POST',
      headers: ADMIN,
      body: '{}',
    });
    expect(body.status).toBe(200);
    expect((await sim.violations()).map((v) => [v.operation, v.details])).toEqual([
      ['listJobs', 'query /pageSize must be integer'],
      ['listJobs', "unknown query parameter 'fields'"],
      ['cancel', 'unexpected request body (2 bytes)'],
    ]);
  });

  test('clearViolations empties the list', async () => {
    await call(sim.url, '/nowhere');
    expect(await sim.violations()).toHaveLength(1);
    await sim.clearViolations();
    expect(await sim.violations()).toEqual([]);
  });
});
