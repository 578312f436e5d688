/**
 * One pure builder per metric group of the bundle. Each takes plain values (feeds, the price
 * chosen by the market group, the clock) and returns its metrics in display order, plus the
 * figures a later group needs; none reads another group's metrics.
 *
 * Units: every number in a Metric follows CONTRACT.md (USD, percent, ratio, tokens).
 */
import type { Bundle, Metric, MetricFormat, MetricGroup, MetricId, Note } from './bundle';
import { asOf, labelOf, minAt, okValue, type Feed } from './feed-status';
import { metricsFromCandles } from '../metrics/technicals';
import { fdv as fdvOf, pctVs, ratio } from '../metrics/valuation';
import { dailyFigures, type DailyFigures } from '../metrics/revenue';
import { unlockFigures, upcomingByMonth } from '../metrics/unlocks';
import type { Candle, EmissionSchedule, FeesSeries, MarketSnapshot, NetworkFigure, SourceId, Ticker24h } from '../types';

type CoreId = Exclude<MetricId, `network:${string}`>;

interface Spec {
  group: MetricGroup;
  format: MetricFormat;
}

/**
 * Group and format of every core metric. Their names and one-line formulas are UI text, in
 * public/_locales/<lang>/messages.json as `m_<id>` / `x_<id>` (components/format-metric.ts reads
 * them by metric id), so the worker ships no English copy of them (QUALITY.md: worker ≤ 40 KB
 * gzip). A Metric carries `label` / `explain` only when the UI has no message for its id:
 * network figures (labelled by their source) and sector medians (lib/engine/sector.ts).
 */
export const METRIC_SPECS: Record<CoreId, Spec> = {
  price: { group: 'market', format: 'usd' },
  change24h: { group: 'market', format: 'signedPct' },
  volume24h: { group: 'market', format: 'usd' },
  marketCap: { group: 'valuation', format: 'usd' },
  fdv: { group: 'valuation', format: 'usd' },
  fdvToMcap: { group: 'valuation', format: 'ratio' },
  circulatingSupply: { group: 'valuation', format: 'tokens' },
  totalSupply: { group: 'valuation', format: 'tokens' },
  maxSupply: { group: 'valuation', format: 'tokens' },
  ath: { group: 'market', format: 'usd' },
  athDrawdown: { group: 'market', format: 'signedPct' },
  sma50: { group: 'technicals', format: 'usd' },
  priceVsSma50: { group: 'technicals', format: 'signedPct' },
  rsi14: { group: 'technicals', format: 'index' },
  support: { group: 'technicals', format: 'usd' },
  resistance: { group: 'technicals', format: 'usd' },
  fees24h: { group: 'usage', format: 'usd' },
  fees30d: { group: 'usage', format: 'usd' },
  revenue24h: { group: 'usage', format: 'usd' },
  revenue30d: { group: 'usage', format: 'usd' },
  revenueAnnualized: { group: 'usage', format: 'usd' },
  fdvToRevenue: { group: 'usage', format: 'ratio' },
  nextUnlockDate: { group: 'unlocks', format: 'date' },
  nextUnlockAmount: { group: 'unlocks', format: 'tokens' },
  nextUnlockValue: { group: 'unlocks', format: 'usd' },
  nextUnlockPctCirculating: { group: 'unlocks', format: 'pct' },
  unlocks30dValue: { group: 'unlocks', format: 'usd' },
  unlockPressure: { group: 'unlocks', format: 'ratio' },
  emissions30dValue: { group: 'usage', format: 'usd' },
  revenueToEmissions: { group: 'usage', format: 'ratio' },
};

const NETWORK_FORMAT: Partial<Record<NetworkFigure['key'], MetricFormat>> = {
  storagePowerEiB: 'eib',
  computeEarningsUsd: 'usd',
  computeRevenue24hUsd: 'usd',
  computeRevenue30dUsd: 'usd',
  burnedLastEpoch: 'tokens',
  issuancePerDay: 'tokens',
};

