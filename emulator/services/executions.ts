import type { CallCounter } from '../call-counter';
import type { Clock } from './clock';
import { isError } from './format-template';
import type { ScriptRealm } from './script-realm';

/** How an execution was started: a trigger or menu click (`run`) or google.script.run (`client`). */
export type ExecutionKind = 'run' | 'client';

export interface ExecutionRecord {
  id: number;
  functionName: string;
  kind: ExecutionKind;
  /** Wall time the execution took, in ms. */
  wallMs: number;
  /** Time the script saw pass (virtual clock only: sleeps and lock waits); null with the real clock. */
  virtualMs: number | null;
  ok: boolean;
  error?: string;
}

interface RunningExecution {
  id: number;
  functionName: string;
  kind: ExecutionKind;
  startedWall: number;
  startedClock: number;
  timedOut: boolean;
}

/** Apps Script's "Script runtime: 6 min / execution" (https://developers.google.com/apps-script/guides/services/quotas). */
export const DEFAULT_EXECUTION_LIMIT_MS = 6 * 60 * 1000;
export const EXECUTION_TIME_EXCEEDED = 'Exceeded maximum execution time';

/**
 * Executions of one environment, one at a time: each is counted as `Script.execution`, timed, and ends with the
 * hooks that Apps Script runs for it (locks released). The execution time limit is checked where the script waits
 * (sleep, lock, fetch): once exceeded the execution is over, whatever the script catches.
 */
export class Executions {
  readonly log: ExecutionRecord[] = [];
  private running: RunningExecution | null = null;
  private nextId = 1;
  private readonly endHooks: ((executionId: number) => void)[] = [];

  constructor(
    private readonly counter: CallCounter,
    private readonly clock: Clock,
    private readonly realm: ScriptRealm,
    readonly limitMs: number = DEFAULT_EXECUTION_LIMIT_MS,
  ) {}

  /** The running execution's id; 0 when a test calls a service outside any execution. */
  currentId(): number {
    return this.running?.id ?? 0;
  }

  onEnd(hook: (executionId: number) => void): void {
    this.endHooks.push(hook);
  }

  /** Runs `body` as one execution. Executions do not nest: Apps Script runs each in its own process. */
  run<T>(functionName: string, kind: ExecutionKind, body: () => T): T {
    if (this.running)
      throw new Error(`${functionName}: an execution (${this.running.functionName}) is already running`);
    const execution: RunningExecution = {
      id: this.nextId++,
      functionName,
      kind,
      startedWall: performance.now(),
      startedClock: this.clock.now(),
      timedOut: false,
    };
    this.counter.count('Script', 'execution');
    this.running = execution;
    let error: unknown;
    let failed = false;
    try {
      const result = body();
      if (execution.timedOut) throw this.realm.exception(EXECUTION_TIME_EXCEEDED);
      return result;
    } catch (caught) {
      failed = true;
      error = execution.timedOut ? this.realm.exception(EXECUTION_TIME_EXCEEDED) : caught;
      throw error;
    } finally {
      for (const hook of this.endHooks) hook(execution.id);
      this.running = null;
      this.log.push({
        id: execution.id,
        functionName,
        kind,
        wallMs: performance.now() - execution.startedWall,
        virtualMs: this.clock.mode === 'virtual' ? this.clock.now() - execution.startedClock : null,
        ok: !failed,
        ...(failed ? { error: isError(error) ? error.message : String(error) } : {}),
      });
    }
  }

  /** Throws once the running execution has used up its time, and for every later call of that execution. */
  checkTimeLimit(): void {
    const execution = this.running;
    if (!execution) return;
    if (!execution.timedOut && this.clock.now() - execution.startedClock >= this.limitMs) execution.timedOut = true;
    if (execution.timedOut) throw this.realm.exception(EXECUTION_TIME_EXCEEDED);
  }

  /** ms left before the limit (Infinity outside executions): waits are cut there. */
  remainingMs(): number {
    const execution = this.running;
    if (!execution) return Infinity;
    return Math.max(0, this.limitMs - (this.clock.now() - execution.startedClock));
  }
}
