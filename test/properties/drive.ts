// Plays one scenario through the built bundle in the emulator against the shared simulator, the way
// test/support/addon.ts runs the add-on (the sidebar's own run driver), and records what the oracle needs:
// the sheet around every chunk, the requests AODocs received, the jobs' states, the log sheet, the run's end.
// The oracle judges each run as soon as it ends; the first run with a violation ends the scenario.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_BUILD_DIR } from '../../emulator/environment';
import type { FetchLogEntry } from '../../emulator/services/url-fetch/url-fetch-app';
import type { ContractViolation } from '../../simulator/contract';
import type { Dimensions } from './dimensions';
import type { RequestLogEntry } from '../../simulator/request-log';
import type { SimulatorHandle } from '../../simulator/simulator-process';
import type { StoredJob } from '../../simulator/types';
import { RunEnd, runJobs } from '../../src/client/run-driver';
import { LOG_SHEET_NAME } from '../../src/core/log-rows';
import { rowsToLookAt } from '../../src/core/next-steps';
import type { ChunkRequest, ChunkResult, SelectionPlan } from '../../src/shared/api';
import { Addon, startAddon } from '../support/addon';
import { Violation, judgeRun } from './oracle';
import { readPlan } from './plan-reading';
import type { RunSpec, Scenario, UserAction } from './scenario';
import { World, buildWorld, cellText, HEADER_ROW, SHEET_NAME } from './world';

export type Grid = unknown[][];

/** One chunk as the sheet saw it: the sheet just before runChunk (after the user's edits) and just after. */
export interface Segment {
  request: ChunkRequest;
  before: Grid;
  after: Grid;
  /** The user changed the sheet (edit, sort, insert, delete) earlier in this run. */
  sheetEditedSoFar: boolean;
  error?: string;
}

export interface RunRecord {
  index: number;
  spec: RunSpec;
  /** Rows and columns (undefined: all) the selection covered when the plan was read. */
  selectedRows: Set<number>;
  selectedColumns?: Set<number>;
  /** The sheet when the plan was read. */
  atPlan: Grid;
  plan?: SelectionPlan;
  planRefused?: string;
  end?: RunEnd;
  segments: Segment[];
  actionsDone: UserAction[];
  /** Requests AODocs received during the run, and those the script sent (with the emulator's clock). */
  received: RequestLogEntry[];
  fetched: FetchLogEntry[];
  /** Index in `fetched` of the first request sent after Stop was pressed. */
  stopPressedAt?: number;
  /** The platform was broken on purpose during this run (busy lock, quota, blocked, misconfigured). */
  platformTrouble: boolean;
  jobsAfter: Map<string, StoredJob | undefined>;
  contractViolations: ContractViolation[];
  logRowsAdded: Grid;
  logHeader: string[];
  settings: Scenario['settings'];
}

export interface ScenarioRecord {
  scenario: Scenario;
  dims: Dimensions;
  world: World;
  jobsAtStart: Map<string, StoredJob | undefined>;
  runs: RunRecord[];
}

export class OracleFailure extends Error {
  constructor(
    readonly violations: Violation[],
    readonly record: ScenarioRecord,
  ) {
    super(
      `${violations.length} oracle violation(s) in run ${record.runs.length} of ${record.scenario.runs.length}:\n` +
        violations.map((v) => `  [${v.check}] ${v.message}`).join('\n') +
        (process.env.FC_VERBOSE ? `\n${narrate(record)}` : ''),
    );
  }
}

