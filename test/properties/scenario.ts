// What one generated case is (a sheet, its selection, AODocs' jobs and answers, the platform, the user's runs and
// what they do mid-run), and the fast-check arbitraries that draw it within the switched-on dimensions.
// Everything is plain data: a counterexample prints as JSON and shrinks towards fewer jobs, rows and actions.
import fc from 'fast-check';
import type { FaultKind } from '../../simulator/faults';
import type { Dimensions } from './dimensions';

export type JobKind = 'running' | 'completed' | 'failed' | 'cancelled' | 'not-found' | 'foreign';

export interface FaultStep {
  fault: FaultKind;
  times: number;
}

export interface JobSpec {
  kind: JobKind;
  /** Forced on this job's cancels, in order. */
  cancelFaults: FaultStep[];
  /** Forced on reading this job, in order. */
  readFaults: FaultStep[];
}

export type ExtraColumn = 'Type' | 'Requestor' | 'Notes';

/** What the job ID cell of a row holds. */
export type IdCell = { job: number } | { invalid: string } | { blank: true } | { idLike: string };

export interface RowSpec {
  id: IdCell;
  /** The text of each extra column (same order as SheetSpec.extraColumns). */
  extras: string[];
  /** Status and Result an earlier run left (only when the sheet has those columns). */
  earlier?: { status: string; result: string };
  hidden?: 'user' | 'filter';
  /** The row is repeated this many times (one job on many rows). */
  copies: number;
}

export interface SheetSpec {
  frozen: boolean;
  /** Where the Job ID column sits among the extra columns (0 = first). */
  idColumnAt: number;
  extraColumns: ExtraColumn[];
  /** The sheet already has Status and Result columns (left of where new result columns go). */
  earlierColumns: boolean;
  rows: RowSpec[];
}

export type SelectionSpec =
  | { kind: 'column'; withHeader: boolean }
  | { kind: 'cells'; ranges: [number, number][] }
  | { kind: 'rows'; ranges: [number, number][] };

export interface PlatformSpec {
  lock?: 'busy' | 'brief';
  /** UrlFetch requests allowed today before the quota runs out. */
  quotaAfter?: number;
  blocked?: boolean;
  misconfigured?: 'security-code' | 'domain' | 'sign-in';
}

export interface SettingsSpec {
  chunkSize: number;
  chunksInFlight: number;
  skipHiddenRows: boolean;
  skipFinishedRows: boolean;
  writeLog: boolean;
}

/** Something the user does before chunk `beforeChunk` is sent (0 = the first). */
export type UserAction =
  | { beforeChunk: number; do: 'edit'; row: number; text: IdCell }
  | { beforeChunk: number; do: 'sort'; column: number; ascending: boolean }
  | { beforeChunk: number; do: 'insert'; row: number; count: number }
  | { beforeChunk: number; do: 'delete'; row: number; count: number }
  | { beforeChunk: number; do: 'stop' }
  /** Stop pressed while the `request`-th request of the run (1-based) is on its way. */
  | { atRequest: number; do: 'stop' };

export interface RunSpec {
  action: 'cancel' | 'refresh';
  /** Runs after the first: the same selection, or the rows that need a look. */
  select: 'same' | 'rows-to-look-at';
  actions: UserAction[];
}

export interface Scenario {
  jobs: JobSpec[];
  sheet: SheetSpec;
  selection: SelectionSpec;
  platform: PlatformSpec;
  settings: SettingsSpec;
  runs: RunSpec[];
}

export const DEFAULT_SETTINGS: SettingsSpec = {
  chunkSize: 20,
  chunksInFlight: 2,
  skipHiddenRows: true,
  skipFinishedRows: true,
  writeLog: true,
};

/** Not job IDs (docs/BEHAVIOUR.md, "Reading the selection"). */
export const INVALID_TEXTS = ['bad id', '../x', '..', 'a/b', 'x?y', 'x%2Fy', 'back\\slash', 'see ticket 42'];
/** Valid-looking text an admin keeps next to the IDs: types, requestors, ticket numbers. */
export const ID_LIKE_TEXTS = ['IMPORT_FOLDER', 'alice@example.com', 'TICKET-4312', 'Q3cleanup'];

const jobKinds = (d: Dimensions): JobKind[] => [
  'running',
  ...(d.finishedJobs ? (['completed', 'failed', 'cancelled'] as const) : []),
  ...(d.notFound ? (['not-found'] as const) : []),
  ...(d.foreignLibrary ? (['foreign'] as const) : []),
];

function cancelFaultKinds(d: Dimensions): FaultKind[] {
  return [
    ...(d.transientFaults ? (['503', '409', '429', 'html', 'html-429', 'drop'] as const) : []),
    ...(d.badRequest ? (['400'] as const) : []),
    ...(d.longRetryAfter ? (['429-long'] as const) : []),
    ...(d.lostAnswers ? (['503-after', 'drop-after'] as const) : []),
  ];
}

