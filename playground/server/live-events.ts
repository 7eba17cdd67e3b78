// Pushes what a script changed to the open pages (server-sent events), the moment its execution ends. An
// execution blocks this process (the emulator runs the add-on synchronously), and a run keeps one going nearly
// all the time: a page that asked for the sheet after each call would see nothing until the run ends. A push
// needs no gap: it is written to the open streams before the next request is read.
import http from 'node:http';
import type { PlaygroundApp } from './playground-app';

export class LiveEvents {
  private readonly streams = new Set<http.ServerResponse>();

  /** GET /api/events: the stream stays open until the page goes. */
  open(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
    res.write(': open\n\n');
    this.streams.add(res);
    req.on('close', () => this.streams.delete(res));
  }

  /**
   * Runs `script` (an execution of the add-on), then pushes the active sheet when the spreadsheet changed, and the
   * selection when the script set one (Select rows that need a look): the page shows them at once.
   */
  around<T>(app: PlaygroundApp, script: () => T): T {
    const version = app.env.spreadsheet.version;
    const selection = JSON.stringify(app.selection());
    try {
      return script();
    } finally {
      if (this.streams.size > 0) this.push(app, version, selection);
    }
  }

  private push(app: PlaygroundApp, version: number, selection: string): void {
    const active = app.env.spreadsheet.activeSheetName();
    if (app.env.spreadsheet.version !== version && active !== null) this.send('sheet', app.sheet(active));
    const now = app.selection();
    if (JSON.stringify(now) !== selection && now !== null) this.send('selection', now);
  }

  private send(event: string, data: unknown): void {
    const text = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const stream of this.streams) stream.write(text);
  }
}
