/**
 * Builds the overlay's bundle from whatever the sources returned. Pure: no fetching, no
 * storage, so every rule about which figure wins, what counts as missing and which state the
 * overlay shows is unit-tested with plain values.
 *
 * The metric groups are built by ./metric-groups.ts (one pure function each); this file drops
 * the feeds that answered "no such data", gathers the notes and decides the state.
 */
import type { Bundle, Metric, Note, OverlayState, SourceStatus } from './bundle';
import { isAbsent, labelOf, okValue, statusOf, asOf, utcMinute, type Feed } from './feed-status';
import { feesRevenueGroup, isUsdQuote, issuanceFromNetwork, marketGroup, networkGroup, technicalsGroup, unlocksGroup, valuationGroup } from './metric-groups';
import type { Resolution } from '../assets/resolve';
import { sparkline } from '../metrics/revenue';
import type { Candle, EmissionSchedule, FeesSeries, MarketSnapshot, NetworkFigure, Ticker24h } from '../types';

export type { Feed } from './feed-status';
export { isAbsent, labelOf } from './feed-status';
export { METRIC_SPECS, USD_QUOTES, isUsdQuote } from './metric-groups';

export interface AssembleInput {
  pair: Bundle['pair'];
  asset: Resolution | null;
  /** why the asset could not be resolved, when it could not */
  assetProblem?: { kind: 'unknown' | 'unreachable'; note: Note };
  market?: Feed<MarketSnapshot | null>;
  ticker?: Feed<Ticker24h>;
  candles?: Feed<Candle[]>;
  fees?: Feed<FeesSeries>;
  revenue?: Feed<FeesSeries>;
  emissions?: Feed<EmissionSchedule>;
  network?: Array<Feed<NetworkFigure[]>>;
  /** fundamentals that do not exist for this asset (not failures): "no DefiLlama revenue" */
  notCovered?: Note[];
  /** epoch milliseconds */
  nowMs: number;
}

/** The fundamentals feeds that have data for this asset, and why the others were left out. */
interface PresentFundamentals {
  fees?: Feed<FeesSeries>;
  revenue?: Feed<FeesSeries>;
  emissions?: Feed<EmissionSchedule>;
  network: Array<Feed<NetworkFigure[]>>;
  absentNotes: Note[];
}

/** Drops the fundamentals feeds that answered "no such data" (see isAbsent), noting why. */
function presentFundamentals(input: AssembleInput): PresentFundamentals {
  const absentNotes: Note[] = [];
  // `absent`: the message key of "<source> has no <what> for this asset."
  const keep = <T,>(f: Feed<T> | undefined, absent: string): Feed<T> | undefined => {
    if (!f || !isAbsent(f)) return f;
    const e = f.result.ok ? undefined : f.result.error;
    absentNotes.push(e?.kind === 'blocked' ? ['n_failed', labelOf(f.source), [f.what], e.message] : [absent, labelOf(f.source)]);
    return undefined;
  };
  const fees = keep(input.fees, 'n_absent_fees');
  const revenue = keep(input.revenue, 'n_absent_revenue');
  const emissions = keep(input.emissions, 'n_absent_unlocks');
  const network = (input.network ?? []).filter((n) => keep(n, 'n_absent_network'));
  return { ...(fees ? { fees } : {}), ...(revenue ? { revenue } : {}), ...(emissions ? { emissions } : {}), network, absentNotes };
}

/** Every feed behind the bundle, in footer order (absent ones included: the footer says so). */
function feedsOf(input: AssembleInput): Array<Feed<unknown>> {
  const all: Array<Feed<unknown> | undefined> = [input.ticker, input.market, input.candles, input.fees, input.revenue, input.emissions, ...(input.network ?? [])];
  return all.filter((x): x is Feed<unknown> => !!x);
}

/**
 * Notes for people, most important first: failures, fallbacks, the asset, coverage. Message keys
 * and substitutions (issue 9: the UI words them in its language); the upstream error detail
 * (`s.error`, "api.kucoin.com answered 503") stays as the source said it.
 */
