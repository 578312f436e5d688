/**
 * Coinbase Advanced. EXCHANGES.md: `/advanced-trade/spot/TAO-USD` (older `/advanced-trade/TAO-USD`),
 * perpetuals `/advanced-trade/perpetuals/BTC-PERP-INTX`. `/prices/…` is not a market.
 *
 * INTX perpetuals are margined and settled in USDC (Coinbase International Exchange product
 * `BTC-PERP-INTX` has quote_currency USDC), so their quote is reported as USDC.
 * US-regulated futures (`/advanced-trade/futures/BIT-27DEC24-CDE`) use contract codes (BIT = nano
 * Bitcoin), not tickers: undefined rather than a guess.
 * The older path has no kind segment, so its quote must be a known quote asset
 * (`/advanced-trade/price-alerts` is not PRICE/ALERTS).
 */
import { defineVenue, type DetectedPair } from './define';
import { patternsFor, withLocale } from './match-pattern';
import { makePair, parseSymbol, seg, stripDecorations, venueParser, withoutLocale } from './symbols';

const ORIGIN = 'https://www.coinbase.com';

function parse(_url: URL, all: string[]): DetectedPair | undefined {
  const s = withoutLocale(all);
  if (seg(s, 0) !== 'advanced-trade') return undefined;
  if (s.length === 3 && seg(s, 1) === 'spot') return parseSymbol('coinbase', s[2]!, 'spot', { separators: '-', concat: false });
  if (s.length === 2) return parseSymbol('coinbase', s[1]!, 'spot', { separators: '-', concat: false, knownQuoteOnly: true });
  if (s.length === 3 && seg(s, 1) === 'perpetuals') {
    const m = /^([A-Za-z0-9]{1,20})-PERP-INTX$/i.exec(s[2]!);
    if (m) return makePair('coinbase', m[1]!, 'USDC', 'perp');
    const { symbol, market } = stripDecorations(s[2]!);
    return market === 'perp' ? makePair('coinbase', symbol, 'USDC', 'perp') : undefined;
  }
  return undefined;
}

/**
 * Account, asset, API and withdrawal pages on the venue's hosts: the manifest's `exclude_matches`
 * (lib/exchanges/manifest.ts). Apart from the venue object, so the content script does not carry it.
 */
// Portfolio and order pages live under the same prefix.
export const coinbaseExcludeMatches: readonly string[] = patternsFor([ORIGIN], withLocale(['/advanced-trade/portfolio*', '/advanced-trade/orders*']));

export const coinbaseVenue = defineVenue({
  id: 'coinbase',
  label: 'Coinbase',
  // Advanced Trade: order form on the left, order book on the right; the bottom centre sits
  // over the orders table under the chart.
  overlayCorner: 'bottom-center',
  matches: patternsFor([ORIGIN], withLocale(['/advanced-trade/*'])),
  hosts: ['www.coinbase.com'],
  detectPair: venueParser(['www.coinbase.com'], parse),
});
