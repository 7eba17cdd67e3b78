import { TaskQueue } from '../../playground/page/queue';

/** A task that runs until `finish()` is called, recording when it starts and ends. */
function gate(log: string[], name: string) {
  let finish = () => undefined as void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const task = async () => {
    log.push(`${name} starts`);
    await done;
    log.push(`${name} ends`);
  };
  return { task, finish: () => finish() };
}

/** A queue whose busy flag and errors go nowhere. */
const quietQueue = () =>
  new TaskQueue(
    () => undefined,
    () => undefined,
  );

const tick = () => new Promise((resolve) => setImmediate(resolve));

test('a sidebar call waiting on changesSent goes after a selection queued behind a slow refresh', async () => {
  const log: string[] = [];
  const queue = quietQueue();
  const refresh = gate(log, 'refresh');
  const select = gate(log, 'select');
  void queue.run(refresh.task, 'refresh');
  void queue.runOnce('select:Sheet1', select.task);
  const call = queue.changesSent().then(() => log.push('sidebar call'));
  await tick();
  refresh.finish();
  await tick();
  expect(log).toEqual(['refresh starts', 'refresh ends', 'select starts']);
  select.finish();
  await call;
  expect(log).toEqual(['refresh starts', 'refresh ends', 'select starts', 'select ends', 'sidebar call']);
});

test('a refresh asked after the last change does not hold a sidebar call back', async () => {
  const log: string[] = [];
  const queue = quietQueue();
  const select = gate(log, 'select');
  const refresh = gate(log, 'refresh');
  void queue.run(select.task);
  void queue.runOnce('refresh', refresh.task, 'refresh');
  const call = queue.changesSent().then(() => log.push('sidebar call'));
  select.finish();
  await call;
  expect(log).not.toContain('refresh ends');
  expect(log.slice(0, 2)).toEqual(['select starts', 'select ends']);
  refresh.finish();
  await tick();
  expect(log).toContain('refresh ends');
});

test('a change that failed still lets the sidebar call go (its error went to onError)', async () => {
  const errors: unknown[] = [];
  const queue = new TaskQueue(
    () => undefined,
    (error) => errors.push(error),
  );
  void queue.run(() => Promise.reject(new Error('select refused')));
  await expect(queue.changesSent()).resolves.toBeUndefined();
  expect(errors).toEqual([new Error('select refused')]);
});
