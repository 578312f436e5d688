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

/**
 * Account, asset, API and withdrawal pages on the venue's hosts: the manifest's `exclude_matches`
 * (lib/exchanges/manifest.ts). Apart from the venue object, so the content script does not carry it.
 */
// `/*/trade/*` also reaches `/order/trade/…` (order history) and would reach any
// `/assets/…/trade/…` or `/account/…/trade/…` page.
export const kucoinExcludeMatches: readonly string[] = segmentExcludes(['https://www.kucoin.com'], ['account', 'assets', 'order', 'account-security']);

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
  hosts: HOSTS,
  detectPair: venueParser(HOSTS, parse),
});
