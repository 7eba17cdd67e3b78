import type { CallCounter } from '../call-counter';
import { counted } from './counted';
import type { Executions } from './executions';
import { describeValue, formatTemplate } from './format-template';

export type LogLevel = 'log' | 'info' | 'warn' | 'error' | 'debug';

export interface LogEntry {
  level: LogLevel;
  source: 'Logger' | 'console';
  message: string;
  /** The execution that logged it; 0 outside executions. */
  executionId: number;
}

/** Everything the script logged, kept so tests can scan it (e.g. for a token that must never be logged). */
export class LogStore {
  readonly entries: LogEntry[] = [];

  constructor(public echo = false) {}

  add(entry: LogEntry): void {
    this.entries.push(entry);
    if (this.echo) {
      const line = `[gas ${entry.source}] ${entry.message}`;
      if (entry.level === 'error') console.error(line);
      else if (entry.level === 'warn') console.warn(line);
      else console.log(line);
    }
  }

  messages(): string[] {
    return this.entries.map((entry) => entry.message);
  }

  /** True when any message contains `text`. */
  contains(text: string): boolean {
    return this.entries.some((entry) => entry.message.includes(text));
  }

  clear(): void {
    this.entries.length = 0;
  }
}

/**
 * Logger: log(format, values...) (chainable), getLog() (this execution's messages, one a line) and clear().
 * https://developers.google.com/apps-script/reference/base/logger
 */
export function createLogger(counter: CallCounter, store: LogStore, executions: Executions) {
  const current: string[] = [];
  let loggedIn = -1;
  const lines = (): string[] => {
    if (loggedIn !== executions.currentId()) {
      current.length = 0;
      loggedIn = executions.currentId();
    }
    return current;
  };
  return counted(counter, 'Logger', {
    log(format: unknown, ...values: unknown[]) {
      const message =
        typeof format === 'string' && values.length > 0 ? formatTemplate(format, values) : describeValue(format);
      lines().push(message);
      store.add({ level: 'info', source: 'Logger', message, executionId: executions.currentId() });
      return this;
    },
    getLog(): string {
      return lines().join('\n');
    },
    clear(): void {
      lines().length = 0;
    },
  });
}

/** The V8 runtime's console (https://developers.google.com/apps-script/guides/logging#use_the_console_service). */
export function createConsole(counter: CallCounter, store: LogStore, executions: Executions) {
  const writer =
    (level: LogLevel) =>
    (...values: unknown[]): void => {
      const message =
        typeof values[0] === 'string' && values.length > 1 && /%[sdifjo]/.test(values[0])
          ? formatTemplate(values[0], values.slice(1))
          : values.map(describeValue).join(' ');
      store.add({ level, source: 'console', message, executionId: executions.currentId() });
    };
  return counted(counter, 'console', {
    log: writer('log'),
    info: writer('info'),
    warn: writer('warn'),
    error: writer('error'),
    debug: writer('debug'),
  });
}
