/**
 * The worker's data engine: resolves the asset, reads every feed through the cache, and
 * assembles the bundle. All network access of the extension happens below this file, through
 * the allow-listed, cookie-less `fetchText` of lib/sources/http.ts and the host ban gate.
 *
 * This file only composes; each feed family has its module:
 * - ./resolve-asset.ts  which asset a ticker means (built-in table, CoinGecko search)
 * - ./market.ts         CoinGecko market snapshot → CoinPaprika, venue 24h ticker, batched prime
 * - ./candles.ts        venue daily candles → Binance mirror → CoinGecko closes
 * - ./fundamentals.ts   DefiLlama fees, revenue, emissions (+ ./network.ts, DePIN sources)
 * - ./freshness.ts      how long each feed stays fresh
 * - ./first-usable.ts   the one fallback rule all chains share
 */
import type { Bundle, WatchRow } from './bundle';
import type { CacheResult, RevalidateMode } from './cache';
import { assemble } from './assemble';
import { coingeckoKey, feedContext, type EngineDeps } from './context';
import { FRESHNESS } from './freshness';
import { candlesFeed } from './candles';
import { fundamentals, type Fundamentals } from './fundamentals';
import { marketFeed, primeMarkets, tickerFeed } from './market';
import { resolveAsset, searchCoins, type Resolved } from './resolve-asset';
import { policy, SearchHitsSchema } from './domain-schemas';
import { canonicalTicker, type Resolution } from '../assets/resolve';
import { tickerFromText } from '../exchanges/ticker-text';
import { suggestFromList } from '../assets/suggest';
import { fetchCoingeckoCoinsList } from '../sources/coingecko';
import type { DetectedPair, VenueId } from '../exchanges/define';
import type { Settings } from '../settings/schema';
import type { CoinSearchHit, MarketSnapshot } from '../types';

export type { EngineDeps } from './context';

