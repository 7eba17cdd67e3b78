// A model of a Sheets multi-range selection, without the DOM. Each range has an anchor (where it was started:
// the current cell when it is the last range) and a focus (the corner that Shift+click, drag and Shift+arrows move).
import { Area, Rect, cellA1, columnsA1, normalizeRect, parseA1, rectA1, rowsA1 } from './a1';

export type RangeKind = 'cells' | 'columns' | 'rows';

export interface SelRange {
  kind: RangeKind;
  anchorRow: number;
  anchorCol: number;
  focusRow: number;
  focusCol: number;
}

export interface Cell {
  row: number;
  col: number;
}

/** How far the grid goes: moves and extensions stay inside. */
export interface Bounds {
  rows: number;
  columns: number;
}

export type ClickMode = 'replace' | 'add' | 'extend';

function clamp(n: number, max: number): number {
  return Math.max(1, Math.min(max, n));
}

function cellRange(row: number, col: number): SelRange {
  return { kind: 'cells', anchorRow: row, anchorCol: col, focusRow: row, focusCol: col };
}

export class Selection {
  private ranges: SelRange[];

  constructor(ranges: SelRange[] = [cellRange(1, 1)]) {
    this.ranges = ranges.length > 0 ? ranges.map((r) => ({ ...r })) : [cellRange(1, 1)];
  }

  /** From A1 notations (the server's view of the selection); null when none of them parses. */
  static fromA1(list: readonly string[]): Selection | null {
    const ranges: SelRange[] = [];
    for (const a1 of list) {
      const area = parseA1(a1);
      if (!area) continue;
      if (area.kind === 'cells') {
        const { top, left, bottom, right } = area.rect;
        ranges.push({ kind: 'cells', anchorRow: top, anchorCol: left, focusRow: bottom, focusCol: right });
      } else if (area.kind === 'columns') {
        ranges.push({ kind: 'columns', anchorRow: 1, anchorCol: area.left, focusRow: 1, focusCol: area.right });
      } else {
        ranges.push({ kind: 'rows', anchorRow: area.top, anchorCol: 1, focusRow: area.bottom, focusCol: 1 });
      }
    }
    return ranges.length > 0 ? new Selection(ranges) : null;
  }

  clone(): Selection {
    return new Selection(this.ranges);
  }

  get rangeList(): readonly SelRange[] {
    return this.ranges;
  }

  private get last(): SelRange {
    return this.ranges[this.ranges.length - 1];
  }

  /** The current cell: the anchor of the last range. */
  get current(): Cell {
    return { row: this.last.anchorRow, col: this.last.anchorCol };
  }

  /** A plain click (replace), Ctrl/Cmd+click (add a range) or Shift+click / drag (extend the last range). */
  clickCell(row: number, col: number, mode: ClickMode = 'replace'): void {
    if (mode === 'replace') this.ranges = [cellRange(row, col)];
    else if (mode === 'add') this.ranges.push(cellRange(row, col));
    else {
      const last = this.last;
      this.ranges[this.ranges.length - 1] = { ...last, kind: 'cells', focusRow: row, focusCol: col };
    }
  }

  /** A click on a column letter: the whole column (Shift or a drag: from the current cell's column to this one). */
  clickColumn(col: number, mode: ClickMode = 'replace'): void {
    const whole: SelRange = { kind: 'columns', anchorRow: 1, anchorCol: col, focusRow: 1, focusCol: col };
    if (mode === 'replace') this.ranges = [whole];
    else if (mode === 'add') this.ranges.push(whole);
    else this.ranges[this.ranges.length - 1] = { ...this.last, kind: 'columns', focusCol: col };
  }

  /** A click on a row number: the whole row (Shift or a drag: from the current cell's row to this one). */
  clickRow(row: number, mode: ClickMode = 'replace'): void {
    const whole: SelRange = { kind: 'rows', anchorRow: row, anchorCol: 1, focusRow: row, focusCol: 1 };
    if (mode === 'replace') this.ranges = [whole];
    else if (mode === 'add') this.ranges.push(whole);
    else this.ranges[this.ranges.length - 1] = { ...this.last, kind: 'rows', focusRow: row };
  }

  /** Arrow keys: the current cell moves and the selection becomes that one cell. */
  move(dRow: number, dCol: number, bounds: Bounds): void {
    const { row, col } = this.current;
    this.ranges = [cellRange(clamp(row + dRow, bounds.rows), clamp(col + dCol, bounds.columns))];
  }

  /** Puts the current cell at (row, col), alone. */
  moveTo(row: number, col: number, bounds: Bounds): void {
    this.ranges = [cellRange(clamp(row, bounds.rows), clamp(col, bounds.columns))];
  }

  /** Shift+arrows: the focus corner of the last range moves; the current cell stays. */
  extend(dRow: number, dCol: number, bounds: Bounds): void {
    const last = { ...this.last };
    if (last.kind !== 'rows') last.focusCol = clamp(last.focusCol + dCol, bounds.columns);
    if (last.kind !== 'columns') last.focusRow = clamp(last.focusRow + dRow, bounds.rows);
    this.ranges[this.ranges.length - 1] = last;
  }

  /** The cell the focus corner of the last range is on (to keep it in view while extending). */
  get focus(): Cell {
    const last = this.last;
    return {
      row: last.kind === 'columns' ? last.anchorRow : last.focusRow,
      col: last.kind === 'rows' ? last.anchorCol : last.focusCol,
    };
  }

  areas(): Area[] {
    return this.ranges.map((r): Area => {
      if (r.kind === 'columns') {
        return { kind: 'columns', left: Math.min(r.anchorCol, r.focusCol), right: Math.max(r.anchorCol, r.focusCol) };
      }
      if (r.kind === 'rows') {
        return { kind: 'rows', top: Math.min(r.anchorRow, r.focusRow), bottom: Math.max(r.anchorRow, r.focusRow) };
      }
      return {
        kind: 'cells',
        rect: normalizeRect({ top: r.anchorRow, left: r.anchorCol, bottom: r.focusRow, right: r.focusCol }),
      };
    });
  }

  /** Each range as a rectangle within the bounds (whole columns and rows run to the grid's edge). */
  rects(bounds: Bounds): Rect[] {
    return this.areas().map((area) => areaRect(area, bounds));
  }

  /** A1 notations in the order the ranges were made: `A2:A10`, `C5`, `C:C`, `3:3`. */
  toA1List(): string[] {
    return this.areas().map(areaA1);
  }

  currentA1(): string {
    return cellA1(this.current.row, this.current.col);
  }

  equals(other: Selection): boolean {
    return JSON.stringify(this.ranges) === JSON.stringify(other.ranges);
  }
}

export function areaA1(area: Area): string {
  if (area.kind === 'columns') return columnsA1(area.left, area.right);
  if (area.kind === 'rows') return rowsA1(area.top, area.bottom);
  return rectA1(area.rect);
}

export function areaRect(area: Area, bounds: Bounds): Rect {
  if (area.kind === 'columns') return { top: 1, left: area.left, bottom: bounds.rows, right: area.right };
  if (area.kind === 'rows') return { top: area.top, left: 1, bottom: area.bottom, right: bounds.columns };
  return area.rect;
}
