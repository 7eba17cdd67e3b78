import path from 'node:path';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { WireRequest, WireResult } from './wire';

/** Time the caller waits beyond the longest request timeout before deciding the worker is gone. */
const WORKER_GRACE_MS = 5000;

/**
 * Synchronous HTTP for the emulated UrlFetchApp: a worker thread sends the requests (concurrently) while this thread
 * blocks in Atomics.wait, then reads the answer with receiveMessageOnPort. The calling thread runs no event loop in
 * the meantime, so a server on the same thread would never answer: tests run theirs in a child process.
 */
export class SyncHttpClient {
  private worker: Worker | null = null;
  private port: MessagePort | null = null;
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private nextId = 1;

  /** Sends all `requests` at once and returns their results in the same order. */
  send(requests: WireRequest[]): WireResult[] {
    if (requests.length === 0) return [];
    const port = this.start();
    const id = this.nextId++;
    Atomics.store(this.signal, 0, 0);
    port.postMessage({ id, requests });
    const waitMs = Math.max(...requests.map((request) => request.timeoutMs)) + WORKER_GRACE_MS;
    const deadline = Date.now() + waitMs;
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0 || Atomics.wait(this.signal, 0, 0, left) === 'timed-out') {
        this.close();
        throw new Error(`sync-http worker gave no answer within ${waitMs} ms`);
      }
      Atomics.store(this.signal, 0, 0);
      // Answers of an earlier, abandoned call may still be queued: skip them.
      for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) {
        const answer = message.message as { id: number; results: WireResult[] };
        if (answer.id === id) return answer.results;
      }
    }
  }

  /** Stops the worker; the next send starts a new one. */
  close(): void {
    void this.worker?.terminate();
    this.port?.close();
    this.worker = null;
    this.port = null;
  }

  private start(): MessagePort {
    if (this.port) return this.port;
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(path.join(__dirname, 'sync-http-worker.js'), {
      workerData: { port: port2, signal: this.signal.buffer },
      transferList: [port2],
    });
    // Neither keeps the process alive: an idle emulator must not stop jest or a script from exiting.
    worker.unref();
    port1.unref();
    this.worker = worker;
    this.port = port1;
    return port1;
  }
}
