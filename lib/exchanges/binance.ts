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
import { makePair, param, parseSymbol, seg, splitConcatenated, stripDecorations, venueParser, withoutLocale } from './symbols';

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
    const { symbol, market } = stripDecorations(sym);
    if (market !== undefined && market !== 'future') return undefined;
    return parseSymbol('binance', symbol, market ?? 'perp', { separators: '' });
  }
  if (section === 'delivery') return delivery(sym);
  return undefined;
}

export const binanceVenue = defineVenue({
  id: 'binance',
  label: 'Binance',
  // Order book in the left column, order form under the chart, market trades at the bottom of
  // the right column (EXCHANGES.md; issue 9: at 12,112 the panel covered the book): bottom-right
  // sits over the trades list, clear of both.
  overlayCorner: 'bottom-right',
  matches: patternsFor([ORIGIN], withLocale(['/trade/*', '/futures/*', '/delivery/*'])),
  // `/*/futures/*` reaches `/zh-CN/my/wallet/futures/balance`; `/my/…` is wallet, orders, API
  // management and security.
  excludeMatches: [
    ...segmentExcludes([ORIGIN], ['my']),
    ...patternsFor([ORIGIN], withLocale(['/futures/funding-history/*'])),
  ],
  hosts: ['www.binance.com'],
  detectPair: venueParser(['www.binance.com'], parse),
  testUrls: [
    ['https://www.binance.com/en/trade/TAO_USDT?type=spot', { base: 'TAO', quote: 'USDT', market: 'spot' }],
    ['https://www.binance.com/trade/BTC_FDUSD?ref=CPA_00ABC&utm_medium=web', { base: 'BTC', quote: 'FDUSD', market: 'spot' }],
    ['https://www.binance.com/zh-CN/trade/ETH_BTC?type=cross', { base: 'ETH', quote: 'BTC', market: 'margin' }],
    ['https://www.binance.com/en/trade/SOL_USDC?type=isolated', { base: 'SOL', quote: 'USDC', market: 'margin' }],
    ['https://www.binance.com/en/trade/1000SATS_USDT', { base: '1000SATS', quote: 'USDT', market: 'spot' }],
    ['https://www.binance.com/en/trade/BTCUP_USDT', { base: 'BTCUP', quote: 'USDT', market: 'spot', leveraged: true }],
    ['https://www.binance.com/pt-BR/futures/TAOUSDT', { base: 'TAO', quote: 'USDT', market: 'perp' }],
    ['https://www.binance.com/en/futures/1MBABYDOGEUSDT', { base: 'BABYDOGE', quote: 'USDT', market: 'perp', multiplier: 1000000 }],
    ['https://www.binance.com/en/futures/BTCUSDT_250328', { base: 'BTC', quote: 'USDT', market: 'future' }],
    ['https://www.binance.com/en/delivery/btcusd_perpetual', { base: 'BTC', quote: 'USD', market: 'perp' }],
    ['https://www.binance.com/en/delivery/ethusd_quarter', { base: 'ETH', quote: 'USD', market: 'future' }],
    ['https://www.binance.com/zh-CN/my/wallet/futures/balance', undefined],
    ['https://www.binance.com/en/my/settings/api-management', undefined],
    ['https://www.binance.com/en/futures/funding-history/perpetual/real-time-funding-rate', undefined],
    ['https://www.binance.com/en/futures/funding-history', undefined],
    ['https://www.binance.com/en/trade/TAO_USDT?type=grid2', undefined],
    ['https://www.binance.com/en/price/bittensor', undefined],
    ['https://www.binance.com/en/futures/home', undefined],
  ],
});
