// Settings > Diagnostics: measures on the platform what the benchmark and the emulator assume, and shows the
// figures with a JSON block to copy into `npm run bench -- --calibrate <file>` (docs/FIRST-DEPLOYMENT.md).
import { PlatformFigures } from '../../shared/api';
import { PARALLEL_PROBES, SINGLE_PROBES, calibrationJson } from '../../core/diagnostics';
import { button, h, replaceChildren } from '../dom';
import { callServer } from '../server-calls';
import { DIAGNOSTICS_HELP } from '../wording';

function figuresView(figures: PlatformFigures, roundTripMs: number): HTMLElement {
  const line = (label: string, value: string) =>
    h('div', { class: 'stat' }, h('span', { class: 'label' }, label), h('span', { class: 'value' }, value));
  const yesNo = (v: boolean) => (v ? 'yes' : 'no');
  return h(
    'section',
    { class: 'diagnostics', 'data-testid': 'diagnostics-report' },
    line('Server call, round trip (median of 3 empty calls)', `${Math.round(roundTripMs)} ms`),
    line('Diagnostics in the server', `${figures.serverMs} ms`),
    line('One request to AODocs', `${figures.fetchMs} ms`),
    line('Requests at once (fetchAll)', String(figures.fetchAllParallelism)),
    line('Plain-text cell keeps an apostrophe', yesNo(figures.plainTextKeepsApostrophe)),
    line("A marked '= stays text", yesNo(figures.markedFormulaStaysText)),
    figures.identityAuthorizedParty !== undefined && line('Client ID (azp)', figures.identityAuthorizedParty),
    figures.identityAudience !== undefined && line('Token audience (aud)', figures.identityAudience),
    h('label', { for: 'calibration-json' }, 'Copy this block into a file for npm run bench -- --calibrate:'),
    h(
      'textarea',
      { id: 'calibration-json', class: 'support', readonly: 'readonly', rows: '8', 'data-testid': 'calibration-json' },
      calibrationJson(figures, roundTripMs, new Date().toISOString()),
    ),
  );
}

/** The section: a sentence, a button, and the figures once measured. */
export function diagnosticsSection(showError: (message: string | null) => void, announce: (text: string) => void) {
  const box = h('div', {});
  const measure = async () => {
    showError(null);
    const requests = SINGLE_PROBES + PARALLEL_PROBES;
    replaceChildren(box, h('p', { class: 'busy', 'aria-busy': 'true' }, `Measuring… (${requests} requests to AODocs)`));
    try {
      // The round trip of a call that does almost nothing: an execution start plus the iframe's transport.
      const trips: number[] = [];
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        await callServer('getSidebarState');
        trips.push(performance.now() - started);
      }
      const roundTripMs = trips.sort((a, b) => a - b)[1];
      const figures = await callServer('runDiagnostics');
      replaceChildren(box, figuresView(figures, roundTripMs));
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
    h('p', { class: 'help' }, DIAGNOSTICS_HELP(SINGLE_PROBES + PARALLEL_PROBES)),
    h(
      'div',
      { class: 'actions' },
      button('Measure the platform', () => void measure()),
    ),
    box,
  );
}
