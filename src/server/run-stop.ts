// Stop, on the server: the sidebar marks its run as stopped, and every chunk of that run checks the mark just
// before it sends (and before each retry wave), so chunks already on their way to Apps Script send nothing.
// The mark lives in the user's cache for six hours, the longest a run can sensibly last.
import { RUN_ID } from '../core/run-schedule';
import { UserFacingError } from './user-facing-error';

const MARK_SECONDS = 6 * 60 * 60;

const key = (runId: string) => `run-stopped:${runId}`;

function checkRunId(runId: unknown): string {
  if (typeof runId !== 'string' || !RUN_ID.test(runId)) throw new UserFacingError('Invalid request: run ID.');
  return runId;
}

export function stopRun(runId: unknown): void {
  CacheService.getUserCache()!.put(key(checkRunId(runId)), '1', MARK_SECONDS);
}

/**
 * The cache is best effort: when it cannot be read, the chunk goes on (the sidebar has stopped sending new chunks
 * anyway) rather than fail after its cancels were sent.
 */
export function isRunStopped(runId: string): boolean {
  try {
    return CacheService.getUserCache()!.get(key(runId)) !== null;
  } catch {
    return false;
  }
}