function notesFor(input: AssembleInput, sources: SourceStatus[], marketNotes: Note[], absentNotes: Note[]): Note[] {
  const { pair } = input;
  const notes = [...marketNotes];
  for (const s of sources) {
    if (!s.ok && !s.absent) notes.push(s.asOfMs ? ['n_failed_at', labelOf(s.source), [s.what], s.error ?? '', utcMinute(s.asOfMs)] : ['n_failed', labelOf(s.source), [s.what], s.error ?? '']);
  }
  if (input.candles?.result.ok && input.candles.source !== pair.venue && pair.venue) {
    const key = !isUsdQuote(pair.quote) ? 'n_candles_usd' : input.ticker ? 'n_candles_venue' : 'n_candles_nodata';
    notes.push([key, labelOf(input.candles.source), labelOf(pair.venue)]);
  }
  if (input.assetProblem) notes.push(input.assetProblem.note);
  if (pair.leveraged) notes.push(['n_leveraged', pair.base, pair.base.replace(/\d*[LS]$|(UP|DOWN|BULL|BEAR)$/, '')]);
  notes.push(...(input.notCovered ?? []), ...absentNotes);
  // Deduplicated by content (a Note is an array: a Set would compare references).
  return [...new Map(notes.map((n) => [JSON.stringify(n), n])).values()];
}

/** CONTRACT.md `data-state`: what the overlay says about the bundle as a whole. */
export function decideState(input: Pick<AssembleInput, 'asset' | 'assetProblem'>, metrics: readonly Metric[], sources: readonly SourceStatus[]): OverlayState {
  if (!input.asset && input.assetProblem?.kind === 'unknown') return 'unsupported';
  if (!metrics.some((m) => m.value !== null)) return 'error';
  if (sources.some((s) => !s.ok && !s.absent) || !input.asset) return 'partial';
  if (sources.some((s) => s.stale)) return 'stale';
  return 'ready';
}

/** Builds the bundle. Never throws for any combination of missing or failed feeds. */
export function assemble(input: AssembleInput): Bundle {
  const { nowMs, pair } = input;
  const market = okValue(input.market) ?? null;
  const marketAt = asOf(input.market);
  const present = presentFundamentals(input);

  const marketG = marketGroup(pair, input.ticker, input.market);
  const valuation = valuationGroup(input.market, marketG.price);
  const technicals = technicalsGroup(input.candles, marketG.price, nowMs);
  const usage = feesRevenueGroup(present.fees, present.revenue, valuation.fdvUsd, marketAt, nowMs);
  // Without a usable schedule, a chain's own issuance (Subtensor) gives the emissions figure.
  const issued = okValue(present.emissions) ? null : issuanceFromNetwork(present.network);
  const unlocks = unlocksGroup(present.emissions, { price: marketG.price, market, marketAt, hasRevenue: !!present.revenue, revenue30: usage.revenue30, issued, nowMs });
  const metrics = [...marketG.metrics, ...valuation.metrics, ...technicals, ...usage.metrics, ...unlocks.metrics, ...networkGroup(present.network)];

  const sources = feedsOf(input).map(statusOf);
  const candles = okValue(input.candles);
  const fees = okValue(present.fees);
  const revenue = okValue(present.revenue);
  return {
    state: decideState(input, metrics, sources),
    pair,
    asset: input.asset ? { id: input.asset.id, symbol: input.asset.symbol, name: market?.name || input.asset.name } : null,
    assetVia: input.asset?.via ?? null,
    alternatives: input.asset?.alternatives ?? [],
    metrics,
    sources,
    candlesFrom: input.candles?.result.ok ? input.candles.source : null,
    notes: notesFor(input, sources, marketG.notes, present.absentNotes),
    ...(fees || revenue ? { methodology: { fees: fees?.methodology ?? null, revenue: revenue?.methodology ?? null } } : {}),
    ...(unlocks.unlockSchedule ? { unlockSchedule: unlocks.unlockSchedule } : {}),
    ...(candles ? { spark: candles.slice(-30).map((c) => c.c) } : {}),
    ...(revenue ? { revenueSpark: sparkline(revenue.daily, nowMs, 30, asOf(present.revenue)) } : {}),
    generatedAtMs: nowMs,
  };
}
