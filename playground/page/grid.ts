// The spreadsheet grid: a <table> in a scrolling box, with column letters, row numbers, frozen rows kept at the
// top, hidden rows left out (a marker on the next row's number), and the selection drawn on the cells.
// Cell text goes through textContent only: values come from untrusted sources.
// Up to FULL_RENDER_LIMIT rows every row is in the DOM; past that only a window around the viewport is.
import type { SheetData } from './api';
import { Rect, columnLetters } from './a1';
import type { Bounds, Selection } from './selection';

export const MIN_COLUMNS = 26;
export const MIN_ROWS = 100;
export const EXTRA_ROWS = 20;
const FULL_RENDER_LIMIT = 1000;
const WINDOW_OVERSCAN = 150;
const WINDOW_MARGIN = 40;
const DEFAULT_ROW_HEIGHT = 21;
const DEFAULT_COLUMN_WIDTH = 100;
const MAX_AUTO_COLUMN_WIDTH = 260;
const CHAR_WIDTH = 8;
const BLUE = '#1a73e8';
const ISO_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

export interface GridHandlers {
  cellDown(row: number, col: number, event: MouseEvent): void;
  cellDrag(row: number, col: number): void;
  columnDown(col: number, event: MouseEvent): void;
  columnDrag(col: number): void;
  rowDown(row: number, event: MouseEvent): void;
  rowDrag(row: number): void;
  dragEnd(): void;
  cellDoubleClick(row: number, col: number): void;
  scrolled(): void;
}

export interface CellContent {
  display: string;
  formula: string;
  value: unknown;
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

interface RenderedRow {
  tr: HTMLTableRowElement;
  header: HTMLTableCellElement;
  cells: HTMLTableCellElement[]; // index = column - 1
}

interface HiddenBlock {
  from: number;
  to: number;
}

type DragKind = 'cells' | 'columns' | 'rows' | null;

export class Grid {
  private readonly table: HTMLTableElement;
  private readonly colgroup: HTMLTableColElement;
  private readonly thead: HTMLTableSectionElement;
  private readonly tbody: HTMLTableSectionElement;
  private data: SheetData | null = null;
  private rowCount = MIN_ROWS;
  private colCount = MIN_COLUMNS;
  private frozenRows: number[] = [];
  private bodyRows: number[] = [];
  private hidden = new Set<number>();
  /** Row number -> the hidden block its row number carries a marker for. */
  private markers = new Map<number, HiddenBlock & { below: boolean }>();
  private colWidths: number[] = [];
  private rowHeight = DEFAULT_ROW_HEIGHT;
  private layoutKey = '';
  private windowStart = 0;
  private windowEnd = 0;
  private rendered = new Map<number, RenderedRow>();
  private colHeaders: HTMLTableCellElement[] = [];
  private decorated: HTMLElement[] = [];
  private selection: Selection | null = null;
  private drag: DragKind = null;
  private endDrag: (() => void) | null = null;
  private scrollFrame = 0;

  constructor(
    readonly root: HTMLElement,
    private readonly handlers: GridHandlers,
  ) {
    root.classList.add('grid-scroll');
    this.table = document.createElement('table');
    this.table.className = 'grid';
    this.table.setAttribute('role', 'grid');
    this.table.setAttribute('aria-multiselectable', 'true');
    this.colgroup = document.createElement('colgroup');
    this.thead = document.createElement('thead');
    this.tbody = document.createElement('tbody');
    this.table.append(this.colgroup, this.thead, this.tbody);
    root.append(this.table);
    this.table.addEventListener('mousedown', (e) => this.onMouseDown(e));
    this.table.addEventListener('dblclick', (e) => this.onDoubleClick(e));
    root.addEventListener('scroll', () => this.onScroll());
  }

  get bounds(): Bounds {
    return { rows: this.rowCount, columns: this.colCount };
  }

  get sheetName(): string | null {
    return this.data?.name ?? null;
  }

