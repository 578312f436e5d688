/**
 * OKX. EXCHANGES.md: `/[loc/]trade-spot/tao-usdt`, `/trade-margin/…`, perpetual swaps
 * `/trade-swap/tao-usdt-swap` (upper case seen too), dated futures `/trade-futures/btc-usd-250328`.
 * `/trade-events/…` are prediction markets (`btc-updown-5min`), `/trade-option/…` options: not
 * pairs. `my.okx.com` is OKX's EEA site with the same paths.
 */
import { defineVenue, type DetectedPair } from './define';
import type { MarketKind } from '../types';
import { patternsFor, segmentExcludes, withLocale } from './match-pattern';
import { parseDecorated, seg, venueParser, withoutLocale } from './symbols';

const HOSTS = ['www.okx.com', 'my.okx.com'] as const;
// Pure: the content script, which ships no match patterns, drops it.
const ORIGINS = /* @__PURE__ */ HOSTS.map((h) => `https://${h}`);

/** Path section → the market it shows and the decoration its instrument id must carry. */
const SECTIONS: Record<string, { market: MarketKind; decoration: MarketKind | undefined }> = {
  'trade-spot': { market: 'spot', decoration: undefined },
  'trade-margin': { market: 'margin', decoration: undefined },
  'trade-swap': { market: 'perp', decoration: 'perp' },
  'trade-futures': { market: 'future', decoration: 'future' },
};

function parse(_url: URL, all: string[]): DetectedPair | undefined {
  const s = withoutLocale(all);
  if (s.length !== 2) return undefined;
  const section = Object.prototype.hasOwnProperty.call(SECTIONS, seg(s, 0)!) ? SECTIONS[seg(s, 0)!] : undefined;
  if (!section) return undefined;
  return parseDecorated('okx', s[1]!, [section.decoration], { separators: '-', concat: false }, section.market);
}

/**
 * Account, asset, API and withdrawal pages on the venue's hosts: the manifest's `exclude_matches`
 * (lib/exchanges/manifest.ts). Apart from the venue object, so the content script does not carry it.
 */
// The locale form `/*/trade-…/*` could reach pages under the asset and account sections.
export const okxExcludeMatches: readonly string[] = segmentExcludes(ORIGINS, ['balance', 'account']);

export const okxVenue = defineVenue({
  id: 'okx',
  label: 'OKX',
  matches: patternsFor(ORIGINS, withLocale(['/trade-spot/*', '/trade-margin/*', '/trade-swap/*', '/trade-futures/*'])),
  hosts: HOSTS,
  detectPair: venueParser(HOSTS, parse),
});
