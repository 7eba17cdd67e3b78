// npx tsx simulator/cli.ts --port 8090 [...]: runs the simulator until SIGINT/SIGTERM.
// Prints exactly one line, "AODocs simulator: <url>", once it listens (scripts wait for it).

import { parseCliArgs, USAGE, UsageError } from './cli-args';
import { createSimulatorServer } from './server';

async function main(): Promise<void> {
  let options;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (!options) {
    console.log(USAGE);
    return;
  }
  const server = createSimulatorServer(options);
  const { url } = await server.start();
  console.log(`AODocs simulator: ${url}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(`AODocs simulator: ${error.message}`);
  process.exit(1);
});
