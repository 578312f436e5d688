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
import { makePair, parseDecorated, parseSymbol, seg, stripDecorations, venueParser, withoutLocale } from './symbols';

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
    return parseDecorated('bybit', s[2]!, [undefined, 'future'], { separators: '', quotes: ['USDT'] });
  }
  if (kind === 'usdc' && s.length === 3) return usdc(s[2]!);
  if (kind === 'futures' && seg(s, 2) === 'usdc' && s.length === 4) return usdc(s[3]!);
  if (kind === 'inverse' && s.length === 3) return inverse(s[2]!);
  if (kind === 'inverse' && seg(s, 2) === 'futures' && s.length === 4) return inverse(s[3]!);
  return undefined;
}

/**
 * Account, asset, API and withdrawal pages on the venue's hosts: the manifest's `exclude_matches`
 * (lib/exchanges/manifest.ts). Apart from the venue object, so the content script does not carry it.
 */
export const bybitExcludeMatches: readonly string[] = segmentExcludes([ORIGIN], ['assets', 'user']);

export const bybitVenue = defineVenue({
  id: 'bybit',
  label: 'Bybit',
  matches: patternsFor([ORIGIN], withLocale(['/trade/*'])),
  hosts: ['www.bybit.com'],
  detectPair: venueParser(['www.bybit.com'], parse),
});
