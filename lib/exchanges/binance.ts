/**
 * Binance. EXCHANGES.md: spot `/[loc/]trade/TAO_USDT?type=spot` (`type=cross|isolated` is the
 * margin view of the same page), USD-M futures `/[loc/]futures/TAOUSDT` (dated `_250328`),
 * COIN-M `/[loc/]delivery/btcusd_perpetual|_quarter` (the `_perpetual` form is what bots link,
 * e.g. `delivery/${name.replace('PERP', 'perpetual')}`). Not markets: `/my/wallet/futures/…`
 * and `/futures/funding-history/…`. Binance switches pairs without a reload (SPA).
 */
import { defineVenue, type DetectedPair } from './define';
import type { MarketKind } from '../types';
import { patternsFor, segmentExcludes, withLocale } from './match-pattern';
import { makePair, param, parseDecorated, parseSymbol, seg, splitConcatenated, stripDecorations, venueParser, withoutLocale } from './symbols';

const ORIGIN = 'https://www.binance.com';

/** `?type=` of the spot page: absent/spot/grid → spot, cross/isolated/margin → margin. */
function spotMarket(url: URL): MarketKind | undefined {
  const type = param(url.searchParams, 'type')?.toLowerCase();
  if (type === undefined || type === 'spot' || type === 'grid') return 'spot';
  if (type === 'cross' || type === 'isolated' || type === 'margin') return 'margin';
  return undefined;
}

/** COIN-M: `btcusd_perpetual` → perp; `btcusd_quarter`, `btcusd_bi-quarter`, `btcusd_250328` → future. */
function delivery(raw: string): DetectedPair | undefined {
  const m = /^([a-z0-9]{4,20})_(perpetual|perp|quarter|current_quarter|next_quarter|bi-quarter|\d{6})$/i.exec(raw);
  if (!m) return undefined;
  const kind = m[2]!.toLowerCase();
  const split = splitConcatenated(m[1]!);
  if (!split) return undefined;
  if (/^\d{6}$/.test(kind) && stripDecorations(raw).market !== 'future') return undefined;
  const market: MarketKind = kind === 'perpetual' || kind === 'perp' ? 'perp' : 'future';
  return makePair('binance', split.base, split.quote, market);
}

function parse(url: URL, all: string[]): DetectedPair | undefined {
  const s = withoutLocale(all);
  if (s.length !== 2) return undefined;
  const section = seg(s, 0);
  const sym = s[1]!;
  if (section === 'trade') {
    const market = spotMarket(url);
    return market && parseSymbol('binance', sym, market, { separators: '_' });
  }
  if (section === 'futures') {
    return parseDecorated('binance', sym, [undefined, 'future'], { separators: '' });
  }
  if (section === 'delivery') return delivery(sym);
  return undefined;
}

/**
 * Account, asset, API and withdrawal pages on the venue's hosts: the manifest's `exclude_matches`
 * (lib/exchanges/manifest.ts). Apart from the venue object, so the content script does not carry it.
 */
// `/*/futures/*` reaches `/zh-CN/my/wallet/futures/balance`; `/my/…` is wallet, orders, API
// management and security.
export const binanceExcludeMatches: readonly string[] = [
  ...segmentExcludes([ORIGIN], ['my']),
  ...patternsFor([ORIGIN], withLocale(['/futures/funding-history/*'])),
];

export const binanceVenue = defineVenue({
  id: 'binance',
  label: 'Binance',
  // Order book in the left column, order form under the chart, market trades at the bottom of
  // the right column (EXCHANGES.md; issue 9: at 12,112 the panel covered the book): bottom-right
  // sits over the trades list, clear of both.
  overlayCorner: 'bottom-right',
  matches: patternsFor([ORIGIN], withLocale(['/trade/*', '/futures/*', '/delivery/*'])),
  hosts: ['www.binance.com'],
  detectPair: venueParser(['www.binance.com'], parse),
});
