// Where a chunk's job ID cells are now, as a program of steps: the user may sort, insert, edit or delete rows while
// a run goes on, so every read stays inside the sheet's data as it is now (a range past it throws "The coordinates
// of the range are outside the dimensions of the sheet"). What to read and what the texts mean is
// cell-location.ts's; this program decides when to measure the data and where to cut the reads.
import {
  ColumnSpan,
  ColumnTexts,
  ExpectedCell,
  LocatedCell,
  columnsToReadWhole,
  locateCells,
  spansToRead,
} from '../cell-location';
import { ChunkProgram, ChunkStep } from './sheet-steps';
import { attempt, perform } from './steps';

/** The part of the sheet that holds anything: rows and columns past it are empty, or past the grid. */
interface DataExtent {
  rows: number;
  columns: number;
}

/** No bound: the read is tried as asked, and cut at the data only if the grid no longer reaches that far. */
const UNBOUNDED: DataExtent = { rows: Number.MAX_SAFE_INTEGER, columns: Number.MAX_SAFE_INTEGER };

function* ask<T>(step: ChunkStep): ChunkProgram<T> {
  return yield* perform<T, ChunkStep>(step);
}

function* dataExtent(): ChunkProgram<DataExtent> {
  return { rows: yield* ask<number>({ kind: 'last-row' }), columns: yield* ask<number>({ kind: 'last-column' }) };
}

/** The read of rows first..last of one column, cut at `extent`; undefined when nothing of it is inside. */
function columnRead(span: ColumnSpan, extent: DataExtent): ChunkStep | undefined {
  const end = Math.min(span.last, extent.rows);
  if (end < span.first || span.column > extent.columns) return undefined;
  return { kind: 'read-texts', row: span.first, column: span.column, numRows: end - span.first + 1, numColumns: 1 };
}

function trimmed(span: ColumnSpan, texts: string[][]): ColumnTexts {
  return { column: span.column, first: span.first, texts: texts.map((r) => r[0].trim()) };
}

/** Each span's trimmed texts, cut at `extent` (one read per span at most). */
function* readSpans(spans: ColumnSpan[], extent: DataExtent): ChunkProgram<ColumnTexts[]> {
  const read: ColumnTexts[] = [];
  for (const span of spans) {
    const step = columnRead(span, extent);
    read.push(trimmed(span, step ? yield* ask<string[][]>(step) : []));
  }
  return read;
}

/**
 * The spans as they are. Measuring the data's extent first would cost two round trips to the spreadsheet in every
 * chunk; the spans are read as planned, and only when the grid no longer reaches them (rows or columns were
 * deleted) is the extent measured and the reads cut at it.
 */
function* readSpansAsPlanned(spans: ColumnSpan[]): ChunkProgram<ColumnTexts[]> {
  const read: ColumnTexts[] = [];
  for (const span of spans) {
    const step = columnRead(span, UNBOUNDED);
    const texts = step ? yield* attempt<string[][], ChunkStep>(step) : { ok: true as const, value: [] };
    if (!texts.ok) return yield* readSpans(spans, yield* dataExtent());
    read.push(trimmed(span, texts.value));
  }
  return read;
}

/** Where the expected cells' texts are now: one read per column, and the whole column only if one moved. */
export function* findCells(headerRow: number, expected: ExpectedCell[]): ChunkProgram<LocatedCell[]> {
  const spans = yield* readSpansAsPlanned(spansToRead(expected));
  const lost = columnsToReadWhole(expected, spans);
  const extent = lost.length > 0 ? yield* dataExtent() : UNBOUNDED;
  const whole = yield* readSpans(
    lost.map((column) => ({ column, first: headerRow + 1, last: extent.rows })),
    extent,
  );
  return locateCells(expected, spans, whole);
}
