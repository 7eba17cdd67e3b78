// docs/bench/RESULTS.md: the figures of the last full `npm run bench`, the targets, the chosen defaults and why,
// the cost model with its sources, and the method with its caveats.
import {
  BACKEND_CALLS,
  COST_MODEL_TABLE,
  isSheetsCall,
  sheetsCallCounts,
  sheetsCallKind,
  EXECUTION_START_MS,
  FETCH_ALL_PARALLELISM,
  FETCH_CALL_OVERHEAD_MS,
} from './cost-model';
import type { NResult } from './analysis';
import type { TuningRow } from './tuning';
import type { BenchReport } from './types';
import { count, kb, markdownTable, mb, ratio, seconds } from './format';
import { mainTableRows, perNLine, sheetsByMethodRows } from './report-console';
import { MAX_IN_FLIGHT_ALL_BROWSERS } from './recommend';

const PART_NAMES: Record<string, string> = {
  start: 'execution starts (google.script.run)',
  sheetsReads: 'Sheets reads',
  sheetsWrites: 'Sheets writes',
  cells: 'Sheets cells moved',
  otherServices: 'Properties, Lock, token, email',
  urlFetch: 'UrlFetch waves',
  compute: 'script time (emulator)',
};

function breakdown(results: NResult[]): string {
  const keys = Object.keys(PART_NAMES) as (keyof NResult['model']['parts'])[];
  const rows = keys.map((k) => [
    PART_NAMES[k],
    ...results.map((r) => {
      const total = Object.values(r.model.parts).reduce((a, b) => a + b, 0);
      return `${seconds(r.model.parts[k])} s (${((100 * r.model.parts[k]) / total).toFixed(0)}%)`;
    }),
  ]);
  return markdownTable(['summed over all executions', ...results.map((r) => `ours N=${count(r.n)}`)], rows);
}

function chunkAnatomy(r: NResult): string {
  const steady = r.ours.chunks[Math.min(1, r.ours.chunks.length - 1)];
  const sheets = Object.entries(steady.calls)
    .filter(([k]) => /^(SpreadsheetApp|Spreadsheet|Sheet|Range|RangeList)\./.test(k))
    .map(([k, n]) => `${k}${n > 1 ? ` x${n}` : ''}`)
    .join(', ');
  return sheets;
}

/** Which Sheets calls a steady chunk makes, what grows with N, and what could go. */
function sheetsPerChunkBullet(report: BenchReport): string {
  const { results } = report;
  const sheetsOf = (calls: Record<string, number>) =>
    Object.fromEntries(Object.entries(calls).filter(([k]) => isSheetsCall(k) && sheetsCallKind(k) !== 'handle'));
  const steadyOf = (r: NResult) => {
    const perChunk = r.ours.sheetsCallsPerChunk;
    const at = perChunk.indexOf(r.sheetsCallsPerChunkSteady, 1);
    return sheetsOf(r.ours.chunks[at >= 1 ? at : 0].calls);
  };
  const small = results[0];
  const large = results[results.length - 1];
  const a = steadyOf(small);
  const b = steadyOf(large);
  const grown = Object.keys(b)
    .filter((k) => (b[k] ?? 0) > (a[k] ?? 0))
    .map((k) => `${k} +${b[k] - (a[k] ?? 0)}`);
  const list = (calls: Record<string, number>) =>
    Object.entries(calls)
      .map(([k, n]) => `${k}${n > 1 ? ` x${n}` : ''}`)
      .join(', ');
  const sizes = report.probe.bySize.map((p) => `${p.steadyCallsPerChunk} at chunk size ${p.chunkSize}`).join(', ');
  const parts = [
    `- **Sheets calls per chunk** do not depend on the chunk size (steady chunks: ${sizes}, N = ${report.probe.n}). ` +
      `A steady chunk makes ${small.sheetsCallsPerChunkSteady} calls at N = ${count(small.n)} and ` +
      `${large.sheetsCallsPerChunkSteady} at N = ${count(large.n)}; the reads and writes among them (handles such as ` +
      `getRange left out) at N = ${count(large.n)}: ${list(b)}.`,
  ];
  if (grown.length > 0)
    parts.push(
      `The steady maximum at N = ${count(large.n)} is a chunk that also grew the log sheet (${grown.join(', ')}): ` +
        'the log grows by 1,000 rows at a time (src/server/sheet-append.ts), so one chunk in 50 makes those calls.',
    );
  if ((b['Sheet.getLastColumn'] ?? 0) > 1)
    parts.push(
      'The header row is read twice per chunk (getLastColumn + getDisplayValues before sending, and again in the ' +
        'results writer); passing the first read on would save two reads.',
    );
  parts.push(
    "Even so, Sheets is not where a chunk's modelled time goes: the execution start, the backend calls and the " +
      'fetch weigh more (see "Where the modelled time goes").',
  );
  return parts.join(' ');
}

