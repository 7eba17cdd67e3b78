// What `npm run bench` prints: the table per N, the Sheets calls by method, the per-N lines the issue asks
// for, the targets, sizes and the sidebar's time to interactive.
import type { NResult } from './analysis';
import type { BenchReport } from './types';
import { count, kb, mb, ratio, seconds, textTable } from './format';

export function perNLine(r: NResult): string {
  return (
    `N=${r.n} ours/ideal=${ratio(r.oursOverIdeal)} ours/naive=${ratio(r.oursOverNaive)} ` +
    `sheets_calls_per_chunk=${r.sheetsCallsPerChunkMax}`
  );
}

export function mainTableRows(results: NResult[]): { header: string[]; rows: string[][] } {
  const header = [
    'N',
    'ours wall (emulator) s',
    'ours modelled s',
    'ideal s',
    'naive modelled s',
    'naive wall (emulator) s',
    'ours/ideal',
    'ours/naive',
    'executions',
    'longest execution s',
    'UrlFetch requests',
    'Sheets calls',
    'per chunk first/steady',
    'peak RSS MB',
    'peak heap MB',
  ];
  const rows = results.map((r) => [
    count(r.n),
    seconds(r.ours.measuredWallMs),
    seconds(r.model.wallMs),
    seconds(r.ideal.totalMs),
    seconds(r.naive.modelledMs) + (r.naive.measured ? '' : '*'),
    seconds(r.naive.wallMs) + (r.naive.measured ? '' : '*'),
    ratio(r.oursOverIdeal),
    ratio(r.oursOverNaive) + (r.naive.measured ? '' : '*'),
    count(r.ours.counts.executions),
    seconds(r.model.maxExecutionMs),
    count(r.ours.counts.urlFetchRequests),
    count(r.ours.counts.sheetsCallsTotal),
    `${r.sheetsCallsPerChunkMax}/${r.sheetsCallsPerChunkSteady}`,
    mb(r.ours.memory.rssMb),
    mb(r.ours.memory.heapUsedMb),
  ]);
  return { header, rows };
}

/** Sheets calls by method: ours at each N, then the naive reference where it ran. */
export function sheetsByMethodRows(results: NResult[]): { header: string[]; rows: string[][] } {
  const naive = results.filter((r) => r.naive.run);
  const methods = new Set<string>();
  for (const r of results) Object.keys(r.ours.counts.sheetsCalls).forEach((m) => methods.add(m));
  for (const r of naive) Object.keys(r.naive.run!.counts.sheetsCalls).forEach((m) => methods.add(m));
  const header = ['method', ...results.map((r) => `ours N=${r.n}`), ...naive.map((r) => `naive N=${r.n}`)];
  const rows = [...methods]
    .sort()
    .map((m) => [
      m,
      ...results.map((r) => count(r.ours.counts.sheetsCalls[m] ?? 0)),
      ...naive.map((r) => count(r.naive.run!.counts.sheetsCalls[m] ?? 0)),
    ]);
  return { header, rows };
}

/** The console needs the report's figures but not the sensitivity table, the probe or the whole environment. */
type ConsoleReport = Omit<BenchReport, 'probe' | 'sensitivity' | 'environment'> & {
  environment: Pick<BenchReport['environment'], 'build'>;
};

export function printReport(input: ConsoleReport): void {
  const { results } = input;
  const out: string[] = [];
  out.push(
    `AODocs Jobs benchmark: latency L=${input.latencyMs} ms per request, chunk size ${input.chunkSize}, ` +
      `${input.chunksInFlight} chunks in flight (C=${input.chunkSize * input.chunksInFlight} requests in flight)`,
  );
  out.push(
    `Bundle: build/ as of ${input.environment.build.builtAt} (fingerprint ${input.environment.build.fingerprint}, ` +
      `copied at the start${input.environment.build.changedDuringRun ? '; build/ changed during the run' : ''})`,
  );
  out.push('Times: "emulator" = measured here (executions serialised); "modelled" = Apps Script cost model.');
  out.push('');
  const main = mainTableRows(results);
  out.push(textTable(main.header, main.rows));
  if (results.some((r) => !r.naive.measured))
    out.push('* naive extrapolated linearly from the largest N it ran at (it was not run at this N)');
  for (const r of results) {
    if (r.naive.stoppedAfterJobs !== undefined)
      out.push(
        `  naive N=${r.n}: Apps Script would stop its single execution at 6 minutes, after about ` +
          `${count(r.naive.stoppedAfterJobs)} of ${count(r.n)} jobs`,
      );
  }
  out.push('');
  const byMethod = sheetsByMethodRows(results);
  out.push('Sheets calls by method');
  out.push(textTable(byMethod.header, byMethod.rows));
  out.push('');
  if (input.tuning.length > 0) {
    out.push('Tuning at N=1,000 (modelled): chunk size x chunks in flight');
    out.push(
      textTable(
        ['chunk', 'in flight', 'C', 'wall s', 'ours/ideal', 'ours/naive', 'longest exec s', 'Sheets/chunk max'],
        input.tuning.map((t) => [
          String(t.chunkSize),
          String(t.chunksInFlight),
          String(t.requestsInFlight),
          seconds(t.wallMs),
          ratio(t.oursOverIdeal),
          ratio(t.oursOverNaive),
          seconds(t.maxExecutionMs),
          String(t.sheetsCallsPerChunkMax),
        ]),
      ),
    );
    if (input.recommended)
      out.push(
        `Chosen (bench/recommend.ts): chunk size ${input.recommended.chunkSize}, ${input.recommended.chunksInFlight} ` +
          `chunks in flight: ${seconds(input.recommended.wallMs)} s modelled at N=1,000`,
      );
    out.push('');
  }
  out.push(input.sizes.map((s) => `${s.file}: ${kb(s.bytes)} KiB (${kb(s.gzipBytes)} KiB gzip)`).join('; '));
  out.push(
    input.sidebar
      ? `Sidebar time to interactive (Chromium, median of ${input.sidebar.openings - 1} warm openings): ` +
          `${input.sidebar.medianFromNewPageMs.toFixed(0)} ms from a new page, ` +
          `${input.sidebar.medianFromNavigationMs.toFixed(0)} ms on the page's clock; cold ${input.sidebar.coldFromNewPageMs.toFixed(0)} ms`
      : 'Sidebar time to interactive: not measured (--no-browser, or Chromium not found)',
  );
  out.push('');
  out.push('Targets');
  for (const t of input.targets)
    out.push(`  [${t.met === undefined ? 'n/a' : t.met ? 'met' : 'NOT MET'}] ${t.target}: ${t.detail}`);
  out.push('');
  for (const r of results) out.push(perNLine(r));
  console.log(out.join('\n'));
}
