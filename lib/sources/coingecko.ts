/**
 * CoinGecko API v3: market snapshots (`/coins/markets`), coin search (`/search`) and daily closes
 * (`/coins/{id}/market_chart`).
 *
 * Access (DATA-SOURCES.md): keyless or a free Demo key on `api.coingecko.com` (header
 * `x-cg-demo-api-key`), or a Pro key on `pro-api.coingecko.com` (header `x-cg-pro-api-key`). Keys
 * travel only in headers, never in a URL (URLs end up in logs and error messages).
 *
 * Traps handled here (DATA-SOURCES.md "Shapes and traps", recorded responses in
 * tests/fixtures/market/):
 * - `fully_diluted_valuation`, `total_supply`, `max_supply` may be `null`;
 * - `market_cap` and `circulating_supply` may be `0` with `market_cap_rank: null` (no data, not a
 *   worthless coin): 0 becomes null;
 * - `price_change_percentage_24h` is already PERCENT;
 * - `market_chart`'s last point is "now", not midnight; its points are prices at 00:00 UTC.
 */
import type { Candle, CoinSearchHit, MarketSnapshot, Result } from '../types';
import { apiUrl, getJson, segment, type RequestOptions } from './http';
import { fail, isoToMs, optNum, positive } from './venue-common';
import { array, fallback, nullable, nullish, num, str, tuple, z } from './zod';
import { ok } from './result';

const DAY_MS = 86_400_000;
/** `/coins/markets` answers at most this many rows per page; one call covers a whole watchlist. */
export const COINGECKO_MAX_IDS = 250;
/** Days of `market_chart` history requested (Demo plans cap history at 365 days). */
export const COINGECKO_CHART_DAYS = 200;

// ---------------------------------------------------------------------------------------------
// Host and key

/** A user's CoinGecko API key and its plan. */
export interface CoingeckoKey {
  kind: 'demo' | 'pro';
  value: string;
}

/** Where and how to call CoinGecko: the host, and the key header (empty when keyless). */
export interface CoingeckoBase {
  host: 'api.coingecko.com' | 'pro-api.coingecko.com';
  headers: Record<string, string>;
}

/** What a key may look like: printable ASCII without spaces (any header can carry it). */
const KEY_RE = /^[\x21-\x7e]{1,200}$/;

/**
 * Host and headers for a key: none or invalid → keyless `api.coingecko.com`; demo →
 * `api.coingecko.com` + `x-cg-demo-api-key`; pro → `pro-api.coingecko.com` + `x-cg-pro-api-key`.
 * A key that no HTTP header could carry (spaces, control or non-ASCII characters) is ignored
 * rather than sent; the options page is where keys are validated for the user.
 */
export function coingeckoBase(key?: CoingeckoKey): CoingeckoBase {
  const value = typeof key?.value === 'string' ? key.value.trim() : '';
  if (!key || !KEY_RE.test(value)) return { host: 'api.coingecko.com', headers: {} };
  if (key.kind === 'pro') return { host: 'pro-api.coingecko.com', headers: { 'x-cg-pro-api-key': value } };
  return { host: 'api.coingecko.com', headers: { 'x-cg-demo-api-key': value } };
}

function withKey(opts: RequestOptions, base: CoingeckoBase): RequestOptions {
  return { ...opts, headers: { ...opts.headers, ...base.headers } };
}

/**
 * CoinGecko coin ids are lower-case slugs (`bittensor`, `render-token`). The underscore is allowed
 * beyond the `[a-z0-9-]` rule because real ids use it (`hive_dollar`, recorded response).
 */
const ID_RE = /^[a-z0-9_-]{1,100}$/;

/** True when `id` looks like a CoinGecko coin id (safe in a path segment and a comma list). */
export function isCoingeckoId(id: unknown): id is string {
  return typeof id === 'string' && ID_RE.test(id);
}

// ---------------------------------------------------------------------------------------------
// Wire schemas

/** One row of `/coins/markets` (fields Tokenlens uses; the rest are stripped). */
export const CoingeckoMarketRowSchema = z.object({
  id: str,
  symbol: str,
  name: str,
  image: nullish(str),
  current_price: optNum,
  market_cap: optNum,
  fully_diluted_valuation: optNum,
  total_volume: optNum,
  /** percent */
  price_change_percentage_24h: optNum,
  circulating_supply: optNum,
  total_supply: optNum,
  max_supply: optNum,
  ath: optNum,
  /** ISO 8601 */
  last_updated: nullish(str),
});

/** `/coins/markets` body; a malformed row becomes `null` (dropped by the normaliser). */
export const CoingeckoMarketsSchema = array(fallback(nullable(CoingeckoMarketRowSchema), null));
export type CoingeckoMarkets = z.output<typeof CoingeckoMarketsSchema>;

