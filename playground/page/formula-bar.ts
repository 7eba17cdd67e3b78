// The name box (the last range's A1, as Sheets shows it) and the formula bar (the current cell's formula or value).
import type { Grid } from './grid';
import { areaA1, type Selection } from './selection';

export class FormulaBar {
  constructor(
    private readonly nameBox: HTMLElement,
    private readonly content: HTMLElement,
  ) {
    nameBox.dataset.testid = 'name-box';
    content.dataset.testid = 'formula-bar';
  }

  update(grid: Grid, selection: Selection): void {
    const areas = selection.areas();
    this.nameBox.textContent = areas.length > 0 ? areaA1(areas[areas.length - 1]) : '';
    const { row, col } = selection.current;
    this.content.textContent = editText(grid, row, col);
  }
}

/** What the editor starts with and the formula bar shows: the formula, else the value as typed. */
export function editText(grid: Grid, row: number, col: number): string {
  const { display, formula, value } = grid.cellContent(row, col);
  if (formula) return formula;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  // Dates come as ISO strings: their display value is what a person typed.
  if (typeof value === 'string' && !/^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(value)) return value;
  return display;
}
