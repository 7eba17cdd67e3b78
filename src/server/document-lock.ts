// Read-check-write of a chunk happens under the document lock, so two sidebars on the same spreadsheet (or two
// chunks in flight) never write over each other's rows or log lines.
import { LockState } from '../core/chunk-settlement';
import { SERVER } from '../core/wording';
import { UserFacingError } from './user-facing-error';

/** What other callers wait (loading a library page): they start fresh executions. */
const DEFAULT_LOCK_WAIT_MS = 30_000;

/**
 * Runs `work` under the document lock when it can be had within `waitMs`, and says whether it ran: 'busy' when
 * someone else held the lock all along, 'unavailable' when Apps Script gave no lock (getDocumentLock() is
 * documented as Lock|null). `work`'s exceptions reach the caller, after the lock is released.
 */
export function tryWithDocumentLock(work: () => void, waitMs: number): LockState {
  const lock = LockService.getDocumentLock();
  if (!lock) return 'unavailable';
  if (!lock.tryLock(waitMs)) return 'busy';
  try {
    work();
    // Commit the writes while the lock is still held (LockService documentation).
    SpreadsheetApp.flush();
    return 'held';
  } finally {
    lock.releaseLock();
  }
}

export function withDocumentLock<T>(work: () => T, waitMs = DEFAULT_LOCK_WAIT_MS): T {
  let result: T | undefined;
  const state = tryWithDocumentLock(() => {
    result = work();
  }, waitMs);
  if (state === 'busy') throw new UserFacingError(SERVER.lockBusy);
  if (state === 'unavailable') throw new UserFacingError(SERVER.noDocumentLock);
  return result as T;
}
