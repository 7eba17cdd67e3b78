// The add-on as it really runs: build/Code.js in the Apps Script emulator, its UrlFetchApp going over real
// sockets to the AODocs simulator (production URL routed to it), and runs driven by the sidebar's own
// run driver (src/client/run-driver.ts), so chunking, stop and resend are the sidebar's.
import {
  AppsScriptEnvironment,
  AppsScriptEnvironmentOptions,
  createAppsScriptEnvironment,
} from '../../emulator/environment';
import { LoadedBundle, loadBundle } from '../../emulator/bundle-loader';
import { SHEETS_SERVICES } from '../../emulator/call-counter';
import { SimulatorHandle, startSimulator } from '../../simulator/simulator-process';
import { DEMO_ADMIN_EMAIL } from '../../simulator/demo-seed';
import type { SimulatorOptions } from '../../simulator/options';
import { RunEnd, runJobs } from '../../src/client/run-driver';
import { readPlanWithHiddenRows } from '../../src/client/plan-driver';
import { PARALLEL_CALLS, PRODUCTION_BASE_URL } from '../../src/core/settings';
import type {
  ChunkRequest,
  ChunkResult,
  FinalPlanAnswer,
  JobAction,
  KnownHiddenRows,
  PlanAnswer,
  SaveSettingsAnswer,
  SelectionPlan,
  SettingsInput,
  SettingsView,
} from '../../src/shared/api';

export interface Addon {
  env: AppsScriptEnvironment;
  bundle: LoadedBundle;
  simulator: SimulatorHandle;
  /** One readSelectionPlan call, as it answers (a large selection asks for its hidden rows to be checked). */
  plan(known?: KnownHiddenRows): PlanAnswer;
  /** The plan as the sidebar gets it: hidden rows checked in parallel pieces when the server asks for that. */
  readPlan(): Promise<FinalPlanAnswer>;
  /** Reads the selection and runs the whole plan as the sidebar does. */
  run(action: JobAction, options?: RunOptions): Promise<{ plan: SelectionPlan; end: RunEnd; chunks: ChunkRequest[] }>;
  sheetsCalls(): number;
  /** Saves the current user's settings with `change` applied, as the settings form does. */
  saveSettings(change: Partial<SettingsInput>): SaveSettingsAnswer;
  close(): Promise<void>;
}

export interface RunOptions {
  chunkSize?: number;
  chunksInFlight?: number;
  /** Called before each chunk is sent (tests edit the sheet here, as a user would mid-run). */
  beforeChunk?: (index: number) => void;
  stopAfterChunks?: number;
  /** The run driver's clock and sleep (a pause AODocs asks for passes at once with fake ones). */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export async function startAddon(
  options: { simulator?: SimulatorOptions; env?: AppsScriptEnvironmentOptions; simulatorHandle?: SimulatorHandle } = {},
): Promise<Addon> {
  const simulator = options.simulatorHandle ?? (await startSimulator(options.simulator));
  const env = createAppsScriptEnvironment({
    userEmail: DEMO_ADMIN_EMAIL,
    ...options.env,
    urlFetch: { routes: { [PRODUCTION_BASE_URL]: simulator.url }, ...options.env?.urlFetch },
  });
  const bundle = loadBundle(env);
  const plan = (known?: KnownHiddenRows) =>
    (known
      ? bundle.callFromClient('readSelectionPlan', known)
      : bundle.callFromClient('readSelectionPlan')) as PlanAnswer;
  const readPlan = () =>
    readPlanWithHiddenRows({
      readPlan: async (...known) => plan(...known),
      readHiddenRows: async (request) => bundle.callFromClient('readHiddenRows', request) as number[],
      inFlight: PARALLEL_CALLS,
    });
  return {
    env,
    bundle,
    simulator,
    plan,
    readPlan,
    async run(action, runOptions = {}) {
      const answer = await readPlan();
      if (answer.ok !== true) throw new Error(`no plan: ${JSON.stringify(answer)}`);
      const chunks: ChunkRequest[] = [];
      const end = await runJobs({
        plan: answer.plan,
        action,
        chunkSize: runOptions.chunkSize ?? answer.plan.chunkSize,
        chunksInFlight: runOptions.chunksInFlight ?? answer.plan.chunksInFlight,
        send: async (request) => {
          runOptions.beforeChunk?.(chunks.length);
          chunks.push(request);
          return bundle.callFromClient('runChunk', request) as ChunkResult;
        },
        onProgress: () => undefined,
        stopRequested: () => runOptions.stopAfterChunks !== undefined && chunks.length >= runOptions.stopAfterChunks,
        now: runOptions.now,
        sleep: runOptions.sleep,
      });
      return { plan: answer.plan, end, chunks };
    },
    sheetsCalls: () => env.counter.total(...SHEETS_SERVICES),
    saveSettings(change) {
      const {
        securityCodeSaved: _s,
        allowedUrlPrefixes: _a,
        ...current
      } = bundle.callFromClient('getSettings') as SettingsView;
      return bundle.callFromClient('saveSettings', { ...current, ...change }) as SaveSettingsAnswer;
    },
    async close() {
      env.close();
      if (!options.simulatorHandle) await simulator.close();
    },
  };
}
