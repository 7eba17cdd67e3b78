// The sidebar's only way to the server: a promise over google.script.run, typed by ServerApi (src/shared), so
// a wrong function name or argument is a compile error on both sides.
import type { ServerApi } from '../shared/api';

export type ServerCall = <K extends keyof ServerApi>(
  name: K,
  ...args: Parameters<ServerApi[K]>
) => Promise<ReturnType<ServerApi[K]>>;

export const callServer: ServerCall = (name, ...args) =>
  new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value: unknown) => resolve(value as never))
      .withFailureHandler((error: Error) => reject(error instanceof Error ? error : new Error(String(error))));
    (runner as unknown as Record<string, (...a: unknown[]) => void>)[name](...args);
  });
