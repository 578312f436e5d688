/**
 * MEXC public market data (spot, API v3): 24h ticker and daily candles.
 *
 * Docs followed:
 * - https://mexcdevelop.github.io/apidocs/spot_v3_en/#24hr-ticker-price-change-statistics
 * - https://mexcdevelop.github.io/apidocs/spot_v3_en/#kline-candlestick-data
 *
 * Endpoints: `/api/v3/ticker/24hr?symbol=TAOUSDT` and
 * `/api/v3/klines?symbol=TAOUSDT&interval=1d&limit=250`.
 *
 * Traps:
 * - the API copies Binance's paths and field names but NOT its units: `priceChangePercent` is a
 *   FRACTION ("0.0173" = +1.73 %), so it is multiplied by 100. Evidence: ccxt's recorded MEXC
 *   ticker (ccxt/ccxt ts/src/test/static/response/mexc.json, 2024-03-13) has priceChange 1248.51
 *   on openPrice 72149.26 (= +1.7305 %) next to priceChangePercent "0.0173", and ccxt parses it
 *   to percentage 1.73;
 * - numbers, and even `openTime`/`closeTime`, are strings in the ticker; `asOfMs` = `closeTime`;
 * - the ticker answers an object for one symbol (an array without `symbol`): both are accepted;
 * - kline interval is `1d` (MEXC's own list: 1m 5m 15m 30m 60m 4h 1d 1W 1M; not Binance's `1h`);
 * - kline rows have 8 fields `[openTime (ms), open, high, low, close, volume (base), closeTime,
 *   quoteVolume]`, oldest first, the day in progress last (kept); MEXC does not document the
 *   day boundary, open times are passed through as sent;
 * - an unknown symbol answers 400 `{"code":-1121,"msg":"Invalid symbol."}` → `not-found`.
 */
import type { Candle, Result, SourceError, Ticker24h } from '../types';
import { apiUrl, validate } from './http';
import { candlesFromRows, defineVenueMarketData, fail, optNum, pairSymbol, tickerOk, venueFail } from './venue-common';
import { anyValue, array, finite, num, optional, str, tuple, union, z } from './zod';
import { ok } from './result';

const HOST = 'api.mexc.com';
/** enough daily candles for 200-day indicators after the open candle is dropped (MEXC allows 1000) */
const CANDLE_LIMIT = 250;

/** MEXC symbol, e.g. `TAOUSDT`; undefined when either ticker is invalid. */
export function venueSymbol(base: string, quote: string): string | undefined {
  return pairSymbol(base, quote, (b, q) => `${b}${q}`);
}

export function tickerUrl(symbol: string): string {
  return apiUrl(HOST, '/api/v3/ticker/24hr', { symbol });
}

export function candlesUrl(symbol: string): string {
  return apiUrl(HOST, '/api/v3/klines', { symbol, interval: '1d', limit: CANDLE_LIMIT });
}

/** MEXC error body, e.g. `{"code":-1121,"msg":"Invalid symbol."}` */
const errorSchema = z.object({ code: union([finite, str]), msg: str });

function venueError(raw: unknown): { ok: false; error: SourceError } | undefined {
  const e = errorSchema.safeParse(raw);
  if (!e.success) return undefined;
  const code = String(e.data.code);
  const text = `${code} ${e.data.msg}`.slice(0, 120);
  return venueFail(`mexc: ${text}`, code === '-1121' || /symbol/i.test(e.data.msg), code === '429' || /too many|frequen|rate limit/i.test(e.data.msg));
}

const tickerSchema = z.object({
  symbol: optional(str),
  lastPrice: num,
  /** FRACTION: "0.0173" = +1.73 % */
  priceChangePercent: optNum,
  /** base units */
  volume: optNum,
  quoteVolume: optNum,
  /** epoch ms, often a string */
  closeTime: optNum,
});

/** Normalises a `/ticker/24hr` body (object or array); with `symbol`, only that entry is used. Pure; never throws. */
export function parseTicker(raw: unknown, nowMs: number, symbol?: string): Result<Ticker24h> {
  const entries = Array.isArray(raw) ? raw : [raw];
  let firstError: Result<Ticker24h> | undefined;
  let otherSymbol = false;
  for (const entry of entries) {
    const t = validate(tickerSchema, entry);
    if (!t.ok) {
      firstError ??= t;
      continue;
    }
    if (symbol !== undefined && t.value.symbol !== undefined && t.value.symbol.toUpperCase() !== symbol) {
      otherSymbol = true;
      continue;
    }
    const { lastPrice, priceChangePercent, volume, quoteVolume, closeTime } = t.value;
    return tickerOk(lastPrice, priceChangePercent !== null ? priceChangePercent * 100 : null, volume, quoteVolume, closeTime, nowMs);
  }
  if (!Array.isArray(raw) && !otherSymbol) return venueError(raw) ?? firstError ?? fail('parse', 'mexc: unexpected ticker');
  return fail('not-found', `mexc: no ticker for ${symbol ?? 'the symbol'}`);
}

/** `[openTime(ms), open, high, low, close, volume, closeTime, quoteVolume]` */
const rowSchema = tuple([num, num, num, num, num, num], 'rest');

/** Normalises a `/klines` body to ascending candles; malformed rows are dropped. Pure; never throws. */
export function parseCandles(raw: unknown): Result<Candle[]> {
  const rows = validate(array(anyValue), raw);
  if (!rows.ok) return venueError(raw) ?? rows;
  return ok(candlesFromRows(rows.value, rowSchema, ([t, o, h, l, c, v]) => ({ t, o, h, l, c, v })));
}

export const venueMarketData = defineVenueMarketData({ source: 'mexc', symbol: venueSymbol, tickerUrl, candlesUrl, parseTicker, parseCandles });
