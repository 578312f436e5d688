/**
 * Which asset a ticker means: the built-in table first, else CoinGecko search (cached a day).
 * Pure choice rules live in lib/assets/resolve.ts; this module adds the cached search.
 */
import type { CacheResult, RevalidateMode } from './cache';
import type { AssembleInput } from './assemble';
import { coingeckoKey, type FeedContext } from './context';
import { FRESHNESS } from './freshness';
import { policy, SearchHitsSchema } from './domain-schemas';
import { canonicalTicker, pickFromSearch, resolveBuiltIn, type Resolution } from '../assets/resolve';
import { fetchCoingeckoSearch } from '../sources/coingecko';
import { own } from '../own';
import type { VenueId } from '../exchanges/define';
import type { Settings } from '../settings/schema';
import type { CoinSearchHit } from '../types';

export interface Resolved {
  asset: Resolution | null;
  problem?: AssembleInput['assetProblem'];
}

/** CoinGecko search for a query (trimmed, lower-cased, at most 60 characters). */
export function searchCoins(ctx: FeedContext, query: string, s: Settings, mode: RevalidateMode): Promise<CacheResult<CoinSearchHit[]>> {
  const q = query.trim().toLowerCase().slice(0, 60);
  return ctx.read(policy(`cg:search:${q}`, SearchHitsSchema, FRESHNESS.search), () => fetchCoingeckoSearch({ query: q, key: coingeckoKey(s) }, ctx.opts()), mode);
}

export async function resolveAsset(ctx: FeedContext, venue: VenueId | null, ticker: string, s: Settings, mode: RevalidateMode): Promise<Resolved> {
  const t = canonicalTicker(ticker);
  const choice = venue ? own(s.assetChoices, `${venue}:${t}`) : undefined;
  const built = resolveBuiltIn(venue, t, choice);
  if (!('needsSearch' in built)) return { asset: built };
  const hits = await searchCoins(ctx, t, s, mode);
  if (!hits.ok) {
    // Without search, a built-in default for a colliding ticker is still a fair answer, flagged.
    const fallback = pickFromSearch(t, []);
    if (fallback) return { asset: fallback };
    return { asset: null, problem: { kind: 'unreachable', note: [hits.error.kind === 'rate-limited' ? 'n_lookup_limited' : 'n_lookup_failed', t] } };
  }
  const picked = pickFromSearch(t, hits.value);
  if (!picked) return { asset: null, problem: { kind: 'unknown', note: ['n_no_ticker', t] } };
  return { asset: picked };
}
