import vm from 'node:vm';
import { appsScriptError } from '../spreadsheet/apps-script-error';

export interface Intrinsics {
  Date: DateConstructor;
  Error: ErrorConstructor;
  Array: ArrayConstructor;
  Object: ObjectConstructor;
}

/**
 * The JavaScript realm the bundle runs in. Values the services hand to the script are built with that realm's own
 * constructors, so `e instanceof Error` and `x instanceof Array` hold in the bundle as they do in Apps Script.
 * Until a bundle is loaded (services called directly from a test) the host realm is used.
 */
export class ScriptRealm {
  private intrinsics: Intrinsics = { Date, Error, Array, Object };

  /** Makes `context` the realm later values are built in (each execution has a fresh context). */
  enter(context: vm.Context): void {
    this.intrinsics = vm.runInContext('({ Date, Error, Array, Object })', context) as Intrinsics;
  }

  /** The realm's constructors (its Date is the clock-reading one the script sees). */
  intrinsicsOf(): Intrinsics {
    return this.intrinsics;
  }

  /**
   * An Apps Script service exception. Apps Script names them "Exception": `e.message` holds the text alone and
   * `String(e)` reads "Exception: <text>" as in the execution log (e.g. `err.message.startsWith("Address
   * unavailable: ...")` in public scripts, and "Exception: Request failed for ..." in logs).
   */
  exception(message: string): Error {
    return appsScriptError(message, this.intrinsics.Error);
  }

  /** An error of the script's own kind (not an Apps Script "Exception"), e.g. a TypeError-like misuse. */
  error(message: string): Error {
    return new this.intrinsics.Error(message);
  }

  array<T>(items: Iterable<T>): T[] {
    return this.intrinsics.Array.from(items);
  }

  record<T>(entries: Record<string, T>): Record<string, T> {
    return this.intrinsics.Object.assign(new this.intrinsics.Object() as Record<string, T>, entries);
  }
}
