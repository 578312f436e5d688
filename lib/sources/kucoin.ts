/**
 * KuCoin spot market data: 24h stats and daily candles.
 *
 * Wire format (KuCoin universal SDK spec, `spec/rest/api/openapi-spot-market.json`; recorded
 * responses in tests/fixtures/market/):
 * - every body is wrapped `{ code: '200000', data }`; any other code is an error (`400100` = the
 *   pair is not listed, `429000` = too many requests);
 * - `GET /api/v1/market/stats?symbol=TAO-USDT` → `data: { time (ms), last, changeRate (FRACTION:
 *   -0.0114 = -1.14 %), vol (base), volValue (quote), … }`, numbers as decimal strings, and `null`
 *   fields for an unknown pair;
 * - `GET /api/v1/market/candles?symbol=TAO-USDT&type=1day&startAt=<s>&endAt=<s>` → rows of strings
 *   `[time (SECONDS), open, CLOSE, HIGH, LOW, volume (base), turnover (quote)]`, NEWEST FIRST,
 *   including the candle still open (the metrics layer drops it).
 */
import type { Candle, Result, Ticker24h } from '../types';
import { apiUrl, validate } from './http';
import { ascendingNonNegative, defineVenueMarketData, fail, fractionToPct, optNum, pairSymbol, strictTicker, tickerOk, venueFail } from './venue-common';
import { anyValue, array, fallback, finite, nullable, nullish, num, optional, str, tuple, union, z } from './zod';
import { ok } from './result';

const HOST = 'api.kucoin.com';
/** Days of daily candles requested: DATA-SOURCES.md asks for ≥ 200 daily candles; 250 leaves margin. */
export const KUCOIN_CANDLE_DAYS = 250;
const DAY_SEC = 86_400;

// ---------------------------------------------------------------------------------------------
// Wire schemas (z.object strips unknown keys; nothing here is .strict())

/** The envelope of every KuCoin REST answer. `data` is validated separately once `code` is known. */
export const KucoinEnvelopeSchema = z.object({
  code: z.pipe(union([str, finite]), z.transform((v: string | number) => String(v))),
  msg: nullish(str),
  data: optional(anyValue),
});
export type KucoinEnvelope = z.output<typeof KucoinEnvelopeSchema>;

/** `data` of `/api/v1/market/stats`. KuCoin answers an unknown pair with `null` fields (or `data: null`). */
export const KucoinStatsSchema = nullable(
  z.object({
    /** epoch milliseconds */
    time: optNum,
    symbol: nullish(str),
    last: optNum,
    /** fraction, not percent */
    changeRate: optNum,
    /** 24h volume, base units */
    vol: optNum,
    /** 24h volume, quote units */
    volValue: optNum,
  }),
);
export type KucoinStats = z.output<typeof KucoinStatsSchema>;

/** One candle row: `[time (s), open, close, high, low, volume, turnover…]`; extra cells tolerated. */
export const KucoinCandleRowSchema = tuple([num, num, num, num, num, num], 'rest');

/** `data` of `/api/v1/market/candles`. A malformed row becomes `null` (dropped by the normaliser). */
export const KucoinCandlesSchema = array(fallback(nullable(KucoinCandleRowSchema), null));
export type KucoinCandleRows = z.output<typeof KucoinCandlesSchema>;

// ---------------------------------------------------------------------------------------------
// Pure helpers and normalisers

/**
 * KuCoin's spot symbol for a pair (`TAO-USDT`), or undefined when either ticker is not 1–20 ASCII
 * letters/digits. Checked before upper-casing, so Unicode that upper-cases to ASCII (`ı`, `ß`) is
 * refused too.
 */
export function kucoinSymbol(base: string, quote: string): string | undefined {
  return pairSymbol(base, quote, (b, q) => `${b}-${q}`, strictTicker);
}

/**
 * Checks the envelope code and validates `data` with `schema`.
 * `400100` (pair not provided) → not-found; `429000` → rate-limited; any other non-`200000` → http.
 */
export function readKucoinEnvelope<S extends z.ZodMiniType>(env: KucoinEnvelope, schema: S): Result<z.output<S>> {
  if (env.code === '200000') return validate(schema, env.data);
  const msg = typeof env.msg === 'string' ? `: ${env.msg.slice(0, 100)}` : '';
  return venueFail(`kucoin ${env.code.slice(0, 20)}${msg}`, env.code === '400100', env.code === '429000');
}

/**
 * Stats → `Ticker24h`. `changeRate` is a FRACTION and becomes percent (×100). `asOfMs` is KuCoin's
 * `time` (ms) when present, else `nowMs`. A missing or non-positive `last` means KuCoin does not
 * trade the pair: not-found.
 */
export function normaliseKucoinTicker(stats: KucoinStats, nowMs: number): Result<Ticker24h> {
  if (!stats || stats.last === null || !(stats.last > 0)) return fail('not-found', 'kucoin has no last price for this pair');
  return tickerOk(stats.last, fractionToPct(stats.changeRate), stats.vol, stats.volValue, stats.time, nowMs);
}

/**
 * Candle rows → `Candle[]` ascending by open time (ms), one per open time, keeping the candle still
 * open. Column trap: KuCoin sends CLOSE before HIGH and LOW, and time in seconds.
 */
export function normaliseKucoinCandles(rows: KucoinCandleRows): Candle[] {
  const candles = rows
    .filter((row) => row !== null)
    .map(([timeSec, open, close, high, low, volume]) => ({ t: timeSec * 1000, o: open, h: high, l: low, c: close, v: volume }));
  return ascendingNonNegative(candles);
}

// ---------------------------------------------------------------------------------------------
// Fetch

/** A KuCoin body: the envelope opened (see {@link readKucoinEnvelope}) and `data` validated with `schema`. */
function openEnvelope<S extends z.ZodMiniType>(raw: unknown, schema: S): Result<z.output<S>> {
  const env = validate(KucoinEnvelopeSchema, raw);
  return env.ok ? readKucoinEnvelope(env.value, schema) : env;
}

/** KuCoin in the uniform venue interface (see market-data.ts). */
export const venueMarketData = defineVenueMarketData({
  source: 'kucoin',
  symbol: kucoinSymbol,
  tickerUrl: (symbol) => apiUrl(HOST, '/api/v1/market/stats', { symbol }),
  candlesUrl(symbol, nowMs) {
    const endAt = Math.floor((Number.isFinite(nowMs) ? nowMs : Date.now()) / 1000);
    const startAt = endAt - KUCOIN_CANDLE_DAYS * DAY_SEC;
    return apiUrl(HOST, '/api/v1/market/candles', { symbol, type: '1day', startAt, endAt });
  },
  parseTicker(raw, nowMs) {
    const stats = openEnvelope(raw, KucoinStatsSchema);
    return stats.ok ? normaliseKucoinTicker(stats.value, nowMs) : stats;
  },
  parseCandles(raw) {
    const rows = openEnvelope(raw, KucoinCandlesSchema);
    return rows.ok ? ok(normaliseKucoinCandles(rows.value)) : rows;
  },
});

/** 24h ticker of a spot pair from `/api/v1/market/stats`. Invalid tickers → not-found, no request. */
export const fetchKucoinTicker = venueMarketData.fetchTicker;

/**
 * Daily (UTC) candles of a spot pair for the last {@link KUCOIN_CANDLE_DAYS} days up to `nowMs`,
 * ascending, the open candle included. Invalid tickers → not-found, no request.
 */
export const fetchKucoinDailyCandles = venueMarketData.fetchDailyCandles;
