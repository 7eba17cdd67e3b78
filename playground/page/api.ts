// Typed wrappers over the playground server's JSON endpoints (same origin).

export interface SheetSummary {
  name: string;
  rows: number;
  columns: number;
}

export interface SheetData {
  name: string;
  values: unknown[][];
  displayValues: string[][];
  formulas: string[][];
  frozenRows: number;
  hiddenRows: number[];
  maxRows: number;
  maxColumns: number;
}

export interface MenuItem {
  caption: string;
  functionName: string;
}

export interface Menu {
  title: string;
  items: MenuItem[];
}

export interface PlaygroundState {
  activeSheet: string | null;
  /** `sheet` per the page's contract; the emulator also names it `sheetName`. */
  selection: { sheet?: string; sheetName?: string; ranges: string[]; currentCell?: string } | null;
  menus: Menu[];
  sidebar: { title: string; version: number } | null;
}

/** What the playground says about itself (playground/server/playground-info.ts). */
export interface PlaygroundInfo {
  aodocsUrl: string;
  routedAddresses: string[];
  builtInSimulator: boolean;
  demoLibraries: { name: string; id: string; about: string }[];
}

export type MenuResult = { ok: true } | { ok: false; message: string };

async function request<T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  });
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: reported below with the status
  }
  if (!response.ok) {
    const message =
      parsed && typeof parsed === 'object' && 'message' in parsed
        ? String((parsed as { message: unknown }).message)
        : text;
    throw new Error(`${method} ${url}: ${response.status} ${message}`.trim());
  }
  return parsed as T;
}

export function getSheets(): Promise<SheetSummary[]> {
  return request('GET', '/api/sheets');
}

export function getSheet(name: string): Promise<SheetData> {
  return request('GET', `/api/sheet?name=${encodeURIComponent(name)}`);
}

export function getInfo(): Promise<PlaygroundInfo> {
  return request('GET', '/api/info');
}

export function getState(): Promise<PlaygroundState> {
  return request('GET', '/api/state');
}

export function postSelect(sheet: string, ranges: string[], currentCell?: string): Promise<{ ok: boolean }> {
  return request('POST', '/api/select', { sheet, ranges, currentCell });
}

export function postActivate(sheet: string): Promise<{ ok: boolean }> {
  return request('POST', '/api/activate', { sheet });
}

export function postCell(sheet: string, row: number, column: number, input: string): Promise<{ ok: boolean }> {
  return request('POST', '/api/cell', { sheet, row, column, input });
}

export function postMenu(functionName: string): Promise<MenuResult> {
  return request('POST', '/api/menu', { functionName });
}

/** The sheet the server's selection is on, whichever name the server gives the field. */
export function selectionSheet(state: PlaygroundState): string | null {
  return state.selection?.sheet ?? state.selection?.sheetName ?? null;
}

export const SIDEBAR_URL = '/sidebar';
