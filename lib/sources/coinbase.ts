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
import { apiUrl, getJson, segment, validate, type RequestOptions } from './http';
import type { VenueMarketData } from './market-data';
import { num, numOrNull, z } from './zod';

const HOST = 'api.exchange.coinbase.com';
/** one UTC day, seconds (Coinbase `granularity`) */
const DAY_SEC = 86_400;

const TICKER_RE = /^[A-Z0-9]{1,20}$/;

/** An optional number field: missing, null, empty or non-finite → null. */
const maybeNum = z.pipe(z.optional(numOrNull), z.transform((v: number | null | undefined) => v ?? null));

function cleanTicker(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const upper = value.toUpperCase();
  return TICKER_RE.test(upper) ? upper : undefined;
}

function fail(kind: SourceError['kind'], message: string): { ok: false; error: SourceError } {
  return { ok: false, error: { kind, message } };
}

/** Coinbase product id, e.g. `TAO-USD`; undefined when either ticker is invalid. */
export function venueSymbol(base: string, quote: string): string | undefined {
  const b = cleanTicker(base);
  const q = cleanTicker(quote);
  return b && q ? `${b}-${q}` : undefined;
}

export function tickerUrl(productId: string): string {
  return apiUrl(HOST, `/products/${segment(productId)}/stats`);
}

export function candlesUrl(productId: string): string {
  return apiUrl(HOST, `/products/${segment(productId)}/candles`, { granularity: DAY_SEC });
}

/** `/products/{id}/stats`: decimal strings; `open` is the price 24 h ago (rolling window). */
const statsSchema = z.object({
  open: maybeNum,
  last: num,
  volume: maybeNum,
});

/** Coinbase error body, e.g. `{"message":"NotFound"}` */
const errorSchema = z.object({ message: z.string() });

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
  const change = open !== null && open > 0 ? ((last - open) / open) * 100 : null;
  return {
    ok: true,
    value: {
      last,
      change24hPct: change !== null && Number.isFinite(change) ? change : null,
      volumeBase: volume,
      volumeQuote: null,
      asOfMs: nowMs,
    },
  };
}

/** `[time(s), low, high, open, close, volume]`, extra trailing fields tolerated */
const rowSchema = z.tuple([num, num, num, num, num, num], z.unknown());

/** Normalises a `/candles` body to ascending candles; malformed rows are dropped. Pure; never throws. */
export function parseCandles(raw: unknown): Result<Candle[]> {
  const rows = validate(z.array(z.unknown()), raw);
  if (!rows.ok) return venueError(raw) ?? rows;
  const out: Candle[] = [];
  for (const row of rows.value) {
    const r = rowSchema.safeParse(row);
    if (!r.success) continue;
    const [timeSec, low, high, open, close, volume] = r.data;
    out.push({ t: timeSec * 1000, o: open, h: high, l: low, c: close, v: volume });
  }
  return { ok: true, value: ascending(out) };
}

/** Finite candles only, ascending by open time, one per open time. */
function ascending(candles: Candle[]): Candle[] {
  const finite = candles.filter((k) => [k.t, k.o, k.h, k.l, k.c, k.v].every(Number.isFinite));
  finite.sort((a, b) => a.t - b.t);
  return finite.filter((k, i) => i === 0 || k.t !== finite[i - 1]!.t);
}

export const venueMarketData: VenueMarketData = {
  source: 'coinbase',
  symbol: venueSymbol,
  async fetchTicker(base: string, quote: string, opts: RequestOptions, nowMs: number): Promise<Result<Ticker24h>> {
    const id = venueSymbol(base, quote);
    if (!id) return fail('not-found', 'invalid symbol');
    const body = await getJson(tickerUrl(id), z.unknown(), opts);
    if (!body.ok) return body;
    return parseTicker(body.value, nowMs);
  },
  async fetchDailyCandles(base: string, quote: string, opts: RequestOptions): Promise<Result<Candle[]>> {
    const id = venueSymbol(base, quote);
    if (!id) return fail('not-found', 'invalid symbol');
    const body = await getJson(candlesUrl(id), z.unknown(), opts);
    if (!body.ok) return body;
    return parseCandles(body.value);
  },
};
