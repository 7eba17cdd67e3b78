// docs/bench/RESULTS.md, sections: The table per N, and where the time goes against the brake floor and the platform bound.
import { EXECUTION_START_MS, FETCH_CALL_OVERHEAD_MS } from './cost-model';
import type { ModelParts } from './analysis';
import type { BenchReport } from './report';
import { count, markdownTable, ratio, seconds } from './format';
import { mainTableRows, summaryResult } from './report-console';
import { PARALLEL_CALLS } from '../src/core/settings';
import { SLOW_START_JOBS } from '../src/core/run-schedule';

export const PART_NAMES: Record<keyof ModelParts, string> = {
  start: 'execution starts (google.script.run)',
  sheetsReads: 'Sheets reads',
  sheetsWrites: 'Sheets writes',
  cells: 'Sheets cells moved',
  otherServices: 'Properties, Cache, Lock, token, email',
  urlFetch: 'UrlFetch (slowest request + hop)',
  compute: 'script time (emulator)',
};

/** ## Results: the table per N and what each column means. */
export function resultsSection(report: BenchReport): string[] {
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
export function timeSection(report: BenchReport): string[] {
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

export function pct(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(0)}%`;
}
