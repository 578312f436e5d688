/**
 * The worker's data engine: resolves the asset, reads every feed through the cache, and
 * assembles the bundle. All network access of the extension happens below this file, through
 * the allow-listed, cookie-less `fetchText` of lib/sources/http.ts and the host ban gate.
 *
 * Freshness per feed (milliseconds) is chosen from how often the upstream changes and from
 * its rate limits (DATA-SOURCES.md, "Rate limits to respect").
 */
import type { Bundle } from './bundle';
import type { CacheResult, RevalidateMode, SwrCache } from './cache';
import { assemble, isUsdQuote, type AssembleInput, type Feed } from './assemble';
import { canonicalTicker, pickFromSearch, resolveBuiltIn, type Resolution } from '../assets/resolve';
import type { DetectedPair, VenueId } from '../exchanges/define';
import {
  CandlesSchema,
  FeeChainsSchema,
  FeeProtocolsSchema,
  MarketSnapshotsSchema,
  EmissionScheduleSchema,
  FeesSeriesSchema,
  MarketSnapshotSchema,
  NetworkFiguresSchema,
  policy,
  SearchHitsSchema,
  StringListSchema,
  TickerSchema,
} from './domain-schemas';
import type { Settings } from '../settings/schema';
import { z } from '../sources/zod';
import type { FetchFn, RequestOptions } from '../sources/http';
import { fetchCoingeckoCoinsList, fetchCoingeckoDailyCloses, fetchCoingeckoMarkets, fetchCoingeckoSearch, type CoingeckoKey } from '../sources/coingecko';
import { suggestFromList } from '../assets/suggest';
import { fetchCoinpaprikaSearch, fetchCoinpaprikaTicker } from '../sources/coinpaprika';
import { binanceMirrorMarketData } from '../sources/binance';
import { venueMarketDataFor } from '../sources/venue-registry';
import { fetchFeeChains, fetchFeeProtocols, fetchFeesSeries } from '../sources/defillama';
import { fetchEmissions, fetchEmissionsList } from '../sources/defillama-emissions';
import { own } from '../own';
import { llamaOverrides, networkSources, noPublicNetworkSource, resolveLlamaSlugs, type NetworkSourceId } from '../sources/network-registry';
import { fetchAkashNetwork } from '../sources/akash';
import { fetchFilfoxNetwork } from '../sources/filfox';
import { fetchHeliumHotspots } from '../sources/helium';
import { fetchDepinscanDevices } from '../sources/depinscan';
import { fetchTaostatsSubnets } from '../sources/taostats';
import type { CoinSearchHit, MarketSnapshot, NetworkFigure, Result, SourceId } from '../types';
import type { WatchRow } from '../messaging/protocol';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** Freshness (maxAge) and how long past it data may still be shown (stale window), ms. */
/**
 * `notFoundMaxAgeMs`: how long an "unknown symbol / slug" answer is remembered, so that a
 * known absence does not cost an upstream call on every visit.
 */
export const FRESHNESS = {
  ticker: { maxAgeMs: 1 * MIN, staleMs: DAY, notFoundMaxAgeMs: HOUR },
  market: { maxAgeMs: 5 * MIN, staleMs: 7 * DAY },
  candles: { maxAgeMs: 1 * HOUR, staleMs: 7 * DAY, notFoundMaxAgeMs: HOUR },
  search: { maxAgeMs: DAY, staleMs: 30 * DAY },
  coinList: { maxAgeMs: DAY, staleMs: 30 * DAY, notFoundMaxAgeMs: HOUR },
  fees: { maxAgeMs: 6 * HOUR, staleMs: 7 * DAY, notFoundMaxAgeMs: 6 * HOUR },
  emissions: { maxAgeMs: 12 * HOUR, staleMs: 14 * DAY, notFoundMaxAgeMs: 12 * HOUR },
  identity: { maxAgeMs: DAY, staleMs: 30 * DAY },
  network: { maxAgeMs: 1 * HOUR, staleMs: 3 * DAY, notFoundMaxAgeMs: HOUR },
} as const;

export interface EngineDeps {
  cache: SwrCache;
  fetch: FetchFn;
  now?: () => number;
  settings: () => Promise<Settings>;
}

const MarketOrNull = z.nullable(MarketSnapshotSchema);

