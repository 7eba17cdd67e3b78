// The retry loop as a program: waves, Retry-After, hand-back, the stop mark, the quota and lost answers, driven
// with scripted fetch answers (no emulator).
import { cancelJobRequest } from '../../../src/core/aodocs-request';
import { DEFAULT_RETRY_POLICY } from '../../../src/core/retry-policy';
import { SendOptions, callAodocs, sendWithRetries } from '../../../src/core/run/send-with-retries';
import { CALL } from '../../../src/core/wording';
import { FetchStep } from '../../../src/core/run/steps';
import { HttpAnswer } from '../../../src/core/aodocs-answer';
import { aodocsError, drive, http, job, kinds, virtualClock } from './drive';

const target = { baseUrl: 'https://aodocs.example/api' };
const request = (id: string) => cancelJobRequest(target, id, 'Bearer t');
const DAILY_QUOTA = 'Exception: Service invoked too many times for one day: urlfetch.';

type Wave = HttpAnswer[] | Error;

/** Runs the loop with one scripted fetchAll answer per wave, and the one-by-one answers after a thrown wave. */
function run(
  ids: string[],
  script: { waves: Wave[]; oneByOne?: (HttpAnswer | Error)[]; stopped?: boolean[] },
  options: Partial<SendOptions> = {},
) {
  const time = virtualClock();
  const waves = [...script.waves];
  const single = [...(script.oneByOne ?? [])];
  const stops = [...(script.stopped ?? [])];
  const answer = <T>(next: T | Error | undefined): T => {
    time.send();
    if (next === undefined) throw new Error('the program sent more than the script answers');
    if (next instanceof Error) throw next;
    return next;
  };
  return drive<ReturnType<typeof sendWithRetries> extends Generator<unknown, infer R> ? R : never, FetchStep>(
    sendWithRetries(ids.map(request), { startedAt: time.now, ...options }),
    {
      clock: time.clock,
      random: () => 0.5,
      sleep: time.sleep,
      'is-stopped': () => stops.shift() ?? false,
      'fetch-all': () => answer(waves.shift()),
      fetch: () => answer(single.shift()),
    },
  );
}

test('a 429 with Retry-After is waited for as asked, then sent again in a new wave', () => {
  const { result, steps } = run(['a', 'b'], {
    waves: [[aodocsError(429, 'slow down', { 'Retry-After': '3' }), job('b', 'CANCELLED')], [job('a', 'CANCELLED')]],
  });
  expect(kinds(steps)).toEqual(['fetch-all', 'sleep', 'fetch-all']);
  expect(steps.find((s) => s.kind === 'sleep')).toEqual({ kind: 'sleep', ms: 3000 });
  // The retry wave holds only the request still due.
  expect(steps.filter((s) => s.kind === 'fetch-all').map((s) => s.kind === 'fetch-all' && s.requests.length)).toEqual([
    2, 1,
  ]);
  expect(
    result.outcomes.map((o) => [
      o && 'code' in o.answer ? o.answer.code : undefined,
      o?.sends,
      o?.earlierSendMayHaveWorked,
    ]),
  ).toEqual([
    [200, 2, false],
    [200, 1, false],
  ]);
  expect(result).toMatchObject({ quotaExceeded: false, runWaitMs: 0 });
});

test('a 503 is sent again after a backoff, and may have reached AODocs', () => {
  const { result, steps } = run(['a'], { waves: [[aodocsError(503)], [aodocsError(412)]] });
  // Full jitter: random 0.5 of the first ceiling (baseDelayMs).
  expect(steps.find((s) => s.kind === 'sleep')).toEqual({ kind: 'sleep', ms: DEFAULT_RETRY_POLICY.baseDelayMs / 2 });
  expect(result.outcomes[0]).toMatchObject({ answer: { code: 412 }, sends: 2, earlierSendMayHaveWorked: true });
});

test.each([
  ['handed back (a chunk)', true, undefined],
  ['kept (a call of its own)', false, 429],
])('a Retry-After longer than a chunk waits: the request is %s, and the run waits', (_, handBack, code) => {
  const { result, steps } = run(
    ['a'],
    { waves: [[aodocsError(429, 'later', { 'Retry-After': '60' })]] },
    { handBackLongWaits: handBack },
  );
  expect(kinds(steps)).toEqual(['fetch-all']);
  expect(result.outcomes[0]?.answer).toEqual(code === undefined ? undefined : expect.objectContaining({ code }));
  expect(result.runWaitMs).toBe(60_000);
});

test('a long wait asked for one request hands back the others due for a retry, unless they may have acted', () => {
  const { result } = run(
    ['a', 'b', 'c'],
    {
      waves: [[aodocsError(429, 'later', { 'Retry-After': '60' }), aodocsError(429), aodocsError(503)]],
    },
    { handBackLongWaits: true },
  );
  // b never reached AODocs: sent after the pause. c's 503 may have acted: its answer stands.
  expect(result.outcomes.map((o) => (o && 'code' in o.answer ? o.answer.code : undefined))).toEqual([
    undefined,
    undefined,
    503,
  ]);
  expect(result.runWaitMs).toBe(60_000);
});

test('the stop mark between waves ends the retries; the answers so far are kept', () => {
  const { result, steps } = run(['a'], { waves: [[aodocsError(503)]], stopped: [true] }, { stoppable: true });
  expect(kinds(steps)).toEqual(['fetch-all', 'sleep', 'is-stopped']);
  expect(result.outcomes[0]).toMatchObject({ answer: { code: 503 }, sends: 1 });
});

test('a call that belongs to no run never asks for the stop mark', () => {
  const { steps } = run(['a'], { waves: [[aodocsError(503)], [job('a', 'CANCELLED')]] });
  expect(kinds(steps)).toEqual(['fetch-all', 'sleep', 'fetch-all']);
});

