import type { CallCounter } from '../call-counter';

/**
 * Wraps an Apps Script object's methods so each call the bundle makes is counted as `className.method`.
 * Methods run with `this` bound to the wrapper, so `return this` chains (Properties.setProperty,
 * HtmlOutput.setTitle...) keep returning the counted object. Non-function members (enums) are copied as they are.
 */
export function counted<T extends object>(counter: CallCounter, className: string, api: T): T {
  const wrapper: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(api)) {
    if (typeof member !== 'function') {
      wrapper[name] = member;
      continue;
    }
    const method = member as (...args: unknown[]) => unknown;
    wrapper[name] = function countedMethod(...args: unknown[]): unknown {
      counter.count(className, name);
      return method.apply(wrapper, args);
    };
  }
  return wrapper as T;
}
