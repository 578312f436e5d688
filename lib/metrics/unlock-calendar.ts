/**
 * The watchlist's unlock calendar (issue 13; CONTRACT.md, "Sector context and the unlock
 * calendar"): one row per scheduled cliff unlock per token in the next `days` days, earliest
 * first; linear streams summarised per token; tokens without a schedule listed once. Pure: the
 * worker feeds it the cached, already parsed emission schedules (lib/engine/calendar.ts).
 *
 * Units: amounts in tokens, values in USD, `pctCirculating` in PERCENT (2.5 = 2.5 %), times in
 * epoch ms. A row's `unlockPressure` is that unlock's USD value ÷ the token's 24h volume (USD): how
 * many days of trading the unlock equals, the per-unlock counterpart of the 30-day `unlockPressure`
 * of CONTRACT.md's metric table.
 */
import type { EmissionSchedule, UnlockAllocation } from '../types';
import { DAY_MS } from './time';
import { mergeCliffs } from './unlocks';
import { isFiniteNumber, product, ratio } from './valuation';

export const CALENDAR_DAYS = 90;
/** rows closer than this are marked "soon" */
export const SOON_DAYS = 7;

export interface CalendarToken {
  /** ticker as on the watchlist */
  symbol: string;
  name: string | null;
  /** the normalised schedule; null when no public schedule covers the token */
  schedule: EmissionSchedule | null;
  priceUsd: number | null;
  circulatingSupply: number | null;
  volume24hUsd: number | null;
}

/** What the worker sends the unlocks page and the popup (message `unlockCalendar`). */
export interface CalendarInput {
  /** the active watchlist's name */
  watchlist: string | null;
  /** watchlist order */
  tokens: CalendarToken[];
  /** tickers whose schedule feed failed (not the same as having no public schedule) */
  unavailable: string[];
  /** epoch ms the worker answered */
  asOfMs: number;
}

export interface CalendarRow {
  symbol: string;
  name: string | null;
  /** epoch ms of the unlock */
  atMs: number;
  /** tokens released at that instant, all allocations summed */
  amount: number;
  /** PERCENT of circulating supply; null when circulating is unknown */
  pctCirculating: number | null;
  /** USD at today's price; null without a price */
  valueUsd: number | null;
  /** ratio: valueUsd ÷ 24h volume (USD); null without either */
  unlockPressure: number | null;
  /** who receives it, largest first (recipients with the same name summed) */
  recipients: UnlockAllocation[];
}

export interface LinearSummary {
  symbol: string;
  /** tokens per week released by the streams running at `fromMs` */
  tokensPerWeek: number;
  /** USD per week at today's price */
  valuePerWeekUsd: number | null;
  /** epoch ms the summarised rate applies from (now, or a stream's later start in the window) */
  fromMs: number;
  /** epoch ms the last of those streams ends; null when open-ended */
  untilMs: number | null;
  recipients: string[];
}

export interface CalendarResult {
  generatedAtMs: number;
  days: number;
  rows: CalendarRow[];
  linear: LinearSummary[];
  /** tickers with a schedule but nothing in the window */
  quiet: string[];
  /** tickers without a public schedule, once each, in watchlist order */
  noSchedule: string[];
}

/**
 * Calendar rows and summaries for the window (nowMs, nowMs + days × DAY_MS): cliffs strictly after
 * now (as `nextUnlock` counts them) and strictly before the window's end, with a positive amount.
 */
export function buildCalendar(tokens: readonly CalendarToken[], nowMs: number, days = CALENDAR_DAYS): CalendarResult {
  const endMs = nowMs + days * DAY_MS;
  const rows: CalendarRow[] = [];
  const linear: LinearSummary[] = [];
  const quiet: string[] = [];
  const noSchedule: string[] = [];
  const seen = new Set<string>();
  for (const t of tokens) {
    if (seen.has(t.symbol)) continue;
    seen.add(t.symbol);
    if (!t.schedule) {
      noSchedule.push(t.symbol);
      continue;
    }
    let any = false;
    for (const c of mergeCliffs(t.schedule.cliffs)) {
      if (!(c.atMs > nowMs && c.atMs < endMs && c.amount > 0)) continue;
      any = true;
      const valueUsd = product(c.amount, t.priceUsd);
      const pct = ratio(c.amount, t.circulatingSupply);
      rows.push({
        symbol: t.symbol,
        name: t.name,
        atMs: c.atMs,
        amount: c.amount,
        pctCirculating: pct === null ? null : pct * 100,
        valueUsd,
        unlockPressure: ratio(valueUsd, t.volume24hUsd),
        recipients: c.allocations.filter((a) => a.amount > 0).sort((a, b) => b.amount - a.amount),
      });
    }
    const lin = linearSummary(t, nowMs, endMs);
    if (lin) {
      any = true;
      linear.push(lin);
    }
    if (!any) quiet.push(t.symbol);
  }
  rows.sort((a, b) => a.atMs - b.atMs || a.symbol.localeCompare(b.symbol));
  return { generatedAtMs: nowMs, days, rows, linear, quiet, noSchedule };
}

/**
 * One line per token for its linear streams: the rate of the streams running at
 * t0 = max(now, earliest start among streams overlapping the window), × 7 for a week, until the
 * latest end among them (null when one is open-ended). Undefined when no stream overlaps.
 */
export function linearSummary(t: CalendarToken, nowMs: number, endMs: number): LinearSummary | undefined {
  const overlapping = (t.schedule?.linear ?? []).filter(
    (s) => isFiniteNumber(s.ratePerDay) && s.ratePerDay > 0 && s.startMs < endMs && s.endMs > nowMs,
  );
  if (overlapping.length === 0) return undefined;
  const fromMs = Math.max(nowMs, Math.min(...overlapping.map((s) => s.startMs)));
  const running = overlapping.filter((s) => s.startMs <= fromMs && s.endMs > fromMs);
  const perDay = running.reduce((sum, s) => sum + s.ratePerDay, 0);
  const lastEnd = Math.max(...running.map((s) => s.endMs));
  const tokensPerWeek = perDay * 7;
  return {
    symbol: t.symbol,
    tokensPerWeek,
    valuePerWeekUsd: product(tokensPerWeek, t.priceUsd),
    fromMs,
    untilMs: Number.isFinite(lastEnd) ? lastEnd : null,
    recipients: [...new Set(running.map((s) => s.recipient))],
  };
}

/** Whole days from now until `atMs`, rounded up (an unlock in 3 h is "in 1 day"). */
export function daysUntil(atMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil((atMs - nowMs) / DAY_MS));
}

/** Whether a row falls within the next SOON_DAYS days. */
export function isSoon(atMs: number, nowMs: number): boolean {
  return atMs - nowMs <= SOON_DAYS * DAY_MS;
}
