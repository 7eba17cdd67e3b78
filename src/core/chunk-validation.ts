// runChunk is a top-level function: any code in the sidebar's frame can call it with anything. Its argument
// is checked here before a single cell is read or a request sent.
import { CellRef, ChunkRequest, JobAction, PlannedJob, RejectedCell } from '../shared/api';
import { checkJobId } from './job-id';
import { CHUNK_SIZE_LIMITS } from './settings';
import { MAX_CELLS_PER_CHUNK, MAX_CELLS_PER_JOB, RUN_ID } from './run-schedule';
import { SERVER } from './wording';

export { MAX_CELLS_PER_CHUNK, MAX_CELLS_PER_JOB };
const MAX_ROWS = 10_000_000; // Sheets' cell limit bounds rows too
const MAX_COLUMNS = 18_278; // column ZZZ

export class InvalidRequestError extends Error {}

function fail(what: string): never {
  throw new InvalidRequestError(`Invalid request: ${what}.`);
}

function isInt(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function cellRef(value: unknown, headerRow: number): CellRef {
  const o = (value ?? {}) as Record<string, unknown>;
  if (!isInt(o.row, headerRow + 1, MAX_ROWS)) fail('a row number is outside the sheet or in the header');
  if (!isInt(o.column, 1, MAX_COLUMNS)) fail('a column number is outside the sheet');
  return { row: o.row, column: o.column };
}

function array(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) fail(`${what} must be a list`);
  return value;
}

export function validateChunkRequest(value: unknown): ChunkRequest {
  if (typeof value !== 'object' || value === null) fail('no chunk');
  const o = value as Record<string, unknown>;
  const action = o.action as JobAction;
  if (action !== 'cancel' && action !== 'refresh') fail('unknown action');
  if (!isInt(o.sheetId, 0, Number.MAX_SAFE_INTEGER)) fail('sheet ID');
  if (!isInt(o.headerRow, 1, MAX_ROWS)) fail('header row');
  // Only a sidebar of an older version sends a chunk without a run ID: told so in plain words before anything
  // its jobs may get wrong. (A guard against stale sidebars, not a security control: the frame could make up an
  // ID that was never stopped.)
  if (o.runId === undefined) throw new InvalidRequestError(SERVER.sidebarOutOfDate);
  if (typeof o.runId !== 'string' || !RUN_ID.test(o.runId)) fail('run ID');
  const headerRow = o.headerRow;
  // Only a sidebar of an older version sends no ID column (it read every selected column as job IDs).
  if (o.idColumn === undefined) throw new InvalidRequestError(SERVER.sidebarOutOfDate);
  if (!isInt(o.idColumn, 1, MAX_COLUMNS)) fail('job ID column');
  const idColumn = o.idColumn;
  const inIdColumn = (cell: CellRef) => cell.column === idColumn || fail('a cell is outside the job ID column');
  const jobsIn = array(o.jobs, 'jobs');
  if (jobsIn.length > CHUNK_SIZE_LIMITS.max) fail(`more than ${CHUNK_SIZE_LIMITS.max} jobs in one chunk`);
  let cellCount = 0;
  const seen = new Set<string>();
  const jobs: PlannedJob[] = jobsIn.map((j) => {
    const job = (j ?? {}) as Record<string, unknown>;
    const check = typeof job.jobId === 'string' ? checkJobId(job.jobId) : undefined;
    if (check?.kind !== 'valid' || check.jobId !== job.jobId) fail('a job ID is not valid');
    if (seen.has(check.jobId)) fail('a job ID appears twice');
    seen.add(check.jobId);
    const cells = array(job.cells, 'cells').map((c) => cellRef(c, headerRow));
    cells.forEach(inIdColumn);
    if (cells.length === 0) fail('a job without cells');
    cellCount += cells.length;
    const follow = array(job.followColumns ?? [], 'follow columns');
    if (!follow.every((c) => cells.some((cell) => cell.column === c)))
      fail("a follow column holds none of the job's cells");
    return job.followColumns === undefined
      ? { jobId: check.jobId, cells }
      : { jobId: check.jobId, cells, followColumns: follow as number[] };
  });
  const rejected: RejectedCell[] = array(o.rejected ?? [], 'rejected cells').map((r) => {
    const cell = (r ?? {}) as Record<string, unknown>;
    if (typeof cell.text !== 'string' || cell.text.length > 50_000) fail('a rejected cell text');
    if (cell.problem !== 'invalid') fail('a rejected cell problem');
    cellCount++;
    const at = cellRef(cell.cell, headerRow);
    inIdColumn(at);
    return { text: cell.text, problem: cell.problem, cell: at };
  });
  // The sidebar cuts chunks by cells (core/run-schedule.ts): more than this only as one job alone, on many rows.
  const oneJobAlone = jobs.length === 1 && rejected.length === 0;
  if (cellCount > (oneJobAlone ? MAX_CELLS_PER_JOB : MAX_CELLS_PER_CHUNK)) {
    fail(
      oneJobAlone
        ? `more than ${MAX_CELLS_PER_JOB} cells for one job`
        : `more than ${MAX_CELLS_PER_CHUNK} cells in one chunk of several jobs`,
    );
  }
  // One cell holds one text: a cell listed twice would count twice when deciding whether a result may follow.
  const cells = [...jobs.flatMap((j) => j.cells), ...rejected.map((r) => r.cell)].map((c) => `${c.row}:${c.column}`);
  if (new Set(cells).size !== cells.length) fail('a cell appears twice');
  return {
    action,
    sheetId: o.sheetId,
    headerRow,
    idColumn,
    jobs,
    rejected,
    runId: o.runId,
  };
}