function faultSteps(kinds: FaultKind[]): fc.Arbitrary<FaultStep[]> {
  if (kinds.length === 0) return fc.constant([]);
  const step = fc.record({ fault: fc.constantFrom(...kinds), times: fc.integer({ min: 1, max: 5 }) });
  // Most jobs answer plainly: faults are the exception, so runs also get far.
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant<FaultStep[]>([]) },
    { weight: 2, arbitrary: fc.array(step, { maxLength: 2 }) },
  );
}

function jobArb(d: Dimensions): fc.Arbitrary<JobSpec> {
  const readKinds = d.readFaults ? cancelFaultKinds(d).filter((k) => k !== '503-after' && k !== 'drop-after') : [];
  return fc.record({
    kind: fc.oneof(
      { weight: 4, arbitrary: fc.constant<JobKind>('running') },
      { weight: 3, arbitrary: fc.constantFrom(...jobKinds(d)) },
    ),
    cancelFaults: faultSteps(cancelFaultKinds(d)),
    readFaults: faultSteps(readKinds),
  });
}

function idCellArb(d: Dimensions, jobCount: number): fc.Arbitrary<IdCell> {
  const options: fc.WeightedArbitrary<IdCell>[] = [
    { weight: 8, arbitrary: fc.integer({ min: 0, max: jobCount - 1 }).map((job) => ({ job })) },
  ];
  if (d.blanks) options.push({ weight: 1, arbitrary: fc.constant({ blank: true as const }) });
  if (d.invalidCells) {
    options.push({ weight: 1, arbitrary: fc.constantFrom(...INVALID_TEXTS).map((invalid) => ({ invalid })) });
  }
  return fc.oneof(...options);
}

function extraTextArb(jobCount: number): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constant(''),
    fc.constantFrom(...ID_LIKE_TEXTS),
    fc.constantFrom(...INVALID_TEXTS),
    // Another job's ID in a note: "see also ...".
    fc.integer({ min: 0, max: jobCount - 1 }).map((job) => `@job${job}`),
  );
}

function earlierArb(): fc.Arbitrary<RowSpec['earlier']> {
  // What an earlier run could truthfully have written; `@status` is replaced by the job's real finished status.
  return fc.constantFrom(
    undefined,
    { status: 'IN_PROGRESS', result: 'AODocs unavailable, try again (503)' },
    { status: 'IN_PROGRESS', result: 'Status read' },
    { status: '@status', result: 'Status read' },
  );
}

function rowArb(d: Dimensions, jobCount: number, extras: number, earlier: boolean): fc.Arbitrary<RowSpec> {
  const copies = fc.oneof(
    { weight: 6, arbitrary: fc.constant(1) },
    ...(d.duplicates ? [{ weight: 2, arbitrary: fc.integer({ min: 2, max: 3 }) }] : []),
    ...(d.manyRowsPerJob ? [{ weight: 1, arbitrary: fc.integer({ min: 4, max: 25 }) }] : []),
  );
  const hidden = d.hiddenRows
    ? fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, fc.constantFrom<'user' | 'filter'>('user', 'filter'))
    : fc.constant(undefined);
  return fc.record({
    id: idCellArb(d, jobCount),
    extras: fc.array(extraTextArb(jobCount), { minLength: extras, maxLength: extras }),
    earlier: earlier ? earlierArb() : fc.constant(undefined),
    hidden,
    copies,
  });
}

function sheetArb(d: Dimensions, jobCount: number): fc.Arbitrary<SheetSpec> {
  const extraColumns = d.extraColumns
    ? fc.subarray<ExtraColumn>(['Type', 'Requestor', 'Notes'])
    : fc.constant<ExtraColumn[]>([]);
  return fc
    .record({
      frozen: d.unfrozenHeader ? fc.boolean() : fc.constant(true),
      extraColumns,
      earlierColumns: d.earlierResults ? fc.boolean() : fc.constant(false),
      idColumnAt: fc.nat(3),
      big: d.thousandsOfRowsPerJob
        ? fc.oneof({ weight: 19, arbitrary: fc.constant(false) }, fc.constant(true))
        : fc.constant(false),
    })
    .chain(({ frozen, extraColumns, earlierColumns, idColumnAt, big }) =>
      fc
        .array(rowArb(d, jobCount, extraColumns.length, earlierColumns), { minLength: 1, maxLength: 10 })
        .map((rows) => ({
          frozen,
          extraColumns,
          earlierColumns,
          idColumnAt: Math.min(idColumnAt, extraColumns.length),
          rows: big ? [...rows, { id: { job: 0 }, extras: extraColumns.map(() => ''), copies: 2001 }] : rows,
        })),
    );
}

