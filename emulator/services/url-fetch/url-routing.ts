/**
 * urlFetchWhitelist matching (https://developers.google.com/apps-script/manifest/allowlist-url): a URL matches a
 * prefix when it equals it or is a child of it, case-sensitively; a leading `*.` in the host matches subdomains.
 */
export function isAllowlisted(url: string, prefixes: readonly string[]): boolean {
  return prefixes.some((prefix) => matchesPrefix(url, prefix));
}

function matchesPrefix(url: string, prefix: string): boolean {
  const wildcard = /^(https?:\/\/)\*\.(.*)$/.exec(prefix);
  if (!wildcard) return url.startsWith(prefix);
  const [, scheme, rest] = wildcard;
  if (!url.startsWith(scheme)) return false;
  const afterScheme = url.slice(scheme.length);
  const dot = afterScheme.indexOf('.');
  return dot > 0 && !afterScheme.slice(0, dot).includes('/') && afterScheme.slice(dot + 1).startsWith(rest);
}

/**
 * Where a request really goes: the longest route prefix the URL starts with is replaced by its target, so the script
 * fetches production URLs while the requests reach a local simulator. Unrouted URLs go where they say.
 */
export function routeUrl(url: string, routes: Readonly<Record<string, string>>): string {
  let best = '';
  for (const prefix of Object.keys(routes)) {
    if (url.startsWith(prefix) && prefix.length > best.length) best = prefix;
  }
  return best ? routes[best] + url.slice(best.length) : url;
}
