/**
 * Crypto.com Exchange. EXCHANGES.md: `crypto.com/exchange/trade/spot/TAO_USD` (older
 * `/exchange/trade/TAO_USD`, still linked by bots). Derivatives are marked (?) there: perpetuals
 * are instruments like `BTCUSD-PERP` (Crypto.com's public market-data feed names them so), taken
 * at `/exchange/trade/perps/BTCUSD-PERP` and, tolerantly, without the `perps/` segment; dated
 * `BTCUSD-250328` likewise. A locale or region prefix (`/fr/`, `/eea/`) is tolerated.
 */
import { defineVenue, type DetectedPair } from './define';
import { patternsFor } from './match-pattern';
import { LOCALE_RE, parseDecorated, parseSymbol, seg, venueParser } from './symbols';

const HOSTS = ['crypto.com', 'www.crypto.com'] as const;
// Pure: the content script, which ships no match patterns, drops it.
const ORIGINS = /* @__PURE__ */ HOSTS.map((h) => `https://${h}`);

/** `BTCUSD-PERP` → perp, `BTCUSD-250328` → future (concatenated, USD-settled). */
function derivative(raw: string): DetectedPair | undefined {
  return parseDecorated('cryptocom', raw, ['perp', 'future'], { separators: '' });
}

function parse(_url: URL, all: string[]): DetectedPair | undefined {
  const s = all.length > 0 && (LOCALE_RE.test(all[0]!) || seg(all, 0) === 'eea') ? all.slice(1) : all;
  if (seg(s, 0) !== 'exchange' || seg(s, 1) !== 'trade') return undefined;
  const rest = s.slice(2);
  if (rest.length === 2 && seg(rest, 0) === 'spot') return parseSymbol('cryptocom', rest[1]!, 'spot', { separators: '_', concat: false });
  if (rest.length === 2 && (seg(rest, 0) === 'perps' || seg(rest, 0) === 'perpetuals' || seg(rest, 0) === 'futures')) return derivative(rest[1]!);
  if (rest.length === 1) {
    if (rest[0]!.includes('_')) return parseSymbol('cryptocom', rest[0]!, 'spot', { separators: '_', concat: false });
    return derivative(rest[0]!);
  }
  return undefined;
}

/**
 * Account, asset, API and withdrawal pages on the venue's hosts: the manifest's `exclude_matches`
 * (lib/exchanges/manifest.ts). Apart from the venue object, so the content script does not carry it.
 */
// Only trade views live under /exchange/trade/; account pages are elsewhere.
export const cryptocomExcludeMatches: readonly string[] = [];

export const cryptocomVenue = defineVenue({
  id: 'cryptocom',
  label: 'Crypto.com',
  matches: patternsFor(ORIGINS, ['/exchange/trade/*', '/*/exchange/trade/*']),
  hosts: HOSTS,
  detectPair: venueParser(HOSTS, parse),
});
