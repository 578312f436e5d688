/**
 * Chrome/Firefox match patterns, as pure functions.
 *
 * Why: the content script's `matches`/`exclude_matches` are derived from the venue table
 * (GUIDE.md, "Units of extension"), and QUALITY.md wants a test that proves trade pages are
 * reached while account/asset/withdrawal pages are not. That test (and the manifest test) need
 * to evaluate patterns the way the browser does, without a browser:
 * https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns
 *
 * Semantics implemented here (the subset Tokenlens uses):
 * - `<scheme>://<host><path>`; scheme `*` means http or https only;
 * - host `*` (any), `*.example.com` (example.com itself and every subdomain) or a literal host;
 *   the port is ignored, as Chrome does when the pattern names none;
 * - the path is a glob where `*` matches any run of characters (slashes included) and is
 *   matched, case-sensitively, against the URL's path plus query (`GURL::PathForRequest`),
 *   never the fragment;
 * - `<all_urls>`.
 */

/** A parsed pattern; `host` is `''` for file URLs. */
export interface ParsedMatchPattern {
  scheme: string;
  host: string;
  path: string;
}

const SCHEMES = new Set(['*', 'http', 'https', 'file', 'ftp', 'ws', 'wss']);
const HOST_LABELS = /^(?:\*|(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*)$/;

/**
 * Parses a match pattern; `undefined` when the browser would reject it (bad scheme, `*` inside a
 * host label, missing path, upper-case host…). `<all_urls>` parses as scheme `*`, host `*`.
 */
export function parseMatchPattern(pattern: string): ParsedMatchPattern | undefined {
  if (typeof pattern !== 'string' || pattern.length > 2048) return undefined;
  if (pattern === '<all_urls>') return { scheme: '*', host: '*', path: '/*' };
  const m = /^([a-z*]+):\/\/([^/]*)(\/.*)$/.exec(pattern);
  if (!m) return undefined;
  // The pattern has three groups, so a match always holds three strings.
  const [, scheme = '', host = '', path = ''] = m;
  if (!SCHEMES.has(scheme)) return undefined;
  if (scheme === 'file') return host === '' ? { scheme, host, path } : undefined;
  if (host === '' || !HOST_LABELS.test(host)) return undefined;
  return { scheme, host, path };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.+?^${}()|[\]\\/]/g, '\\$&');
}

/** True when `hostname` (already lower-case, as `URL` gives it) is covered by a pattern host. */
export function hostMatches(patternHost: string, hostname: string): boolean {
  if (patternHost === '*') return hostname.length > 0;
  if (patternHost.startsWith('*.')) {
    const bare = patternHost.slice(2);
    return hostname === bare || hostname.endsWith(`.${bare}`);
  }
  return hostname === patternHost;
}

/**
 * The RegExp a pattern stands for, to be tested against `matchTarget(url)`. Throws on an invalid
 * pattern (a programming error in a venue file, caught by the registry test).
 */
export function matchPatternToRegExp(pattern: string): RegExp {
  const p = parseMatchPattern(pattern);
  if (!p) throw new Error(`invalid match pattern: ${pattern}`);
  const scheme = p.scheme === '*' ? 'https?' : escapeRegExp(p.scheme);
  let host: string;
  if (p.host === '*') host = '[^/]+';
  else if (p.host.startsWith('*.')) host = `(?:[^/]+\\.)?${escapeRegExp(p.host.slice(2))}`;
  else host = escapeRegExp(p.host);
  const path = p.path.split('*').map(escapeRegExp).join('.*');
  return new RegExp(`^${scheme}://${host}${path}$`, 's');
}

/** The string a pattern's RegExp is tested against: scheme://hostname + path + query. */
export function matchTarget(url: URL): string {
  return `${url.protocol.replace(/:$/, '')}://${url.hostname}${url.pathname}${url.search}`;
}

function toUrl(url: string | URL): URL | undefined {
  if (url instanceof URL) return url;
  try {
    return new URL(url);
  } catch {
    // expected: not a URL, so it matches no pattern
    return undefined;
  }
}

/** Does one pattern cover this URL? Invalid URLs are covered by nothing. */
export function urlMatchesPattern(url: string | URL, pattern: string): boolean {
  const u = toUrl(url);
  if (!u) return false;
  return matchPatternToRegExp(pattern).test(matchTarget(u));
}

/**
 * Would a content script declared with these `matches`/`exclude_matches` run on this URL?
 */
export function isUrlMatched(url: string | URL, matches: readonly string[], excludeMatches: readonly string[] = []): boolean {
  const u = toUrl(url);
  if (!u) return false;
  return matches.some((p) => urlMatchesPattern(u, p)) && !excludeMatches.some((p) => urlMatchesPattern(u, p));
}

/**
 * Cross product `origins × paths`, e.g. (`https://www.gate.io`, `/trade/*`). These three builders
 * are marked free of side effects (Rollup's `__NO_SIDE_EFFECTS__`): a venue's exclusion list
 * that only the manifest uses is then dropped from the content-script bundle.
 */
/* @__NO_SIDE_EFFECTS__ */
export function patternsFor(origins: readonly string[], paths: readonly string[]): string[] {
  return origins.flatMap((o) => paths.map((p) => `${o}${p}`));
}

/**
 * `/trade/*` → [`/trade/*`, `/*\/trade/*`]: the bare path and the same path behind a locale
 * prefix (`/en/trade/*`, `/zh-CN/trade/*`). Match patterns cannot say "one two-letter segment",
 * so the prefix is `*`; that is why venues with localised paths also carry exclusions.
 */
/* @__NO_SIDE_EFFECTS__ */
export function withLocale(paths: readonly string[]): string[] {
  return paths.flatMap((p) => [p, `/*${p}`]);
}

/**
 * Exclusions for whole path segments (account, assets…), at the root and after any prefix:
 * `https://host/assets/*` and `https://host/*\/assets/*`. The trailing slash keeps a pair such as
 * `/trade/api3-usdt` from being excluded by the `api` segment.
 */
/* @__NO_SIDE_EFFECTS__ */
export function segmentExcludes(origins: readonly string[], segments: readonly string[]): string[] {
  return patternsFor(origins, segments.flatMap((s) => [`/${s}/*`, `/*/${s}/*`]));
}
