/**
 * Bitget public market data (spot, API v2): 24h ticker and daily candles.
 *
 * Docs followed:
 * - https://www.bitget.com/api-doc/spot/market/Get-Tickers
 * - https://www.bitget.com/api-doc/spot/market/Get-Candle-Data
 *
 * Endpoints: `/api/v2/spot/market/tickers?symbol=TAOUSDT` and
 * `/api/v2/spot/market/candles?symbol=TAOUSDT&granularity=1Dutc&limit=250`.
 *
 * Traps:
 * - every answer is wrapped: `{code:"00000", msg, requestTime, data}`; any other `code` is a
 *   failure even with HTTP 200 (`40034` "Parameter ... does not exist" = unknown symbol);
 * - `change24h` is a FRACTION ("0.01 means 1%" in the docs), multiplied by 100 here;
 *   `changeUtc24h` / `openUtc` are since-00:00-UTC figures, not used;
 * - numbers and `ts` (epoch ms) are strings; `asOfMs` = `ts`;
 * - the tickers endpoint answers an ARRAY even for one symbol;
 * - granularity: the docs list `1day` AND, separately, `1Dutc` under "day in UTC"; plain `1day`
 *   is not UTC-aligned (it follows the venue's UTC+8 day, like OKX's `1D`; public client code
 *   notes Bitget's plain daily candle closing at 16:00 UTC), so `1Dutc` is used to keep daily
 *   candles on UTC days like the other venues;
 * - candle rows are strings `[ts (ms), open, high, low, close, BASE volume, USDT volume,
 *   QUOTE volume]` (docs: index[5] base, index[6] USDT, index[7] quote): volume is column 5;
 * - candles come oldest first; the last row is the day in progress (kept); `limit` max 1000.
 */
import type { Candle, Result, Ticker24h } from '../types';
import { apiUrl, validate } from './http';
import { candlesFromRows, defineVenueMarketData, fail, optNum, pairSymbol, tickerOk, venueFail } from './venue-common';
import { anyValue, array, finite, nullish, num, optional, str, tuple, union, z } from './zod';
import { ok } from './result';

const HOST = 'api.bitget.com';
/** enough daily candles for 200-day indicators after the open candle is dropped (Bitget allows 1000) */
const CANDLE_LIMIT = 250;
/** UTC-aligned daily candles (plain `1day` follows UTC+8) */
const DAILY = '1Dutc';
const OK_CODE = '00000';

/** Bitget spot symbol, e.g. `TAOUSDT`; undefined when either ticker is invalid. */
export function venueSymbol(base: string, quote: string): string | undefined {
  return pairSymbol(base, quote, (b, q) => `${b}${q}`);
}

export function tickerUrl(symbol: string): string {
  return apiUrl(HOST, '/api/v2/spot/market/tickers', { symbol });
}

export function candlesUrl(symbol: string): string {
  return apiUrl(HOST, '/api/v2/spot/market/candles', { symbol, granularity: DAILY, limit: CANDLE_LIMIT });
}

const envelopeSchema = z.object({
  code: union([str, finite]),
  msg: nullish(str),
  data: optional(anyValue),
});

/** Opens `{code, msg, data}`: a typed failure, or `data`. */
function open(raw: unknown): Result<unknown> {
  const env = validate(envelopeSchema, raw);
  if (!env.ok) return env;
  const code = String(env.value.code);
  if (code === OK_CODE) return ok(env.value.data);
  const msg = env.value.msg ?? '';
  const text = `${code} ${msg}`.trim().slice(0, 120);
  return venueFail(`bitget: ${text}`, code === '40034' || /does not exist|symbol/i.test(msg), code === '429' || /too many|frequen|rate limit/i.test(msg));
}

const tickerSchema = z.object({
  symbol: optional(str),
  lastPr: num,
  /** FRACTION: "0.01" = +1 % */
  change24h: optNum,
  baseVolume: optNum,
  quoteVolume: optNum,
  /** epoch ms, as a string */
  ts: optNum,
});

/** Normalises a `/spot/market/tickers` body; with `symbol`, only that entry is used. Pure; never throws. */
export function parseTicker(raw: unknown, nowMs: number, symbol?: string): Result<Ticker24h> {
  const data = open(raw);
  if (!data.ok) return data;
  const list = validate(array(anyValue), data.value);
  if (!list.ok) return list;
  for (const entry of list.value) {
    const t = tickerSchema.safeParse(entry);
    if (!t.success) continue;
    if (symbol !== undefined && t.data.symbol !== undefined && t.data.symbol.toUpperCase() !== symbol) continue;
    const { lastPr, change24h, baseVolume, quoteVolume, ts } = t.data;
    return tickerOk(lastPr, change24h !== null ? change24h * 100 : null, baseVolume, quoteVolume, ts, nowMs);
  }
  return fail('not-found', `bitget: no ticker for ${symbol ?? 'the symbol'}`);
}

/** `[ts(ms), open, high, low, close, baseVolume, usdtVolume, quoteVolume]` */
const rowSchema = tuple([num, num, num, num, num, num], 'rest');

/** Normalises a `/spot/market/candles` body to ascending candles; malformed rows are dropped. Pure; never throws. */
export function parseCandles(raw: unknown): Result<Candle[]> {
  const data = open(raw);
  if (!data.ok) return data;
  const rows = validate(array(anyValue), data.value);
  if (!rows.ok) return rows;
  return ok(candlesFromRows(rows.value, rowSchema, ([t, o, h, l, c, baseVolume]) => ({ t, o, h, l, c, v: baseVolume })));
}

export const venueMarketData = defineVenueMarketData({ source: 'bitget', symbol: venueSymbol, tickerUrl, candlesUrl, parseTicker, parseCandles });
