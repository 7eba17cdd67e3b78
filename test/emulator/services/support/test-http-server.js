// A small HTTP server for the UrlFetchApp tests, run in a CHILD PROCESS: the emulated fetch blocks the test's thread,
// so a server on that thread could never answer. Prints {"port": n} once listening.
// Routes: /echo, /status/<code>[?body=...], /delay/<ms>, /redirect (302 to /echo), /headers, /hang, /drop,
// /bytes, /__stats (requests seen and the most in flight at once), /__reset.
// The same routes are served over HTTPS with a self-signed certificate made by openssl (for
// validateHttpsCertificates); {"httpsPort": null} when openssl is missing.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const https = require('node:https');
const os = require('node:os');
const path = require('node:path');

let inFlight = 0;
let maxInFlight = 0;
let seen = [];

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

function handle(req, res) {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/__stats') return send(res, 200, { maxInFlight, seen });
  if (url.pathname === '/__reset') {
    maxInFlight = 0;
    seen = [];
    return send(res, 200, {});
  }
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    seen.push({ method: req.method, path: req.url, headers: req.headers, body });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const done = () => {
      inFlight--;
    };
    res.on('close', done);
    const parts = url.pathname.split('/').filter(Boolean);
    switch (parts[0]) {
      case 'echo':
        return send(res, 200, {
          method: req.method,
          path: req.url,
          headers: req.headers,
          rawHeaders: req.rawHeaders,
          body,
        });
      case 'status':
        return send(res, Number(parts[1]), url.searchParams.get('body') ?? `status ${parts[1]}`);
      case 'delay':
        return setTimeout(() => send(res, 200, { delayed: Number(parts[1]) }), Number(parts[1]));
      case 'redirect':
        return send(res, 302, 'moved', { Location: '/echo' });
      case 'headers':
        res.writeHead(429, [
          ['Retry-After', '7'],
          ['Set-Cookie', 'a=1'],
          ['Set-Cookie', 'b=2'],
          ['X-Custom-Header', 'yes'],
        ]);
        return res.end('slow down');
      case 'hang':
        return undefined;
      case 'drop':
        return req.socket.destroy();
      case 'bytes':
        res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
        return res.end(Buffer.from([0, 1, 127, 128, 200, 255]));
      case 'latin1':
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=ISO-8859-1' });
        return res.end(Buffer.from([0x63, 0x61, 0x66, 0xe9]));
      default:
        return send(res, 404, 'no route');
    }
  });
}

function selfSignedCertificate() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gas-emulator-tls-'));
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
  } catch {
    return null;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const server = http.createServer(handle);
const tls = selfSignedCertificate();
const secureServer = tls ? https.createServer(tls, handle) : null;

server.listen(0, '127.0.0.1', () => {
  const announce = (httpsPort) =>
    process.stdout.write(`${JSON.stringify({ port: server.address().port, httpsPort })}\n`);
  if (secureServer) secureServer.listen(0, '127.0.0.1', () => announce(secureServer.address().port));
  else announce(null);
});
process.on('disconnect', () => process.exit(0));
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
