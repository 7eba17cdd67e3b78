import { consecutiveRuns } from '../../src/core/blocks';

describe('consecutiveRuns', () => {
  test.each<[string, number[], { start: number; length: number }[]]>([
    ['nothing', [], []],
    ['one value', [7], [{ start: 7, length: 1 }]],
    ['one contiguous block', [3, 4, 5], [{ start: 3, length: 3 }]],
    [
      'two blocks',
      [2, 3, 10, 11, 12],
      [
        { start: 2, length: 2 },
        { start: 10, length: 3 },
      ],
    ],
    [
      'unsorted values',
      [12, 2, 11, 3, 10],
      [
        { start: 2, length: 2 },
        { start: 10, length: 3 },
      ],
    ],
    ['duplicates merged', [5, 5, 6, 6, 7], [{ start: 5, length: 3 }]],
    [
      'isolated values',
      [1, 3, 5],
      [
        { start: 1, length: 1 },
        { start: 3, length: 1 },
        { start: 5, length: 1 },
      ],
    ],
    [
      'numbers sorted numerically, not as text',
      [10, 9, 100, 2],
      [
        { start: 2, length: 1 },
        { start: 9, length: 2 },
        { start: 100, length: 1 },
      ],
    ],
  ])('%s', (_name, values, runs) => {
    expect(consecutiveRuns(values)).toEqual(runs);
  });

  test('takes any iterable, such as a Set', () => {
    expect(consecutiveRuns(new Set([4, 2, 3]))).toEqual([{ start: 2, length: 3 }]);
  });
});
