// The dimensions the generators may draw from, each switchable, so the suite can be narrowed to what the product
// handles today and widened as fixes land. `FC_DIMS` (or `--dims` of `npm run test:properties`) picks them:
// `ci` (the default: what CI runs), `all`, or either followed by `+name`/`-name` changes, e.g. `ci,+lockBusy`.

export interface Dimensions {
  // The sheet.
  /** Row 1 not frozen (the header is found by its text). */
  unfrozenHeader: boolean;
  /** Type, Requestor and Notes columns next to the IDs, holding text that looks like job IDs. */
  extraColumns: boolean;
  blanks: boolean;
  /** Cells in the ID column that are not job IDs. */
  invalidCells: boolean;
  /** The same job on two or three rows. */
  duplicates: boolean;
  /** One job on up to 25 rows. */
  manyRowsPerJob: boolean;
  /** One job on more than 2,000 rows (a big, slow run). */
  thousandsOfRowsPerJob: boolean;
  hiddenRows: boolean;
  /** Status and Result columns already there, with what an earlier run wrote. */
  earlierResults: boolean;
  // The selection.
  /** A range of the ID column. */
  selectColumn: boolean;
  /** Several ranges of cells in the ID column. */
  selectCells: boolean;
  /** Whole rows (as "Select rows that need a look" selects). */
  selectRows: boolean;
  // AODocs, per job.
  /** Jobs already COMPLETED, FAILED or CANCELLED (cancel answers 412). */
  finishedJobs: boolean;
  /** Unknown IDs (404). */
  notFound: boolean;
  /** Jobs of a library the user does not administer (403). */
  foreignLibrary: boolean;
  /** 503, 409 retryable, 429 (Retry-After 1 s) and proxy HTML pages, before the cancel takes effect. */
  transientFaults: boolean;
  /** 400 for a job AODocs could cancel. */
  badRequest: boolean;
  /** 429 with Retry-After 60 s. */
  longRetryAfter: boolean;
  /** 5xx after the cancel took effect, dropped connections before or after it. */
  lostAnswers: boolean;
  /** Faults on reading a job back too. */
  readFaults: boolean;
  // The platform.
  /** The document lock held by another run, for the whole run. */
  lockBusy: boolean;
  /** The document lock held for a while, then free. */
  lockBrief: boolean;
  /** UrlFetch's daily quota running out after k requests. */
  quota: boolean;
  /** Outside requests blocked (every request throws the same exception). */
  blocked: boolean;
  /** A wrong security code, a wrong domain, sign-in refused. */
  misconfigured: boolean;
  // The user, mid-run.
  edit: boolean;
  sort: boolean;
  insertRows: boolean;
  deleteRows: boolean;
  /** Stop between chunks or while AODocs is being asked. */
  stop: boolean;
  /** Run again with the same selection. */
  runAgain: boolean;
  /** Run again on the rows that need a look (whole rows). */
  runAgainOnRowsToLookAt: boolean;
  /** Chunk size, chunks in flight, skip hidden/finished rows, log on or off. */
  settings: boolean;
  // What the oracle expects beyond what every run must hold.
  /** Run again says `Cancelled`, not `Already cancelled`, for a job an earlier run of this user cancelled. */
  rerunRemembers: boolean;
  /** A request that reads no status leaves Status, Completed, the counters and the dates as they were. */
  statusKept: boolean;
}

export type DimensionName = keyof Dimensions;

export const ALL: Dimensions = {
  unfrozenHeader: true,
  extraColumns: true,
  blanks: true,
  invalidCells: true,
  duplicates: true,
  manyRowsPerJob: true,
  thousandsOfRowsPerJob: true,
  hiddenRows: true,
  earlierResults: true,
  selectColumn: true,
  selectCells: true,
  selectRows: true,
  finishedJobs: true,
  notFound: true,
  foreignLibrary: true,
  transientFaults: true,
  badRequest: true,
  longRetryAfter: true,
  lostAnswers: true,
  readFaults: true,
  lockBusy: true,
  lockBrief: true,
  quota: true,
  blocked: true,
  misconfigured: true,
  edit: true,
  sort: true,
  insertRows: true,
  deleteRows: true,
  stop: true,
  runAgain: true,
  runAgainOnRowsToLookAt: true,
  settings: true,
  rerunRemembers: true,
  statusKept: true,
};

/**
 * Off in CI while a known failure of theirs is not fixed, each with why (replay it with `--dims ci,+<name>`).
 * Every other dimension is on: the defects it found are fixed.
 */
export const OFF_IN_CI: Partial<Record<DimensionName, string>> = {
  misconfigured:
    'a wrong domain with transient answers (503s) among the first cancels and read-backs reaches AODocs 11 times: ' +
    'every 400 is read back, and the retries add up (seed 1010, path 765:...). A dropped connection with a wrong ' +
    'domain or security code is fixed (test/bundle/misconfigured-drop.test.ts).',
};

export const CI: Dimensions = Object.fromEntries(
  Object.entries(ALL).map(([name, on]) => [name, on && !(name in OFF_IN_CI)]),
) as unknown as Dimensions;

/** `ci`, `all`, `none`, optionally followed by `,+name` / `,-name`. */
export function parseDimensions(text: string | undefined): Dimensions {
  const [base, ...changes] = (text ?? 'ci')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bases: Record<string, Dimensions> = {
    ci: CI,
    all: ALL,
    none: Object.fromEntries(Object.keys(ALL).map((k) => [k, false])) as unknown as Dimensions,
  };
  const dims = { ...(bases[base ?? 'ci'] ?? failWith(`unknown dimension set '${base}': use ci, all or none`)) };
  for (const change of changes) {
    const name = change.slice(1) as DimensionName;
    if (!(name in ALL) || !['+', '-'].includes(change[0])) {
      failWith(`'${change}' is not +name or -name with name one of ${Object.keys(ALL).join(', ')}`);
    }
    dims[name] = change[0] === '+';
  }
  return dims;
}

/** The shortest `--dims` text for `dims` (printed with a failure, so that its replay draws the same runs). */
export function describeDimensions(dims: Dimensions): string {
  const from = (base: string, set: Dimensions) => [
    base,
    ...(Object.keys(ALL) as DimensionName[]).filter((k) => dims[k] !== set[k]).map((k) => (dims[k] ? '+' : '-') + k),
  ];
  const ci = from('ci', CI);
  const all = from('all', ALL);
  return (ci.length <= all.length ? ci : all).join(',');
}

function failWith(message: string): never {
  throw new Error(`FC_DIMS: ${message}`);
}
