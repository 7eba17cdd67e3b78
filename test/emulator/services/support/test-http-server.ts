import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export interface ServerStats {
  maxInFlight: number;
  seen: { method: string; path: string; headers: Record<string, string>; body: string }[];
}

export interface TestHttpServer {
  /** e.g. http://127.0.0.1:43121 */
  origin: string;
  /** The same routes over HTTPS with a self-signed certificate (needs openssl). */
  secureOrigin: string | null;
  stats(): Promise<ServerStats>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts support/test-http-server.js in a child process (the synchronous fetch blocks this thread). */
export async function startTestHttpServer(): Promise<TestHttpServer> {
  const child: ChildProcess = spawn(process.execPath, [path.join(__dirname, 'test-http-server.js')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const { port, httpsPort } = await new Promise<{ port: number; httpsPort: number | null }>((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split('\n')[0];
      if (buffered.includes('\n')) resolve(JSON.parse(line) as { port: number; httpsPort: number | null });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`test server exited with ${code}`)));
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    secureOrigin: httpsPort === null ? null : `https://127.0.0.1:${httpsPort}`,
    stats: async () => (await (await fetch(`${origin}/__stats`)).json()) as ServerStats,
    reset: async () => {
      await fetch(`${origin}/__reset`);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin?.end();
        child.kill();
      }),
  };
}

/** A local port nothing listens on: connections to it are refused. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
