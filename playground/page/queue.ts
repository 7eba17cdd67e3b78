// Runs the page's server work one task at a time, in the order asked: a selection made before a menu click
// reaches the server before the menu's function runs, and a refresh never interleaves with a write.
// The sidebar's google.script.run calls do not go through the queue (a run would wait behind every refresh),
// but each waits for `changesSent()`: the user's changes asked for before it (selection, sheet switch, edits)
// are on the server first, so a click on a cell then on a sidebar button reads that cell.

/** A change the user made (selection, edit, sheet switch, menu item) or a refresh of what the page shows. */
export type TaskKind = 'change' | 'refresh';

export class TaskQueue {
  private tail: Promise<void> = Promise.resolve();
  private changes: Promise<void> = Promise.resolve();
  private pending = 0;
  private readonly waiting = new Set<string>();

  constructor(
    private readonly onBusy: (busy: boolean) => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  run(task: () => Promise<void>, kind: TaskKind = 'change'): Promise<void> {
    this.pending++;
    this.onBusy(true);
    this.tail = this.tail
      .then(task)
      .catch((error: unknown) => {
        this.onError(error);
      })
      .finally(() => {
        this.pending--;
        if (this.pending === 0) this.onBusy(false);
      });
    if (kind === 'change') this.changes = this.tail;
    return this.tail;
  }

  /** Like run, but a task with this key already waiting (not started) stands for this one too. */
  runOnce(key: string, task: () => Promise<void>, kind: TaskKind = 'change'): Promise<void> {
    if (this.waiting.has(key)) return this.tail;
    this.waiting.add(key);
    return this.run(() => {
      this.waiting.delete(key);
      return task();
    }, kind);
  }

  /** Settles once every change asked for so far has been sent (or has failed: its error is already shown). */
  changesSent(): Promise<void> {
    return this.changes;
  }
}