  /** Shows a sheet (or new data for the same sheet: only what changed is repainted). */
  setData(data: SheetData): void {
    this.data = data;
    const dataRows = data.displayValues.length;
    const dataCols = data.displayValues.reduce((max, row) => Math.max(max, row.length), 0);
    this.rowCount = Math.max(MIN_ROWS, dataRows + EXTRA_ROWS, data.frozenRows + 1);
    this.colCount = Math.max(MIN_COLUMNS, dataCols);
    this.hidden = new Set(data.hiddenRows.filter((r) => r >= 1 && r <= this.rowCount));
    const frozen = Math.min(Math.max(0, data.frozenRows), this.rowCount);
    this.frozenRows = [];
    this.bodyRows = [];
    for (let r = 1; r <= this.rowCount; r++) {
      if (this.hidden.has(r)) continue;
      (r <= frozen ? this.frozenRows : this.bodyRows).push(r);
    }
    this.computeMarkers();
    this.computeColumnWidths();
    this.renderColumns();
    this.render(false);
  }

  /** Draws the selection: light blue fill, a blue border round each range, a thicker one round the current cell. */
  setSelection(selection: Selection): void {
    this.selection = selection;
    this.root.dataset.selection = selection.toA1List().join(',');
    this.root.dataset.currentCell = selection.currentA1();
    this.decorate();
  }

  /** Renders the rows the scroll position needs now (after the scroll position was set from code). */
  sync(): void {
    this.render(false);
  }

  cellContent(row: number, col: number): CellContent {
    const data = this.data;
    return {
      display: data?.displayValues[row - 1]?.[col - 1] ?? '',
      formula: data?.formulas[row - 1]?.[col - 1] ?? '',
      value: data?.values[row - 1]?.[col - 1],
    };
  }

  cellElement(row: number, col: number): HTMLTableCellElement | null {
    return this.rendered.get(row)?.cells[col - 1] ?? null;
  }

  isHidden(row: number): boolean {
    return this.hidden.has(row);
  }

  /** Rows a PageDown moves by. */
  pageRows(): number {
    const header = this.thead.offsetHeight;
    return Math.max(1, Math.floor((this.root.clientHeight - header) / this.rowHeight) - 1);
  }

  /** Scrolls so that the cell is in view (under the frozen rows, right of the row numbers). */
  ensureVisible(row: number, col: number): void {
    const index = this.bodyIndex(row);
    if (index >= 0) {
      const header = this.thead.offsetHeight;
      const top = header + index * this.rowHeight;
      const bottom = top + this.rowHeight;
      if (top < this.root.scrollTop + header) this.root.scrollTop = top - header;
      else if (bottom > this.root.scrollTop + this.root.clientHeight)
        this.root.scrollTop = bottom - this.root.clientHeight;
    }
    const rowHeaderWidth = this.colWidths[0] ?? 0;
    let left = rowHeaderWidth;
    for (let c = 1; c < col; c++) left += this.colWidths[c];
    const right = left + (this.colWidths[col] ?? DEFAULT_COLUMN_WIDTH);
    if (left < this.root.scrollLeft + rowHeaderWidth) this.root.scrollLeft = left - rowHeaderWidth;
    else if (right > this.root.scrollLeft + this.root.clientWidth) this.root.scrollLeft = right - this.root.clientWidth;
    this.render(false);
  }

  /** Where a cell is, in the scrolling box's content coordinates (for the inline editor). */
  cellBox(row: number, col: number): Box | null {
    const td = this.cellElement(row, col);
    if (!td) return null;
    const rootRect = this.root.getBoundingClientRect();
    const rect = td.getBoundingClientRect();
    return {
      left: rect.left - rootRect.left + this.root.scrollLeft - this.root.clientLeft,
      top: rect.top - rootRect.top + this.root.scrollTop - this.root.clientTop,
      width: rect.width,
      height: rect.height,
    };
  }

  // --- layout -----------------------------------------------------------------------------------------------

  private computeMarkers(): void {
    this.markers.clear();
    const blocks: HiddenBlock[] = [];
    for (const r of [...this.hidden].sort((a, b) => a - b)) {
      const last = blocks[blocks.length - 1];
      if (last && last.to === r - 1) last.to = r;
      else blocks.push({ from: r, to: r });
    }
    for (const block of blocks) {
      let next = block.to + 1;
      while (next <= this.rowCount && this.hidden.has(next)) next++;
      if (next <= this.rowCount) {
        this.markers.set(next, { ...block, below: false });
        continue;
      }
      let previous = block.from - 1;
      while (previous >= 1 && this.hidden.has(previous)) previous--;
      if (previous >= 1) this.markers.set(previous, { ...block, below: true });
    }
  }