/** The whole document: one function per section, each ending with the blank line before the next. */
export function resultsMarkdown(report: BenchReport): string {
  return [
    ...headerSection(report),
    ...resultsSection(report),
    ...modelledTimeSection(report.results),
    ...sheetsByMethodSection(report.results),
    ...targetsSection(report),
    ...aboveBoundsSection(report),
    ...defaultsSection(report),
    ...sensitivitySection(report),
    ...sizesSection(report),
    ...costModelSection(),
    ...methodSection(report),
  ].join('\n');
}

/** The title, how and when the figures were made, the chart and the per-N lines. */
function headerSection(report: BenchReport): string[] {
  return [
    '# Benchmark results',
    '',
    generatedParagraph(report),
    '',
    '![Modelled Apps Script time against N: ours, naive reference, ideal bound](time-vs-n.svg)',
    '',
    '```',
    ...report.results.map(perNLine),
    '```',
    '',
    '`ours/ideal` and `ours/naive` compare **modelled Apps Script wall time** (below); `sheets_calls_per_chunk` is ' +
      'the most Sheets calls any one chunk execution made (the first chunk of a run also creates the result ' +
      'columns and the log sheet).',
    '',
  ];
}

function generatedParagraph(report: BenchReport): string {
  const env = report.environment;
  return (
    `Generated by \`npm run bench\` on ${env.date} (commit ${env.commit}${env.dirty ? ' plus uncommitted changes' : ''}, ` +
    `Node ${env.node}, ${env.cpus} CPUs, ${env.totalSeconds.toFixed(0)} s in all). Latency L = ${report.latencyMs} ms per ` +
    `request (simulator, real sockets). Ours runs with the product's defaults: chunk size ${report.chunkSize}, ` +
    `${report.chunksInFlight} chunks in flight, so C = ${report.chunkSize * report.chunksInFlight} requests in flight. ` +
    `Bundle measured: build/ as of ${env.build.builtAt} (fingerprint ${env.build.fingerprint}), copied at the start ` +
    `so that every scenario runs the same code${
      env.build.changedDuringRun ? '; build/ was rebuilt while the benchmark ran, the figures are for the copy' : ''
    }. ` +
    'Regenerate with `npm run bench` (about 6 minutes); `npm run bench -- --quick` checks N = 100 only and writes nothing.'
  );
}

