// Read-check-write of a chunk happens under the document lock, so two sidebars on the same spreadsheet (or two
// chunks in flight) never write over each other's rows or log lines.
import { SERVER } from '../core/wording';
import { UserFacingError } from './user-facing-error';

/** What other callers wait (loading a library page): they start fresh executions. */
const DEFAULT_LOCK_WAIT_MS = 30_000;

export function withDocumentLock<T>(work: () => T, waitMs = DEFAULT_LOCK_WAIT_MS): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(waitMs)) {
    throw new UserFacingError(SERVER.lockBusy);
  }
  try {
    const result = work();
    // Commit the writes while the lock is still held (LockService documentation).
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}