/** What each run did, for FC_VERBOSE=1: requests received, results, how it ended. */
export function narrate(record: ScenarioRecord): string {
  const name = (id: string) => `job${record.world.jobIds.indexOf(id)}`;
  return record.runs
    .map((run) => {
      const requests = run.received.map((e) => {
        const id = decodeURIComponent(e.path.split('/job/v1/')[1]?.split('/')[0] ?? '');
        return `${e.operation} ${name(id)} ${e.status ?? 'dropped'}${e.fault ? ` (${e.fault})` : ''}`;
      });
      const results = (run.end?.results ?? []).map((r) => `${name(r.jobId)}: ${r.result} [${r.outcome}]`);
      return [
        `run ${run.index + 1} (${run.spec.action}): plan ${run.plan ? `${run.plan.jobs.length} jobs` : run.planRefused}`,
        `  chunks: ${run.segments.map((s) => s.request.jobs.map((j) => name(j.jobId)).join('+') || '-').join(' | ')}`,
        `  requests: ${requests.join(', ')}`,
        `  results: ${results.join('; ')}`,
        `  end: ${run.end?.stoppedBecause ?? 'finished'} (not sent ${run.end?.notSent ?? '-'})`,
      ].join('\n');
    })
    .join('\n');
}

/** A copy of build/ whose Code.js went through `patch` (to prove that the oracle catches a broken bundle). */
export function patchedBuild(patch: (code: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'broken-build-'));
  for (const name of readdirSync(DEFAULT_BUILD_DIR)) copyFileSync(join(DEFAULT_BUILD_DIR, name), join(dir, name));
  writeFileSync(join(dir, 'Code.js'), patch(readFileSync(join(DEFAULT_BUILD_DIR, 'Code.js'), 'utf8')));
  return dir;
}

const RUN_IDS = (n: number) => n.toString(16).padStart(24, '0');

function snapshot(addon: Addon): Grid {
  return addon.env.spreadsheet.sheet(SHEET_NAME).values();
}

function logSheet(addon: Addon): Grid {
  return addon.env.spreadsheet.sheetNames().includes(LOG_SHEET_NAME)
    ? addon.env.spreadsheet.sheet(LOG_SHEET_NAME).values()
    : [];
}

function applyAction(addon: Addon, world: World, action: UserAction): boolean {
  const sheet = addon.env.spreadsheet.sheet(SHEET_NAME);
  const dataRows = Math.max(1, sheet.values().length - HEADER_ROW);
  const rowOf = (n: number) => HEADER_ROW + 1 + (n % dataRows);
  switch (action.do) {
    case 'edit':
      sheet.type(rowOf(action.row), world.idColumn, cellText(action.text, world.jobIds));
      return true;
    case 'sort':
      sheet.sortRows(HEADER_ROW + 1, 1 + (action.column % world.header.length), action.ascending);
      return true;
    case 'insert':
      sheet.insertRowsBefore(rowOf(action.row), action.count);
      return true;
    case 'delete': {
      const row = rowOf(action.row);
      // Never the last rows of the grid: Sheets refuses to delete every non-frozen row.
      const count = Math.min(action.count, sheet.values().length - row + 1);
      if (count > 0 && sheet.values().length > row) sheet.deleteRows(row, count);
      return count > 0;
    }
    default:
      return false;
  }
}

interface Platform {
  blocked: boolean;
  stopAtRequest?: number;
  requests: number;
  onStop?: () => void;
}

async function setUpPlatform(addon: Addon, scenario: Scenario, platform: Platform): Promise<void> {
  const { env } = addon;
  const spec = scenario.platform;
  if (spec.lock === 'busy') env.locks.holdFromOutside('document');
  if (spec.lock === 'brief') env.locks.holdFromOutside('document', 30_000);
  if (spec.quotaAfter !== undefined) env.urlFetch.options.dailyQuota = spec.quotaAfter;
  platform.blocked = spec.blocked === true;
  if (spec.misconfigured === 'security-code') {
    expectSaved(addon.saveSettings({ authMode: 'security-code', securityCode: 'not-a-real-code' }));
  }
  if (spec.misconfigured === 'domain') {
    await addon.simulator.setOptions({ domains: ['example.com'] });
    expectSaved(addon.saveSettings({ domain: 'wrong-domain.example' }));
  }
  env.urlFetch.options.beforeRequest = () => {
    platform.requests++;
    if (platform.stopAtRequest !== undefined && platform.requests === platform.stopAtRequest) platform.onStop?.();
    if (platform.blocked) throw new Error('Request to the AODocs API was blocked by your organization');
  };
}

