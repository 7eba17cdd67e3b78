// Starts the whole playground: the AODocs simulator (unless another AODocs URL is given), the emulated
// spreadsheet running build/Code.js, and the HTTP server of the page. Used by `npm start` and by the tests.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { SimulatorHandle, startSimulator } from '../../simulator/simulator-process';
import type { SimulatorOptions } from '../../simulator/options';
import { DEMO_ADMIN_EMAIL } from '../../simulator/demo-seed';
import { parseCsv } from './csv';
import { demoSheetRows } from './demo-sheet';
import { createPlaygroundServer } from './http-server';
import { buildPageAssets } from './page-assets';
import { PlaygroundApp } from './playground-app';
import { playgroundInfo } from './playground-info';

export interface StartOptions {
  /** 0 picks a free port. */
  port: number;
  /** A CSV file for the first sheet (first row = header); default: the demo sheet. */
  sheetCsv?: string;
  /** Another AODocs API base URL; default: a simulator started here. */
  aodocsUrl?: string;
  userEmail?: string;
  simulator?: SimulatorOptions;
}

export interface RunningPlayground {
  url: string;
  app: PlaygroundApp;
  simulator?: SimulatorHandle;
  close(): Promise<void>;
}

export async function startPlayground(options: StartOptions): Promise<RunningPlayground> {
  const rows = options.sheetCsv ? parseCsv(fs.readFileSync(options.sheetCsv, 'utf8')) : demoSheetRows();
  const simulator = options.aodocsUrl ? undefined : await startSimulator(options.simulator);
  const aodocsUrl = options.aodocsUrl ?? simulator!.url;
  const app = new PlaygroundApp({ aodocsUrl, userEmail: options.userEmail ?? DEMO_ADMIN_EMAIL, rows });
  const server = createPlaygroundServer(app, await buildPageAssets(), {
    info: playgroundInfo(aodocsUrl, simulator !== undefined),
    requestLog: simulator && (() => simulator.requestLog()),
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, '127.0.0.1', () => resolve());
    });
  } catch (error) {
    // A busy port: what was started for this playground stops, and the caller says why.
    app.close();
    await simulator?.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    app,
    simulator,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      app.close();
      await simulator?.close();
    },
  };
}
