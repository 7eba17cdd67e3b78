// Settings (per user) and Check connection. The security code is write-only: the server only says whether
// one is saved, and the field is always empty.
import { ConnectionReport, SettingsInput, SettingsView } from '../../shared/api';
import { button, h, replaceChildren, screenHeading, showScreen } from '../dom';
import { checkboxField, field, selectField } from '../form';
import { callServer } from '../server-calls';
import { CONNECTION_TESTED as TESTED, SETTING, brakeSentence } from '../wording';
import { PanelContext } from './run-panel';
import { PRODUCTION_BASE_URL, STAGING_BASE_URL } from '../../core/settings';
import { diagnosticsSection } from './diagnostics-section';

const PRESETS: [string, string][] = [
  [PRODUCTION_BASE_URL, 'AODocs production'],
  [STAGING_BASE_URL, 'AODocs staging'],
  ['custom', 'Custom…'],
];

/**
 * What Check connection found. The identity token's client ID and expiry are shown only when the add-on signs in
 * with that token: with a security code or an OAuth token they would describe a credential that is not used.
 */
function connectionView(report: ConnectionReport): HTMLElement {
  const identity = report.authMode === 'identity-token';
  const line = (label: string, value: string | undefined) =>
    value
      ? h('div', { class: 'stat' }, h('span', { class: 'label' }, label), h('span', { class: 'value' }, value))
      : null;
  return h(
    'section',
    { class: `connection ${report.ok ? 'ok' : 'bad'}`, 'data-testid': 'connection-report' },
    h('p', { class: 'headline', 'data-testid': 'connection-message' }, report.message),
    report.tested !== undefined && h('p', { class: 'help', 'data-testid': 'connection-tested' }, TESTED[report.tested]),
    // With a security code AODocs acts as the code's owner, whoever is signed in to Google.
    identity ? line('Signed in as', report.email) : line('AODocs acts as', 'the owner of the security code'),
    identity && line('Client ID', report.clientId),
    identity && line('Token expires', report.expiresAt?.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')),
    line('API', report.baseUrl),
    report.supportRequest !== undefined &&
      h(
        'textarea',
        { class: 'support', readonly: 'readonly', rows: '6', 'data-testid': 'support-request' },
        report.supportRequest,
      ),
  );
}

export function createSettingsPanel(ctx: PanelContext) {
  const { root, showError } = ctx;

  async function start(): Promise<void> {
    showError(null);
    showScreen(root, h('p', { class: 'busy', 'aria-busy': 'true' }, 'Loading settings…'));
    try {
      render(await callServer('getSettings'));
    } catch (error) {
      showError((error as Error).message);
    }
  }

  function render(settings: SettingsView, saved = false): void {
    const preset = PRESETS.some(([url]) => url === settings.baseUrl) ? settings.baseUrl : 'custom';
    const base = selectField('AODocs API', 'base-preset', PRESETS, preset);
    const custom = field('Custom API base URL', 'base-url', settings.baseUrl, 'https://…/api');
    custom.row.hidden = preset !== 'custom';
    base.input.addEventListener('change', () => (custom.row.hidden = base.input.value !== 'custom'));
    const domain = field('Domain (optional)', 'domain', settings.domain, 'example.com');
    const mode = selectField(
      'Sign in with',
      'auth-mode',
      [
        ['identity-token', 'Google identity token'],
        ['oauth-token', 'Google OAuth access token'],
        ['security-code', 'AODocs security code'],
      ],
      settings.authMode,
    );
    const code = field(
      'Security code',
      'security-code',
      '',
      settings.securityCodeSaved ? 'saved: type to replace' : 'not saved',
      'password',
    );
    const forget = checkboxField('Remove the saved security code', 'forget-code', false);
    // The code's fields only matter in security-code mode.
    const showCodeFields = () => {
      code.row.hidden = mode.input.value !== 'security-code';
      forget.row.hidden = code.row.hidden || !settings.securityCodeSaved;
    };
    showCodeFields();
    mode.input.addEventListener('change', showCodeFields);
    const chunk = field('Jobs per chunk', 'chunk-size', String(settings.chunkSize), '', 'number');
    const inFlight = field('Chunks sent at once', 'chunks-in-flight', String(settings.chunksInFlight), '', 'number');
    const brakeHelp = h('p', { class: 'help', id: 'chunks-in-flight-help', 'data-testid': 'brake-help' });
    const explainBrake = () => {
      brakeHelp.textContent = brakeSentence(Number(chunk.input.value), Number(inFlight.input.value));
    };
    explainBrake();
    chunk.input.addEventListener('input', explainBrake);
    inFlight.input.addEventListener('input', explainBrake);
    inFlight.input.setAttribute('aria-describedby', 'chunks-in-flight-help');
    const cap = field('Most job IDs in one run', 'run-cap', String(settings.runCap), '', 'number');
    const typedFrom = field(
      'Type the count to confirm from (jobs)',
      'typed-confirm-from',
      String(settings.typedConfirmFrom),
      '',
      'number',
    );
    const hidden = checkboxField(SETTING.skipHidden, 'skip-hidden', settings.skipHiddenRows);
    const finished = checkboxField(SETTING.skipFinished, 'skip-finished', settings.skipFinishedRows);
    const log = checkboxField('Write the "AODocs Jobs log" sheet', 'write-log', settings.writeLog);
    const status = h('p', { 'data-testid': 'settings-status' }, saved ? 'Settings saved.' : '');
    const fields: Record<string, HTMLElement> = {
      baseUrl: custom.input,
      domain: domain.input,
      authMode: mode.input,
      securityCode: code.input,
      chunkSize: chunk.input,
      chunksInFlight: inFlight.input,
      runCap: cap.input,
      typedConfirmFrom: typedFrom.input,
    };

    const save = async () => {
      showError(null);
      // A "Settings saved." from an earlier save must not stand beside a save that fails.
      status.textContent = '';
      const input: SettingsInput = {
        baseUrl: base.input.value === 'custom' ? custom.input.value : base.input.value,
        domain: domain.input.value,
        authMode: mode.input.value as SettingsInput['authMode'],
        chunkSize: Number(chunk.input.value),
        chunksInFlight: Number(inFlight.input.value),
        runCap: Number(cap.input.value),
        typedConfirmFrom: Number(typedFrom.input.value),
        skipHiddenRows: hidden.input.checked,
        skipFinishedRows: finished.input.checked,
        writeLog: log.input.checked,
        securityCode: forget.input.checked ? '' : code.input.value === '' ? undefined : code.input.value,
      };
      try {
        const answer = await callServer('saveSettings', input);
        if (answer.ok) {
          render(answer.settings, true);
          ctx.announce('Settings saved.');
        } else {
          showError(answer.message);
          fields[answer.field]?.focus();
        }
      } catch (error) {
        showError((error as Error).message);
      }
    };
    const reportBox = h('div', {});
    const check = async () => {
      showError(null);
      replaceChildren(reportBox, h('p', { class: 'busy', 'aria-busy': 'true' }, 'Asking AODocs…'));
      try {
        // What the form shows, saved or not; an empty code field means the saved code.
        const typed = mode.input.value === 'security-code' && code.input.value !== '';
        const report = await callServer('checkConnection', {
          baseUrl: base.input.value === 'custom' ? custom.input.value : base.input.value,
          domain: domain.input.value,
          authMode: mode.input.value as SettingsInput['authMode'],
          ...(typed ? { securityCode: code.input.value } : {}),
        });
        replaceChildren(reportBox, connectionView(report));
        ctx.announce(report.message);
      } catch (error) {
        replaceChildren(reportBox);
        showError((error as Error).message);
      }
    };
    showScreen(
      root,
      screenHeading('Settings'),
      h(
        'form',
        { class: 'form', 'aria-label': 'Settings' },
        base.row,
        custom.row,
        domain.row,
        mode.row,
        code.row,
        forget.row,
        chunk.row,
        inFlight.row,
        brakeHelp,
        cap.row,
        typedFrom.row,
        hidden.row,
        finished.row,
        log.row,
      ),
      status,
      h(
        'div',
        { class: 'actions' },
        button('Save', () => void save(), 'primary'),
        button('Check connection', () => void check()),
      ),
      reportBox,
      diagnosticsSection(showError, (text) => ctx.announce(text)),
    );
  }

  return { start: () => void start() };
}