/** `/search` body (only `coins` is used; exchanges, categories, nfts are stripped). */
export const CoingeckoSearchSchema = z.object({
  coins: array(
    fallback(
      nullable(
        z.object({
          id: str,
          name: str,
          symbol: str,
          market_cap_rank: optNum,
        }),
      ),
      null,
    ),
  ),
});
export type CoingeckoSearch = z.output<typeof CoingeckoSearchSchema>;

/** `[epoch ms, value]`; a malformed point becomes `null`. */
const ChartPointSchema = fallback(nullable(tuple([num, num], 'rest')), null);

/** `/coins/{id}/market_chart` body (`market_caps` is stripped). */
export const CoingeckoMarketChartSchema = z.object({
  /** USD price at each point */
  prices: array(ChartPointSchema),
  /** rolling 24h volume in USD at each point */
  total_volumes: nullish(array(ChartPointSchema)),
});
export type CoingeckoMarketChart = z.output<typeof CoingeckoMarketChartSchema>;

// ---------------------------------------------------------------------------------------------
// Normalisers

/** The image URL when it is a plain https URL, else null (never `javascript:`, `data:` or http). */
function httpsImage(url: string | null | undefined): string | null {
  if (typeof url !== 'string' || url.length > 2048) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && !u.username && !u.password ? u.toString() : null;
  } catch {
    // expected: an image field that is not a URL shows no logo
    return null;
  }
}

/**
 * `/coins/markets` rows → `MarketSnapshot[]` (provider order, malformed rows dropped).
 * - `symbol` upper-cased (`btc` → `BTC`), matching `/search` and exchange tickers;
 * - `priceUsd`, `marketCapUsd`, `fdvUsd`, supplies, ATH: 0 or negative → null; FDV stays null when CoinGecko has
 *   none (the metrics layer derives it and says which supply it used);
 * - `change24hPct` is CoinGecko's percent as is; `lastUpdatedMs` from the ISO `last_updated`;
 * - `image` only when https.
 */
export function normaliseCoingeckoMarkets(rows: CoingeckoMarkets): MarketSnapshot[] {
  const out: MarketSnapshot[] = [];
  for (const r of rows) {
    if (!r) continue;
    out.push({
      id: r.id,
      symbol: r.symbol.toUpperCase(),
      name: r.name,
      priceUsd: positive(r.current_price),
      marketCapUsd: positive(r.market_cap),
      fdvUsd: positive(r.fully_diluted_valuation),
      circulatingSupply: positive(r.circulating_supply),
      totalSupply: positive(r.total_supply),
      maxSupply: positive(r.max_supply),
      athUsd: positive(r.ath),
      change24hPct: r.price_change_percentage_24h,
      volume24hUsd: r.total_volume !== null && r.total_volume >= 0 ? r.total_volume : null,
      lastUpdatedMs: isoToMs(r.last_updated),
      image: httpsImage(r.image),
    });
  }
  return out;
}

/**
 * `/search` → coin hits in CoinGecko's order (best match first). `rank` = `market_cap_rank`
 * (null when unranked); `symbol` upper-cased; hits whose id is not a valid coin id are dropped
 * (they could not be fetched later anyway).
 */
/** `/coins/list`: every listed coin as `{ id, symbol, name }` (~15k rows, no ranks). */
export const CoingeckoCoinsListSchema = array(fallback(nullable(z.object({ id: str, symbol: str, name: str })), null));
export type CoingeckoCoinsList = z.output<typeof CoingeckoCoinsListSchema>;

/** The coin list as search hits without ranks; rows with invalid ids or empty symbols dropped. */
export function normaliseCoingeckoCoinsList(rows: CoingeckoCoinsList): CoinSearchHit[] {
  const out: CoinSearchHit[] = [];
  for (const c of rows) {
    if (!c || !isCoingeckoId(c.id) || !c.symbol || c.symbol.length > 40 || c.name.length > 100) continue;
    out.push({ id: c.id, symbol: c.symbol.toUpperCase(), name: c.name, rank: null });
  }
  return out;
}

/**
 * The whole coin list, for suggestions as the user types without a request per keystroke
 * (https://docs.coingecko.com/reference/coins-list; keyless and Demo). Cache it for a day.
 */
export async function fetchCoingeckoCoinsList(args: { key?: CoingeckoKey }, opts: RequestOptions): Promise<Result<CoinSearchHit[]>> {
  const base = coingeckoBase(args.key);
  const body = await getJson(apiUrl(base.host, '/api/v3/coins/list'), CoingeckoCoinsListSchema, withKey(opts, base));
  if (!body.ok) return body;
  return ok(normaliseCoingeckoCoinsList(body.value));
}

export function normaliseCoingeckoSearch(body: CoingeckoSearch): CoinSearchHit[] {
  const out: CoinSearchHit[] = [];
  for (const c of body.coins) {
    if (!c || !isCoingeckoId(c.id)) continue;
    const rank = c.market_cap_rank !== null && Number.isInteger(c.market_cap_rank) && c.market_cap_rank > 0 ? c.market_cap_rank : null;
    out.push({ id: c.id, symbol: c.symbol.toUpperCase(), name: c.name, rank });
  }
  return out;
}

