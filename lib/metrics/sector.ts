/**
 * Sector context (issue 13; CONTRACT.md, "Sector context and the unlock calendar"): the median of
 * a ratio over the members of a sector, and the compact-view chip rule. Pure functions, no I/O.
 *
 * Which figures count (documented in README, "Sector context"):
 * - `fdvToMcap` and `fdvToRevenue` are valuation multiples: only finite values > 0 count. A zero
 *   or negative multiple can only come from a missing or broken input (fdvToRevenue is already
 *   empty when revenue ≤ 0, CONTRACT.md metric table), so such a member simply lacks the figure.
 * - `revenueToEmissions` and `unlockPressure`: finite values ≥ 0 count. Zero is a real answer
 *   ("no unlocks in the next 30 days", "no revenue against emissions") and belongs in the median;
 *   a negative value (negative revenue) is not comparable and is left out.
 * - null, undefined, NaN and ±Infinity never count.
 *
 * The median needs at least `MIN_MEMBERS` (3) members with the figure, else it is undefined and
 * nothing is shown: a "median" of two is just their mean and of one is the asset itself.
 */
import type { DailyValue, EmissionSchedule, MarketSnapshot } from '../types';
import { fdv, ratio } from './valuation';
import { dailyFigures } from './revenue';
import { unlockFigures } from './unlocks';

/** The four ratios that get a sector median. */
export type SectorMetricId = 'fdvToMcap' | 'fdvToRevenue' | 'revenueToEmissions' | 'unlockPressure';

export const SECTOR_METRICS: readonly SectorMetricId[] = ['fdvToMcap', 'fdvToRevenue', 'revenueToEmissions', 'unlockPressure'];

/** fewest members with a figure for a median to be shown */
export const MIN_MEMBERS = 3;

/** how far from the median (a factor, both ways) an asset must sit to earn a chip */
export const CHIP_FACTOR = 3;

/**
 * Whether a larger value is worse for a holder:
 * - fdvToMcap: more supply still to come onto the market → worse;
 * - fdvToRevenue: a higher multiple of revenue → more expensive → worse;
 * - unlockPressure: more unlocked value per day of volume → worse;
 * - revenueToEmissions: more revenue per dollar of emissions → better.
 */
export const HIGHER_IS_WORSE: Readonly<Record<SectorMetricId, boolean>> = {
  fdvToMcap: true,
  fdvToRevenue: true,
  unlockPressure: true,
  revenueToEmissions: false,
};

/** Whether `v` is a figure of `metric` that may enter the median (rules at the top of the file). */
export function usableFigure(metric: SectorMetricId, v: unknown): v is number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return false;
  return metric === 'fdvToMcap' || metric === 'fdvToRevenue' ? v > 0 : v >= 0;
}

/** Median of finite numbers: middle value, or the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number | undefined {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return undefined;
  const mid = xs.length >> 1;
  return xs.length % 2 === 1 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
}

export interface SectorMember {
  symbol: string;
  /** the member's figure (unit of the metric: a ratio) */
  value: number | null | undefined;
  /** epoch ms of the data behind the figure; null when unknown */
  asOfMs: number | null;
}

export interface SectorMedian {
  metric: SectorMetricId;
  /** median of the used members' figures (ratio) */
  median: number;
  /** members whose figure entered the median, in input order */
  members: Array<{ symbol: string; asOfMs: number | null }>;
  /** epoch ms of the oldest data among them (null when none carries a time) */
  oldestAsOfMs: number | null;
}

/**
 * The sector median of one metric over the members that have it (the asset itself is expected
 * among `members`, like any other member).
 * @returns undefined when fewer than MIN_MEMBERS members have a usable figure
 */
export function sectorMedian(metric: SectorMetricId, members: readonly SectorMember[]): SectorMedian | undefined {
  const used = members.filter((m) => usableFigure(metric, m.value));
  if (used.length < MIN_MEMBERS) return undefined;
  const med = median(used.map((m) => m.value as number));
  if (med === undefined) return undefined;
  const times = used.flatMap((m) => (typeof m.asOfMs === 'number' && Number.isFinite(m.asOfMs) ? [m.asOfMs] : []));
  return {
    metric,
    median: med,
    members: used.map((m) => ({ symbol: m.symbol, asOfMs: m.asOfMs })),
    oldestAsOfMs: times.length ? Math.min(...times) : null,
  };
}

