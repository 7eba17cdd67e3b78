// npm run bench [-- --quick] [--latency-ms 200] [--no-browser] [--no-docs] [--save-raw f.json] [--from-raw f.json]
//   [--calibrate diagnostics.json]
// Ours (the real bundle, chunked by the sidebar's run driver) at N = 100, 1,000 and 5,000 job IDs, the naive
// reference at N = 100 and 1,000, the platform bound, Stop pressed at random moments, the chunk size x chunks in
// flight trade-off, against the AODocs simulator over real sockets with L ms per request; prints the tables and
// the summary line (N = 1,000; N = 100 with --quick), and (full run) writes docs/bench/RESULTS.md and the chart.
// --save-raw keeps the measurements; --from-raw rebuilds the report and the docs from them without measuring.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measureAll, Measurements } from './measure';
import { printReport } from './report-console';
import { writeDocs } from './write-docs';
import { buildReport } from './report';
import { calibratedCost, calibrationLines, readCalibration } from './calibration';
import { DEFAULT_COST } from './cost-model';

export const DOCS_DIR = path.resolve(__dirname, '..', 'docs', 'bench');

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'latency-ms': { type: 'string', default: '200' },
    'no-browser': { type: 'boolean', default: false },
    'no-docs': { type: 'boolean', default: false },
    'save-raw': { type: 'string' },
    'from-raw': { type: 'string' },
    calibrate: { type: 'string' },
  },
});

const progress = (text: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}\n`);

async function main(): Promise<void> {
  const startedAt = Date.now();
  const latencyMs = Number(args['latency-ms']);
  if (!Number.isFinite(latencyMs) || latencyMs < 0) throw new Error('--latency-ms must be a number >= 0');
  const measurements: Measurements = args['from-raw']
    ? (JSON.parse(fs.readFileSync(args['from-raw'], 'utf8')) as Measurements)
    : await measureAll({ quick: args.quick === true, latencyMs, browser: !args['no-browser'], progress });
  if (args['save-raw']) fs.writeFileSync(args['save-raw'], JSON.stringify(measurements));
  // Figures measured by Settings > Diagnostics replace the model's assumptions for this run's pricing (the
  // measurements themselves do not depend on them: `--from-raw` with `--calibrate` re-prices a saved run).
  const calibration = args.calibrate ? readCalibration(args.calibrate) : undefined;
  if (calibration) Object.assign(DEFAULT_COST, calibratedCost(DEFAULT_COST, calibration, measurements.latencyMs));
  for (const line of calibrationLines(calibration, DEFAULT_COST)) progress(line);
  const report = buildReport(measurements, calibration);
  printReport(report);
  if (measurements.quick || args['no-docs']) {
    progress(`docs not written (${measurements.quick ? '--quick' : '--no-docs'}); the full run writes ${DOCS_DIR}`);
  } else {
    writeDocs(DOCS_DIR, report);
    progress(`wrote ${path.join(DOCS_DIR, 'RESULTS.md')} and ${path.join(DOCS_DIR, 'time-vs-n.svg')}`);
  }
  progress(`done in ${((Date.now() - startedAt) / 1000).toFixed(0)} s`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
