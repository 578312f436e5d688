/**
 * Kraken public market data (spot): 24h ticker and daily candles.
 *
 * Docs followed:
 * - https://docs.kraken.com/api-reference/market-data/get-ticker-information
 * - https://docs.kraken.com/api-reference/market-data/get-ohlc-data
 *
 * Endpoints: `/0/public/Ticker?pair=TAOUSD` and `/0/public/OHLC?pair=TAOUSD&interval=1440`.
 *
 * Traps:
 * - BTC is XBT on Kraken (on both sides of a pair: `XBTUSD`, `ETHXBT`);
 * - errors come with HTTP 200 in `error: ["EQuery:Unknown asset pair"]`; a non-empty `error`
 *   is a failure whatever `result` holds;
 * - the key inside `result` is Kraken's internal pair name, not the one requested (`XBTUSD` is
 *   answered as `XXBTZUSD`): take the first key that is not `last`;
 * - OHLC `result.last` is a paging cursor (number or string), not a row;
 * - OHLC rows are `[time (SECONDS), open, high, low, close, VWAP, VOLUME, count]`: volume is the
 *   7th column, the 6th is the VWAP; prices are strings, time and count numbers;
 * - OHLC returns at most 720 rows whatever the interval; the last row is the frame in progress;
 * - ticker `o` is TODAY's opening price (since 00:00 UTC), not the price 24 h ago. A change
 *   computed against it is a since-midnight change, so `change24hPct` is left null rather than
 *   mislabelled (callers show the change from another source, or none);
 * - ticker arrays hold [today, last 24 hours]: `v[1]` is the rolling 24h base volume, `p[1]` the
 *   24h VWAP, so the 24h quote volume is exactly `p[1] × v[1]`;
 * - the ticker has no timestamp: `asOfMs` is the fetch time.
 */
import type { Candle, Result, SourceError, Ticker24h } from '../types';
import { apiUrl, validate } from './http';
import { candlesFromRows, defineVenueMarketData, fail, pairSymbol, tickerOk, venueFail } from './venue-common';
import { own } from '../own';
import { anyValue, array, num, numOrNull, optional, tuple, z } from './zod';
import { ok } from './result';

const HOST = 'api.kraken.com';
/** one day, minutes (Kraken `interval`) */
const DAY_MIN = 1440;

/** Kraken's own names for assets whose common ticker differs. */
const KRAKEN_ASSET: Readonly<Record<string, string>> = { BTC: 'XBT' };

function krakenAsset(ticker: string): string {
  return own(KRAKEN_ASSET, ticker) ?? ticker;
}

/** Kraken pair for the request, e.g. `TAOUSD`, `XBTUSDT`; undefined when either ticker is invalid. */
export function venueSymbol(base: string, quote: string): string | undefined {
  return pairSymbol(base, quote, (b, q) => `${krakenAsset(b)}${krakenAsset(q)}`);
}

export function tickerUrl(pair: string): string {
  return apiUrl(HOST, '/0/public/Ticker', { pair });
}

export function candlesUrl(pair: string): string {
  return apiUrl(HOST, '/0/public/OHLC', { pair, interval: DAY_MIN });
}

const envelopeSchema = z.object({
  error: array(anyValue),
  result: optional(anyValue),
});

/** Turns Kraken's `error` strings into a typed failure; undefined when there is none. */
function krakenError(errors: readonly unknown[]): { ok: false; error: SourceError } | undefined {
  if (errors.length === 0) return undefined;
  const text =
    errors
      .filter((e): e is string => typeof e === 'string')
      .join('; ')
      .slice(0, 120) || 'unspecified error';
  return venueFail(`kraken: ${text}`, /unknown asset pair|invalid arguments/i.test(text), /rate limit|too many requests|throttled/i.test(text));
}

/** The value under the first own key of `result` that is not the `last` cursor. */
function pairPayload(result: unknown): unknown {
  if (typeof result !== 'object' || result === null || Array.isArray(result)) return undefined;
  for (const key of Object.keys(result)) {
    if (key === 'last' || key === '__proto__') continue;
    return Object.getOwnPropertyDescriptor(result, key)?.value;
  }
  return undefined;
}

/** Opens the envelope: a typed failure, or the payload of the one pair in `result`. */
function open(raw: unknown): Result<unknown> {
  const env = validate(envelopeSchema, raw);
  if (!env.ok) return env;
  const err = krakenError(env.value.error);
  if (err) return err;
  const payload = pairPayload(env.value.result);
  if (payload === undefined) return fail('not-found', 'kraken: no pair in result');
  return ok(payload);
}

/** Ticker entry; `[today, last 24 hours]` arrays; extra keys (a, b, t, l, h) ignored. */
const tickerSchema = z.object({
  /** last trade `[price, lot volume]` */
  c: tuple([num], 'rest'),
  /** volume `[today, 24h]`, base units */
  v: optional(array(numOrNull)),
  /** VWAP `[today, 24h]` */
  p: optional(array(numOrNull)),
});

/** Normalises a `/0/public/Ticker` body. Pure; never throws. */
export function parseTicker(raw: unknown, nowMs: number): Result<Ticker24h> {
  const payload = open(raw);
  if (!payload.ok) return payload;
  const t = validate(tickerSchema, payload.value);
  if (!t.ok) return t;
  const last = t.value.c[0];
  const volumeBase = t.value.v?.[1] ?? null;
  const vwap24h = t.value.p?.[1] ?? null;
  const volumeQuote = volumeBase !== null && vwap24h !== null ? volumeBase * vwap24h : null;
  // `o` is today's (UTC) open, not 24 h ago: no honest 24h change from this endpoint.
  return tickerOk(last, null, volumeBase, volumeQuote !== null && Number.isFinite(volumeQuote) ? volumeQuote : null, null, nowMs);
}

/** `[time(s), open, high, low, close, vwap, volume, count]` */
const rowSchema = tuple([num, num, num, num, num, anyValue, num], 'rest');

/** Normalises a `/0/public/OHLC` body to ascending candles; malformed rows are dropped. Pure; never throws. */
export function parseCandles(raw: unknown): Result<Candle[]> {
  const payload = open(raw);
  if (!payload.ok) return payload;
  const rows = validate(array(anyValue), payload.value);
  if (!rows.ok) return rows;
  return ok(candlesFromRows(rows.value, rowSchema, ([timeSec, o, h, l, c, , volume]) => ({ t: timeSec * 1000, o, h, l, c, v: volume })));
}

export const venueMarketData = defineVenueMarketData({ source: 'kraken', symbol: venueSymbol, tickerUrl, candlesUrl, parseTicker, parseCandles });
