/**
 * Kraken. EXCHANGES.md: Kraken Pro spot `pro.kraken.com/app/trade/tao-usd` (any case), XBT = BTC,
 * XDG = DOGE; futures `futures.kraken.com/trade/futures/PF_XBTUSD` (PF = multi-collateral
 * perpetual, PI = inverse perpetual, FF/FI = dated, `_250328`), as built by gocryptotrader's
 * Kraken wrapper. Kraken Pro now also hosts futures as `/app/trade/futures-btc-usd-perp`
 * (linked by trading dashboards); its dated form `futures-btc-usd-250328` is assumed by analogy.
 */
import { defineVenue, type DetectedPair } from './define';
import type { MarketKind } from '../types';
import { makePair, parseSymbol, seg, splitConcatenated, venueParser } from './symbols';

/** `PF_XBTUSD`, `PI_ETHUSD` → perp; `FF_XBTUSD_250328`, `FI_XBTUSD_250328` → future. */
function futuresContract(raw: string): DetectedPair | undefined {
  const m = /^(PF|PI|FF|FI)_([A-Z0-9]{4,24})(?:_(\d{6}))?$/i.exec(raw);
  if (!m) return undefined;
  const kind = m[1]!.toUpperCase();
  const dated = m[3] !== undefined;
  if ((kind.startsWith('P') && dated) || (kind.startsWith('F') && !dated)) return undefined;
  const split = splitConcatenated(m[2]!, ['USDT', 'USDC', 'USD', 'EUR', 'GBP']);
  if (!split) return undefined;
  return makePair('kraken', split.base, split.quote, dated ? 'future' : 'perp');
}

/** Kraken Pro: `futures-btc-usd-perp` → perp, `futures-btc-usd-250328` → future. */
function proFutures(raw: string): DetectedPair | undefined {
  const m = /^futures-([a-z0-9]{1,20})-([a-z0-9]{2,6})-(perp|\d{6})$/i.exec(raw);
  if (!m) return undefined;
  const market: MarketKind = m[3]!.toLowerCase() === 'perp' ? 'perp' : 'future';
  return makePair('kraken', m[1]!, m[2]!, market);
}

function parse(url: URL, s: string[]): DetectedPair | undefined {
  if (url.hostname === 'futures.kraken.com') {
    return s.length === 3 && seg(s, 0) === 'trade' && seg(s, 1) === 'futures' ? futuresContract(s[2]!) : undefined;
  }
  if (s.length !== 3 || seg(s, 0) !== 'app' || seg(s, 1) !== 'trade') return undefined;
  const sym = s[2]!;
  if (/^futures-/i.test(sym)) return proFutures(sym);
  return parseSymbol('kraken', sym, 'spot', { separators: '-', concat: false });
}

/**
 * Account, asset, API and withdrawal pages on the venue's hosts: the manifest's `exclude_matches`
 * (lib/exchanges/manifest.ts). Apart from the venue object, so the content script does not carry it.
 */
// Both prefixes hold trade views only (settings, funding and portfolio live elsewhere).
export const krakenExcludeMatches: readonly string[] = [];

export const krakenVenue = defineVenue({
  id: 'kraken',
  label: 'Kraken',
  // Kraken Pro puts the order form in the left column and the book on the right: the bottom
  // centre (over the orders/positions table under the chart) is clear of both.
  overlayCorner: 'bottom-center',
  matches: ['https://pro.kraken.com/app/trade/*', 'https://futures.kraken.com/trade/futures/*'],
  hosts: ['pro.kraken.com', 'futures.kraken.com'],
  detectPair: venueParser(['pro.kraken.com', 'futures.kraken.com'], parse),
});
