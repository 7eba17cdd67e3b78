// Which fault, if any, a request gets: targeted faults first (deterministic by jobId/libraryId and count),
// then random ones drawn from a seeded PRNG, so a run with the same seed and requests gets the same faults.

import { createPrng, type Prng } from './prng';
import type { OperationName } from './types';

/**
 * - 503: AODocs' `backendError`; 429 with `Retry-After: 1` (the `retryAfterSeconds` option); 409 with `X-aodocs-retryable: true`;
 * - html: a 502 proxy page in HTML; html-429: a proxy's 429 page in HTML with `Retry-After: 3`; drop: the socket is destroyed without an answer;
 * - slow: the request is handled only after `slowMs` (longer than a client timeout);
 * - drop-after: the operation takes effect (the cancel happens), then the socket is destroyed;
 * - 503-after: the operation takes effect, then a 503 comes back (a gateway that gave up on the backend);
 * - 429-long: 429 with `Retry-After: 60`, longer than a chunk can wait;
 * - 400: AODocs refuses the request (`badRequest`) although the job could be cancelled;
 * - 429-as-404: a throttled request as AODocs' API framework sends it: Cloud Endpoints for Java's ErrorMap has no
 *   entry for 429 and sends an unlisted 4xx as 404 with reason `unsupportedProtocol`
 *   (docs/SOURCES.md#aodocs-throttled-as-404).
 * All but slow, drop-after and 503-after answer BEFORE the operation takes effect.
 */
export type FaultKind =
  | '503'
  | '429'
  | '409'
  | 'html'
  | 'html-429'
  | 'drop'
  | 'slow'
  | 'drop-after'
  | '503-after'
  | '429-long'
  | '400'
  | '429-as-404';

export const FAULT_KINDS: readonly FaultKind[] = [
  '503',
  '429',
  '409',
  'html',
  'html-429',
  'drop',
  'slow',
  'drop-after',
  '503-after',
  '429-long',
  '400',
  '429-as-404',
];

/** Forces `fault` on the first `times` (default 1) requests that match every given field. */
export interface TargetedFault {
  fault: FaultKind;
  jobId?: string;
  libraryId?: string;
  operation?: OperationName;
  times?: number;
}

export interface FaultConfig {
  /** Probability 0..1 per kind; their sum must not exceed 1. */
  rates?: Partial<Record<FaultKind, number>>;
  targeted?: TargetedFault[];
}

export interface FaultContext {
  operation: OperationName;
  jobId?: string;
  libraryId?: string;
}

/** An in-process alternative to `targeted` (functions cannot cross to a worker thread). */
export type FaultDecider = (context: FaultContext) => FaultKind | undefined;

export function checkFaultConfig(config: FaultConfig): void {
  let sum = 0;
  for (const [kind, rate] of Object.entries(config.rates ?? {})) {
    if (!FAULT_KINDS.includes(kind as FaultKind)) throw new Error(`Unknown fault kind '${kind}'`);
    if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1))
      throw new Error(`Fault rate for ${kind} must be in 0..1`);
    sum += rate;
  }
  if (sum > 1 + 1e-9) throw new Error(`Fault rates add up to ${sum}, more than 1`);
  for (const target of config.targeted ?? []) {
    if (!FAULT_KINDS.includes(target.fault)) throw new Error(`Unknown fault kind '${target.fault}'`);
  }
}

export class FaultPlanner {
  private prng: Prng;
  private remaining: number[] = [];

  constructor(
    private config: FaultConfig,
    private seed: number,
    private readonly decider?: FaultDecider,
  ) {
    checkFaultConfig(config);
    this.prng = createPrng(seed);
    this.remaining = (config.targeted ?? []).map((t) => t.times ?? 1);
  }

  /** Replaces the configuration and restarts the PRNG and the targeted counters. */
  reconfigure(config: FaultConfig, seed = this.seed): void {
    checkFaultConfig(config);
    this.config = config;
    this.seed = seed;
    this.prng = createPrng(seed);
    this.remaining = (config.targeted ?? []).map((t) => t.times ?? 1);
  }

  decide(context: FaultContext): FaultKind | undefined {
    // One draw per request whatever happens, so targeting never shifts the random sequence.
    const draw = this.prng();
    const fromDecider = this.decider?.(context);
    if (fromDecider) return fromDecider;
    const targets = this.config.targeted ?? [];
    for (let i = 0; i < targets.length; i++) {
      if (this.remaining[i] > 0 && matches(targets[i], context)) {
        this.remaining[i]--;
        return targets[i].fault;
      }
    }
    let cumulative = 0;
    for (const kind of FAULT_KINDS) {
      cumulative += this.config.rates?.[kind] ?? 0;
      if (draw < cumulative) return kind;
    }
    return undefined;
  }
}

function matches(target: TargetedFault, context: FaultContext): boolean {
  return (
    (target.jobId === undefined || target.jobId === context.jobId) &&
    (target.libraryId === undefined || target.libraryId === context.libraryId) &&
    (target.operation === undefined || target.operation === context.operation)
  );
}
