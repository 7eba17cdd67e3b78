// docs/bench/RESULTS.md: the figures of the last full `npm run bench`, the summary line and what each of its
// figures is (measured, modelled or assumed), where the time goes against the platform bound, Stop, the
// chunk size x chunks in flight trade-off and the default it gives, the Sheets round trips of a chunk, the
// targets, the cost model with its sources, and the method with its caveats.
import {
  COST_MODEL_TABLE,
  DEFAULT_COST,
  EXECUTION_START_MS,
  FETCH_ALL_PARALLELISM,
  FETCH_CALL_OVERHEAD_MS,
  SIMULTANEOUS_EXECUTIONS_PER_USER,
} from './cost-model';
import type { ModelParts } from './analysis';
import type { TuningRow } from './tuning';
import type { BenchReport } from './report';
import { count, kb, markdownTable, mb, ratio, seconds } from './format';
import {
  mainTableRows,
  sheetsByMethodRows,
  stopRows,
  summaryLine,
  summaryResult,
  tuningTableRows,
} from './report-console';
import { STOP_BRAKE_TARGET } from './recommend';
import { worstAfterStop } from './stop';
import { GRID_STOP_MAX_BRAKE, GRID_STOP_PRESSES } from './measure';
import { PARALLEL_CALLS } from '../src/core/settings';
import { SLOW_START_JOBS } from '../src/core/run-schedule';
import { calibrationLines } from './calibration';

const PART_NAMES: Record<keyof ModelParts, string> = {
  start: 'execution starts (google.script.run)',
  sheetsReads: 'Sheets reads',
  sheetsWrites: 'Sheets writes',
  cells: 'Sheets cells moved',
  otherServices: 'Properties, Cache, Lock, token, email',
  urlFetch: 'UrlFetch (slowest request + hop)',
  compute: 'script time (emulator)',
};

/**
 * Where each Sheets round trip of a steady chunk comes from in src/server (read there when this was written; the
 * counts themselves are measured on every run). A method the run made that is not listed here is flagged.
 */
const ROUND_TRIP_ORIGINS: Record<string, string> = {
  'Sheet.getFrozenRows': 'run-chunk.ts targetSheet: the header check before sending',
  'Sheet.getLastRow':
    "id-cells.ts dataExtentOf, before sending and again under the lock (the target sheet's data extent); " +
    "sheet-append.ts appendRows (the log sheet's last row)",
  'Sheet.getLastColumn':
    'id-cells.ts dataExtentOf before sending; results-writer.ts ensureResultColumns under the lock (the header row)',
  'Range.getDisplayValues':
    'id-cells.ts readColumn: the ID column before sending and again under the lock; results-writer.ts: the header row',
  'Range.setValues': 'results-writer.ts writeBlock: the result rows; sheet-append.ts appendRows: the log rows',
  'SpreadsheetApp.flush': 'document-lock.ts: before the document lock is released',
};

/** The whole document: one function per section, each ending with the blank line before the next. */
export function resultsMarkdown(report: BenchReport): string {
  return [
    ...headerSection(report),
    ...resultsSection(report),
    ...timeSection(report),
    ...stopSection(report),
    ...tradeOffSection(report),
    ...roundTripsSection(report),
    ...targetsSection(report),
    ...sensitivitySection(report),
    ...sizesSection(report),
    ...costModelSection(report),
    ...methodSection(report),
  ].join('\n');
}

