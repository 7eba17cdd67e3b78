// Values for cells: numbers as numbers and epoch milliseconds as real dates, blank when AODocs gave none.

export function countCell(value: number | undefined): number | string {
  return value === undefined ? '' : value;
}

export function dateCell(epochMs: number | undefined): Date | string {
  return epochMs === undefined ? '' : new Date(epochMs);
}
