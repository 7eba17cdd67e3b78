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

/** Whether the run's stop mark is set; throws when the cache cannot be read (core decides what that means). */
export function isRunStopped(runId: string): boolean {
  return CacheService.getUserCache()!.get(key(runId)) !== null;
}
