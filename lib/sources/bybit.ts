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
import type { Candle, Result, SourceError, Ticker24h } from '../types';
import { apiUrl, getJson, validate, type RequestOptions } from './http';
import type { VenueMarketData } from './market-data';
import { num, numOrNull, z } from './zod';

/**
 * `numOrNull` that also accepts a MISSING key. zod 4 treats a transformed schema as required, so a
 * bare `numOrNull` field rejects `{}` ("expected nonoptional"); providers omit keys they have no
 * value for.
 */
const maybeNum = z.pipe(z.optional(numOrNull), z.transform((v: number | null | undefined) => v ?? null));

const HOST = 'api.bybit.com';
/** Daily candles requested (DATA-SOURCES.md asks for ≥ 200; Bybit allows up to 1000). */
export const BYBIT_CANDLE_LIMIT = 250;

// ---------------------------------------------------------------------------------------------
// Wire schemas

/** The envelope of every Bybit v5 answer. `result` is validated separately once `retCode` is known. */
export const BybitEnvelopeSchema = z.object({
  retCode: z.number(),
  retMsg: z.nullish(z.string()),
  result: z.optional(z.unknown()),
  /** server time, epoch ms */
  time: maybeNum,
});
export type BybitEnvelope = z.output<typeof BybitEnvelopeSchema>;

/** One entry of `result.list` from `/v5/market/tickers` (spot). */
export const BybitTickerEntrySchema = z.object({
  symbol: z.string(),
  lastPrice: maybeNum,
  /** fraction, not percent */
  price24hPcnt: maybeNum,
  /** base units */
  volume24h: maybeNum,
  /** quote units */
  turnover24h: maybeNum,
});

/** `result` of `/v5/market/tickers`; a malformed entry becomes `null` and is ignored. */
export const BybitTickersResultSchema = z.object({
  list: z.array(z.catch(z.nullable(BybitTickerEntrySchema), null)),
});
export type BybitTickersResult = z.output<typeof BybitTickersResultSchema>;

/** One kline row: `[startTime, open, high, low, close, volume, …]`; extra cells tolerated. */
export const BybitKlineRowSchema = z.tuple([num, num, num, num, num, num], z.unknown());

/** `result` of `/v5/market/kline`; a malformed row becomes `null` (dropped by the normaliser). */
export const BybitKlineResultSchema = z.object({
  list: z.array(z.catch(z.nullable(BybitKlineRowSchema), null)),
});
export type BybitKlineResult = z.output<typeof BybitKlineResultSchema>;

// ---------------------------------------------------------------------------------------------
// Pure helpers and normalisers

const TICKER_RE = /^[A-Za-z0-9]{1,20}$/;

/**
 * Bybit's spot symbol for a pair (`TAOUSDT`), or undefined when either ticker is not 1–20 ASCII
 * letters/digits (checked before upper-casing).
 */
export function bybitSymbol(base: string, quote: string): string | undefined {
  if (typeof base !== 'string' || typeof quote !== 'string') return undefined;
  if (!TICKER_RE.test(base) || !TICKER_RE.test(quote)) return undefined;
  return `${base.toUpperCase()}${quote.toUpperCase()}`;
}

function fail(kind: SourceError['kind'], message: string, extra: Partial<SourceError> = {}): { ok: false; error: SourceError } {
  return { ok: false, error: { kind, message, ...extra } };
}

/**
 * Checks `retCode` and validates `result` with `schema`.
 * `10001` (request parameter error: unknown symbol) → not-found; `10006`/`10018` → rate-limited;
 * other non-zero codes → http.
 */
export function readBybitEnvelope<S extends z.ZodMiniType>(env: BybitEnvelope, schema: S): Result<z.output<S>> {
  if (env.retCode === 0) return validate(schema, env.result);
  const msg = typeof env.retMsg === 'string' && env.retMsg ? `: ${env.retMsg.slice(0, 100)}` : '';
  const what = `bybit ${String(env.retCode).slice(0, 20)}${msg}`;
  if (env.retCode === 10001) return fail('not-found', what);
  if (env.retCode === 10006 || env.retCode === 10018) return fail('rate-limited', what, { retryAfterMs: 60_000 });
  return fail('http', what);
}

