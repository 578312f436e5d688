/**
 * The venue registry as the manifest will see it (GUIDE.md: "A registry test checks ids are
 * unique, patterns parse"; QUALITY.md: content scripts match trade pages only, with
 * `exclude_matches` for account, asset, API and withdrawal pages).
 */
import { describe, expect, it } from 'vitest';
import { venueForUrl, venues, type VenueId } from '../../lib/exchanges';
import { contentScriptExcludeMatches, contentScriptMatches, EXCLUDE_MATCHES } from '../../lib/exchanges/manifest';
import {
  hostMatches,
  isUrlMatched,
  matchPatternToRegExp,
  parseMatchPattern,
  segmentExcludes,
  urlMatchesPattern,
  withLocale,
} from '../../lib/exchanges/match-pattern';
import { testUrlsOf } from '../fixtures/venue-urls';

/**
 * Written independently of lib/exchanges/match-pattern.ts, from Chrome's documented grammar
 * (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns):
 * `<all_urls>` | <scheme>://<host><path>; scheme `*`, http, https, file, ftp, ws, wss; host `*`,
 * `*.` followed by a host, or a host with no `*`; path starts with `/` and may hold `*` anywhere.
 * Tokenlens never names ports, so a port is rejected here.
 */
function isValidChromeMatchPattern(p: string): boolean {
  if (p === '<all_urls>') return true;
  const m = /^(\*|https?|wss?|ftp|file):\/\/([^/]*)(\/.*)$/.exec(p);
  if (!m) return false;
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  if (scheme === 'file') return host === '';
  if (!path.startsWith('/')) return false;
  if (host === '*') return true;
  const rest = host.startsWith('*.') ? host.slice(2) : host;
  if (rest.includes('*') || rest.includes(':')) return false;
  return /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(rest);
}

/** Negative test URLs that are account, asset, wallet, deposit, withdrawal or API pages. */
const SENSITIVE = /\/(my|account|accounts|assets?|wallet|withdraw\w*|deposit\w*|balances?|finance|myaccount|user|apikeys?|api|api-management|security|portfolio)(\/|$)/i;

const ALL_IDS: VenueId[] = [
  'kucoin', 'binance', 'okx', 'bybit', 'coinbase', 'kraken', 'gate', 'mexc', 'bitget', 'htx',
  'cryptocom', 'bitfinex', 'upbit', 'hyperliquid', 'tradingview',
];

describe('the validator itself', () => {
  it.each([
    'https://www.kucoin.com/trade/*',
    'https://*.tradingview.com/chart/*',
    '*://*/*',
    '<all_urls>',
    'file:///tmp/*',
    'https://upbit.com/exchange*',
  ])('accepts %s', (p) => expect(isValidChromeMatchPattern(p)).toBe(true));

  it.each([
    'https://www.kucoin.com',
    'https://*kucoin.com/*',
    'https://www.*.com/*',
    'htps://www.kucoin.com/*',
    'https://www.kucoin.com:8080/*',
    'https:/www.kucoin.com/*',
    'www.kucoin.com/trade/*',
    'file://host/*',
    'https:///trade/*',
    'https://WWW.KUCOIN.COM/*',
  ])('rejects %s', (p) => expect(isValidChromeMatchPattern(p)).toBe(false));
});

