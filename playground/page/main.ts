// The playground page: a small Google Sheet (grid, menu bar, tabs, sidebar) over the playground server's JSON API.
// This file wires the parts together and owns the page's state: the sheets, the active one, the selection per sheet.
import {
  MenuItem,
  PlaygroundState,
  SheetData,
  getInfo,
  getSheet,
  getSheets,
  getState,
  postActivate,
  postCell,
  postMenu,
  postSelect,
  selectionSheet,
} from './api';
import { AfterCommit, CellEditor } from './editing';
import { FormulaBar, editText } from './formula-bar';
import { Grid } from './grid';
import { keyAction } from './keys';
import { MenuBar } from './menu';
import { TaskQueue } from './queue';
import { ClickMode, Selection } from './selection';
import { SidebarPanel } from './sidebar-panel';
import { SheetTabs } from './tabs';
import { Toast } from './toast';

const MAX_CELLS_CLEARED = 5000;

function element(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`The page has no #${id}`);
  return el;
}

function clickMode(event: MouseEvent): ClickMode {
  if (event.ctrlKey || event.metaKey) return 'add';
  return event.shiftKey ? 'extend' : 'replace';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What the page offers the sidebar's frame (page-assets.ts's HOST_SCRIPT). */
interface PlaygroundWindow extends Window {
  __playgroundChangesSent?: () => Promise<void>;
}

class PlaygroundPage {
  private readonly toast = new Toast(element('toast'));
  private readonly queue = new TaskQueue(
    (busy) => (document.body.dataset.busy = String(busy)),
    (error) => this.toast.show(errorMessage(error)),
  );
  private readonly grid: Grid;
  private readonly editor: CellEditor;
  private readonly formulaBar = new FormulaBar(element('name-box'), element('formula-bar'));
  private readonly menu = new MenuBar(element('menubar'), (item) => this.runMenuItem(item));
  private readonly tabs = new SheetTabs(element('tabs'), (name) => this.switchTo(name));
  private readonly sidebar: SidebarPanel;
  private activeSheet: string | null = null;
  private data: SheetData | null = null;
  private selection = new Selection();
  private readonly selections = new Map<string, Selection>();
  private readonly scrolls = new Map<string, { top: number; left: number }>();
  private dismissedSidebarVersion = 0;
  /** The sheet whose tab was clicked last, until it shows; and how many switches are still on their way. */
  private switchingTo: string | null = null;
  private pendingSwitches = 0;

  constructor() {
    const gridRoot = element('grid');
    this.grid = new Grid(gridRoot, {
      cellDown: (row, col, event) => this.pointerSelect(() => this.selection.clickCell(row, col, clickMode(event))),
      cellDrag: (row, col) => this.changeSelection(() => this.selection.clickCell(row, col, 'extend')),
      columnDown: (col, event) => this.pointerSelect(() => this.selection.clickColumn(col, clickMode(event))),
      columnDrag: (col) => this.changeSelection(() => this.selection.clickColumn(col, 'extend')),
      rowDown: (row, event) => this.pointerSelect(() => this.selection.clickRow(row, clickMode(event))),
      rowDrag: (row) => this.changeSelection(() => this.selection.clickRow(row, 'extend')),
      dragEnd: () => this.postSelection(),
      cellDoubleClick: (row, col) => this.startEdit(row, col, null),
      scrolled: () => undefined,
    });
    this.editor = new CellEditor(gridRoot, {
      commit: (row, col, text, original, after) => this.commitEdit(row, col, text, original, after),
      cancel: () => this.grid.root.focus({ preventScroll: true }),
    });
    this.sidebar = new SidebarPanel(element('sidebar-panel'), {
      closed: (version) => {
        this.dismissedSidebarVersion = Math.max(this.dismissedSidebarVersion, version);
      },
      serverCallFinished: () => this.requestRefresh(),
    });
    gridRoot.addEventListener('keydown', (event) => this.onKeyDown(event));
  }

