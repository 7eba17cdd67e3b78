// Writes docs/bench/RESULTS.md and docs/bench/time-vs-n.svg from a full run.
import fs from 'node:fs';
import path from 'node:path';
import { EXECUTION_LIMIT_MS } from './cost-model';
import { resultsMarkdown } from './report-markdown';
import type { BenchReport } from './report';
import { timeVsNChart } from './chart-svg';

export function chartOf(report: BenchReport): string {
  const { results } = report;
  const brake = report.chunkSize * report.chunksInFlight;
  return timeVsNChart({
    title: 'AODocs Jobs: time to cancel N jobs',
    subtitle:
      `modelled Apps Script wall time, L = ${report.latencyMs} ms per request, ours at chunk size ` +
      `${report.chunkSize} x ${report.chunksInFlight} in flight`,
    series: [
      {
        name: 'naive reference',
        color: '#c0392b',
        points: results.map((r) => ({ n: r.n, seconds: r.naive.modelledMs / 1000, extrapolated: !r.naive.measured })),
      },
      { name: 'ours', color: '#1f6fb2', points: results.map((r) => ({ n: r.n, seconds: r.model.wallMs / 1000 })) },
      {
        name: `brake floor (<= ${brake} after Stop)`,
        color: '#b7791f',
        points: results.map((r) => ({ n: r.n, seconds: r.floor.totalMs / 1000 })),
      },
      {
        name: 'platform bound',
        color: '#2e8b57',
        points: results.map((r) => ({ n: r.n, seconds: r.platform.totalMs / 1000 })),
      },
    ],
    references: [{ label: 'Apps Script 6-minute limit of one execution', seconds: EXECUTION_LIMIT_MS / 1000 }],
  });
}

export function writeDocs(dir: string, report: BenchReport): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'RESULTS.md'), resultsMarkdown(report));
  fs.writeFileSync(path.join(dir, 'time-vs-n.svg'), chartOf(report));
}
