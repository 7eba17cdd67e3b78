// Everything the benchmark measures, in one plain-data object (saved with --save-raw, reread with --from-raw):
// ours at each N with the product defaults, the naive reference, the chunk-size probe, the tuning runs, build
// sizes and the sidebar's time to interactive.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { startSimulator, type SimulatorHandle } from '../simulator/simulator-process';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { steadyMax } from './analysis';
import { RssSampler } from './memory';
import { runNaive } from './naive';
import { runOurs } from './ours';
import { measureSidebar, type SidebarTiming } from './sidebar-timing';
import { buildSizes, type BuildSize } from './sizes';
import { liveFingerprint, removeSnapshot, snapshotBuild } from './build-snapshot';
import type { ChunkSizeProbe } from './targets';
import type { NaiveRun, OursRun } from './types';

export const OURS_NS = [100, 1000, 5000];
export const NAIVE_NS = [100, 1000];
export const TUNING_N = 1000;
const TUNING_CHUNK_SIZES = [10, 20, 50];
const PROBE_N = 100;
const PROBE_CHUNK_SIZES = [5, 50];

export interface Measurements {
  quick: boolean;
  latencyMs: number;
  chunkSize: number;
  chunksInFlight: number;
  ours: OursRun[];
  naive: NaiveRun[];
  probe: ChunkSizeProbe;
  tuningRuns: OursRun[];
  sizes: BuildSize[];
  sidebar: SidebarTiming | undefined;
  environment: {
    date: string;
    commit: string;
    dirty: boolean;
    node: string;
    cpus: number;
    totalSeconds: number;
    /** The build measured (a snapshot of build/ taken at the start) and whether build/ changed during the run. */
    build: { fingerprint: string; builtAt: string; changedDuringRun: boolean };
  };
}

/** Read-only: which commit the figures are for, and whether the checkout had uncommitted changes. */
function gitState(): { commit: string; dirty: boolean } {
  try {
    const git = (...a: string[]) => execFileSync('git', a, { cwd: path.resolve(__dirname, '..'), encoding: 'utf8' });
    return { commit: git('rev-parse', '--short', 'HEAD').trim(), dirty: git('status', '--porcelain').trim() !== '' };
  } catch {
    return { commit: 'unknown', dirty: false };
  }
}

export async function measureAll(options: {
  quick: boolean;
  latencyMs: number;
  browser: boolean;
  progress: (text: string) => void;
}): Promise<Measurements> {
  const { quick, latencyMs, progress } = options;
  const startedAt = Date.now();
  const chunkSize = DEFAULT_SETTINGS.chunkSize;
  const chunksInFlight = DEFAULT_SETTINGS.chunksInFlight;
  const build = snapshotBuild();
  const buildDir = build.dir;
  const memory = new RssSampler();
  let simulator: SimulatorHandle | undefined;
  try {
    const sizes = buildSizes(buildDir);
    let sidebar: SidebarTiming | undefined;
    if (options.browser) {
      progress('sidebar time to interactive');
      sidebar = await measureSidebar(buildDir);
    }
    simulator = await startSimulator({ latencyMs });
    const ours: OursRun[] = [];
    for (const n of quick ? [100] : OURS_NS) {
      progress(`ours N=${n} (chunk ${chunkSize}, ${chunksInFlight} in flight)`);
      ours.push(await runOurs(simulator, memory, { n, chunkSize, chunksInFlight, buildDir }));
    }
    const naive: NaiveRun[] = [];
    for (const n of quick ? [100] : NAIVE_NS) {
      progress(`naive N=${n} (one execution, ~${Math.round((n * latencyMs) / 1000)} s of requests)`);
      naive.push(await runNaive(simulator, memory, n, buildDir));
    }

    progress(`chunk-size probe N=${PROBE_N} at chunk sizes ${PROBE_CHUNK_SIZES.join(', ')}`);
    const probe: ChunkSizeProbe = { n: PROBE_N, bySize: [] };
    for (const size of PROBE_CHUNK_SIZES) {
      const run = await runOurs(simulator, memory, { n: PROBE_N, chunkSize: size, chunksInFlight: 1, buildDir });
      probe.bySize.push({
        chunkSize: size,
        maxCallsPerChunk: Math.max(...run.sheetsCallsPerChunk),
        steadyCallsPerChunk: steadyMax(run.sheetsCallsPerChunk),
      });
    }

    const tuningRuns: OursRun[] = [];
    if (!quick) {
      for (const size of TUNING_CHUNK_SIZES) {
        const same = ours.find((r) => r.n === TUNING_N && r.chunkSize === size);
        if (same) {
          tuningRuns.push(same);
          continue;
        }
        progress(`tuning N=${TUNING_N} chunk ${size}`);
        tuningRuns.push(await runOurs(simulator, memory, { n: TUNING_N, chunkSize: size, chunksInFlight, buildDir }));
      }
    }

    const changedDuringRun = liveFingerprint() !== build.fingerprint;
    if (changedDuringRun)
      progress(
        `build/ changed during the run: the figures are for the snapshot taken at the start (${build.fingerprint})`,
      );
    return {
      quick,
      latencyMs,
      chunkSize,
      chunksInFlight,
      ours,
      naive,
      probe,
      tuningRuns,
      sizes,
      sidebar,
      environment: {
        date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
        ...gitState(),
        node: process.versions.node,
        cpus: os.cpus().length,
        totalSeconds: (Date.now() - startedAt) / 1000,
        build: { fingerprint: build.fingerprint, builtAt: build.builtAt, changedDuringRun },
      },
    };
  } finally {
    await memory.stop();
    await simulator?.close();
    removeSnapshot(build);
  }
}
