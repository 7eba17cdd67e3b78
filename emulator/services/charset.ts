/** Utilities.Charset (https://developers.google.com/apps-script/reference/utilities/charset). */
export const Charset = Object.freeze({ US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' });

const NODE_ENCODINGS: Record<string, BufferEncoding> = {
  'utf-8': 'utf8',
  utf8: 'utf8',
  utf_8: 'utf8',
  'us-ascii': 'latin1',
  us_ascii: 'latin1',
  ascii: 'latin1',
  'iso-8859-1': 'latin1',
  iso_8859_1: 'latin1',
  latin1: 'latin1',
  'windows-1252': 'latin1',
  'utf-16le': 'utf16le',
  'utf-16': 'utf16le',
};

/**
 * Node's encoding for a charset name as scripts pass it ("UTF-8", "ISO-8859-1", Utilities.Charset.UTF_8...).
 * Unknown names throw like Apps Script does for an unsupported charset.
 */
export function nodeEncoding(charset: unknown, fallback: BufferEncoding = 'utf8'): BufferEncoding {
  if (charset === undefined || charset === null || charset === '') return fallback;
  const encoding = NODE_ENCODINGS[String(charset).trim().toLowerCase()];
  if (!encoding) throw new Error(`Unsupported charset: ${String(charset)}`);
  return encoding;
}

export function encodeText(text: string, charset?: unknown): Uint8Array {
  return new Uint8Array(Buffer.from(text, nodeEncoding(charset)));
}

export function decodeText(bytes: Uint8Array, charset?: unknown): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(nodeEncoding(charset));
}
