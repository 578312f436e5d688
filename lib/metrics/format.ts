/**
 * Formatting of figures for people (the visible text of `data-metric` elements; the raw value goes
 * in `data-value`). Pure and locale-fixed: digit grouping is always en-US ("1,234.56") whatever the
 * browser's language, so tests and screenshots are stable.
 *
 * Conventions:
 * - every formatter returns '—' (U+2014) for null, undefined, NaN and ±Infinity;
 * - negative numbers use the typographic minus U+2212 ('−'), never '-', everywhere;
 * - a value that rounds to zero at the shown precision is shown without a sign;
 * - compact suffixes: K = 10³, M = 10⁶, B = 10⁹, T = 10¹².
 */
import { DAY_MS } from './time';

/** Shown for a missing value. */
export const MISSING = '—';
/** The minus sign used by every formatter (U+2212). */
export const MINUS = '\u2212';

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;

type Maybe = number | null | undefined;

function isNum(v: Maybe): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

const fixedFormatters = new Map<number, Intl.NumberFormat>();
/** en-US grouping with exactly `decimals` fraction digits: 1234.5 → "1,234.50". */
function grouped(n: number, decimals: number): string {
  let f = fixedFormatters.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: true,
    });
    fixedFormatters.set(decimals, f);
  }
  return f.format(n);
}

/** Drop trailing fraction zeros: "2.50" → "2.5", "21.0" → "21", "100" → "100". */
function stripZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** Fixed-point text with `sig` significant digits, no exponent: (0.00001234, 4) → "0.00001234". */
function sigFixed(abs: number, sig: number): string {
  const e = Math.floor(Math.log10(abs));
  return abs.toFixed(Math.min(100, Math.max(0, sig - 1 - e)));
}

/** Numeric value of a formatted string (commas removed). */
function textValue(s: string): number {
  return Number(s.replace(/,/g, ''));
}

const UNITS: ReadonlyArray<readonly [number, string]> = [
  [1e3, 'K'],
  [1e6, 'M'],
  [1e9, 'B'],
  [1e12, 'T'],
];

/**
 * `abs` scaled to the largest unit it reaches (at least K), digits from `digits`; when rounding
 * reaches 1000 of a unit (999.96K) it moves to the next unit (1.00M).
 */
function compact(abs: number, digits: (n: number) => string): string {
  let i = UNITS.length - 1;
  while (i > 0 && abs < UNITS[i]![0]) i--;
  let text = digits(abs / UNITS[i]![0]);
  if (textValue(text) >= 1000 && i < UNITS.length - 1) {
    i++;
    text = digits(abs / UNITS[i]![0]);
  }
  return text + UNITS[i]![1];
}

/** Prefix the minus sign unless the shown digits are all zero. */
function signed(negative: boolean, body: string, plus = false): string {
  const isZero = !/[1-9]/.test(body);
  if (isZero) return body;
  if (negative) return MINUS + body;
  return plus ? '+' + body : body;
}

/** Digits of a compact USD figure: 2 decimals below 10 of the unit, 1 decimal from 10. */
function usdDigits(n: number): string {
  if (n >= 1000) return grouped(n, 0);
  if (n < 10) {
    const s = n.toFixed(2);
    if (Number(s) < 10) return s;
  }
  return n.toFixed(1);
}

/**
 * US dollars for people.
 * - ≥ $10,000: compact, 3–4 significant digits: `$12.4K`, `$412.3M`, `$3.65B`, `$1.20T`;
 * - $1 – $9,999.99: two decimals with grouping: `$1,234.56`;
 * - $0.01 – $1: four decimals: `$0.0412`;
 * - below a cent: four significant digits: `$0.00001234` (exponent form below 10⁻¹⁵);
 * - zero: `$0.00`; negative: `−$1.50`.
 * @param v amount in USD
 */
export function formatUsd(v: Maybe): string {
  if (!isNum(v)) return MISSING;
  const abs = Math.abs(v);
  let body: string;
  if (abs === 0) body = '0.00';
  else if (abs >= 9_999.995) body = compact(abs, usdDigits);
  else if (abs >= 1) body = grouped(abs, 2);
  else if (abs >= 0.01) body = abs.toFixed(4);
  else if (abs >= 1e-15) body = sigFixed(abs, 4);
  else body = abs.toExponential(3);
  return signed(v < 0, '$' + body);
}

/** Digits of a compact token count: up to 3 significant digits, trailing zeros dropped. */
function countDigits(n: number): string {
  if (n >= 1000) return grouped(n, 0);
  return stripZeros(n.toPrecision(3));
}

