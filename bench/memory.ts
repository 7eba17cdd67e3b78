// Peak resident memory of the whole process. The emulator blocks the main thread (Atomics.wait) while a fetch is
// in flight, so a timer on the main thread would miss the peaks: a worker thread samples process RSS (which is
// process-wide) every 20 ms and keeps the maximum in shared memory, readable at any time.
import { Worker } from 'node:worker_threads';

export interface MemoryPeak {
  /** Highest process RSS sampled every 20 ms by a worker thread (covers the emulator, its HTTP worker and the simulator). */
  rssMb: number;
  /** Highest heapUsed of the main thread, sampled after each execution. */
  heapUsedMb: number;
}

const SAMPLER = `
const { workerData } = require('node:worker_threads');
const peak = new BigInt64Array(workerData);
const sample = () => {
  const rss = BigInt(process.memoryUsage.rss());
  if (rss > Atomics.load(peak, 0)) Atomics.store(peak, 0, rss);
};
sample();
setInterval(sample, 20);
`;

export class RssSampler {
  private readonly peak = new BigInt64Array(new SharedArrayBuffer(8));
  private readonly worker: Worker;

  constructor() {
    this.worker = new Worker(SAMPLER, { eval: true, workerData: this.peak.buffer });
    this.worker.unref();
  }

  /** Starts a new high-water mark from the current RSS. */
  reset(): void {
    Atomics.store(this.peak, 0, BigInt(process.memoryUsage.rss()));
  }

  peakMb(): number {
    const sampled = Number(Atomics.load(this.peak, 0));
    return Math.max(sampled, process.memoryUsage.rss()) / 2 ** 20;
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}
