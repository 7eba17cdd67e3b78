import type { CallCounter } from '../call-counter';
import type { Clock } from './clock';
import { counted } from './counted';
import type { Executions } from './executions';
import type { ScriptRealm } from './script-realm';
import type { UserState } from './session';

/** Apps Script's message when waitLock times out (widely quoted by scripts that catch it). */
export const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

export type LockScope = 'document' | 'script' | 'user';

type Holder = { by: 'execution'; executionId: number } | { by: 'outside'; until: number };

export interface LockEvent {
  lock: string;
  event: 'acquired' | 'released' | 'timed-out' | 'held-outside' | 'released-outside';
  executionId: number;
  at: number;
}

/**
 * The locks of one environment. Executions run one at a time here, so contention comes from a test holding a lock
 * "from another process" (`holdFromOutside`), optionally until a time on the environment's clock: a script that waits
 * long enough gets the lock then, one that does not times out. A lock is held by the execution, not by a Lock object,
 * and released when the execution ends, as Apps Script does.
 */
export class LockTable {
  readonly events: LockEvent[] = [];
  private readonly holders = new Map<string, Holder>();

  constructor(
    private readonly clock: Clock,
    private readonly executions: Executions,
    private readonly user: UserState,
  ) {
    executions.onEnd((executionId) => this.releaseAllOf(executionId));
  }

  /** The lock's name: one document lock (one document per environment), one script lock, one per user. */
  keyOf(scope: LockScope): string {
    return scope === 'user' ? `user:${this.user.email}` : scope;
  }

  /** Another process takes the lock, until `forMs` ms of the environment's clock have passed (default: until released). */
  holdFromOutside(scope: LockScope, forMs = Infinity): void {
    const lock = this.keyOf(scope);
    this.holders.set(lock, { by: 'outside', until: this.clock.now() + forMs });
    this.record(lock, 'held-outside');
  }

  releaseFromOutside(scope: LockScope): void {
    const lock = this.keyOf(scope);
    if (this.holders.get(lock)?.by === 'outside') {
      this.holders.delete(lock);
      this.record(lock, 'released-outside');
    }
  }

  /** Who holds the lock now: an execution's id, 'outside', or null. */
  holderOf(scope: LockScope): number | 'outside' | null {
    const holder = this.current(this.keyOf(scope));
    if (!holder) return null;
    return holder.by === 'outside' ? 'outside' : holder.executionId;
  }

  heldByCurrentExecution(lock: string): boolean {
    const holder = this.current(lock);
    return holder?.by === 'execution' && holder.executionId === this.executions.currentId();
  }

  /** Waits up to `timeoutMs` (clock time) for the lock; true once held by the current execution. */
  acquire(lock: string, timeoutMs: number): boolean {
    const me = this.executions.currentId();
    const holder = this.current(lock);
    if (holder?.by === 'execution' && holder.executionId === me) return true;
    const wait = Math.max(0, timeoutMs);
    if (holder) {
      // Nothing else runs while this execution waits: the lock frees up only if the outside holder's time runs out.
      const freeIn = holder.by === 'outside' ? holder.until - this.clock.now() : Infinity;
      if (freeIn > wait) {
        this.clock.sleep(Math.min(wait, this.executions.remainingMs()));
        this.record(lock, 'timed-out');
        this.executions.checkTimeLimit();
        return false;
      }
      this.clock.sleep(freeIn);
    }
    this.holders.set(lock, { by: 'execution', executionId: me });
    this.record(lock, 'acquired');
    return true;
  }

  release(lock: string): void {
    if (this.heldByCurrentExecution(lock)) {
      this.holders.delete(lock);
      this.record(lock, 'released');
    }
  }

  private releaseAllOf(executionId: number): void {
    for (const [lock, holder] of [...this.holders]) {
      if (holder.by === 'execution' && holder.executionId === executionId) {
        this.holders.delete(lock);
        this.events.push({ lock, event: 'released', executionId, at: this.clock.now() });
      }
    }
  }

  private current(lock: string): Holder | undefined {
    const holder = this.holders.get(lock);
    if (holder?.by === 'outside' && holder.until <= this.clock.now()) {
      this.holders.delete(lock);
      return undefined;
    }
    return holder;
  }

  private record(lock: string, event: LockEvent['event']): void {
    this.events.push({ lock, event, executionId: this.executions.currentId(), at: this.clock.now() });
  }
}

/** Lock (https://developers.google.com/apps-script/reference/lock/lock). */
function createLock(counter: CallCounter, realm: ScriptRealm, table: LockTable, lock: string) {
  return counted(counter, 'Lock', {
    tryLock: (timeoutInMillis: number): boolean => table.acquire(lock, Number(timeoutInMillis) || 0),
    waitLock(timeoutInMillis: number): void {
      if (!table.acquire(lock, Number(timeoutInMillis) || 0)) throw realm.exception(LOCK_TIMEOUT);
    },
    hasLock: (): boolean => table.heldByCurrentExecution(lock),
    releaseLock: (): void => table.release(lock),
  });
}

export type Lock = ReturnType<typeof createLock>;

/** LockService (https://developers.google.com/apps-script/reference/lock/lock-service). */
export function createLockService(counter: CallCounter, realm: ScriptRealm, table: LockTable) {
  return counted(counter, 'LockService', {
    getDocumentLock: (): Lock => createLock(counter, realm, table, table.keyOf('document')),
    getScriptLock: (): Lock => createLock(counter, realm, table, table.keyOf('script')),
    getUserLock: (): Lock => createLock(counter, realm, table, table.keyOf('user')),
  });
}
