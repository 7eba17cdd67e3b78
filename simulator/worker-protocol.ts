// Messages between startSimulator()'s handle (caller thread) and the simulator's worker thread.

import type { ContractViolation } from './contract';
import type { FaultConfig } from './faults';
import type { RuntimeOptions, SimulatorOptions } from './options';
import type { RequestLogEntry } from './request-log';
import type { SeedData, StoredJob } from './types';

export interface WorkerData {
  /** The TypeScript entry the worker bootstrap loads through tsx. */
  entry: string;
  options: SimulatorOptions;
}

/** Each command and what it answers. */
export interface Commands {
  requestLog: { args: []; result: RequestLogEntry[] };
  clearRequestLog: { args: []; result: void };
  violations: { args: []; result: ContractViolation[] };
  clearViolations: { args: []; result: void };
  getJob: { args: [jobId: string]; result: StoredJob | undefined };
  putJobs: { args: [jobs: StoredJob[]]; result: void };
  setFaults: { args: [faults: FaultConfig]; result: void };
  setOptions: { args: [options: Partial<RuntimeOptions>]; result: void };
  reset: { args: [seed?: SeedData]; result: void };
  close: { args: []; result: void };
}

export type CommandName = keyof Commands;

export interface CommandMessage {
  id: number;
  command: CommandName;
  args: unknown[];
}

export type ReplyMessage = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

export type StartupMessage = { type: 'ready'; url: string } | { type: 'failed'; error: string };
