// The dimension sets that `--dims` names, and the text printed with a failure that replays the same draws.
import { ALL, CI, OFF_IN_CI, describeDimensions, parseDimensions } from './dimensions';

test('ci is all but the dimensions off in CI, each with the reason it is off', () => {
  expect(parseDimensions(undefined)).toEqual(CI);
  for (const [name, on] of Object.entries(CI)) expect(on).toBe(!(name in OFF_IN_CI));
  expect(Object.values(OFF_IN_CI).every((reason) => reason.length > 10)).toBe(true);
  expect(Object.values(parseDimensions('none')).every((on) => !on)).toBe(true);
});

test('+name and -name change one dimension; the printed text reads back to the same dimensions', () => {
  const dims = parseDimensions('ci,-sort,-stop');
  expect(dims).toEqual({ ...CI, sort: false, stop: false });
  expect(describeDimensions(dims)).toBe('ci,-sort,-stop');
  expect(describeDimensions(parseDimensions('ci,+misconfigured,-sort'))).toBe('all,-sort');
  expect(parseDimensions(describeDimensions(dims))).toEqual(dims);
  expect(describeDimensions(ALL)).toBe('all');
  expect(describeDimensions({ ...ALL, stop: false })).toBe('all,-stop');
});

test('an unknown name or set is refused, naming what exists', () => {
  expect(() => parseDimensions('ci,+lockbusy')).toThrow(/lockBusy/);
  expect(() => parseDimensions('most')).toThrow(/ci, all or none/);
  expect(() => parseDimensions('ci,lockBusy')).toThrow(/\+name or -name/);
});
