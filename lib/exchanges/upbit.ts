/**
 * Upbit. EXCHANGES.md: `upbit.com/exchange?code=CRIX.UPBIT.KRW-TAO`: the pair is in the query and
 * written quote first (KRW-TAO is TAO priced in KRW). Upbit's markets are quoted in KRW, BTC and
 * USDT only. (TOKAMAK is Tokamak Network, not TON: that is the asset layer's override.)
 */
import { defineVenue, type DetectedPair } from './define';
import { param, parseSymbol, venueParser } from './symbols';

const QUOTES = new Set(['KRW', 'BTC', 'USDT']);

function parse(url: URL, s: string[]): DetectedPair | undefined {
  if (s.length !== 1 || s[0]!.toLowerCase() !== 'exchange') return undefined;
  const code = param(url.searchParams, 'code');
  const m = code ? /^CRIX\.UPBIT\.([A-Za-z0-9]{2,6}-[A-Za-z0-9]{1,20})$/i.exec(code) : null;
  if (!m) return undefined;
  const pair = parseSymbol('upbit', m[1]!, 'spot', { separators: '-', concat: false, quoteFirst: true });
  return pair && QUOTES.has(pair.quote) ? pair : undefined;
}

export const upbitVenue = defineVenue({
  id: 'upbit',
  label: 'Upbit',
  // Upbit: chart on top, order book and order form side by side below it: the market list's
  // top on the right is clear of both.
  overlayCorner: 'top-right',
  matches: ['https://upbit.com/exchange*', 'https://www.upbit.com/exchange*'],
  // `/exchange*` holds the trading view only; balances and deposits are under `/investments`
  // and `/balances`.
  excludeMatches: [],
  hosts: ['upbit.com', 'www.upbit.com'],
  detectPair: venueParser(['upbit.com', 'www.upbit.com'], parse),
  testUrls: [
    ['https://upbit.com/exchange?code=CRIX.UPBIT.KRW-TAO', { base: 'TAO', quote: 'KRW', market: 'spot' }],
    ['https://upbit.com/exchange?code=CRIX.UPBIT.KRW-BTC', { base: 'BTC', quote: 'KRW', market: 'spot' }],
    ['https://upbit.com/exchange?code=CRIX.UPBIT.BTC-ETH', { base: 'ETH', quote: 'BTC', market: 'spot' }],
    ['https://www.upbit.com/exchange?code=CRIX.UPBIT.USDT-SOL&utm_source=x', { base: 'SOL', quote: 'USDT', market: 'spot' }],
    ['https://upbit.com/exchange?code=crix.upbit.krw-tokamak', { base: 'TOKAMAK', quote: 'KRW', market: 'spot' }],
    ['https://upbit.com/exchange?code=CRIX.UPBIT.KRW-XRP&tab=chart', { base: 'XRP', quote: 'KRW', market: 'spot' }],
    ['https://upbit.com/exchange', undefined],
    ['https://upbit.com/exchange?code=CRIX.BITHUMB.KRW-BTC', undefined],
    ['https://upbit.com/exchange?code=CRIX.UPBIT.EUR-BTC', undefined],
    ['https://upbit.com/balances', undefined],
    ['https://upbit.com/investments/balance', undefined],
  ],
});
