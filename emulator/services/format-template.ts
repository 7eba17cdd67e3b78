/** True for errors of any realm (the bundle's errors are not `instanceof` the host's Error). */
export function isError(value: unknown): value is Error {
  return Object.prototype.toString.call(value) === '[object Error]';
}

/** Text of one logged or formatted value: strings as they are, errors as "Name: message", objects as JSON. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isError(value)) return `${value.name}: ${value.message}`;
  if (value !== null && typeof value === 'object') {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

/**
 * printf-style `%s`, `%d`, `%i`, `%f`, `%j`, `%o` and `%%`, as Logger.log(format, values...) and
 * Utilities.formatString take them (https://developers.google.com/apps-script/reference/base/logger#logformat,-values).
 */
export function formatTemplate(template: string, values: unknown[]): string {
  let next = 0;
  return template.replace(/%([sdifjo%])/g, (whole, letter: string) => {
    if (letter === '%') return '%';
    if (next >= values.length) return whole;
    const value = values[next++];
    if (letter === 'd' || letter === 'i') return String(Math.trunc(Number(value)));
    if (letter === 'f') return String(Number(value));
    return describeValue(value);
  });
}
