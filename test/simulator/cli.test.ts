// The CLI: argument parsing, the one line it prints, and exit code 2 on bad arguments.

import { spawn } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCliArgs, parseFaultRates, UsageError } from '../../simulator/cli-args';
import { demoSeed } from '../../simulator/demo-seed';
import { ADMIN, call } from './http-helpers';

const ROOT = join(__dirname, '../..');
const CLI = join(ROOT, 'simulator/cli.ts');

/** Runs `tsx simulator/cli.ts ...args` the way `npx tsx` does. */
function runCli(args: string[]) {
  return spawn(process.execPath, [require.resolve('tsx/cli'), CLI, ...args], { cwd: ROOT });
}

function firstLine(child: ReturnType<typeof runCli>): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]);
    });
    child.on('exit', (code) => reject(new Error(`CLI exited (${code}) before printing: ${out}`)));
  });
}

describe('parseCliArgs', () => {
  test('reads every option', () => {
    expect(
      parseCliArgs([
        '--port=0',
        '--latency-ms',
        '20-80',
        '--faults',
        '503=0.1,429=0.05,drop=0.02,drop-after=0.01',
        '--fault-seed',
        '9',
        '--slow-ms',
        '500',
        '--finished-cancel',
        'unchanged',
      ]),
    ).toEqual({
      port: 0,
      latencyMs: { min: 20, max: 80 },
      faults: { rates: { '503': 0.1, '429': 0.05, drop: 0.02, 'drop-after': 0.01 } },
      faultSeed: 9,
      slowMs: 500,
      finishedCancelMode: 'unchanged',
    });
    expect(parseCliArgs([])).toEqual({ port: 8090 });
    expect(parseCliArgs(['--latency-ms', '50'])).toMatchObject({ latencyMs: 50 });
    expect(parseCliArgs(['--help'])).toBeUndefined();
  });

  test('--domain: the domains the simulator serves (a request naming another gets 400)', () => {
    expect(parseCliArgs(['--domain', 'example.com'])).toMatchObject({ domains: ['example.com'] });
    expect(parseCliArgs(['--domain', 'example.com, other.org'])).toMatchObject({
      domains: ['example.com', 'other.org'],
    });
  });

  test.each([
    [['--port', 'abc'], /--port must be an integer/],
    [['--port', '70000'], /--port must be an integer/],
    [['--latency-ms', '80-20'], /--latency-ms/],
    [['--faults', '500=0.1'], /--faults: '500=0.1'/],
    [['--faults', '503=1.5'], /rate of 503/],
    [['--faults', '503=0.6,drop=0.6'], /more than 1/],
    [['--finished-cancel', 'maybe'], /--finished-cancel/],
    [['--seed', '/no/such/file.json'], /--seed: Cannot read seed file/],
    [['--domain', 'not a domain'], /--domain: 'not a domain'/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['stray'], /positional/],
  ])('%j is a usage error', (args, message) => {
    expect(() => parseCliArgs(args)).toThrow(UsageError);
    expect(() => parseCliArgs(args)).toThrow(message);
  });

  test('reads a seed file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'aodocs-seed-')), 'seed.json');
    const seed = { ...demoSeed(), jobs: demoSeed().jobs.slice(0, 2) };
    writeFileSync(file, JSON.stringify(seed));
    expect(parseCliArgs(['--seed', file])?.seed).toEqual(seed);
    expect(parseFaultRates('')).toEqual({});
  });
});

describe('cli.ts', () => {
  test('prints exactly its URL line, serves, and stops on SIGTERM', async () => {
    const child = runCli(['--port', '0', '--latency-ms', '1']);
    try {
      const line = await firstLine(child);
      expect(line).toMatch(/^AODocs simulator: http:\/\/127\.0\.0\.1:\d+\/api$/);
      const url = line.slice('AODocs simulator: '.length);
      expect((await call(url, `/job/v1/${demoSeed().jobs[0].jobId}`, { headers: ADMIN })).status).toBe(200);
    } finally {
      const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });

  test('bad arguments: a message on stderr and exit code 2', async () => {
    const child = runCli(['--faults', 'boom=1']);
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(err).toContain("--faults: 'boom=1' is not KIND=RATE");
    expect(err).toContain('Usage:');
  });
});
