/**
 * Fees and revenue figures from DefiLlama daily series (`totalDataChart`, one USD value per UTC
 * day). CONTRACT.md: fees24h/revenue24h = the last complete UTC day; fees30d/revenue30d = the sum
 * of the last 30 complete UTC days; revenueAnnualized = revenue30d × 365 / 30.
 *
 * Only complete UTC days count: a day is complete when dayMs + DAY_MS ≤ now, so today's partial
 * day (DefiLlama includes it) is dropped. DefiLlama skips days, so missing days are reported, not
 * filled with zeros. Negative values (Aethir revenue can be negative) are kept as they are.
 */
import type { DailyValue } from '../types';
import { DAY_MS, judgedAt, utcDayStart } from './time';

/** Days in the rolling window of the "30d" figures. */
export const WINDOW_DAYS = 30;

export interface DailyFigures {
  /** USD value of the LAST COMPLETE UTC day (yesterday relative to now); null when that day is missing */
  last24h: number | null;
  /** USD sum over the 30 complete UTC days ending yesterday (inclusive); null when none is present */
  last30d: number | null;
  /** 00:00 UTC (epoch ms) of the most recent complete day present in the data; null when none */
  lastCompleteDayMs: number | null;
  /** how many of the 30 window days are present (0–30), for "27 of 30 days" */
  daysIn30d: number;
  /** last30d × 365 / 30, USD per year; null when last30d is null */
  annualized: number | null;
}

/**
 * Complete UTC days from a daily series: non-finite rows dropped, `dayMs` floored to 00:00 UTC,
 * duplicate days resolved to the LAST occurrence in input order, days not yet ended
 * (dayMs + DAY_MS > nowMs) dropped. Returned ascending by day.
 *
 * @param daily `{ dayMs: 00:00 UTC epoch ms, usd }` in any order
 * @param nowMs current time, epoch ms
 */
export function completeDays(daily: readonly DailyValue[], nowMs: number): DailyValue[] {
  const byDay = new Map<number, number>();
  for (const d of daily) {
    if (!d || !Number.isFinite(d.dayMs) || !Number.isFinite(d.usd)) continue;
    const dayMs = utcDayStart(d.dayMs);
    if (dayMs + DAY_MS > nowMs) continue;
    byDay.set(dayMs, d.usd);
  }
  const out: DailyValue[] = [];
  byDay.forEach((usd, dayMs) => out.push({ dayMs, usd }));
  return out.sort((a, b) => a.dayMs - b.dayMs);
}

/**
 * 24h, 30d and annualized figures of a daily USD series (fees or revenue), complete UTC days only.
 *
 * - last24h = value of yesterday (the last complete UTC day relative to `nowMs`), null if absent;
 * - last30d = Σ values of the days in [yesterday − 29 d, yesterday], null if none present (a
 *   partial window is summed as it is; `daysIn30d` says how many days it covers);
 * - annualized = last30d × 365 / 30.
 *
 * @param daily `{ dayMs: 00:00 UTC epoch ms, usd: USD }`, any order, may include today's partial
 *   day, duplicates (last wins) and non-finite values (dropped)
 * @param nowMs current time, epoch ms
 * @param fetchedAtMs when the series was fetched, epoch ms (default `nowMs`): days are judged
 *   complete, and "yesterday" is placed, at the earlier of the two (`judgedAt`)
 * @returns USD figures (see `DailyFigures`)
 */
export function dailyFigures(daily: readonly DailyValue[], readAtMs: number, fetchedAtMs?: number | null): DailyFigures {
  const nowMs = judgedAt(readAtMs, fetchedAtMs);
  const days = completeDays(daily, nowMs);
  const yesterday = utcDayStart(nowMs) - DAY_MS;
  const windowStart = yesterday - (WINDOW_DAYS - 1) * DAY_MS;
  let last24h: number | null = null;
  let sum = 0;
  let daysIn30d = 0;
  for (const d of days) {
    if (d.dayMs === yesterday) last24h = d.usd;
    if (d.dayMs >= windowStart && d.dayMs <= yesterday) {
      sum += d.usd;
      daysIn30d++;
    }
  }
  const last30d = daysIn30d > 0 && Number.isFinite(sum) ? sum : null;
  return {
    last24h,
    last30d,
    lastCompleteDayMs: days.length > 0 ? days[days.length - 1]!.dayMs : null,
    daysIn30d,
    annualized: last30d === null ? null : (last30d * 365) / WINDOW_DAYS,
  };
}

/**
 * Values for a small trend chart: the complete UTC days within the last `days` complete days
 * (ending yesterday), oldest first. Missing days are OMITTED, not filled with 0, so the array
 * can be shorter than `days` and its points are not evenly spaced when the source skips days.
 *
 * @param daily daily USD values, any order
 * @param nowMs current time, epoch ms
 * @param days window length in days (default 30)
 * @param fetchedAtMs when the series was fetched, epoch ms (see `dailyFigures`)
 * @returns USD values, oldest first
 */
export function sparkline(daily: readonly DailyValue[], readAtMs: number, days = WINDOW_DAYS, fetchedAtMs?: number | null): number[] {
  const nowMs = judgedAt(readAtMs, fetchedAtMs);
  const yesterday = utcDayStart(nowMs) - DAY_MS;
  const windowStart = yesterday - (days - 1) * DAY_MS;
  return completeDays(daily, nowMs)
    .filter((d) => d.dayMs >= windowStart)
    .map((d) => d.usd);
}
