/**
 * CoinPaprika API v1: the keyless fallback for market cap and supply when CoinGecko refuses
 * (DATA-SOURCES.md; free tier, ~20k calls/month from a shared pool, no key).
 *
 * Wire format (CoinPaprika docs as quoted in DATA-SOURCES.md; fixtures in tests/fixtures/market/):
 * - `GET /v1/tickers/{id}` (ids look like `btc-bitcoin`, `tao-bittensor`) → `{ id, name, symbol,
 *   rank, circulating_supply, total_supply, max_supply, last_updated (ISO), quotes: { USD: { price,
 *   volume_24h, market_cap, percent_change_24h (PERCENT), ath_price, ath_date,
 *   percent_from_price_ath } } }`; an unknown id answers 404;
 * - `GET /v1/search?q=<term>&c=currencies` → `{ currencies: [{ id, name, symbol, rank, is_active,
 *   … }] }`.
 * Traps: CoinPaprika writes `0` for an unknown or uncapped supply (`max_supply: 0` for ETH) and
 * `rank: 0` for unranked coins; both become null.
 */
import type { CoinSearchHit, MarketSnapshot, Result } from '../types';
import { apiUrl, getJson, segment, type RequestOptions } from './http';
import { fail, isoToMs, optNum, positive } from './venue-common';
import { array, bool, fallback, nullable, nullish, str, z } from './zod';
import { ok } from './result';

const HOST = 'api.coinpaprika.com';

/** CoinPaprika coin ids: lower-case `symbol-name` slugs (`tao-bittensor`). */
const ID_RE = /^[a-z0-9-]{1,100}$/;

/** True when `id` looks like a CoinPaprika coin id (safe as a path segment). */
export function isCoinpaprikaId(id: unknown): id is string {
  return typeof id === 'string' && ID_RE.test(id);
}

// ---------------------------------------------------------------------------------------------
// Wire schemas

/** `quotes.USD` of a ticker. */
const PaprikaUsdQuoteSchema = z.object({
  price: optNum,
  volume_24h: optNum,
  market_cap: optNum,
  /** percent */
  percent_change_24h: optNum,
  ath_price: optNum,
});

/** `/v1/tickers/{id}` body (fields Tokenlens uses; the rest are stripped). */
export const CoinpaprikaTickerSchema = z.object({
  id: str,
  name: str,
  symbol: str,
  rank: optNum,
  circulating_supply: optNum,
  total_supply: optNum,
  max_supply: optNum,
  /** ISO 8601 */
  last_updated: nullish(str),
  // A plain object with a USD key, not a record: no arbitrary keys are copied from the wire.
  quotes: nullish(z.object({ USD: nullish(PaprikaUsdQuoteSchema) })),
});
export type CoinpaprikaTicker = z.output<typeof CoinpaprikaTickerSchema>;

/** `/v1/search` body (only `currencies` is used). A malformed entry becomes `null` and is dropped. */
export const CoinpaprikaSearchSchema = z.object({
  currencies: nullish(
    array(
      fallback(
        nullable(
          z.object({
            id: str,
            name: str,
            symbol: str,
            rank: optNum,
            is_active: nullish(bool),
          }),
        ),
        null,
      ),
    ),
  ),
});
export type CoinpaprikaSearch = z.output<typeof CoinpaprikaSearchSchema>;

// ---------------------------------------------------------------------------------------------
// Normalisers

/** A positive finite number, else null (CoinPaprika's 0 means "unknown" or "uncapped"). */
/**
 * Ticker → `MarketSnapshot` (source: coinpaprika). Supplies, market cap, price and ATH of 0 →
 * null; `change24hPct` is CoinPaprika's percent as is; `fdvUsd` is always null (CoinPaprika sends
 * none: the metrics layer derives it from price and supply and says so); no image.
 */
export function normaliseCoinpaprikaTicker(t: CoinpaprikaTicker): MarketSnapshot {
  const usd = t.quotes?.USD ?? null;
  return {
    id: t.id,
    symbol: t.symbol.toUpperCase(),
    name: t.name,
    priceUsd: positive(usd?.price),
    marketCapUsd: positive(usd?.market_cap),
    fdvUsd: null,
    circulatingSupply: positive(t.circulating_supply),
    totalSupply: positive(t.total_supply),
    maxSupply: positive(t.max_supply),
    athUsd: positive(usd?.ath_price),
    change24hPct: usd?.percent_change_24h ?? null,
    volume24hUsd: usd && usd.volume_24h !== null && usd.volume_24h >= 0 ? usd.volume_24h : null,
    lastUpdatedMs: isoToMs(t.last_updated),
    image: null,
  };
}

/**
 * Search → hits in CoinPaprika's order. Inactive coins (`is_active: false`, no market data) and
 * ids that are not valid CoinPaprika ids are dropped; `rank` 0 → null; symbol upper-cased.
 */
export function normaliseCoinpaprikaSearch(body: CoinpaprikaSearch): CoinSearchHit[] {
  const out: CoinSearchHit[] = [];
  for (const c of body.currencies ?? []) {
    if (!c || c.is_active === false || !isCoinpaprikaId(c.id)) continue;
    const rank = c.rank !== null && Number.isInteger(c.rank) && c.rank > 0 ? c.rank : null;
    out.push({ id: c.id, symbol: c.symbol.toUpperCase(), name: c.name, rank });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Fetch

/** Market snapshot of one coin (`/v1/tickers/{id}`). Invalid id → not-found without a request. */
export async function fetchCoinpaprikaTicker(args: { id: string }, opts: RequestOptions): Promise<Result<MarketSnapshot>> {
  if (!isCoinpaprikaId(args.id)) return fail('not-found', 'invalid coin id');
  const body = await getJson(apiUrl(HOST, `/v1/tickers/${segment(args.id)}`), CoinpaprikaTickerSchema, opts);
  if (!body.ok) return body;
  return ok(normaliseCoinpaprikaTicker(body.value));
}

/**
 * Currency search (`/v1/search?q=&c=currencies`). The query is trimmed; empty, longer than 100
 * characters or with control characters → not-found without a request.
 */
export async function fetchCoinpaprikaSearch(args: { query: string }, opts: RequestOptions): Promise<Result<CoinSearchHit[]>> {
  const q = typeof args.query === 'string' ? args.query.trim() : '';
  // eslint-disable-next-line no-control-regex
  if (!q || q.length > 100 || /[\u0000-\u001f\u007f]/.test(q)) return fail('not-found', 'invalid query');
  const body = await getJson(apiUrl(HOST, '/v1/search', { q, c: 'currencies' }), CoinpaprikaSearchSchema, opts);
  if (!body.ok) return body;
  return ok(normaliseCoinpaprikaSearch(body.value));
}
