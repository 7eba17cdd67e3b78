// Runs the page's server work one task at a time, in the order asked: a selection made before a menu click
// reaches the server before the menu's function runs, and a refresh never interleaves with a write.

export class TaskQueue {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;
  private readonly waiting = new Set<string>();

  constructor(
    private readonly onBusy: (busy: boolean) => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  run(task: () => Promise<void>): Promise<void> {
    this.pending++;
    this.onBusy(true);
    this.tail = this.tail
      .then(task)
      .catch((error: unknown) => this.onError(error))
      .finally(() => {
        this.pending--;
        if (this.pending === 0) this.onBusy(false);
      });
    return this.tail;
  }

  /** Like run, but a task with this key already waiting (not started) stands for this one too. */
  runOnce(key: string, task: () => Promise<void>): Promise<void> {
    if (this.waiting.has(key)) return this.tail;
    this.waiting.add(key);
    return this.run(() => {
      this.waiting.delete(key);
      return task();
    });
  }
}
