/**
 * HTX (ex-Huobi) public market data (spot): 24h ticker and daily candles.
 *
 * Docs followed:
 * - https://huobiapi.github.io/docs/spot/v1/en/#get-latest-aggregated-ticker
 * - https://huobiapi.github.io/docs/spot/v1/en/#get-klines-candles
 *
 * Endpoints: `/market/detail/merged?symbol=taousdt` and
 * `/market/history/kline?symbol=taousdt&period=1day&size=250`.
 *
 * Traps:
 * - symbols are LOWER case and unseparated (`taousdt`);
 * - errors come with HTTP 200: `{"status":"error","err-code":"invalid-parameter",
 *   "err-msg":"invalid symbol"}` → `not-found`; only `status: "ok"` is a success;
 * - volume names are the reverse of what they suggest: `amount` is the BASE volume and `vol` the
 *   QUOTE turnover (recorded BTC day: amount 25 326, vol 219 864 523);
 * - the merged ticker has no change field: the change is computed from `tick.open`, which is
 *   the open of the rolling 24 h window, and `tick.close` (last price); `asOfMs` = top-level `ts`;
 * - numbers are JSON numbers, sometimes with more digits than a double holds
 *   (`219864523.567705105282063018560000000000000000`) or in exponent form (`8.26E8`):
 *   JSON.parse rounds them, which is fine at display precision;
 * - klines come NEWEST FIRST as objects `{id (open time, SECONDS), open, close, high, low,
 *   amount, vol, count}`; `1day` candles open at 16:00 UTC (the venue's UTC+8 midnight; there is
 *   no UTC variant): open times are passed through as sent; the newest is the day in progress.
 */
import type { Candle, Result, Ticker24h } from '../types';
import { apiUrl, validate } from './http';
import { candlesFromRows, changeFromOpen, defineVenueMarketData, optNum, pairSymbol, tickerOk, venueFail } from './venue-common';
import { anyValue, array, nullish, num, optional, str, z } from './zod';
import { ok } from './result';

const HOST = 'api.huobi.pro';
/** enough daily candles for 200-day indicators after the open candle is dropped (HTX allows 2000) */
const CANDLE_LIMIT = 250;

/** HTX symbol, e.g. `taousdt`; undefined when either ticker is invalid. */
export function venueSymbol(base: string, quote: string): string | undefined {
  return pairSymbol(base, quote, (b, q) => `${b}${q}`.toLowerCase());
}

export function tickerUrl(symbol: string): string {
  return apiUrl(HOST, '/market/detail/merged', { symbol });
}

export function candlesUrl(symbol: string): string {
  return apiUrl(HOST, '/market/history/kline', { symbol, period: '1day', size: CANDLE_LIMIT });
}

const envelopeSchema = z.object({
  status: str,
  'err-code': nullish(str),
  'err-msg': nullish(str),
  ts: optNum,
  tick: optional(anyValue),
  data: optional(anyValue),
});

type Envelope = z.output<typeof envelopeSchema>;

/** Opens `{status, ...}`: a typed failure, or the envelope of a successful answer. */
function open(raw: unknown): Result<Envelope> {
  const env = validate(envelopeSchema, raw);
  if (!env.ok) return env;
  if (env.value.status === 'ok') return env;
  const code = env.value['err-code'] ?? '';
  const text = `${code} ${env.value['err-msg'] ?? ''}`.trim().slice(0, 120) || env.value.status.slice(0, 40);
  return venueFail(`htx: ${text}`, code === 'invalid-parameter' || /invalid symbol/i.test(text), /limit|too-many|too many|frequen/i.test(code));
}

const tickSchema = z.object({
  /** open of the rolling 24 h window */
  open: optNum,
  /** last price */
  close: num,
  /** BASE volume, 24 h */
  amount: optNum,
  /** QUOTE turnover, 24 h */
  vol: optNum,
});

/** Normalises a `/market/detail/merged` body. Pure; never throws. */
export function parseTicker(raw: unknown, nowMs: number): Result<Ticker24h> {
  const env = open(raw);
  if (!env.ok) return env;
  const tick = validate(tickSchema, env.value.tick);
  if (!tick.ok) return tick;
  const { open: open24h, close, amount, vol } = tick.value;
  return tickerOk(close, changeFromOpen(close, open24h), amount, vol, env.value.ts, nowMs);
}

const rowSchema = z.object({
  /** open time, seconds */
  id: num,
  open: num,
  close: num,
  high: num,
  low: num,
  /** BASE volume */
  amount: num,
});

/** Normalises a `/market/history/kline` body to ascending candles; malformed rows are dropped. Pure; never throws. */
export function parseCandles(raw: unknown): Result<Candle[]> {
  const env = open(raw);
  if (!env.ok) return env;
  const rows = validate(array(anyValue), env.value.data);
  if (!rows.ok) return rows;
  const candles = candlesFromRows(rows.value, rowSchema, ({ id, open: o, high: h, low: l, close: c, amount }) => ({ t: id * 1000, o, h, l, c, v: amount }));
  return ok(candles);
}

export const venueMarketData = defineVenueMarketData({ source: 'htx', symbol: venueSymbol, tickerUrl, candlesUrl, parseTicker, parseCandles });
