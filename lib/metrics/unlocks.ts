/**
 * Token unlock and emission figures from a normalised DefiLlama emission schedule
 * (`EmissionSchedule`: cliff unlocks at instants, linear segments releasing `ratePerDay` tokens per
 * day between `startMs` and `endMs`). CONTRACT.md definitions:
 *
 * - nextUnlockDate/Amount: first cliff strictly after now with a positive amount (all allocations
 *   at that timestamp summed);
 * - nextUnlockValue = amount × price (USD); nextUnlockPctCirculating = amount / circulating × 100
 *   (PERCENT);
 * - unlocks30dValue = tokens released in [now, now + 30 d) (cliff + linear) × price (USD);
 * - unlockPressure = unlocks30dValue / volume24h (ratio);
 * - emissions30dValue = tokens released in [now − 30 d, now) × price (USD). When the schedule
 *   carries DefiLlama's `documentedData` (cumulative unlocked per allocation) covering that window,
 *   the tokens are read from it (the most direct record); the event schedule's own figure is
 *   returned beside it as a cross-check;
 * - revenueToEmissions = revenue30d / emissions30dValue (ratio; null when emissions value ≤ 0).
 *
 * All values are at today's price. Missing inputs give null, never zero.
 */
import type { CliffUnlock, EmissionSchedule, LinearSegment, UnlockAllocation } from '../types';
import { DAY_MS, utcMonthStart } from './time';
import { isFiniteNumber, product, ratio } from './valuation';

/**
 * Cliffs merged by timestamp, ascending. Entries sharing `atMs` become one cliff whose `amount` is
 * the sum of the entries' amounts and whose allocations are concatenated, with allocations to the
 * same recipient summed (DefiLlama can list one recipient twice in an event). Entries with a
 * non-finite time or amount, and allocations with a non-finite amount, are dropped.
 *
 * @param cliffs cliff unlocks, any order (amounts in tokens, times in epoch ms)
 */
export function mergeCliffs(cliffs: readonly CliffUnlock[]): CliffUnlock[] {
  const byTime = new Map<number, { amount: number; allocations: Map<string, UnlockAllocation> }>();
  for (const c of cliffs) {
    if (!c || !isFiniteNumber(c.atMs) || !isFiniteNumber(c.amount)) continue;
    let slot = byTime.get(c.atMs);
    if (!slot) {
      slot = { amount: 0, allocations: new Map() };
      byTime.set(c.atMs, slot);
    }
    slot.amount += c.amount;
    for (const a of c.allocations ?? []) {
      if (!a || !isFiniteNumber(a.amount)) continue;
      const prev = slot.allocations.get(a.recipient);
      if (prev) prev.amount += a.amount;
      else slot.allocations.set(a.recipient, { ...a });
    }
  }
  const out: CliffUnlock[] = [];
  byTime.forEach((slot, atMs) => {
    const allocations: UnlockAllocation[] = [];
    slot.allocations.forEach((a) => allocations.push(a));
    out.push({ atMs, amount: slot.amount, allocations });
  });
  return out.sort((a, b) => a.atMs - b.atMs);
}

/**
 * The next cliff unlock: the first merged cliff with `atMs > nowMs` (strictly after now) and
 * `amount > 0`.
 *
 * @param nowMs current time, epoch ms
 * @returns the merged cliff (amount in tokens), or null when none is scheduled
 */
export function nextUnlock(s: EmissionSchedule, nowMs: number): CliffUnlock | null {
  for (const c of mergeCliffs(s.cliffs)) {
    if (c.atMs > nowMs && c.amount > 0) return c;
  }
  return null;
}

/**
 * Tokens released by cliffs with `fromMs ≤ atMs < toMs` (only positive, finite amounts).
 * @returns tokens; 0 when the window is empty or not finite
 */
export function cliffReleasedBetween(s: EmissionSchedule, fromMs: number, toMs: number): number {
  if (!(fromMs < toMs)) return 0;
  let total = 0;
  for (const c of s.cliffs) {
    if (!c || !isFiniteNumber(c.atMs) || !isFiniteNumber(c.amount) || c.amount <= 0) continue;
    if (c.atMs >= fromMs && c.atMs < toMs) total += c.amount;
  }
  return total;
}