/**
 * Tickers result → `Ticker24h` for `symbol` (the entry must echo the symbol asked for).
 * `price24hPcnt` is a FRACTION and becomes percent (×100, 12 significant digits). `asOfMs` is the
 * envelope's `time` (pass null when absent), else `nowMs`. No entry or no positive price → not-found.
 */
export function normaliseBybitTicker(result: BybitTickersResult, symbol: string, timeMs: number | null, nowMs: number): Result<Ticker24h> {
  const entry = result.list.find((e) => e !== null && e.symbol === symbol);
  if (!entry || entry.lastPrice === null || !(entry.lastPrice > 0)) return fail('not-found', 'bybit has no last price for this pair');
  let change24hPct: number | null = null;
  if (entry.price24hPcnt !== null) {
    const pct = Number((entry.price24hPcnt * 100).toPrecision(12));
    change24hPct = Number.isFinite(pct) ? pct : null;
  }
  return {
    ok: true,
    value: {
      last: entry.lastPrice,
      change24hPct,
      volumeBase: entry.volume24h,
      volumeQuote: entry.turnover24h,
      asOfMs: timeMs !== null && timeMs > 0 ? timeMs : nowMs,
    },
  };
}

/**
 * Kline result → `Candle[]` ascending by open time (ms), one per open time, keeping the candle
 * still open. Bybit sends newest first.
 */
export function normaliseBybitCandles(result: BybitKlineResult): Candle[] {
  const out: Candle[] = [];
  for (const row of result.list) {
    if (!row) continue;
    const [startTime, open, high, low, close, volume] = row;
    out.push({ t: startTime, o: open, h: high, l: low, c: close, v: volume });
  }
  return ascendingCandles(out);
}

/** Drops candles with a non-finite or negative number, sorts ascending, keeps the last row per `t`. */
function ascendingCandles(candles: Candle[]): Candle[] {
  const byTime = new Map<number, Candle>();
  for (const c of candles) {
    if ([c.t, c.o, c.h, c.l, c.c, c.v].every((n) => Number.isFinite(n) && n >= 0)) byTime.set(c.t, c);
  }
  return Array.from(byTime.values()).sort((a, b) => a.t - b.t);
}

// ---------------------------------------------------------------------------------------------
// Fetch

/** 24h ticker of a spot pair from `/v5/market/tickers`. Invalid tickers → not-found, no request. */
export async function fetchBybitTicker(base: string, quote: string, opts: RequestOptions, nowMs: number): Promise<Result<Ticker24h>> {
  const symbol = bybitSymbol(base, quote);
  if (!symbol) return fail('not-found', 'invalid symbol');
  const env = await getJson(apiUrl(HOST, '/v5/market/tickers', { category: 'spot', symbol }), BybitEnvelopeSchema, opts);
  if (!env.ok) return env;
  const result = readBybitEnvelope(env.value, BybitTickersResultSchema);
  if (!result.ok) return result;
  return normaliseBybitTicker(result.value, symbol, env.value.time, nowMs);
}

/**
 * The last {@link BYBIT_CANDLE_LIMIT} daily (UTC) candles of a spot pair, ascending, the open
 * candle included. `nowMs` is unused (Bybit returns the latest) and kept for the uniform interface.
 * Invalid tickers → not-found, no request.
 */
export async function fetchBybitDailyCandles(base: string, quote: string, opts: RequestOptions, _nowMs: number): Promise<Result<Candle[]>> {
  const symbol = bybitSymbol(base, quote);
  if (!symbol) return fail('not-found', 'invalid symbol');
  const url = apiUrl(HOST, '/v5/market/kline', { category: 'spot', symbol, interval: 'D', limit: BYBIT_CANDLE_LIMIT });
  const env = await getJson(url, BybitEnvelopeSchema, opts);
  if (!env.ok) return env;
  const result = readBybitEnvelope(env.value, BybitKlineResultSchema);
  if (!result.ok) return result;
  return { ok: true, value: normaliseBybitCandles(result.value) };
}

/** Bybit in the uniform venue interface (see market-data.ts). */
export const venueMarketData: VenueMarketData = {
  source: 'bybit',
  symbol: bybitSymbol,
  fetchTicker: fetchBybitTicker,
  fetchDailyCandles: fetchBybitDailyCandles,
};
