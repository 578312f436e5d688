/**
 * Formatting of figures for people (the visible text of `data-metric` elements; the raw value goes
 * in `data-value`). One way everywhere — overlay, popup, compare — with `Intl` in the UI locale
 * (lib/i18n: the locale of the `_locales` file the browser picked), so a Chinese UI reads
 * `$36.5亿` and `9天后` while an English one reads `$3.65B` and `in 9 days` (issue 9).
 *
 * Rules:
 * - prices in full with grouping; below $1, four significant digits (`$0.04123`, `$0.00001234`);
 * - totals (market cap, FDV, volume, fees, revenue, unlock values) and token supplies compact with
 *   at most 3 significant digits, small amounts included (`$4.39K`, never `$4,390.00`);
 * - counts exact with grouping (`3,127`);
 * - percentages and ratios in the locale's style (`+1.1%`, `2.37×`); the INPUT of `formatPct` is
 *   a PERCENT (3.1 means 3.1 %), not a fraction;
 * - every formatter returns '—' (U+2014) for null, undefined, NaN and ±Infinity; signs and
 *   minus characters are the locale's own (Intl), and a value that rounds to zero has no sign.
 */
import { uiLocale } from '../i18n';
import { DAY_MS } from './time';

/** Shown for a missing value. */
export const MISSING = '—';

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;

type Maybe = number | null | undefined;

function isNum(v: Maybe): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

const cache = new Map<string, Intl.NumberFormat | Intl.RelativeTimeFormat>();
function nf(key: string, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${uiLocale()}|n|${key}`;
  let f = cache.get(id) as Intl.NumberFormat | undefined;
  if (!f) cache.set(id, (f = new Intl.NumberFormat(uiLocale(), opts)));
  return f;
}
function rtf(style: 'long' | 'narrow'): Intl.RelativeTimeFormat {
  const id = `${uiLocale()}|r|${style}`;
  let f = cache.get(id) as Intl.RelativeTimeFormat | undefined;
  if (!f) cache.set(id, (f = new Intl.RelativeTimeFormat(uiLocale(), { style, numeric: 'auto' })));
  return f;
}

// `narrowSymbol`: "$" rather than "US$" in locales that would otherwise disambiguate.
const USD: Intl.NumberFormatOptions = { style: 'currency', currency: 'USD', currencyDisplay: 'narrowSymbol' };

/**
 * A price in USD, in full with grouping: two decimals from $1 (`$1,234.56`), four significant
 * digits below (`$0.04123`, `$0.00001234`).
 */
export function formatPrice(v: Maybe): string {
  if (!isNum(v)) return MISSING;
  return Math.abs(v) >= 1 || v === 0
    ? nf('p2', { ...USD, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v)
    : nf('p4', { ...USD, maximumSignificantDigits: 4 }).format(v);
}

/** A USD total, compact with at most 3 significant digits: `$3.65B`, `$12.9K`, `$4.39K`, `$412`. */
export function formatUsd(v: Maybe): string {
  if (!isNum(v)) return MISSING;
  return nf('usd', { ...USD, notation: 'compact', maximumSignificantDigits: 3 }).format(v);
}

/** A quantity of tokens (supplies, unlock amounts), compact with 3 significant digits: `21M`, `1.23B`. */
export function formatNumber(v: Maybe): string {
  if (!isNum(v)) return MISSING;
  return nf('num', { notation: 'compact', maximumSignificantDigits: 3 }).format(v);
}

/** A count, exact with grouping: `3,127`; fractional units (EiB) keep up to 2 decimals. */
export function formatCount(v: Maybe): string {
  if (!isNum(v)) return MISSING;
  return nf('cnt', { maximumFractionDigits: 2 }).format(v);
}

/**
 * A PERCENT value (3.1 means 3.1 %, not a fraction) in the locale's style: one decimal
 * (`12.5%`), two below 1 % (`0.04%`); `signed` adds '+' to positive values (changes).
 * @param v percent
 */
export function formatPct(v: Maybe, opts: { signed?: boolean } = {}): string {
  if (!isNum(v)) return MISSING;
  const small = Math.abs(v) < 1;
  const sign = opts.signed ? 'exceptZero' : 'auto';
  return nf(`pct${small ? 2 : 1}${sign}`, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: small ? 2 : 1,
    signDisplay: sign,
  }).format(v / 100);
}

/**
 * A unitless multiple with '×': `250×`, `12.3×`, `2.37×`, `0.35×` (no decimals from 100, one
 * from 10, two below; trailing zeros dropped).
 * @param v ratio (2.5 means 2.5 times)
 */
export function formatRatio(v: Maybe): string {
  if (!isNum(v)) return MISSING;
  const abs = Math.abs(v);
  const digits = abs >= 99.95 ? 0 : abs >= 9.995 ? 1 : 2;
  const small = abs > 0 && abs < 1;
  return nf(small ? 'rs' : `r${digits}`, small ? { maximumSignificantDigits: 2 } : { maximumFractionDigits: digits }).format(v) + '×';
}

/** A 0–100 index (RSI) with one decimal. */
export function formatIndex(v: Maybe): string {
  if (!isNum(v)) return MISSING;
  return nf('idx', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);
}

/**
 * How old a figure is, from its age in MILLISECONDS (now − asOf), whole units rounded down, in
 * the locale's short relative style: `now` under 10 s (or negative, from clock skew), then
 * `49s ago`, `12m ago`, `3h ago`, `2d ago` (English).
 * @param ageMs age in milliseconds
 */
export function formatAge(ageMs: Maybe): string {
  if (!isNum(ageMs)) return MISSING;
  const f = rtf('narrow');
  if (ageMs < 10 * SECOND_MS) return f.format(0, 'second');
  if (ageMs < MINUTE_MS) return f.format(-Math.floor(ageMs / SECOND_MS), 'second');
  if (ageMs < HOUR_MS) return f.format(-Math.floor(ageMs / MINUTE_MS), 'minute');
  if (ageMs < DAY_MS) return f.format(-Math.floor(ageMs / HOUR_MS), 'hour');
  return f.format(-Math.floor(ageMs / DAY_MS), 'day');
}

/**
 * Time until an event (both arguments epoch MILLISECONDS), whole units rounded down:
 * `in 12 days`, `in 5 hours`, `in 40 minutes`; `today` when less than a minute away or passed
 * within the last 24 h; older, like `formatAge`. `narrow` gives the short form (`in 12d`).
 */
export function formatCountdown(targetMs: Maybe, nowMs: Maybe, style: 'long' | 'narrow' = 'long'): string {
  if (!isNum(targetMs) || !isNum(nowMs)) return MISSING;
  const diff = targetMs - nowMs;
  const f = rtf(style);
  if (diff >= DAY_MS) return f.format(Math.floor(diff / DAY_MS), 'day');
  if (diff >= HOUR_MS) return f.format(Math.floor(diff / HOUR_MS), 'hour');
  if (diff >= MINUTE_MS) return f.format(Math.floor(diff / MINUTE_MS), 'minute');
  if (diff > -DAY_MS) return f.format(0, 'day');
  return formatAge(-diff);
}

/** A month's short name in the UI locale (UTC), for the unlock bars. */
export function formatMonth(ms: number): string {
  return new Date(ms).toLocaleString(uiLocale(), { month: 'short', timeZone: 'UTC' });
}
