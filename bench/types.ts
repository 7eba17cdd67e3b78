// What the benchmark measures and reports, shared by the scenarios, the model and the reports.
import type { NResult } from './analysis';
import type { Calibration } from './calibration';
import type { Measurements } from './measure';
import type { StopSeries } from './stop';
import type { SensitivityRow } from './sensitivity';
import type { SidebarTiming } from './sidebar-timing';
import type { BuildSize } from './sizes';
import type { ChunkSizeProbe, TargetCheck } from './targets';
import type { TuningRow } from './tuning';

/** One fetch or fetchAll call of an execution: how many requests, and its wall time over real sockets. */
export interface FetchCall {
  requests: number;
  durationMs: number;
}

/** One server execution as the emulator ran it. */
export interface ExecutionMeasure {
  functionName: string;
  wallMs: number;
  ok: boolean;
  error?: string;
  /** Service calls by "Service.method" made during this execution. */
  calls: Record<string, number>;
  cellsRead: number;
  cellsWritten: number;
  fetchCalls: FetchCall[];
}

export interface RunCounts {
  executions: number;
  urlFetchRequests: number;
  /** Distinct job IDs among the URLs requested. */
  distinctJobIdsRequested: number;
  /** Job IDs requested more than once. */
  repeatedJobIds: number;
  /** Sheets calls by "Service.method", summed over the run. */
  sheetsCalls: Record<string, number>;
  sheetsCallsTotal: number;
}

export interface MemoryPeak {
  /** Highest process RSS sampled every 20 ms by a worker thread (covers the emulator, its HTTP worker and the simulator). */
  rssMb: number;
  /** Highest heapUsed of the main thread, sampled after each execution. */
  heapUsedMb: number;
}

export interface OursRun {
  n: number;
  chunkSize: number;
  chunksInFlight: number;
  measuredWallMs: number;
  /**
   * The plan as the sidebar reads it: each readSelectionPlan execution, and the readHiddenRows pieces that followed
   * it (run `chunksInFlight` at a time), before the next readSelectionPlan.
   */
  planSteps: { plan: ExecutionMeasure; hiddenPieces: ExecutionMeasure[] }[];
  chunks: ExecutionMeasure[];
  /** Jobs of each chunk, in the order sent: the first is the opening chunk of slow start. */
  chunkJobs: number[];
  counts: RunCounts;
  /** Sheets calls of each runChunk execution. */
  sheetsCallsPerChunk: number[];
  finished: number;
  notSent: number;
  /** Rows whose Result cell reads "Cancelled". */
  rowsCancelled: number;
  memory: MemoryPeak;
}

export interface NaiveRun {
  n: number;
  measuredWallMs: number;
  execution: ExecutionMeasure;
  counts: RunCounts;
  /** Rows whose status cell reads CANCELLED. */
  rowsCancelled: number;
  memory: MemoryPeak;
}

/** Everything the reports show, built from the measurements by `buildReport` (bench/run.ts). */
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
