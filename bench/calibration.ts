// `npm run bench -- --calibrate <file>`: prices the model with figures measured on the real platform by Settings >
// Diagnostics (src/core/diagnostics.ts writes the block) instead of the assumptions of bench/cost-model.ts.
import fs from 'node:fs';
import { CostParams } from './cost-model';

/** What the bench reads of the Diagnostics block. */
export interface Calibration {
  file: string;
  measuredAt: string;
  /** The median google.script.run round trip of an empty call. */
  executionStartMs: number;
  /** Its 90th percentile, when the block has it (Diagnostics measures it): the sensitivity table prices it too. */
  roundTripP90Ms?: number;
  /** One request as Apps Script timed it, AODocs' own time included. */
  fetchHopMs: number;
  /**
   * fetchAll of 1 to 40 requests fitted as a line (ms = overhead + perRequest x requests), when the block has it;
   * fetchAllParallelism then comes from the line's slope (src/core/diagnostics.ts).
   */
  fetchAllLine?: { overheadMs: number; perRequestMs: number };
  fetchAllParallelism: number;
  plainTextKeepsApostrophe: boolean;
  markedFormulaStaysText: boolean;
}

function numberField(o: Record<string, unknown>, name: string, min: number, max: number): number {
  const v = o[name];
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
    throw new Error(`--calibrate: "${name}" must be a number from ${min} to ${max}`);
  }
  return v;
}

/** A figure older blocks do not have: absent is fine, present must be valid. */
function optionalNumber(o: Record<string, unknown>, name: string, min: number, max: number): number | undefined {
  return o[name] === undefined || o[name] === null ? undefined : numberField(o, name, min, max);
}

function booleanField(o: Record<string, unknown>, name: string): boolean {
  if (typeof o[name] !== 'boolean') throw new Error(`--calibrate: "${name}" must be true or false`);
  return o[name] as boolean;
}

export function parseCalibration(text: string, file: string): Calibration {
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch {
    throw new Error(`--calibrate: ${file} is not JSON: copy the block of Settings > Diagnostics as it is`);
  }
  if (typeof o !== 'object' || o === null || Array.isArray(o)) throw new Error(`--calibrate: ${file} holds no object`);
  const r = o as Record<string, unknown>;
  const overheadMs = optionalNumber(r, 'fetchAllOverheadMs', -60_000, 60_000);
  const perRequestMs = optionalNumber(r, 'fetchAllPerRequestMs', -60_000, 60_000);
  const roundTripP90Ms = optionalNumber(r, 'roundTripP90Ms', 0, 60_000);
  return {
    file,
    measuredAt: typeof r.measuredAt === 'string' ? r.measuredAt : 'unknown',
    executionStartMs: numberField(r, 'executionStartMs', 0, 60_000),
    ...(roundTripP90Ms === undefined ? {} : { roundTripP90Ms }),
    fetchHopMs: numberField(r, 'fetchHopMs', 0, 60_000),
    ...(overheadMs === undefined || perRequestMs === undefined ? {} : { fetchAllLine: { overheadMs, perRequestMs } }),
    fetchAllParallelism: numberField(r, 'fetchAllParallelism', 1, 1000),
    plainTextKeepsApostrophe: booleanField(r, 'plainTextKeepsApostrophe'),
    markedFormulaStaysText: booleanField(r, 'markedFormulaStaysText'),
  };
}

export function readCalibration(file: string): Calibration {
  return parseCalibration(fs.readFileSync(file, 'utf8'), file);
}

/**
 * The cost model priced with the measured figures. A measured request includes AODocs' own time, which the bench
 * models as the latency L of its simulator: the hop is what remains (never below 0). With the fetchAll line, the hop
 * is the line's fixed overhead less L (what a fetchAll costs before its requests' share), and the parallelism is
 * the one the line's slope gives (a request alone over what each more request adds); without it, the single
 * request less L, as before. The execution start is the median round trip; its p90 is priced in the sensitivity
 * table (sensitivityExtras).
 */
export function calibratedCost(base: CostParams, calibration: Calibration, latencyMs: number): CostParams {
  const fixedMs = calibration.fetchAllLine?.overheadMs ?? calibration.fetchHopMs;
  return {
    ...base,
    executionStartMs: calibration.executionStartMs,
    fetchCallOverheadMs: Math.max(0, Math.round(fixedMs - latencyMs)),
    fetchAllParallelism: calibration.fetchAllParallelism,
  };
}

/** Values the sensitivity table adds for a calibrated run: the execution start at the measured median and p90. */
export function sensitivityExtras(calibration: Calibration | undefined): Partial<Record<keyof CostParams, number[]>> {
  if (!calibration) return {};
  const starts = [calibration.executionStartMs, calibration.roundTripP90Ms].filter((v): v is number => v !== undefined);
  return { executionStartMs: starts };
}

/** One line per figure: what the run used, and whether it was measured or assumed. */
export function calibrationLines(calibration: Calibration | undefined, cost: CostParams): string[] {
  const source = calibration ? `measured (${calibration.file}, ${calibration.measuredAt})` : 'assumed';
  const line = calibration?.fetchAllLine;
  return [
    `execution start ${cost.executionStartMs} ms: ${source}${calibration ? ', the median round trip' : ''}`,
    ...(calibration?.roundTripP90Ms !== undefined
      ? [`execution start p90 ${calibration.roundTripP90Ms} ms: measured; the sensitivity table prices it too`]
      : []),
    line
      ? `fetch hop ${cost.fetchCallOverheadMs} ms: ${source}, the fetchAll line's overhead ${Math.round(line.overheadMs)} ms less L`
      : `fetch hop ${cost.fetchCallOverheadMs} ms: ${source}`,
    line
      ? `fetchAll parallelism ${cost.fetchAllParallelism}: ${source}, from the line's ${line.perRequestMs} ms per request`
      : `fetchAll parallelism ${cost.fetchAllParallelism}: ${source}`,
    ...(calibration
      ? [
          `plain-text cell keeps a written apostrophe: ${calibration.plainTextKeepsApostrophe} (measured; the product is tested both ways)`,
          `a marked '= stays text: ${calibration.markedFormulaStaysText} (measured)`,
        ]
      : []),
  ];
}