/**
 * Tokens released by linear segments within [fromMs, toMs): for each segment,
 * overlap(ms) / DAY_MS × ratePerDay, where overlap = max(0, min(toMs, endMs) − max(fromMs, startMs)).
 * Segments with a non-finite or non-positive rate or a NaN bound are skipped; an `endMs` of
 * +Infinity means open-ended.
 * @returns tokens (pro-rated by the millisecond); 0 when the window is empty or not finite
 */
export function linearReleasedBetween(s: EmissionSchedule, fromMs: number, toMs: number): number {
  if (!(fromMs < toMs) || !Number.isFinite(fromMs) || !Number.isFinite(toMs)) return 0;
  let total = 0;
  for (const seg of s.linear as readonly LinearSegment[]) {
    if (!seg || !isFiniteNumber(seg.ratePerDay) || seg.ratePerDay <= 0) continue;
    if (Number.isNaN(seg.startMs) || Number.isNaN(seg.endMs)) continue;
    const overlap = Math.min(toMs, seg.endMs) - Math.max(fromMs, seg.startMs);
    if (overlap > 0) total += (overlap / DAY_MS) * seg.ratePerDay;
  }
  return total;
}

/**
 * Tokens released in the half-open window [fromMs, toMs): cliffs with fromMs ≤ atMs < toMs plus
 * each linear segment's overlap with the window × ratePerDay (pro-rated by ms).
 *
 * @param fromMs window start, epoch ms (inclusive)
 * @param toMs window end, epoch ms (exclusive)
 * @returns tokens; 0 when nothing is scheduled or the window is empty
 */
export function releasedBetween(s: EmissionSchedule, fromMs: number, toMs: number): number {
  return cliffReleasedBetween(s, fromMs, toMs) + linearReleasedBetween(s, fromMs, toMs);
}

export interface MonthUnlocks {
  /** 00:00 UTC on the 1st of the calendar month, epoch ms */
  monthStartMs: number;
  /** tokens released by cliffs in the month (the current month counted from now) */
  cliff: number;
  /** tokens released by linear segments in the month (the current month counted from now) */
  linear: number;
}

/**
 * Scheduled releases per calendar UTC month, `months` entries starting with the current month.
 * The current month's window is [nowMs, start of next month) — releases earlier this month are
 * already past; later months are whole: [monthStart, nextMonthStart).
 *
 * @param nowMs current time, epoch ms
 * @param months number of months (default 6)
 * @returns one entry per month, amounts in tokens
 */
export function upcomingByMonth(s: EmissionSchedule, nowMs: number, months = 6): MonthUnlocks[] {
  const out: MonthUnlocks[] = [];
  for (let m = 0; m < months; m++) {
    const monthStartMs = utcMonthStart(nowMs, m);
    const from = m === 0 ? nowMs : monthStartMs;
    const to = utcMonthStart(nowMs, m + 1);
    out.push({
      monthStartMs,
      cliff: cliffReleasedBetween(s, from, to),
      linear: linearReleasedBetween(s, from, to),
    });
  }
  return out;
}

/**
 * Cumulative tokens of one documented series at `tMs`: linear between points; 0 before the first
 * point (the allocation had not started; the source keeps the point before its trimmed range);
 * the last value after the last point.
 */
export function cumulativeAt(points: ReadonlyArray<{ tMs: number; unlocked: number }>, tMs: number): number {
  if (points.length === 0 || tMs < points[0]!.tMs) return 0;
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i]!;
    if (p.tMs <= tMs) {
      const next = points[i + 1];
      if (!next || next.tMs === p.tMs) return p.unlocked;
      return p.unlocked + ((next.unlocked - p.unlocked) * (tMs - p.tMs)) / (next.tMs - p.tMs);
    }
  }
  return 0;
}

/**
 * Tokens released in [fromMs, toMs) per `documentedData`: Σ over allocations of the change in the
 * cumulative unlocked amount. Null when there is no documented series or none reaches within 7
 * days of `toMs` (a record that stops early would read as "nothing released").
 */
export function documentedReleasedBetween(s: EmissionSchedule, fromMs: number, toMs: number): number | null {
  const docs = s.documented ?? [];
  if (docs.length === 0 || !(fromMs < toMs)) return null;
  const reach = Math.max(...docs.map((d) => (d.points.length ? d.points[d.points.length - 1]!.tMs : -Infinity)));
  if (!(reach >= toMs - 7 * DAY_MS)) return null;
  let total = 0;
  for (const d of docs) total += Math.max(0, cumulativeAt(d.points, toMs) - cumulativeAt(d.points, fromMs));
  return Number.isFinite(total) ? total : null;
}

