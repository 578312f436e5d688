/**
 * What the exchange market-data sources (kucoin, binance, okx, bybit, coinbase, kraken, gate,
 * mexc, bitget, htx) have in common, plus helpers other sources share (`fail`, `optNum`,
 * `positive`, `isoToMs`, `isCount`). Pure: each venue keeps its own URLs, wire schemas, parsers and
 * which of its codes mean what; this module only holds what was written out the same way in each
 * of them (the ticker result {@link tickerOk}, the error result {@link venueFail}).
 *
 * Tickers: every venue checks 1–20 ASCII letters/digits BEFORE upper-casing ({@link strictTicker}),
 * so Unicode that upper-cases to ASCII (`ß`, `ı`) is refused.
 * Two generations of venue files still differ on one point, kept apart on purpose (so that no
 * venue's candles changed when the copies were merged):
 * - candles: kucoin/binance/okx/bybit drop negative numbers and keep the LAST row sent for an open
 *   time ({@link ascendingNonNegative}); the others keep negatives and the FIRST row ({@link ascending}).
 */
import type { Candle, Result, SourceError, SourceId, Ticker24h } from '../types';
import { getJson } from './http';
import type { VenueMarketData } from './market-data';
import { anyValue, numOrNull, optional, z } from './zod';
import { fail, ok } from './result';

export { fail };

/**
 * `numOrNull` that also accepts a MISSING key: missing, null, "" or non-finite → null. zod 4 treats
 * a transformed schema as required, so a bare `numOrNull` field rejects `{}` ("expected
 * nonoptional"); providers omit keys they have no value for.
 */
export const optNum = z.pipe(optional(numOrNull), z.transform((v: number | null | undefined) => v ?? null));

// ---------------------------------------------------------------------------------------------
// Numbers and dates shared by the market-data and network sources

/** A positive finite number, else null (a provider's 0 market cap or supply means "no data"). */
export function positive(n: number | null | undefined): number | null {
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : null;
}

