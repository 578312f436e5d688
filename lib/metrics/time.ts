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