describe('registry', () => {
  it('holds the fifteen venues of the contract, each id once', () => {
    const ids = venues.map((v) => v.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...ALL_IDS].sort());
    for (const v of venues) expect(v.label.trim().length).toBeGreaterThan(1);
  });

  it('every matches/excludeMatches entry is a valid Chrome match pattern, https and host-specific', () => {
    for (const v of venues) {
      expect(v.matches.length, v.id).toBeGreaterThan(0);
      for (const p of [...v.matches, ...EXCLUDE_MATCHES[v.id]]) {
        expect(isValidChromeMatchPattern(p), `${v.id}: ${p}`).toBe(true);
        expect(parseMatchPattern(p), `${v.id}: ${p}`).toBeDefined();
        expect(p.startsWith('https://'), `${v.id}: ${p}`).toBe(true);
        expect(parseMatchPattern(p)!.host, `${v.id}: ${p}`).not.toBe('*');
      }
    }
  });

  it('no two venues share a host, so hostname dispatch is unambiguous', () => {
    const owners = new Map<string, string>();
    for (const v of venues) {
      for (const p of v.matches) {
        const host = parseMatchPattern(p)!.host;
        expect(owners.get(host) ?? v.id, host).toBe(v.id);
        owners.set(host, v.id);
      }
    }
    for (const [host, id] of owners) {
      for (const [other, otherId] of owners) {
        if (id !== otherId) expect(hostMatches(host, other.replace(/^\*\./, '')), `${host} vs ${other}`).toBe(false);
      }
    }
  });

  it("each venue's `hosts` (what venueForUrl dispatches by) are exactly the hosts of its `matches`", () => {
    for (const v of venues) {
      const fromPatterns = v.matches.map((p) => parseMatchPattern(p)?.host);
      expect(fromPatterns, v.id).not.toContain(undefined);
      expect(new Set(v.hosts), v.id).toEqual(new Set(fromPatterns));
      expect(v.hosts.length, v.id).toBe(new Set(v.hosts).size);
    }
  });

  it('contentScriptMatches and contentScriptExcludeMatches are the de-duplicated unions', () => {
    expect(new Set(contentScriptMatches)).toEqual(new Set(venues.flatMap((v) => v.matches)));
    expect(new Set(contentScriptExcludeMatches)).toEqual(new Set(venues.flatMap((v) => EXCLUDE_MATCHES[v.id])));
    expect(contentScriptMatches).not.toContain('<all_urls>');
  });
});

describe.each(venues.map((v) => [v.id, v] as const))('patterns of %s', (id, venue) => {
  const positives = testUrlsOf(venue).filter(([, e]) => e !== undefined).map(([u]) => u);
  const negatives = testUrlsOf(venue).filter(([, e]) => e === undefined).map(([u]) => u);

  it.each(positives)('covers market page %s and does not exclude it', (url) => {
    expect(venue.matches.some((p) => urlMatchesPattern(url, p)), 'no matches pattern covers it').toBe(true);
    const excludedBy = EXCLUDE_MATCHES[venue.id].filter((p) => urlMatchesPattern(url, p));
    expect(excludedBy).toEqual([]);
    // and no other venue's exclusions hide it either (the manifest merges them all)
    expect(isUrlMatched(url, contentScriptMatches, contentScriptExcludeMatches)).toBe(true);
  });

  const sensitive = negatives.filter((u) => SENSITIVE.test(new URL(u).pathname));
  it.each(sensitive.length ? sensitive : ['(none)'])('keeps the content script off account/asset page %s', (url) => {
    if (url === '(none)') return;
    const covered = venue.matches.some((p) => urlMatchesPattern(url, p));
    if (covered) {
      expect(EXCLUDE_MATCHES[venue.id].some((p) => urlMatchesPattern(url, p)), 'covered by matches but not excluded').toBe(true);
    }
    expect(isUrlMatched(url, venue.matches, EXCLUDE_MATCHES[venue.id])).toBe(false);
  });

  it('testUrls name only this venue`s hosts', () => {
    for (const [u] of testUrlsOf(venue)) expect(venueForUrl(u)?.id, u).toBe(id);
  });
});

it('the sensitive-page rule is exercised: some account pages really are reached by matches', () => {
  // Without this the exclusion test above could pass vacuously.
  const reached = venues.flatMap((v) =>
    testUrlsOf(v)
      .filter(([u, e]) => e === undefined && SENSITIVE.test(new URL(u).pathname))
      .filter(([u]) => v.matches.some((p) => urlMatchesPattern(u, p)))
      .map(([u]) => u),
  );
  expect(reached).toEqual(
    expect.arrayContaining([
      'https://www.binance.com/zh-CN/my/wallet/futures/balance',
      'https://www.bybit.com/trade/usdc/assets/unifiedtranslog',
      'https://www.bitget.com/en/spot/deposit',
    ]),
  );
});

