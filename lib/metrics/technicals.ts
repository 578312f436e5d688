/**
 * Daily technicals: SMA50, Wilder's RSI(14), support and resistance.
 *
 * Input: normalised daily candles `{ t: open time (epoch ms, UTC), o, h, l, c, v }` in USD (or
 * the quote currency of the pair). Every indicator is computed on CLOSED candles only: the candle
 * whose day has not ended yet (t + interval > now) is dropped first, because its close is just the
 * latest trade and would move the figures intraday. Providers send candles newest-first or
 * oldest-first and sometimes repeat a row; `closedCandles` sorts ascending by open time, keeps
 * the last row seen for a repeated open time and drops rows whose t/o/h/l/c are not finite.
 *
 * SMA50: arithmetic mean of the last 50 closed daily closes.
 *
 * RSI14 (J. Welles Wilder, 1978): changes d_i = close_i − close_(i−1); gain = max(d, 0),
 * loss = max(−d, 0). The first average gain/loss is the simple mean of the first 14 changes; every
 * later change updates avg = (prev × 13 + current) / 14, over ALL closed candles supplied (more
 * history = closer convergence; CONTRACT.md asks for at least 150 when the venue has them).
 * RSI = 100 − 100 / (1 + avgGain / avgLoss); 100 when avgLoss = 0, 50 when both are 0.
 *
 * Support and resistance: swing-pivot levels on daily candles.
 * - Look at the last 180 closed daily candles (`lookback`).
 * - A swing low is a candle whose low is strictly lower than the lows of the 3 candles (`wing`)
 *   on each side; a swing high is a candle whose high is strictly higher than the highs of the
 *   3 candles on each side. The last 3 candles cannot be confirmed yet and are never pivots;
 *   exactly equal neighbouring lows/highs (flat bottoms/tops) do not count.
 * - Support = the highest swing low strictly below the current price (the nearest one below).
 * - Resistance = the lowest swing high strictly above the current price (the nearest one above).
 * - When there is no such pivot the level is empty: in particular, above every swing high (price
 *   discovery) resistance stays empty rather than being invented from the all-time high.
 */
import type { Candle } from '../types';
import { DAY_MS, judgedAt } from './time';
import { pctVs } from './valuation';

/** Default swing wing: candles on each side a pivot must beat. */
export const DEFAULT_SWING_WING = 3;
/** Default number of closed daily candles searched for pivots. */
export const DEFAULT_SWING_LOOKBACK = 180;

function finiteCandle(k: Candle): boolean {
  return (
    Number.isFinite(k.t) &&
    Number.isFinite(k.o) &&
    Number.isFinite(k.h) &&
    Number.isFinite(k.l) &&
    Number.isFinite(k.c)
  );
}

/** Sorted ascending by t, de-duplicated by t (last occurrence wins), non-finite rows dropped. */
function normaliseCandles(candles: readonly Candle[], keep: (k: Candle) => boolean): Candle[] {
  const byT = new Map<number, Candle>();
  for (const k of candles) {
    if (!k || !finiteCandle(k) || !keep(k)) continue;
    byT.set(k.t, k);
  }
  const out: Candle[] = [];
  byT.forEach((k) => out.push(k));
  return out.sort((a, b) => a.t - b.t);
}

/**
 * Closed candles only, as a NEW array sorted ascending by open time.
 *
 * Keeps a candle when `t + intervalMs ≤ nowMs` (its period has fully ended); drops rows whose
 * t, o, h, l or c is not finite (volume is not used by the indicators and is not checked);
 * de-duplicates by `t`, keeping the LAST occurrence in input order. Input may be in any order.
 *
 * @param candles candles with `t` = open time in epoch ms
 * @param nowMs current time, epoch ms
 * @param intervalMs candle length in ms (default one UTC day)
 */
export function closedCandles(candles: readonly Candle[], nowMs: number, intervalMs = DAY_MS): Candle[] {
  return normaliseCandles(candles, (k) => k.t + intervalMs <= nowMs);
}

/**
 * Simple moving average: arithmetic mean of the last `period` values.
 *
 * @param closes closes, oldest first (price units, e.g. USD)
 * @param period number of values (positive integer)
 * @returns the mean in the same unit as the input; null when fewer than `period` values, when
 *   `period` is not a positive integer, or when a value in the window is not finite
 */
export function sma(closes: readonly number[], period: number): number | null {
  if (!Number.isInteger(period) || period < 1 || closes.length < period) return null;
  let sum = 0;
  for (let i = closes.length - period; i < closes.length; i++) sum += closes[i]!;
  const mean = sum / period;
  return Number.isFinite(mean) ? mean : null;
}

/**
 * Wilder's smoothed average gain and loss after the last close.
 *
 * First averages = simple means of the first `period` gains/losses; then for every later change
 * avg = (prev × (period − 1) + current) / period. Gains and losses are positive price units.
 *
 * @param closes closes, oldest first
 * @param period smoothing period (positive integer)
 * @returns `{ avgGain, avgLoss }` in price units per candle; null when fewer than period + 1
 *   closes or a value is not finite
 */
export function wilderAverages(
  closes: readonly number[],
  period = 14,
): { avgGain: number; avgLoss: number } | null {
  if (!Number.isInteger(period) || period < 1 || closes.length < period + 1) return null;
  let gainSum = 0;
  let lossSum = 0;
  for (let i = 1; i <= period; i++) {
    const d = closes[i]! - closes[i - 1]!;
    if (d > 0) gainSum += d;
    else lossSum -= d;
  }
  let avgGain = gainSum / period;
  let avgLoss = lossSum / period;
  for (let i = period + 1; i < closes.length; i++) {
    const d = closes[i]! - closes[i - 1]!;
    const gain = d > 0 ? d : 0;
    const loss = d < 0 ? -d : 0;
    avgGain = (avgGain * (period - 1) + gain) / period;
    avgLoss = (avgLoss * (period - 1) + loss) / period;
  }
  if (!Number.isFinite(avgGain) || !Number.isFinite(avgLoss)) return null;
  return { avgGain, avgLoss };
}

