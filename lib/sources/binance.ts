/**
 * Binance spot market data: 24h ticker and daily klines, from `api.binance.com` or from the
 * market-data-only mirror `data-api.binance.vision` (same paths and bodies; the fallback for
 * daily candles in DATA-SOURCES.md).
 *
 * Wire format (binance-spot-api-docs `rest-api.md`; recorded responses in tests/fixtures/market/):
 * - `GET /api/v3/ticker/24hr?symbol=TAOUSDT` → `{ lastPrice, priceChangePercent (PERCENT),
 *   volume (base), quoteVolume (quote), closeTime (ms), … }`, prices as decimal strings;
 * - `GET /api/v3/klines?symbol=TAOUSDT&interval=1d&limit=250` → rows `[openTime (ms number),
 *   open, high, low, close, volume (base), closeTime, quoteVolume, trades, …]` with string prices,
 *   OLDEST FIRST, the open candle last;
 * - errors are `{ code: -1121, msg: 'Invalid symbol.' }`, normally with HTTP 400 (which the http
 *   layer already maps to not-found); 429 then 418 are rate limits (IP bans).
 */
import type { Candle, Result, SourceError, Ticker24h } from '../types';
import { apiUrl, validate, type RequestOptions } from './http';
import type { VenueMarketData } from './market-data';
import { defineVenueMarketData, fail, ohlcvCandles, optNum, pairSymbol, strictTicker, tickerOk, venueFail } from './venue-common';
import { array, fallback, finite, nullable, num, optional, str, tuple, union, z } from './zod';
import { ok } from './result';

const HOST = 'api.binance.com';
const MIRROR_HOST = 'data-api.binance.vision';
/** Daily klines requested (DATA-SOURCES.md asks for ≥ 200; Binance allows up to 1000). */
export const BINANCE_CANDLE_LIMIT = 250;