/** The title, how and when the figures were made, the chart, the summary line and what its figures are. */
function headerSection(report: BenchReport): string[] {
  const r = summaryResult(report);
  const p = r.platform;
  return [
    '# Benchmark results',
    '',
    generatedParagraph(report),
    '',
    '![Modelled Apps Script time against N: ours, naive reference, brake floor, platform bound](time-vs-n.svg)',
    '',
    '```',
    summaryLine(r, report.stops),
    '```',
    '',
    `At N = ${count(r.n)} with the defaults (chunk size ${report.chunkSize}, ${report.chunksInFlight} chunks in ` +
      'flight). What each figure is:',
    '',
    `- **ours/naive** (modelled): ours is the plan (read before the confirmation) plus the run, ${seconds(r.model.wallMs)} s; ` +
      `the naive reference is one execution, ${seconds(r.naive.modelledMs)} s. Both are executions measured in the ` +
      "emulator (calls, cells, requests, the requests' durations over real sockets) and priced with the cost model " +
      '(bench/cost-model.ts), whose execution start, fetch hop and fetchAll parallelism are assumptions.',
    `- **ours/platform** (modelled): the platform bound is the least time any design could take on Apps Script ` +
      `under the cost model: one execution start (${p.startMs} ms) + ceil(N / C_max) = ${p.waves} waves of latency ` +
      `plus the fetch hop (${report.latencyMs} + ${FETCH_CALL_OVERHEAD_MS} ms) + one read of the IDs and one write of ` +
      `the result cells (${seconds(p.sheetsMs)} s), ${seconds(p.totalMs)} s in all. C_max = ${p.maxInFlight} ` +
      `requests: the ${SIMULTANEOUS_EXECUTIONS_PER_USER} simultaneous executions Apps Script allows a user ` +
      `(quotas page [D]) each in one fetchAll wave of ${FETCH_ALL_PARALLELISM} requests run at once (the cost ` +
      "model's FETCH_ALL_PARALLELISM, [C] observed 10-20, the exact figure [I]). No plan, no settings, no lock, no " +
      'read-back: nothing but what cannot be avoided.',
    `- **sent_after_stop** (measured on a modelled timeline): the most POST .../cancel requests the simulator ` +
      `received after Stop was pressed, over ${report.stops.runs.length} real runs through the sidebar's run ` +
      'driver, each pressed at a seeded random moment of the run; the moments and the order of events are the ' +
      'cost model\'s (see "Stop").',
    '- **first_result_s** (modelled): from the confirmation to the first row written: the opening chunk of slow ' +
      `start (${SLOW_START_JOBS} jobs, sent alone), priced with the cost model; its rows are written before it ` +
      'returns (the log row and the lock release come after them).',
    '- **sheets_roundtrips_per_chunk** (counted by the emulator): the Sheets calls of a steady chunk that reach ' +
      'the spreadsheet, handle getters left out (see "Sheets round trips of a chunk").',
    '',
  ];
}

function generatedParagraph(report: BenchReport): string {
  const env = report.environment;
  return (
    `Generated by \`npm run bench\` on ${env.date} (commit ${env.commit}${env.dirty ? ' plus uncommitted changes' : ''}, ` +
    `Node ${env.node}, ${env.cpus} CPUs, ${env.totalSeconds.toFixed(0)} s in all). Latency L = ${report.latencyMs} ms per ` +
    `request (simulator, real sockets). Ours runs with the product's defaults (DEFAULT_SETTINGS in ` +
    `src/core/settings.ts): chunk size ${report.chunkSize}, ${report.chunksInFlight} chunks in flight, an opening ` +
    `chunk of ${SLOW_START_JOBS} jobs alone, hidden-row pieces ${PARALLEL_CALLS} at a time. ` +
    `Bundle measured: build/ as of ${env.build.builtAt} (fingerprint ${env.build.fingerprint}), copied at the start ` +
    `so that every scenario runs the same code${
      env.build.changedDuringRun ? '; build/ was rebuilt while the benchmark ran, the figures are for the copy' : ''
    }. ` +
    `Regenerate with \`npm run bench\` (about ${Math.ceil(env.totalSeconds / 60)} minutes); ` +
    '`npm run bench -- --quick` checks N = 100 only and writes nothing.'
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
    `- **ours modelled**: the same executions priced with the cost model and scheduled as in Apps Script, where each ` +
      'google.script.run call is its own execution: the plan (readSelectionPlan, then the hidden-row pieces ' +
      `${PARALLEL_CALLS} at a time, then readSelectionPlan again), the opening chunk alone, then the other chunks ` +
      `${report.chunksInFlight} at a time, each taking the next chunk when it is free (bench/schedule.ts). ` +
      '**of which plan**: before the confirmation. **first result**: from the confirmation to the first row written.',
    '- **platform bound**: see above (bench/platform.ts).',
    '- **naive**: bench/naive/Code.js, one `UrlFetchApp.fetch` and nine `setValue` per job in one execution, run ' +
      'by the same emulator against the same data. `*`: not run at that N, extrapolated linearly from the largest N ' +
      'it ran at.',
    "- **executions**: the plan's and one runChunk per chunk. **round trips/chunk**: Sheets calls that reach the " +
      'spreadsheet, of the opening chunk (it also creates the result columns and the log sheet), of a steady chunk ' +
      '(the count most chunks after the opening one make) and the most of any chunk after the opening one. ' +
      '**peak RSS**: the whole benchmark process (emulator, its HTTP worker thread, the simulator thread) sampled ' +
      'every 20 ms by a worker thread; **peak heap**: main thread heapUsed, high-water mark after each execution.',
    ...naiveStopped,
    '',
  ];
}

