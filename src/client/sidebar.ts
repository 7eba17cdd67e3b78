// The sidebar's frame: the panels behind a tab bar, the error box, the signed-in user and the version.
import { SidebarState } from '../shared/api';
import { h, replaceChildren } from './dom';
import { createErrorsPanel } from './panels/errors-panel';
import { createLibraryPanel } from './panels/library-panel';
import { PanelContext, createRunPanel } from './panels/run-panel';
import { createSettingsPanel } from './panels/settings-panel';
import { callServer } from './server-calls';

declare const __APP_VERSION__: string;

const main = document.getElementById('main')!;
const errorBox = document.getElementById('error')!;
const tabs = document.getElementById('tabs')!;
let state: SidebarState | undefined;

const ctx: PanelContext = {
  root: main,
  showError(message) {
    replaceChildren(errorBox, message ?? '');
    errorBox.hidden = message === null;
  },
  state: () => state,
  setBusy(busy) {
    for (const tab of tabs.querySelectorAll('button')) tab.disabled = busy;
  },
};

const panels = {
  Jobs: createRunPanel(ctx),
  Library: createLibraryPanel(ctx),
  Errors: createErrorsPanel(ctx),
  Settings: createSettingsPanel(ctx),
};

function show(name: keyof typeof panels): void {
  for (const tab of tabs.querySelectorAll('button'))
    tab.setAttribute('aria-selected', String(tab.textContent === name));
  ctx.showError(null);
  panels[name].start();
}

for (const name of Object.keys(panels) as (keyof typeof panels)[]) {
  const tab = h('button', { type: 'button', role: 'tab', 'aria-selected': 'false' }, name);
  tab.addEventListener('click', () => show(name));
  tabs.append(tab);
}

async function init(): Promise<void> {
  replaceChildren(document.getElementById('version')!, `AODocs Jobs ${__APP_VERSION__}`);
  replaceChildren(main, h('p', { class: 'busy' }, 'Loading…'));
  try {
    state = await callServer('getSidebarState');
    replaceChildren(document.getElementById('user')!, state.userEmail ? `Signed in as ${state.userEmail}` : '');
    show('Jobs');
    if (state.startWithCancel) await panels.Jobs.readPlan('cancel', true);
  } catch (error) {
    ctx.showError((error as Error).message);
    show('Jobs');
  }
}

void init();