  /** 100 px like Sheets, wider (up to a limit) where the text needs it, so results stay readable. */
  private computeColumnWidths(): void {
    const widths = [46];
    const rows = this.data?.displayValues ?? [];
    const formulas = this.data?.formulas ?? [];
    for (let c = 0; c < this.colCount; c++) {
      let longest = 0;
      for (let r = 0; r < rows.length; r++) {
        const text = rows[r]?.[c] || formulas[r]?.[c] || '';
        if (text.length > longest) longest = text.length;
      }
      widths.push(Math.min(MAX_AUTO_COLUMN_WIDTH, Math.max(DEFAULT_COLUMN_WIDTH, longest * CHAR_WIDTH + 12)));
    }
    widths[0] = Math.max(46, String(this.rowCount).length * 8 + 16);
    this.colWidths = widths;
  }

  private renderColumns(): void {
    const cols = this.colgroup.children;
    while (cols.length > this.colWidths.length) this.colgroup.lastElementChild?.remove();
    while (cols.length < this.colWidths.length) this.colgroup.append(document.createElement('col'));
    this.colWidths.forEach((width, i) => {
      const col = cols[i] as HTMLTableColElement;
      if (col.style.width !== `${width}px`) col.style.width = `${width}px`;
    });
    this.table.style.width = `${this.colWidths.reduce((a, b) => a + b, 0)}px`;
  }

  private computeWindow(): [number, number] {
    const n = this.bodyRows.length;
    if (n <= FULL_RENDER_LIMIT) return [0, n];
    const first = Math.min(n, Math.floor(this.root.scrollTop / this.rowHeight));
    const visible = Math.ceil(this.root.clientHeight / this.rowHeight) + 1;
    const needStart = Math.max(0, first - WINDOW_MARGIN);
    const needEnd = Math.min(n, first + visible + WINDOW_MARGIN);
    if (this.windowEnd > this.windowStart && this.windowStart <= needStart && this.windowEnd >= needEnd) {
      return [this.windowStart, Math.min(this.windowEnd, n)];
    }
    return [Math.max(0, first - WINDOW_OVERSCAN), Math.min(n, first + visible + WINDOW_OVERSCAN)];
  }

  /** Builds the rows afresh when the layout or the window changed; otherwise repaints the cells in place. */
  private render(forceBuild: boolean): void {
    if (!this.data) return;
    const [start, end] = this.computeWindow();
    const key = [
      this.data.name,
      this.rowCount,
      this.colCount,
      this.frozenRows.join(','),
      [...this.hidden].join(','),
      start,
      end,
    ].join('|');
    if (forceBuild || key !== this.layoutKey) {
      this.layoutKey = key;
      this.windowStart = start;
      this.windowEnd = end;
      this.build();
    } else {
      for (const [row, rendered] of this.rendered) {
        rendered.cells.forEach((td, i) => this.paintCell(td, row, i + 1));
      }
    }
    this.decorate();
  }

  private build(): void {
    this.rendered.clear();
    this.decorated = [];
    const headerRow = document.createElement('tr');
    headerRow.className = 'col-headers';
    const corner = document.createElement('th');
    corner.className = 'corner';
    headerRow.append(corner);
    this.colHeaders = [];
    for (let c = 1; c <= this.colCount; c++) {
      const th = document.createElement('th');
      th.className = 'col-header';
      th.scope = 'col';
      th.dataset.col = String(c);
      th.dataset.testid = `col-header-${c}`;
      th.textContent = columnLetters(c);
      headerRow.append(th);
      this.colHeaders.push(th);
    }
    const head: HTMLTableRowElement[] = [headerRow];
    this.frozenRows.forEach((r, i) => {
      const tr = this.buildRow(r);
      tr.classList.add('frozen');
      if (i === this.frozenRows.length - 1) tr.classList.add('frozen-last');
      head.push(tr);
    });
    this.thead.replaceChildren(...head);

    const body: HTMLTableRowElement[] = [];
    for (let i = this.windowStart; i < this.windowEnd; i++) body.push(this.buildRow(this.bodyRows[i]));
    this.tbody.replaceChildren(...body);
    this.table.classList.toggle('has-frozen', this.frozenRows.length > 0);
    // Spacers stand for the rows outside the window: sized with the rows' real height.
    const sample = body[0];
    if (sample && sample.offsetHeight > 0) this.rowHeight = sample.offsetHeight;
    if (this.windowStart > 0) this.tbody.prepend(this.spacer(this.windowStart));
    if (this.windowEnd < this.bodyRows.length) this.tbody.append(this.spacer(this.bodyRows.length - this.windowEnd));
  }

