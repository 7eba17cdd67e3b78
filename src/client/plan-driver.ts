// Gets the plan of the selection from the server. A large selection needs its rows checked for being hidden
// first, one Apps Script call per row: the server names those rows, and this driver has them checked in pieces,
// several executions at once, then asks for the plan again with the answers. No DOM here.
import type { FinalPlanAnswer, HiddenRowsRequest, KnownHiddenRows, PlanAnswer } from '../shared/api';
import { MAX_HIDDEN_ROUNDS, addRound, hiddenRowsPieces } from '../core/hidden-rows';

export interface PlanDriverOptions {
  /** Called with no argument first: google.script.run cannot be handed `undefined`. */
  readPlan: (...known: [] | [KnownHiddenRows]) => Promise<PlanAnswer>;
  readHiddenRows: (request: HiddenRowsRequest) => Promise<number[]>;
  /** Pieces checked at once (the sidebar's executions in flight). */
  inFlight: number;
  onProgress?: (checked: number, total: number) => void;
}

export const SELECTION_KEPT_CHANGING =
  'The selection kept changing while its rows were checked for being hidden. Select the cells again, then retry.';

/** Runs `tasks` with at most `inFlight` at once, in order. After a failure no task is started; it rejects with it. */
async function inParallel<T>(tasks: (() => Promise<T>)[], inFlight: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < tasks.length) {
      const i = next++;
      try {
        results[i] = await tasks[i]();
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const slots = Number.isFinite(inFlight) ? Math.max(1, Math.floor(inFlight)) : 1;
  await Promise.all(Array.from({ length: Math.min(slots, tasks.length) }, worker));
  return results;
}

export async function readPlanWithHiddenRows(options: PlanDriverOptions): Promise<FinalPlanAnswer> {
  let known: KnownHiddenRows | undefined;
  for (let round = 0; round <= MAX_HIDDEN_ROUNDS; round++) {
    const answer = await (known ? options.readPlan(known) : options.readPlan());
    if (answer.ok !== 'check-hidden-rows') return answer;
    if (round === MAX_HIDDEN_ROUNDS) break;
    const { request } = answer;
    let checked = 0;
    options.onProgress?.(checked, request.rows.length);
    const pieces = hiddenRowsPieces(request, options.inFlight);
    const hidden = await inParallel(
      pieces.map((piece) => async () => {
        const rows = await options.readHiddenRows(piece);
        checked += piece.rows.length;
        options.onProgress?.(checked, request.rows.length);
        return rows;
      }),
      options.inFlight,
    );
    known = addRound(known, request, pieces, hidden.flat());
  }
  return { ok: false, message: SELECTION_KEPT_CHANGING };
}
