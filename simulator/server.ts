// The simulator as an HTTP server in the current thread (the CLI uses it; tests and the playground use
// startSimulator() from simulator-process.ts, which runs this in a worker thread).

import { setMaxListeners } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ContractChecker, type ContractViolation } from './contract';
import { demoSeed } from './demo-seed';
import { FaultPlanner, type FaultConfig, type FaultDecider } from './faults';
import { LatencyPicker } from './latency';
import { checkRuntimeOptions, DEFAULT_RUNTIME_OPTIONS, type RuntimeOptions, type SimulatorOptions } from './options';
import { handleRequest, type SimulatorState } from './request-handler';
import { RequestLog, type RequestLogEntry } from './request-log';
import { BASE_PATH } from './routes';
import { JobStore } from './store';
import type { SeedData, StoredJob } from './types';

export interface InThreadSimulatorOptions extends SimulatorOptions {
  /** Forces faults from code; consulted before `faults.targeted`. */
  faultDecider?: FaultDecider;
}

export interface SimulatorServer {
  /** Listens; resolves with the API base URL, e.g. http://127.0.0.1:8090/api. */
  start(): Promise<{ url: string; port: number }>;
  close(): Promise<void>;
  readonly store: JobStore;
  requestLog(): RequestLogEntry[];
  clearRequestLog(): void;
  violations(): ContractViolation[];
  clearViolations(): void;
  getJob(jobId: string): StoredJob | undefined;
  putJobs(jobs: StoredJob[]): void;
  /** Replaces the fault configuration; restarts the fault PRNG and the targeted counters. */
  setFaults(faults: FaultConfig): void;
  setOptions(options: Partial<RuntimeOptions>): void;
  /** Back to `seed` (default: the starting seed) and the starting options, with an empty log and no violations. */
  reset(seed?: SeedData): void;
}

export function createSimulatorServer(options: InThreadSimulatorOptions = {}): SimulatorServer {
  const runtime: RuntimeOptions = { ...DEFAULT_RUNTIME_OPTIONS };
  for (const key of Object.keys(DEFAULT_RUNTIME_OPTIONS) as (keyof RuntimeOptions)[]) {
    if (options[key] !== undefined) Object.assign(runtime, { [key]: options[key] });
  }
  checkRuntimeOptions(runtime);
  const initialRuntime = structuredClone(runtime);
  const initialSeed = options.seed ?? demoSeed();
  const closing = new AbortController();
  // Every request waiting out its latency listens on this one signal: hundreds at once are expected.
  setMaxListeners(0, closing.signal);
  const state: SimulatorState = {
    store: new JobStore(initialSeed),
    log: new RequestLog(),
    contract: new ContractChecker(),
    faults: new FaultPlanner(runtime.faults, runtime.faultSeed, options.faultDecider),
    latency: new LatencyPicker(runtime.latencyMs, runtime.latencySeed),
    options: runtime,
    closing: closing.signal,
  };
  const server: Server = createServer((req, res) => void handleRequest(state, req, res));
  server.keepAliveTimeout = 5_000;

  return {
    start: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
          const { address, port } = server.address() as AddressInfo;
          const host = address.includes(':') ? `[${address}]` : address;
          resolve({ url: `http://${host}:${port}${BASE_PATH}`, port });
        });
      }),
    close: () =>
      new Promise((resolve) => {
        closing.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    get store() {
      return state.store;
    },
    requestLog: () => state.log.list(),
    clearRequestLog: () => state.log.clear(),
    violations: () => state.contract.violations(),
    clearViolations: () => state.contract.clear(),
    getJob: (jobId) => structuredClone(state.store.job(jobId)),
    putJobs: (jobs) => state.store.putJobs(jobs),
    setFaults: (faults) => {
      state.faults.reconfigure(faults, runtime.faultSeed);
      runtime.faults = faults;
    },
    setOptions: (changes) => {
      const next = { ...runtime, ...withoutUndefined(changes) };
      checkRuntimeOptions(next);
      state.latency.reconfigure(next.latencyMs, next.latencySeed);
      if (changes.faults !== undefined || changes.faultSeed !== undefined)
        state.faults.reconfigure(next.faults, next.faultSeed);
      Object.assign(runtime, next);
    },
    reset: (seed) => {
      state.store = new JobStore(seed ?? initialSeed);
      state.log.clear();
      state.contract.clear();
      Object.assign(runtime, structuredClone(initialRuntime));
      state.faults.reconfigure(runtime.faults, runtime.faultSeed);
      state.latency.reconfigure(runtime.latencyMs, runtime.latencySeed);
    },
  };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
