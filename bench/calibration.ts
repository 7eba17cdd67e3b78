// `npm run bench -- --calibrate <file>`: prices the model with figures measured on the real platform by Settings >
// Diagnostics (src/core/diagnostics.ts writes the block) instead of the assumptions of bench/cost-model.ts.
import fs from 'node:fs';
import { CostParams } from './cost-model';

/** What the bench reads of the Diagnostics block. */
export interface Calibration {
  file: string;
  measuredAt: string;
  executionStartMs: number;
  /** One request as Apps Script timed it, AODocs' own time included. */
  fetchHopMs: number;
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
  return {
    file,
    measuredAt: typeof r.measuredAt === 'string' ? r.measuredAt : 'unknown',
    executionStartMs: numberField(r, 'executionStartMs', 0, 60_000),
    fetchHopMs: numberField(r, 'fetchHopMs', 0, 60_000),
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
 * models as the latency L of its simulator: the hop is what remains (never below 0).
 */
export function calibratedCost(base: CostParams, calibration: Calibration, latencyMs: number): CostParams {
  return {
    ...base,
    executionStartMs: calibration.executionStartMs,
    fetchCallOverheadMs: Math.max(0, calibration.fetchHopMs - latencyMs),
    fetchAllParallelism: calibration.fetchAllParallelism,
  };
}

/** One line per figure: what the run used, and whether it was measured or assumed. */
export function calibrationLines(calibration: Calibration | undefined, cost: CostParams): string[] {
  const source = calibration ? `measured (${calibration.file}, ${calibration.measuredAt})` : 'assumed';
  return [
    `execution start ${cost.executionStartMs} ms: ${source}`,
    `fetch hop ${cost.fetchCallOverheadMs} ms: ${source}`,
    `fetchAll parallelism ${cost.fetchAllParallelism}: ${source}`,
    ...(calibration
      ? [
          `plain-text cell keeps a written apostrophe: ${calibration.plainTextKeepsApostrophe} (measured; the product is tested both ways)`,
          `a marked '= stays text: ${calibration.markedFormulaStaysText} (measured)`,
        ]
      : []),
  ];
}