  private spacer(rows: number): HTMLTableRowElement {
    const tr = document.createElement('tr');
    tr.className = 'spacer';
    tr.setAttribute('aria-hidden', 'true');
    const td = document.createElement('td');
    td.colSpan = this.colCount + 1;
    td.style.height = `${rows * this.rowHeight}px`;
    tr.append(td);
    return tr;
  }

  private buildRow(row: number): HTMLTableRowElement {
    const tr = document.createElement('tr');
    tr.dataset.row = String(row);
    const header = document.createElement('th');
    header.className = 'row-header';
    header.scope = 'row';
    header.dataset.row = String(row);
    header.dataset.testid = `row-header-${row}`;
    header.textContent = String(row);
    const marker = this.markers.get(row);
    if (marker) {
      const span = document.createElement('span');
      span.className = marker.below ? 'hidden-marker below' : 'hidden-marker';
      span.dataset.testid = `hidden-rows-${marker.from}-${marker.to}`;
      const label = marker.from === marker.to ? `Row ${marker.from} hidden` : `Rows ${marker.from}-${marker.to} hidden`;
      span.title = label;
      span.setAttribute('aria-label', label);
      header.append(span);
      tr.classList.add(marker.below ? 'before-hidden' : 'after-hidden');
    }
    tr.append(header);
    const cells: HTMLTableCellElement[] = [];
    for (let c = 1; c <= this.colCount; c++) {
      const td = document.createElement('td');
      td.dataset.row = String(row);
      td.dataset.col = String(c);
      td.dataset.testid = `cell-${row}-${c}`;
      this.paintCell(td, row, c);
      cells.push(td);
    }
    tr.append(...cells);
    this.rendered.set(row, { tr, header, cells });
    return tr;
  }

  /** Display value as text; a formula with no display value shows its formula, grey and italic. */
  private paintCell(td: HTMLTableCellElement, row: number, col: number): void {
    const { display, formula, value } = this.cellContent(row, col);
    const formulaOnly = display === '' && formula !== '';
    const text = formulaOnly ? formula : display;
    if (td.textContent !== text) td.textContent = text;
    td.classList.toggle('formula-only', formulaOnly);
    // Numbers and dates (which come as ISO strings) are right-aligned, as in Sheets.
    const numeric = typeof value === 'number' || (typeof value === 'string' && ISO_DATE.test(value));
    td.classList.toggle('num', !formulaOnly && numeric);
    td.classList.toggle('bool', !formulaOnly && typeof value === 'boolean');
    if (formula) td.dataset.formula = formula;
    else delete td.dataset.formula;
  }