/** Quotes whose prices are USD for our purposes (CONTRACT.md, `price`). */
export const USD_QUOTES: ReadonlySet<string> = new Set(['USD', 'USDT', 'USDC', 'FDUSD', 'TUSD', 'BUSD', 'DAI', 'USDE', 'USD1', 'PYUSD', 'RLUSD']);

export function isUsdQuote(quote: string): boolean {
  return USD_QUOTES.has(quote.toUpperCase());
}

/** One metric with its spec; a non-finite number becomes null (never NaN or Infinity on screen). */
export function metric(id: CoreId, value: number | string | null, source: SourceId, at: number | null, note?: Note, explain?: string): Metric {
  const clean = typeof value === 'number' && !Number.isFinite(value) ? null : value;
  return { id, ...METRIC_SPECS[id], ...(explain ? { explain } : {}), value: clean, source, asOfMs: clean === null ? null : at, ...(note ? { note } : {}) };
}

/** The price every later group computes with, and where it came from. */
export interface PriceBasis {
  /** USD per token; null when no source answered */
  value: number | null;
  source: SourceId;
  /** epoch ms */
  at: number | null;
}

export interface MarketGroup {
  metrics: Metric[];
  price: PriceBasis;
  notes: Note[];
}

/** Price, 24h change and volume (CONTRACT.md): the venue ticker when USD-quoted, else CoinGecko. */
export function marketGroup(pair: Bundle['pair'], tickerFeed: Feed<Ticker24h> | undefined, marketFeed: Feed<MarketSnapshot | null> | undefined): MarketGroup {
  const market = okValue(marketFeed) ?? null;
  const marketSrc = marketFeed?.source ?? 'coingecko';
  const marketAt = asOf(marketFeed);
  const ticker = okValue(tickerFeed);
  const usdQuoted = isUsdQuote(pair.quote);
  if (ticker && usdQuoted && pair.venue !== null) {
    // Market data is always the venue's SPOT pair of the base (multiplier already stripped by
    // pair detection), so the price is per one token even on a 1000PEPE contract page.
    const src = tickerFeed?.source ?? 'computed';
    const at = Math.min(ticker.asOfMs, asOf(tickerFeed) ?? ticker.asOfMs);
    const volUsd = ticker.volumeQuote ?? (ticker.volumeBase !== null ? ticker.volumeBase * ticker.last : null);
    return {
      metrics: [metric('price', ticker.last, src, at), metric('change24h', ticker.change24hPct, src, at), metric('volume24h', volUsd, src, at)],
      price: { value: ticker.last, source: src, at },
      notes: [],
    };
  }
  const price = market?.priceUsd ?? null;
  return {
    metrics: [
      metric('price', price, marketSrc, marketAt, price === null ? ['mn_no_price'] : undefined),
      metric('change24h', market?.change24hPct ?? null, marketSrc, marketAt),
      metric('volume24h', market?.volume24hUsd ?? null, marketSrc, marketAt),
    ],
    price: { value: price, source: marketSrc, at: marketAt },
    notes: ticker && !usdQuoted ? [['n_not_usd', pair.base, pair.quote]] : [],
  };
}

export interface ValuationGroup {
  metrics: Metric[];
  /** FDV in USD (reported or computed), for the revenue ratios */
  fdvUsd: number | null;
}

/** Market cap, FDV and supplies (CoinGecko or its fallback), and the distance from the ATH. */
export function valuationGroup(marketFeed: Feed<MarketSnapshot | null> | undefined, price: PriceBasis): ValuationGroup {
  const market = okValue(marketFeed) ?? null;
  const src = marketFeed?.source ?? 'coingecko';
  const at = asOf(marketFeed);
  const note: Note | undefined = market ? undefined : marketFeed && !marketFeed.result.ok ? ['mn_unavailable', labelOf(src)] : ['mn_no_market'];
  const f = market ? fdvOf(market, market.priceUsd) : null;
  const computed = f !== null && f.basis !== 'reported';
  return {
    metrics: [
      metric('marketCap', market?.marketCapUsd ?? null, src, at, note),
      metric('fdv', f?.value ?? null, computed ? 'computed' : src, at, computed ? [f.basis === 'maxSupply' ? 'mn_fdv_max' : 'mn_fdv_total'] : note),
      metric('fdvToMcap', ratio(f?.value, market?.marketCapUsd), 'computed', at, note),
      metric('circulatingSupply', market?.circulatingSupply ?? null, src, at, note),
      metric('totalSupply', market?.totalSupply ?? null, src, at, note),
      metric('maxSupply', market?.maxSupply ?? null, src, at, market && market.maxSupply === null ? ['mn_uncapped'] : note),
      metric('ath', market?.athUsd ?? null, src, at, note),
      metric('athDrawdown', pctVs(price.value, market?.athUsd ?? null), 'computed', minAt(price.at, at), note),
    ],
    fdvUsd: f?.value ?? null,
  };
}

