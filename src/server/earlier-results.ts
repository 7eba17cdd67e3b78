// Reads the Result cells of rows whose answer did not settle the job: what an earlier run wrote there tells whether
// its cancel may have reached AODocs (core/earlier-result.ts decides). Only such answers need it, so a chunk
// whose cancels went through reads nothing more.
import { existingResultColumn } from '../core/result-columns';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The displayed texts of the Result cells of `rows` (per job); empty when the sheet has no Result column yet. */
export function readResultTexts(sheet: Sheet, headerRow: number, rows: number[][]): string[][] {
  const all = rows.flat();
  if (all.length === 0) return rows.map(() => []);
  try {
    const lastColumn = sheet.getLastColumn();
    if (lastColumn < 1) return rows.map(() => []);
    const headers = sheet.getRange(headerRow, 1, 1, lastColumn).getDisplayValues()[0];
    const column = existingResultColumn(headers, 'Result');
    if (column === undefined) return rows.map(() => []);
    let first = Infinity;
    let last = -Infinity;
    for (const row of all) {
      first = Math.min(first, row);
      last = Math.max(last, row);
    }
    // One read for the chunk: the span of its rows in the Result column.
    const texts = sheet.getRange(first, column, last - first + 1, 1).getDisplayValues();
    return rows.map((jobRows) => jobRows.map((row) => texts[row - first][0]));
  } catch {
    // Rows or columns deleted meanwhile: the earlier run is not remembered, and the refusal reads as today's.
    return rows.map(() => []);
  }
}
