// The sidebar's only way to the server: a promise over google.script.run, typed by ServerApi (src/shared), so
// a wrong function name or argument is a compile error on both sides.
import type { ServerApi } from '../shared/api';

export type ServerCall = <K extends keyof ServerApi>(
  name: K,
  ...args: Parameters<ServerApi[K]>
) => Promise<ReturnType<ServerApi[K]>>;

/**
 * What ScriptApp.requireScopes ends an execution with when a permission was not granted (granular consent). From a
 * sidebar call Google may not show its prompt; the user is told how to get it.
 */
const AUTHORIZATION_REQUIRED = /Authorization is required/i;
export const GRANT_MISSING_PERMISSIONS =
  'Some permissions of the add-on were not granted. Reopen it from Extensions > AODocs Jobs and allow them all, ' +
  'then try again.';

function sidebarError(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  return AUTHORIZATION_REQUIRED.test(message) ? new Error(GRANT_MISSING_PERMISSIONS) : new Error(message);
}

export const callServer: ServerCall = (name, ...args) =>
  new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value: unknown) => resolve(value as never))
      .withFailureHandler((error: Error) => reject(sidebarError(error)));
    (runner as unknown as Record<string, (...a: unknown[]) => void>)[name](...args);
  });