/**
 * `market_chart` (`interval=daily`) → daily candles, ascending, CLOSES ONLY: CoinGecko gives one
 * price per day, so `o = h = l = c = price`. Do not feed these to indicators that need a range.
 *
 * Time mapping: the point at 00:00 UTC of day D is the price when day D−1 ended, i.e. day D−1's
 * close, so it becomes the candle with `t = D − 1 day` (open-time convention of every venue). The
 * final point is "now"; when it is not at UTC midnight it is dropped (it is today's unfinished
 * price). Every candle returned is therefore a closed day.
 *
 * `v` is approximate: the rolling 24h USD volume at the same point divided by the price (base
 * units), 0 when CoinGecko gave no volume for that point.
 */
export function normaliseCoingeckoMarketChart(body: CoingeckoMarketChart): Candle[] {
  const points = body.prices.filter((p): p is NonNullable<typeof p> => p !== null);
  const last = points[points.length - 1];
  if (last && last[0] % DAY_MS !== 0) points.pop();

  const volumeAt = new Map<number, number>();
  for (const p of body.total_volumes ?? []) if (p) volumeAt.set(p[0], p[1]);

  const byDay = new Map<number, Candle>();
  for (const [ms, price] of points) {
    if (!(price > 0) || !Number.isFinite(ms) || ms < DAY_MS) continue;
    const t = Math.floor(ms / DAY_MS) * DAY_MS - DAY_MS;
    const usdVolume = volumeAt.get(ms);
    const v = usdVolume !== undefined && usdVolume >= 0 ? usdVolume / price : 0;
    if (!Number.isFinite(v)) continue;
    byDay.set(t, { t, o: price, h: price, l: price, c: price, v });
  }
  return Array.from(byDay.values()).sort((a, b) => a.t - b.t);
}

// ---------------------------------------------------------------------------------------------
// Fetch

/**
 * Market snapshots for up to {@link COINGECKO_MAX_IDS} coin ids in ONE call (duplicates removed).
 * Any invalid id → not-found, more than 250 ids → blocked, both without a request; no ids → `[]`.
 */
export async function fetchCoingeckoMarkets(
  args: { ids: readonly string[]; key?: CoingeckoKey },
  opts: RequestOptions,
): Promise<Result<MarketSnapshot[]>> {
  const ids = Array.from(new Set(args.ids));
  if (!ids.every(isCoingeckoId)) return fail('not-found', 'invalid coin id');
  if (ids.length === 0) return ok([]);
  // More than one page would need several calls: the caller batches (QUALITY.md: ≤ 3 calls per refresh).
  if (ids.length > COINGECKO_MAX_IDS) return fail('blocked', `at most ${COINGECKO_MAX_IDS} ids per call`);
  const base = coingeckoBase(args.key);
  const url = apiUrl(base.host, '/api/v3/coins/markets', {
    vs_currency: 'usd',
    ids: ids.join(','),
    price_change_percentage: '24h',
    per_page: COINGECKO_MAX_IDS,
  });
  const body = await getJson(url, CoingeckoMarketsSchema, withKey(opts, base));
  if (!body.ok) return body;
  return ok(normaliseCoingeckoMarkets(body.value));
}

/**
 * Coin search (`/search?query=`). The query is trimmed; empty, longer than 100 characters or with
 * control characters → not-found without a request.
 */
export async function fetchCoingeckoSearch(
  args: { query: string; key?: CoingeckoKey },
  opts: RequestOptions,
): Promise<Result<CoinSearchHit[]>> {
  const query = typeof args.query === 'string' ? args.query.trim() : '';
  // eslint-disable-next-line no-control-regex
  if (!query || query.length > 100 || /[\u0000-\u001f\u007f]/.test(query)) return fail('not-found', 'invalid query');
  const base = coingeckoBase(args.key);
  const body = await getJson(apiUrl(base.host, '/api/v3/search', { query }), CoingeckoSearchSchema, withKey(opts, base));
  if (!body.ok) return body;
  return ok(normaliseCoingeckoSearch(body.value));
}

/**
 * Daily closes of a coin over the last {@link COINGECKO_CHART_DAYS} days as closes-only candles
 * (see {@link normaliseCoingeckoMarketChart}). Invalid id → not-found without a request.
 */
export async function fetchCoingeckoDailyCloses(
  args: { id: string; key?: CoingeckoKey },
  opts: RequestOptions,
): Promise<Result<Candle[]>> {
  if (!isCoingeckoId(args.id)) return fail('not-found', 'invalid coin id');
  const base = coingeckoBase(args.key);
  const url = apiUrl(base.host, `/api/v3/coins/${segment(args.id)}/market_chart`, {
    vs_currency: 'usd',
    days: COINGECKO_CHART_DAYS,
    interval: 'daily',
  });
  const body = await getJson(url, CoingeckoMarketChartSchema, withKey(opts, base));
  if (!body.ok) return body;
  return ok(normaliseCoingeckoMarketChart(body.value));
}
