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

/**
 * Account, asset, API and withdrawal pages on the venue's hosts: the manifest's `exclude_matches`
 * (lib/exchanges/manifest.ts). Apart from the venue object, so the content script does not carry it.
 */
export const mexcExcludeMatches: readonly string[] = segmentExcludes(['https://www.mexc.com', 'https://futures.mexc.com'], ['assets', 'user', 'account']);

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
  hosts: ['www.mexc.com', 'futures.mexc.com'],
  detectPair: venueParser(['www.mexc.com', 'futures.mexc.com'], parse),
});
