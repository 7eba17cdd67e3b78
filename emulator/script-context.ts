import vm from 'node:vm';

/**
 * Replaces the context's Date with one that reads the environment's clock: `new Date()`, `Date()` and `Date.now()`
 * follow it (so a virtual clock moved by Utilities.sleep is what the script sees), while dates built from arguments,
 * `instanceof Date` and subclasses behave as the native Date (same prototype).
 */
const CLOCK_DATE_SOURCE = `(function installClockDate(now) {
  'use strict';
  const NativeDate = Date;
  function ClockDate(...args) {
    if (new.target === undefined) return new NativeDate(now()).toString();
    return Reflect.construct(NativeDate, args.length === 0 ? [now()] : args, new.target);
  }
  Object.defineProperty(ClockDate, 'prototype', { value: NativeDate.prototype, writable: false });
  Object.defineProperty(ClockDate, 'name', { value: 'Date' });
  Object.defineProperty(ClockDate, 'length', { value: 7 });
  for (const name of ['parse', 'UTC']) {
    Object.defineProperty(ClockDate, name, { value: NativeDate[name], writable: true, configurable: true });
  }
  Object.defineProperty(ClockDate, 'now', { value: function now_() { return now(); }, writable: true, configurable: true });
  Object.defineProperty(NativeDate.prototype, 'constructor', { value: ClockDate, writable: true, configurable: true });
  Object.defineProperty(globalThis, 'Date', { value: ClockDate, writable: true, configurable: true });
})`;

/** The name under which an execution's call is handed to the context for one evaluation, then removed. */
export const CALL_SLOT = '__appsScriptEmulatorCall__';

/**
 * A fresh context with only what Apps Script's V8 runtime has: ECMAScript built-ins and the `globals` (services,
 * Logger, console); no require, process, setTimeout, fetch, Buffer or window. Microtasks run before each evaluation
 * returns, as an Apps Script execution settles its promises before it ends.
 */
export function createScriptContext(globals: object, now: () => number): vm.Context {
  const context = vm.createContext({}, { name: 'Apps Script', microtaskMode: 'afterEvaluate' });
  (vm.runInContext(CLOCK_DATE_SOURCE, context) as (now: () => number) => void)(now);
  for (const [name, value] of Object.entries(globals)) {
    Object.defineProperty(context, name, { value, writable: true, configurable: true, enumerable: false });
  }
  return context;
}

/** Calls `fn` inside the context as one evaluation, so the microtasks it queues run before this returns. */
export function callInContext(context: vm.Context, fn: () => unknown, timeoutMs: number): unknown {
  Object.defineProperty(context, CALL_SLOT, { value: fn, configurable: true, enumerable: false });
  try {
    return vm.runInContext(`${CALL_SLOT}()`, context, { timeout: timeoutMs });
  } finally {
    delete (context as Record<string, unknown>)[CALL_SLOT];
  }
}
