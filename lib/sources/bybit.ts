/**
 * Bybit spot market data (API v5): ticker and daily candles.
 *
 * Wire format (bybit-exchange/docs `docs/v5/market/{tickers,kline}.mdx`; recorded responses in
 * tests/fixtures/market/):
 * - every body is `{ retCode: 0, retMsg, result, time (ms) }`; a non-zero `retCode` is an error
 *   (`10001` = bad request, e.g. "Not supported symbols"; `10006`/`10018` = rate limits);
 * - `GET /v5/market/tickers?category=spot&symbol=TAOUSDT` → `result.list: [{ symbol, lastPrice,
 *   price24hPcnt (FRACTION: 0.0068 = +0.68 %), volume24h (base), turnover24h (quote), … }]`;
 * - `GET /v5/market/kline?category=spot&symbol=TAOUSDT&interval=D&limit=250` → `result.list` rows
 *   of strings `[startTime (ms), open, high, low, close, volume (base), turnover]`, NEWEST FIRST.
 *   Always pass `category=spot`: the default category is linear (perpetuals).
 */
import type { Candle, Result, Ticker24h } from '../types';
import { apiUrl, validate } from './http';
import { defineVenueMarketData, fail, fractionToPct, ohlcvCandles, optNum, pairSymbol, strictTicker, tickerOk, venueFail } from './venue-common';
import { anyValue, array, fallback, finite, nullable, nullish, num, optional, str, tuple, z } from './zod';
import { ok } from './result';

const HOST = 'api.bybit.com';
/** Daily candles requested (DATA-SOURCES.md asks for ≥ 200; Bybit allows up to 1000). */
export const BYBIT_CANDLE_LIMIT = 250;

// ---------------------------------------------------------------------------------------------
// Wire schemas

/** The envelope of every Bybit v5 answer. `result` is validated separately once `retCode` is known. */
export const BybitEnvelopeSchema = z.object({
  retCode: finite,
  retMsg: nullish(str),
  result: optional(anyValue),
  /** server time, epoch ms */
  time: optNum,
});
export type BybitEnvelope = z.output<typeof BybitEnvelopeSchema>;

/** One entry of `result.list` from `/v5/market/tickers` (spot). */
export const BybitTickerEntrySchema = z.object({
  symbol: str,
  lastPrice: optNum,
  /** fraction, not percent */
  price24hPcnt: optNum,
  /** base units */
  volume24h: optNum,
  /** quote units */
  turnover24h: optNum,
});

/** `result` of `/v5/market/tickers`; a malformed entry becomes `null` and is ignored. */
export const BybitTickersResultSchema = z.object({
  list: array(fallback(nullable(BybitTickerEntrySchema), null)),
});
export type BybitTickersResult = z.output<typeof BybitTickersResultSchema>;

/** One kline row: `[startTime, open, high, low, close, volume, …]`; extra cells tolerated. */
export const BybitKlineRowSchema = tuple([num, num, num, num, num, num], 'rest');

/** `result` of `/v5/market/kline`; a malformed row becomes `null` (dropped by the normaliser). */
export const BybitKlineResultSchema = z.object({
  list: array(fallback(nullable(BybitKlineRowSchema), null)),
});
export type BybitKlineResult = z.output<typeof BybitKlineResultSchema>;

// ---------------------------------------------------------------------------------------------
// Pure helpers and normalisers

/**
 * Bybit's spot symbol for a pair (`TAOUSDT`), or undefined when either ticker is not 1–20 ASCII
 * letters/digits (checked before upper-casing).
 */
export function bybitSymbol(base: string, quote: string): string | undefined {
  return pairSymbol(base, quote, (b, q) => `${b}${q}`, strictTicker);
}

/**
 * Checks `retCode` and validates `result` with `schema`.
 * `10001` (request parameter error: unknown symbol) → not-found; `10006`/`10018` → rate-limited;
 * other non-zero codes → http.
 */
export function readBybitEnvelope<S extends z.ZodMiniType>(env: BybitEnvelope, schema: S): Result<z.output<S>> {
  if (env.retCode === 0) return validate(schema, env.result);
  const msg = typeof env.retMsg === 'string' && env.retMsg ? `: ${env.retMsg.slice(0, 100)}` : '';
  return venueFail(`bybit ${String(env.retCode).slice(0, 20)}${msg}`, env.retCode === 10001, env.retCode === 10006 || env.retCode === 10018);
}

/**
 * Tickers result → `Ticker24h` for `symbol` (the entry must echo the symbol asked for).
 * `price24hPcnt` is a FRACTION and becomes percent (×100, 12 significant digits). `asOfMs` is the
 * envelope's `time` (pass null when absent), else `nowMs`. No entry or no positive price → not-found.
 */
export function normaliseBybitTicker(result: BybitTickersResult, symbol: string, timeMs: number | null, nowMs: number): Result<Ticker24h> {
  const entry = result.list.find((e) => e !== null && e.symbol === symbol);
  if (!entry || entry.lastPrice === null || !(entry.lastPrice > 0)) return fail('not-found', 'bybit has no last price for this pair');
  return tickerOk(entry.lastPrice, fractionToPct(entry.price24hPcnt), entry.volume24h, entry.turnover24h, timeMs, nowMs);
}

/**
 * Kline result → `Candle[]` ascending by open time (ms), one per open time, keeping the candle
 * still open. Bybit sends newest first.
 */
export function normaliseBybitCandles(result: BybitKlineResult): Candle[] {
  return ohlcvCandles(result.list);
}

// ---------------------------------------------------------------------------------------------
// Fetch

/** Bybit in the uniform venue interface (see market-data.ts). Always `category=spot`. */
export const venueMarketData = defineVenueMarketData({
  source: 'bybit',
  symbol: bybitSymbol,
  tickerUrl: (symbol) => apiUrl(HOST, '/v5/market/tickers', { category: 'spot', symbol }),
  candlesUrl: (symbol) => apiUrl(HOST, '/v5/market/kline', { category: 'spot', symbol, interval: 'D', limit: BYBIT_CANDLE_LIMIT }),
  parseTicker(raw, nowMs, symbol) {
    const env = validate(BybitEnvelopeSchema, raw);
    if (!env.ok) return env;
    const result = readBybitEnvelope(env.value, BybitTickersResultSchema);
    return result.ok ? normaliseBybitTicker(result.value, symbol, env.value.time, nowMs) : result;
  },
  parseCandles(raw) {
    const env = validate(BybitEnvelopeSchema, raw);
    if (!env.ok) return env;
    const result = readBybitEnvelope(env.value, BybitKlineResultSchema);
    return result.ok ? ok(normaliseBybitCandles(result.value)) : result;
  },
});

/** 24h ticker of a spot pair from `/v5/market/tickers`. Invalid tickers → not-found, no request. */
export const fetchBybitTicker = venueMarketData.fetchTicker;

/**
 * The last {@link BYBIT_CANDLE_LIMIT} daily (UTC) candles of a spot pair, ascending, the open
 * candle included. `nowMs` is unused (Bybit returns the latest) and kept for the uniform interface.
 * Invalid tickers → not-found, no request.
 */
export const fetchBybitDailyCandles = venueMarketData.fetchDailyCandles;