/**
 * Token counts and other plain quantities, compact.
 * - ≥ 1,000: up to 3 significant digits with K/M/B/T: `21M`, `1.23B`, `12.4K`;
 * - 1 – 999: up to 2 decimals, trailing zeros dropped: `999`, `12.5`;
 * - below 1: up to 4 significant digits: `0.01234` (exponent form below 10⁻¹⁵);
 * - zero: `0`; negative: `−1.5K`.
 * @param v a quantity (tokens, devices…)
 */
export function formatNumber(v: Maybe): string {
  if (!isNum(v)) return MISSING;
  const abs = Math.abs(v);
  let body: string;
  if (abs === 0) body = '0';
  else if (abs >= 999.995) body = compact(abs, countDigits);
  else if (abs >= 1) body = stripZeros(abs.toFixed(2));
  else if (abs >= 1e-15) body = stripZeros(sigFixed(abs, 4));
  else body = abs.toExponential(3);
  return signed(v < 0, body);
}

/**
 * A PERCENT value (3.1 means 3.1 %, not a fraction): two decimals, a space, '%'.
 * `formatPct(3.1, { signed: true })` → `+3.10 %`; `formatPct(-2.4)` → `−2.40 %` (negatives always
 * carry U+2212; '+' only with `signed`; a value that rounds to 0.00 has no sign).
 * @param v percent
 * @param opts.signed prefix '+' on positive values (for changes)
 * @param opts.decimals fraction digits (default 2)
 */
export function formatPct(v: Maybe, opts: { signed?: boolean; decimals?: number } = {}): string {
  if (!isNum(v)) return MISSING;
  const body = grouped(Math.abs(v), opts.decimals ?? 2);
  return signed(v < 0, body, opts.signed ?? false) + ' %';
}

/**
 * A unitless multiple with '×': `2.5×`, `12.3×`, `250×`, `0.35×`.
 * ≥ 100: no decimals (grouped); 10–100: one decimal; 1–10: two decimals; below 1: two
 * significant digits; trailing zeros dropped (`2×`, not `2.00×`).
 * @param v ratio (2.5 means 2.5 times)
 */
export function formatRatio(v: Maybe): string {
  if (!isNum(v)) return MISSING;
  const abs = Math.abs(v);
  let body: string;
  if (abs === 0) body = '0';
  else if (abs >= 99.95) body = grouped(abs, 0);
  else if (abs >= 9.995) body = stripZeros(abs.toFixed(1));
  else if (abs >= 1) body = stripZeros(abs.toFixed(2));
  else if (abs >= 1e-15) body = stripZeros(sigFixed(abs, 2));
  else body = abs.toExponential(1);
  return signed(v < 0, body) + '×';
}

/**
 * How old a figure is, from its age in MILLISECONDS (now − asOf), whole units rounded down:
 * under 10 s (or negative, from clock skew) `just now`; then `45 s ago`, `12 min ago`, `3 h ago`,
 * `2 d ago`.
 * @param ageMs age in milliseconds
 */
export function formatAge(ageMs: Maybe): string {
  if (!isNum(ageMs)) return MISSING;
  if (ageMs < 10 * SECOND_MS) return 'just now';
  if (ageMs < MINUTE_MS) return `${Math.floor(ageMs / SECOND_MS)} s ago`;
  if (ageMs < HOUR_MS) return `${Math.floor(ageMs / MINUTE_MS)} min ago`;
  if (ageMs < DAY_MS) return `${Math.floor(ageMs / HOUR_MS)} h ago`;
  return `${Math.floor(ageMs / DAY_MS)} d ago`;
}

/**
 * Time until an event, whole units rounded down (both arguments epoch MILLISECONDS):
 * - at least a day away: `in 12 days` (`in 1 day`);
 * - at least an hour: `in 5 h`; at least a minute: `in 40 min`;
 * - less than a minute away, or passed within the last 24 h: `today`;
 * - passed longer ago: like `formatAge` (`3 d ago`).
 * @param targetMs when the event happens, epoch ms
 * @param nowMs current time, epoch ms
 */
export function formatCountdown(targetMs: Maybe, nowMs: Maybe): string {
  if (!isNum(targetMs) || !isNum(nowMs)) return MISSING;
  const diff = targetMs - nowMs;
  if (diff >= DAY_MS) {
    const days = Math.floor(diff / DAY_MS);
    return `in ${days} ${days === 1 ? 'day' : 'days'}`;
  }
  if (diff >= HOUR_MS) return `in ${Math.floor(diff / HOUR_MS)} h`;
  if (diff >= MINUTE_MS) return `in ${Math.floor(diff / MINUTE_MS)} min`;
  if (diff > -DAY_MS) return 'today';
  return formatAge(-diff);
}
