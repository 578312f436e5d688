/**
 * Gate (gate.io and its newer domain gate.com). EXCHANGES.md: spot `/[loc/]trade/TAO_USDT`,
 * margin `/margin-trade/TAO_USDT`, perpetuals `/futures/USDT/TAO_USDT` (settle currency, then the
 * contract; coin-margined `/futures/BTC/BTC_USD`), legacy `/futures_trade/USDT/TAO_USDT` (still
 * built by bots), dated `/futures-delivery/usdt/SOL_USDT_20260710`.
 * Asset pages live under `/myaccount/…` (deposit, withdraw, API keys).
 */
import { defineVenue, type DetectedPair } from './define';
import { patternsFor, segmentExcludes, withLocale } from './match-pattern';
import { parseDecorated, parseSymbol, seg, venueParser, withoutLocale } from './symbols';

const HOSTS = ['www.gate.io', 'www.gate.com'] as const;
// Pure: the content script, which ships no match patterns, drops it.
const ORIGINS = /* @__PURE__ */ HOSTS.map((h) => `https://${h}`);
const SETTLE = /^[a-z0-9]{2,6}$/i;

function parse(_url: URL, all: string[]): DetectedPair | undefined {
  const s = withoutLocale(all);
  const section = seg(s, 0);
  if (s.length === 2 && section === 'trade') return parseSymbol('gate', s[1]!, 'spot', { separators: '_', concat: false });
  if (s.length === 2 && section === 'margin-trade') return parseSymbol('gate', s[1]!, 'margin', { separators: '_', concat: false });
  if (s.length === 3 && (section === 'futures' || section === 'futures_trade') && SETTLE.test(s[1]!)) {
    return parseDecorated('gate', s[2]!, [undefined], { separators: '_', concat: false });
  }
  if (s.length === 3 && section === 'futures-delivery' && SETTLE.test(s[1]!)) {
    return parseDecorated('gate', s[2]!, ['future'], { separators: '_', concat: false });
  }
  return undefined;
}

/**
 * Account, asset, API and withdrawal pages on the venue's hosts: the manifest's `exclude_matches`
 * (lib/exchanges/manifest.ts). Apart from the venue object, so the content script does not carry it.
 */
export const gateExcludeMatches: readonly string[] = segmentExcludes(ORIGINS, ['myaccount', 'account']);

export const gateVenue = defineVenue({
  id: 'gate',
  label: 'Gate',
  // Order book in the left column, order form under the chart, market trades at the bottom of
  // the right column (EXCHANGES.md; issue 9: at 12,112 the panel covered the book): bottom-right
  // sits over the trades list, clear of both.
  overlayCorner: 'bottom-right',
  matches: patternsFor(ORIGINS, withLocale(['/trade/*', '/margin-trade/*', '/futures/*', '/futures_trade/*', '/futures-delivery/*'])),
  hosts: HOSTS,
  detectPair: venueParser(HOSTS, parse),
});
