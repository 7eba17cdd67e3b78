// Hostile review helper: an HTTP proxy in a child process between the add-on and the simulator, which answers
// chosen requests itself, as AODocs (or a proxy in front of it) may answer but the simulator never does.
import { ChildProcess, spawn } from 'node:child_process';

export interface Rule {
  /** Substring of the request path. */
  match: string;
  method?: string;
  /** How many requests it answers (default: all). */
  times?: number;
  /** Let the request through to the simulator first (the operation takes effect), then answer this. */
  after?: boolean;
  status: number;
  headers?: Record<string, string>;
  body: string;
}

const SOURCE = `
const http = require('node:http');
const target = new URL(process.argv[1]);
let rules = [];
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    if (req.url === '/__rules') { rules = JSON.parse(body.toString()); res.end('ok'); return; }
    const rule = rules.find((r) => req.url.includes(r.match) && (!r.method || r.method === req.method) && (r.times === undefined || r.times > 0));
    const answer = () => { if (rule.times !== undefined) rule.times--; res.writeHead(rule.status, rule.headers || {}); res.end(rule.body); };
    if (rule && !rule.after) return answer();
    const path = target.pathname.replace(/\\/$/, '') + req.url.replace(/^\\/api/, '');
    const up = http.request({ host: target.hostname, port: target.port, path, method: req.method, headers: req.headers }, (r) => {
      const out = [];
      r.on('data', (c) => out.push(c));
      r.on('end', () => {
        if (rule) return answer();
        res.writeHead(r.statusCode, r.headers); res.end(Buffer.concat(out));
      });
    });
    up.on('error', () => { res.destroy(); });
    up.end(body);
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
`;

export interface Proxy {
  url: string;
  setRules(rules: Rule[]): Promise<void>;
  close(): void;
}

export async function startProxy(simulatorUrl: string): Promise<Proxy> {
  const child: ChildProcess = spawn(process.execPath, ['-e', SOURCE, simulatorUrl], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve) => child.stdout!.once('data', (d) => resolve(String(d).trim())));
  const url = `http://127.0.0.1:${port}/api`;
  return {
    url,
    async setRules(rules) {
      await fetch(`http://127.0.0.1:${port}/__rules`, { method: 'POST', body: JSON.stringify(rules) });
    },
    close: () => child.kill(),
  };
}
