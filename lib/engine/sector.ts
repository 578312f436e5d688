/**
 * Sector medians for the bundle consumers (issue 13; CONTRACT.md, "Sector context and the unlock
 * calendar"). Given an assembled bundle, finds the asset's sector — a watchlist the user marked as
 * a sector, else the built-in compute-networks list — and fills `Bundle['sector']` plus one
 * `sector:<id>` metric after each figure.
 *
 * Cost (the issue's rule: no extra upstream call per token beyond one batched refresh): the
 * members' market data comes from the engine's `quotes`, ONE batched CoinGecko call for the list
 * (itself cached for 5 minutes), which also writes each member's `cg:market:<id>` entry; their
 * revenue series and unlock schedules are read from the cache only (`peek`), as the engine left
 * them for earlier bundles (overlay, popup, comparison page). A member whose fundamentals were
 * never fetched simply lacks those figures. The asset's own figures come from the bundle itself.
 * Takes the engine's public `quotes` as a dependency so it stays out of engine.ts.
 */
import type { Bundle, Metric, SectorView } from './bundle';
import type { SwrCache } from './cache';
import { EmissionScheduleSchema, FeesSeriesSchema, MarketSnapshotSchema, policy } from './domain-schemas';
import { cachedSlugs, NO_AGE } from './calendar';
import { utcMinute } from './feed-status';
import type { Settings } from '../settings/schema';
import type { WatchRow } from '../messaging/protocol';
import { nullable } from '../sources/zod';
import { memberFigures, SECTOR_METRICS, sectorMedian, type SectorMember, type SectorMetricId } from '../metrics/sector';

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

export interface SectorDeps {
  settings(): Promise<Settings>;
  /** the engine's `quotes`: one batched market-data call for the list */
  quotes(symbols: string[]): Promise<WatchRow[]>;
  cache: Pick<SwrCache, 'peek'>;
  now(): number;
}

/** One member's figures, as `sectorView` takes them. */
export interface MemberRow {
  /** CoinGecko id */
  id: string;
  symbol: string;
  figures: Record<SectorMetricId, { value: number | null; asOfMs: number | null }>;
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
 * Medians for `own` among `members` (the member row for the same asset is replaced
 * by the bundle's own, fresher figures). Pure; exported for tests.
 */
export function sectorView(name: string, own: Bundle, members: readonly MemberRow[]): SectorView {
  const medians: SectorView['medians'] = [];
  for (const id of SECTOR_METRICS) {
    const rows: SectorMember[] = [
      { symbol: own.asset?.symbol.toUpperCase() ?? own.pair.base, ...figure(own, id) },
      ...members.filter((m) => m.id !== own.asset?.id).map((m) => ({ symbol: m.symbol, ...m.figures[id] })),
    ];
    const med = sectorMedian(id, rows);
    if (!med) continue;
    medians.push({ id, median: med.median, members: med.members, oldestAsOfMs: med.oldestAsOfMs });
  }
  return { name, medians };
}

/**
 * The metric list with each median inserted right after its figure, as a metric of its own
 * (`sector:<id>`, CONTRACT.md; `data-source="computed"`): the existing metric card renders it
 * next to the figure ("sector median 210×", the `m_sector` message) with its members and data
 * time in the tooltip (a Note, worded by the UI) and its age in the provenance line, so the
 * content script needs no code of its own for it (it sits at its 20 KB gzip budget).
 */
export function withSectorMetrics(metrics: readonly Metric[], view: SectorView): Metric[] {
  const out = [...metrics];
  for (const med of view.medians) {
    const i = out.findIndex((m) => m.id === med.id);
    if (i < 0) continue;
    out.splice(i + 1, 0, {
      id: `sector:${med.id}`,
      group: out[i]!.group,
      format: 'ratio',
      value: med.median,
      source: 'computed',
      asOfMs: med.oldestAsOfMs,
      // Worded by the UI (issue 9): its label is `m_sector`, its tooltip the comparison page's
      // `sector_median_explain` with the ratio's own `m_<id>` name; the data time as UTC text.
      explain: ['sector_median_explain', [`m_${med.id}`], String(med.members.length), view.name, med.members.map((m) => m.symbol).join(', '), med.oldestAsOfMs === null ? '—' : `${utcMinute(med.oldestAsOfMs)} UTC`],
    });
  }
  return out;
}

const MarketOrNull = nullable(MarketSnapshotSchema);

/** Members' figures: one batched quote call, then cache reads only. */
export async function memberRows(deps: SectorDeps, symbols: string[]): Promise<MemberRow[]> {
  const quotes = await deps.quotes(symbols);
  const slugs = cachedSlugs(deps.cache);
  const peek = deps.cache.peek.bind(deps.cache);
  const rows = await Promise.all(
    quotes.map(async (q): Promise<MemberRow | null> => {
      const id = q.assetId;
      if (!id) return null;
      const sl = await slugs(id);
      const [market, revenue, emissions] = await Promise.all([
        peek(policy(`cg:market:${id}`, MarketOrNull, NO_AGE)),
        sl.feesSlug ? peek(policy(`llama:dailyRevenue:${sl.feesSlug}`, FeesSeriesSchema, NO_AGE)) : undefined,
        sl.emissionsSlug ? peek(policy(`llama:emissions:${sl.emissionsSlug}`, EmissionScheduleSchema, NO_AGE)) : undefined,
      ]);
      const figures = memberFigures(
        {
          market: market?.value ? { value: market.value, atMs: market.fetchedAtMs } : null,
          revenue: revenue ? { value: revenue.value.daily, atMs: revenue.fetchedAtMs } : null,
          emissions: emissions ? { value: emissions.value, atMs: emissions.fetchedAtMs } : null,
        },
        deps.now(),
      );
      return { id, symbol: q.symbol, figures };
    }),
  );
  return rows.filter((r): r is MemberRow => r !== null);
}

/**
 * Returns a decorator for bundles. It waits at most `waitMs` for the members' batched quote
 * (CoinGecko slow or refusing): past that the bundle goes out without `sector`, and the next
 * request (the overlay's refresh) finds the quote in the cache.
 */
export function createSectorContext(deps: SectorDeps, waitMs = 1500) {
  return {
    /** `wait` (ms): how long this caller can wait for the members' quotes (the popup cannot ask again). */
    async decorate(b: Bundle, wait = waitMs): Promise<Bundle> {
      if (!b.asset) return b;
      const sector = sectorOf(b.asset, await deps.settings());
      if (!sector) return b;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<null>((r) => (timer = setTimeout(() => r(null), wait)));
      const got = await Promise.race([memberRows(deps, sector.symbols).catch(() => null), late]);
      clearTimeout(timer);
      if (!got) return { ...b, sectorPending: true };
      const view = sectorView(sector.name, b, got);
      return view.medians.length ? { ...b, metrics: withSectorMetrics(b.metrics, view), sector: view } : b;
    },
  };
}
