/**
 * Suggestions as the user types, from the cached coin list (pure). The list has no market-cap
 * ranks, so the order is: built-in assets (the tickers whose meaning is settled) first, then exact
 * ticker matches, ticker prefixes, name prefixes and name substrings; shorter names first within
 * a group (clones tend to have longer names: "Wrapped …", "… Bridged …").
 */
import type { CoinSearchHit } from '../types';
import { KNOWN_ASSETS } from './overrides';
import { canonicalTicker } from './resolve';

const KNOWN_IDS: ReadonlySet<string> = new Set(Object.values(KNOWN_ASSETS).map((a) => a.id));

export function suggestFromList(list: readonly CoinSearchHit[], query: string, max = 8): CoinSearchHit[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const upper = canonicalTicker(q.toUpperCase());
  const scored: Array<{ hit: CoinSearchHit; score: number }> = [];
  for (const hit of list) {
    const sym = hit.symbol.toUpperCase();
    const name = hit.name.toLowerCase();
    let score: number;
    if (sym === upper) score = 0;
    else if (sym.startsWith(upper)) score = 2;
    else if (name.startsWith(q)) score = 3;
    else if (name.includes(q)) score = 4;
    else continue;
    if (KNOWN_IDS.has(hit.id) && score <= 3) score -= 1;
    scored.push({ hit, score });
  }
  scored.sort((a, b) => a.score - b.score || a.hit.name.length - b.hit.name.length || a.hit.id.localeCompare(b.hit.id));
  return scored.slice(0, max).map((s) => s.hit);
}
