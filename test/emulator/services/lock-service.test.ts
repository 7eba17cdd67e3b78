import { closeEnvironments, loadCode, testEnvironment } from './support/environments';

afterAll(() => closeEnvironments());

describe('LockTable control', () => {
  test('a lock held from outside blocks the script until released from outside', () => {
    const env = testEnvironment({ clock: 'virtual' });
    const lock = env.globals.LockService.getScriptLock();
    env.locks.holdFromOutside('script');
    expect(env.locks.holderOf('script')).toBe('outside');
    expect(lock.tryLock(100)).toBe(false);
    env.locks.releaseFromOutside('script');
    expect(lock.tryLock(0)).toBe(true);
  });

  test('the document, script and user locks are distinct; user locks are per user', () => {
    const env = testEnvironment({ userEmail: 'ann@example.com', clock: 'virtual' });
    env.locks.holdFromOutside('user');
    expect(env.globals.LockService.getDocumentLock().tryLock(0)).toBe(true);
    expect(env.globals.LockService.getScriptLock().tryLock(0)).toBe(true);
    expect(env.globals.LockService.getUserLock().tryLock(0)).toBe(false);
    env.user.email = 'bob@example.com';
    expect(env.globals.LockService.getUserLock().tryLock(0)).toBe(true);
  });

  test('events record who took, released and timed out on each lock, in order', () => {
    const env = testEnvironment({ clock: 'virtual' });
    const bundle = loadCode(
      env,
      `function work() {
         var lock = LockService.getDocumentLock();
         lock.waitLock(30000);
         lock.releaseLock();
         lock.tryLock(0);
       }`,
    );
    bundle.run('work');
    expect(env.locks.events.map(({ lock, event, executionId }) => [lock, event, executionId])).toEqual([
      ['document', 'acquired', 1],
      ['document', 'released', 1],
      ['document', 'acquired', 1],
      ['document', 'released', 1],
    ]);
  });

  test('a script waiting on a lock held outside for longer times out after its own timeout', () => {
    const env = testEnvironment({ clock: { mode: 'virtual', start: 0 } });
    env.locks.holdFromOutside('document', 60_000);
    const bundle = loadCode(env, `function f() { return LockService.getDocumentLock().tryLock(20000); }`);
    expect(bundle.run('f')).toBe(false);
    expect(env.clock.now()).toBe(20_000);
    expect(env.locks.events.at(-1)).toMatchObject({ event: 'timed-out', executionId: 1 });
  });
});
