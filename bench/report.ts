// The benchmark's report: everything the console and docs/bench show, built once from the measurements.
import { analyse, extrapolateNaive, naiveFigures, NResult } from './analysis';
import { Calibration, sensitivityExtras } from './calibration';
import { Measurements, TUNING_N } from './measure';
import { recommend } from './recommend';
import { SensitivityRow, sensitivityRows } from './sensitivity';
import type { SidebarTiming } from './sidebar-timing';
import type { BuildSize } from './sizes';
import type { StopSeries } from './stop';
import { ChunkSizeProbe, TargetCheck, checkTargets } from './targets';
import { TuningRow, tuningRows } from './tuning';

/** Everything the reports show, built from the measurements by `buildReport` (below). */
export interface BenchReport {
  latencyMs: number;
  chunkSize: number;
  chunksInFlight: number;
  results: NResult[];
  targets: TargetCheck[];
  sizes: BuildSize[];
  sidebar: SidebarTiming | undefined;
  tuning: TuningRow[];
  probe: ChunkSizeProbe;
  /** Stop at the defaults (the summary line's sent_after_stop). */
  stops: StopSeries;
  sensitivity: { n: number; rows: SensitivityRow[] };
  recommended: TuningRow | undefined;
  environment: Measurements['environment'];
  /** Figures measured by Settings > Diagnostics that priced this run (--calibrate), if any. */
  calibration?: Calibration;
}

export function buildReport(m: Measurements, calibration?: Calibration): BenchReport {
  const naive = m.naive.map((run) => naiveFigures(run));
  const largest = naive.reduce((a, b) => (b.n > a.n ? b : a));
  const naiveAt = (n: number) => naive.find((f) => f.n === n) ?? extrapolateNaive(largest, n);
  const results: NResult[] = m.ours.map((run) => analyse(run, naiveAt(run.n), m.latencyMs));
  const tuning =
    m.tuningRuns.length > 0 ? tuningRows(m.tuningRuns, m.gridStops, naiveAt(TUNING_N).modelledMs, m.latencyMs) : [];
  const sensitivityRun = m.ours.find((r) => r.n === TUNING_N) ?? m.ours[0];
  const naiveRun = m.naive.find((r) => r.n === sensitivityRun.n) ?? largest.run!;
  return {
    latencyMs: m.latencyMs,
    chunkSize: m.chunkSize,
    chunksInFlight: m.chunksInFlight,
    results,
    targets: checkTargets(results, m.probe, m.stops),
    sizes: m.sizes,
    sidebar: m.sidebar,
    tuning,
    probe: m.probe,
    stops: m.stops,
    sensitivity: {
      n: sensitivityRun.n,
      rows: sensitivityRows(sensitivityRun, naiveRun, m.latencyMs, sensitivityExtras(calibration)),
    },
    recommended: recommend(tuning),
    environment: m.environment,
    calibration,
  };
}
