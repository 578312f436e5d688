/**
 * Gate (gate.io) public market data (spot): 24h ticker and daily candles.
 *
 * Docs followed (API v4):
 * - https://www.gate.io/docs/developers/apiv4/en/#retrieve-ticker-information
 * - https://www.gate.io/docs/developers/apiv4/en/#market-candlesticks
 *
 * Endpoints: `/api/v4/spot/tickers?currency_pair=TAO_USDT` and
 * `/api/v4/spot/candlesticks?currency_pair=TAO_USDT&interval=1d&limit=250`.
 *
 * Traps:
 * - pairs are written `BASE_QUOTE` with an underscore;
 * - the ticker endpoint answers an ARRAY even for one pair; pick the entry whose `currency_pair`
 *   is the one asked for;
 * - `change_percentage` is already PERCENT ("-2.84" = -2.84 %), as a string (`change_utc0` /
 *   `change_utc8` are since-midnight changes, not used); the ticker has no timestamp, so `asOfMs`
 *   is the fetch time;
 * - candle rows are strings `[time (SECONDS), QUOTE volume, CLOSE, high, low, OPEN,
 *   base volume, window closed]`: quote volume second, close before open;
 * - older responses had only the first 6 columns (no base volume): the base volume is then
 *   approximated as quote volume ÷ close (documented estimate, not a venue figure);
 * - candles come oldest first; the last row is the day in progress (`closed: "false"`), kept;
 * - an unknown pair answers 400 `{"label":"INVALID_CURRENCY_PAIR",...}` → `not-found`.
 */
import type { Candle, Result, SourceError, Ticker24h } from '../types';
import { apiUrl, getJson, validate, type RequestOptions } from './http';
import type { VenueMarketData } from './market-data';
import { num, numOrNull, z } from './zod';

const HOST = 'api.gateio.ws';
/** enough daily candles for 200-day indicators after the open candle is dropped (Gate allows 1000) */
const CANDLE_LIMIT = 250;

const TICKER_RE = /^[A-Z0-9]{1,20}$/;

/** An optional number field: missing, null, empty or non-finite → null. */
const maybeNum = z.pipe(z.optional(numOrNull), z.transform((v: number | null | undefined) => v ?? null));

function cleanTicker(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const upper = value.toUpperCase();
  return TICKER_RE.test(upper) ? upper : undefined;
}

function fail(kind: SourceError['kind'], message: string, extra: Partial<SourceError> = {}): { ok: false; error: SourceError } {
  return { ok: false, error: { kind, message, ...extra } };
}

/** Gate pair, e.g. `TAO_USDT`; undefined when either ticker is invalid. */
export function venueSymbol(base: string, quote: string): string | undefined {
  const b = cleanTicker(base);
  const q = cleanTicker(quote);
  return b && q ? `${b}_${q}` : undefined;
}

export function tickerUrl(pair: string): string {
  return apiUrl(HOST, '/api/v4/spot/tickers', { currency_pair: pair });
}

export function candlesUrl(pair: string): string {
  return apiUrl(HOST, '/api/v4/spot/candlesticks', { currency_pair: pair, interval: '1d', limit: CANDLE_LIMIT });
}

/** Gate error body, e.g. `{"label":"INVALID_CURRENCY_PAIR","message":"..."}` */
const errorSchema = z.object({ label: z.string(), message: z.optional(z.string()) });

function venueError(raw: unknown): { ok: false; error: SourceError } | undefined {
  const e = errorSchema.safeParse(raw);
  if (!e.success) return undefined;
  const text = `${e.data.label}${e.data.message ? `: ${e.data.message}` : ''}`.slice(0, 120);
  if (/INVALID_CURRENCY_PAIR|INVALID_CURRENCY|NOT_FOUND/i.test(e.data.label)) return fail('not-found', `gate: ${text}`);
  if (/TOO_MANY_REQUESTS/i.test(e.data.label)) return fail('rate-limited', `gate: ${text}`, { retryAfterMs: 60_000 });
  return fail('http', `gate: ${text}`);
}

const tickerSchema = z.object({
  currency_pair: z.string(),
  last: num,
  /** percent, e.g. "-2.84" */
  change_percentage: maybeNum,
  base_volume: maybeNum,
  quote_volume: maybeNum,
});

/** Normalises a `/spot/tickers` body; with `pair`, only that pair's entry is used. Pure; never throws. */
export function parseTicker(raw: unknown, nowMs: number, pair?: string): Result<Ticker24h> {
  const list = validate(z.array(z.unknown()), raw);
  if (!list.ok) return venueError(raw) ?? list;
  for (const entry of list.value) {
    const t = tickerSchema.safeParse(entry);
    if (!t.success || (pair !== undefined && t.data.currency_pair.toUpperCase() !== pair)) continue;
    return {
      ok: true,
      value: {
        last: t.data.last,
        change24hPct: t.data.change_percentage,
        volumeBase: t.data.base_volume,
        volumeQuote: t.data.quote_volume,
        asOfMs: nowMs,
      },
    };
  }
  return fail('not-found', `gate: no ticker for ${pair ?? 'the pair'}`);
}

/** `[time(s), quoteVolume, close, high, low, open, baseVolume?, closed?]` */
const rowSchema = z.tuple([num, numOrNull, num, num, num, num], z.unknown());

/** Normalises a `/spot/candlesticks` body to ascending candles; malformed rows are dropped. Pure; never throws. */
export function parseCandles(raw: unknown): Result<Candle[]> {
  const rows = validate(z.array(z.unknown()), raw);
  if (!rows.ok) return venueError(raw) ?? rows;
  const out: Candle[] = [];
  for (const row of rows.value) {
    const r = rowSchema.safeParse(row);
    if (!r.success) continue;
    const [timeSec, quoteVolume, close, high, low, open] = r.data;
    const sent = Array.isArray(row) && row.length > 6 ? numOrNull.safeParse(row[6]) : undefined;
    const baseVolume = sent?.success && sent.data !== null ? sent.data : quoteVolume !== null && close > 0 ? quoteVolume / close : NaN;
    out.push({ t: timeSec * 1000, o: open, h: high, l: low, c: close, v: baseVolume });
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
  source: 'gate',
  symbol: venueSymbol,
  async fetchTicker(base: string, quote: string, opts: RequestOptions, nowMs: number): Promise<Result<Ticker24h>> {
    const pair = venueSymbol(base, quote);
    if (!pair) return fail('not-found', 'invalid symbol');
    const body = await getJson(tickerUrl(pair), z.unknown(), opts);
    if (!body.ok) return body;
    return parseTicker(body.value, nowMs, pair);
  },
  async fetchDailyCandles(base: string, quote: string, opts: RequestOptions): Promise<Result<Candle[]>> {
    const pair = venueSymbol(base, quote);
    if (!pair) return fail('not-found', 'invalid symbol');
    const body = await getJson(candlesUrl(pair), z.unknown(), opts);
    if (!body.ok) return body;
    return parseCandles(body.value);
  },
};