/** ## Results: the table per N and what each column means. */
function resultsSection(report: BenchReport): string[] {
  const { results } = report;
  const main = mainTableRows(results);
  const naiveStopped = results
    .filter((r) => r.naive.stoppedAfterJobs !== undefined)
    .map(
      (r) =>
        `- naive at N = ${count(r.n)} needs ${seconds(r.naive.modelledMs)} s of modelled time in one execution: ` +
        `Apps Script stops it at 6 minutes after about ${count(r.naive.stoppedAfterJobs!)} jobs; the rest are never sent.`,
    );
  return [
    '## Results',
    '',
    markdownTable(main.header, main.rows),
    '',
    '- **ours wall (emulator)**: measured here. The emulator runs one execution at a time, so the chunks the ' +
      'sidebar keeps in flight run one after the other: this is the sum of the executions, not what a user would wait.',
    `- **ours modelled**: the same executions priced with the cost model, the chunks ${report.chunksInFlight} at a ` +
      'time as in Apps Script, where each google.script.run call is its own execution (bench/schedule.ts).',
    `- **ideal**: ceil(N / C) x L + one read of the IDs and one write of the N x 9 result cells, C = ${
      report.chunkSize * report.chunksInFlight
    } (bench/ideal.ts).`,
    '- **naive**: bench/naive/Code.js, one `UrlFetchApp.fetch` and nine `setValue` per job in one execution, run ' +
      'by the same emulator against the same data. `*`: not run at that N, extrapolated linearly from the largest N ' +
      'it ran at.',
    '- **executions**: readSelectionPlan (twice when the selection is large enough for its hidden-row check to be ' +
      'split), the readHiddenRows pieces, one runChunk per chunk. **UrlFetch requests**: every request sent. ' +
      '**peak RSS**: the whole benchmark process (emulator, its HTTP worker thread, the simulator thread) sampled ' +
      'every 20 ms by a worker thread; **peak heap**: main thread heapUsed, high-water mark after each execution.',
    ...naiveStopped,
    '',
  ];
}

/** ### Where the modelled time goes: the cost by part, and the Sheets calls of a steady chunk. */
function modelledTimeSection(results: NResult[]): string[] {
  return [
    '### Where the modelled time goes',
    '',
    breakdown(results),
    '',
    `A steady chunk (the second one) makes these Sheets calls: ${chunkAnatomy(results[0])}. The ID column is read ` +
      'before sending and again before writing (the user may have edited the sheet meanwhile); the result rows and ' +
      'the log rows are one setValues each.',
    '',
  ];
}

function sheetsByMethodSection(results: NResult[]): string[] {
  const byMethod = sheetsByMethodRows(results);
  return ['### Sheets calls by method', '', markdownTable(byMethod.header, byMethod.rows), ''];
}

function targetsSection(report: BenchReport): string[] {
  const table = markdownTable(
    ['target', 'status', 'figures'],
    report.targets.map((t) => [t.target, t.met === undefined ? 'n/a' : t.met ? 'met' : '**not met**', t.detail]),
    3,
  );
  return ['## Targets', '', table, ''];
}

/** ### Where the time above the bounds goes: against the ideal bound, the naive reference, and per chunk. */
function aboveBoundsSection(report: BenchReport): string[] {
  const at1000 = report.results.find((r) => r.n === 1000);
  return [
    '### Where the time above the bounds goes',
    '',
    idealBullet(report),
    ...(at1000 ? [naiveBullet(report, at1000)] : []),
    '',
    sheetsPerChunkBullet(report),
    '',
  ];
}

