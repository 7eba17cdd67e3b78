const STANDARD = /^[A-Za-z0-9+/]*={0,2}$/;
const WEB_SAFE = /^[A-Za-z0-9_-]*={0,2}$/;

/**
 * Apps Script's decoders are strict where Node's are lenient: the length must be a multiple of 4 (unpadded
 * base64url, as in a JWT, throws "Could not decode string.") and each decoder takes only its own alphabet.
 * Returns null where Apps Script throws; the caller raises the exception in the script's realm.
 */
export function strictBase64Decode(encoded: string, webSafe: boolean): Uint8Array | null {
  const text = encoded.replace(/[\r\n]/g, '');
  if (text.length % 4 !== 0 || !(webSafe ? WEB_SAFE : STANDARD).test(text)) return null;
  return new Uint8Array(Buffer.from(text, webSafe ? 'base64url' : 'base64'));
}

/** Base64 with padding; the web-safe form swaps `+/` for `-_` and keeps the `=` padding, as Java's encoder does. */
export function base64Encode(bytes: Uint8Array, webSafe: boolean): string {
  const standard = Buffer.from(bytes).toString('base64');
  return webSafe ? standard.replace(/\+/g, '-').replace(/\//g, '_') : standard;
}