/** ## Where the time goes: ours against the brake floor and the platform bound, and inside a steady chunk. */
function timeSection(report: BenchReport): string[] {
  const r = summaryResult(report);
  const m = r.model;
  const rounds = m.runMs - m.firstResultMs;
  const steady = m.steadyChunk;
  const chunksAfter = r.ours.chunks.length - 1;
  const perRound = chunksAfter > 0 ? rounds / Math.ceil(chunksAfter / report.chunksInFlight) : 0;
  const brake = r.floor.brake;
  const partRows = (Object.keys(PART_NAMES) as (keyof ModelParts)[]).map((k) => [
    PART_NAMES[k],
    `${Math.round(steady[k])} ms`,
    `${seconds(m.parts[k])} s (${((100 * m.parts[k]) / Object.values(m.parts).reduce((a, b) => a + b, 0)).toFixed(0)}%)`,
  ]);
  const path = markdownTable(
    ['on the way', 'modelled s', 'share of ours'],
    [
      ['the plan, before the confirmation', seconds(m.planMs), pct(m.planMs, m.wallMs)],
      [`the opening chunk (${SLOW_START_JOBS} jobs, alone)`, seconds(m.firstResultMs), pct(m.firstResultMs, m.wallMs)],
      [
        `the other ${count(chunksAfter)} chunks, ${report.chunksInFlight} at a time (${seconds(perRound)} s a round)`,
        seconds(rounds),
        pct(rounds, m.wallMs),
      ],
      ['**ours**', `**${seconds(m.wallMs)}**`, '100%'],
      [
        `brake floor: any design that lets at most ${brake} cancels through after Stop`,
        seconds(r.floor.totalMs),
        pct(r.floor.totalMs, m.wallMs),
      ],
      ['platform bound', seconds(r.platform.totalMs), pct(r.platform.totalMs, m.wallMs)],
    ],
  );
  return [
    `## Where the time goes (N = ${count(r.n)})`,
    '',
    `ours/platform = ${ratio(r.oursOverPlatform)} splits into what the brake costs any design and what ours adds:`,
    '',
    `- **The brake: ${ratio(r.floor.totalMs / r.platform.totalMs)}x.** Stop reaches the server through one more ` +
      `execution, so it takes an execution start (${EXECUTION_START_MS} ms modelled) to arrive, and whatever is sent ` +
      'meanwhile cannot be held back: to let at most ' +
      `${brake} cancels through after Stop, no design may send more than ${brake} in any ${EXECUTION_START_MS} ms. ` +
      `${count(r.n)} cancels then need ${r.floor.waves} waves ${r.floor.spacingMs} ms apart: the brake floor, ` +
      `${seconds(r.floor.totalMs)} s against the platform's ${seconds(r.platform.totalMs)} s, which sends everything ` +
      `in ${r.platform.waves} waves of ${r.platform.maxInFlight}.`,
    `- **Ours over the brake floor: ${ratio(m.wallMs / r.floor.totalMs)}x.** Two reasons. (1) A round of chunks ` +
      `takes a whole chunk execution, ${seconds(perRound)} s, not the ${EXECUTION_START_MS} ms the brake needs: the ` +
      'sidebar sends the next chunk only when one comes back, which is what keeps the bound at chunk size x chunks ' +
      'in flight whatever the real execution start is (a sidebar that sent a chunk every half execution start ' +
      'would come near the floor, but would let more through after Stop if Apps Script started executions slower ' +
      `than it assumed). (2) The plan (${seconds(m.planMs)} s: the hidden-row check is one Apps Script call per row) ` +
      `and the opening chunk alone (${seconds(m.firstResultMs)} s), which the floor does not pay.`,
    '',
    path,
    '',
    `A steady chunk, modelled (${seconds(steady.total)} s), and the parts summed over every execution of the run:`,
    '',
    markdownTable(
      ['part', 'steady chunk', 'all executions'],
      [
        ...partRows,
        [
          '**total**',
          `**${Math.round(steady.total)} ms**`,
          `**${seconds(Object.values(m.parts).reduce((a, b) => a + b, 0))} s**`,
        ],
      ],
    ),
    '',
    `Of a steady chunk only the fetch wave (${report.latencyMs} ms of latency + ${FETCH_CALL_OVERHEAD_MS} ms hop) is ` +
      'what the platform bound pays per wave; the execution start alone is more than that, and is paid once per ' +
      'chunk.',
    '',
  ];
}

