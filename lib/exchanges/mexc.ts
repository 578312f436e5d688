/**
 * MEXC. EXCHANGES.md: spot `www.mexc.com/[loc/]exchange/TAO_USDT`, perpetuals on
 * `futures.mexc.com/exchange/TAO_USDT` (bots link it with `?inviteCode=…`) and
 * `www.mexc.com/[loc/]futures/TAO_USDT` (`?type=linear_swap`); `BTC_USD` there is the
 * coin-margined inverse perpetual. Asset and API pages live under `/assets/…` and `/user/…`.
 */
import { defineVenue, type DetectedPair } from './define';
import { patternsFor, segmentExcludes, withLocale } from './match-pattern';
import { parseSymbol, seg, venueParser, withoutLocale } from './symbols';

function parse(url: URL, all: string[]): DetectedPair | undefined {
  const s = withoutLocale(all);
  if (s.length !== 2) return undefined;
  const section = seg(s, 0);
  if (url.hostname === 'futures.mexc.com') {
    return section === 'exchange' ? parseSymbol('mexc', s[1]!, 'perp', { separators: '_', concat: false }) : undefined;
  }
  if (section === 'exchange') return parseSymbol('mexc', s[1]!, 'spot', { separators: '_', concat: false });
  if (section === 'futures') return parseSymbol('mexc', s[1]!, 'perp', { separators: '_', concat: false });
  return undefined;
}

export const mexcVenue = defineVenue({
  id: 'mexc',
  label: 'MEXC',
  // Order book in the left column, order form under the chart, market trades at the bottom of
  // the right column (EXCHANGES.md; issue 9: at 12,112 the panel covered the book): bottom-right
  // sits over the trades list, clear of both.
  overlayCorner: 'bottom-right',
  matches: [
    ...patternsFor(['https://www.mexc.com'], withLocale(['/exchange/*', '/futures/*'])),
    ...patternsFor(['https://futures.mexc.com'], withLocale(['/exchange/*'])),
  ],
  excludeMatches: segmentExcludes(['https://www.mexc.com', 'https://futures.mexc.com'], ['assets', 'user', 'account']),
  hosts: ['www.mexc.com', 'futures.mexc.com'],
  detectPair: venueParser(['www.mexc.com', 'futures.mexc.com'], parse),
  testUrls: [
    ['https://www.mexc.com/exchange/TAO_USDT', { base: 'TAO', quote: 'USDT', market: 'spot' }],
    ['https://www.mexc.com/en-GB/exchange/BTC_USDC?_from=market', { base: 'BTC', quote: 'USDC', market: 'spot' }],
    ['https://www.mexc.com/zh-CN/exchange/BTC3L_USDT', { base: 'BTC3L', quote: 'USDT', market: 'spot', leveraged: true }],
    ['https://futures.mexc.com/exchange/TAO_USDT', { base: 'TAO', quote: 'USDT', market: 'perp' }],
    ['https://futures.mexc.com/exchange/SOL_USDT?inviteCode=7zeuU9AdFM', { base: 'SOL', quote: 'USDT', market: 'perp' }],
    ['https://www.mexc.com/futures/TAO_USDT?type=linear_swap', { base: 'TAO', quote: 'USDT', market: 'perp' }],
    ['https://www.mexc.com/ru-RU/futures/BTC_USD', { base: 'BTC', quote: 'USD', market: 'perp' }],
    ['https://www.mexc.com/exchange', undefined],
    ['https://www.mexc.com/assets/deposit/USDT', undefined],
    ['https://www.mexc.com/user/openapi', undefined],
    ['https://www.mexc.com/price/TAO', undefined],
    ['https://futures.mexc.com/exchange', undefined],
  ],
});
