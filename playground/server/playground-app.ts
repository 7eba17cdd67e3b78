// The playground's state: one emulated Apps Script project bound to one spreadsheet, running build/Code.js,
// with UrlFetchApp routed to an AODocs simulator (or another AODocs URL). The HTTP layer only calls this.
import { AppsScriptEnvironment, createAppsScriptEnvironment } from '../../emulator/environment';
import { LoadedBundle, loadBundle } from '../../emulator/bundle-loader';
import { PRODUCTION_BASE_URL, STAGING_BASE_URL } from '../../src/core/settings';

export interface PlaygroundOptions {
  /** Where AODocs' production (and staging) URL is routed: the simulator's base URL, e.g. http://127.0.0.1:8090/api. */
  aodocsUrl: string;
  userEmail: string;
  /** The first sheet's rows, as typed input (first row = header). */
  rows: unknown[][];
  sheetName?: string;
}

export interface SheetDump {
  name: string;
  values: unknown[][];
  displayValues: string[][];
  formulas: string[][];
  frozenRows: number;
  hiddenRows: number[];
  maxRows: number;
  maxColumns: number;
}

function hiddenRowsOf(
  sheet: { isRowHiddenByUser(r: number): boolean; isRowHiddenByFilter(r: number): boolean },
  rows: number,
) {
  const hidden: number[] = [];
  for (let r = 1; r <= rows; r++) if (sheet.isRowHiddenByUser(r) || sheet.isRowHiddenByFilter(r)) hidden.push(r);
  return hidden;
}

function selectionOf(selection: { sheetName: string; ranges: string[]; currentCell: string } | null) {
  return selection && { sheet: selection.sheetName, ranges: selection.ranges, currentCell: selection.currentCell };
}

export class PlaygroundApp {
  readonly env: AppsScriptEnvironment;
  readonly bundle: LoadedBundle;
  private sidebarVersion = 0;
  private lastSidebar: unknown = null;

  constructor(options: PlaygroundOptions) {
    this.env = createAppsScriptEnvironment({
      userEmail: options.userEmail,
      urlFetch: { routes: { [PRODUCTION_BASE_URL]: options.aodocsUrl, [STAGING_BASE_URL]: options.aodocsUrl } },
    });
    const sheet = this.env.spreadsheet.addSheet(options.sheetName ?? 'Sheet1', options.rows);
    if (options.rows.length > 1) sheet.setFrozenRows(1);
    this.env.spreadsheet.select(sheet.name, ['A2']);
    this.bundle = loadBundle(this.env);
    // Opening the spreadsheet runs the add-on's onOpen, which builds its menu.
    this.bundle.run('onOpen', { authMode: 'LIMITED' });
  }

  sheets(): { name: string; rows: number; columns: number }[] {
    // The data range's size, as values() would return it, without building the grid.
    return this.env.spreadsheet.sheetNames().map((name) => {
      const sheet = this.env.spreadsheet.sheet(name);
      return { name, rows: Math.max(sheet.lastRow, 1), columns: Math.max(sheet.lastColumn, 1) };
    });
  }

  sheet(name: string): SheetDump {
    const s = this.env.spreadsheet.sheet(name);
    const values = s.values().map((row) => row.map((v) => (v instanceof Date ? v.toISOString() : v)));
    return {
      name,
      values,
      displayValues: s.displayValues(),
      formulas: s.formulas(),
      frozenRows: s.frozenRows,
      hiddenRows: hiddenRowsOf(s, Math.max(values.length, 1)),
      maxRows: s.maxRows,
      maxColumns: s.maxColumns,
    };
  }

  state() {
    const ui = this.env.spreadsheet.ui;
    if (ui.sidebar !== this.lastSidebar) {
      this.lastSidebar = ui.sidebar;
      this.sidebarVersion++;
    }
    return {
      activeSheet: this.env.spreadsheet.activeSheetName(),
      selection: selectionOf(this.env.spreadsheet.selection()),
      menus: ui.menus,
      sidebar: ui.sidebar ? { title: ui.sidebar.title, version: this.sidebarVersion } : null,
    };
  }

  /** The spreadsheet's selection, as state() gives it. */
  selection() {
    return selectionOf(this.env.spreadsheet.selection());
  }

  select(sheet: string, ranges: string[], currentCell?: string): void {
    this.env.spreadsheet.select(sheet, ranges, currentCell);
  }

  activate(sheet: string): void {
    this.env.spreadsheet.activate(sheet);
  }

  type(sheet: string, row: number, column: number, input: string): void {
    this.env.spreadsheet.sheet(sheet).type(row, column, input);
  }

  /** A menu item's function, as a click runs it (AuthMode.FULL). */
  runMenuItem(functionName: string): { ok: true } | { ok: false; message: string } {
    const known = this.env.spreadsheet.ui.menus.some((m) => m.items.some((i) => i.functionName === functionName));
    if (!known) return { ok: false, message: `No menu item runs ${functionName}` };
    try {
      this.bundle.run(functionName, { authMode: 'FULL' });
      return { ok: true };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }

  /** A google.script.run call from the sidebar. */
  scriptRun(name: string, args: unknown[]): { ok: true; value: unknown } | { ok: false; message: string } {
    try {
      return { ok: true, value: this.bundle.callFromClient(name, ...args) };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }

  stats() {
    return {
      calls: this.env.counter.snapshot(),
      urlFetchRequests: this.env.urlFetch.requestsSent,
      scriptExecutions: this.bundle.executions,
      executionsByFunction: this.env.executions.log.reduce<Record<string, number>>((byName, e) => {
        byName[e.functionName] = (byName[e.functionName] ?? 0) + 1;
        return byName;
      }, {}),
      cellsRead: this.env.spreadsheet.cellsRead,
      cellsWritten: this.env.spreadsheet.cellsWritten,
    };
  }

  close(): void {
    this.env.close();
  }
}
