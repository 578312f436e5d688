/**
 * The one-line verdict strip: facts read off the bundle's own figures, each with a low / medium /
 * high chip. Deliberately no advice words (buy, sell, bullish, cheap…): it restates numbers the
 * card already shows, so it can never say more than the data does. Unlock pressure is the
 * bundle's `unlockPressure` (30-day unlocks ÷ 24h volume across all exchanges, CoinGecko
 * `total_volume`), the same figure as the card's, never recomputed here.
 *
 * Chip thresholds (README, "Verdict chips"): the level says how much the figure weighs on the
 * token, not whether to trade it.
 */
import type { Bundle } from '../engine/bundle';
import { t } from '../i18n';
import { formatCountdown, formatPct, formatRatio } from './format';

export type Level = 'low' | 'medium' | 'high';
export interface VerdictPart {
  /** the metric the clause restates */
  id: string;
  text: string;
  level: Level;
}

function num(b: Bundle, id: string): number | null {
  const v = b.metrics.find((m) => m.id === id)?.value;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** `high` from `hi` up, `medium` from `mid` up, else `low` (a larger value weighs more). */
export function levelOf(v: number, mid: number, hi: number): Level {
  return v >= hi ? 'high' : v >= mid ? 'medium' : 'low';
}

/** Up to `max` short clauses, most decision-relevant first; empty when there is nothing to say. */
export function verdictParts(b: Bundle, nowMs: number, max = 3): VerdictPart[] {
  const out: VerdictPart[] = [];
  const r2e = num(b, 'revenueToEmissions');
  // revenue covering less of the emissions weighs more: high below 25 %, medium below 100 %
  if (r2e !== null) out.push({ id: 'revenueToEmissions', text: t('v_rev_emissions', formatPct(r2e * 100)), level: r2e < 0.25 ? 'high' : r2e < 1 ? 'medium' : 'low' });
  const pct = num(b, 'nextUnlockPctCirculating');
  const date = b.metrics.find((m) => m.id === 'nextUnlockDate')?.value;
  if (pct !== null && typeof date === 'string')
    out.push({ id: 'nextUnlockPctCirculating', text: t('v_unlock', formatPct(pct), formatCountdown(Date.parse(date), nowMs)), level: levelOf(pct, 1, 5) });
  const pressure = num(b, 'unlockPressure');
  if (pressure !== null) out.push({ id: 'unlockPressure', text: t('v_pressure', formatRatio(pressure)), level: levelOf(pressure, 1, 5) });
  const fdvToMcap = num(b, 'fdvToMcap');
  if (fdvToMcap !== null && fdvToMcap >= 1.05) out.push({ id: 'fdvToMcap', text: t('v_fdv_mcap', formatRatio(fdvToMcap)), level: levelOf(fdvToMcap, 1.5, 3) });
  const f2r = num(b, 'fdvToRevenue');
  if (f2r !== null) out.push({ id: 'fdvToRevenue', text: t('v_fdv_rev', formatRatio(f2r)), level: levelOf(f2r, 50, 200) });
  return out.slice(0, max);
}

export function verdict(b: Bundle, nowMs: number): string {
  return verdictParts(b, nowMs)
    .map((p) => p.text)
    .join(' · ');
}