export function createEngine(deps: EngineDeps) {
  const now = deps.now ?? Date.now;
  const opts = (signal?: AbortSignal): RequestOptions => ({ fetch: deps.fetch, ...(signal ? { signal } : {}) });

  function cgKey(s: Settings): CoingeckoKey | undefined {
    return s.apiKeys.coingecko ? { kind: s.apiKeys.coingeckoPlan, value: s.apiKeys.coingecko } : undefined;
  }

  async function read<T>(p: ReturnType<typeof policy>, fetcher: () => Promise<Result<T>>, mode: RevalidateMode): Promise<CacheResult<T>> {
    return deps.cache.get(p as any, fetcher as any, mode) as Promise<CacheResult<T>>;
  }

  // ---- identity --------------------------------------------------------------------------

  async function search(query: string, s: Settings, mode: RevalidateMode): Promise<CacheResult<CoinSearchHit[]>> {
    const q = query.trim().toLowerCase().slice(0, 60);
    return read(policy(`cg:search:${q}`, SearchHitsSchema, FRESHNESS.search), () => fetchCoingeckoSearch({ query: q, key: cgKey(s) }, opts()), mode);
  }

  async function resolve(venue: VenueId | null, ticker: string, s: Settings, mode: RevalidateMode): Promise<{ asset: Resolution | null; problem?: AssembleInput['assetProblem'] }> {
    const t = canonicalTicker(ticker);
    const choice = venue ? own(s.assetChoices, `${venue}:${t}`) : undefined;
    const built = resolveBuiltIn(venue, t, choice);
    if (!('needsSearch' in built)) return { asset: built };
    const hits = await search(t, s, mode);
    if (!hits.ok) {
      // Without search, a built-in default for a colliding ticker is still a fair answer, flagged.
      const fallback = pickFromSearch(t, []);
      if (fallback) return { asset: fallback };
      return { asset: null, problem: { kind: 'unreachable', message: `Could not look up which asset ${t} is: CoinGecko search ${hits.error.kind === 'rate-limited' ? 'is rate-limited' : 'failed'}.` } };
    }
    const picked = pickFromSearch(t, hits.value);
    if (!picked) return { asset: null, problem: { kind: 'unknown', message: `No listed asset has the ticker ${t}.` } };
    return { asset: picked };
  }

  // ---- market feeds ----------------------------------------------------------------------

  async function marketFeed(asset: Resolution, s: Settings, mode: RevalidateMode): Promise<Feed<MarketSnapshot | null>> {
    const cg = await read<MarketSnapshot | null>(
      policy(`cg:market:${asset.id}`, MarketOrNull, FRESHNESS.market),
      async () => {
        const r = await fetchCoingeckoMarkets({ ids: [asset.id], key: cgKey(s) }, opts());
        return r.ok ? { ok: true, value: r.value.find((m) => m.id === asset.id) ?? null } : r;
      },
      mode,
    );
    if (cg.ok && cg.value) return { source: 'coingecko', what: 'market data', result: cg };
    if (cg.ok && !cg.value) {
      return { source: 'coingecko', what: 'market data', result: { ok: false, error: { kind: 'not-found', message: 'not listed' } } };
    }
    // CoinGecko refused (429/401 without a key, or down): CoinPaprika keeps valuation on screen.
    const paprika = await read<MarketSnapshot | null>(
      policy(`cp:market:${asset.symbol}:${asset.id}`, MarketOrNull, FRESHNESS.market),
      async () => {
        const hits = await fetchCoinpaprikaSearch({ query: asset.symbol }, opts());
        if (!hits.ok) return hits;
        const exact = hits.value.filter((h) => h.symbol.toUpperCase() === asset.symbol.toUpperCase());
        const best = exact.find((h) => h.name.toLowerCase() === asset.name.toLowerCase()) ?? exact.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity))[0];
        if (!best) return { ok: true, value: null };
        return fetchCoinpaprikaTicker({ id: best.id }, opts());
      },
      mode,
    );
    if (paprika.ok && paprika.value) return { source: 'coinpaprika', what: 'market data (CoinGecko unavailable)', result: paprika };
    return { source: 'coingecko', what: 'market data', result: cg };
  }

  function tickerFeed(pair: Bundle['pair'], mode: RevalidateMode): Promise<Feed<any>> | undefined {
    if (!pair.venue) return undefined;
    const md = venueMarketDataFor(pair.venue);
    if (!md) return undefined;
    const sym = md.symbol(pair.base, pair.quote);
    if (!sym) return undefined;
    return read(policy(`v:${md.source}:ticker:${sym}`, TickerSchema, FRESHNESS.ticker), () => md.fetchTicker(pair.base, pair.quote, opts(), now()), mode).then((result) => ({
      source: md.source,
      what: '24h ticker',
      result,
    }));
  }

  /**
   * Daily candles in USD terms: the venue on screen when the pair is USD-quoted, else (or when it
   * fails) the Binance market-data mirror's BASE/USDT, else CoinGecko daily closes.
   */
  async function candlesFeed(pair: Bundle['pair'], asset: Resolution | null, s: Settings, mode: RevalidateMode): Promise<Feed<any> | undefined> {
    const tries: Array<{ source: SourceId; key: string; run: () => Promise<Result<any>> }> = [];
    const md = pair.venue ? venueMarketDataFor(pair.venue) : undefined;
    const base = asset?.symbol ?? pair.base;
    if (md && isUsdQuote(pair.quote) && !pair.leveraged) {
      const sym = md.symbol(pair.base, pair.quote);
      if (sym) tries.push({ source: md.source, key: `v:${md.source}:candles:${sym}`, run: () => md.fetchDailyCandles(pair.base, pair.quote, opts(), now()) });
    }
    if (!pair.leveraged) {
      const msym = binanceMirrorMarketData.symbol(base, 'USDT');
      if (msym)
        tries.push({ source: 'binance', key: `v:binance-mirror:candles:${msym}`, run: () => binanceMirrorMarketData.fetchDailyCandles(base, 'USDT', opts(), now()) });
    }
    if (asset) tries.push({ source: 'coingecko', key: `cg:closes:${asset.id}`, run: () => fetchCoingeckoDailyCloses({ id: asset.id, key: cgKey(s) }, opts()) });
    let first: Feed<any> | undefined;
    for (const t of tries) {
      const result = await read(policy(t.key, CandlesSchema, FRESHNESS.candles), t.run, mode);
      const feed: Feed<any> = { source: t.source, what: 'daily candles', result };
      first ??= feed;
      if (result.ok && result.value.length > 0) return feed;
    }
    return first;
  }

  // ---- fundamentals ----------------------------------------------------------------------

  async function llamaSlugs(geckoId: string, mode: RevalidateMode) {
    const direct = resolveLlamaSlugs(geckoId, [], [], []);
    // The override table answers both questions for the tokens it lists: no list download.
    const o = own(llamaOverrides, geckoId);
    if (o && o.feesSlug !== undefined && o.emissionsSlug !== undefined) return direct;
    const [protocols, chains, emissions] = await Promise.all([
      read(policy('llama:protocols', FeeProtocolsSchema, FRESHNESS.identity), () => fetchFeeProtocols(opts()), mode),
      read(policy('llama:chains', FeeChainsSchema, FRESHNESS.identity), () => fetchFeeChains(opts()), mode),
      read(policy('llama:emissions-list', StringListSchema, FRESHNESS.identity), () => fetchEmissionsList(opts()), mode),
    ]);
    return resolveLlamaSlugs(geckoId, protocols.ok ? protocols.value : [], chains.ok ? chains.value : [], emissions.ok ? emissions.value : []);
  }

  async function fundamentals(asset: Resolution, s: Settings, mode: RevalidateMode): Promise<Pick<AssembleInput, 'fees' | 'revenue' | 'emissions' | 'network' | 'notCovered'>> {
    const out: Pick<AssembleInput, 'fees' | 'revenue' | 'emissions' | 'network' | 'notCovered'> = { notCovered: [] };
    const slugs = await llamaSlugs(asset.id, mode);
    const tasks: Promise<void>[] = [];
    if (slugs.feesSlug) {
      const slug = slugs.feesSlug;
      for (const dataType of ['dailyFees', 'dailyRevenue'] as const) {
        tasks.push(
          read(policy(`llama:${dataType}:${slug}`, FeesSeriesSchema, FRESHNESS.fees), () => fetchFeesSeries({ slug, dataType }, opts()), mode).then((result) => {
            const feed: Feed<any> = { source: 'defillama', what: dataType === 'dailyFees' ? 'fees' : 'revenue', result };
            if (dataType === 'dailyFees') out.fees = feed;
            else out.revenue = feed;
          }),
        );
      }
    } else out.notCovered!.push(`DefiLlama tracks no fees or revenue for ${asset.name}.`);
    if (slugs.emissionsSlug) {
      const slug = slugs.emissionsSlug;
      tasks.push(
        read(policy(`llama:emissions:${slug}`, EmissionScheduleSchema, FRESHNESS.emissions), () => fetchEmissions({ slug }, opts()), mode).then((result) => {
          out.emissions = { source: 'defillama', what: 'unlock schedule', result };
        }),
      );
    } else out.notCovered!.push(`No public unlock schedule for ${asset.name} (DefiLlama emissions does not cover it).`);
    const nets = own(networkSources, asset.id) ?? [];
    if (nets.length > 0) tasks.push(networkFeed(asset, nets, s, mode).then((f) => void (out.network = f ? [f] : [])));
    else {
      const why = own(noPublicNetworkSource, asset.id);
      if (why) out.notCovered!.push(why);
    }
    await Promise.all(tasks);
    return out;
  }

  async function networkFeed(asset: Resolution, order: NetworkSourceId[], s: Settings, mode: RevalidateMode): Promise<Feed<NetworkFigure[]> | undefined> {
    let first: Feed<NetworkFigure[]> | undefined;
    for (const src of order) {
      const run = (): Promise<Result<NetworkFigure[]>> => {
        const args = { nowMs: now() };
        switch (src) {
          case 'akash':
            return fetchAkashNetwork(args, opts());
          case 'filfox':
            return fetchFilfoxNetwork(args, opts());
          case 'helium':
            return fetchHeliumHotspots(args, opts());
          case 'depinscan':
            return fetchDepinscanDevices({ geckoId: asset.id, projectName: asset.name, ...args }, opts());
          case 'taostats':
            return fetchTaostatsSubnets({ apiKey: s.apiKeys.taostats, ...args }, opts());
        }
      };
      // Taostats without a key is not an outage: say what unlocks it, make no request.
      if (src === 'taostats' && !s.apiKeys.taostats) {
        return { source: 'taostats', what: 'subnets (add a free Taostats key in options)', result: { ok: false, error: { kind: 'blocked', message: 'needs a free Taostats API key (options page)' } } };
      }
      const key = src === 'taostats' ? `net:taostats:${hash(s.apiKeys.taostats)}` : `net:${src}:${src === 'depinscan' ? asset.id : 'all'}`;
      const result = await read<NetworkFigure[]>(policy(key, NetworkFiguresSchema, FRESHNESS.network), run, mode);
      const feed: Feed<NetworkFigure[]> = { source: src, what: 'network activity', result };
      first ??= feed;
      if (result.ok && result.value.length > 0) return feed;
    }
    return first;
  }

  /**
   * ONE CoinGecko markets call for many assets, written into each asset's own cache entry, so
   * the per-asset reads that follow cost nothing (QUALITY.md: a 20-token refresh is ≤ 3 market
   * data requests). Returns the batch result for callers that only need quotes.
   */
  async function primeMarkets(ids: string[], s: Settings, mode: RevalidateMode = 'await'): Promise<CacheResult<MarketSnapshot[]> | undefined> {
    const unique = [...new Set(ids)].sort();
    if (unique.length === 0) return undefined;
    const batch = await read<MarketSnapshot[]>(
      policy(`cg:markets:${hash(unique.join(','))}`, MarketSnapshotsSchema, FRESHNESS.market),
      () => fetchCoingeckoMarkets({ ids: unique, key: cgKey(s) }, opts()),
      mode,
    );
    if (batch.ok && batch.from === 'network') {
      await Promise.all(
        unique.map((id) => deps.cache.put(policy(`cg:market:${id}`, MarketOrNull, FRESHNESS.market), batch.value.find((m) => m.id === id) ?? null)),
      );
    }
    return batch;
  }

  // ---- public API ------------------------------------------------------------------------

  async function bundleFor(pair: Bundle['pair'], assetOverride: Resolution | null, refresh: boolean): Promise<Bundle> {
    const s = await deps.settings();
    const mode: RevalidateMode = refresh ? 'await' : 'background';
    const resolved = assetOverride ? { asset: assetOverride } : await resolve(pair.venue, pair.base, s, mode);
    const asset = resolved.asset;
    const [ticker, market, candles, fund] = await Promise.all([
      tickerFeed(pair, mode),
      asset ? marketFeed(asset, s, mode) : Promise.resolve(undefined),
      asset || pair.venue ? candlesFeed(pair, asset, s, mode) : Promise.resolve(undefined),
      asset ? fundamentals(asset, s, mode) : Promise.resolve({}),
    ]);
    return assemble({
      pair,
      asset,
      ...(resolved.problem ? { assetProblem: resolved.problem } : {}),
      ...(ticker ? { ticker } : {}),
      ...(market ? { market } : {}),
      ...(candles ? { candles } : {}),
      ...fund,
      nowMs: now(),
    });
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
      const { asset } = await resolve(venue, ticker, { ...s, assetChoices: {} }, 'background');
      return asset ? [asset.id, ...asset.alternatives.map((a) => a.id)] : [];
    },

    /** Popup: a typed ticker or name, or an id picked from suggestions. */
    async lookup(query: string, assetId: string | undefined, refresh = false): Promise<Bundle> {
      const s = await deps.settings();
      const q = query.trim();
      const pair: Bundle['pair'] = { venue: null, base: canonicalTicker(q.replace(/[^A-Za-z0-9]/g, '').slice(0, 20)) || '?', quote: 'USD', market: 'spot' };
      if (assetId) {
        const hits = await search(q, s, 'background');
        const hit = hits.ok ? hits.value.find((h) => h.id === assetId) : undefined;
        const symbol = (hit?.symbol ?? pair.base).toUpperCase();
        return bundleFor({ ...pair, base: symbol }, { id: assetId, symbol, name: hit?.name ?? symbol, via: 'user', alternatives: [] }, refresh);
      }
      // A ticker first; if it is not one, a name: search and take the best-ranked hit.
      const byTicker = await resolve(null, pair.base, s, refresh ? 'await' : 'background');
      if (byTicker.asset || byTicker.problem?.kind === 'unreachable') return bundleFor(pair, byTicker.asset, refresh);
      const hits = await search(q, s, 'background');
      const best = hits.ok ? [...hits.value].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity))[0] : undefined;
      if (best) {
        const symbol = best.symbol.toUpperCase();
        return bundleFor({ ...pair, base: symbol }, { id: best.id, symbol, name: best.name, via: 'search', alternatives: [] }, refresh);
      }
      return assemble({ pair, asset: null, assetProblem: { kind: 'unknown', message: `Nothing matches “${q.slice(0, 40)}”.` }, nowMs: now() });
    },

    /**
     * Suggestions from the cached coin list (one request a day, none per keystroke), falling
     * back to CoinGecko search when the list is unavailable or has no match.
     */
    async suggest(query: string): Promise<CoinSearchHit[]> {
      const s = await deps.settings();
      const list = await read<CoinSearchHit[]>(policy('cg:coins-list', SearchHitsSchema, FRESHNESS.coinList), () => fetchCoingeckoCoinsList({ key: cgKey(s) }, opts()), 'background');
      if (list.ok) {
        const local = suggestFromList(list.value, query);
        if (local.length) return local;
      }
      const r = await search(query, s, 'background');
      return r.ok ? r.value.slice(0, 8) : [];
    },

    /** Watchlist rows: ONE batched CoinGecko markets call for the whole list (QUALITY.md). */
    async quotes(symbols: string[], force = false): Promise<WatchRow[]> {
      const s = await deps.settings();
      const resolved = await Promise.all(symbols.map(async (sym) => ({ sym, r: await resolve(null, sym, s, 'background') })));
      const market = await primeMarkets(resolved.flatMap((x) => (x.r.asset ? [x.r.asset.id] : [])), s, force ? 'force' : 'await');
      return resolved.map(({ sym, r }) => {
        const m = market?.ok ? market.value.find((x) => x.id === r.asset?.id) : undefined;
        return {
          symbol: sym,
          assetId: r.asset?.id ?? null,
          name: m?.name ?? r.asset?.name ?? null,
          priceUsd: m?.priceUsd ?? null,
          change24hPct: m?.change24hPct ?? null,
          asOfMs: m && market?.ok ? market.fetchedAtMs : null,
          ...(m ? {} : { error: r.asset ? (market && !market.ok ? `CoinGecko: ${market.error.message}` : 'no market data') : (r.problem?.message ?? 'unknown ticker') }),
        };
      });
    },

    /**
     * Full bundles for a list of tickers (comparison page, watchlist rows, alerts), with market
     * data fetched in one batched call first. At most 4 assets are assembled at a time.
     */
    async compare(symbols: string[], refresh = false): Promise<Bundle[]> {
      const s = await deps.settings();
      const resolved = await Promise.all(symbols.map(async (sym) => ({ sym, r: await resolve(null, sym, s, 'background') })));
      await primeMarkets(resolved.flatMap((x) => (x.r.asset ? [x.r.asset.id] : [])), s);
      const out: Bundle[] = new Array(resolved.length);
      let next = 0;
      const worker = async () => {
        while (next < resolved.length) {
          const i = next++;
          const { sym, r } = resolved[i]!;
          const pair: Bundle['pair'] = { venue: null, base: canonicalTicker(sym), quote: 'USD', market: 'spot' };
          out[i] = r.asset
            ? await bundleFor(pair, r.asset, refresh)
            : assemble({ pair, asset: null, assetProblem: r.problem ?? { kind: 'unknown', message: `No listed asset has the ticker ${sym}.` }, nowMs: now() });
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
      return out;
    },
  };
}

export type Engine = ReturnType<typeof createEngine>;

/** Short non-cryptographic hash for cache keys (keeps secrets and long lists out of key names). */
export function hash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}
