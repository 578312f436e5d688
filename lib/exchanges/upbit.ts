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

/**
 * Account, asset, API and withdrawal pages on the venue's hosts: the manifest's `exclude_matches`
 * (lib/exchanges/manifest.ts). Apart from the venue object, so the content script does not carry it.
 */
// `/exchange*` holds the trading view only; balances and deposits are under `/investments`
// and `/balances`.
export const upbitExcludeMatches: readonly string[] = [];

export const upbitVenue = defineVenue({
  id: 'upbit',
  label: 'Upbit',
  // Upbit: chart on top, order book and order form side by side below it: the market list's
  // top on the right is clear of both.
  overlayCorner: 'top-right',
  matches: ['https://upbit.com/exchange*', 'https://www.upbit.com/exchange*'],
  hosts: ['upbit.com', 'www.upbit.com'],
  detectPair: venueParser(['upbit.com', 'www.upbit.com'], parse),
});
