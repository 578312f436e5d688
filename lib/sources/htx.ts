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
import type { Candle, Result, SourceError, Ticker24h } from '../types';
import { apiUrl, getJson, validate, type RequestOptions } from './http';
import type { VenueMarketData } from './market-data';
import { num, numOrNull, z } from './zod';

const HOST = 'api.huobi.pro';
/** enough daily candles for 200-day indicators after the open candle is dropped (HTX allows 2000) */
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

/** HTX symbol, e.g. `taousdt`; undefined when either ticker is invalid. */
export function venueSymbol(base: string, quote: string): string | undefined {
  const b = cleanTicker(base);
  const q = cleanTicker(quote);
  return b && q ? `${b}${q}`.toLowerCase() : undefined;
}

export function tickerUrl(symbol: string): string {
  return apiUrl(HOST, '/market/detail/merged', { symbol });
}

export function candlesUrl(symbol: string): string {
  return apiUrl(HOST, '/market/history/kline', { symbol, period: '1day', size: CANDLE_LIMIT });
}

const envelopeSchema = z.object({
  status: z.string(),
  'err-code': z.nullish(z.string()),
  'err-msg': z.nullish(z.string()),
  ts: maybeNum,
  tick: z.optional(z.unknown()),
  data: z.optional(z.unknown()),
});

type Envelope = z.output<typeof envelopeSchema>;

/** Opens `{status, ...}`: a typed failure, or the envelope of a successful answer. */
function open(raw: unknown): Result<Envelope> {
  const env = validate(envelopeSchema, raw);
  if (!env.ok) return env;
  if (env.value.status === 'ok') return env;
  const code = env.value['err-code'] ?? '';
  const text = `${code} ${env.value['err-msg'] ?? ''}`.trim().slice(0, 120) || env.value.status.slice(0, 40);
  if (code === 'invalid-parameter' || /invalid symbol/i.test(text)) return fail('not-found', `htx: ${text}`);
  if (/limit|too-many|too many|frequen/i.test(code)) return fail('rate-limited', `htx: ${text}`, { retryAfterMs: 60_000 });
  return fail('http', `htx: ${text}`);
}

const tickSchema = z.object({
  /** open of the rolling 24 h window */
  open: maybeNum,
  /** last price */
  close: num,
  /** BASE volume, 24 h */
  amount: maybeNum,
  /** QUOTE turnover, 24 h */
  vol: maybeNum,
});

/** Normalises a `/market/detail/merged` body. Pure; never throws. */
export function parseTicker(raw: unknown, nowMs: number): Result<Ticker24h> {
  const env = open(raw);
  if (!env.ok) return env;
  const tick = validate(tickSchema, env.value.tick);
  if (!tick.ok) return tick;
  const { open: open24h, close, amount, vol } = tick.value;
  const change = open24h !== null && open24h > 0 ? ((close - open24h) / open24h) * 100 : null;
  const ts = env.value.ts;
  return {
    ok: true,
    value: {
      last: close,
      change24hPct: change !== null && Number.isFinite(change) ? change : null,
      volumeBase: amount,
      volumeQuote: vol,
      asOfMs: ts !== null && ts > 0 ? ts : nowMs,
    },
  };
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
  const rows = validate(z.array(z.unknown()), env.value.data);
  if (!rows.ok) return rows;
  const out: Candle[] = [];
  for (const row of rows.value) {
    const r = rowSchema.safeParse(row);
    if (!r.success) continue;
    const { id, open: o, high: h, low: l, close: c, amount } = r.data;
    out.push({ t: id * 1000, o, h, l, c, v: amount });
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
  source: 'htx',
  symbol: venueSymbol,
  async fetchTicker(base: string, quote: string, opts: RequestOptions, nowMs: number): Promise<Result<Ticker24h>> {
    const symbol = venueSymbol(base, quote);
    if (!symbol) return fail('not-found', 'invalid symbol');
    const body = await getJson(tickerUrl(symbol), z.unknown(), opts);
    if (!body.ok) return body;
    return parseTicker(body.value, nowMs);
  },
  async fetchDailyCandles(base: string, quote: string, opts: RequestOptions): Promise<Result<Candle[]>> {
    const symbol = venueSymbol(base, quote);
    if (!symbol) return fail('not-found', 'invalid symbol');
    const body = await getJson(candlesUrl(symbol), z.unknown(), opts);
    if (!body.ok) return body;
    return parseCandles(body.value);
  },
};