/** Why ours stays above 1.5x the ideal bound at N = 1,000: the fixed cost of each chunk's execution. */
function idealBullet(report: BenchReport): string {
  const { results, latencyMs } = report;
  const at1000 = results.find((r) => r.n === 1000);
  const perChunk = at1000 ?? results[0];
  const steadyChunkMs = perChunk.model.chunkMs.length > 1 ? perChunk.model.chunkMs[1] : perChunk.model.chunkMs[0];
  const fixedMs = steadyChunkMs - latencyMs - FETCH_CALL_OVERHEAD_MS;
  const steady = perChunk.ours.chunks[Math.min(1, perChunk.ours.chunks.length - 1)];
  const steadyKinds = sheetsCallCounts(steady.calls);
  const backendCalls = BACKEND_CALLS.filter((k) => steady.calls[k]).reduce((n, k) => n + steady.calls[k], 0);
  const tenWaves = (fixedMs + 10 * (latencyMs + FETCH_CALL_OVERHEAD_MS)) / (10 * latencyMs);
  return (
    `- **ours/ideal <= 1.5 at N = 1,000.** A chunk is one execution with one fetchAll wave. Modelled, a steady ` +
    `chunk costs ${seconds(steadyChunkMs)} s, of which ${(latencyMs / 1000).toFixed(1)} s is the requests' ` +
    `latency; the other ${seconds(fixedMs + FETCH_CALL_OVERHEAD_MS)} s (execution start ${EXECUTION_START_MS} ms, ` +
    `${backendCalls} backend calls for settings, token, lock and user email, ${steadyKinds.read} Sheets reads and ` +
    `${steadyKinds.write} writes, the fetch hop) is paid once per chunk. ` +
    'The ideal bound pays only the latency, so for the same C the ratio is about chunk time / ' +
    'L whatever the chunk size or the chunks in flight (more in flight raises C for both). The only lever is ' +
    'several waves per execution, so the fixed cost is shared: runChunk sending its jobs in successive fetchAll ' +
    `waves of ${FETCH_ALL_PARALLELISM} (the wave loop and the time-budget check already exist in ` +
    'src/server/aodocs-client.ts) and the sidebar sending chunks of 100-200 jobs. Even at 10 waves per execution ' +
    `the model gives ${tenWaves.toFixed(2)}x, because every wave also pays the ${FETCH_CALL_OVERHEAD_MS} ms hop: ` +
    'under this cost model the 1.5x target is out of reach for requests sent from Apps Script, and it is only as ' +
    'good as the unpublished figures (see the sensitivity table: with no execution start it is still ' +
    `${ratio(report.sensitivity.rows.find((s) => s.parameter === 'executionStartMs' && s.value === 0)?.oursOverIdeal ?? NaN)}). ` +
    'Long multi-wave executions would also cost what the user sees: progress only every few seconds, and a Stop ' +
    'that lets hundreds of cancels still go out; and the plan alone (its hidden-row check is one Apps Script call ' +
    `per row) takes ${at1000 ? seconds(at1000.model.planMs) : '?'} s of the ${
      at1000 ? seconds(1.5 * at1000.ideal.totalMs) : '?'
    } s the target allows at N = 1,000.`
  );
}

/** Ours against the naive reference at N = 1,000: where its time goes, plan then chunks. */
function naiveBullet(report: BenchReport, at1000: NResult): string {
  const first = report.results[0];
  const pieces = at1000.ours.planSteps.reduce((n, step) => n + step.hiddenPieces.length, 0);
  const chunkPhaseMs = at1000.model.wallMs - at1000.model.planMs;
  return (
    `- **Against the naive reference** (N = 1,000): ours is ${(1 / at1000.oursOverNaive).toFixed(1)}x faster. ` +
    `Of its ${seconds(at1000.model.wallMs)} s modelled, the plan takes ${seconds(at1000.model.planMs)} s: ` +
    `${at1000.ours.planSteps.length} readSelectionPlan executions and, between them, ${pieces} readHiddenRows ` +
    `pieces run ${report.chunksInFlight} at a time (Apps Script answers "is this row hidden?" one row per call, ` +
    'with no batch form under the `spreadsheets.currentonly` scope; the Sheets advanced service has one but ' +
    'needs the `spreadsheets` scope). The chunks take the other ' +
    `${seconds(chunkPhaseMs)} s, ${report.chunksInFlight} executions in parallel. ` +
    (first.n <= 100
      ? `At N = ${count(first.n)} the fixed cost of two executions in a row (the plan, then one round of ` +
        `chunks) dominates: ${seconds(first.model.wallMs)} s against ${seconds(first.naive.modelledMs)} s ` +
        `(${(1 / first.oursOverNaive).toFixed(1)}x).`
      : '')
  );
}

