// The countdown the run panel shows while AODocs' Retry-After pauses a run (docs/BEHAVIOUR.md: "AODocs asks to wait 60 s").
import { pauseSentence } from '../../src/client/wording';

test.each<[number, number, string]>([
  [60, 60_000, 'AODocs asks to wait 60 s: the run goes on in 60 s.'],
  [60, 41_200, 'AODocs asks to wait 60 s: the run goes on in 42 s.'],
  [60, 1, 'AODocs asks to wait 60 s: the run goes on in 1 s.'],
  [300, 299_000, 'AODocs asks to wait 5 min: the run goes on in 5 min.'],
  [600, 60_000, 'AODocs asks to wait 10 min: the run goes on in 60 s.'],
])('asked %i s, %i ms left', (asked, msLeft, sentence) => {
  expect(pauseSentence(asked, msLeft)).toBe(sentence);
});