/**
 * Wilder's Relative Strength Index of the last close.
 *
 * RS = avgGain / avgLoss (see `wilderAverages`: simple-mean seed, then Wilder smoothing over all
 * remaining changes); RSI = 100 − 100 / (1 + RS). avgLoss = 0 gives 100, and 50 when avgGain is
 * 0 as well (a flat series).
 *
 * @param closes closed daily closes, oldest first
 * @param period RSI period (default 14)
 * @returns RSI on the 0–100 scale; null when fewer than period + 1 closes or input not finite
 */
export function rsiWilder(closes: readonly number[], period = 14): number | null {
  const avg = wilderAverages(closes, period);
  if (!avg) return null;
  const { avgGain, avgLoss } = avg;
  if (avgLoss === 0) return avgGain === 0 ? 50 : 100;
  const rsi = 100 - 100 / (1 + avgGain / avgLoss);
  // Guards against float drift just outside the scale.
  return Math.min(100, Math.max(0, rsi));
}

export interface SupportResistance {
  /** nearest swing low strictly below price, quote units (USD); null when none */
  support: number | null;
  /** nearest swing high strictly above price, quote units (USD); null when none */
  resistance: number | null;
  /** one line for the UI tooltip describing how the levels were found */
  method: string;
}

/**
 * Support and resistance from daily swing pivots (method in the comment at the top of this file).
 *
 * Swing low at i: `low[i] < low[j]` for every j within `wing` candles on either side; swing high
 * symmetric with highs. Support = max swing low < price; resistance = min swing high > price.
 *
 * @param candles CLOSED daily candles (any order; sorted and de-duplicated here, open candles
 *   should already be removed with `closedCandles`)
 * @param price current price, same unit as the candles
 * @param opts.wing candles on each side a pivot must beat (default 3)
 * @param opts.lookback how many of the most recent candles to search (default 180)
 */
export function supportResistance(
  candles: readonly Candle[],
  price: number,
  opts: { wing?: number; lookback?: number } = {},
): SupportResistance {
  const wing = Math.max(1, Math.floor(opts.wing ?? DEFAULT_SWING_WING));
  const lookback = Math.max(0, Math.floor(opts.lookback ?? DEFAULT_SWING_LOOKBACK));
  const method =
    `Nearest daily swing low below and swing high above price ` +
    `(a low/high beyond the ${wing} days on each side), last ${lookback} closed days`;
  if (!Number.isFinite(price)) return { support: null, resistance: null, method };

  const all = normaliseCandles(candles, () => true);
  const ks = lookback === 0 ? [] : all.slice(-lookback);
  let support: number | null = null;
  let resistance: number | null = null;
  for (let i = wing; i + wing < ks.length; i++) {
    const k = ks[i]!;
    let isLow = true;
    let isHigh = true;
    for (let j = i - wing; j <= i + wing && (isLow || isHigh); j++) {
      if (j === i) continue;
      const n = ks[j]!;
      if (!(k.l < n.l)) isLow = false;
      if (!(k.h > n.h)) isHigh = false;
    }
    if (isLow && k.l < price && (support === null || k.l > support)) support = k.l;
    if (isHigh && k.h > price && (resistance === null || k.h < resistance)) resistance = k.h;
  }
  return { support, resistance, method };
}

export interface CandleMetrics {
  /** SMA of the last 50 closed daily closes, price units; null with fewer than 50 */
  sma50: number | null;
  /** (price / sma50 − 1) × 100, PERCENT */
  priceVsSma50Pct: number | null;
  /** Wilder's RSI(14), 0–100 */
  rsi14: number | null;
  /** nearest swing low below price */
  support: number | null;
  /** nearest swing high above price */
  resistance: number | null;
  /** tooltip text for support/resistance */
  srMethod: string;
  /** how many closed candles the figures were computed from */
  closedCount: number;
  /** OPEN time (epoch ms) of the most recent closed candle; null when there is none */
  lastClosedMs: number | null;
}

/**
 * Every candle-based figure at once: drops the open candle (`closedCandles` with daily
 * interval), then SMA50, priceVsSma50 (percent), RSI14 and support/resistance.
 *
 * @param candles daily candles in any order, may include the open one
 * @param price current price (same unit), null when unknown (price-relative figures are then null)
 * @param nowMs current time, epoch ms
 * @param fetchedAtMs when the candles were fetched, epoch ms (default `nowMs`): a candle still open
 *   at fetch time holds a partial close however late it is read, so "closed" is judged at the
 *   earlier of the two (`judgedAt`)
 */
export function metricsFromCandles(
  candles: readonly Candle[],
  price: number | null,
  nowMs: number,
  fetchedAtMs?: number | null,
): CandleMetrics {
  const closed = closedCandles(candles, judgedAt(nowMs, fetchedAtMs));
  const closes = closed.map((k) => k.c);
  const sma50 = sma(closes, 50);
  // A missing price gives null levels (supportResistance returns nulls for a non-finite price).
  const sr = supportResistance(closed, price ?? Number.NaN);
  return {
    sma50,
    priceVsSma50Pct: pctVs(price, sma50),
    rsi14: rsiWilder(closes, 14),
    support: sr.support,
    resistance: sr.resistance,
    srMethod: sr.method,
    closedCount: closed.length,
    lastClosedMs: closed.length > 0 ? closed[closed.length - 1]!.t : null,
  };
}
