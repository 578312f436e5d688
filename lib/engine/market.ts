/**
 * Market feeds: the CoinGecko market snapshot (CoinPaprika when CoinGecko refuses), the venue's
 * 24h ticker, and the batched CoinGecko call that primes many assets at once.
 */
import type { Bundle } from './bundle';
import type { CacheResult, RevalidateMode } from './cache';
import type { Feed } from './assemble';
import { coingeckoKey, type FeedContext } from './context';
import { firstUsable } from './first-usable';
import { FRESHNESS, hash } from './freshness';
import { MarketSnapshotSchema, MarketSnapshotsSchema, policy, TickerSchema } from './domain-schemas';
import type { Resolution } from '../assets/resolve';
import { fetchCoingeckoMarkets } from '../sources/coingecko';
import { fetchCoinpaprikaSearch, fetchCoinpaprikaTicker } from '../sources/coinpaprika';
import { venueMarketDataFor } from '../sources/venue-registry';
import type { Settings } from '../settings/schema';
import { nullable } from '../sources/zod';
import type { MarketSnapshot, Result, Ticker24h } from '../types';
import { ok } from '../sources/result';

const MarketOrNull = nullable(MarketSnapshotSchema);

/** The per-asset CoinGecko market entry (also written by `primeMarkets`). */
function coingeckoMarketPolicy(id: string) {
  return policy(`cg:market:${id}`, MarketOrNull, FRESHNESS.market);
}

const hasSnapshot = (f: Feed<MarketSnapshot | null>): boolean => f.result.ok && f.result.value !== null;

/** CoinPaprika's snapshot of the asset: exact symbol, then exact name, else best rank. */
async function coinpaprikaSnapshot(ctx: FeedContext, asset: Resolution): Promise<Result<MarketSnapshot | null>> {
  const hits = await fetchCoinpaprikaSearch({ query: asset.symbol }, ctx.opts());
  if (!hits.ok) return hits;
  const exact = hits.value.filter((h) => h.symbol.toUpperCase() === asset.symbol.toUpperCase());
  const best = exact.find((h) => h.name.toLowerCase() === asset.name.toLowerCase()) ?? exact.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity))[0];
  if (!best) return ok(null);
  return fetchCoinpaprikaTicker({ id: best.id }, ctx.opts());
}

/**
 * CoinGecko's market snapshot; when CoinGecko refuses (429/401 without a key, or down),
 * CoinPaprika keeps valuation on screen. "Not listed" on CoinGecko is an answer, not an outage:
 * no fallback is asked then.
 */
export async function marketFeed(ctx: FeedContext, asset: Resolution, s: Settings, mode: RevalidateMode): Promise<Feed<MarketSnapshot | null>> {
  const cg = await ctx.read(
    coingeckoMarketPolicy(asset.id),
    async () => {
      const r = await fetchCoingeckoMarkets({ ids: [asset.id], key: coingeckoKey(s) }, ctx.opts());
      return r.ok ? ok(r.value.find((m) => m.id === asset.id) ?? null) : r;
    },
    mode,
  );
  const coingecko: Feed<MarketSnapshot | null> = { source: 'coingecko', what: 'w_market', result: cg };
  if (cg.ok && !cg.value) return { ...coingecko, result: { ok: false, error: { kind: 'not-found', message: 'not listed' } } };
  const feed = await firstUsable<Feed<MarketSnapshot | null>>(
    [
      async () => coingecko,
      async () => ({
        source: 'coinpaprika',
        what: 'w_market_fallback',
        result: await ctx.read(policy(`cp:market:${asset.symbol}:${asset.id}`, MarketOrNull, FRESHNESS.market), () => coinpaprikaSnapshot(ctx, asset), mode),
      }),
    ],
    hasSnapshot,
  );
  return feed ?? coingecko;
}

/** The venue's 24h ticker for the pair on screen, when the venue publishes market data. */
export function tickerFeed(ctx: FeedContext, pair: Bundle['pair'], mode: RevalidateMode): Promise<Feed<Ticker24h>> | undefined {
  if (!pair.venue) return undefined;
  const md = venueMarketDataFor(pair.venue);
  if (!md) return undefined;
  const sym = md.symbol(pair.base, pair.quote);
  if (!sym) return undefined;
  return ctx
    .read(policy(`v:${md.source}:ticker:${sym}`, TickerSchema, FRESHNESS.ticker), () => md.fetchTicker(pair.base, pair.quote, ctx.opts(), ctx.now()), mode)
    .then((result) => ({ source: md.source, what: 'w_ticker', result }));
}

/**
 * ONE CoinGecko markets call for many assets, written into each asset's own cache entry, so
 * the per-asset reads that follow cost nothing (QUALITY.md: a 20-token refresh is ≤ 3 market
 * data requests). Returns the batch result for callers that only need quotes.
 */
export async function primeMarkets(ctx: FeedContext, ids: string[], s: Settings, mode: RevalidateMode = 'await'): Promise<CacheResult<MarketSnapshot[]> | undefined> {
  const unique = [...new Set(ids)].sort();
  if (unique.length === 0) return undefined;
  const batch = await ctx.read(
    policy(`cg:markets:${hash(unique.join(','))}`, MarketSnapshotsSchema, FRESHNESS.market),
    () => fetchCoingeckoMarkets({ ids: unique, key: coingeckoKey(s) }, ctx.opts()),
    mode,
  );
  if (batch.ok && batch.from === 'network') {
    await Promise.all(unique.map((id) => ctx.cache.put(coingeckoMarketPolicy(id), batch.value.find((m) => m.id === id) ?? null)));
  }
  return batch;
}
