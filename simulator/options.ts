// The simulator's options. Everything here is plain data, so it can be posted to a worker thread; the only
// function-valued option (faultDecider) exists on the in-thread server alone.

import type { FaultConfig } from './faults';
import type { LatencySpec } from './latency';
import type { FinishedCancelMode } from './operations';
import type { SeedData } from './types';

/** What setOptions() may change while the server runs. */
export interface RuntimeOptions {
  /** Added before every answer. Default 0. */
  latencyMs: LatencySpec;
  latencySeed: number;
  faults: FaultConfig;
  /** Seed of the PRNG that draws random faults. Default 1. */
  faultSeed: number;
  /** How long a "slow" fault waits before handling the request. Default 35 000 ms. */
  slowMs: number;
  /** Default 'precondition' (412). */
  finishedCancelMode: FinishedCancelMode;
  /** The `Retry-After` of the `429` fault, in seconds. Default 1. */
  retryAfterSeconds: number;
  /**
   * The Google Workspace domains this AODocs instance serves, or null (default) to accept any `domain` parameter.
   * When set, a request naming another domain gets 400 to everything, as AODocs does for a wrong domain setting.
   */
  domains: string[] | null;
  /** Every error answer gets another message than AODocs' (status, reason and headers kept). Default false. */
  rewordMessages: boolean;
}

export interface SimulatorOptions extends Partial<RuntimeOptions> {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The data to start from; default demoSeed(). */
  seed?: SeedData;
}

export const DEFAULT_RUNTIME_OPTIONS: RuntimeOptions = {
  latencyMs: 0,
  latencySeed: 1,
  faults: {},
  faultSeed: 1,
  slowMs: 35_000,
  finishedCancelMode: 'precondition',
  retryAfterSeconds: 1,
  domains: null,
  rewordMessages: false,
};

export function checkRuntimeOptions(options: Partial<RuntimeOptions>): void {
  const { slowMs, finishedCancelMode, retryAfterSeconds } = options;
  if (slowMs !== undefined && !(Number.isFinite(slowMs) && slowMs >= 0)) throw new Error('slowMs must be >= 0');
  if (retryAfterSeconds !== undefined && !(Number.isInteger(retryAfterSeconds) && retryAfterSeconds >= 0)) {
    throw new Error('retryAfterSeconds must be a whole number >= 0');
  }
  if (finishedCancelMode !== undefined && finishedCancelMode !== 'precondition' && finishedCancelMode !== 'unchanged') {
    throw new Error(`finishedCancelMode must be 'precondition' or 'unchanged'`);
  }
}
