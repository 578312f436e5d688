/**
 * Bybit. EXCHANGES.md: spot `/[loc/]trade/spot/TAO/USDT`, USDT perpetuals `/trade/usdt/TAOUSDT`,
 * inverse `/trade/inverse/BTCUSD`, USDC contracts `/trade/usdc/BTC-PERP` and
 * `/trade/futures/usdc/BTC-PERP` (bots build `trade/usdc/{base}-PERP`). Bybit is an SPA and also
 * lists stock perpetuals (`AAPLUSDT`), which parse as pairs; resolving them is the asset layer's
 * job. `/trade/usdc/assets/unifiedtranslog` (a transaction log, linked by a public extension) is
 * an asset page under the trade path: rejected here and excluded in the manifest.
 * Dated contracts: `BTCUSDT-26DEC25`, `BTC-26DEC25` (USDC) and inverse `BTCUSDZ25`/`BTCUSDH26`.
 */
import { defineVenue, type DetectedPair } from './define';
import { patternsFor, segmentExcludes, withLocale } from './match-pattern';
import { makePair, parseSymbol, seg, stripDecorations, venueParser, withoutLocale } from './symbols';

const ORIGIN = 'https://www.bybit.com';

/** USDC-settled: `BTC-PERP`, `BTCPERP`, `BTCUSDC` → perp; `BTC-26DEC25` → future. */
function usdc(raw: string): DetectedPair | undefined {
  const { symbol, market } = stripDecorations(raw);
  const bare = /^([A-Z0-9]{1,20})PERP$/.exec(symbol);
  if (market === undefined && bare) return makePair('bybit', bare[1]!, 'USDC', 'perp');
  if (market === 'perp' || market === 'future') {
    if (/^[A-Z0-9]+$/.test(symbol) && !symbol.endsWith('USDC')) return makePair('bybit', symbol, 'USDC', market);
    return parseSymbol('bybit', symbol, market, { separators: '' });
  }
  if (market === undefined) return parseSymbol('bybit', symbol, 'perp', { separators: '', quotes: ['USDC'] });
  return undefined;
}

/** Inverse: `BTCUSD` → perp; `BTCUSDZ25` (month code + year) → future. */
function inverse(raw: string): DetectedPair | undefined {
  const upper = raw.toUpperCase();
  const dated = /^([A-Z0-9]{2,20})USD[FGHJKMNQUVXZ]\d{2}$/.exec(upper);
  if (dated) return makePair('bybit', dated[1]!, 'USD', 'future');
  return parseSymbol('bybit', upper, 'perp', { separators: '', quotes: ['USD'] });
}

function parse(_url: URL, all: string[]): DetectedPair | undefined {
  const s = withoutLocale(all);
  if (seg(s, 0) !== 'trade') return undefined;
  const kind = seg(s, 1);
  if (kind === 'spot' && s.length === 4) {
    return makePair('bybit', s[2]!, s[3]!, 'spot');
  }
  if (kind === 'spot' && s.length === 3) return parseSymbol('bybit', s[2]!, 'spot', { separators: '' });
  if (kind === 'usdt' && s.length === 3) {
    const { symbol, market } = stripDecorations(s[2]!);
    if (market !== undefined && market !== 'future') return undefined;
    return parseSymbol('bybit', symbol, market ?? 'perp', { separators: '', quotes: ['USDT'] });
  }
  if (kind === 'usdc' && s.length === 3) return usdc(s[2]!);
  if (kind === 'futures' && seg(s, 2) === 'usdc' && s.length === 4) return usdc(s[3]!);
  if (kind === 'inverse' && s.length === 3) return inverse(s[2]!);
  if (kind === 'inverse' && seg(s, 2) === 'futures' && s.length === 4) return inverse(s[3]!);
  return undefined;
}

export const bybitVenue = defineVenue({
  id: 'bybit',
  label: 'Bybit',
  matches: patternsFor([ORIGIN], withLocale(['/trade/*'])),
  excludeMatches: segmentExcludes([ORIGIN], ['assets', 'user']),
  hosts: ['www.bybit.com'],
  detectPair: venueParser(['www.bybit.com'], parse),
  testUrls: [
    ['https://www.bybit.com/trade/spot/TAO/USDT', { base: 'TAO', quote: 'USDT', market: 'spot' }],
    ['https://www.bybit.com/en/trade/spot/TAO/USDC?affiliate_id=12345&group_id=0', { base: 'TAO', quote: 'USDC', market: 'spot' }],
    ['https://www.bybit.com/zh-MY/trade/spot/btc3l/usdt', { base: 'BTC3L', quote: 'USDT', market: 'spot', leveraged: true }],
    ['https://www.bybit.com/trade/usdt/TAOUSDT', { base: 'TAO', quote: 'USDT', market: 'perp' }],
    ['https://www.bybit.com/en/trade/usdt/1000PEPEUSDT', { base: 'PEPE', quote: 'USDT', market: 'perp', multiplier: 1000 }],
    ['https://www.bybit.com/trade/usdt/BTCUSDT-26DEC25', { base: 'BTC', quote: 'USDT', market: 'future' }],
    ['https://www.bybit.com/trade/usdc/ETH-PERP', { base: 'ETH', quote: 'USDC', market: 'perp' }],
    ['https://www.bybit.com/trade/usdc/solperp', { base: 'SOL', quote: 'USDC', market: 'perp' }],
    ['https://www.bybit.com/trade/futures/usdc/BTC-PERP', { base: 'BTC', quote: 'USDC', market: 'perp' }],
    ['https://www.bybit.com/trade/futures/usdc/BTC-26DEC25', { base: 'BTC', quote: 'USDC', market: 'future' }],
    ['https://www.bybit.com/trade/inverse/BTCUSD', { base: 'BTC', quote: 'USD', market: 'perp' }],
    ['https://www.bybit.com/trade/inverse/futures/BTCUSDZ25', { base: 'BTC', quote: 'USD', market: 'future' }],
    ['https://www.bybit.com/trade/usdc/assets/unifiedtranslog', undefined],
    ['https://www.bybit.com/user/assets/withdraw', undefined],
    ['https://www.bybit.com/trade/option/usdc/BTC', undefined],
    ['https://www.bybit.com/trade/spot', undefined],
    ['https://www.bybit.com/en/trade/usdt/funding-rate', undefined],
  ],
});
