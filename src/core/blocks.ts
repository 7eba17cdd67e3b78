// Batching: the Sheets calls of a chunk are one per contiguous run, not one per cell
// (Apps Script best practices: "use batch operations").

export interface Run {
  start: number;
  length: number;
}

/** Groups integers into maximal runs of consecutive values, ascending; duplicates are merged. */
export function consecutiveRuns(values: Iterable<number>): Run[] {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (const value of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.start + last.length === value) last.length++;
    else runs.push({ start: value, length: 1 });
  }
  return runs;
}
