// Reads and checks a seed (the `--seed file.json` format, see README.md) before the store trusts it.

import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import type { SeedData } from './types';

const seedSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['libraries', 'jobs'],
  properties: {
    libraries: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'administrators'],
        properties: {
          id: { type: 'string', minLength: 1 },
          name: { type: 'string' },
          administrators: { type: 'array', items: { type: 'string' } },
        },
      },
    },
    jobs: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['jobId', 'libraryId', 'status'],
        properties: {
          jobId: { type: 'string', minLength: 1 },
          libraryId: { type: 'string', minLength: 1 },
          status: { enum: ['IN_PROGRESS', 'COMPLETED', 'FAILED', 'CANCELLED'] },
          type: { type: 'string' },
          requestor: { type: 'string' },
          completed: { type: 'boolean' },
          startedAt: { type: 'integer' },
          lastActivityAt: { type: 'integer' },
          succeededTasks: { type: 'integer' },
          failedTasks: { type: 'integer' },
          remainingTasks: { type: 'integer' },
          taskRetries: { type: 'integer' },
          events: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['timestamp', 'severity', 'message'],
              properties: {
                timestamp: { type: 'integer' },
                severity: { enum: ['INFO', 'WARN', 'ERROR'] },
                message: { type: 'string' },
              },
            },
          },
        },
      },
    },
    securityCodes: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['code', 'email'],
        properties: {
          code: { type: 'string', minLength: 1 },
          email: { type: 'string' },
          expiresAt: { type: 'integer' },
        },
      },
    },
    registeredClientIds: { type: 'array', items: { type: 'string' } },
  },
};

const validateSeed = new Ajv({ allErrors: true }).compile(seedSchema);

/** Checks the shape and the cross references; throws an Error naming the first problems. */
export function parseSeed(data: unknown): SeedData {
  if (!validateSeed(data)) {
    const problems = (validateSeed.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}`);
    throw new Error(`Invalid seed: ${problems.join('; ')}`);
  }
  const seed = data as unknown as SeedData;
  const libraryIds = new Set(seed.libraries.map((l) => l.id));
  const jobIds = new Set<string>();
  for (const job of seed.jobs) {
    if (!libraryIds.has(job.libraryId))
      throw new Error(`Invalid seed: job ${job.jobId} names unknown library ${job.libraryId}`);
    if (jobIds.has(job.jobId)) throw new Error(`Invalid seed: job ${job.jobId} appears twice`);
    jobIds.add(job.jobId);
  }
  return seed;
}

export function loadSeedFile(path: string): SeedData {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read seed file ${path}: ${(error as Error).message}`, { cause: error });
  }
  return parseSeed(json);
}
