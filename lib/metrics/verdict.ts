/**
 * The one-line verdict strip: facts read off the bundle's own figures, joined with " · ".
 * Deliberately no advice words (buy, sell, bullish, cheap…): it restates numbers the card
 * already shows, so it can never say more than the data does.
 */
import type { Bundle } from '../engine/bundle';
import { formatCountdown, formatPct, formatRatio } from './format';

function num(b: Bundle, id: string): number | null {
  const v = b.metrics.find((m) => m.id === id)?.value;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Up to `max` short clauses, most decision-relevant first; empty when there is nothing to say. */
export function verdictParts(b: Bundle, nowMs: number, max = 3): string[] {
  const out: string[] = [];
  const r2e = num(b, 'revenueToEmissions');
  if (r2e !== null) out.push(`revenue covers ${formatPct(r2e * 100)} of emissions`);
  const pct = num(b, 'nextUnlockPctCirculating');
  const date = b.metrics.find((m) => m.id === 'nextUnlockDate')?.value;
  if (pct !== null && typeof date === 'string') out.push(`${formatPct(pct)} of supply unlocks ${formatCountdown(Date.parse(date), nowMs)}`);
  const pressure = num(b, 'unlockPressure');
  if (pressure !== null) out.push(`30-day unlocks ${formatRatio(pressure)} daily volume`);
  const fdvToMcap = num(b, 'fdvToMcap');
  if (fdvToMcap !== null && fdvToMcap >= 1.05) out.push(`FDV ${formatRatio(fdvToMcap)} market cap`);
  const f2r = num(b, 'fdvToRevenue');
  if (f2r !== null) out.push(`FDV ${formatRatio(f2r)} annual revenue`);
  return out.slice(0, max);
}

export function verdict(b: Bundle, nowMs: number): string {
  return verdictParts(b, nowMs).join(' · ');
}
