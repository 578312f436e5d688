/**
 * Bitget. EXCHANGES.md: spot `/[loc/]spot/TAOUSDT` (any case; legacy `_SPBL`), futures
 * `/futures/usdt|usdc|coin/TAOUSDT` (legacy `_UMCBL`/`_DMCBL`), legacy futures path
 * `/[loc/]mix/usdt/BTCUSDT_UMCBL` (the "corresponding UI" named by bitget-api examples).
 * Symbols are concatenated, so they are split by known quote. `/spot/deposit` and
 * `/spot/withdraw` are asset pages under the spot path; `/asset/…` holds the rest.
 */
import { defineVenue, type DetectedPair } from './define';
import { patternsFor, segmentExcludes, withLocale } from './match-pattern';
import { makePair, parseDecorated, parseSymbol, seg, stripDecorations, venueParser, withoutLocale } from './symbols';

const ORIGIN = 'https://www.bitget.com';
const NOT_SYMBOLS = new Set(['deposit', 'withdraw', 'assets', 'asset', 'history', 'orders']);

function futures(settle: string, raw: string): DetectedPair | undefined {
  const { symbol, market } = stripDecorations(raw);
  if (market === 'spot') return undefined;
  const kind = market ?? 'perp';
  if (settle === 'usdc') {
    const bare = /^([A-Z0-9]{1,20})PERP$/.exec(symbol);
    if (bare) return makePair('bitget', bare[1]!, 'USDC', kind);
  }
  const quotes = settle === 'usdt' ? ['USDT'] : settle === 'usdc' ? ['USDC'] : settle === 'coin' || settle === 'dmcbl' ? ['USD'] : undefined;
  if (!quotes) return undefined;
  return parseSymbol('bitget', symbol, kind, { separators: '', quotes });
}

function parse(_url: URL, all: string[]): DetectedPair | undefined {
  const s = withoutLocale(all);
  const section = seg(s, 0);
  if (section === 'spot' && s.length === 2) {
    if (NOT_SYMBOLS.has(seg(s, 1)!)) return undefined;
    return parseDecorated('bitget', s[1]!, [undefined, 'spot'], { separators: '' }, 'spot');
  }
  if ((section === 'futures' || section === 'mix') && s.length === 3) return futures(seg(s, 1)!, s[2]!);
  return undefined;
}

/**
 * Account, asset, API and withdrawal pages on the venue's hosts: the manifest's `exclude_matches`
 * (lib/exchanges/manifest.ts). Apart from the venue object, so the content script does not carry it.
 */
export const bitgetExcludeMatches: readonly string[] = [
  ...patternsFor([ORIGIN], withLocale(['/spot/deposit*', '/spot/withdraw*'])),
  ...segmentExcludes([ORIGIN], ['asset', 'assets', 'account']),
];

export const bitgetVenue = defineVenue({
  id: 'bitget',
  label: 'Bitget',
  matches: patternsFor([ORIGIN], withLocale(['/spot/*', '/futures/*', '/mix/*'])),
  hosts: ['www.bitget.com'],
  detectPair: venueParser(['www.bitget.com'], parse),
});