  /**
   * What a script changed, pushed by the server the moment its execution ends (server/live-events.ts): during a
   * run the server is busy nearly all the time, so asking for the sheet would show nothing until the run ends.
   */
  private listenToScripts(): void {
    const events = new EventSource('/api/events');
    events.addEventListener('sheet', (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as SheetData;
      if (data.name !== this.activeSheet || this.editor.isOpen) return;
      this.data = data;
      this.grid.setData(data);
      this.showSelection();
    });
    // The add-on set the selection (Select rows that need a look): the grid and the Name box show it.
    events.addEventListener('selection', (event) => {
      const now = JSON.parse((event as MessageEvent<string>).data) as { sheet: string; ranges: string[] };
      const selection = Selection.fromA1(now.ranges);
      if (now.sheet !== this.activeSheet || !selection) return;
      this.selection = selection;
      this.selections.set(now.sheet, selection);
      this.showSelection();
    });
  }

  start(): void {
    this.listenToScripts();
    // The sidebar's frame (same origin) waits on this before each google.script.run call: see queue.ts.
    (window as PlaygroundWindow).__playgroundChangesSent = () => this.queue.changesSent();
    void this.queue
      .run(async () => {
        this.sidebar.setNote(await getInfo());
        await this.refresh(true);
      })
      .then(() => {
        document.body.dataset.ready = 'true';
        this.grid.root.focus({ preventScroll: true });
      });
  }

  // --- server state ---------------------------------------------------------------------------------------

  /** Re-reads sheets, state and the active sheet, and re-renders; the user's selection and scroll stay. */
  private async refresh(initial = false): Promise<void> {
    const [sheets, state] = await Promise.all([getSheets(), getState()]);
    // Opening the page is opening the spreadsheet: a sidebar shown before it (the server never hears of a
    // sidebar being closed) stays closed, as in Sheets after a reload. Sidebars opened from now on show.
    if (initial && state.sidebar) this.dismissedSidebarVersion = state.sidebar.version;
    const names = sheets.map((s) => s.name);
    const active = state.activeSheet && names.includes(state.activeSheet) ? state.activeSheet : (names[0] ?? null);
    const data = active ? await getSheet(active) : null;
    this.tabs.setSheets(sheets, active);
    this.menu.setMenus(state.menus);
    this.updateSidebar(state);
    if (!active || !data) return;
    const switching = active !== this.activeSheet;
    if (switching) this.leaveSheet();
    this.activeSheet = active;
    this.data = data;
    this.grid.root.dataset.sheet = active;
    this.grid.setData(data);
    if (switching) {
      const fromServer = selectionSheet(state) === active ? Selection.fromA1(state.selection?.ranges ?? []) : null;
      this.selection = this.selections.get(active) ?? fromServer ?? new Selection();
      this.selections.set(active, this.selection);
      const scroll = this.scrolls.get(active) ?? { top: 0, left: 0 };
      this.grid.root.scrollTop = scroll.top;
      this.grid.root.scrollLeft = scroll.left;
      this.grid.sync();
      document.title = `${active} - AODocs Jobs playground`;
    }
    this.showSelection();
  }

  /** Before another sheet shows: its scroll is kept, and an open editor commits. */
  private leaveSheet(): void {
    if (this.editor.isOpen) this.editor.cancel();
    if (this.activeSheet) {
      this.scrolls.set(this.activeSheet, { top: this.grid.root.scrollTop, left: this.grid.root.scrollLeft });
    }
  }

  private requestRefresh(): void {
    void this.queue.runOnce('refresh', () => this.refresh(), 'refresh');
  }

  private updateSidebar(state: PlaygroundState): void {
    const sidebar = state.sidebar;
    if (!sidebar || sidebar.version <= this.dismissedSidebarVersion) this.sidebar.hide();
    else this.sidebar.show(sidebar.title, sidebar.version);
  }

  // --- selection ------------------------------------------------------------------------------------------

  private showSelection(): void {
    this.grid.setSelection(this.selection);
    this.formulaBar.update(this.grid, this.selection);
  }

  private changeSelection(change: () => void): void {
    change();
    this.showSelection();
  }

  private pointerSelect(change: () => void): void {
    if (this.editor.isOpen) this.editor.commitNow();
    this.menu.close();
    this.changeSelection(change);
    this.grid.root.focus({ preventScroll: true });
  }

