/**
 * Sector medians for the bundle consumers (issue 13; CONTRACT.md, "Sector context and the unlock
 * calendar"). Given an assembled bundle, finds the asset's sector — a watchlist the user marked as
 * a sector, else the built-in compute-networks list — and fills `Bundle['sector']` from the
 * members' bundles.
 *
 * Cost: the members come from ONE `compare(members)` call (market data in one batched request,
 * fundamentals read through the cache), remembered for MEMO_MS, so an overlay refresh on a member
 * makes no extra upstream call per token. The asset's own figures come from the bundle being
 * decorated (fresher than the memo). Takes the engine's public `compare` as a dependency so it
 * stays out of engine.ts.
 */
import type { Bundle, Metric, SectorView } from './bundle';
import type { Settings } from '../settings/schema';
import { chipFor, pickChip, SECTOR_METRICS, sectorMedian, type SectorMember } from '../metrics/sector';

/** The built-in compute-networks sector: CoinGecko id → ticker (DATA-SOURCES.md identity table). */
export const COMPUTE_NETWORKS: Readonly<Record<string, string>> = {
  bittensor: 'TAO',
  'render-token': 'RENDER',
  'akash-network': 'AKT',
  'io-net': 'IO',
  aethir: 'ATH',
  filecoin: 'FIL',
  helium: 'HNT',
};

/** how long members' bundles are reused: the market data freshness (engine FRESHNESS.market) */
export const MEMO_MS = 5 * 60_000;

export interface SectorDeps {
  settings(): Promise<Settings>;
  compare(symbols: string[]): Promise<Bundle[]>;
  now(): number;
}

/** The asset's sector: the first watchlist marked as a sector that lists it, else the built-in one. */
export function sectorOf(asset: { id: string; symbol: string }, s: Settings): { name: string; symbols: string[] } | null {
  const sym = asset.symbol.toUpperCase();
  for (const w of s.watchlists) {
    if (!w.sector) continue;
    if (w.items.some((i) => (i.assetId ? i.assetId === asset.id : i.symbol === sym))) return { name: w.name, symbols: w.items.map((i) => i.symbol) };
  }
  if (COMPUTE_NETWORKS[asset.id]) return { name: 'Compute networks', symbols: Object.values(COMPUTE_NETWORKS) };
  return null;
}

function figure(b: Bundle, id: string): { value: number | null; asOfMs: number | null } {
  const m = b.metrics.find((x) => x.id === id);
  return { value: typeof m?.value === 'number' ? m.value : null, asOfMs: m?.asOfMs ?? null };
}

/**
 * Medians and the chip for `own` among `members` (members' bundles; the one for the same asset
 * is replaced by `own`). Pure; exported for tests.
 */
export function sectorView(name: string, own: Bundle, members: readonly Bundle[]): SectorView {
  const all = [own, ...members.filter((b) => b.asset && b.asset.id !== own.asset?.id)];
  const medians: SectorView['medians'] = [];
  const chips = [];
  for (const id of SECTOR_METRICS) {
    const rows: SectorMember[] = all.map((b) => ({ symbol: b.asset?.symbol.toUpperCase() ?? b.pair.base, ...figure(b, id) }));
    const med = sectorMedian(id, rows);
    if (!med) continue;
    medians.push({ id, median: med.median, members: med.members, oldestAsOfMs: med.oldestAsOfMs });
    chips.push(chipFor(id, figure(own, id).value, med.median));
  }
  const chip = pickChip(chips);
  return { name, medians, chip: chip ? { id: chip.metric, factor: chip.factor, side: chip.side, tone: chip.tone } : null };
}

/**
 * The metric list with each median inserted right after its figure, as a metric of its own
 * (`sector:<id>`, CONTRACT.md; `data-source="computed"`): the existing metric card renders it
 * next to the figure ("sector median 210×") with its members and data time in the tooltip and
 * its age in the provenance line, so the content script needs no code of its own for it (it sits
 * at its 20 KB gzip budget).
 */
export function withSectorMetrics(metrics: readonly Metric[], view: SectorView): Metric[] {
  const out = [...metrics];
  for (const med of view.medians) {
    const i = out.findIndex((m) => m.id === med.id);
    if (i < 0) continue;
    const when = med.oldestAsOfMs === null ? '' : `; oldest data from ${new Date(med.oldestAsOfMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    out.splice(i + 1, 0, {
      id: `sector:${med.id}`,
      group: out[i]!.group,
      label: 'sector median',
      format: 'ratio',
      value: med.median,
      source: 'computed',
      asOfMs: med.oldestAsOfMs,
      explain: `Median of ${out[i]!.label} over the ${med.members.length} members of ${view.name} that have it: ${med.members.map((m) => m.symbol).join(', ')}${when}`,
    });
  }
  return out;
}

/**
 * Returns a decorator for bundles. It waits at most `waitMs` for the members (first visit of a
 * cold cache): past that the bundle goes out without `sector`, the members keep loading, and
 * the next request (the overlay's refresh) gets the medians from the memo.
 */
export function createSectorContext(deps: SectorDeps, waitMs = 1500) {
  const memo = new Map<string, { atMs: number; bundles: Promise<Bundle[]> }>();
  function members(symbols: string[]): Promise<Bundle[]> {
    const key = [...symbols].sort().join(',');
    const hit = memo.get(key);
    if (hit && deps.now() - hit.atMs < MEMO_MS) return hit.bundles;
    const bundles = deps.compare(symbols).catch(() => [] as Bundle[]);
    memo.set(key, { atMs: deps.now(), bundles });
    return bundles;
  }
  return {
    async decorate(b: Bundle): Promise<Bundle> {
      if (!b.asset) return b;
      const sector = sectorOf(b.asset, await deps.settings());
      if (!sector) return b;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<null>((r) => (timer = setTimeout(() => r(null), waitMs)));
      const got = await Promise.race([members(sector.symbols), late]);
      clearTimeout(timer);
      if (!got) return b;
      const view = sectorView(sector.name, b, got);
      return view.medians.length ? { ...b, metrics: withSectorMetrics(b.metrics, view), sector: view } : b;
    },
  };
}