test('the daily quota met after k waves ends the call: earlier answers stay, the rest is not sent', () => {
  const { result, steps } = run(['a', 'b'], {
    waves: [[aodocsError(503), job('b', 'CANCELLED')], [aodocsError(503)], new Error(DAILY_QUOTA)],
  });
  expect(kinds(steps)).toEqual(['fetch-all', 'sleep', 'fetch-all', 'sleep', 'fetch-all']);
  expect(result.quotaExceeded).toBe(true);
  expect(result.outcomes.map((o) => [o && 'code' in o.answer ? o.answer.code : undefined, o?.sends])).toEqual([
    [503, 2],
    [200, 1],
  ]);
});

test('the daily quota met while going one by one: nothing more goes out', () => {
  const { result, steps } = run(['a', 'b', 'c'], {
    waves: [new Error('Exception: DNS error: https://aodocs.example/api/job/v1/a/cancel')],
    oneByOne: [job('a', 'CANCELLED'), new Error(DAILY_QUOTA)],
  });
  expect(kinds(steps)).toEqual(['fetch-all', 'fetch', 'fetch']);
  expect(result.quotaExceeded).toBe(true);
  expect(result.outcomes[0]).toMatchObject({ answer: { code: 200 }, earlierSendMayHaveWorked: true });
  // b was refused before going out, c never went: both keep the fetchAll's unanswered send.
  expect(result.outcomes.slice(1).map((o) => o?.answer.kind)).toEqual(['no-answer', 'no-answer']);
});

// Generated runs (seed 1009, misconfigured on): a wrong security code and a dropped connection reached AODocs 11
// times: the failed fetchAll went again one by one, every request, then the dropped one was retried.
test.each<[string, HttpAnswer]>([
  ['a refused security code', aodocsError(403, 'Invalid security code')],
  ['a refused sign-in', aodocsError(401, 'Login Required')],
])('%s twice while going one by one: the rest is not sent again, nor retried', (_name, refusal) => {
  const { result, steps } = run(['a', 'b', 'c', 'd', 'e'], {
    waves: [new Error('Exception: Address unavailable: https://aodocs.example/api/job/v1/a/cancel')],
    oneByOne: [refusal, refusal],
  });
  expect(kinds(steps).filter((k) => k === 'fetch-all' || k === 'fetch')).toEqual(['fetch-all', 'fetch', 'fetch']);
  expect(result.outcomes.map((o) => o?.answer.kind)).toEqual(['error', 'error', 'no-answer', 'no-answer', 'no-answer']);
});

test('two 400s of the same reason one by one (a wrong domain): the rest is not sent again; other 400s go on', () => {
  const drop = new Error('Exception: Address unavailable: https://aodocs.example/api/job/v1/a/cancel');
  const badDomain = http(400, { error: { code: 400, message: 'Invalid domain', errors: [{ reason: 'badRequest' }] } });
  const stopped = run(['a', 'b', 'c', 'd'], { waves: [drop], oneByOne: [badDomain, badDomain] });
  expect(kinds(stopped.steps).filter((k) => k === 'fetch')).toHaveLength(2);
  const other = http(400, { error: { code: 400, message: 'Bad state', errors: [{ reason: 'invalid' }] } });
  const goesOn = run(['a', 'b', 'c'], { waves: [drop], oneByOne: [badDomain, other, job('c', 'CANCELLED')] });
  expect(kinds(goesOn.steps).filter((k) => k === 'fetch')).toHaveLength(3);
});

test('a job refused for itself (403 not an administrator) does not stop the one-by-one resend', () => {
  const notAdmin = aodocsError(403, "Access denied to library with id: 'L1' Required permission level: 'ADMIN'");
  const { steps } = run(['a', 'b', 'c'], {
    waves: [new Error('Exception: Address unavailable: https://aodocs.example/api/job/v1/a/cancel')],
    oneByOne: [notAdmin, notAdmin, job('c', 'CANCELLED')],
  });
  expect(kinds(steps).filter((k) => k === 'fetch')).toHaveLength(3);
});

test('a lost answer: the one-by-one 412 is marked as possibly the echo of our own cancel', () => {
  const { result } = run(['a'], {
    waves: [new Error('Exception: Address unavailable: https://aodocs.example/api/job/v1/a/cancel')],
    oneByOne: [aodocsError(412, 'Job already finished')],
  });
  expect(result.outcomes[0]).toMatchObject({ answer: { code: 412 }, sends: 2, earlierSendMayHaveWorked: true });
});

test('no wave starts that could not end inside the time budget', () => {
  const { result, steps } = run(['a'], { waves: [[aodocsError(503)]] }, { startedAt: 0 });
  expect(kinds(steps)).toEqual([]);
  expect(result.outcomes).toEqual([undefined]);
});

describe('a call that stands alone', () => {
  const call = (answers: (HttpAnswer[] | Error)[]) => {
    const time = virtualClock();
    return drive(callAodocs(request('a'), time.now), {
      clock: time.clock,
      random: () => 0.5,
      sleep: time.sleep,
      'fetch-all': () => {
        const next = answers.shift()!;
        if (next instanceof Error) throw next;
        return next;
      },
      refuse: (step) => {
        throw new Error(`refused: ${step.message}`);
      },
    });
  };

  test('its last answer, after the retries', () => {
    expect(call([[aodocsError(503)], [job('a', 'RUNNING')]]).result).toMatchObject({ kind: 'ok', code: 200 });
  });

  test("Google's daily quota ends it with the sentence every caller shows", () => {
    expect(() => call([new Error(DAILY_QUOTA)])).toThrow(`refused: ${CALL.dailyQuota}`);
  });
});
