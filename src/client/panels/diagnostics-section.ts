// Settings > Diagnostics: measures on the platform what the benchmark and the emulator assume, and shows the
// figures with a JSON block to copy into `npm run bench -- --calibrate <file>` (docs/FIRST-DEPLOYMENT.md).
import type { RoundTripFigures } from '../../shared/api';
import { CALLS_AT_ONCE, DIAGNOSTICS_REQUESTS, ROUND_TRIPS, roundTripStats } from '../../core/diagnostics';
import { button, h, replaceChildren } from '../dom';
import { callServer } from '../server-calls';
import { DIAGNOSTICS_HELP } from '../wording';
import { figuresView } from './diagnostics-figures';

async function timedPing(): Promise<number> {
  const started = performance.now();
  await callServer('diagnosticsPing');
  return performance.now() - started;
}

/**
 * google.script.run round trips of an empty call: one, then ROUND_TRIPS one after another, then CALLS_AT_ONCE
 * calls at once (never more than 10: the 11th would wait, communication guide).
 */
async function roundTrips(): Promise<RoundTripFigures> {
  const sequential: number[] = [];
  for (let i = 0; i < ROUND_TRIPS + 1; i++) sequential.push(await timedPing());
  const atOnce: { allMs: number; callMs: number[] }[] = [];
  for (const calls of CALLS_AT_ONCE) {
    const started = performance.now();
    const callMs = await Promise.all(Array.from({ length: calls }, () => timedPing()));
    atOnce.push({ allMs: performance.now() - started, callMs });
  }
  return roundTripStats(sequential, atOnce);
}

/** The section: a sentence, a button, and the figures once measured. */
export function diagnosticsSection(showError: (message: string | null) => void, announce: (text: string) => void) {
  const box = h('div', {});
  const measure = async () => {
    showError(null);
    replaceChildren(
      box,
      h('p', { class: 'busy', 'aria-busy': 'true' }, `Measuring… (${DIAGNOSTICS_REQUESTS} requests to AODocs)`),
    );
    try {
      const trips = await roundTrips();
      const figures = await callServer('runDiagnostics');
      // The next execution reads what runDiagnostics put in the user cache: does a value outlive its call?
      const cacheReadNextCall = await callServer('readDiagnosticsCache').then(
        (value) => value === figures.cache.value,
        () => null,
      );
      replaceChildren(box, figuresView({ figures, trips, cacheReadNextCall }, new Date().toISOString()));
      announce('Diagnostics measured.');
    } catch (error) {
      replaceChildren(box);
      showError((error as Error).message);
    }
  };
  return h(
    'section',
    { 'aria-labelledby': 'diagnostics-heading' },
    h('h3', { id: 'diagnostics-heading' }, 'Diagnostics'),
    h('p', { class: 'help' }, DIAGNOSTICS_HELP(DIAGNOSTICS_REQUESTS)),
    h(
      'div',
      { class: 'actions' },
      button('Measure the platform', () => void measure()),
    ),
    box,
  );
}
