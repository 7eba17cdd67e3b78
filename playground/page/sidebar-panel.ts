// The add-on's sidebar: a 300 px panel on the right with a title bar, a close (x) button and the sidebar's HTML
// (GET /sidebar) in an iframe. A new sidebar version (the add-on showed a sidebar again) loads a fresh iframe;
// the same version is left alone, so the sidebar keeps its state while the page refreshes around it.
import { PlaygroundInfo, SIDEBAR_URL } from './api';

export const MESSAGE_SERVER_CALL_FINISHED = 'aodocs-playground:server-call-finished';
export const MESSAGE_SIDEBAR_CLOSED = 'aodocs-playground:sidebar-closed';

export interface SidebarHandlers {
  /** The user clicked x, or the sidebar called google.script.host.close(). */
  closed(version: number): void;
  /** A google.script.run call from the sidebar finished: the sheet may have changed. */
  serverCallFinished(): void;
}

export class SidebarPanel {
  private readonly title: HTMLElement;
  private readonly body: HTMLElement;
  private frame: HTMLIFrameElement | null = null;
  private version: number | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly handlers: SidebarHandlers,
  ) {
    root.classList.add('sidebar-panel');
    root.dataset.testid = 'sidebar-panel';
    root.setAttribute('role', 'complementary');
    root.hidden = true;
    const bar = document.createElement('div');
    bar.className = 'sidebar-titlebar';
    this.title = document.createElement('h2');
    this.title.className = 'sidebar-title';
    this.title.dataset.testid = 'sidebar-title';
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'sidebar-close';
    close.dataset.testid = 'sidebar-close';
    close.setAttribute('aria-label', 'Close sidebar');
    close.title = 'Close';
    close.textContent = '\u00d7';
    close.addEventListener('click', () => this.close());
    bar.append(this.title, close);
    this.body = document.createElement('div');
    this.body.className = 'sidebar-body';
    root.append(bar, this.body);
    window.addEventListener('message', (event) => this.onMessage(event));
  }

  /**
   * Under the sidebar, a note that is the playground's, not the add-on's: where the API address of Settings goes,
   * and the demo library IDs to try the Library tab with.
   */
  setNote(info: PlaygroundInfo): void {
    const note = document.createElement('div');
    note.className = 'sidebar-note';
    note.dataset.testid = 'playground-note';
    const routing = document.createElement('p');
    routing.dataset.testid = 'playground-routing';
    routing.textContent = info.builtInSimulator
      ? `Playground: the AODocs API address in Settings (production or staging) is routed to the built-in ` +
        `AODocs simulator, ${info.aodocsUrl}.`
      : `Playground: the AODocs API address in Settings (production or staging) is routed to ${info.aodocsUrl}.`;
    note.append(routing);
    if (info.demoLibraries.length > 0) {
      const intro = document.createElement('p');
      intro.textContent = 'Demo library IDs (Library tab):';
      const list = document.createElement('ul');
      list.dataset.testid = 'playground-demo-libraries';
      for (const library of info.demoLibraries) {
        const item = document.createElement('li');
        const id = document.createElement('code');
        id.textContent = library.id;
        item.append(id, ` ${library.name}: ${library.about}`);
        list.append(item);
      }
      note.append(intro, list);
    }
    this.root.querySelector('.sidebar-note')?.remove();
    this.root.append(note);
  }

  get shownVersion(): number | null {
    return this.version;
  }

  show(title: string, version: number): void {
    this.title.textContent = title;
    this.root.setAttribute('aria-label', title);
    this.root.hidden = false;
    if (this.frame && this.version === version) return;
    this.version = version;
    const frame = document.createElement('iframe');
    frame.className = 'sidebar-frame';
    frame.dataset.testid = 'sidebar-frame';
    frame.dataset.version = String(version);
    frame.title = title;
    frame.src = SIDEBAR_URL;
    // A sidebar the add-on just opened takes the focus, as a dialog would: a keyboard user goes on there (the
    // sidebar then puts it on its first heading).
    frame.addEventListener('load', () => frame.focus(), { once: true });
    this.frame?.remove();
    this.frame = frame;
    this.body.append(frame);
  }

  hide(): void {
    this.root.hidden = true;
    this.frame?.remove();
    this.frame = null;
    this.version = null;
  }

  private close(): void {
    const version = this.version;
    this.hide();
    if (version !== null) this.handlers.closed(version);
  }

  private onMessage(event: MessageEvent): void {
    if (!this.frame || event.source !== this.frame.contentWindow) return;
    const type = (event.data as { type?: unknown } | null)?.type;
    if (type === MESSAGE_SERVER_CALL_FINISHED) this.handlers.serverCallFinished();
    else if (type === MESSAGE_SIDEBAR_CLOSED) this.close();
  }
}
