import type { CallCounter } from '../../call-counter';
import { createBlob, type EmulatedBlob } from '../blob';
import { toSignedBytes } from '../bytes';
import { decodeText } from '../charset';
import { counted } from '../counted';
import type { ScriptRealm } from '../script-realm';
import { charsetOf, headerMap } from './response-headers';

export interface ResponseData {
  status: number;
  rawHeaders: string[];
  body: Uint8Array;
  /** The URL the script asked for (not the routed one), for the Blob's name. */
  url: string;
}

/** The body as text: the charset asked for, else the one in Content-Type, else UTF-8. */
export function responseText(data: ResponseData, charset?: unknown): string {
  const declared = charset ?? charsetOf(headerMap(data.rawHeaders, false, {})['Content-Type']);
  try {
    return decodeText(data.body, declared);
  } catch {
    return decodeText(data.body, 'utf-8');
  }
}

/** HTTPResponse (https://developers.google.com/apps-script/reference/url-fetch/http-response). */
export function createHttpResponse(counter: CallCounter, realm: ScriptRealm, data: ResponseData) {
  const blob = () =>
    createBlob(
      { counter, realm },
      {
        bytes: data.body,
        contentType: String(headerMap(data.rawHeaders, false, {})['Content-Type'] ?? '').split(';')[0] || null,
        name: new URL(data.url).pathname.split('/').pop() || null,
      },
    );
  return counted(counter, 'HTTPResponse', {
    getResponseCode: (): number => data.status,
    getContentText: (charset?: string): string => responseText(data, charset),
    getContent: (): number[] => realm.array(toSignedBytes(data.body)),
    getHeaders: (): Record<string, unknown> => headerMap(data.rawHeaders, false, realm.record({})),
    getAllHeaders: (): Record<string, unknown> =>
      headerMap(data.rawHeaders, true, realm.record({}), (values) => realm.array(values)),
    getBlob: (): EmulatedBlob => blob(),
    getAs: (contentType: string): object => blob().getAs(contentType),
  });
}
