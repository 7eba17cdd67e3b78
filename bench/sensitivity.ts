// How much the modelled ratios depend on the figures Google does not publish: each one varied alone, the others
// at their default, on the same measured runs.
import { CostParams, DEFAULT_COST } from './cost-model';
import { analyse, extrapolateNaive, naiveFigures } from './analysis';
import type { NaiveRun } from './naive';
import type { OursRun } from './ours';

export interface SensitivityRow {
  parameter: keyof CostParams;
  value: number;
  isDefault: boolean;
  oursMs: number;
  naiveMs: number;
  platformMs: number;
  oursOverPlatform: number;
  oursOverNaive: number;
}

const VARIATIONS: { parameter: keyof CostParams; values: number[] }[] = [
  { parameter: 'executionStartMs', values: [0, 250, 500, 1000, 2000] },
  { parameter: 'sheetsReadCallMs', values: [0, 2, 7, 20] },
  { parameter: 'sheetsWriteCallMs', values: [0, 2, 7, 20] },
  { parameter: 'fetchCallOverheadMs', values: [0, 50, 150] },
  { parameter: 'fetchAllParallelism', values: [10, 20, 50] },
  { parameter: 'otherServiceCallMs', values: [0, 30, 100] },
];

/** `extras`: more values of a figure to price (the measured ones of --calibrate), in order with the others. */
export function sensitivityRows(
  ours: OursRun,
  naive: NaiveRun,
  latencyMs: number,
  extras: Partial<Record<keyof CostParams, number[]>> = {},
): SensitivityRow[] {
  const rows: SensitivityRow[] = [];
  for (const { parameter, values: assumed } of VARIATIONS) {
    const values = [...new Set([...assumed, ...(extras[parameter] ?? [])])].sort((a, b) => a - b);
    for (const value of values) {
      const cost = { ...DEFAULT_COST, [parameter]: value };
      const naiveAtN =
        naive.n === ours.n ? naiveFigures(naive, cost) : extrapolateNaive(naiveFigures(naive, cost), ours.n, cost);
      const r = analyse(ours, naiveAtN, latencyMs, cost);
      rows.push({
        parameter,
        value,
        isDefault: DEFAULT_COST[parameter] === value,
        oursMs: r.model.wallMs,
        naiveMs: r.naive.modelledMs,
        platformMs: r.platform.totalMs,
        oursOverPlatform: r.oursOverPlatform,
        oursOverNaive: r.oursOverNaive,
      });
    }
  }
  return rows;
}
