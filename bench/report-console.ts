// What `npm run bench` prints: the table per N, the Stop presses, the trade-off table, the Sheets calls by method,
// the targets, sizes, the sidebar's time to interactive, and last the summary line of docs/BEHAVIOUR.md 7.
import type { NResult } from './analysis';
import { worstAfterStop, type StopSeries } from './stop';
import type { TuningRow } from './tuning';
import type { BenchReport } from './report';
import { count, kb, mb, ratio, seconds, textTable } from './format';

/** The summary line (docs/BEHAVIOUR.md 7): at N = 1,000 (the defaults), or at the N the Stop presses ran at. */
export function summaryLine(r: NResult, stops: StopSeries): string {
  return (
    `N=${r.n} ours/naive=${ratio(r.oursOverNaive)} ours/platform=${ratio(r.oursOverPlatform)} ` +
    `sent_after_stop=${worstAfterStop(stops)} first_result_s=${(r.model.firstResultMs / 1000).toFixed(2)} ` +
    `sheets_roundtrips_per_chunk=${r.roundTrips.steady}`
  );
}

export function summaryResult(report: Pick<BenchReport, 'results' | 'stops'>): NResult {
  return report.results.find((r) => r.n === report.stops.n) ?? report.results[0];
}

export function mainTableRows(results: NResult[]): { header: string[]; rows: string[][] } {
  const header = [
    'N',
    'ours wall (emulator) s',
    'ours modelled s',
    'of which plan s',
    'first result s',
    'platform bound s',
    'naive modelled s',
    'naive wall (emulator) s',
    'ours/platform',
    'ours/naive',
    'executions',
    'longest execution s',
    'UrlFetch requests',
    'Sheets calls',
    'round trips/chunk opening/steady/most',
    'peak RSS MB',
    'peak heap MB',
  ];
  const rows = results.map((r) => [
    count(r.n),
    seconds(r.ours.measuredWallMs),
    seconds(r.model.wallMs),
    seconds(r.model.planMs),
    (r.model.firstResultMs / 1000).toFixed(2),
    seconds(r.platform.totalMs),
    seconds(r.naive.modelledMs) + (r.naive.measured ? '' : '*'),
    seconds(r.naive.wallMs) + (r.naive.measured ? '' : '*'),
    ratio(r.oursOverPlatform),
    ratio(r.oursOverNaive) + (r.naive.measured ? '' : '*'),
    count(r.ours.counts.executions),
    seconds(r.model.maxExecutionMs),
    count(r.ours.counts.urlFetchRequests),
    count(r.ours.counts.sheetsCallsTotal),
    `${r.roundTrips.opening}/${r.roundTrips.steady}/${r.roundTrips.maxAfterOpening}`,
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

/** The Stop presses: when, what had been sent, what still went after. */
export function stopRows(stops: StopSeries): { header: string[]; rows: string[][] } {
  return {
    header: [
      'press',
      'pressed at s',
      'cancels before',
      'sent after Stop',
      'Stop seen at s',
      'mark on server at s',
      'chunks held by the mark',
      'jobs not sent',
      'run ended at s',
    ],
    rows: stops.runs.map((r) => [
      String(r.seed),
      (r.pressAtMs / 1000).toFixed(2),
      count(r.cancelsBeforePress),
      String(r.sentAfterStop),
      r.stopSeenAtMs === undefined ? '-' : (r.stopSeenAtMs / 1000).toFixed(2),
      r.markSetAtMs === undefined ? '-' : (r.markSetAtMs / 1000).toFixed(2),
      String(r.chunksHeldByServer),
      count(r.notSent),
      (r.endedAtMs / 1000).toFixed(2),
    ]),
  };
}

/** The trade-off: chunk size x chunks in flight. */
export function tuningTableRows(tuning: TuningRow[]): { header: string[]; rows: string[][] } {
  return {
    header: [
      'chunk size',
      'in flight',
      'brake bound',
      'sent after Stop (measured)',
      'modelled s (N=1,000)',
      'of which run s',
      'first result s',
      'brake floor s',
      'ours/naive',
      'ours/platform',
      'executions',
    ],
    rows: tuning.map((t) => [
      String(t.chunkSize),
      String(t.chunksInFlight),
      String(t.brake),
      t.sentAfterStop === undefined ? '-' : `${t.sentAfterStop} (${t.presses})`,
      seconds(t.wallMs),
      seconds(t.runMs),
      (t.firstResultMs / 1000).toFixed(2),
      seconds(t.floorMs),
      ratio(t.oursOverNaive),
      ratio(t.oursOverPlatform),
      String(t.chunks),
    ]),
  };
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
      `${input.chunksInFlight} chunks in flight (at most ${input.chunkSize * input.chunksInFlight} cancels after Stop)`,
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
  const at = summaryResult(input);
  out.push(
    `Round trips of a steady chunk (N=${at.n}): ` +
      Object.entries(at.roundTrips.steadyByMethod)
        .map(([k, n]) => `${k} x${n}`)
        .join(', '),
  );
  out.push('');
  const stops = stopRows(input.stops);
  out.push(
    `Stop pressed at ${input.stops.runs.length} seeded moments of ${input.stops.window.what} ` +
      `(${seconds(input.stops.window.fromMs)}-${seconds(input.stops.window.toMs)} s), N=${input.stops.n}, ` +
      `chunk ${input.stops.chunkSize} x ${input.stops.chunksInFlight} in flight (modelled times from the confirmation)`,
  );
  out.push(textTable(stops.header, stops.rows));
  out.push('');
  const byMethod = sheetsByMethodRows(results);
  out.push('Sheets calls by method');
  out.push(textTable(byMethod.header, byMethod.rows));
  out.push('');
  if (input.tuning.length > 0) {
    const t = tuningTableRows(input.tuning);
    out.push(
      'Trade-off at N=1,000: chunk size x chunks in flight (sent after Stop: worst of (presses), "-": not measured)',
    );
    out.push(textTable(t.header, t.rows));
    if (input.recommended)
      out.push(
        `Chosen (bench/recommend.ts): chunk size ${input.recommended.chunkSize}, ${input.recommended.chunksInFlight} ` +
          `chunks in flight: ${seconds(input.recommended.wallMs)} s modelled at N=1,000, brake bound ${input.recommended.brake}`,
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
  out.push(summaryLine(at, input.stops));
  console.log(out.join('\n'));
}
