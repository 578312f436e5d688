/**
 * OKX spot market data: ticker and daily (UTC) candles.
 *
 * The public API lives on `www.okx.com`, the same host as the trading UI: the http layer always
 * sends `credentials: 'omit'`, so the user's OKX session cookies never ride along (QUALITY.md).
 *
 * Wire format (OKX API v5 docs; recorded responses in tests/fixtures/market/):
 * - every body is wrapped `{ code: '0', msg, data: [...] }`; another code is an error (`51001` =
 *   instrument does not exist, `50011` = too many requests);
 * - `GET /api/v5/market/ticker?instId=TAO-USDT` → `data: [{ instId, last, open24h, vol24h (base
 *   for SPOT), volCcy24h (quote for SPOT), ts (ms string), … }]`; there is no change field, so the
 *   24h change is `(last / open24h − 1) × 100` percent;
 * - `GET /api/v5/market/candles?instId=TAO-USDT&bar=1Dutc&limit=300` → rows of 9 strings
 *   `[ts (ms), open, high, low, close, vol (base for SPOT), volCcy, volCcyQuote, confirm]`, NEWEST
 *   FIRST, confirm `0` on the candle still open. Use `1Dutc`: `1D` is a Hong Kong (UTC+8) day.
 *   300 is the most this endpoint returns per call.
 */
import type { Candle, Result, Ticker24h } from '../types';
import { apiUrl, validate } from './http';
import { defineVenueMarketData, fail, fractionToPct, ohlcvCandles, optNum, pairSymbol, strictTicker, tickerOk, venueFail } from './venue-common';
import { anyValue, array, fallback, finite, nullable, nullish, num, optional, str, tuple, union, z } from './zod';
import { ok } from './result';

const HOST = 'www.okx.com';
/** Daily candles requested: the per-call maximum of `/market/candles` (DATA-SOURCES.md asks ≥ 200). */
export const OKX_CANDLE_LIMIT = 300;

// ---------------------------------------------------------------------------------------------
// Wire schemas

/** The envelope of every OKX REST answer. `data` is validated separately once `code` is known. */
export const OkxEnvelopeSchema = z.object({
  code: z.pipe(union([str, finite]), z.transform((v: string | number) => String(v))),
  msg: nullish(str),
  data: optional(anyValue),
});
export type OkxEnvelope = z.output<typeof OkxEnvelopeSchema>;

/** One entry of `data` from `/market/ticker`. OKX sends `""` for empty numbers (→ null). */
export const OkxTickerEntrySchema = z.object({
  instId: str,
  last: optNum,
  open24h: optNum,
  /** base units for SPOT */
  vol24h: optNum,
  /** quote units for SPOT */
  volCcy24h: optNum,
  /** epoch ms */
  ts: optNum,
});

/** `data` of `/market/ticker`; a malformed entry becomes `null` and is ignored. */
export const OkxTickerListSchema = array(fallback(nullable(OkxTickerEntrySchema), null));
export type OkxTickerList = z.output<typeof OkxTickerListSchema>;

/** One candle row: `[ts, open, high, low, close, vol, …]`; the remaining cells are tolerated. */
export const OkxCandleRowSchema = tuple([num, num, num, num, num, num], 'rest');

/** `data` of `/market/candles`; a malformed row becomes `null` (dropped by the normaliser). */
export const OkxCandlesSchema = array(fallback(nullable(OkxCandleRowSchema), null));
export type OkxCandleRows = z.output<typeof OkxCandlesSchema>;

// ---------------------------------------------------------------------------------------------
// Pure helpers and normalisers

/**
 * OKX's spot instrument id for a pair (`TAO-USDT`), or undefined when either ticker is not 1–20
 * ASCII letters/digits (checked before upper-casing).
 */
export function okxInstId(base: string, quote: string): string | undefined {
  return pairSymbol(base, quote, (b, q) => `${b}-${q}`, strictTicker);
}

/**
 * Checks the envelope code and validates `data` with `schema`.
 * `51001` (instrument does not exist) → not-found; `50011` → rate-limited; other non-`0` → http.
 */
export function readOkxEnvelope<S extends z.ZodMiniType>(env: OkxEnvelope, schema: S): Result<z.output<S>> {
  if (env.code === '0') return validate(schema, env.data);
  const msg = typeof env.msg === 'string' && env.msg ? `: ${env.msg.slice(0, 100)}` : '';
  return venueFail(`okx ${env.code.slice(0, 20)}${msg}`, env.code === '51001', env.code === '50011');
}

/**
 * Ticker list → `Ticker24h` for `instId` (the entry must echo the instrument asked for).
 * Change = `(last / open24h − 1) × 100` PERCENT, rounded to 12 significant digits; null without a
 * positive `open24h`. `asOfMs` = OKX's `ts`, else `nowMs`. No entry or no positive `last` → not-found.
 */
export function normaliseOkxTicker(list: OkxTickerList, instId: string, nowMs: number): Result<Ticker24h> {
  const entry = list.find((e) => e !== null && e.instId === instId);
  if (!entry || entry.last === null || !(entry.last > 0)) return fail('not-found', 'okx has no last price for this pair');
  const change = entry.open24h !== null && entry.open24h > 0 ? fractionToPct(entry.last / entry.open24h - 1) : null;
  return tickerOk(entry.last, change, entry.vol24h, entry.volCcy24h, entry.ts, nowMs);
}

/**
 * Candle rows → `Candle[]` ascending by open time (ms), one per open time, keeping the candle still
 * open (confirm `0`). OKX sends newest first; `v` is `vol`, base units for SPOT instruments.
 */
export function normaliseOkxCandles(rows: OkxCandleRows): Candle[] {
  return ohlcvCandles(rows);
}

// ---------------------------------------------------------------------------------------------
// Fetch

/** An OKX body: the envelope opened (see {@link readOkxEnvelope}) and `data` validated with `schema`. */
function openEnvelope<S extends z.ZodMiniType>(raw: unknown, schema: S): Result<z.output<S>> {
  const env = validate(OkxEnvelopeSchema, raw);
  return env.ok ? readOkxEnvelope(env.value, schema) : env;
}

/** OKX in the uniform venue interface (see market-data.ts). */
export const venueMarketData = defineVenueMarketData({
  source: 'okx',
  symbol: okxInstId,
  tickerUrl: (instId) => apiUrl(HOST, '/api/v5/market/ticker', { instId }),
  candlesUrl: (instId) => apiUrl(HOST, '/api/v5/market/candles', { instId, bar: '1Dutc', limit: OKX_CANDLE_LIMIT }),
  parseTicker(raw, nowMs, instId) {
    const list = openEnvelope(raw, OkxTickerListSchema);
    return list.ok ? normaliseOkxTicker(list.value, instId, nowMs) : list;
  },
  parseCandles(raw) {
    const rows = openEnvelope(raw, OkxCandlesSchema);
    return rows.ok ? ok(normaliseOkxCandles(rows.value)) : rows;
  },
});

/** 24h ticker of a spot pair from `/api/v5/market/ticker`. Invalid tickers → not-found, no request. */
export const fetchOkxTicker = venueMarketData.fetchTicker;

/**
 * The last {@link OKX_CANDLE_LIMIT} UTC-day candles (`bar=1Dutc`) of a spot pair, ascending, the
 * open candle included. `nowMs` is unused (OKX returns the latest) and kept for the uniform
 * interface. Invalid tickers → not-found, no request.
 */
export const fetchOkxDailyCandles = venueMarketData.fetchDailyCandles;