  private bodyIndex(row: number): number {
    let lo = 0;
    let hi = this.bodyRows.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = this.bodyRows[mid];
      if (r === row) return mid;
      if (r < row) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  // --- selection drawing ------------------------------------------------------------------------------------

  private decorate(): void {
    for (const el of this.decorated) {
      el.classList.remove('sel', 'current', 'hl', 'full');
      el.style.boxShadow = '';
      el.removeAttribute('aria-selected');
    }
    this.decorated = [];
    const selection = this.selection;
    if (!selection || !this.data) return;
    const bounds = this.bounds;
    const shadows = new Map<HTMLElement, string[]>();
    const touch = (el: HTMLElement) => {
      if (!shadows.has(el)) {
        shadows.set(el, []);
        this.decorated.push(el);
      }
      return shadows.get(el) as string[];
    };
    const rects = selection.rects(bounds).map(clampTo(bounds));
    const areas = selection.areas();
    const single = rects.length === 1 && rects[0].top === rects[0].bottom && rects[0].left === rects[0].right;
    rects.forEach((rect, i) => {
      const area = areas[i];
      for (const [row, rendered] of this.rendered) {
        if (row < rect.top || row > rect.bottom) continue;
        for (let c = rect.left; c <= rect.right; c++) {
          const td = rendered.cells[c - 1];
          const list = touch(td);
          if (!single) td.classList.add('sel');
          td.setAttribute('aria-selected', 'true');
          if (row === rect.top) list.push(`inset 0 1px 0 0 ${BLUE}`);
          if (row === rect.bottom) list.push(`inset 0 -1px 0 0 ${BLUE}`);
          if (c === rect.left) list.push(`inset 1px 0 0 0 ${BLUE}`);
          if (c === rect.right) list.push(`inset -1px 0 0 0 ${BLUE}`);
        }
        touch(rendered.header);
        rendered.header.classList.add(area.kind === 'rows' ? 'full' : 'hl');
      }
      for (let c = rect.left; c <= rect.right; c++) {
        const th = this.colHeaders[c - 1];
        if (!th) continue;
        touch(th);
        th.classList.add(area.kind === 'columns' ? 'full' : 'hl');
      }
    });
    const current = this.cellElement(selection.current.row, selection.current.col);
    if (current) {
      touch(current).push(`inset 0 0 0 2px ${BLUE}`);
      current.classList.add('current');
    }
    for (const [el, list] of shadows) if (list.length > 0) el.style.boxShadow = list.join(', ');
  }

  // --- mouse ------------------------------------------------------------------------------------------------

  private onMouseDown(event: MouseEvent): void {
    if (event.button !== 0) return;
    const target = event.target as Element;
    const cell = target.closest('td[data-col]') as HTMLElement | null;
    const colHeader = target.closest('th.col-header') as HTMLElement | null;
    const rowHeader = target.closest('th.row-header') as HTMLElement | null;
    if (!cell && !colHeader && !rowHeader) return;
    event.preventDefault(); // no text selection while dragging; focus is given back by the handlers
    if (cell) {
      this.drag = 'cells';
      this.handlers.cellDown(Number(cell.dataset.row), Number(cell.dataset.col), event);
    } else if (colHeader) {
      this.drag = 'columns';
      this.handlers.columnDown(Number(colHeader.dataset.col), event);
    } else if (rowHeader) {
      this.drag = 'rows';
      this.handlers.rowDown(Number(rowHeader.dataset.row), event);
    }
    this.endDrag?.();
    const move = (e: MouseEvent) => this.onDragMove(e);
    const up = () => {
      window.removeEventListener('mousemove', move);
      window.removeEventListener('mouseup', up);
      window.removeEventListener('blur', up);
      this.endDrag = null;
      this.drag = null;
      this.handlers.dragEnd();
    };
    this.endDrag = up;
    window.addEventListener('mousemove', move);
    window.addEventListener('mouseup', up);
    // A click in the sidebar's frame takes the focus from this window: the drag is over, and its selection must
    // reach the server before the sidebar's call does.
    window.addEventListener('blur', up);
  }

  private onDragMove(event: MouseEvent): void {
    if (!this.drag) return;
    // The button went up where this window could not see it (over the sidebar's frame): the drag is over.
    if ((event.buttons & 1) === 0) {
      this.endDrag?.();
      return;
    }
    const el = document.elementFromPoint(event.clientX, event.clientY);
    if (!el || !this.table.contains(el)) return;
    const cell = el.closest('td[data-col]') as HTMLElement | null;
    const colHeader = el.closest('th.col-header') as HTMLElement | null;
    const rowHeader = el.closest('th.row-header') as HTMLElement | null;
    const row = Number((cell ?? rowHeader)?.dataset.row ?? NaN);
    const col = Number((cell ?? colHeader)?.dataset.col ?? NaN);
    if (this.drag === 'cells' && cell) this.handlers.cellDrag(row, col);
    else if (this.drag === 'columns' && !Number.isNaN(col)) this.handlers.columnDrag(col);
    else if (this.drag === 'rows' && !Number.isNaN(row)) this.handlers.rowDrag(row);
  }

  private onDoubleClick(event: MouseEvent): void {
    const cell = (event.target as Element).closest('td[data-col]') as HTMLElement | null;
    if (cell) this.handlers.cellDoubleClick(Number(cell.dataset.row), Number(cell.dataset.col));
  }

  private onScroll(): void {
    if (this.scrollFrame) return;
    this.scrollFrame = requestAnimationFrame(() => {
      this.scrollFrame = 0;
      this.render(false);
      this.handlers.scrolled();
    });
  }
}

function clampTo(bounds: Bounds): (rect: Rect) => Rect {
  return (rect) => ({
    top: Math.max(1, rect.top),
    left: Math.max(1, rect.left),
    bottom: Math.min(bounds.rows, rect.bottom),
    right: Math.min(bounds.columns, rect.right),
  });
}
