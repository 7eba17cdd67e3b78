export type ClockMode = 'real' | 'virtual';

/**
 * The time the emulated script sees. `real` is the host's clock and Utilities.sleep really blocks. `virtual` starts
 * at `start` and moves only when the script sleeps (or waits for a lock) or a test calls `advance`: retries with
 * backoff run instantly and timestamps are reproducible.
 */
export interface Clock {
  readonly mode: ClockMode;
  now(): number;
  /** Blocks the calling thread (real) or moves the virtual time forward (virtual). */
  sleep(ms: number): void;
  /** Moves the virtual time forward; the real clock cannot be moved and throws. */
  advance(ms: number): void;
}

const blocker = new Int32Array(new SharedArrayBuffer(4));

/** Blocks this thread for `ms` without spinning: Apps Script's Utilities.sleep is synchronous too. */
export function blockThread(ms: number): void {
  if (ms > 0) Atomics.wait(blocker, 0, 0, ms);
}

export function createClock(mode: ClockMode = 'real', start: number = Date.now()): Clock {
  if (mode === 'real') {
    return {
      mode,
      now: () => Date.now(),
      sleep: (ms) => blockThread(ms),
      advance: () => {
        throw new Error('advance() needs the virtual clock');
      },
    };
  }
  let time = start;
  const advance = (ms: number): void => {
    time += Math.max(0, ms);
  };
  return { mode, now: () => time, sleep: advance, advance };
}
