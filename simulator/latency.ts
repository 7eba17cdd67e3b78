// Added response latency: a fixed delay or a range drawn from a seeded PRNG.

import { createPrng, intBetween, type Prng } from './prng';

/** Milliseconds, or a range [min, max] in milliseconds. */
export type LatencySpec = number | { min: number; max: number };

/** Reads "50" or "20-80" (the CLI's --latency-ms); throws on anything else. */
export function parseLatency(text: string): LatencySpec {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  if (!match) throw new Error(`Latency must be N or MIN-MAX milliseconds, got '${text}'`);
  const min = Number(match[1]);
  if (match[2] === undefined) return min;
  return checkLatency({ min, max: Number(match[2]) });
}

export function checkLatency<T extends LatencySpec>(spec: T): T {
  const ok =
    typeof spec === 'number'
      ? Number.isFinite(spec) && spec >= 0
      : Number.isFinite(spec.min) && Number.isFinite(spec.max) && spec.min >= 0 && spec.max >= spec.min;
  if (!ok) throw new Error(`Invalid latency ${JSON.stringify(spec)}`);
  return spec;
}

export class LatencyPicker {
  private prng: Prng;

  constructor(
    private spec: LatencySpec,
    seed: number,
  ) {
    checkLatency(spec);
    this.prng = createPrng(seed);
  }

  reconfigure(spec: LatencySpec, seed: number): void {
    this.spec = checkLatency(spec);
    this.prng = createPrng(seed);
  }

  next(): number {
    return typeof this.spec === 'number' ? this.spec : intBetween(this.prng, this.spec.min, this.spec.max);
  }
}
