// docs/bench/RESULTS.md, sections: Stop at the defaults, and the chunk size x chunks in flight trade-off with the default it gives.
import { FETCH_ALL_PARALLELISM } from './cost-model';
import type { TuningRow } from './tuning';
import type { BenchReport } from './report';
import { count, markdownTable, ratio, seconds } from './format';
import { stopRows, tuningTableRows } from './report-console';
import { STOP_BRAKE_TARGET } from './recommend';
import { worstAfterStop } from './stop';
import { GRID_STOP_MAX_BRAKE, GRID_STOP_PRESSES } from './measure';

/** ## Stop: the presses at the defaults, and what held the cancels back. */
export function stopSection(report: BenchReport): string[] {
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
export function tradeOffSection(report: BenchReport): string[] {
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

export function row(report: BenchReport, size: number, k: number): TuningRow | undefined {
  return report.tuning.find((t) => t.chunkSize === size && t.chunksInFlight === k);
}

/** The chosen chunk size and chunks in flight, the rule that chose them, and how they compare. */
export function defaultsBullets(report: BenchReport): string[] {
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