/** SMA, RSI, support and resistance from daily candles (USD-denominated: the engine passes USD candles only). */
export function technicalsGroup(candlesFeed: Feed<Candle[]> | undefined, price: PriceBasis, nowMs: number): Metric[] {
  if (!candlesFeed) return [];
  const candles = okValue(candlesFeed);
  const at = asOf(candlesFeed);
  // Closed candles are judged at the time the candles were FETCHED: a candle open when cached
  // before midnight stays open when read after it (lib/metrics/time.ts judgedAt).
  const cm = candles ? metricsFromCandles(candles, price.value, nowMs, at) : null;
  const src = candlesFeed.source;
  const note: Note | undefined = !candles ? ['mn_candles_unavailable', labelOf(src)] : cm && cm.closedCount < 50 ? ['mn_few_candles', String(cm.closedCount)] : undefined;
  return [
    metric('sma50', cm?.sma50 ?? null, src, at, note),
    metric('priceVsSma50', cm?.priceVsSma50Pct ?? null, 'computed', minAt(at, price.at), note),
    metric('rsi14', cm?.rsi14 ?? null, src, at, note),
    metric('support', cm?.support ?? null, 'computed', at, cm && cm.support === null ? ['mn_no_swing_low'] : note, cm?.srMethod),
    metric('resistance', cm?.resistance ?? null, 'computed', at, cm && cm.resistance === null ? ['mn_no_swing_high'] : note),
  ];
}

/** 24h / 30d figures of one fees or revenue series, USD. */
export interface SeriesFigures {
  last24h: number | null;
  last30d: number | null;
  annualized: number | null;
  /** for the 30d figures: "27 of 30 days reported", or that these are overview totals */
  note?: Note;
  /** for the 24h figure: set when these are overview totals */
  totalsNote?: Note;
}

/**
 * Complete UTC days judged at the time the series was FETCHED (a series cached at 23:00 and read
 * at 01:00 keeps its last point as in progress); when the daily history was unavailable and
 * DefiLlama's `/overview/fees` totals stood in, those totals, labelled.
 */
export function seriesFigures(series: FeesSeries, nowMs: number, fetchedAtMs: number | null): SeriesFigures {
  if (series.totals && series.daily.length === 0) {
    const last30d = series.totals.last30dUsd;
    const note: Note = ['mn_overview_total'];
    return { last24h: series.totals.last24hUsd, last30d, annualized: last30d === null ? null : (last30d * 365) / 30, note, totalsNote: note };
  }
  const d: DailyFigures = dailyFigures(series.daily, nowMs, fetchedAtMs);
  return { last24h: d.last24h, last30d: d.last30d, annualized: d.annualized, ...(d.daysIn30d < 30 ? { note: ['mn_days_reported', String(d.daysIn30d)] as Note } : {}) };
}

export interface UsageGroup {
  metrics: Metric[];
  /** revenue figures of the last 30 complete days, for revenue ÷ emissions */
  revenue30: SeriesFigures | null;
}