export interface SectorChip {
  metric: SectorMetricId;
  /** value ÷ median */
  factor: number;
  /** 'above': more than CHIP_FACTOR × the median; 'below': less than 1 / CHIP_FACTOR of it */
  side: 'above' | 'below';
  /** whether that side is bad news for a holder (HIGHER_IS_WORSE) */
  tone: 'worse' | 'better';
}

/**
 * The chip rule: an asset earns a chip for a metric when its figure is more than 3× the sector
 * median or less than ⅓ of it (strictly). Needs a usable figure and a median > 0 (a zero median,
 * e.g. no unlocks across the sector, has no meaningful multiple).
 */
export function chipFor(metric: SectorMetricId, value: number | null | undefined, med: number | null | undefined): SectorChip | null {
  if (!usableFigure(metric, value) || typeof med !== 'number' || !Number.isFinite(med) || med <= 0) return null;
  const factor = value / med;
  let side: SectorChip['side'];
  if (factor > CHIP_FACTOR) side = 'above';
  else if (factor < 1 / CHIP_FACTOR) side = 'below';
  else return null;
  const worse = (side === 'above') === HIGHER_IS_WORSE[metric];
  return { metric, factor, side, tone: worse ? 'worse' : 'better' };
}

/**
 * The one chip the compact view carries: the metric furthest from its median (largest
 * |log(factor)|), preferring bad news on a tie. A zero value (factor 0) counts as furthest.
 */
export function pickChip(chips: ReadonlyArray<SectorChip | null>): SectorChip | null {
  let best: SectorChip | null = null;
  let bestScore = -1;
  for (const c of chips) {
    if (!c) continue;
    const score = c.factor === 0 ? Infinity : Math.abs(Math.log(c.factor));
    if (score > bestScore || (score === bestScore && c.tone === 'worse' && best?.tone !== 'worse')) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

export interface MemberInputs {
  /** CoinGecko snapshot (USD, tokens) and when it was fetched (epoch ms) */
  market: { value: Pick<MarketSnapshot, 'priceUsd' | 'marketCapUsd' | 'fdvUsd' | 'maxSupply' | 'totalSupply' | 'circulatingSupply' | 'volume24hUsd'>; atMs: number } | null;
  /** DefiLlama daily revenue (USD per complete UTC day), when cached */
  revenue: { value: readonly DailyValue[]; atMs: number } | null;
  /** DefiLlama emission schedule, when cached */
  emissions: { value: EmissionSchedule; atMs: number } | null;
}

/**
 * A member's four ratios from its cached inputs, by the same formulas the bundle uses
 * (CONTRACT.md metric table; lib/engine/assemble.ts with no venue on screen: CoinGecko price
 * and volume). Each figure's `asOfMs` is the oldest input behind it. Missing inputs give null.
 */
export function memberFigures(inp: MemberInputs, nowMs: number): Record<SectorMetricId, { value: number | null; asOfMs: number | null }> {
  const m = inp.market?.value ?? null;
  const at = (...xs: Array<{ atMs: number } | null>) => (xs.every(Boolean) ? Math.min(...xs.map((x) => x!.atMs)) : null);
  const f = m ? fdv(m, m.priceUsd) : null;
  const r30 = inp.revenue ? dailyFigures(inp.revenue.value, nowMs) : null;
  const ann = r30?.annualized ?? null;
  const u = inp.emissions && m ? unlockFigures(inp.emissions.value, nowMs, m.priceUsd, m.circulatingSupply, m.volume24hUsd, r30?.last30d ?? null) : null;
  return {
    fdvToMcap: { value: ratio(f?.value, m?.marketCapUsd), asOfMs: at(inp.market) },
    fdvToRevenue: { value: ann !== null && ann > 0 ? ratio(f?.value, ann) : null, asOfMs: at(inp.market, inp.revenue) },
    revenueToEmissions: { value: inp.revenue ? (u?.revenueToEmissions ?? null) : null, asOfMs: at(inp.market, inp.revenue, inp.emissions) },
    unlockPressure: { value: u?.unlockPressure ?? null, asOfMs: at(inp.market, inp.emissions) },
  };
}

/**
 * The compact view's chip for a bundle carrying sector medians: each median against the asset's
 * own figure (`chipFor`), the furthest one kept (`pickChip`). For the UI; the worker only sends
 * the medians.
 */
export function sectorChip(
  medians: ReadonlyArray<{ id: SectorMetricId; median: number }> | undefined,
  own: (id: SectorMetricId) => number | null | undefined,
): SectorChip | null {
  return pickChip((medians ?? []).map((m) => chipFor(m.id, own(m.id), m.median)));
}