function pct(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(0)}%`;
}

/** ## Stop: the presses at the defaults, and what held the cancels back. */
function stopSection(report: BenchReport): string[] {
  const stops = report.stops;
  const table = stopRows(stops);
  const held = stops.runs.reduce((n, r) => n + r.chunksHeldByServer, 0);
  const worst = worstAfterStop(stops);
  return [
    '## Stop',
    '',
    `Stop pressed at ${stops.runs.length} seeded random moments of ${stops.window.what} (between ` +
      `${seconds(stops.window.fromMs)} and ${seconds(stops.window.toMs)} s after the confirmation, modelled), each ` +
      `in its own real run: N = ${count(stops.n)}, chunk size ` +
      `${stops.chunkSize}, ${stops.chunksInFlight} chunks in flight. Worst: **${worst}** cancels after the press ` +
      `(bound ${stops.chunkSize * stops.chunksInFlight}). Times are modelled, from the confirmation.`,
    '',
    markdownTable(table.header, table.rows),
    '',
    '- **How** (bench/stop.ts, bench/virtual-time.ts): build/Code.js in the emulator against the simulator, the run ' +
      "driven by the sidebar's runJobs (src/client/run-driver.ts) with stopRequested turning true at the press and " +
      "stopOnServer calling the bundle's stopRun, as src/client/panels/run-panel.ts does. Every server call is an " +
      'event on a modelled clock: a chunk sent at t runs in the emulator at t + one execution start (when it checks ' +
      "the run's stop mark and sends), its answer reaches the sidebar at t + its modelled duration; stopRun sets " +
      "the mark one execution start after the driver sent it. At the press the simulator's request log is read; " +
      'sent_after_stop counts the POST .../cancel it logged after that. The few reads a chunk makes before its ' +
      'check are counted as nothing (they would move each check some 0.1 s later).',
    `- **What held the rest back: the sidebar.** The run driver sends no chunk once it has seen the Stop, so only ` +
      'the chunks already on their way send: those sent less than an execution start before the press had not reached ' +
      `their check yet. The server's mark held back ${held} chunk${held === 1 ? '' : 's'} in these runs: it takes ` +
      'an execution start to arrive, as long as the chunks in flight take to reach their check, and the driver only ' +
      'sends stopRun when a chunk comes back after the press. The mark matters where this model has nothing: ' +
      'retry waves inside a chunk (faults; none injected here) and a stopRun execution that starts faster than a ' +
      "chunk's. So the bound is exactly chunk size x chunks in flight, reached when the press falls within an " +
      'execution start after the chunks in flight left together (as they do after the opening chunk).',
    '',
  ];
}

