// Worker thread of sync-http-client.ts: performs a batch of HTTP(S) requests concurrently with node:http/https and
// posts the results back, then wakes the caller, which waits on the shared signal with Atomics.wait.
// Plain JavaScript so that node runs it as it is, under jest, tsx or plain node.
const http = require('node:http');
const https = require('node:https');
const { workerData } = require('node:worker_threads');

const { port, signal } = workerData;
const flag = new Int32Array(signal);
const MAX_REDIRECTS = 10;

// No keep-alive: every request opens its own connection, so a server closing an idle socket never turns into a
// spurious "connection reset" on the next request.
const agents = { 'http:': new http.Agent({ keepAlive: false }), 'https:': new https.Agent({ keepAlive: false }) };

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL']);

function classify(error) {
  if (error && error.timedOut) return 'timeout';
  const code = error && error.code;
  if (DNS_CODES.has(code)) return 'dns';
  if (typeof code === 'string' && (code.startsWith('ERR_TLS') || /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code))) {
    return 'ssl';
  }
  if (code === 'ERR_UNESCAPED_CHARACTERS' || code === 'ERR_INVALID_URL' || code === 'ERR_INVALID_CHAR')
    return 'invalid';
  return 'unavailable';
}

function once(url, method, headers, body, request, deadline) {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const module = target.protocol === 'https:' ? https : http;
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(Object.assign(new Error('timeout'), { timedOut: true }));
    let req;
    try {
      const headerObject = Object.fromEntries(headers);
      if (body && body.byteLength > 0 && !headers.some(([name]) => name.toLowerCase() === 'content-length')) {
        headerObject['Content-Length'] = String(body.byteLength);
      }
      // With escaping off the path goes out as the script wrote it; node refuses one holding e.g. a space.
      const location = request.verbatim ? { ...targetParts(target), path: rawPath(url) } : target;
      req = module.request(location, {
        method,
        headers: headerObject,
        agent: agents[target.protocol],
        rejectUnauthorized: request.validateHttpsCertificates,
      });
    } catch (error) {
      return reject(error);
    }
    const timer = setTimeout(() => req.destroy(Object.assign(new Error('timeout'), { timedOut: true })), remaining);
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.on('response', (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      res.on('end', () => {
        clearTimeout(timer);
        if (!res.complete) return reject(Object.assign(new Error('response cut'), { code: 'ECONNRESET' }));
        resolve({ status: res.statusCode, rawHeaders: res.rawHeaders, body: new Uint8Array(Buffer.concat(chunks)) });
      });
    });
    if (body && body.byteLength > 0) req.write(Buffer.from(body));
    req.end();
  });
}

async function perform(request) {
  const deadline = Date.now() + request.timeoutMs;
  let { url, method, body } = request;
  let headers = request.headers;
  for (let hop = 0; ; hop++) {
    const response = await once(url, method, headers, body, request, deadline);
    const location = locationOf(response.rawHeaders);
    const redirect = response.status >= 300 && response.status < 400 && location !== null;
    if (!redirect || !request.followRedirects || hop >= MAX_REDIRECTS) {
      return { ok: true, status: response.status, rawHeaders: response.rawHeaders, body: response.body, url };
    }
    url = new URL(location, url).href;
    // 303, and 301/302 after a POST, continue as a GET without body (what browsers and Java's client do).
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
      method = 'GET';
      body = null;
      headers = headers.filter(([name]) => !/^content-(type|length)$/i.test(name));
    }
  }
}

function targetParts(target) {
  return { protocol: target.protocol, hostname: target.hostname, port: target.port };
}

/** The path and query of `url` as written: what follows the authority, without the fragment. */
function rawPath(url) {
  const afterScheme = url.indexOf('//') + 2;
  const start = url.slice(afterScheme).search(/[/?#]/);
  if (start < 0) return '/';
  const rest = url.slice(afterScheme + start).split('#')[0];
  return rest.startsWith('/') ? rest : `/${rest}`;
}

function locationOf(rawHeaders) {
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i].toLowerCase() === 'location') return rawHeaders[i + 1];
  }
  return null;
}

port.on('message', async ({ id, requests }) => {
  const results = await Promise.all(
    requests.map((request) =>
      perform(request).catch((error) => ({ ok: false, kind: classify(error), detail: String(error && error.message) })),
    ),
  );
  port.postMessage({ id, results });
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