/** What the user does when the sidebar names the platform's problem: it gets fixed before Run again. */
function fixPlatform(addon: Addon, scenario: Scenario, platform: Platform): void {
  const { env } = addon;
  env.locks.releaseFromOutside('document');
  env.urlFetch.options.dailyQuota = undefined;
  env.urlFetch.resetQuota();
  platform.blocked = false;
  if (scenario.platform.misconfigured === 'security-code')
    expectSaved(addon.saveSettings({ authMode: 'identity-token' }));
  if (scenario.platform.misconfigured === 'domain') expectSaved(addon.saveSettings({ domain: '' }));
  if (scenario.platform.misconfigured === 'sign-in') {
    env.scriptApp.setIdentityToken({ aud: 'someone-else.apps.googleusercontent.com' });
  }
}

function expectSaved(answer: { ok: boolean }): void {
  if (!answer.ok) throw new Error(`settings not saved: ${JSON.stringify(answer)}`);
}

export interface DriveOptions {
  simulator: SimulatorHandle;
  /** A build directory other than build/ (a deliberately broken bundle). */
  buildDir?: string;
  /** The dimensions the scenario was drawn from (some of them tell the oracle what to expect). */
  dims: Dimensions;
}

/** Plays the scenario; throws OracleFailure at the first run the oracle finds fault with. */
export async function playScenario(scenario: Scenario, options: DriveOptions): Promise<ScenarioRecord> {
  const world = buildWorld(scenario);
  const sim = options.simulator;
  await sim.reset(world.seed);
  await sim.setFaults({ targeted: world.faults });
  const addon = await startAddon({
    simulatorHandle: sim,
    env: { clock: 'virtual', ...(options.buildDir ? { buildDir: options.buildDir } : {}) },
  });
  const record: ScenarioRecord = {
    scenario,
    dims: options.dims,
    world,
    jobsAtStart: await jobStates(sim, world),
    runs: [],
  };
  try {
    const sheet = addon.env.spreadsheet.addSheet(SHEET_NAME, [world.header, ...world.rows]);
    if (scenario.sheet.frozen) sheet.setFrozenRows(HEADER_ROW);
    for (const row of world.hiddenByUser) sheet.hideRowsByUser(row, 1);
    if (world.hiddenByFilter.length > 0) sheet.hideRowsByFilter(world.hiddenByFilter);
    addon.env.spreadsheet.select(SHEET_NAME, world.selection);
    expectSaved(addon.saveSettings(scenario.settings));
    const platform: Platform = { blocked: false, requests: 0 };
    await setUpPlatform(addon, scenario, platform);

    let selectedRows = world.selectedRows;
    let selectedColumns = world.selectedColumns;
    for (const [index, spec] of scenario.runs.entries()) {
      if (index > 0) {
        fixPlatform(addon, scenario, platform);
        const previous = record.runs[index - 1];
        const rows = previous.end ? rowsToLookAt(previous.end.results) : [];
        if (spec.select === 'rows-to-look-at' && previous.plan && rows.length > 0) {
          addon.bundle.callFromClient('selectRows', { sheetId: previous.plan.sheetId, rows });
          selectedRows = new Set(rows);
          selectedColumns = undefined;
        }
      }
      const run = await playRun(addon, world, scenario, spec, index, platform, { selectedRows, selectedColumns });
      record.runs.push(run);
      const violations = judgeRun(record);
      if (violations.length > 0) throw new OracleFailure(violations, record);
    }
    return record;
  } finally {
    await addon.close();
  }
}

async function jobStates(sim: SimulatorHandle, world: World): Promise<Map<string, StoredJob | undefined>> {
  const states = new Map<string, StoredJob | undefined>();
  for (const id of world.jobIds) states.set(id, await sim.getJob(id));
  return states;
}