export function createEngine(deps: EngineDeps) {
  const ctx = feedContext(deps);

  async function bundleFor(pair: Bundle['pair'], assetOverride: Resolution | null, refresh: boolean): Promise<Bundle> {
    const s = await deps.settings();
    const mode: RevalidateMode = refresh ? 'await' : 'background';
    const resolved: Resolved = assetOverride ? { asset: assetOverride } : await resolveAsset(ctx, pair.venue, pair.base, s, mode);
    const asset = resolved.asset;
    const noFundamentals: Fundamentals = {};
    const [ticker, market, candles, fund] = await Promise.all([
      tickerFeed(ctx, pair, mode),
      asset ? marketFeed(ctx, asset, s, mode) : undefined,
      asset || pair.venue ? candlesFeed(ctx, pair, asset, s, mode) : undefined,
      asset ? fundamentals(ctx, asset, s, mode) : noFundamentals,
    ]);
    return assemble({
      pair,
      asset,
      ...(resolved.problem ? { assetProblem: resolved.problem } : {}),
      ...(ticker ? { ticker } : {}),
      ...(market ? { market } : {}),
      ...(candles ? { candles } : {}),
      ...fund,
      nowMs: ctx.now(),
    });
  }

  /** Resolves each ticker (no request for built-in ones), in order. */
  async function resolveAll(symbols: string[], s: Settings) {
    return Promise.all(symbols.map(async (sym) => ({ sym, r: await resolveAsset(ctx, null, sym, s, 'background') })));
  }

  return {
    /** Overlay: the pair on screen. */
    async getBundle(pair: DetectedPair, refresh = false): Promise<Bundle> {
      const p: Bundle['pair'] = { ...pair, base: canonicalTicker(pair.base) };
      return bundleFor(p, null, refresh);
    },

    /**
     * The asset ids the overlay offers for this ticker on this venue: the default pick and its
     * alternatives, as if the user had chosen nothing (cached search). `chooseAsset` accepts only
     * these (issue 11, medium 4: a page must not store an asset of its choosing).
     */
    async offeredAssets(venue: VenueId, ticker: string): Promise<string[]> {
      const s = await deps.settings();
      const { asset } = await resolveAsset(ctx, venue, ticker, { ...s, assetChoices: {} }, 'background');
      return asset ? [asset.id, ...asset.alternatives.map((a) => a.id)] : [];
    },

    /** Popup: a typed ticker or name, or an id picked from suggestions. */
    async lookup(query: string, assetId: string | undefined, refresh = false): Promise<Bundle> {
      const s = await deps.settings();
      const q = query.trim();
      const pair: Bundle['pair'] = { venue: null, base: canonicalTicker(tickerFromText(q) ?? q.replace(/[^A-Za-z0-9]/g, '').slice(0, 20)) || '?', quote: 'USD', market: 'spot' };
      if (assetId) {
        const hits = await searchCoins(ctx, q, s, 'background');
        const hit = hits.ok ? hits.value.find((h) => h.id === assetId) : undefined;
        const symbol = (hit?.symbol ?? pair.base).toUpperCase();
        return bundleFor({ ...pair, base: symbol }, { id: assetId, symbol, name: hit?.name ?? symbol, via: 'user', alternatives: [] }, refresh);
      }
      // A ticker first; if it is not one, a name: search and take the best-ranked hit.
      const byTicker = await resolveAsset(ctx, null, pair.base, s, refresh ? 'await' : 'background');
      if (byTicker.asset || byTicker.problem?.kind === 'unreachable') return bundleFor(pair, byTicker.asset, refresh);
      const hits = await searchCoins(ctx, q, s, 'background');
      const best = hits.ok ? [...hits.value].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity))[0] : undefined;
      if (best) {
        const symbol = best.symbol.toUpperCase();
        return bundleFor({ ...pair, base: symbol }, { id: best.id, symbol, name: best.name, via: 'search', alternatives: [] }, refresh);
      }
      return assemble({ pair, asset: null, assetProblem: { kind: 'unknown', note: ['n_no_match', q.slice(0, 40)] }, nowMs: ctx.now() });
    },

    /**
     * Suggestions from the cached coin list (one request a day, none per keystroke), falling
     * back to CoinGecko search when the list is unavailable or has no match.
     */
    async suggest(query: string): Promise<CoinSearchHit[]> {
      const s = await deps.settings();
      const list = await ctx.read(policy('cg:coins-list', SearchHitsSchema, FRESHNESS.coinList), () => fetchCoingeckoCoinsList({ key: coingeckoKey(s) }, ctx.opts()), 'background');
      if (list.ok) {
        const local = suggestFromList(list.value, query);
        if (local.length) return local;
      }
      const r = await searchCoins(ctx, query, s, 'background');
      return r.ok ? r.value.slice(0, 8) : [];
    },

    /** Watchlist rows: ONE batched CoinGecko markets call for the whole list (QUALITY.md). */
    async quotes(symbols: string[], force = false): Promise<WatchRow[]> {
      const s = await deps.settings();
      const resolved = await resolveAll(symbols, s);
      const market = await primeMarkets(ctx, resolved.flatMap((x) => (x.r.asset ? [x.r.asset.id] : [])), s, force ? 'force' : 'await');
      return resolved.map(({ sym, r }) => watchRow(sym, r, market));
    },

    /**
     * Full bundles for a list of tickers (comparison page, watchlist rows, alerts), with market
     * data fetched in one batched call first. At most 4 assets are assembled at a time.
     */
    async compare(symbols: string[], refresh = false): Promise<Bundle[]> {
      const s = await deps.settings();
      const resolved = await resolveAll(symbols, s);
      await primeMarkets(ctx, resolved.flatMap((x) => (x.r.asset ? [x.r.asset.id] : [])), s);
      return mapLimited(resolved, 4, ({ sym, r }) => {
        const pair: Bundle['pair'] = { venue: null, base: canonicalTicker(sym), quote: 'USD', market: 'spot' };
        return r.asset
          ? bundleFor(pair, r.asset, refresh)
          : Promise.resolve(assemble({ pair, asset: null, assetProblem: r.problem ?? { kind: 'unknown', note: ['n_no_ticker', sym] }, nowMs: ctx.now() }));
      });
    },
  };
}

export type Engine = ReturnType<typeof createEngine>;

/** One watchlist row from the batched market answer; a row without a price says why. */
function watchRow(symbol: string, r: Resolved, market: CacheResult<MarketSnapshot[]> | undefined): WatchRow {
  const m = market?.ok ? market.value.find((x) => x.id === r.asset?.id) : undefined;
  return {
    symbol,
    assetId: r.asset?.id ?? null,
    name: m?.name ?? r.asset?.name ?? null,
    priceUsd: m?.priceUsd ?? null,
    change24hPct: m?.change24hPct ?? null,
    asOfMs: m && market?.ok ? market.fetchedAtMs : null,
    // A short English status for the options page's watchlist cell; the bundle's own notes are
    // the translated Notes (issue 9 left WatchRow.error a string: its consumers show it as is).
    ...(m ? {} : { error: r.asset ? (market && !market.ok ? `CoinGecko: ${market.error.message}` : 'no market data') : (r.problem?.kind === 'unreachable' ? 'CoinGecko search failed' : 'unknown ticker') }),
  };
}

/** `fn` over `items` with at most `limit` running at once; results in input order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
