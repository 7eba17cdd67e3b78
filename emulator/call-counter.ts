/**
 * Counts every Apps Script service call the bundle makes, by "Service.method" (e.g. "Range.setValues").
 * Tests bound Sheets calls with it and the benchmark reports it.
 */
export class CallCounter {
  private readonly counts = new Map<string, number>();

  count(service: string, method: string): void {
    const key = `${service}.${method}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Calls per "Service.method", sorted by name. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Sum of the calls whose service is one of `services`. */
  total(...services: string[]): number {
    let sum = 0;
    for (const [key, n] of this.counts) if (services.includes(key.split('.')[0])) sum += n;
    return sum;
  }

  reset(): void {
    this.counts.clear();
  }
}

/** The Spreadsheet service's classes, as counted. */
export const SHEETS_SERVICES = ['SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range', 'RangeList', 'Filter', 'Selection'];
