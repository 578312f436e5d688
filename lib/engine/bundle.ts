/**
 * The one JSON-safe bundle the worker sends to the overlay and the popup. Types only, so the
 * content script can import it without pulling zod or any source code into the page.
 */
import type { CoinSearchHit, MarketKind, NetworkKey, SourceId } from '../types';
import type { VenueId } from '../exchanges/define';

/** CONTRACT.md, "The overlay in the page": `data-state` values. */
export type OverlayState = 'loading' | 'ready' | 'partial' | 'stale' | 'error' | 'unsupported';

export type CoreMetricId =
  | 'price'
  | 'change24h'
  | 'volume24h'
  | 'marketCap'
  | 'fdv'
  | 'circulatingSupply'
  | 'totalSupply'
  | 'maxSupply'
  | 'fdvToMcap'
  | 'ath'
  | 'athDrawdown'
  | 'sma50'
  | 'priceVsSma50'
  | 'rsi14'
  | 'support'
  | 'resistance'
  | 'fees24h'
  | 'fees30d'
  | 'revenue24h'
  | 'revenue30d'
  | 'revenueAnnualized'
  | 'fdvToRevenue'
  | 'nextUnlockDate'
  | 'nextUnlockAmount'
  | 'nextUnlockValue'
  | 'nextUnlockPctCirculating'
  | 'unlocks30dValue'
  | 'unlockPressure'
  | 'emissions30dValue'
  | 'revenueToEmissions';

/** the four ratios that get a sector median (issue 13) */
export type SectorMetricId = 'fdvToMcap' | 'fdvToRevenue' | 'revenueToEmissions' | 'unlockPressure';

export type MetricId = CoreMetricId | `network:${NetworkKey}`;

export type MetricGroup = 'valuation' | 'usage' | 'network' | 'unlocks' | 'technicals' | 'market';

/** How a value is formatted for people. */
export type MetricFormat = 'usd' | 'pct' | 'signedPct' | 'ratio' | 'tokens' | 'count' | 'date' | 'index' | 'eib';

export interface Metric {
  /** `sector:<id>`: the sector median of a ratio, inserted after it by the worker (lib/engine/sector.ts) */
  id: MetricId | `sector:${SectorMetricId}`;
  group: MetricGroup;
  /** English name, only where public/_locales has no `m_<id>` message (network figures, sector medians) */
  label?: string;
  /** `label` as a Note the UI words in its language (network figures: `nl_<source>_…`) */
  labelNote?: Note;
  format: MetricFormat;
  /** number in the unit of CONTRACT.md, ISO-8601 date string, or null when unavailable */
  value: number | string | null;
  source: SourceId;
  /** epoch ms of the data behind the value; null when unavailable */
  asOfMs: number | null;
  /**
   * one line: the formula or definition (tooltip); only where public/_locales has no `x_<id>`
   * message, or a figure-specific override. English text (a network's own figures), or a Note
   * the UI renders in its language (the sector median's tooltip).
   */
  explain?: string | Note;
  /** why the value is missing, or a caveat ("computed from max supply × price"): a Note the UI words (`mn_*`) */
  note?: Note;
  /** percent change over the source's history window (network metrics) */
  trendPct?: number | null;
  trendLabel?: string;
}

/**
 * A sentence for people as the worker sends it (issue 9): a public/_locales message key and its
 * `$1`…`$9` substitutions, rendered by the UI in its own language (`tn`, lib/i18n). A
 * substitution is plain text (a name, a date, an upstream error) or a Note of its own (a feed's
 * `what`), so one sentence can hold another. JSON-safe: it crosses runtime messaging as is.
 */
export type Note = [key: string, ...subs: (string | Note)[]];

/** One upstream feed behind the bundle, for the "where from, how old" footer and error notes. */
export interface SourceStatus {
  source: SourceId;
  /** what this feed provides: a public/_locales key (`w_market` "market data", `w_candles`…) */
  what: string;
  ok: boolean;
  /** showing data past its freshness */
  stale: boolean;
  /** epoch ms of the data shown (or of the last good data when failing) */
  asOfMs: number | null;
  /** why it failed, for people; absent when ok */
  error?: string;
  /** the provider has no such data for this asset (not an outage; does not make the bundle partial) */
  absent?: boolean;
}

export interface AssetRef {
  /** CoinGecko id */
  id: string;
  symbol: string;
  name: string;
}

export interface UnlockScheduleView {
  /** next cliff's recipients / categories, largest first */
  recipients: Array<{ recipient: string; category: string; amount: number }>;
  /** coming months: tokens released per calendar month (UTC) */
  months: Array<{ monthStartMs: number; cliff: number; linear: number }>;
}

/**
 * Sector context (issue 13; CONTRACT.md, "Sector context and the unlock calendar"), filled in by
 * the worker (lib/engine/sector.ts) for assets of a sector. Each median is over the members that
 * have the figure, the asset itself included, and present only when at least three have it.
 */
export interface SectorView {
  /** the sector's name: the built-in "Compute networks" or the user's watchlist marked as a sector */
  name: string;
  medians: Array<{
    id: SectorMetricId;
    /** median of the members' figures (ratio, the metric's own unit) */
    median: number;
    /** members whose figure entered the median, with the epoch ms of their data */
    members: Array<{ symbol: string; asOfMs: number | null }>;
    /** epoch ms of the oldest data among them */
    oldestAsOfMs: number | null;
  }>;
  // The compact view's chip is derived in the UI: `chipFor` / `pickChip` (lib/metrics/sector.ts)
  // on these medians and the bundle's own figures (kept out of the worker's 40 KB budget).
}

export interface Bundle {
  state: OverlayState;
  /** the detected pair (or the lookup query in the popup) */
  pair: { venue: VenueId | null; base: string; quote: string; market: MarketKind; multiplier?: number; leveraged?: boolean };
  asset: AssetRef | null;
  /** how the asset was chosen: built-in table, search ranking, or the user's pick */
  assetVia: 'override' | 'search' | 'user' | null;
  /** other assets sharing the ticker, when the choice was ambiguous */
  alternatives: CoinSearchHit[];
  metrics: Metric[];
  sources: SourceStatus[];
  /** provider whose candles fed the technicals */
  candlesFrom: SourceId | null;
  /** notes for people, rendered by the UI (`tn`): what is missing and why */
  notes: Note[];
  /** DefiLlama methodology text for fees / revenue */
  methodology?: { fees?: string | null; revenue?: string | null };
  unlockSchedule?: UnlockScheduleView;
  /** closes for the price sparkline (ascending), optional */
  spark?: number[];
  /** daily revenue (USD, complete UTC days, ascending) for the revenue sparkline, optional */
  revenueSpark?: number[];
  /** sector medians (issue 13), optional: absent outside a sector or before the members load */
  sector?: SectorView;
  /** true when the sector members' quotes did not arrive in time: ask again for the medians */
  sectorPending?: boolean;
  generatedAtMs: number;
}

/** One watchlist row: the compact quote the worker answers for `quotes` (one batched call). */
export interface WatchRow {
  symbol: string;
  assetId: string | null;
  name: string | null;
  priceUsd: number | null;
  change24hPct: number | null;
  /** epoch ms of the market data behind the row */
  asOfMs: number | null;
  /** ISO date of the next cliff unlock when known */
  nextUnlockDate?: string | null;
  error?: string;
}

/** A metric's value when it is a finite number, else null (absent, a date, or no data). */
export function metricNumber(b: Pick<Bundle, 'metrics'>, id: string): number | null {
  const v = b.metrics.find((m) => m.id === id)?.value;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