/** Fees and revenue (DefiLlama), and FDV ÷ annualized revenue. Feeds the asset has no data in are already left out. */
export function feesRevenueGroup(feesFeed: Feed<FeesSeries> | undefined, revenueFeed: Feed<FeesSeries> | undefined, fdvUsd: number | null, marketAt: number | null, nowMs: number): UsageGroup {
  const metrics: Metric[] = [];
  const fees = okValue(feesFeed);
  const revenue = okValue(revenueFeed);
  const f30 = fees ? seriesFigures(fees, nowMs, asOf(feesFeed)) : null;
  const r30 = revenue ? seriesFigures(revenue, nowMs, asOf(revenueFeed)) : null;
  if (feesFeed) {
    const at = asOf(feesFeed);
    metrics.push(metric('fees24h', f30?.last24h ?? null, feesFeed.source, at, f30?.totalsNote), metric('fees30d', f30?.last30d ?? null, feesFeed.source, at, f30?.note));
  }
  if (revenueFeed) {
    const at = asOf(revenueFeed);
    const ann = r30?.annualized ?? null;
    metrics.push(
      metric('revenue24h', r30?.last24h ?? null, revenueFeed.source, at, r30?.totalsNote),
      metric('revenue30d', r30?.last30d ?? null, revenueFeed.source, at, r30?.note),
      metric('revenueAnnualized', ann, 'computed', at, r30?.note),
      metric('fdvToRevenue', ann !== null && ann > 0 ? ratio(fdvUsd, ann) : null, 'computed', minAt(at, marketAt), ann !== null && ann <= 0 ? ['mn_revenue_nonpositive'] : undefined),
    );
  }
  return { metrics, revenue30: r30 };
}

export interface UnlocksGroup {
  metrics: Metric[];
  unlockSchedule?: Bundle['unlockSchedule'];
}

export interface UnlocksBasis {
  price: PriceBasis;
  market: MarketSnapshot | null;
  /** epoch ms of the market snapshot */
  marketAt: number | null;
  /** the revenue feed is present (revenue ÷ emissions is shown only then) */
  hasRevenue: boolean;
  revenue30: SeriesFigures | null;
  /** tokens issued per day as a network source reports it (Subtensor), for a missing schedule */
  issued?: IssuedPerDay | null;
  nowMs: number;
}

/** Daily issuance reported by a chain (`network:issuancePerDay`). */
export interface IssuedPerDay {
  /** tokens per day */
  perDay: number;
  source: SourceId;
  /** epoch ms */
  asOfMs: number;
}

/** The first `issuancePerDay` figure among the network feeds, when one reports it. */
export function issuanceFromNetwork(feeds: ReadonlyArray<Feed<NetworkFigure[]>>): IssuedPerDay | null {
  for (const f of feeds) {
    const n = okValue(f)?.find((x) => x.key === 'issuancePerDay');
    if (n && Number.isFinite(n.value) && n.value >= 0) return { perDay: n.value, source: f.source, asOfMs: n.asOfMs };
  }
  return null;
}

/**
 * Emissions from a chain's issuance when no schedule is usable: tokens per day × 30 × price
 * (Subtensor: BlockEmission × 7,200 blocks of 12 s a day), labelled with that method.
 */
function issuedEmissions(b: UnlocksBasis): Metric[] {
  const issued = b.issued;
  if (!issued || b.price.value === null) return [];
  const usd = issued.perDay * 30 * b.price.value;
  const note: Note = ['mn_chain_emissions', labelOf(issued.source)];
  const at = minAt(issued.asOfMs, b.price.at);
  const out = [metric('emissions30dValue', usd, 'computed', at, note)];
  if (b.hasRevenue) out.push(metric('revenueToEmissions', ratio(b.revenue30?.last30d ?? null, usd), 'computed', at, note));
  return out;
}

/**
 * Unlocks and emissions (DefiLlama schedule × price). Unlock pressure divides by the asset's 24h
 * volume across all exchanges (CONTRACT.md, `unlockPressure`: CoinGecko `total_volume`, the
 * market snapshot's), never by the venue ticker's volume, and values the unlocks at the same
 * snapshot's price: numerator and denominator from one snapshot, so the overlay (venue price on
 * screen), the popup and the verdict show the same figure.
 */
