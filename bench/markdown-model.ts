// docs/bench/RESULTS.md, sections: How much the ratios depend on assumed figures, build sizes, the cost model and the method.
import { COST_MODEL_TABLE, DEFAULT_COST, EXECUTION_START_MS } from './cost-model';
import type { BenchReport } from './report';
import { count, kb, markdownTable, mb, ratio, seconds } from './format';
import { calibrationLines } from './calibration';

/** ## How much the ratios depend on the unpublished figures: each cost figure varied alone. */
export function sensitivitySection(report: BenchReport): string[] {
  const table = markdownTable(
    ['figure', 'value', 'ours modelled s', 'platform s', 'naive modelled s', 'ours/platform', 'ours/naive'],
    report.sensitivity.rows.map((s) => {
      const v = s.isDefault ? `**${s.value}**` : String(s.value);
      return [
        s.parameter,
        v,
        seconds(s.oursMs),
        seconds(s.platformMs),
        seconds(s.naiveMs),
        ratio(s.oursOverPlatform),
        ratio(s.oursOverNaive),
      ];
    }),
    2,
  );
  return [
    '## How much the ratios depend on the unpublished figures',
    '',
    `Each figure varied alone on the same measured runs at N = ${count(report.sensitivity.n)} (default in bold). ` +
      'The platform bound moves with them too (fetchAllParallelism sets C_max). sent_after_stop does not depend on ' +
      'them as long as a chunk takes longer than an execution start: the bound is chunk size x chunks in flight.',
    '',
    table,
    '',
  ];
}

/** ## Build sizes and sidebar time to interactive. */
export function sizesSection(report: BenchReport): string[] {
  const table = markdownTable(
    ['file', 'bytes', 'KiB', 'gzip KiB'],
    report.sizes.map((s) => [s.file, count(s.bytes), kb(s.bytes), kb(s.gzipBytes)]),
  );
  const sb = report.sidebar;
  const sidebar = sb
    ? `Sidebar time to interactive in Chromium (build/Sidebar.html via openSidebarPage, its getSidebarState ` +
      `answered by the real bundle in the emulator, until "Cancel selected jobs…" is visible): median of ` +
      `${sb.openings - 1} warm openings **${sb.medianFromNewPageMs.toFixed(0)} ms** from asking for a new page, ` +
      `${sb.medianFromNavigationMs.toFixed(0)} ms on the page's own clock; the first (cold) opening ` +
      `${sb.coldFromNewPageMs.toFixed(0)} ms. In Apps Script add HtmlService serving the page and one ` +
      `google.script.run round trip (modelled ${EXECUTION_START_MS} ms) before the button shows.`
    : 'Sidebar time to interactive: not measured (--no-browser, or Chromium not found).';
  return ['## Build sizes and sidebar time to interactive', '', table, '', sidebar, ''];
}

/** ## Cost model: how an execution is priced, and each constant with its source. */
export function costModelSection(report: BenchReport): string[] {
  return [
    '## Cost model',
    '',
    report.calibration
      ? `Priced with figures measured by Settings > Diagnostics (${report.calibration.file}, ` +
        `${report.calibration.measuredAt}, \`npm run bench -- --calibrate\`): ` +
        calibrationLines(report.calibration, DEFAULT_COST).join('; ') +
        '. The table below lists the assumptions they replaced.'
      : 'Priced with the assumptions below: no figure measured on the platform yet (Settings > Diagnostics, then ' +
        '`npm run bench -- --calibrate <file>`; docs/FIRST-DEPLOYMENT.md).',
    '',
    'bench/cost-model.ts. [D] documented by Google, [C] community measurement, [I] our assumption. An execution ' +
      'costs: start + Sheets read calls x read + write calls x write + cells read or written x cell + backend ' +
      'calls (Properties, Cache, Lock, identity token, user email) x other + for each fetch/fetchAll, ' +
      'ceil(requests / parallelism) x its measured duration (the slowest request, over real sockets) + hop + ' +
      'script time measured in the emulator outside fetches. Handle getters (see "Sheets round trips of a chunk") ' +
      'cost nothing.',
    '',
    markdownTable(
      ['constant', 'value', 'source'],
      COST_MODEL_TABLE.map((c) => [c.name, c.value, c.source]),
      3,
    ),
    '',
  ];
}

/** ## Method and caveats: what is measured, what is modelled, what is assumed; then the peak RSS. */
export function methodSection(report: BenchReport): string[] {
  const { results } = report;
  return [
    '## Method and caveats',
    '',
    '- **Measured**: everything the add-on does, by running it. Both ours and the naive reference run as ' +
      'JavaScript in the same Apps Script emulator (emulator/), whose UrlFetchApp sends real HTTP requests ' +
      '(fetchAll concurrently) to the AODocs simulator (simulator/) in a worker thread, with a fixed latency L per ' +
      'request. Counted per execution: Sheets and other service calls by method, cells read and written, requests ' +
      'and their durations; the cancels the simulator received (its request log). Each scenario starts from the same ' +
      'data: the simulator reset and loaded with N in-progress jobs, a new spreadsheet with the N IDs in column A ' +
      'under a frozen header, selected.',
    "- Ours is build/Code.js as clasp pushes it, driven by the sidebar's plan driver (src/client/plan-driver.ts) " +
      'and run driver (src/client/run-driver.ts) with the product defaults; every server call is one recorded ' +
      'execution (bench/execution-recorder.ts).',
    '- **Modelled**: every time compared with the naive reference and the platform bound, and the moments in the ' +
      'Stop runs: the measured counts priced with the cost model, executions in parallel as Apps Script runs them. ' +
      'Measured wall time is honest for the emulator only: executions run one at a time there, and Sheets calls ' +
      'cost microseconds.',
    "- **Assumed**: the cost model's [I] figures, chiefly the execution start (500 ms), the fetch hop (50 ms) and " +
      "fetchAll's parallelism (20), and C_max built on the last; see the sensitivity table. Settings > " +
      'Diagnostics measures the first three where the add-on really runs.',
    '- Not modelled: chunks in flight wait for each other on the document lock while writing (a few tens of ' +
      "ms each); Apps Script's own caching of reads; retries and backoff (no faults are injected here); the " +
      'time the user spends on the confirmation step.',
    `- The naive reference runs at N = ${results
      .filter((r) => r.naive.measured)
      .map((r) => count(r.n))
      .join(' and ')} only (about L x N of real time); larger N is extrapolated linearly, which is what its one ` +
      'request and nine setValue calls per job give.',
    '- The machine is shared (2 CPUs) and other work may run at the same time: script time measured in the ' +
      'emulator can vary by tens of percent between runs; the network part (L) does not.',
    '',
    `Peak RSS at the largest N: ${mb(results[results.length - 1].ours.memory.rssMb)} MB.`,
    '',
  ];
}