/** ## Chosen defaults and why: the tuning sweep and the reasons for the chunk size and chunks in flight. */
function defaultsSection(report: BenchReport): string[] {
  const heading = ['## Chosen defaults and why', ''];
  if (report.tuning.length === 0) return [...heading, '(The tuning sweep runs in the full benchmark only.)', ''];
  return [
    ...heading,
    tuningTable(report.tuning),
    '',
    'N = 1,000, L = ' +
      `${report.latencyMs} ms. Each chunk size was run for real; chunks in flight only change the modelled schedule (the ` +
      'emulator serialises them).',
    '',
    ...defaultsBullets(report),
    '',
  ];
}

function tuningTable(tuning: TuningRow[]): string {
  return markdownTable(
    [
      'chunk size',
      'chunks in flight',
      'C',
      `really concurrent (fetchAll <= ${FETCH_ALL_PARALLELISM})`,
      'modelled wall s',
      'ours/ideal',
      'ours/naive',
      'longest execution s',
      'Sheets calls/chunk first/steady',
      'jobs sent after Stop (at most)',
    ],
    tuning.map((t) => [
      String(t.chunkSize),
      String(t.chunksInFlight),
      String(t.requestsInFlight),
      String(t.effectiveInFlight),
      seconds(t.wallMs),
      ratio(t.oursOverIdeal),
      ratio(t.oursOverNaive),
      seconds(t.maxExecutionMs),
      `${t.sheetsCallsPerChunkMax}/${t.sheetsCallsPerChunkSteady}`,
      String(t.jobsAfterStop),
    ]),
  );
}

/** The recommended chunk size and chunks in flight, the rule that chose them, and how they compare. */
function defaultsBullets(report: BenchReport): string[] {
  const rec = report.recommended;
  const current = report.tuning.find(
    (t) => t.chunkSize === report.chunkSize && t.chunksInFlight === report.chunksInFlight,
  );
  if (!rec || !current) return [];
  const out: string[] = [];
  out.push(
    `- **Chunk size ${rec.chunkSize}** (${
      rec.chunkSize === report.chunkSize ? 'unchanged' : `default now ${report.chunkSize}`
    }). Larger chunks share the fixed cost of ` +
      'an execution over more jobs (chunk size 50 is faster in the model), but a fetchAll is assumed to run at ' +
      `most ${FETCH_ALL_PARALLELISM} requests at once, and the research notes advise 10-25 cancel requests per ` +
      'fetchAll so as not to flood AODocs; a chunk of 50 also means up to 50 x chunks-in-flight cancels still ' +
      'sent after Stop. Sheets calls per chunk do not change with the size.',
  );
  out.push(
    `- **Chunks in flight ${rec.chunksInFlight}** (${
      rec.chunksInFlight === report.chunksInFlight ? 'the default' : `default now ${report.chunksInFlight}`
    }, \`CHUNKS_IN_FLIGHT\` in ` +
      'src/core/settings.ts). It divides the chunk phase almost linearly. Capped at ' +
      `${MAX_IN_FLIGHT_ALL_BROWSERS}, well inside the 10 concurrent calls google.script.run allows (Apps Script ` +
      'communication guide) and the 30 simultaneous executions of a user (quotas page). It puts up to ' +
      `${rec.requestsInFlight} cancel requests in flight on AODocs, whose API documents no rate limit (research ` +
      'notes, AODocs API section 3), and as many may still be sent after Stop.',
  );
  out.push(
    '- Rule (bench/recommend.ts): the fastest modelled run with at most one fetchAll wave per chunk and at most ' +
      `${MAX_IN_FLIGHT_ALL_BROWSERS} chunks in flight, then among runs within 5% of it the fewest jobs in flight.`,
  );
  const earlier = report.tuning.find((t) => t.chunkSize === rec.chunkSize && t.chunksInFlight === 2);
  const isCurrent = rec.chunkSize === current.chunkSize && rec.chunksInFlight === current.chunksInFlight;
  const against = isCurrent ? earlier : current;
  if (against)
    out.push(
      `- Modelled at N = 1,000: ${seconds(rec.wallMs)} s with ${rec.chunkSize} x ${rec.chunksInFlight} against ` +
        `${seconds(against.wallMs)} s with ${against.chunkSize} x ${against.chunksInFlight}` +
        `${against === earlier ? " (PRODUCT.md's first figure of at most 2 chunks in flight)" : ' (the current defaults)'} ` +
        `(ours/naive ${ratio(rec.oursOverNaive)} against ${ratio(against.oursOverNaive)}).`,
    );
  out.push(
    rec.chunkSize === report.chunkSize && rec.chunksInFlight === report.chunksInFlight
      ? '- The current defaults are the chosen ones.'
      : '- The benchmark does not change the product: the lead applies the new defaults in src/core/settings.ts ' +
          '(chunkSize in DEFAULT_SETTINGS, CHUNKS_IN_FLIGHT) and reruns `npm run bench`; the figures above are ' +
          'for the current defaults.',
  );
  return out;
}

