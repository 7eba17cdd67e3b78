/**
 * The constructors values must come from. The bundle runs in a node:vm context with its own Date, Error and Array:
 * a Date made in this realm fails the bundle's `value instanceof Date`. environment.ts hands the context's
 * constructors in (EmulatedSpreadsheet.useRealm) so getValues() returns the bundle's own Dates, arrays and errors.
 */
export interface Realm {
  Date: DateConstructor;
  Error: ErrorConstructor;
  Array: ArrayConstructor;
}

export const HOST_REALM: Realm = { Date, Error, Array };

/** A 2-D array of the realm's arrays, built row by row. */
export function realmGrid<T>(
  realm: Realm,
  numRows: number,
  numColumns: number,
  cell: (r: number, c: number) => T,
): T[][] {
  const rows = new realm.Array(numRows) as T[][];
  for (let r = 0; r < numRows; r++) {
    const row = new realm.Array(numColumns) as T[];
    for (let c = 0; c < numColumns; c++) row[c] = cell(r, c);
    rows[r] = row;
  }
  return rows;
}
