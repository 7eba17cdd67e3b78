import { isError } from './services/format-template';

/**
 * google.script.run's rules for what crosses between the sidebar and the server (docs/SOURCES.md#script-run-values,
 * https://developers.google.com/apps-script/guides/html/reference/run): primitives, plain objects and arrays; no
 * Date, Function or DOM element, even nested; no cycles; undefined in an array becomes null and an undefined
 * property is dropped (as in JSON).
 */

/** Thrown client-side when an argument is not legal; the wording browsers report for google.script.run. */
export class IllegalValueError extends Error {
  constructor(path: string) {
    super(`Failed due to illegal value in property: ${path}`);
    this.name = 'Error';
  }
}

export interface RealmBuilders {
  array(items: unknown[]): unknown[];
  object(entries: Record<string, unknown>): Record<string, unknown>;
}

export const HOST_BUILDERS: RealmBuilders = { array: (items) => items, object: (entries) => entries };

function isDomNode(value: object): boolean {
  return 'nodeType' in value && 'nodeName' in value;
}

function isDate(value: unknown): boolean {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** Clones `value` as it crosses, building arrays and objects with `builders`; null when it holds an illegal value. */
function cloneLegal(value: unknown, path: string, builders: RealmBuilders, seen: Set<object>): unknown {
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'object' || isDate(value) || isDomNode(value)) throw new IllegalValueError(path);
  if (seen.has(value)) throw new IllegalValueError(path);
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      return builders.array(
        value.map((item, i) =>
          item === undefined ? null : cloneLegal(item, `${path}.${i}`.replace(/^\./, ''), builders, seen),
        ),
      );
    }
    const entries: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) entries[key] = cloneLegal(item, path ? `${path}.${key}` : key, builders, seen);
    }
    return builders.object(entries);
  } finally {
    seen.delete(value);
  }
}

/** The arguments as the server function receives them; throws IllegalValueError (the call never reaches the server). */
export function cloneArguments(args: unknown[], builders: RealmBuilders): unknown[] {
  return args.map((arg, i) => cloneLegal(arg, String(i), builders, new Set()));
}

/**
 * The return value as the success handler receives it. A Date (or a function) anywhere makes the whole value arrive
 * as null: measured for Date by a third party (docs/SOURCES.md#script-run-values); the same is assumed for functions.
 */
export function cloneReturnValue(value: unknown): unknown {
  try {
    return cloneLegal(value, '', HOST_BUILDERS, new Set());
  } catch (error) {
    if (error instanceof IllegalValueError) return null;
    throw error;
  }
}

/** What the failure handler receives for a server-side throw: an Error carrying the message only. */
export function clientError(thrown: unknown): Error {
  return new Error(isError(thrown) ? thrown.message : String(thrown));
}
