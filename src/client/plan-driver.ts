// Gets the plan of the selection from the server. A large selection needs its rows checked for being hidden
// first, one Apps Script call per row: the server names those rows, and this driver has them checked in pieces,
// several executions at once, then asks for the plan again with the answers. No DOM here.
import type { FinalPlanAnswer, HiddenRowsRequest, KnownHiddenRows, PlanAnswer } from '../shared/api';
import { addCheckedRows, hiddenRowsPieces } from '../core/hidden-rows';

export interface PlanDriverOptions {
  readPlan: (known?: KnownHiddenRows) => Promise<PlanAnswer>;
  readHiddenRows: (request: HiddenRowsRequest) => Promise<number[]>;
  /** Pieces checked at once (the sidebar's executions in flight). */
  inFlight: number;
  onProgress?: (checked: number, total: number) => void;
}

/** Rounds of checks before giving up: a new round is needed only when the selection changed meanwhile. */
export const MAX_HIDDEN_ROUNDS = 3;

export const SELECTION_KEPT_CHANGING =
  'The selection kept changing while its rows were checked for being hidden. Select the cells again, then retry.';

/** Runs `tasks` with at most `inFlight` at once, in order; rejects with the first failure. */
async function inParallel<T>(tasks: (() => Promise<T>)[], inFlight: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(inFlight, tasks.length)) }, worker));
  return results;
}

export async function readPlanWithHiddenRows(options: PlanDriverOptions): Promise<FinalPlanAnswer> {
  let known: KnownHiddenRows | undefined;
  for (let round = 0; round <= MAX_HIDDEN_ROUNDS; round++) {
    const answer = await options.readPlan(known);
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
    known = addCheckedRows(known, request, hidden.flat());
  }
  return { ok: false, message: SELECTION_KEPT_CHANGING };
}
