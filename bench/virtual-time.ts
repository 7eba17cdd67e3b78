// A clock for replaying a run on Apps Script's modelled timeline. The emulator runs one execution at a time and
// Sheets calls in microseconds, so a run's real timing says nothing about who sees what first on Apps Script.
// Here every server call is an event at its modelled time: the sidebar's run driver (src/client/run-driver.ts)
// runs unchanged on promises that this clock settles in modelled order, and each execution runs in the emulator
// at the modelled moment it would act on the spreadsheet and AODocs.

interface Event {
  at: number;
  seq: number;
  fire: () => void | Promise<void>;
}

/** Lets every promise reaction queued so far run (the run driver's continuations), then returns. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

export class VirtualClock {
  /** Modelled milliseconds since the run began. */
  now = 0;
  private events: Event[] = [];
  private seq = 0;

  /** Fires `fire` at modelled time `at` (not before now); events at the same time fire in the order given. */
  at(at: number, fire: () => void | Promise<void>): void {
    this.events.push({ at: Math.max(at, this.now), seq: this.seq++, fire });
  }

  private next(): Event | undefined {
    if (this.events.length === 0) return undefined;
    let best = 0;
    for (let i = 1; i < this.events.length; i++) {
      const e = this.events[i];
      const b = this.events[best];
      if (e.at < b.at || (e.at === b.at && e.seq < b.seq)) best = i;
    }
    return this.events.splice(best, 1)[0];
  }

  /**
   * Fires the events in time order until `work` has settled and no event is left; returns what `work` gave.
   * Throws if `work` waits while no event is scheduled (it would wait forever).
   */
  async run<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    work.then(
      () => (settled = true),
      () => (settled = true),
    );
    for (;;) {
      await settle();
      const event = this.next();
      if (!event) {
        if (settled) return work;
        throw new Error('virtual clock: the run waits for something that no event will bring');
      }
      this.now = event.at;
      await event.fire();
    }
  }
}
