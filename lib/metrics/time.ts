/**
 * UTC calendar helpers shared by the metric modules. All inputs and outputs are epoch
 * milliseconds (UTC); nothing here reads the local time zone or the clock.
 */

/** One UTC day in milliseconds (24 × 60 × 60 × 1000). */
export const DAY_MS = 86_400_000;

/**
 * 00:00 UTC of the day containing `ms`: `floor(ms / DAY_MS) × DAY_MS`.
 * @param ms epoch milliseconds
 * @returns epoch milliseconds of that UTC midnight (NaN in, NaN out)
 */
export function utcDayStart(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/**
 * 00:00 UTC on the first day of the calendar month containing `ms`, shifted by `addMonths`
 * whole months (0 = this month, 1 = next month…).
 * @param ms epoch milliseconds
 * @param addMonths whole calendar months to move forward (negative moves back)
 * @returns epoch milliseconds of that month's first UTC midnight
 */
export function utcMonthStart(ms: number, addMonths = 0): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + addMonths, 1);
}

/**
 * The instant a day or candle is judged complete against: the EARLIER of the read time and the
 * time the data was fetched. A series fetched at 23:00 and read at 01:00 still has the 23:00 view
 * of "today": its last point was in progress when fetched, so it is not a complete day (nor a
 * closed candle) however late it is read. A missing or non-finite fetch time → `nowMs`.
 *
 * @param nowMs read time, epoch ms
 * @param fetchedAtMs when the data was fetched, epoch ms
 */
export function judgedAt(nowMs: number, fetchedAtMs?: number | null): number {
  return fetchedAtMs !== undefined && fetchedAtMs !== null && Number.isFinite(fetchedAtMs) && fetchedAtMs < nowMs ? fetchedAtMs : nowMs;
}
