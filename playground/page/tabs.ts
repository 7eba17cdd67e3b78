// The sheet tabs at the bottom, in the server's tab order; a click asks to switch to that sheet.
import type { SheetSummary } from './api';

export class SheetTabs {
  private readonly list: HTMLElement;
  private key = '';

  constructor(
    root: HTMLElement,
    private readonly onSelect: (name: string) => void,
  ) {
    root.classList.add('tabs');
    const add = document.createElement('button');
    add.type = 'button';
    add.className = 'tabs-add';
    add.textContent = '+';
    add.title = 'Adding sheets is not available in the playground';
    add.setAttribute('aria-disabled', 'true');
    add.setAttribute('aria-label', 'Add sheet (not available)');
    this.list = document.createElement('div');
    this.list.className = 'tabs-list';
    this.list.setAttribute('role', 'tablist');
    root.append(add, this.list);
  }

  setSheets(sheets: SheetSummary[], active: string | null): void {
    const key = JSON.stringify([sheets.map((s) => s.name), active]);
    if (key === this.key) return;
    this.key = key;
    this.list.replaceChildren(
      ...sheets.map((sheet) => {
        const tab = document.createElement('button');
        tab.type = 'button';
        tab.className = 'sheet-tab';
        tab.setAttribute('role', 'tab');
        tab.setAttribute('aria-selected', String(sheet.name === active));
        tab.dataset.testid = `sheet-tab-${sheet.name}`;
        tab.dataset.sheet = sheet.name;
        tab.textContent = sheet.name;
        tab.addEventListener('click', () => this.onSelect(sheet.name));
        return tab;
      }),
    );
  }
}
