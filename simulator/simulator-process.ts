// startSimulator(): the simulator in a worker thread, driven through an async handle.
//
// Why a worker: the Apps Script emulator blocks its own thread (Atomics.wait) while it waits for an HTTP
// answer, so a server on that thread could never answer. Workers get no TypeScript transform from jest or
// tsx, so a tiny CommonJS bootstrap registers tsx's require hook before loading simulator-worker.ts.

import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ContractViolation } from './contract';
import type { FaultConfig } from './faults';
import type { RuntimeOptions, SimulatorOptions } from './options';
import type { RequestLogEntry } from './request-log';
import type { SeedData, StoredJob } from './types';
import type { CommandName, Commands, ReplyMessage, StartupMessage, WorkerData } from './worker-protocol';

export interface SimulatorHandle {
  /** The API base URL, e.g. http://127.0.0.1:PORT/api. */
  readonly url: string;
  /** Stops the server and the worker. Safe to call twice. */
  close(): Promise<void>;
  requestLog(): Promise<RequestLogEntry[]>;
  clearRequestLog(): Promise<void>;
  violations(): Promise<ContractViolation[]>;
  clearViolations(): Promise<void>;
  getJob(jobId: string): Promise<StoredJob | undefined>;
  putJobs(jobs: StoredJob[]): Promise<void>;
  setFaults(faults: FaultConfig): Promise<void>;
  setOptions(options: Partial<RuntimeOptions>): Promise<void>;
  /** Back to `seed` (default: the starting seed) and the starting options, with an empty log and no violations. */
  reset(seed?: SeedData): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 10_000;

function bootstrapSource(): string {
  const tsxApi = require.resolve('tsx/cjs/api');
  return [
    `require(${JSON.stringify(tsxApi)}).register();`,
    `require(require('node:worker_threads').workerData.entry);`,
  ].join('\n');
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<SimulatorHandle> {
  const workerData: WorkerData = { entry: join(__dirname, 'simulator-worker.ts'), options };
  // execArgv: [] so the worker does not inherit the parent's loader flags (tsx's or jest's).
  const worker = new Worker(bootstrapSource(), { eval: true, workerData, execArgv: [] });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let stopped: Error | undefined;

  const failAll = (error: Error) => {
    stopped ??= error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('AODocs simulator did not start in time')), STARTUP_TIMEOUT_MS);
    const settle = (fn: () => void) => {
      clearTimeout(timer);
      fn();
    };
    worker.once('message', (message: StartupMessage) =>
      settle(() =>
        message.type === 'ready' ? resolve(message.url) : reject(new Error(`AODocs simulator: ${message.error}`)),
      ),
    );
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) => settle(() => reject(new Error(`AODocs simulator worker exited (${code})`))));
  }).catch(async (error: Error) => {
    await worker.terminate();
    throw error;
  });

  worker.on('message', (message: ReplyMessage | StartupMessage) => {
    if (!('id' in message)) return;
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.ok) waiter?.resolve(message.result);
    else waiter?.reject(new Error(message.error));
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', () => failAll(new Error('AODocs simulator worker has stopped')));

  function call<K extends CommandName>(command: K, ...args: Commands[K]['args']): Promise<Commands[K]['result']> {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, command, args });
    });
  }

  let closing: Promise<void> | undefined;
  return {
    url,
    close: () =>
      (closing ??= call('close')
        .catch(() => undefined)
        .then(() => worker.terminate())
        .then(() => undefined)),
    requestLog: () => call('requestLog'),
    clearRequestLog: () => call('clearRequestLog'),
    violations: () => call('violations'),
    clearViolations: () => call('clearViolations'),
    getJob: (jobId) => call('getJob', jobId),
    putJobs: (jobs) => call('putJobs', jobs),
    setFaults: (faults) => call('setFaults', faults),
    setOptions: (changes) => call('setOptions', changes),
    reset: (seed) => call('reset', seed),
  };
}