/** `{ mirror: true }` sends the request to `data-api.binance.vision` instead of `api.binance.com`. */
export interface BinanceHostOptions {
  mirror?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Wire schemas

/** Binance's error body. */
export const BinanceErrorSchema = z.object({ code: finite, msg: str });
export type BinanceError = z.output<typeof BinanceErrorSchema>;

/** `/api/v3/ticker/24hr` for one symbol (the FULL response; extra keys are stripped). */
export const BinanceTickerSchema = z.object({
  symbol: optional(str),
  lastPrice: num,
  /** percent: "-0.633" is -0.633 % */
  priceChangePercent: optNum,
  /** base units */
  volume: optNum,
  /** quote units */
  quoteVolume: optNum,
  /** epoch ms, end of the rolling 24h window */
  closeTime: optNum,
});
export type BinanceTicker = z.output<typeof BinanceTickerSchema>;

/** The ticker body: an error object or a ticker (an error has `code`, a ticker never does). */
export const BinanceTickerResponseSchema = union([BinanceErrorSchema, BinanceTickerSchema]);
export type BinanceTickerResponse = z.output<typeof BinanceTickerResponseSchema>;

/** One kline row: `[openTime, open, high, low, close, volume, …]`; extra cells tolerated. */
export const BinanceKlineRowSchema = tuple([num, num, num, num, num, num], 'rest');

/** Kline rows; a malformed row becomes `null` (dropped by the normaliser). */
export const BinanceKlinesSchema = array(fallback(nullable(BinanceKlineRowSchema), null));
export type BinanceKlineRows = z.output<typeof BinanceKlinesSchema>;

/** The klines body: an error object or the rows. */
export const BinanceKlinesResponseSchema = union([BinanceErrorSchema, BinanceKlinesSchema]);
export type BinanceKlinesResponse = z.output<typeof BinanceKlinesResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Pure helpers and normalisers

/**
 * Binance's spot symbol for a pair (`TAOUSDT`), or undefined when either ticker is not 1–20 ASCII
 * letters/digits (checked before upper-casing, so `ı` or `ß` cannot sneak in as `I` or `SS`).
 */
export function binanceSymbol(base: string, quote: string): string | undefined {
  return pairSymbol(base, quote, (b, q) => `${b}${q}`, strictTicker);
}

/** A Binance error body as a typed error: -1121 (invalid symbol) → not-found, -1003 → rate-limited. */
export function binanceErrorToResult(e: BinanceError): { ok: false; error: SourceError } {
  return venueFail(`binance ${e.code}: ${e.msg.slice(0, 100)}`, e.code === -1121, e.code === -1003);
}

/**
 * Ticker → `Ticker24h`. `priceChangePercent` is already PERCENT. `asOfMs` = `closeTime` when
 * present, else `nowMs`. A non-positive `lastPrice` (nothing traded) → not-found.
 */
export function normaliseBinanceTicker(t: BinanceTicker, nowMs: number): Result<Ticker24h> {
  if (!(t.lastPrice > 0)) return fail('not-found', 'binance has no last price for this pair');
  return tickerOk(t.lastPrice, t.priceChangePercent, t.volume, t.quoteVolume, t.closeTime, nowMs);
}

/** The ticker body (error or ticker) → `Ticker24h` or a typed error. */
export function normaliseBinanceTickerResponse(body: BinanceTickerResponse, nowMs: number): Result<Ticker24h> {
  return 'code' in body ? binanceErrorToResult(body) : normaliseBinanceTicker(body, nowMs);
}

/**
 * Kline rows → `Candle[]` ascending by open time (ms; Binance already sends ms), one per open time,
 * keeping the candle still open. Prices arrive as strings, times as numbers.
 */
export function normaliseBinanceCandles(rows: BinanceKlineRows): Candle[] {
  return ohlcvCandles(rows);
}

/** The klines body (error or rows) → `Candle[]` or a typed error. */
export function normaliseBinanceKlinesResponse(body: BinanceKlinesResponse): Result<Candle[]> {
  return Array.isArray(body) ? ok(normaliseBinanceCandles(body)) : binanceErrorToResult(body);
}

// ---------------------------------------------------------------------------------------------
// Fetch

/** Binance on `host`, in the uniform venue interface (see market-data.ts). */
function binanceMarketData(host: typeof HOST | typeof MIRROR_HOST): VenueMarketData {
  return defineVenueMarketData({
    source: 'binance',
    symbol: binanceSymbol,
    tickerUrl: (symbol) => apiUrl(host, '/api/v3/ticker/24hr', { symbol }),
    candlesUrl: (symbol) => apiUrl(host, '/api/v3/klines', { symbol, interval: '1d', limit: BINANCE_CANDLE_LIMIT }),
    parseTicker(raw, nowMs) {
      const body = validate(BinanceTickerResponseSchema, raw);
      return body.ok ? normaliseBinanceTickerResponse(body.value, nowMs) : body;
    },
    parseCandles(raw) {
      const body = validate(BinanceKlinesResponseSchema, raw);
      return body.ok ? normaliseBinanceKlinesResponse(body.value) : body;
    },
  });
}

/** Binance (`api.binance.com`) in the uniform venue interface (see market-data.ts). */
export const venueMarketData = binanceMarketData(HOST);

/**
 * Binance's market-data mirror (`data-api.binance.vision`) in the same interface: the fallback for
 * daily candles when the user's venue has none (DATA-SOURCES.md). Same source id: same data.
 */
export const binanceMirrorMarketData = binanceMarketData(MIRROR_HOST);

/**
 * 24h ticker of a spot pair. `host.mirror` uses `data-api.binance.vision`.
 * Invalid tickers → not-found, no request.
 */
export function fetchBinanceTicker(
  base: string,
  quote: string,
  opts: RequestOptions,
  nowMs: number,
  host: BinanceHostOptions = {},
): Promise<Result<Ticker24h>> {
  return (host.mirror ? binanceMirrorMarketData : venueMarketData).fetchTicker(base, quote, opts, nowMs);
}

/**
 * The last {@link BINANCE_CANDLE_LIMIT} daily (UTC) candles of a spot pair, ascending, the open
 * candle included. `host.mirror` uses `data-api.binance.vision`. `nowMs` is unused (Binance returns
 * the latest candles) and kept for the uniform interface. Invalid tickers → not-found, no request.
 */
export function fetchBinanceDailyCandles(
  base: string,
  quote: string,
  opts: RequestOptions,
  nowMs: number,
  host: BinanceHostOptions = {},
): Promise<Result<Candle[]>> {
  return (host.mirror ? binanceMirrorMarketData : venueMarketData).fetchDailyCandles(base, quote, opts, nowMs);
}
