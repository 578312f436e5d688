/**
 * KuCoin. EXCHANGES.md: spot `/[loc/]trade/TAO-USDT`, futures `/futures/trade/XBTUSDTM`
 * (trailing `M` = "margined" contract, XBT = BTC); `futures.kucoin.com/trade/…` is the older
 * futures host (still linked by bots, e.g. `futures.kucoin.com/trade/{S}USDT`).
 * Margin `/trade/margin/TAO-USDT` and `/trade/isolated/TAO-USDT` are marked (?) in EXCHANGES.md:
 * parsed tolerantly, never required.
 */
import { defineVenue, type DetectedPair } from './define';
import { patternsFor, segmentExcludes, withLocale } from './match-pattern';
import { makePair, parseSymbol, seg, splitConcatenated, venueParser, withoutLocale } from './symbols';

const HOSTS = ['www.kucoin.com', 'futures.kucoin.com'] as const;

/** `XBTUSDTM` → BTC/USDT, `XBTUSDM` → BTC/USD (coin-margined inverse), `XBTUSDCM` → BTC/USDC. */
function futuresSymbol(raw: string): DetectedPair | undefined {
  const upper = raw.toUpperCase();
  if (!/^[A-Z0-9]{3,24}M$/.test(upper)) return undefined;
  const split = splitConcatenated(upper.slice(0, -1));
  if (!split) return undefined;
  return makePair('kucoin', split.base, split.quote, 'perp');
}

function parse(url: URL, all: string[]): DetectedPair | undefined {
  if (url.hostname === 'futures.kucoin.com') {
    const s = withoutLocale(all);
    return s.length === 2 && seg(s, 0) === 'trade' ? futuresSymbol(s[1]!) : undefined;
  }
  const s = withoutLocale(all);
  if (seg(s, 0) === 'trade') {
    if (s.length === 2) return parseSymbol('kucoin', s[1]!, 'spot', { concat: false, separators: '-' });
    if (s.length === 3 && (seg(s, 1) === 'margin' || seg(s, 1) === 'isolated')) {
      return parseSymbol('kucoin', s[2]!, 'margin', { concat: false, separators: '-' });
    }
    return undefined;
  }
  if (s.length === 3 && seg(s, 0) === 'futures' && seg(s, 1) === 'trade') return futuresSymbol(s[2]!);
  return undefined;
}

export const kucoinVenue = defineVenue({
  id: 'kucoin',
  label: 'KuCoin',
  // Order book in the left column, order form under the chart, market trades at the bottom of
  // the right column (EXCHANGES.md; issue 9: at 12,112 the panel covered the book): bottom-right
  // sits over the trades list, clear of both.
  overlayCorner: 'bottom-right',
  matches: [
    ...patternsFor(['https://www.kucoin.com'], withLocale(['/trade/*'])),
    'https://futures.kucoin.com/trade/*',
  ],
  // `/*/trade/*` also reaches `/order/trade/…` (order history) and would reach any
  // `/assets/…/trade/…` or `/account/…/trade/…` page.
  excludeMatches: segmentExcludes(['https://www.kucoin.com'], ['account', 'assets', 'order', 'account-security']),
  hosts: HOSTS,
  detectPair: venueParser(HOSTS, parse),
  testUrls: [
    ['https://www.kucoin.com/trade/TAO-USDT', { base: 'TAO', quote: 'USDT', market: 'spot' }],
    ['https://www.kucoin.com/zh-hant/trade/btc-usdt?rcode=rJ2ABC7&utm_source=tw', { base: 'BTC', quote: 'USDT', market: 'spot' }],
    ['https://www.kucoin.com/en-US/trade/ETH-BTC', { base: 'ETH', quote: 'BTC', market: 'spot' }],
    ['https://www.kucoin.com/trade/ETH3L-USDT', { base: 'ETH3L', quote: 'USDT', market: 'spot', leveraged: true }],
    ['https://www.kucoin.com/trade/JUP-USDT', { base: 'JUP', quote: 'USDT', market: 'spot' }],
    ['https://www.kucoin.com/trade/1INCH-USDT', { base: '1INCH', quote: 'USDT', market: 'spot' }],
    ['https://www.kucoin.com/trade/margin/BTC-USDT', { base: 'BTC', quote: 'USDT', market: 'margin' }],
    ['https://www.kucoin.com/futures/trade/XBTUSDTM', { base: 'BTC', quote: 'USDT', market: 'perp' }],
    ['https://www.kucoin.com/ru/futures/trade/XBTUSDM', { base: 'BTC', quote: 'USD', market: 'perp' }],
    ['https://www.kucoin.com/futures/trade/1000PEPEUSDTM', { base: 'PEPE', quote: 'USDT', market: 'perp', multiplier: 1000 }],
    ['https://futures.kucoin.com/trade/ETHUSDTM', { base: 'ETH', quote: 'USDT', market: 'perp' }],
    ['https://www.kucoin.com/trade', undefined],
    ['https://www.kucoin.com/trade/TAOUSDT', undefined],
    ['https://www.kucoin.com/futures/trade/XBTUSDT', undefined],
    ['https://www.kucoin.com/order/trade', undefined],
    ['https://www.kucoin.com/order/trade/history', undefined],
    ['https://www.kucoin.com/assets/withdraw/USDT', undefined],
    ['https://www.kucoin.com/account/api', undefined],
    ['https://www.kucoin.com/price/TAO', undefined],
  ],
});
