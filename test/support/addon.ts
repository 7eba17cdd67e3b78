// The add-on as it really runs: build/Code.js in the Apps Script emulator, its UrlFetchApp going over real
// sockets to the AODocs simulator (production URL routed to it), and runs driven by the sidebar's own
// run driver (src/client/run-driver.ts), so chunking, stop and resend are the sidebar's.
import {
  AppsScriptEnvironment,
  AppsScriptEnvironmentOptions,
  createAppsScriptEnvironment,
} from '../../playground/gas/environment';
import { LoadedBundle, loadBundle } from '../../playground/gas/bundle-loader';
import { SHEETS_SERVICES } from '../../playground/gas/call-counter';
import { SimulatorHandle, startSimulator } from '../../playground/aodocs/simulator-process';
import { DEMO_ADMIN_EMAIL } from '../../playground/aodocs/demo-seed';
import type { SimulatorOptions } from '../../playground/aodocs/options';
import { RunEnd, runJobs } from '../../src/client/run-driver';
import { PRODUCTION_BASE_URL } from '../../src/core/settings';
import type { ChunkRequest, ChunkResult, JobAction, PlanAnswer, SelectionPlan } from '../../src/shared/api';

export interface Addon {
  env: AppsScriptEnvironment;
  bundle: LoadedBundle;
  simulator: SimulatorHandle;
  plan(): PlanAnswer;
  /** Reads the selection and runs the whole plan as the sidebar does. */
  run(action: JobAction, options?: RunOptions): Promise<{ plan: SelectionPlan; end: RunEnd; chunks: ChunkRequest[] }>;
  sheetsCalls(): number;
  close(): Promise<void>;
}

export interface RunOptions {
  chunkSize?: number;
  chunksInFlight?: number;
  /** Called before each chunk is sent (tests edit the sheet here, as a user would mid-run). */
  beforeChunk?: (index: number) => void;
  stopAfterChunks?: number;
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
  const plan = () => bundle.callFromClient('readSelectionPlan') as PlanAnswer;
  return {
    env,
    bundle,
    simulator,
    plan,
    async run(action, runOptions = {}) {
      const answer = plan();
      if (!answer.ok) throw new Error(`no plan: ${answer.message}`);
      const chunks: ChunkRequest[] = [];
      const end = await runJobs({
        plan: answer.plan,
        action,
        chunkSize: runOptions.chunkSize ?? 20,
        chunksInFlight: runOptions.chunksInFlight ?? 2,
        send: async (request) => {
          runOptions.beforeChunk?.(chunks.length);
          chunks.push(request);
          return bundle.callFromClient('runChunk', request) as ChunkResult;
        },
        onProgress: () => undefined,
        stopRequested: () => runOptions.stopAfterChunks !== undefined && chunks.length >= runOptions.stopAfterChunks,
      });
      return { plan: answer.plan, end, chunks };
    },
    sheetsCalls: () => env.counter.total(...SHEETS_SERVICES),
    async close() {
      env.close();
      if (!options.simulatorHandle) await simulator.close();
    },
  };
}