async function playRun(
  addon: Addon,
  world: World,
  scenario: Scenario,
  spec: RunSpec,
  index: number,
  platform: Platform,
  selection: { selectedRows: Set<number>; selectedColumns?: Set<number> },
): Promise<RunRecord> {
  const { env, bundle, simulator } = addon;
  await simulator.clearRequestLog();
  await simulator.clearViolations();
  // A run starts a while after the last one (the virtual clock moves only when the script waits): its rows'
  // `Checked at` differ from the earlier run's, so a row it wrote is seen as written.
  env.clock.advance(60_000);
  const fetchedFrom = env.urlFetch.log.length;
  const logBefore = logSheet(addon).length;
  const run: RunRecord = {
    index,
    spec,
    ...selection,
    atPlan: snapshot(addon),
    segments: [],
    actionsDone: [],
    received: [],
    fetched: [],
    platformTrouble:
      index === 0 &&
      (scenario.platform.lock === 'busy' ||
        scenario.platform.quotaAfter !== undefined ||
        scenario.platform.blocked === true ||
        scenario.platform.misconfigured !== undefined),
    jobsAfter: new Map(),
    contractViolations: [],
    logRowsAdded: [],
    logHeader: [],
    settings: scenario.settings,
  };
  const runId = RUN_IDS(index + 1);
  let stopPressed = false;
  const pressStop = () => {
    if (stopPressed) return;
    stopPressed = true;
    run.stopPressedAt = env.urlFetch.log.length - fetchedFrom;
    // Stop reaches the server while a chunk is under way, as the sidebar's stopRun call does.
    env.caches.user().set(`run-stopped:${runId}`, { value: '1', expiresAt: env.clock.now() + 6 * 3600_000 });
  };
  const midRequestStop = spec.actions.find((a): a is Extract<UserAction, { atRequest: number }> => 'atRequest' in a);
  platform.stopAtRequest = midRequestStop ? platform.requests + midRequestStop.atRequest : undefined;
  platform.onStop = pressStop;

  const reading = await readPlan(addon, world.idColumn);
  if (reading.ok) {
    run.plan = reading.plan;
    let chunk = 0;
    let edited = false;
    run.end = await runJobs({
      plan: reading.plan,
      action: spec.action,
      chunkSize: reading.plan.chunkSize,
      chunksInFlight: reading.plan.chunksInFlight,
      runId,
      // A pause AODocs asks for (long Retry-After) passes on the emulator's virtual clock, which the requests'
      // times are read from: the oracle sees the wait, and the suite does not spend it for real.
      now: () => env.clock.now(),
      sleep: async (ms) => env.clock.advance(ms),
      send: async (request): Promise<ChunkResult> => {
        for (const action of spec.actions) {
          if ('beforeChunk' in action && action.beforeChunk === chunk && action.do !== 'stop') {
            if (applyAction(addon, world, action)) {
              run.actionsDone.push(action);
              edited = true;
            }
          }
        }
        chunk++;
        const segment: Segment = { request, before: snapshot(addon), after: [], sheetEditedSoFar: edited };
        run.segments.push(segment);
        try {
          return bundle.callFromClient('runChunk', request) as ChunkResult;
        } catch (error) {
          segment.error = (error as Error).message;
          throw error;
        } finally {
          segment.after = snapshot(addon);
        }
      },
      onProgress: () => undefined,
      stopRequested: () => {
        if (spec.actions.some((a) => 'beforeChunk' in a && a.do === 'stop' && a.beforeChunk <= chunk)) pressStop();
        return stopPressed;
      },
      stopOnServer: async (id) => bundle.callFromClient('stopRun', id),
    });
  } else {
    run.planRefused = reading.message;
  }
  platform.stopAtRequest = undefined;
  run.received = await simulator.requestLog();
  run.fetched = env.urlFetch.log.slice(fetchedFrom);
  run.jobsAfter = await jobStates(simulator, world);
  run.contractViolations = await simulator.violations();
  const log = logSheet(addon);
  run.logHeader = (log[0] ?? []).map(String);
  run.logRowsAdded = log.slice(Math.max(1, logBefore));
  return run;
}
