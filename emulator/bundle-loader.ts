import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { clientError, cloneArguments, cloneReturnValue, HOST_BUILDERS, type RealmBuilders } from './client-clone';
import type { AppsScriptEnvironment } from './environment';
import { callInContext, createScriptContext } from './script-context';
import { EXECUTION_TIME_EXCEEDED, type ExecutionKind, type ExecutionRecord } from './services/executions';

export interface LoadBundleOptions {
  /**
   * Apps Script runs the project's global scope again at the start of every execution, so nothing kept in a global
   * survives to the next one. true (default): each execution gets a fresh context. false: one context for all
   * (faster, for a benchmark that does not care).
   */
  freshGlobalsPerExecution?: boolean;
}

export interface LoadedBundle {
  /** The bundle's top-level functions, in definition order. */
  functionNames(): string[];
  /** Runs `name(...args)` as a trigger or menu click does (e.g. `run('onOpen', { authMode: 'LIMITED' })`). */
  run(name: string, ...args: unknown[]): unknown;
  /**
   * Calls `name(...args)` as google.script.run does: only public functions (no trailing "_"), arguments and result
   * cloned by google.script.run's rules, a server-side throw turned into an Error carrying only its message.
   */
  callFromClient(name: string, ...args: unknown[]): unknown;
  /** Executions run so far through this bundle. */
  readonly executions: number;
  /** Each execution's function, kind, wall time and virtual time. */
  readonly executionLog: readonly ExecutionRecord[];
}

/** Runs `body`, turning vm's own timeout into Apps Script's "Exceeded maximum execution time". */
function runGuarded<T>(env: AppsScriptEnvironment, body: () => T): T {
  try {
    return body();
  } catch (error) {
    if ((error as { code?: string } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      throw env.realm.exception(EXECUTION_TIME_EXCEEDED);
    }
    throw error;
  }
}

/** Runs `<buildDir>/Code.js` (or `codePath`) in a node:vm context holding only what Apps Script's V8 runtime has. */
export function loadBundle(
  env: AppsScriptEnvironment,
  codePath: string = path.join(env.buildDir, 'Code.js'),
  options: LoadBundleOptions = {},
): LoadedBundle {
  const script = new vm.Script(fs.readFileSync(codePath, 'utf8'), { filename: codePath });
  const timeoutMs = env.executions.limitMs;
  const baseline = new Set(Object.getOwnPropertyNames(createScriptContext(env.globals, env.clock.now)));

  const evaluate = (): vm.Context => {
    const context = createScriptContext(env.globals, env.clock.now);
    env.enterRealm(context);
    runGuarded(env, () => script.runInContext(context, { timeout: timeoutMs }));
    return context;
  };

  // The first evaluation (at load) lists the functions and serves the first execution.
  let unused: vm.Context | null = evaluate();
  const names = Object.getOwnPropertyNames(unused).filter(
    (name) => !baseline.has(name) && typeof (unused as Record<string, unknown>)[name] === 'function',
  );
  let shared: vm.Context | null = null;
  let ran = 0;

  const contextForExecution = (): vm.Context => {
    if (unused) {
      const context = unused;
      unused = null;
      if (options.freshGlobalsPerExecution === false) shared = context;
      env.enterRealm(context);
      return context;
    }
    if (shared) {
      env.enterRealm(shared);
      return shared;
    }
    return evaluate();
  };

  const execute = (name: string, kind: ExecutionKind, args: () => unknown[]): unknown => {
    ran++;
    return env.executions.run(name, kind, () => {
      const context = contextForExecution();
      const fn = (context as Record<string, unknown>)[name];
      if (typeof fn !== 'function') throw env.realm.exception(`Script function not found: ${name}`);
      const callArgs = args();
      return runGuarded(env, () =>
        callInContext(context, () => (fn as (...a: unknown[]) => unknown)(...callArgs), timeoutMs),
      );
    });
  };

  return {
    functionNames: () => [...names],
    run: (name, ...args) => execute(name, 'run', () => args),
    callFromClient(name, ...args) {
      // google.script.run only exposes public top-level functions: anything else fails in the browser.
      if (name.endsWith('_') || !names.includes(name))
        throw new TypeError(`google.script.run.${name} is not a function`);
      // Illegal arguments fail in the browser, before any execution starts.
      const sent = cloneArguments(args, HOST_BUILDERS);
      const builders: RealmBuilders = { array: (items) => env.realm.array(items), object: (o) => env.realm.record(o) };
      let result: unknown;
      try {
        result = execute(name, 'client', () => cloneArguments(sent, builders));
      } catch (error) {
        throw clientError(error);
      }
      return cloneReturnValue(result);
    },
    get executions() {
      return ran;
    },
    get executionLog() {
      return env.executions.log;
    },
  };
}
