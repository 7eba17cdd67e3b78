import { randomUUID } from 'node:crypto';
import type { CallCounter } from '../call-counter';
import { base64Encode, strictBase64Decode } from './base64';
import { createBlob, type EmulatedBlob } from './blob';
import { fromByteArray, isByteArray, toSignedBytes } from './bytes';
import { Charset, encodeText } from './charset';
import type { Clock } from './clock';
import { counted } from './counted';
import type { Executions } from './executions';
import { formatDate } from './format-date';
import { formatTemplate } from './format-template';
import type { ScriptRealm } from './script-realm';

export interface UtilitiesDeps {
  counter: CallCounter;
  realm: ScriptRealm;
  clock: Clock;
  executions: Executions;
}

/** Apps Script's message when a base64 string does not decode (seen in public scripts; strict about padding). */
export const BASE64_DECODE_FAILED = 'Could not decode string.';

/** Utilities (https://developers.google.com/apps-script/reference/utilities/utilities): the subset scripts use. */
export function createUtilities(deps: UtilitiesDeps) {
  const { realm } = deps;
  const bytesOf = (data: unknown, charset?: unknown): Uint8Array =>
    isByteArray(data) ? fromByteArray(data) : encodeText(String(data), charset);
  const decode = (encoded: unknown, webSafe: boolean): number[] => {
    const bytes = strictBase64Decode(String(encoded), webSafe);
    if (!bytes) throw realm.exception(BASE64_DECODE_FAILED);
    return realm.array(toSignedBytes(bytes));
  };
  return counted(deps.counter, 'Utilities', {
    Charset,
    /** Blocks like Apps Script (or moves the virtual clock); the execution time limit still applies. */
    sleep(milliseconds: number): void {
      deps.executions.checkTimeLimit();
      deps.clock.sleep(Math.min(Math.max(0, Number(milliseconds) || 0), deps.executions.remainingMs()));
      deps.executions.checkTimeLimit();
    },
    base64Encode: (data: unknown, charset?: unknown): string => base64Encode(bytesOf(data, charset), false),
    base64EncodeWebSafe: (data: unknown, charset?: unknown): string => base64Encode(bytesOf(data, charset), true),
    base64Decode: (encoded: unknown): number[] => decode(encoded, false),
    base64DecodeWebSafe: (encoded: unknown): number[] => decode(encoded, true),
    formatDate(date: Date, timeZone: string, format: string): string {
      const time = date !== null && typeof date === 'object' && 'getTime' in date ? date.getTime() : NaN;
      if (Number.isNaN(time)) throw realm.exception('Invalid argument: date');
      return formatDate(time, String(timeZone), String(format));
    },
    formatString: (template: string, ...args: unknown[]): string => formatTemplate(String(template), args),
    newBlob(data: unknown, contentType?: string, name?: string): EmulatedBlob {
      return createBlob(deps, {
        bytes: bytesOf(data ?? ''),
        contentType: contentType ?? null,
        name: name ?? null,
      });
    },
    getUuid: (): string => randomUUID(),
  });
}
