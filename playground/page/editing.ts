// The inline cell editor: an <input> laid over the cell. Enter commits (and moves down), Tab commits (and moves
// right), Escape cancels, clicking elsewhere commits. The text is sent as typed: `=...` becomes a formula server-side.
import type { Box } from './grid';

export type AfterCommit = 'down' | 'up' | 'right' | 'left' | 'stay';

export interface EditorHandlers {
  commit(row: number, col: number, text: string, original: string, after: AfterCommit): void;
  cancel(): void;
}

export class CellEditor {
  private readonly input: HTMLInputElement;
  private cell: { row: number; col: number; original: string } | null = null;
  private minWidth = 0;

  constructor(
    container: HTMLElement,
    private readonly handlers: EditorHandlers,
  ) {
    this.input = document.createElement('input');
    this.input.type = 'text';
    this.input.className = 'cell-editor';
    this.input.dataset.testid = 'cell-editor';
    this.input.spellcheck = false;
    this.input.autocomplete = 'off';
    this.input.hidden = true;
    container.append(this.input);
    this.input.addEventListener('keydown', (e) => this.onKeyDown(e));
    this.input.addEventListener('input', () => this.fit());
    this.input.addEventListener('blur', () => this.finish('stay'));
    // Clicks inside the editor must not reach the grid (which would select and commit).
    this.input.addEventListener('mousedown', (e) => e.stopPropagation());
  }

  get isOpen(): boolean {
    return this.cell !== null;
  }

  get position(): { row: number; col: number } | null {
    return this.cell ? { row: this.cell.row, col: this.cell.col } : null;
  }

  /** Opens on a cell: with `text` in it (the cell's content, or the first key typed) and the caret at the end. */
  open(row: number, col: number, box: Box, text: string, original: string): void {
    this.cell = { row, col, original };
    this.minWidth = box.width;
    const style = this.input.style;
    style.left = `${box.left}px`;
    style.top = `${box.top}px`;
    style.width = `${box.width}px`;
    style.height = `${box.height}px`;
    this.input.hidden = false;
    this.input.value = text;
    this.input.dataset.row = String(row);
    this.input.dataset.col = String(col);
    this.input.focus({ preventScroll: true });
    this.input.setSelectionRange(text.length, text.length);
    this.fit();
  }

  /** Commits what is typed (used when something else is clicked while editing). */
  commitNow(): void {
    this.finish('stay');
  }

  cancel(): void {
    if (!this.cell) return;
    this.cell = null;
    this.input.hidden = true;
    this.handlers.cancel();
  }

  private finish(after: AfterCommit): void {
    const cell = this.cell;
    if (!cell) return;
    this.cell = null;
    const text = this.input.value;
    this.input.hidden = true;
    this.handlers.commit(cell.row, cell.col, text, cell.original, after);
  }

  private onKeyDown(event: KeyboardEvent): void {
    event.stopPropagation();
    if (event.isComposing) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      this.finish(event.shiftKey ? 'up' : 'down');
    } else if (event.key === 'Tab') {
      event.preventDefault();
      this.finish(event.shiftKey ? 'left' : 'right');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      this.cancel();
    }
  }

  /** Grows to the right as text is typed, like Sheets' editor. */
  private fit(): void {
    this.input.style.width = `${this.minWidth}px`;
    if (this.input.scrollWidth > this.input.clientWidth) {
      this.input.style.width = `${Math.min(this.input.scrollWidth + 16, 800)}px`;
    }
  }
}
