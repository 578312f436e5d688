/**
 * Ticker → asset, pure. Order (DATA-SOURCES.md, "Identity"): the user's own pick → per-venue
 * override → alias → built-in table → search hits with an exact symbol match, best market-cap
 * rank first, flagged ambiguous when several compete. Multiplier prefixes are already stripped
 * by pair detection (derivatives only); leveraged tokens (BTC3L) never resolve to the underlying.
 */
import type { VenueId } from '../exchanges/define';
import { upperAscii } from '../exchanges/ticker-text';
import type { CoinSearchHit } from '../types';
import { AMBIGUOUS_TICKERS, KNOWN_ASSETS, TICKER_ALIASES, VENUE_OVERRIDES } from './overrides';

export interface Resolution {
  id: string;
  symbol: string;
  name: string;
  via: 'user' | 'override' | 'search';
  /** other assets sharing the ticker (empty unless ambiguous) */
  alternatives: CoinSearchHit[];
}

/** The ticker after renames (RNDR → RENDER). */
export function canonicalTicker(ticker: string): string {
  // ASCII a–z only: a CJK-named ticker has no case, and `ß` must not turn into `SS`.
  const t = upperAscii(ticker);
  return TICKER_ALIASES[t] ?? t;
}

/** Built-in answer without any network call, or undefined when search is needed. */
export function resolveBuiltIn(venue: VenueId | null, ticker: string, userChoice?: string): Resolution | { needsSearch: true; ambiguous: boolean } {
  const t = canonicalTicker(ticker);
  if (userChoice) return { id: userChoice, symbol: t, name: t, via: 'user', alternatives: [] };
  const venueHit = venue ? VENUE_OVERRIDES[venue]?.[t] : undefined;
  if (venueHit) return { id: venueHit.id, symbol: t, name: venueHit.name, via: 'override', alternatives: [] };
  const known = KNOWN_ASSETS[t];
  if (known && !AMBIGUOUS_TICKERS.has(t)) return { id: known.id, symbol: t, name: known.name, via: 'override', alternatives: [] };
  return { needsSearch: true, ambiguous: AMBIGUOUS_TICKERS.has(t) };
}

/**
 * Picks among search hits: exact symbol matches only (case-insensitive), ranked by market-cap
 * rank (unranked last). For a ticker in the built-in table that is known to collide (IO, ATH),
 * the built-in asset stays the default but the others are offered as alternatives.
 */
export function pickFromSearch(ticker: string, hits: CoinSearchHit[]): Resolution | undefined {
  const t = canonicalTicker(ticker);
  const exact = hits.filter((h) => h.symbol.toUpperCase() === t);
  if (exact.length === 0) {
    const known = KNOWN_ASSETS[t];
    return known ? { id: known.id, symbol: t, name: known.name, via: 'override', alternatives: [] } : undefined;
  }
  const ranked = [...exact].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  const known = KNOWN_ASSETS[t];
  const chosen = (known && ranked.find((h) => h.id === known.id)) || ranked[0]!;
  const alternatives = ranked.filter((h) => h.id !== chosen.id).slice(0, 5);
  return {
    id: chosen.id,
    symbol: t,
    name: chosen.name,
    via: known && chosen.id === known.id ? 'override' : 'search',
    alternatives,
  };
}
