// The playground's HTTP server: the page, the sidebar, and the JSON endpoints the page and the tests use.
import http from 'node:http';
import { LiveEvents } from './live-events';
import { PageAssets, sidebarHtml } from './page-assets';
import { PlaygroundApp } from './playground-app';
import type { PlaygroundInfo } from './playground-info';
import type { RequestLogEntry } from '../../simulator/request-log';

/** What the server says about the playground, and the built-in simulator's request log when there is one. */
export interface PlaygroundExtras {
  info: PlaygroundInfo;
  requestLog?: () => Promise<RequestLogEntry[]>;
}

const MAX_BODY = 1_000_000;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > MAX_BODY) {
        reject(new HttpError(413, 'Body too large'));
        req.destroy();
      }
    });
    req.on('end', () => {
      try {
        const parsed: unknown = JSON.parse(body || '{}');
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error();
        resolve(parsed as Record<string, unknown>);
      } catch {
        reject(new HttpError(400, 'Body must be a JSON object'));
      }
    });
    req.on('error', reject);
  });
}

function str(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  if (typeof value !== 'string') throw new HttpError(400, `"${key}" must be a string`);
  return value;
}

function int(body: Record<string, unknown>, key: string, max: number): number {
  const value = body[key];
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > max) {
    throw new HttpError(400, `"${key}" must be an integer from 1 to ${max}`);
  }
  return value as number;
}

function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

function json(res: http.ServerResponse, value: unknown, status = 200): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

/**
 * Only this machine's pages may drive the playground: another site open in the same browser could otherwise POST
 * to it (a form or a DNS-rebound name). The Host must be a loopback name, and a POST must be JSON.
 */
function checkCaller(req: http.IncomingMessage): void {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  if (!['localhost', '127.0.0.1', '[::1]'].includes(host))
    throw new HttpError(403, 'Only local pages may use the playground');
  if (req.method === 'POST' && !/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    throw new HttpError(415, 'POST bodies must be application/json');
  }
}

async function route(
  live: LiveEvents,
  app: PlaygroundApp,
  assets: PageAssets,
  extras: PlaygroundExtras | undefined,
  req: http.IncomingMessage,
  res: http.ServerResponse,
) {
  checkCaller(req);
  const url = new URL(req.url ?? '/', 'http://localhost');
  const key = `${req.method} ${url.pathname}`;
  const sheetName = (name: string | null) => {
    if (!name || !app.env.spreadsheet.sheetNames().includes(name)) throw new HttpError(404, `No sheet named ${name}`);
    return name;
  };
  switch (key) {
    case 'GET /':
      return send(res, 200, 'text/html; charset=utf-8', assets.html);
    case 'GET /page.js':
      return send(res, 200, 'text/javascript; charset=utf-8', assets.js);
    case 'GET /page.css':
      return send(res, 200, 'text/css; charset=utf-8', assets.css);
    case 'GET /sidebar':
      return send(res, 200, 'text/html; charset=utf-8', sidebarHtml(app.env.buildDir, extras?.info));
    case 'GET /api/info':
      if (!extras) throw new HttpError(404, 'No playground information');
      return json(res, extras.info);
    case 'GET /api/simulator/requests':
      // What the built-in AODocs simulator received, in arrival order (never a credential).
      if (!extras?.requestLog) throw new HttpError(404, 'No built-in AODocs simulator: --aodocs-url was given');
      return json(res, await extras.requestLog());
    case 'GET /api/sheets':
      return json(res, app.sheets());
    case 'GET /api/sheet':
      return json(res, app.sheet(sheetName(url.searchParams.get('name'))));
    case 'GET /api/state':
      return json(res, app.state());
    case 'GET /api/stats':
      return json(res, app.stats());
    case 'POST /api/select': {
      const body = await readJson(req);
      const ranges = body.ranges;
      if (!Array.isArray(ranges) || !ranges.every((r) => typeof r === 'string')) {
        throw new HttpError(400, '"ranges" must be a list of A1 notations');
      }
      const current = body.currentCell === undefined ? undefined : str(body, 'currentCell');
      app.select(sheetName(str(body, 'sheet')), ranges as string[], current);
      return json(res, { ok: true });
    }
    case 'POST /api/activate': {
      app.activate(sheetName(str(await readJson(req), 'sheet')));
      return json(res, { ok: true });
    }
    case 'POST /api/cell': {
      const body = await readJson(req);
      app.type(
        sheetName(str(body, 'sheet')),
        int(body, 'row', 100_000),
        int(body, 'column', 1_000),
        str(body, 'input'),
      );
      return json(res, { ok: true });
    }
    case 'GET /api/events':
      return live.open(req, res);
    case 'POST /api/menu': {
      const functionName = str(await readJson(req), 'functionName');
      return json(
        res,
        live.around(app, () => app.runMenuItem(functionName)),
      );
    }
    case 'POST /api/script-run': {
      const body = await readJson(req);
      const args = body.args ?? [];
      if (!Array.isArray(args)) throw new HttpError(400, '"args" must be a list');
      return json(
        res,
        live.around(app, () => app.scriptRun(str(body, 'name'), args)),
      );
    }
    default:
      throw new HttpError(404, `Not found: ${key}`);
  }
}

export function createPlaygroundServer(app: PlaygroundApp, assets: PageAssets, extras?: PlaygroundExtras): http.Server {
  const live = new LiveEvents();
  return http.createServer((req, res) => {
    route(live, app, assets, extras, req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 400;
      json(res, { ok: false, message: error instanceof Error ? error.message : String(error) }, status);
    });
  });
}
