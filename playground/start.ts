// npm start -- [--port 8080] [--sheet FILE.csv] [--aodocs-url URL] [--user EMAIL] [--latency-ms N] [--faults SPEC]
// [--domain D]
// Builds the add-on when build/ is stale, then serves the playground until Ctrl+C.
import { parseArgs } from 'node:util';
import { UsageError, parseDomains, parseFaultRates } from '../simulator/cli-args';
import { parseLatency } from '../simulator/latency';
import type { SimulatorOptions } from '../simulator/options';
import { startPlayground } from './server/start-playground';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildIfStale } = require('../build-tools/build-if-stale');

const USAGE = `Usage: npm start -- [options]
  --port N           port of the page (default 8080; 0 picks a free one)
  --sheet FILE.csv   first sheet's content, first row = header (default: a demo sheet)
  --aodocs-url URL   use this AODocs API base URL instead of the built-in simulator
  --user EMAIL       the signed-in user (default admin@example.com, an administrator in the demo data)
  --latency-ms N     simulator: delay of every answer, or MIN-MAX
  --faults SPEC      simulator: fault rates, e.g. 503=0.1,429=0.05,drop=0.02
  --domain D[,D...]  simulator: the domains it serves; another domain in Settings gets 400 (default: any)`;

function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string', default: '8080' },
      sheet: { type: 'string' },
      'aodocs-url': { type: 'string' },
      user: { type: 'string' },
      'latency-ms': { type: 'string' },
      faults: { type: 'string' },
      domain: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return undefined;
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be 0..65535');
  const aodocsUrl = values['aodocs-url'];
  if (aodocsUrl !== undefined && !/^https?:\/\/[^/\s]+\/\S*$/.test(aodocsUrl)) {
    throw new UsageError('--aodocs-url must be an http(s) URL with a path, e.g. http://127.0.0.1:8090/api');
  }
  if (values.user !== undefined && !/^[^@\s]+@[^@\s]+$/.test(values.user))
    throw new UsageError('--user must be an email');
  const simulator: SimulatorOptions = {};
  if (values['latency-ms'] !== undefined) simulator.latencyMs = parseLatency(values['latency-ms']);
  if (values.faults !== undefined) simulator.faults = { rates: parseFaultRates(values.faults) };
  if (values.domain !== undefined) simulator.domains = parseDomains(values.domain);
  return { port, sheetCsv: values.sheet, aodocsUrl: aodocsUrl?.replace(/\/$/, ''), userEmail: values.user, simulator };
}

/** A port that cannot be used is one sentence naming it and --port, not a stack. Other errors go on. */
function explainListenError(error: Error, port: number): never {
  const code = (error as NodeJS.ErrnoException).code;
  const other = port < 1024 || port === 65535 ? 8080 : port + 1;
  const instead = `start on another port with \`npm start -- --port ${other}\` (--port 0 picks a free one)`;
  if (code === 'EADDRINUSE') {
    console.error(`Playground: port ${port} is already in use: stop the program listening on it, or ${instead}.`);
    process.exit(1);
  }
  if (code === 'EACCES') {
    console.error(`Playground: this user may not listen on port ${port}: ${instead}.`);
    process.exit(1);
  }
  throw error;
}

async function main(): Promise<void> {
  let options;
  try {
    options = parse(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (!options) {
    console.log(USAGE);
    return;
  }
  buildIfStale();
  const playground = await startPlayground(options).catch((error: Error) => explainListenError(error, options.port));
  console.log(`Playground: ${playground.url}`);
  if (playground.simulator) console.log(`AODocs simulator: ${playground.simulator.url}`);
  const stop = () => void playground.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(`Playground: ${error.message}`);
  process.exit(1);
});