/** Documented and scheduled releases differing by more than this fraction are flagged. */
export const CROSS_CHECK_TOLERANCE = 0.25;

export interface UnlockFigures {
  /** epoch ms of the next cliff unlock (ISO in the UI), null when none */
  nextUnlockDateMs: number | null;
  /** tokens released by that cliff */
  nextUnlockAmount: number | null;
  /** USD: nextUnlockAmount × price */
  nextUnlockValueUsd: number | null;
  /** PERCENT: nextUnlockAmount / circulatingSupply × 100 */
  nextUnlockPctCirculating: number | null;
  /** USD: tokens released in [now, now + 30 d) × price */
  unlocks30dValueUsd: number | null;
  /** ratio: unlocks30dValueUsd / volume24hUsd */
  unlockPressure: number | null;
  /** USD: tokens released in [now − 30 d, now) × price (documented record when present, else schedule) */
  emissions30dValueUsd: number | null;
  /** where the emitted tokens came from */
  emissionsBasis: 'documented' | 'schedule';
  /** tokens released in the last 30 days per the event schedule */
  emissions30dScheduleTokens: number;
  /** tokens released in the last 30 days per `documentedData`; null when not usable */
  emissions30dDocumentedTokens: number | null;
  /** true when both are known and differ by more than CROSS_CHECK_TOLERANCE of the larger */
  emissionsDisagree: boolean;
  /** ratio: revenue30dUsd / emissions30dValueUsd (null when emissions value ≤ 0) */
  revenueToEmissions: number | null;
  /** the merged next cliff, for the allocation breakdown */
  next: CliffUnlock | null;
}

/** 30 days in ms, the window of the "30d" unlock and emission figures. */
const WINDOW_MS = 30 * DAY_MS;

/**
 * Every unlock figure of CONTRACT.md at once (formulas in the comment at the top of this file).
 *
 * @param nowMs current time, epoch ms
 * @param priceUsd token price, USD; null → every USD value is null
 * @param circulatingSupply tokens; null or ≤ 0 → nextUnlockPctCirculating null
 * @param volume24hUsd USD; null or ≤ 0 → unlockPressure null
 * @param revenue30dUsd USD (may be negative); null → revenueToEmissions null
 */
export function unlockFigures(
  s: EmissionSchedule,
  nowMs: number,
  priceUsd: number | null,
  circulatingSupply: number | null,
  volume24hUsd: number | null,
  revenue30dUsd: number | null,
): UnlockFigures {
  const next = nextUnlock(s, nowMs);
  const amount = next ? next.amount : null;
  const pctFraction = ratio(amount, circulatingSupply);
  const unlocks30dValueUsd = product(releasedBetween(s, nowMs, nowMs + WINDOW_MS), priceUsd);
  const scheduled = releasedBetween(s, nowMs - WINDOW_MS, nowMs);
  const documented = documentedReleasedBetween(s, nowMs - WINDOW_MS, nowMs);
  const emitted = documented ?? scheduled;
  const larger = Math.max(Math.abs(scheduled), Math.abs(documented ?? 0));
  const emissionsDisagree = documented !== null && larger > 0 && Math.abs(documented - scheduled) > CROSS_CHECK_TOLERANCE * larger;
  const emissions30dValueUsd = product(emitted, priceUsd);
  return {
    nextUnlockDateMs: next ? next.atMs : null,
    nextUnlockAmount: amount,
    nextUnlockValueUsd: product(amount, priceUsd),
    nextUnlockPctCirculating: pctFraction === null ? null : pctFraction * 100,
    unlocks30dValueUsd,
    unlockPressure: ratio(unlocks30dValueUsd, volume24hUsd),
    emissions30dValueUsd,
    emissionsBasis: documented !== null ? 'documented' : 'schedule',
    emissions30dScheduleTokens: scheduled,
    emissions30dDocumentedTokens: documented,
    emissionsDisagree,
    revenueToEmissions: ratio(revenue30dUsd, emissions30dValueUsd),
    next,
  };
}
