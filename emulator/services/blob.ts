import type { CallCounter } from '../call-counter';
import { fromByteArray, toSignedBytes } from './bytes';
import { decodeText, encodeText } from './charset';
import { counted } from './counted';
import type { ScriptRealm } from './script-realm';

export interface BlobData {
  bytes: Uint8Array;
  contentType: string | null;
  name: string | null;
}

/** The data behind each Blob handed to the script, so UrlFetchApp can send a Blob payload. */
const blobs = new WeakMap<object, BlobData>();

export function blobDataOf(value: unknown): BlobData | undefined {
  return value !== null && typeof value === 'object' ? blobs.get(value) : undefined;
}

export type EmulatedBlob = ReturnType<typeof createBlob>;

export interface BlobDeps {
  counter: CallCounter;
  realm: ScriptRealm;
}

/** A Blob (https://developers.google.com/apps-script/reference/base/blob): the subset scripts commonly use. */
export function createBlob(deps: BlobDeps, initial: BlobData) {
  const data: BlobData = { ...initial, bytes: initial.bytes.slice() };
  const blob = counted(deps.counter, 'Blob', {
    getBytes: (): number[] => deps.realm.array(toSignedBytes(data.bytes)),
    setBytes(bytes: number[]) {
      data.bytes = fromByteArray(bytes);
      return this;
    },
    getDataAsString: (charset?: string): string => decodeText(data.bytes, charset),
    setDataFromString(text: string, charset?: string) {
      data.bytes = encodeText(String(text), charset);
      return this;
    },
    getContentType: (): string | null => data.contentType,
    setContentType(contentType: string) {
      data.contentType = contentType;
      return this;
    },
    getName: (): string | null => data.name,
    setName(name: string) {
      data.name = name;
      return this;
    },
    isGoogleType: (): boolean => false,
    copyBlob: (): object => createBlob(deps, data),
    getBlob(): object {
      return this;
    },
    getAs(contentType: string): object {
      if (contentType !== data.contentType) {
        throw deps.realm.exception(`Converting from ${String(data.contentType)} to ${contentType} is not supported.`);
      }
      return createBlob(deps, data);
    },
  });
  blobs.set(blob, data);
  return blob;
}