/** ## How much the ratios depend on the unpublished figures: each cost figure varied alone. */
function sensitivitySection(report: BenchReport): string[] {
  const table = markdownTable(
    ['figure', 'value', 'ours modelled s', 'naive modelled s', 'ours/ideal', 'ours/naive'],
    report.sensitivity.rows.map((s) => {
      const v = s.isDefault ? `**${s.value}**` : String(s.value);
      return [s.parameter, v, seconds(s.oursMs), seconds(s.naiveMs), ratio(s.oursOverIdeal), ratio(s.oursOverNaive)];
    }),
    2,
  );
  return [
    '## How much the ratios depend on the unpublished figures',
    '',
    `Each figure varied alone on the same measured runs at N = ${count(report.sensitivity.n)} (default in bold).`,
    '',
    table,
    '',
  ];
}

/** ## Build sizes and sidebar time to interactive. */
function sizesSection(report: BenchReport): string[] {
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
function costModelSection(): string[] {
  return [
    '## Cost model',
    '',
    'bench/cost-model.ts. [D] documented by Google, [C] community measurement, [I] our assumption. An execution ' +
      'costs: start + Sheets read calls x read + write calls x write + cells read or written x cell + backend ' +
      'calls x other + for each fetch/fetchAll, ceil(requests / parallelism) x its measured duration (the slowest ' +
      'request, over real sockets) + hop + script time measured in the emulator outside fetches. Sheets calls that ' +
      'only return a handle (getRange, getActiveSpreadsheet, getName, getRow...) cost nothing.',
    '',
    markdownTable(
      ['constant', 'value', 'source'],
      COST_MODEL_TABLE.map((c) => [c.name, c.value, c.source]),
      3,
    ),
    '',
  ];
}

/** ## Method and caveats, then the peak RSS at the largest N. */
function methodSection(report: BenchReport): string[] {
  const { results } = report;
  return [
    '## Method and caveats',
    '',
    '- Both ours and the naive reference run as JavaScript in the same Apps Script emulator (emulator/), ' +
      'whose UrlFetchApp sends real HTTP requests (fetchAll concurrently) to the AODocs simulator ' +
      '(simulator/) in a worker thread, with a fixed latency L per request. Each scenario starts from the ' +
      'same data: the simulator reset and loaded with N in-progress jobs, a new spreadsheet with the N IDs in ' +
      'column A under a frozen header, selected.',
    "- Ours is build/Code.js as clasp pushes it, driven by the sidebar's plan driver (src/client/plan-driver.ts) " +
      'and run driver (src/client/run-driver.ts) with the product defaults; every server call is one recorded ' +
      'execution (bench/execution-recorder.ts).',
    '- Measured wall time is honest for the emulator only: executions run one at a time, so ours measured is the ' +
      'sum of its executions, and Sheets calls cost microseconds. All comparisons with the ideal bound and the ' +
      'naive reference use the modelled Apps Script time, whose figures are listed above; three of them ' +
      '(execution start, proxy hop, fetchAll parallelism) are assumptions: see the sensitivity table.',
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