describe('match-pattern.ts semantics', () => {
  it('scheme * means http and https only', () => {
    expect(urlMatchesPattern('http://a.example/x', '*://a.example/*')).toBe(true);
    expect(urlMatchesPattern('https://a.example/x', '*://a.example/*')).toBe(true);
    expect(urlMatchesPattern('ftp://a.example/x', '*://a.example/*')).toBe(false);
    expect(urlMatchesPattern('http://a.example/x', 'https://a.example/*')).toBe(false);
  });

  it('*.host covers the bare host and subdomains, nothing else', () => {
    expect(urlMatchesPattern('https://tradingview.com/chart/', 'https://*.tradingview.com/chart/*')).toBe(true);
    expect(urlMatchesPattern('https://in.tradingview.com/chart/', 'https://*.tradingview.com/chart/*')).toBe(true);
    expect(urlMatchesPattern('https://eviltradingview.com/chart/', 'https://*.tradingview.com/chart/*')).toBe(false);
    expect(urlMatchesPattern('https://tradingview.com.evil.example/chart/', 'https://*.tradingview.com/chart/*')).toBe(false);
  });

  it('the path glob spans slashes, includes the query, excludes the fragment, and is case-sensitive', () => {
    expect(urlMatchesPattern('https://www.binance.com/zh-CN/my/wallet/futures/balance', 'https://www.binance.com/*/futures/*')).toBe(true);
    expect(urlMatchesPattern('https://upbit.com/exchange?code=CRIX.UPBIT.KRW-TAO', 'https://upbit.com/exchange*')).toBe(true);
    expect(urlMatchesPattern('https://upbit.com/exchange?code=x', 'https://upbit.com/exchange?code=*')).toBe(true);
    expect(urlMatchesPattern('https://a.example/x#/trade/', 'https://a.example/*/trade/*')).toBe(false);
    expect(urlMatchesPattern('https://a.example/TRADE/x', 'https://a.example/trade/*')).toBe(false);
    expect(urlMatchesPattern('https://a.example/trade', 'https://a.example/trade/*')).toBe(false);
  });

  it('dots and other RegExp characters in patterns are literal', () => {
    expect(urlMatchesPattern('https://wwwXkucoin.com/trade/x', 'https://www.kucoin.com/trade/*')).toBe(false);
    expect(urlMatchesPattern('https://a.example/a+b', 'https://a.example/a+b')).toBe(true);
    expect(urlMatchesPattern('https://a.example/aab', 'https://a.example/a+b')).toBe(false);
  });

  it('rejects invalid patterns loudly and invalid URLs quietly', () => {
    expect(() => matchPatternToRegExp('https://*kucoin.com/*')).toThrow();
    expect(parseMatchPattern('https://www.kucoin.com')).toBeUndefined();
    expect(urlMatchesPattern('not a url', 'https://www.kucoin.com/*')).toBe(false);
    expect(isUrlMatched('not a url', ['<all_urls>'])).toBe(false);
  });

  it('helpers build the expected pattern families', () => {
    expect(withLocale(['/trade/*'])).toEqual(['/trade/*', '/*/trade/*']);
    expect(segmentExcludes(['https://a.example'], ['assets'])).toEqual(['https://a.example/assets/*', 'https://a.example/*/assets/*']);
    // the trailing slash keeps a pair such as api3-usdt from being excluded by an `api` segment
    expect(isUrlMatched('https://a.example/trade/api3-usdt', ['https://a.example/trade/*'], segmentExcludes(['https://a.example'], ['api']))).toBe(true);
  });
});
