/**
 * Apps Script hands bytes to scripts as Java byte[]: a JS array of SIGNED numbers, -128..127
 * (e.g. Utilities.base64Decode, HTTPResponse.getContent, Blob.getBytes).
 */
export function toSignedBytes(bytes: Uint8Array): number[] {
  return Array.from(bytes, (byte) => (byte > 127 ? byte - 256 : byte));
}

/** Bytes from what a script passes where Apps Script takes Byte[]: signed or unsigned numbers, modulo 256. */
export function fromByteArray(values: ArrayLike<unknown>): Uint8Array {
  return Uint8Array.from(Array.from(values), (value) => Number(value) & 0xff);
}

export function isByteArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'number');
}