/** Row ranges are indices into the sheet's data rows (0 = the first row under the header), clipped later. */
function selectionArb(d: Dimensions): fc.Arbitrary<SelectionSpec> {
  const range = fc.tuple(fc.nat(40), fc.nat(40)).map(([a, b]): [number, number] => [Math.min(a, b), Math.max(a, b)]);
  const kinds: fc.Arbitrary<SelectionSpec>[] = [];
  if (d.selectColumn) kinds.push(fc.boolean().map((withHeader) => ({ kind: 'column' as const, withHeader })));
  if (d.selectCells) {
    kinds.push(fc.array(range, { minLength: 1, maxLength: 3 }).map((ranges) => ({ kind: 'cells' as const, ranges })));
  }
  if (d.selectRows) {
    kinds.push(fc.array(range, { minLength: 1, maxLength: 2 }).map((ranges) => ({ kind: 'rows' as const, ranges })));
  }
  if (kinds.length === 0) kinds.push(fc.constant({ kind: 'column' as const, withHeader: false }));
  return fc.oneof(...kinds);
}

function platformArb(d: Dimensions): fc.Arbitrary<PlatformSpec> {
  const options: fc.Arbitrary<PlatformSpec>[] = [];
  if (d.lockBusy) options.push(fc.constant({ lock: 'busy' as const }));
  if (d.lockBrief) options.push(fc.constant({ lock: 'brief' as const }));
  if (d.quota) options.push(fc.integer({ min: 0, max: 12 }).map((quotaAfter) => ({ quotaAfter })));
  if (d.blocked) options.push(fc.constant({ blocked: true }));
  if (d.misconfigured) {
    options.push(
      fc.constantFrom('security-code', 'domain', 'sign-in').map((misconfigured) => ({
        misconfigured: misconfigured as PlatformSpec['misconfigured'],
      })),
    );
  }
  // Most runs meet a healthy platform.
  return fc.oneof({ weight: 3 * Math.max(1, options.length), arbitrary: fc.constant({}) }, ...options);
}

function settingsArb(d: Dimensions): fc.Arbitrary<SettingsSpec> {
  if (!d.settings) return fc.constant(DEFAULT_SETTINGS);
  return fc.oneof(
    fc.constant(DEFAULT_SETTINGS),
    fc.record({
      chunkSize: fc.integer({ min: 1, max: 20 }),
      chunksInFlight: fc.integer({ min: 1, max: 3 }),
      skipHiddenRows: fc.boolean(),
      skipFinishedRows: fc.boolean(),
      writeLog: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, fc.constant(false)),
    }),
  );
}

function actionArb(d: Dimensions, jobCount: number): fc.Arbitrary<UserAction> | undefined {
  const at = fc.nat(4);
  const row = fc.nat(30);
  const options: fc.Arbitrary<UserAction>[] = [];
  if (d.edit) {
    options.push(fc.record({ beforeChunk: at, do: fc.constant('edit' as const), row, text: idCellArb(d, jobCount) }));
  }
  if (d.sort) {
    options.push(
      fc.record({ beforeChunk: at, do: fc.constant('sort' as const), column: fc.nat(3), ascending: fc.boolean() }),
    );
  }
  if (d.insertRows) {
    options.push(
      fc.record({ beforeChunk: at, do: fc.constant('insert' as const), row, count: fc.integer({ min: 1, max: 3 }) }),
    );
  }
  if (d.deleteRows) {
    options.push(
      fc.record({ beforeChunk: at, do: fc.constant('delete' as const), row, count: fc.integer({ min: 1, max: 3 }) }),
    );
  }
  if (d.stop) {
    options.push(fc.record({ beforeChunk: at, do: fc.constant('stop' as const) }));
    options.push(fc.record({ atRequest: fc.integer({ min: 1, max: 30 }), do: fc.constant('stop' as const) }));
  }
  return options.length === 0 ? undefined : fc.oneof(...options);
}

function runArb(d: Dimensions, jobCount: number): fc.Arbitrary<RunSpec> {
  const action = actionArb(d, jobCount);
  const selects: RunSpec['select'][] = ['same', ...(d.runAgainOnRowsToLookAt ? (['rows-to-look-at'] as const) : [])];
  return fc.record({
    action: fc.oneof(
      { weight: 4, arbitrary: fc.constant<RunSpec['action']>('cancel') },
      fc.constant<RunSpec['action']>('refresh'),
    ),
    select: fc.constantFrom(...selects),
    actions: action ? fc.array(action, { maxLength: 2 }) : fc.constant([]),
  });
}

export function scenarioArb(d: Dimensions): fc.Arbitrary<Scenario> {
  const runAgain = d.runAgain || d.runAgainOnRowsToLookAt;
  return fc.integer({ min: 1, max: 8 }).chain((jobCount) =>
    fc.record({
      jobs: fc.array(jobArb(d), { minLength: jobCount, maxLength: jobCount }),
      sheet: sheetArb(d, jobCount),
      selection: selectionArb(d),
      platform: platformArb(d),
      settings: settingsArb(d),
      runs: fc.array(runArb(d, jobCount), { minLength: 1, maxLength: runAgain ? 3 : 1 }),
    }),
  );
}
