// A scenario made real: the simulator's seed and forced faults, the sheet's rows as typed, and the A1 ranges
// of the selection. The oracle reads the same object to know what each ID and each cell stand for.
import { aodocsId } from '../../simulator/ids';
import { DEMO_ADMIN_EMAIL } from '../../simulator/demo-seed';
import type { TargetedFault } from '../../simulator/faults';
import type { JobStatus, SeedData, StoredJob } from '../../simulator/types';
import type { IdCell, JobKind, Scenario, SelectionSpec } from './scenario';

export const ADMIN_LIBRARY = aodocsId('properties:library:admin');
export const FOREIGN_LIBRARY = aodocsId('properties:library:foreign');
export const SHEET_NAME = 'Jobs';
export const HEADER_ROW = 1;
export const ID_HEADER = 'Job ID';

const STATUS_OF: Partial<Record<JobKind, JobStatus>> = {
  running: 'IN_PROGRESS',
  completed: 'COMPLETED',
  failed: 'FAILED',
  cancelled: 'CANCELLED',
  foreign: 'IN_PROGRESS',
};

export interface World {
  jobIds: string[];
  seed: SeedData;
  faults: TargetedFault[];
  /** Header texts, left to right. */
  header: string[];
  /** 1-based column of the Job ID header. */
  idColumn: number;
  /** Data rows as typed, under the header. */
  rows: string[][];
  hiddenByUser: number[];
  hiddenByFilter: number[];
  selection: string[];
  /** Sheet rows the selection covers (at plan time), and the columns it covers (undefined: every column). */
  selectedRows: Set<number>;
  selectedColumns?: Set<number>;
}

export function jobIdOf(index: number): string {
  return aodocsId(`properties:job:${index}`);
}

export function cellText(cell: IdCell, jobIds: string[]): string {
  if ('job' in cell) return jobIds[cell.job];
  if ('invalid' in cell) return cell.invalid;
  if ('idLike' in cell) return cell.idLike;
  return '';
}

function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function storedJob(jobId: string, index: number, kind: JobKind): StoredJob | undefined {
  const status = STATUS_OF[kind];
  if (!status) return undefined;
  const running = status === 'IN_PROGRESS';
  return {
    jobId,
    libraryId: kind === 'foreign' ? FOREIGN_LIBRARY : ADMIN_LIBRARY,
    status,
    type: 'IMPORT_FOLDER',
    requestor: 'alice@example.com',
    completed: !running,
    startedAt: Date.UTC(2026, 0, 1) + index * 60_000,
    lastActivityAt: Date.UTC(2026, 0, 2) + index * 60_000,
    succeededTasks: 10 + index,
    failedTasks: index % 3,
    remainingTasks: running ? 5 + index : 0,
    taskRetries: index % 2,
  };
}

function selectionRanges(
  spec: SelectionSpec,
  idColumn: number,
  dataRows: number,
): Pick<World, 'selection' | 'selectedRows' | 'selectedColumns'> {
  const L = columnLetter(idColumn);
  const first = HEADER_ROW + 1;
  const clip = ([a, b]: [number, number]): [number, number] => [
    first + Math.min(a, dataRows - 1),
    first + Math.min(b, dataRows - 1),
  ];
  const rowsOf = (ranges: [number, number][]) => {
    const rows = new Set<number>();
    for (const [a, b] of ranges) for (let r = a; r <= b; r++) rows.add(r);
    return rows;
  };
  if (spec.kind === 'column') {
    const top = spec.withHeader ? HEADER_ROW : first;
    const range: [number, number] = [top, first + dataRows - 1];
    return {
      selection: [`${L}${top}:${L}${range[1]}`],
      selectedRows: rowsOf([range]),
      selectedColumns: new Set([idColumn]),
    };
  }
  const ranges = spec.ranges.map(clip);
  const unique = [...new Map(ranges.map((r) => [r.join(':'), r])).values()];
  if (spec.kind === 'cells') {
    return {
      selection: unique.map(([a, b]) => `${L}${a}:${L}${b}`),
      selectedRows: rowsOf(unique),
      selectedColumns: new Set([idColumn]),
    };
  }
  return { selection: unique.map(([a, b]) => `${a}:${b}`), selectedRows: rowsOf(unique) };
}

export function buildWorld(scenario: Scenario): World {
  const jobIds = scenario.jobs.map((_, i) => jobIdOf(i));
  const jobs = scenario.jobs.flatMap((spec, i) => storedJob(jobIds[i], i, spec.kind) ?? []);
  const seed: SeedData = {
    libraries: [
      { id: ADMIN_LIBRARY, name: 'Contracts', administrators: [DEMO_ADMIN_EMAIL] },
      { id: FOREIGN_LIBRARY, name: 'HR records', administrators: ['hr-admin@example.com'] },
    ],
    jobs,
    ...(scenario.platform.misconfigured === 'sign-in'
      ? { registeredClientIds: ['someone-else.apps.googleusercontent.com'] }
      : {}),
  };
  const faults: TargetedFault[] = scenario.jobs.flatMap((spec, i) => [
    ...spec.cancelFaults.map((f) => ({ ...f, jobId: jobIds[i], operation: 'cancel' as const })),
    ...spec.readFaults.map((f) => ({ ...f, jobId: jobIds[i], operation: 'getJob' as const })),
  ]);

  const { sheet } = scenario;
  const header: string[] = [...sheet.extraColumns];
  header.splice(sheet.idColumnAt, 0, ID_HEADER);
  if (sheet.earlierColumns) header.push('Status', 'Result');
  const idColumn = sheet.idColumnAt + 1;

  const rows: string[][] = [];
  const hiddenByUser: number[] = [];
  const hiddenByFilter: number[] = [];
  for (const spec of sheet.rows) {
    const id = cellText(spec.id, jobIds);
    const extras = spec.extras.map((text) => text.replace(/^@job(\d+)$/, (_, n) => jobIds[Number(n)] ?? ''));
    const row = [...extras];
    row.splice(sheet.idColumnAt, 0, id);
    if (sheet.earlierColumns) {
      const job = 'job' in spec.id ? jobs.find((j) => j.jobId === id) : undefined;
      const earlier = job && spec.earlier;
      const status = earlier ? (earlier.status === '@status' ? job.status : earlier.status) : '';
      // Never a finished status a job does not have: an earlier run only wrote what AODocs said.
      const truthful = status === 'IN_PROGRESS' || status === job?.status;
      row.push(earlier && truthful ? status : '', earlier && truthful ? earlier.result : '');
    }
    for (let c = 0; c < spec.copies; c++) {
      rows.push(row);
      const sheetRow = HEADER_ROW + rows.length;
      if (spec.hidden === 'user') hiddenByUser.push(sheetRow);
      if (spec.hidden === 'filter') hiddenByFilter.push(sheetRow);
    }
  }
  return {
    jobIds,
    seed,
    faults,
    header,
    idColumn,
    rows,
    hiddenByUser,
    hiddenByFilter,
    ...selectionRanges(scenario.selection, idColumn, rows.length),
  };
}