/** An ISO date as epoch ms, or null. */
export function isoToMs(iso: string | null | undefined): number | null {
  if (typeof iso !== 'string') return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

/** A count a network source may show: a finite number ≥ 0. */
export function isCount(v: number | null): v is number {
  return v !== null && Number.isFinite(v) && v >= 0;
}

// ---------------------------------------------------------------------------------------------
// Tickers and pair symbols

const ASCII_TICKER_RE = /^[A-Za-z0-9]{1,20}$/;

/**
 * The ticker upper-cased, or undefined unless it is 1–20 ASCII letters/digits AS SENT (checked
 * before upper-casing, so Unicode that upper-cases to ASCII, `ı` or `ß`, is refused).
 */
export function strictTicker(value: unknown): string | undefined {
  if (typeof value !== 'string' || !ASCII_TICKER_RE.test(value)) return undefined;
  return value.toUpperCase();
}

/**
 * A venue's symbol for a pair: both tickers checked and upper-cased by `clean`, then `join`ed;
 * undefined when either is invalid.
 */
export function pairSymbol(
  base: unknown,
  quote: unknown,
  join: (base: string, quote: string) => string,
  clean: (ticker: unknown) => string | undefined = strictTicker,
): string | undefined {
  const b = clean(base);
  const q = clean(quote);
  return b && q ? join(b, q) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Errors

/**
 * A venue's own error answer as a typed failure: not-found when `notFound`, else rate-limited
 * (retry after a minute) when `rateLimited`, else http. `message` names the venue and its code.
 */
export function venueFail(message: string, notFound: boolean, rateLimited: boolean): { ok: false; error: SourceError } {
  if (notFound) return fail('not-found', message);
  return rateLimited ? fail('rate-limited', message, { retryAfterMs: 60_000 }) : fail('http', message);
}

// ---------------------------------------------------------------------------------------------
// Tickers

/**
 * A venue's 24h ticker as a success. `change24hPct` is PERCENT; a non-finite one (an overflow)
 * becomes null. `stampMs` is the venue's own epoch-ms stamp: used when positive, else `nowMs`
 * (the caller's clock; pass null for venues that send no stamp).
 */
export function tickerOk(
  last: number,
  change24hPct: number | null,
  volumeBase: number | null,
  volumeQuote: number | null,
  stampMs: number | null,
  nowMs: number,
): Result<Ticker24h> {
  return ok({
    last,
    change24hPct: change24hPct !== null && Number.isFinite(change24hPct) ? change24hPct : null,
    volumeBase,
    volumeQuote,
    asOfMs: stampMs !== null && stampMs > 0 ? stampMs : nowMs,
  });
}

/**
 * `fraction × 100` rounded to 12 significant digits, so 0.0089 gives 0.89, not
 * 0.8899999999999999 (KuCoin, Bybit and OKX send or imply fractions); null stays null.
 */
export function fractionToPct(fraction: number | null): number | null {
  return fraction === null ? null : Number((fraction * 100).toPrecision(12));
}

/** Percent change from `open` to `last`: `(last − open) / open × 100`; null without a positive open. */
export function changeFromOpen(last: number, open: number | null): number | null {
  return open !== null && open > 0 ? ((last - open) / open) * 100 : null;
}

// ---------------------------------------------------------------------------------------------
// Candles

/** Finite candles only, ascending by open time, one per open time (the first sent is kept). */
export function ascending(candles: Candle[]): Candle[] {
  const finite = candles.filter((k) => [k.t, k.o, k.h, k.l, k.c, k.v].every(Number.isFinite));
  finite.sort((a, b) => a.t - b.t);
  return finite.filter((k, i) => i === 0 || k.t !== finite[i - 1]!.t);
}

/** Drops candles with a non-finite or negative number, sorts ascending, keeps the last row per `t`. */
export function ascendingNonNegative(candles: Candle[]): Candle[] {
  const byTime = new Map<number, Candle>();
  for (const c of candles) {
    if ([c.t, c.o, c.h, c.l, c.c, c.v].every((n) => Number.isFinite(n) && n >= 0)) byTime.set(c.t, c);
  }
  return Array.from(byTime.values()).sort((a, b) => a.t - b.t);
}

/**
 * `[open time (ms), open, high, low, close, volume]` rows (a malformed row is null and dropped) →
 * {@link ascendingNonNegative} candles: the column order Binance, OKX and Bybit share.
 */
export function ohlcvCandles(rows: ReadonlyArray<readonly [number, number, number, number, number, number] | null>): Candle[] {
  return ascendingNonNegative(rows.filter((row) => row !== null).map(([t, o, h, l, c, v]) => ({ t, o, h, l, c, v })));
}

/**
 * Rows of a candles body → {@link ascending} candles: each row that `rowSchema` accepts is mapped
 * by `toCandle` (which also gets the row as sent); malformed rows are dropped.
 */
export function candlesFromRows<S extends z.ZodMiniType>(
  rows: readonly unknown[],
  rowSchema: S,
  toCandle: (row: z.output<S>, sent: unknown) => Candle,
): Candle[] {
  const out: Candle[] = [];
  for (const row of rows) {
    const r = rowSchema.safeParse(row);
    if (r.success) out.push(toCandle(r.data, row));
  }
  return ascending(out);
}

// ---------------------------------------------------------------------------------------------
// The uniform venue interface

/** What a venue file supplies; {@link defineVenueMarketData} does the fetching. */
export interface VenueSpec {
  source: SourceId;
  /** the venue's symbol for a spot pair, undefined when the tickers are invalid */
  symbol(base: string, quote: string): string | undefined;
  tickerUrl(symbol: string): string;
  /** `nowMs` is the caller's clock, for venues whose candle query needs a time range */
  candlesUrl(symbol: string, nowMs: number): string;
  /** the parsed JSON body → ticker; `symbol` is the one asked for (venues that list several entries pick it) */
  parseTicker(raw: unknown, nowMs: number, symbol: string): Result<Ticker24h>;
  /** the parsed JSON body → ascending daily candles */
  parseCandles(raw: unknown): Result<Candle[]>;
}

/**
 * A venue in the uniform interface (see market-data.ts): the symbol is checked first (invalid
 * tickers → not-found, no request), then one GET of JSON, then the venue's own parser, which does
 * all validation and error mapping.
 */
export function defineVenueMarketData(spec: VenueSpec): VenueMarketData {
  const { source, symbol, tickerUrl, candlesUrl, parseTicker, parseCandles } = spec;
  return {
    source,
    symbol,
    async fetchTicker(base, quote, opts, nowMs) {
      const id = symbol(base, quote);
      if (!id) return fail('not-found', 'invalid symbol');
      const body = await getJson(tickerUrl(id), anyValue, opts);
      if (!body.ok) return body;
      return parseTicker(body.value, nowMs, id);
    },
    async fetchDailyCandles(base, quote, opts, nowMs) {
      const id = symbol(base, quote);
      if (!id) return fail('not-found', 'invalid symbol');
      const body = await getJson(candlesUrl(id, nowMs), anyValue, opts);
      if (!body.ok) return body;
      return parseCandles(body.value);
    },
  };
}
