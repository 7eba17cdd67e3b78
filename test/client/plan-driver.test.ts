// The sidebar's plan driver without a browser: rounds, pieces in parallel, and what happens when a piece fails.
import { SELECTION_KEPT_CHANGING, readPlanWithHiddenRows } from '../../src/client/plan-driver';
import type { HiddenRowsRequest, KnownHiddenRows, PlanAnswer } from '../../src/shared/api';

const rows = Array.from({ length: 1000 }, (_, i) => i + 2);
const check: PlanAnswer = { ok: 'check-hidden-rows', request: { sheetId: 1, rows, fingerprint: 'fp' } };
const final: PlanAnswer = { ok: false, message: 'planned' };

test('pieces run in parallel up to the in-flight figure, and a failed piece is what the caller gets', async () => {
  const asked: HiddenRowsRequest[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const reading = readPlanWithHiddenRows({
    readPlan: async () => check,
    readHiddenRows: async (piece) => {
      const index = asked.push(piece);
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      if (index === 1) throw new Error('Service invoked too many times');
      return [];
    },
    inFlight: 2,
  });
  await expect(reading).rejects.toThrow('Service invoked too many times');
  // 1,000 rows in pieces of 500 at 2 in flight: both pieces were already asked for when the first failed.
  expect(asked).toHaveLength(2);
  expect(mostInFlight).toBe(2);
});

test('after a failure the remaining pieces are not asked for', async () => {
  const asked: HiddenRowsRequest[] = [];
  const many: PlanAnswer = {
    ok: 'check-hidden-rows',
    request: { sheetId: 1, rows: Array.from({ length: 6000 }, (_, i) => i + 2), fingerprint: 'fp' },
  };
  await expect(
    readPlanWithHiddenRows({
      readPlan: async () => many,
      readHiddenRows: async (piece) => {
        asked.push(piece);
        if (asked.length === 1) throw new Error('boom');
        return [];
      },
      inFlight: 1,
    }),
  ).rejects.toThrow('boom');
  expect(asked).toHaveLength(1);
});

test('the answers of every piece go back in one round, with the fingerprint the server gave', async () => {
  const known: (KnownHiddenRows | undefined)[] = [];
  const progress: [number, number][] = [];
  const answer = await readPlanWithHiddenRows({
    readPlan: async (k) => {
      known.push(k);
      return k ? final : check;
    },
    readHiddenRows: async (piece) => piece.rows.filter((row) => row % 250 === 0),
    inFlight: 6,
    onProgress: (done, total) => progress.push([done, total]),
  });
  expect(answer).toBe(final);
  expect(known[1]).toEqual({ sheetId: 1, rounds: [{ rows, hidden: [250, 500, 750, 1000], fingerprint: 'fp' }] });
  expect(progress[0]).toEqual([0, 1000]);
  expect(progress[progress.length - 1]).toEqual([1000, 1000]);
});

test('a server that never stops asking gets a message, not an endless loop', async () => {
  let calls = 0;
  const answer = await readPlanWithHiddenRows({
    readPlan: async () => {
      calls++;
      return check;
    },
    readHiddenRows: async () => [],
    inFlight: 6,
  });
  expect(answer).toEqual({ ok: false, message: SELECTION_KEPT_CHANGING });
  expect(calls).toBe(4);
});
