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
import { apiUrl, validate } from './http';
import { candlesFromRows, defineVenueMarketData, fail, optNum, pairSymbol, strictTicker, tickerOk, venueFail } from './venue-common';
import { isTickerText } from '../exchanges/ticker-text';
import { anyValue, array, num, numOrNull, optional, str, tuple, z } from './zod';
import { ok } from './result';

const HOST = 'api.gateio.ws';
/** enough daily candles for 200-day indicators after the open candle is dropped (Gate allows 1000) */
const CANDLE_LIMIT = 250;

/**
 * Gate pair, e.g. `TAO_USDT`; undefined when either ticker is invalid. Gate also lists tokens
 * named in CJK characters (`人生K线_USDT`): such a base is accepted as detected (already NFC and
 * checked, lib/exchanges/ticker-text.ts); `apiUrl` percent-encodes it in the query.
 */
export function venueSymbol(base: string, quote: string): string | undefined {
  return pairSymbol(base, quote, (b, q) => `${b}_${q}`, (t) => strictTicker(t) ?? (isTickerText(t) ? t : undefined));
}

export function tickerUrl(pair: string): string {
  return apiUrl(HOST, '/api/v4/spot/tickers', { currency_pair: pair });
}

export function candlesUrl(pair: string): string {
  return apiUrl(HOST, '/api/v4/spot/candlesticks', { currency_pair: pair, interval: '1d', limit: CANDLE_LIMIT });
}

/** Gate error body, e.g. `{"label":"INVALID_CURRENCY_PAIR","message":"..."}` */
const errorSchema = z.object({ label: str, message: optional(str) });

function venueError(raw: unknown): { ok: false; error: SourceError } | undefined {
  const e = errorSchema.safeParse(raw);
  if (!e.success) return undefined;
  const text = `${e.data.label}${e.data.message ? `: ${e.data.message}` : ''}`.slice(0, 120);
  return venueFail(`gate: ${text}`, /INVALID_CURRENCY_PAIR|INVALID_CURRENCY|NOT_FOUND/i.test(e.data.label), /TOO_MANY_REQUESTS/i.test(e.data.label));
}

const tickerSchema = z.object({
  currency_pair: str,
  last: num,
  /** percent, e.g. "-2.84" */
  change_percentage: optNum,
  base_volume: optNum,
  quote_volume: optNum,
});

/** Normalises a `/spot/tickers` body; with `pair`, only that pair's entry is used. Pure; never throws. */
export function parseTicker(raw: unknown, nowMs: number, pair?: string): Result<Ticker24h> {
  const list = validate(array(anyValue), raw);
  if (!list.ok) return venueError(raw) ?? list;
  for (const entry of list.value) {
    const t = tickerSchema.safeParse(entry);
    if (!t.success || (pair !== undefined && t.data.currency_pair.toUpperCase() !== pair)) continue;
    return tickerOk(t.data.last, t.data.change_percentage, t.data.base_volume, t.data.quote_volume, null, nowMs);
  }
  return fail('not-found', `gate: no ticker for ${pair ?? 'the pair'}`);
}

/** `[time(s), quoteVolume, close, high, low, open, baseVolume?, closed?]` */
const rowSchema = tuple([num, numOrNull, num, num, num, num], 'rest');

/** Normalises a `/spot/candlesticks` body to ascending candles; malformed rows are dropped. Pure; never throws. */
export function parseCandles(raw: unknown): Result<Candle[]> {
  const rows = validate(array(anyValue), raw);
  if (!rows.ok) return venueError(raw) ?? rows;
  const candles = candlesFromRows(rows.value, rowSchema, ([timeSec, quoteVolume, close, high, low, open], row) => {
    const sent = Array.isArray(row) && row.length > 6 ? numOrNull.safeParse(row[6]) : undefined;
    const baseVolume = sent?.success && sent.data !== null ? sent.data : quoteVolume !== null && close > 0 ? quoteVolume / close : NaN;
    return { t: timeSec * 1000, o: open, h: high, l: low, c: close, v: baseVolume };
  });
  return ok(candles);
}

export const venueMarketData = defineVenueMarketData({ source: 'gate', symbol: venueSymbol, tickerUrl, candlesUrl, parseTicker, parseCandles });