/** ## Speed against the brake: the chunk size x chunks in flight table, the rule and the default it gives. */
function tradeOffSection(report: BenchReport): string[] {
  const heading = ['## Speed against the brake: chunk size x chunks in flight', ''];
  if (report.tuning.length === 0) return [...heading, '(The trade-off runs in the full benchmark only.)', ''];
  const t = tuningTableRows(report.tuning);
  return [
    ...heading,
    markdownTable(t.header, t.rows),
    '',
    `N = 1,000, L = ${report.latencyMs} ms. **Measured**: each chunk size was run for real (its executions, ` +
      'calls and requests); sent after Stop where the brake bound is at most ' +
      `${GRID_STOP_MAX_BRAKE}: the worst of ${GRID_STOP_PRESSES} real runs (in brackets), each pressed at a seeded ` +
      `moment of the chunk round that follows the opening chunk, one in each fifth of it (the chunks in flight ` +
      "leave together there, the brake's worst round; the defaults' own presses over the whole run are in " +
      '"Stop"). **Modelled**: the times, ' +
      'for each number of chunks in flight from the same executions (the emulator serialises them). **brake bound**: ' +
      'chunk size x chunks in flight, the most cancels that may still reach AODocs after Stop. **brake floor**: the ' +
      'least time any design takes with that bound (see "Where the time goes").',
    '',
    ...defaultsBullets(report),
    '',
  ];
}

function row(report: BenchReport, size: number, k: number): TuningRow | undefined {
  return report.tuning.find((t) => t.chunkSize === size && t.chunksInFlight === k);
}

/** The chosen chunk size and chunks in flight, the rule that chose them, and how they compare. */
function defaultsBullets(report: BenchReport): string[] {
  const rec = report.recommended;
  const current = row(report, report.chunkSize, report.chunksInFlight);
  if (!rec || !current) return [];
  const isCurrent = rec.chunkSize === current.chunkSize && rec.chunksInFlight === current.chunksInFlight;
  const keep = report.tuning.filter((t) => t.brake <= STOP_BRAKE_TARGET);
  const fastest = keep.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
  const over = report.tuning
    .filter((t) => t.brake > STOP_BRAKE_TARGET && t.chunkSize <= FETCH_ALL_PARALLELISM)
    .sort((a, b) => a.wallMs - b.wallMs)[0];
  const sameBrake = keep
    .filter((t) => t.brake === STOP_BRAKE_TARGET)
    .map((t) => `${t.chunkSize} x ${t.chunksInFlight}: ${seconds(t.wallMs)} s`)
    .join(', ');
  const out: string[] = [];
  out.push(
    `- **Rule** (bench/recommend.ts): keep Stop's promise (brake bound <= ${STOP_BRAKE_TARGET}, and no measured ` +
      'press above it); the fastest modelled run at N = 1,000; among settings within 5% of it, the fewest ' +
      'executions (larger chunks: fewer execution starts, Sheets round trips and document-lock waits, whose ' +
      'contention the model does not charge), then the fewer chunks in flight.',
  );
  out.push(
    `- **Chosen: chunk size ${rec.chunkSize} x ${rec.chunksInFlight} in flight**, ${seconds(rec.wallMs)} s modelled ` +
      `(ours/naive ${ratio(rec.oursOverNaive)}, ours/platform ${ratio(rec.oursOverPlatform)}), brake bound ${rec.brake}` +
      `${rec.sentAfterStop === undefined ? '' : `, measured ${rec.sentAfterStop}`}. ` +
      (isCurrent
        ? 'These are the current defaults.'
        : `The current defaults (${current.chunkSize} x ${current.chunksInFlight}) take ${seconds(current.wallMs)} s: ` +
          'the lead may change DEFAULT_SETTINGS in src/core/settings.ts and rerun `npm run bench`; the figures above ' +
          'are for the current defaults.'),
  );
  out.push(
    `- With the bound at ${STOP_BRAKE_TARGET} the time hardly depends on how it is split (${sameBrake}; fastest ` +
      `within the bound: ${fastest.chunkSize} x ${fastest.chunksInFlight}, ${seconds(fastest.wallMs)} s): a round ` +
      'costs about one chunk execution whatever its size up to ' +
      `${FETCH_ALL_PARALLELISM} (one fetchAll wave), and ${STOP_BRAKE_TARGET} jobs go per round. Chunks over ` +
      `${FETCH_ALL_PARALLELISM} pay a second wave. The speed comes only with a larger bound` +
      (over
        ? `: ${over.chunkSize} x ${over.chunksInFlight} takes ${seconds(over.wallMs)} s but lets up to ${over.brake} ` +
          `cancels through${over.sentAfterStop === undefined ? '' : ` (measured ${over.sentAfterStop})`}.`
        : '.'),
  );
  return out;
}

