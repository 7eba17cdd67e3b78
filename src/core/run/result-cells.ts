// A chunk's reads and writes of result cells, as programs of steps: the Result texts an earlier run left, and the
// rows written where core/chunk-settlement.ts placed them (the missing result columns' headers first, then one
// setValues per block). Only result columns are ever written; the caller holds the document lock for the writes.
import { asLiteralText } from '../cell-text';
import { Placement, RowToWrite, placeRows, resultBlocks, writtenBefore } from '../chunk-settlement';
import { headerRowProblem } from '../header-row';
import { existingResultColumn, layoutResultColumns } from '../result-columns';
import { SHEET_DELETED } from '../wording';
import { findCells } from './find-cells';
import { ChunkProgram, ChunkStep } from './sheet-steps';
import { Attempt, attempt, messageOf, perform } from './steps';

function* ask<T>(step: ChunkStep): ChunkProgram<T> {
  return yield* perform<T, ChunkStep>(step);
}

/** The texts of header row `row`, up to the sheet's last column (none when the sheet is empty). */
function* headerTexts(row: number): ChunkProgram<{ lastColumn: number; texts: string[] }> {
  const lastColumn = yield* ask<number>({ kind: 'last-column' });
  if (lastColumn < 1) return { lastColumn, texts: [] };
  const [texts] = yield* ask<string[][]>({ kind: 'read-texts', row, column: 1, numRows: 1, numColumns: lastColumn });
  return { lastColumn, texts };
}

/**
 * The displayed texts of the Result cells of `rows` (per job); empty when the sheet has no Result column yet, or
 * when rows or columns were deleted meanwhile (the earlier run is then not remembered, and a refusal reads as
 * today's). One read for the chunk: the span of its rows in the Result column.
 */
export function* readResultTexts(headerRow: number, rows: number[][]): ChunkProgram<string[][]> {
  const none = rows.map((): string[] => []);
  const all = rows.flat();
  if (all.length === 0) return none;
  try {
    const header = yield* headerTexts(headerRow);
    const column = existingResultColumn(header.texts, 'Result');
    if (column === undefined) return none;
    // Not Math.min(...rows): a job's many rows could overflow the call stack.
    let first = Infinity;
    let last = -Infinity;
    for (const row of all) {
      first = Math.min(first, row);
      last = Math.max(last, row);
    }
    const texts = yield* ask<string[][]>({
      kind: 'read-texts',
      row: first,
      column,
      numRows: last - first + 1,
      numColumns: 1,
    });
    return rows.map((jobRows) => jobRows.map((row) => texts[row - first][0]));
  } catch {
    return none;
  }
}

/** Where the header row is, and what identifies it: the job IDs' columns, and whether it is frozen. */
export interface HeaderAt {
  row: number;
  idColumns: number[];
  frozen: boolean;
}

/** What came of the writes: where rows went (undefined: nothing is known written), and why writing stopped. */
export interface Written {
  placement?: Placement;
  failure?: string;
}

/** The result columns, created right of the data when missing; or the sentence saying why none can be written. */
function* ensureResultColumns(header: HeaderAt): ChunkProgram<ReturnType<typeof layoutResultColumns> | string> {
  const { lastColumn, texts } = yield* headerTexts(header.row);
  const problem = headerRowProblem(texts, header.idColumns, header.frozen);
  if (problem) return problem;
  const layout = layoutResultColumns(texts, lastColumn);
  if (layout.created.length > 0) {
    const first = layout.created[0].column;
    const missing = first + layout.created.length - 1 - (yield* ask<number>({ kind: 'max-columns' }));
    if (missing > 0)
      yield* ask({ kind: 'insert-columns', after: yield* ask<number>({ kind: 'max-columns' }), count: missing });
    // Created columns are consecutive, right of the data: one write.
    yield* ask({
      kind: 'write-values',
      row: header.row,
      column: first,
      values: [layout.created.map((c) => asLiteralText(c.header))],
    });
  }
  return layout;
}

/**
 * Writes `rows` under the lock: the target sheet found again (it may have been deleted while AODocs was being
 * asked), the result columns, then one block at a time. Writing that stops partway keeps the rows whose every block
 * was written before.
 */
export function* writeRows(header: HeaderAt, rows: RowToWrite[]): ChunkProgram<Written> {
  try {
    if (!(yield* ask<boolean>({ kind: 'find-sheet' }))) return { failure: SHEET_DELETED };
    if (rows.length === 0) return { placement: placeRows([], []) };
    const layout = yield* ensureResultColumns(header);
    if (typeof layout === 'string') return { failure: layout };
    const located = yield* findCells(header.row, rows);
    const placement = placeRows(rows, located);
    const blocks = resultBlocks(layout.columns, placement.rows);
    for (const [i, block] of blocks.entries()) {
      const wrote: Attempt<unknown> = yield* attempt<unknown, ChunkStep>({ kind: 'write-values', ...block });
      if (!wrote.ok) return { placement: writtenBefore(placement, blocks, i), failure: messageOf(wrote.error) };
    }
    return { placement };
  } catch (error) {
    return { failure: messageOf(error) };
  }
}
