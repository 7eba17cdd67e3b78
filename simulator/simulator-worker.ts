// Worker-thread entry: runs the simulator server and answers the handle's commands.
// Loaded by the bootstrap in simulator-process.ts, which registers tsx first.

import { parentPort, workerData } from 'node:worker_threads';
import { createSimulatorServer } from './server';
import type { CommandMessage, Commands, ReplyMessage, StartupMessage, WorkerData } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('simulator-worker.ts must run in a worker thread');

const { options } = workerData as WorkerData;
let server: ReturnType<typeof createSimulatorServer>;

const handlers: { [K in keyof Commands]: (...args: Commands[K]['args']) => Commands[K]['result'] | Promise<void> } = {
  requestLog: () => server.requestLog(),
  clearRequestLog: () => server.clearRequestLog(),
  violations: () => server.violations(),
  clearViolations: () => server.clearViolations(),
  getJob: (jobId) => server.getJob(jobId),
  putJobs: (jobs) => server.putJobs(jobs),
  setFaults: (faults) => server.setFaults(faults),
  setOptions: (changes) => server.setOptions(changes),
  reset: (seed) => server.reset(seed),
  close: () => server.close(),
};

port.on('message', async (message: CommandMessage) => {
  let reply: ReplyMessage;
  try {
    const handler = handlers[message.command] as (...args: unknown[]) => unknown;
    reply = { id: message.id, ok: true, result: await handler(...message.args) };
  } catch (error) {
    reply = { id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});

try {
  server = createSimulatorServer(options);
  server.start().then(
    ({ url }) => port.postMessage({ type: 'ready', url } satisfies StartupMessage),
    (error: Error) => port.postMessage({ type: 'failed', error: error.message } satisfies StartupMessage),
  );
} catch (error) {
  port.postMessage({ type: 'failed', error: (error as Error).message } satisfies StartupMessage);
}
