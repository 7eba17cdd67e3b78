// Everything the benchmark measures, in one plain-data object (saved with --save-raw, reread with --from-raw):
// ours at each N with the product defaults, the naive reference, Stop pressed at random moments, the chunk-size
// probe, the tuning runs and their Stop presses, build sizes and the sidebar's time to interactive.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { startSimulator, type SimulatorHandle } from '../simulator/simulator-process';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { modelOurs, roundTripsOf, steadyMax } from './analysis';
import { RssSampler } from './memory';
import { runNaive } from './naive';
import { runOurs } from './ours';
import { pressMoments, runWithStop, type StopSeries } from './stop';
import { IN_FLIGHT_OPTIONS } from './tuning';
import { measureSidebar, type SidebarTiming } from './sidebar-timing';
import { buildSizes, type BuildSize } from './sizes';
import { liveFingerprint, removeSnapshot, snapshotBuild } from './build-snapshot';
import type { ChunkSizeProbe } from './targets';
import type { NaiveRun } from './naive';
import type { OursRun } from './ours';

export const OURS_NS = [100, 1000, 5000];
export const NAIVE_NS = [100, 1000];
export const TUNING_N = 1000;
export const TUNING_CHUNK_SIZES = [10, 20, 40, 50];
const PROBE_N = 100;
const PROBE_CHUNK_SIZES = [5, 50];
/** Stop at the defaults: this many seeded presses, each at a random moment of the whole modelled run. */
export const STOP_PRESSES = 5;
/**
 * Stop over the tuning grid: each press a seeded moment of the chunk round that follows the opening chunk, one in
 * each fifth of it (the chunks in flight leave together when the opening chunk comes back: the brake's worst
 * round), where chunk size x chunks in flight is at most GRID_STOP_MAX_BRAKE (above it the bound says enough).
 */
export const GRID_STOP_PRESSES = 5;
export const GRID_STOP_MAX_BRAKE = 120;

export interface Measurements {
  quick: boolean;
  latencyMs: number;
  chunkSize: number;
  chunksInFlight: number;
  ours: OursRun[];
  naive: NaiveRun[];
  probe: ChunkSizeProbe;
  /** Stop at the defaults, at N = 1,000 (100 with --quick). */
  stops: StopSeries;
  tuningRuns: OursRun[];
  gridStops: StopSeries[];
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
    const stopN = quick ? 100 : TUNING_N;
    const stopRun = ours.find((r) => r.n === stopN)!;
    const runMs = modelOurs(stopRun).runMs;
    const stops: StopSeries = {
      n: stopN,
      chunkSize,
      chunksInFlight,
      window: { fromMs: 0, toMs: runMs, what: 'the whole run' },
      runs: [],
    };
    for (const [i, at] of pressMoments(STOP_PRESSES, 0, runMs, `stop-${chunkSize}x${chunksInFlight}`).entries()) {
      progress(`Stop at N=${stopN}, press ${i + 1}/${STOP_PRESSES} at ${(at / 1000).toFixed(1)} s (modelled)`);
      stops.runs.push(
        await runWithStop(simulator, { n: stopN, chunkSize, chunksInFlight, buildDir, seed: i + 1, press: { at } }),
      );
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
      const trips = roundTripsOf(run.chunks);
      probe.bySize.push({
        chunkSize: size,
        maxCallsPerChunk: Math.max(...run.sheetsCallsPerChunk),
        steadyCallsPerChunk: steadyMax(run.sheetsCallsPerChunk),
        steadyRoundTrips: trips.steady,
        openingRoundTrips: trips.opening,
      });
    }

    const tuningRuns: OursRun[] = [];
    const gridStops: StopSeries[] = [];
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
      for (const run of tuningRuns) {
        // A steady chunk does not depend on the chunks in flight: one window per chunk size.
        const roundMs = modelOurs(run, 1).steadyChunk.total;
        const window = {
          fromMs: 0,
          toMs: roundMs,
          what: 'the chunk round after the opening chunk, one press in each fifth of it',
        };
        for (const k of IN_FLIGHT_OPTIONS) {
          if (run.chunkSize * k > GRID_STOP_MAX_BRAKE) continue;
          const series: StopSeries = { n: TUNING_N, chunkSize: run.chunkSize, chunksInFlight: k, window, runs: [] };
          progress(`Stop over the grid: chunk ${run.chunkSize} x ${k} in flight, ${GRID_STOP_PRESSES} presses`);
          const moments = pressMoments(GRID_STOP_PRESSES, 0, roundMs, `grid-${run.chunkSize}x${k}`, true);
          for (const [i, afterOpening] of moments.entries()) {
            series.runs.push(
              await runWithStop(simulator, {
                n: TUNING_N,
                chunkSize: run.chunkSize,
                chunksInFlight: k,
                buildDir,
                seed: i + 1,
                press: { afterOpening },
              }),
            );
          }
          gridStops.push(series);
        }
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
      stops,
      tuningRuns,
      gridStops,
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
