/**
 * Coinbase Exchange public market data (spot): 24h ticker and daily candles.
 *
 * Docs followed:
 * - https://docs.cdp.coinbase.com/api-reference/exchange-api/rest-api/products/get-product-stats
 * - https://docs.cdp.coinbase.com/api-reference/exchange-api/rest-api/products/get-product-candles
 *
 * Endpoint choice: `/products/{BASE-QUOTE}/stats`, not `/ticker`. `/ticker` has the last trade,
 * base volume and a trade time but no open price, so no 24h change (ccxt's recorded `/ticker`
 * body yields `percentage: null`). `/stats` has `open` (price at the start of the rolling 24 h
 * window), `last` and `volume` (base units; open/high/low/last in quote units) in one call.
 * It has no timestamp, so `asOfMs` is the fetch time, and no quote volume, so `volumeQuote` is
 * null (not estimated from last × volume).
 *
 * Traps:
 * - candle rows are `[time (SECONDS), LOW, HIGH, OPEN, close, volume]`: low comes before high and
 *   open is the fourth column, unlike the Binance order;
 * - candles arrive NEWEST FIRST and at most 300 per call (without start/end: the latest 300);
 * - numbers are JSON numbers in candles but decimal strings in `/stats`;
 * - an unknown product answers 404 `{"message":"NotFound"}` (Coinbase lists mostly USD/USDC
 *   quotes, so a `-USDT` pair may simply not exist there) → `not-found`.
 */
import type { Candle, Result, SourceError, Ticker24h } from '../types';
import { apiUrl, segment, validate } from './http';
import { candlesFromRows, changeFromOpen, defineVenueMarketData, fail, optNum, pairSymbol, tickerOk } from './venue-common';
import { anyValue, array, num, str, tuple, z } from './zod';
import { ok } from './result';

const HOST = 'api.exchange.coinbase.com';
/** one UTC day, seconds (Coinbase `granularity`) */
const DAY_SEC = 86_400;

/** Coinbase product id, e.g. `TAO-USD`; undefined when either ticker is invalid. */
export function venueSymbol(base: string, quote: string): string | undefined {
  return pairSymbol(base, quote, (b, q) => `${b}-${q}`);
}

export function tickerUrl(productId: string): string {
  return apiUrl(HOST, `/products/${segment(productId)}/stats`);
}

export function candlesUrl(productId: string): string {
  return apiUrl(HOST, `/products/${segment(productId)}/candles`, { granularity: DAY_SEC });
}

/** `/products/{id}/stats`: decimal strings; `open` is the price 24 h ago (rolling window). */
const statsSchema = z.object({
  open: optNum,
  last: num,
  volume: optNum,
});

/** Coinbase error body, e.g. `{"message":"NotFound"}` */
const errorSchema = z.object({ message: str });

/** A Coinbase error body sent with a 2xx status, as a typed failure; undefined when `raw` is not one. */
function venueError(raw: unknown): { ok: false; error: SourceError } | undefined {
  const e = errorSchema.safeParse(raw);
  if (!e.success) return undefined;
  const msg = e.data.message.slice(0, 80);
  return fail(/not ?found/i.test(msg) ? 'not-found' : 'http', `coinbase: ${msg}`);
}

/** Normalises a `/stats` body. Pure; never throws. */
export function parseTicker(raw: unknown, nowMs: number): Result<Ticker24h> {
  const parsed = validate(statsSchema, raw);
  if (!parsed.ok) return venueError(raw) ?? parsed;
  const { open, last, volume } = parsed.value;
  return tickerOk(last, changeFromOpen(last, open), volume, null, null, nowMs);
}

/** `[time(s), low, high, open, close, volume]`, extra trailing fields tolerated */
const rowSchema = tuple([num, num, num, num, num, num], 'rest');

/** Normalises a `/candles` body to ascending candles; malformed rows are dropped. Pure; never throws. */
export function parseCandles(raw: unknown): Result<Candle[]> {
  const rows = validate(array(anyValue), raw);
  if (!rows.ok) return venueError(raw) ?? rows;
  const candles = candlesFromRows(rows.value, rowSchema, ([timeSec, low, high, open, close, volume]) => ({
    t: timeSec * 1000,
    o: open,
    h: high,
    l: low,
    c: close,
    v: volume,
  }));
  return ok(candles);
}

export const venueMarketData = defineVenueMarketData({ source: 'coinbase', symbol: venueSymbol, tickerUrl, candlesUrl, parseTicker, parseCandles });