  /** Tells the server the selection (once per burst of changes: the task reads the latest when it runs). */
  private postSelection(): void {
    const sheet = this.activeSheet;
    if (!sheet) return;
    void this.queue.runOnce(`select:${sheet}`, async () => {
      // The page shows another sheet by now (a switch, or the add-on activated one): this selection is of a
      // sheet left behind, and sending it would make that sheet the server's active sheet again.
      if (sheet !== this.activeSheet) return;
      const selection = this.selections.get(sheet);
      if (selection) await postSelect(sheet, selection.toA1List(), selection.currentA1());
    });
  }

  /** Moves the current cell, stepping over hidden rows. */
  private moveCurrent(dRow: number, dCol: number): void {
    const bounds = this.grid.bounds;
    const { row, col } = this.selection.current;
    let target = Math.max(1, Math.min(bounds.rows, row + dRow));
    const step = Math.sign(dRow);
    while (step !== 0 && this.grid.isHidden(target) && target + step >= 1 && target + step <= bounds.rows) {
      target += step;
    }
    if (this.grid.isHidden(target)) target = row;
    this.selection.moveTo(target, col + dCol, bounds);
  }

  private extendSelection(dRow: number, dCol: number): void {
    const bounds = this.grid.bounds;
    this.selection.extend(dRow, dCol, bounds);
    for (let guard = 0; dRow !== 0 && guard < bounds.rows && this.grid.isHidden(this.selection.focus.row); guard++) {
      const before = this.selection.focus.row;
      this.selection.extend(Math.sign(dRow), 0, bounds);
      if (this.selection.focus.row === before) break;
    }
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.target !== this.grid.root || this.editor.isOpen) return;
    const action = keyAction(event);
    if (!action) return;
    event.preventDefault();
    const { row, col } = this.selection.current;
    switch (action.kind) {
      case 'move':
        this.moveCurrent(action.dRow, action.dCol);
        break;
      case 'extend':
        this.extendSelection(action.dRow, action.dCol);
        break;
      case 'page': {
        const rows = this.grid.pageRows() * action.direction;
        if (action.extend) this.extendSelection(rows, 0);
        else this.moveCurrent(rows, 0);
        break;
      }
      case 'home':
        this.selection.moveTo(action.toFirstRow ? 1 : row, 1, this.grid.bounds);
        break;
      case 'edit':
        this.startEdit(row, col, null);
        return;
      case 'type':
        this.startEdit(row, col, action.text);
        return;
      case 'clear':
        this.clearSelectedCells();
        return;
    }
    this.showSelection();
    const reveal =
      action.kind === 'extend' || (action.kind === 'page' && action.extend)
        ? this.selection.focus
        : this.selection.current;
    this.grid.ensureVisible(reveal.row, reveal.col);
    this.postSelection();
  }

  // --- editing --------------------------------------------------------------------------------------------

  /** Opens the editor on a cell: with its content (double-click, Enter, F2) or with the key typed. */
  private startEdit(row: number, col: number, typed: string | null): void {
    if (!this.activeSheet || this.grid.isHidden(row)) return;
    this.grid.ensureVisible(row, col);
    const box = this.grid.cellBox(row, col);
    if (!box) return;
    const original = editText(this.grid, row, col);
    this.editor.open(row, col, box, typed ?? original, original);
  }

  private commitEdit(row: number, col: number, text: string, original: string, after: AfterCommit): void {
    const sheet = this.activeSheet;
    if (sheet && text !== original) {
      this.writeLocally([[row, col, text]]);
      void this.queue.run(async () => {
        await postCell(sheet, row, col, text);
      });
      this.requestRefresh();
    }
    if (after === 'stay') return;
    const moves: Record<Exclude<AfterCommit, 'stay'>, [number, number]> = {
      down: [1, 0],
      up: [-1, 0],
      right: [0, 1],
      left: [0, -1],
    };
    const [dRow, dCol] = moves[after];
    this.moveCurrent(dRow, dCol);
    this.showSelection();
    this.grid.ensureVisible(this.selection.current.row, this.selection.current.col);
    this.postSelection();
    this.grid.root.focus({ preventScroll: true });
  }

  /** Shows a typed value at once (the server's answer replaces it on the next refresh). */
  private writeLocally(writes: [number, number, string][]): void {
    const data = this.data;
    if (!data) return;
    for (const [row, col, text] of writes) {
      const formula = text.startsWith('=') && text.length > 1;
      const put = <T>(rows: T[][], value: T, blank: T) => {
        while (rows.length < row) rows.push([]);
        const cells = rows[row - 1];
        while (cells.length < col) cells.push(blank);
        cells[col - 1] = value;
      };
      put(data.displayValues, formula ? '' : text, '');
      put(data.formulas, formula ? text : '', '');
      put<unknown>(data.values, formula ? '' : text, '');
    }
    this.grid.setData(data);
    this.showSelection();
  }

  /** Delete / Backspace: empties the selected cells that hold something (one POST /api/cell each). */
  private clearSelectedCells(): void {
    const sheet = this.activeSheet;
    const data = this.data;
    if (!sheet || !data) return;
    const targets: [number, number][] = [];
    const seen = new Set<string>();
    for (const rect of this.selection.rects(this.grid.bounds)) {
      const bottom = Math.min(rect.bottom, data.displayValues.length);
      for (let r = rect.top; r <= bottom; r++) {
        const right = Math.min(rect.right, data.displayValues[r - 1]?.length ?? 0);
        for (let c = rect.left; c <= right; c++) {
          const { display, formula } = this.grid.cellContent(r, c);
          if ((display !== '' || formula !== '') && !seen.has(`${r},${c}`)) {
            seen.add(`${r},${c}`);
            targets.push([r, c]);
          }
          if (targets.length > MAX_CELLS_CLEARED) {
            this.toast.show(`Select at most ${MAX_CELLS_CLEARED} filled cells to clear at once.`, 'info');
            return;
          }
        }
      }
    }
    if (targets.length === 0) return;
    this.writeLocally(targets.map(([r, c]): [number, number, string] => [r, c, '']));
    void this.queue.run(async () => {
      for (const [r, c] of targets) await postCell(sheet, r, c, '');
    });
    this.requestRefresh();
  }

  // --- tabs and menus -------------------------------------------------------------------------------------

  private switchTo(name: string): void {
    if (this.editor.isOpen) this.editor.commitNow();
    this.menu.close();
    if (name === (this.switchingTo ?? this.activeSheet)) return;
    // Until the other sheet shows, the grid still shows this one: a click there must not select a cell of the
    // sheet being left (inert: no pointer or keyboard input reaches it; Playwright's click waits it out).
    this.switchingTo = name;
    this.pendingSwitches++;
    this.grid.root.inert = true;
    void this.queue
      .run(async () => {
        await postActivate(name);
        await this.refresh();
      })
      .finally(() => {
        this.pendingSwitches--;
        if (this.pendingSwitches > 0) return; // another switch is still on its way: the grid stays inert
        this.switchingTo = null;
        this.grid.root.inert = false;
        this.focusGrid();
      });
  }

  /** Gives the grid the keyboard, unless the user is typing in the sidebar or a field meanwhile. */
  private focusGrid(): void {
    const active = document.activeElement;
    if (active instanceof HTMLIFrameElement || active instanceof HTMLInputElement) return;
    if (active instanceof HTMLTextAreaElement) return;
    this.grid.root.focus({ preventScroll: true });
  }

  /** Runs a menu item's function in the emulator, then shows what it did (a sidebar, writes...). */
  private runMenuItem(item: MenuItem): void {
    if (this.editor.isOpen) this.editor.commitNow();
    void this.queue.run(async () => {
      try {
        const result = await postMenu(item.functionName);
        if (!result.ok) this.toast.show(`${item.caption}: ${result.message}`);
      } finally {
        await this.refresh();
      }
    });
  }
}

function main(): void {
  if (!document.body.dataset.busy) document.body.dataset.busy = 'false';
  new PlaygroundPage().start();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', main);
else main();
