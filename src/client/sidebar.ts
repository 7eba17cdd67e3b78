// The sidebar's frame: the panels behind ARIA tabs, the error box, the one live region, the signed-in user and
// the version.
import { SidebarState } from '../shared/api';
import { h, replaceChildren } from './dom';
import { createErrorsPanel } from './panels/errors-panel';
import { createLibraryPanel } from './panels/library-panel';
import { PanelContext, createRunPanel } from './panels/run-panel';
import { createSettingsPanel } from './panels/settings-panel';
import { callServer } from './server-calls';
import { messageContent } from './message-content';

declare const __APP_VERSION__: string;

const main = document.getElementById('main')!;
const errorBox = document.getElementById('error')!;
const tablist = document.getElementById('tabs')!;
let state: SidebarState | undefined;

// The one polite live region: created once, never replaced, only its text changes. It carries the run's
// progress and its end headline (and the few other sentences a panel announces), so that a screen reader reads
// them wherever the focus is.
const live = h('div', {
  id: 'live',
  class: 'visually-hidden',
  role: 'status',
  'aria-live': 'polite',
  'aria-atomic': 'true',
  'data-testid': 'live-region',
});
document.body.append(live);

const NAMES = ['Jobs', 'Library', 'Errors', 'Settings'] as const;
type PanelName = (typeof NAMES)[number];

const tabs = new Map<PanelName, HTMLButtonElement>();
const roots = new Map<PanelName, HTMLElement>();
for (const name of NAMES) {
  const id = name.toLowerCase();
  const tab = h(
    'button',
    {
      type: 'button',
      role: 'tab',
      id: `tab-${id}`,
      'aria-selected': 'false',
      'aria-controls': `panel-${id}`,
      tabindex: '-1',
    },
    name,
  );
  tab.addEventListener('click', () => show(name));
  tabs.set(name, tab);
  tablist.append(tab);
  const panel = h('div', { id: `panel-${id}`, role: 'tabpanel', 'aria-labelledby': `tab-${id}`, class: 'panel' });
  panel.hidden = true;
  roots.set(name, panel);
  main.append(panel);
}

const base: Omit<PanelContext, 'root'> = {
  showError(message) {
    replaceChildren(errorBox, ...messageContent(message ?? ''));
    errorBox.hidden = message === null;
  },
  state: () => state,
  setBusy(busy) {
    for (const tab of tabs.values()) tab.disabled = busy;
  },
  announce(text) {
    live.textContent = text;
  },
};

const panels = {
  Jobs: createRunPanel({ ...base, root: roots.get('Jobs')! }),
  Library: createLibraryPanel({ ...base, root: roots.get('Library')! }),
  Errors: createErrorsPanel({ ...base, root: roots.get('Errors')! }),
  Settings: createSettingsPanel({ ...base, root: roots.get('Settings')! }),
};

/** Marks `name`'s tab selected (the only one in the Tab order) and shows its panel alone. */
function select(name: PanelName): void {
  for (const [other, tab] of tabs) {
    const selected = other === name;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    roots.get(other)!.hidden = !selected;
  }
}

/** Panels shown at least once: the Jobs panel keeps its screen (an end screen's "Run again") across tab changes. */
const shown = new Set<PanelName>();

function show(name: PanelName): void {
  select(name);
  base.showError(null);
  // New-user trial: going to Settings to fix the code and back to Jobs threw away the end screen and its "Run
  // again". The Jobs panel is started once; its screens offer "Start over" themselves.
  if (name === 'Jobs' && shown.has(name)) return;
  shown.add(name);
  panels[name].start();
}

// Arrow keys, Home and End move between the tabs (and show the tab reached); Tab leaves the tab list.
tablist.addEventListener('keydown', (event) => {
  const order = NAMES.filter((n) => !tabs.get(n)!.disabled);
  const at = order.findIndex((n) => tabs.get(n) === document.activeElement);
  if (at < 0 || order.length === 0) return;
  const to: Partial<Record<string, number>> = {
    ArrowRight: (at + 1) % order.length,
    ArrowLeft: (at - 1 + order.length) % order.length,
    Home: 0,
    End: order.length - 1,
  };
  const index = to[event.key];
  if (index === undefined) return;
  event.preventDefault();
  const name = order[index];
  tabs.get(name)!.focus();
  if (tabs.get(name)!.getAttribute('aria-selected') !== 'true') show(name);
});

/**
 * The sidebar just opened: the focus moves into it, on the first screen's heading, so that a keyboard or screen
 * reader user lands where the add-on is (the screens then move it along as they follow one another).
 */
function takeFocus(): void {
  window.focus();
  roots.get('Jobs')!.querySelector<HTMLElement>('.screen-title[tabindex="-1"]')?.focus();
}

async function init(): Promise<void> {
  replaceChildren(document.getElementById('version')!, `AODocs Jobs ${__APP_VERSION__}`);
  select('Jobs');
  replaceChildren(roots.get('Jobs')!, h('p', { class: 'busy', 'aria-busy': 'true' }, 'Loading…'));
  try {
    state = await callServer('getSidebarState');
    replaceChildren(document.getElementById('user')!, state.userEmail ? `Signed in as ${state.userEmail}` : '');
    show('Jobs');
    takeFocus();
    if (state.startWithCancel) await panels.Jobs.readPlan('cancel');
  } catch (error) {
    show('Jobs');
    base.showError((error as Error).message);
  }
}

void init();