export function unlocksGroup(emissionsFeed: Feed<EmissionSchedule> | undefined, b: UnlocksBasis): UnlocksGroup {
  if (!emissionsFeed) return { metrics: issuedEmissions(b) };
  const schedule = okValue(emissionsFeed);
  const scheduleAt = asOf(emissionsFeed);
  const at = minAt(scheduleAt, b.price.at);
  const volumeAllMarkets = b.market?.volume24hUsd ?? null;
  const u = schedule ? unlockFigures(schedule, b.nowMs, b.price.value, b.market?.circulatingSupply ?? null, volumeAllMarkets, b.revenue30?.last30d ?? null) : null;
  const pressure = schedule ? unlockFigures(schedule, b.nowMs, b.market?.priceUsd ?? b.price.value, null, volumeAllMarkets, null).unlockPressure : null;
  const metrics = [
    metric('nextUnlockDate', u?.nextUnlockDateMs != null ? new Date(u.nextUnlockDateMs).toISOString() : null, 'defillama', scheduleAt, schedule && !u?.next ? ['mn_no_cliff'] : undefined),
    metric('nextUnlockAmount', u?.nextUnlockAmount ?? null, 'defillama', scheduleAt),
    metric('nextUnlockValue', u?.nextUnlockValueUsd ?? null, 'computed', at),
    metric('nextUnlockPctCirculating', u?.nextUnlockPctCirculating ?? null, 'computed', minAt(at, b.marketAt)),
    metric('unlocks30dValue', u?.unlocks30dValueUsd ?? null, 'computed', at),
    metric('unlockPressure', pressure, 'computed', minAt(scheduleAt, b.marketAt)),
  ];
  const chain = u ? [] : issuedEmissions(b);
  if (chain.length > 0) metrics.push(...chain);
  else {
    // The token count stays en-US formatted (as before) in every language: a note's
    // substitutions are plain strings, and the content script has no room for a formatter here.
    const basisNote: Note | undefined =
      u?.emissionsBasis === 'documented'
        ? u.emissionsDisagree
          ? ['mn_documented_disagree', Math.round(u.emissions30dScheduleTokens).toLocaleString('en-US')]
          : ['mn_documented']
        : undefined;
    metrics.push(metric('emissions30dValue', u?.emissions30dValueUsd ?? null, 'computed', at, basisNote));
    if (b.hasRevenue) {
      metrics.push(metric('revenueToEmissions', u?.revenueToEmissions ?? null, 'computed', at, b.revenue30 && u && u.emissions30dValueUsd === 0 ? ['mn_no_emissions'] : undefined));
    }
  }
  if (!schedule || !u) return { metrics };
  const recipients = new Map<string, { recipient: string; category: string; amount: number }>();
  for (const a of u.next?.allocations ?? []) {
    const k = `${a.recipient}|${a.category}`;
    const cur = recipients.get(k);
    if (cur) cur.amount += a.amount;
    else recipients.set(k, { ...a });
  }
  return {
    metrics,
    unlockSchedule: {
      recipients: [...recipients.values()].sort((x, y) => y.amount - x.amount),
      months: upcomingByMonth(schedule, b.nowMs, 6).map((m) => ({ monthStartMs: m.monthStartMs, cliff: m.cliff, linear: m.linear })),
    },
  };
}

/** DePIN activity figures, labelled as their source reports them; the first figure of a key wins. */
export function networkGroup(feeds: ReadonlyArray<Feed<NetworkFigure[]>>): Metric[] {
  const out: Metric[] = [];
  for (const feed of feeds) {
    for (const n of okValue(feed) ?? []) {
      const id = `network:${n.key}` as const;
      if (out.some((m) => m.id === id)) continue;
      out.push({
        id,
        group: 'network',
        label: n.label,
        ...(n.labelNote ? { labelNote: n.labelNote } : {}),
        format: NETWORK_FORMAT[n.key] ?? 'count',
        value: Number.isFinite(n.value) ? n.value : null,
        source: feed.source,
        asOfMs: n.asOfMs,
        // no `explain`: the UI words a network figure's tooltip itself (`x_network`, "As reported by …")
        ...(n.trendPct !== undefined ? { trendPct: n.trendPct } : {}),
        ...(n.trendLabel ? { trendLabel: n.trendLabel } : {}),
      });
    }
  }
  return out;
}
