/**
 * Response headers as the script gets them. Names are spelled as the server sent them (`Retry-After`, not node's
 * `retry-after`), and a lookup with any other casing finds them too (`headers['retry-after']`), so code reading a
 * header works whichever spelling it uses. Enumeration (Object.keys, JSON) shows the server's spelling only.
 * getHeaders gives one value per name (the first, when the server sent several); getAllHeaders gives an array
 * for a header sent more than once (https://developers.google.com/apps-script/reference/url-fetch/http-response).
 */
export function headerMap(
  rawHeaders: string[],
  allValues: boolean,
  target: Record<string, unknown>,
  toArray: (values: string[]) => string[] = (values) => values,
): Record<string, unknown> {
  const grouped = new Map<string, { name: string; values: string[] }>();
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const key = rawHeaders[i].toLowerCase();
    const entry = grouped.get(key);
    if (entry) entry.values.push(rawHeaders[i + 1]);
    else grouped.set(key, { name: rawHeaders[i], values: [rawHeaders[i + 1]] });
  }
  for (const { name, values } of grouped.values()) {
    target[name] = allValues && values.length > 1 ? toArray(values) : values[0];
  }
  return caseInsensitive(target);
}

function caseInsensitive(map: Record<string, unknown>): Record<string, unknown> {
  const actualName = (property: string): string | undefined =>
    Object.keys(map).find((name) => name.toLowerCase() === property.toLowerCase());
  return new Proxy(map, {
    get(target, property, receiver) {
      if (typeof property !== 'string' || property in target) return Reflect.get(target, property, receiver);
      const name = actualName(property);
      return name === undefined ? undefined : target[name];
    },
    has(target, property) {
      return property in target || (typeof property === 'string' && actualName(property) !== undefined);
    },
  });
}

/** The charset a Content-Type names, if any. */
export function charsetOf(contentType: unknown): string | undefined {
  const match = typeof contentType === 'string' ? /charset\s*=\s*"?([^";\s]+)/i.exec(contentType) : null;
  return match?.[1];
}