/** ## Sheets round trips of a chunk: which calls count, a steady chunk's by method, where they come from. */
function roundTripsSection(report: BenchReport): string[] {
  const r = summaryResult(report);
  const rt = r.roundTrips;
  const rows = Object.entries(rt.steadyByMethod).map(([method, n]) => [
    method,
    String(n),
    ROUND_TRIP_ORIGINS[method] ?? '(not traced)',
  ]);
  const byMethod = sheetsByMethodRows(report.results);
  const largest = report.results[report.results.length - 1];
  return [
    '## Sheets round trips of a chunk',
    '',
    `A steady chunk at N = ${count(r.n)} makes **${rt.steady}** round trips to the spreadsheet (the opening chunk ` +
      `${rt.opening}: it also creates the result columns and the log sheet; the most of any later chunk ` +
      `${rt.maxAfterOpening}${
        rt.maxAfterOpening > rt.steady
          ? ': a chunk whose log rows did not fit, so the log sheet was measured and grown (once per 1,000 log rows, ' +
            'src/server/sheet-append.ts)'
          : ''
      }). At N = ${count(report.probe.n)} with chunk sizes ` +
      `${report.probe.bySize.map((p) => `${p.chunkSize}: ${p.steadyRoundTrips}`).join(', ')}; at N = ` +
      `${count(largest.n)}: ${largest.roundTrips.steady}.`,
    '',
    markdownTable(['call of a steady chunk', 'times', 'where (src/server)'], rows, 3),
    '',
    "- **Counted** as round trips: every Sheets call that reads the document's values or grid (getDisplayValues, " +
      'getValues, getLastRow, getLastColumn, getFrozenRows, getMaxRows, isRowHiddenByUser...: Apps Script has to ' +
      'apply the pending writes and fetch them) or writes it (setValues, insert*, deleteColumns, setFrozenRows, ' +
      'flush). **Not counted**: handle getters (getActiveSpreadsheet, getActiveSheet, getSheetById, getSheetByName, ' +
      'getSheets, getRange, getRangeList) and getters of what the handle was made from (getName, getSheetId, getRow, ' +
      'getColumn, getNumRows, getNumColumns, getA1Notation). The list is HANDLE_METHODS in bench/cost-model.ts, ' +
      'which also prices them at 0 ms; Google documents none of this [I]. getName is the one debatable call: counted, ' +
      'a steady chunk would make one more.',
    '',
    '### Sheets calls by method, all of them',
    '',
    markdownTable(byMethod.header, byMethod.rows),
    '',
  ];
}

function targetsSection(report: BenchReport): string[] {
  const table = markdownTable(
    ['target', 'status', 'figures'],
    report.targets.map((t) => [t.target, t.met === undefined ? 'reported' : t.met ? 'met' : '**not met**', t.detail]),
    3,
  );
  return ['## Targets', '', table, ''];
}

/** ## How much the ratios depend on the unpublished figures: each cost figure varied alone. */
function sensitivitySection(report: BenchReport): string[] {
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
function costModelSection(report: BenchReport): string[] {
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
function methodSection(report: BenchReport): string[] {
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
