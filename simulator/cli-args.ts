// The CLI's arguments to simulator options. Every mistake is a UsageError with a message for humans.

import { parseArgs } from 'node:util';
import { checkFaultConfig, FAULT_KINDS, type FaultKind } from './faults';
import { parseLatency } from './latency';
import type { SimulatorOptions } from './options';
import { loadSeedFile } from './seed';

export class UsageError extends Error {}

export const USAGE = `Usage: npx tsx simulator/cli.ts [options]
  --port N                     port to listen on (default 8090; 0 = any free port)
  --host H                     interface (default 127.0.0.1)
  --latency-ms N | MIN-MAX     delay added to every answer (a range is drawn with a seeded PRNG)
  --faults KIND=RATE,...       random faults, KIND one of ${FAULT_KINDS.join(' ')}; RATE 0..1
  --fault-seed N               seed of the fault PRNG (default 1)
  --slow-ms N                  delay of the "slow" fault (default 35000)
  --seed FILE.json             data to serve instead of the demo set
  --finished-cancel MODE       precondition (412, default) | unchanged (200)
  --domain D[,D...]            the domains this AODocs serves: a request naming another gets 400 (default: any)
  --help`;

function integer(name: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`--${name} must be an integer from ${min} to ${max}, got '${text}'`);
  }
  return Number(text);
}

export function parseFaultRates(text: string): Partial<Record<FaultKind, number>> {
  const rates: Partial<Record<FaultKind, number>> = {};
  for (const item of text.split(',').filter((part) => part.trim() !== '')) {
    const [kind, rate, extra] = item.split('=').map((part) => part.trim());
    if (extra !== undefined || !FAULT_KINDS.includes(kind as FaultKind)) {
      throw new UsageError(`--faults: '${item}' is not KIND=RATE with KIND one of ${FAULT_KINDS.join(', ')}`);
    }
    if (!/^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(rate ?? ''))
      throw new UsageError(`--faults: rate of ${kind} must be 0..1`);
    rates[kind as FaultKind] = Number(rate);
  }
  try {
    checkFaultConfig({ rates });
  } catch (error) {
    throw new UsageError(`--faults: ${(error as Error).message}`, { cause: error });
  }
  return rates;
}

/** "example.com,other.org": the domains a simulator serves (its `domains` option). */
export function parseDomains(text: string): string[] {
  const domains = text.split(',').map((d) => d.trim());
  const bad = domains.find((d) => !/^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}$/i.test(d));
  if (bad !== undefined) throw new UsageError(`--domain: '${bad}' is not a domain such as example.com`);
  return domains;
}

/** Returns undefined when --help was asked. */
export function parseCliArgs(argv: string[]): SimulatorOptions | undefined {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'latency-ms': { type: 'string' },
        faults: { type: 'string' },
        'fault-seed': { type: 'string' },
        'slow-ms': { type: 'string' },
        seed: { type: 'string' },
        'finished-cancel': { type: 'string' },
        domain: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message, { cause: error });
  }
  if (values.help) return undefined;
  const options: SimulatorOptions = { port: integer('port', values.port ?? '8090', 0, 65535) };
  if (values.host !== undefined) options.host = values.host;
  if (values['latency-ms'] !== undefined) {
    try {
      options.latencyMs = parseLatency(values['latency-ms']);
    } catch (error) {
      throw new UsageError(`--latency-ms: ${(error as Error).message}`, { cause: error });
    }
  }
  if (values.faults !== undefined) options.faults = { rates: parseFaultRates(values.faults) };
  if (values['fault-seed'] !== undefined)
    options.faultSeed = integer('fault-seed', values['fault-seed'], 0, 2 ** 32 - 1);
  if (values['slow-ms'] !== undefined) options.slowMs = integer('slow-ms', values['slow-ms'], 0, 3_600_000);
  if (values.domain !== undefined) options.domains = parseDomains(values.domain);
  const mode = values['finished-cancel'];
  if (mode !== undefined) {
    if (mode !== 'precondition' && mode !== 'unchanged') {
      throw new UsageError(`--finished-cancel must be 'precondition' or 'unchanged', got '${mode}'`);
    }
    options.finishedCancelMode = mode;
  }
  if (values.seed !== undefined) {
    try {
      options.seed = loadSeedFile(values.seed);
    } catch (error) {
      throw new UsageError(`--seed: ${(error as Error).message}`, { cause: error });
    }
  }
  return options;
}
