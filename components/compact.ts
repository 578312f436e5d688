/**
 * Which figures the compact view shows (CONTRACT.md, "Views, language and colours"): market cap,
 * FDV / market cap, the next unlock (date and % of circulating), revenue 30d and one network
 * headline, each only when the asset has it. A figure whose source FAILED stays (as "—"), so an
 * outage is visible rather than silently shrinking the card; a figure the asset simply lacks
 * is left out, without an empty row.
 */
import type { Bundle, Metric } from '../lib/engine/bundle';

export const COMPACT_IDS = ['marketCap', 'fdvToMcap', 'nextUnlockDate', 'nextUnlockPctCirculating', 'revenue30d'] as const;

export function compactMetrics(b: Bundle): Metric[] {
  const failed = (m: Metric) => b.sources.some((s) => s.source === m.source && !s.ok && !s.absent);
  const keep = (m: Metric | undefined): m is Metric => !!m && (m.value !== null || failed(m));
  const out = COMPACT_IDS.map((id) => b.metrics.find((m) => m.id === id)).filter(keep);
  // One network headline: the first network figure that has a value.
  const net = b.metrics.find((m) => m.id.startsWith('network:') && m.value !== null);
  if (net) out.push(net);
  return out;
}

/** The pill's text parts: what the page does not show (FDV/MC, the next unlock), never the price. */
export function pillParts(b: Bundle): { fdvToMcap: number | null; unlockDate: string | null; unlockPct: number | null } {
  const v = (id: string) => b.metrics.find((m) => m.id === id)?.value ?? null;
  const f = v('fdvToMcap');
  const d = v('nextUnlockDate');
  const p = v('nextUnlockPctCirculating');
  return { fdvToMcap: typeof f === 'number' ? f : null, unlockDate: typeof d === 'string' ? d : null, unlockPct: typeof p === 'number' ? p : null };
}
