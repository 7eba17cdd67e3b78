// A short message at the bottom of the page (errors, a menu item that failed), as Sheets shows toasts.

export class Toast {
  private timer = 0;

  constructor(private readonly root: HTMLElement) {
    root.classList.add('toast');
    root.dataset.testid = 'toast';
    root.setAttribute('role', 'alert');
    root.hidden = true;
    root.addEventListener('click', () => this.hide());
  }

  show(message: string, kind: 'error' | 'info' = 'error'): void {
    this.root.textContent = message;
    this.root.dataset.kind = kind;
    this.root.hidden = false;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.hide(), 8000);
  }

  hide(): void {
    this.root.hidden = true;
  }
}
