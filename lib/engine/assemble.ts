/**
 * Builds the overlay's bundle from whatever the sources returned. Pure: no fetching, no
 * storage, so every rule about which figure wins, what counts as missing and which state the
 * overlay shows is unit-tested with plain values.
 *
 * Units: every number in a Metric follows CONTRACT.md (USD, percent, ratio, tokens).
 */
import type { Bundle, Metric, MetricFormat, MetricGroup, MetricId, OverlayState, SourceStatus } from './bundle';
import type { CacheResult } from './cache';
import type { DetectedPair } from '../exchanges/define';
import type { Resolution } from '../assets/resolve';
import type { Candle, EmissionSchedule, FeesSeries, MarketSnapshot, NetworkFigure, SourceId, Ticker24h } from '../types';
import { metricsFromCandles } from '../metrics/technicals';
import { fdv as fdvOf, pctVs, ratio } from '../metrics/valuation';
import { dailyFigures, sparkline } from '../metrics/revenue';
import { unlockFigures, upcomingByMonth } from '../metrics/unlocks';
import { sourceLabel } from '../labels';

/** One upstream feed's outcome, as the cache returned it. */
export interface Feed<T> {
  source: SourceId;
  /** what it provides, for people: "market data", "24h ticker", "daily candles" */
  what: string;
  result: CacheResult<T>;
}

export interface AssembleInput {
  pair: Bundle['pair'];
  asset: Resolution | null;
  /** why the asset could not be resolved, when it could not */
  assetProblem?: { kind: 'unknown' | 'unreachable'; message: string };
  market?: Feed<MarketSnapshot | null>;
  ticker?: Feed<Ticker24h>;
  candles?: Feed<Candle[]>;
  fees?: Feed<FeesSeries>;
  revenue?: Feed<FeesSeries>;
  emissions?: Feed<EmissionSchedule>;
  network?: Array<Feed<NetworkFigure[]>>;
  /** fundamentals that do not exist for this asset (not failures): "no DefiLlama revenue" */
  notCovered?: string[];
  nowMs: number;
}

/** Quotes whose prices are USD for our purposes (CONTRACT.md, `price`). */
export const USD_QUOTES: ReadonlySet<string> = new Set(['USD', 'USDT', 'USDC', 'FDUSD', 'TUSD', 'BUSD', 'DAI', 'USDE', 'USD1', 'PYUSD', 'RLUSD']);

export function isUsdQuote(quote: string): boolean {
  return USD_QUOTES.has(quote.toUpperCase());
}

interface Spec {
  group: MetricGroup;
  label: string;
  format: MetricFormat;
  explain: string;
}

/** Labels, formats and one-line explanations of every metric (tooltips). */
export const METRIC_SPECS: Record<Exclude<MetricId, `network:${string}`>, Spec> = {
  price: { group: 'market', label: 'Price', format: 'usd', explain: 'Last price of the pair on screen when quoted in a USD stablecoin, else CoinGecko' },
  change24h: { group: 'market', label: '24h change', format: 'signedPct', explain: 'Price change over 24 hours, percent' },
  volume24h: { group: 'market', label: '24h volume', format: 'usd', explain: '24h traded volume in USD (venue ticker, else CoinGecko all-market volume)' },
  marketCap: { group: 'valuation', label: 'Market cap', format: 'usd', explain: 'CoinGecko market cap: price × circulating supply' },
  fdv: { group: 'valuation', label: 'FDV', format: 'usd', explain: 'Fully diluted valuation: CoinGecko FDV, else price × (max supply ?? total supply)' },
  fdvToMcap: { group: 'valuation', label: 'FDV / market cap', format: 'ratio', explain: 'FDV ÷ market cap: how many times the float the fully diluted supply is worth' },
  circulatingSupply: { group: 'valuation', label: 'Circulating', format: 'tokens', explain: 'Tokens in circulation (CoinGecko)' },
  totalSupply: { group: 'valuation', label: 'Total supply', format: 'tokens', explain: 'Tokens created minus burned (CoinGecko)' },
  maxSupply: { group: 'valuation', label: 'Max supply', format: 'tokens', explain: 'Hard cap on supply; empty when uncapped (CoinGecko)' },
  ath: { group: 'market', label: 'All-time high', format: 'usd', explain: 'Highest price ever (CoinGecko)' },
  athDrawdown: { group: 'market', label: 'From ATH', format: 'signedPct', explain: '(price ÷ ATH − 1) × 100, negative below the high' },
  sma50: { group: 'technicals', label: '50-day MA', format: 'usd', explain: 'Mean of the last 50 closed daily closes (today’s open candle excluded)' },
  priceVsSma50: { group: 'technicals', label: 'Price vs 50d MA', format: 'signedPct', explain: '(price ÷ 50-day MA − 1) × 100' },
  rsi14: { group: 'technicals', label: 'RSI (14)', format: 'index', explain: 'Wilder’s RSI over 14 closed daily candles (0–100)' },
  support: { group: 'technicals', label: 'Support', format: 'usd', explain: 'Nearest daily swing low below price' },
  resistance: { group: 'technicals', label: 'Resistance', format: 'usd', explain: 'Nearest daily swing high above price' },
  fees24h: { group: 'usage', label: 'Fees (24h)', format: 'usd', explain: 'Fees paid by users on the last complete UTC day (DefiLlama dailyFees)' },
  fees30d: { group: 'usage', label: 'Fees (30d)', format: 'usd', explain: 'Sum of the last 30 complete UTC days of fees (DefiLlama)' },
  revenue24h: { group: 'usage', label: 'Revenue (24h)', format: 'usd', explain: 'Protocol revenue on the last complete UTC day (DefiLlama dailyRevenue)' },
  revenue30d: { group: 'usage', label: 'Revenue (30d)', format: 'usd', explain: 'Sum of the last 30 complete UTC days of revenue (DefiLlama)' },
  revenueAnnualized: { group: 'usage', label: 'Revenue (annualized)', format: 'usd', explain: 'Revenue (30d) × 365 ÷ 30' },
  fdvToRevenue: { group: 'usage', label: 'FDV / revenue', format: 'ratio', explain: 'FDV ÷ annualized revenue (empty when revenue ≤ 0)' },
  nextUnlockDate: { group: 'unlocks', label: 'Next unlock', format: 'date', explain: 'First scheduled cliff unlock after now (DefiLlama emissions)' },
  nextUnlockAmount: { group: 'unlocks', label: 'Next unlock amount', format: 'tokens', explain: 'Tokens released by that unlock, all allocations' },
  nextUnlockValue: { group: 'unlocks', label: 'Next unlock value', format: 'usd', explain: 'Next unlock amount × price' },
  nextUnlockPctCirculating: { group: 'unlocks', label: 'Next unlock / circulating', format: 'pct', explain: 'Next unlock amount ÷ circulating supply × 100' },
  unlocks30dValue: { group: 'unlocks', label: 'Unlocks next 30d', format: 'usd', explain: 'All scheduled releases (cliff and linear) in the next 30 days × price' },
  unlockPressure: { group: 'unlocks', label: 'Unlock pressure', format: 'ratio', explain: 'Unlocks next 30d ÷ 24h volume' },
  emissions30dValue: { group: 'usage', label: 'Emissions (30d)', format: 'usd', explain: 'Tokens released in the last 30 days per the schedule × price' },
  revenueToEmissions: { group: 'usage', label: 'Revenue / emissions', format: 'ratio', explain: 'Revenue (30d) ÷ emissions value (30d)' },
};

const NETWORK_FORMAT: Record<string, MetricFormat> = {
  storagePowerEiB: 'eib',
  computeEarningsUsd: 'usd',
  computeRevenue24hUsd: 'usd',
  computeRevenue30dUsd: 'usd',
  burnedLastEpoch: 'tokens',
  issuancePerDay: 'tokens',
};

/**
 * A fundamentals feed that answered "there is no such data" (unknown slug, a key the user has
 * not set) is not an outage: its metrics are left out and a note says why, and the overlay is
 * not marked partial for it. Rate limits, timeouts and bad responses are outages.
 */
export function isAbsent<T>(f: Feed<T> | undefined): boolean {
  return !!f && !f.result.ok && (f.result.error.kind === 'not-found' || f.result.error.kind === 'blocked');
}

function okValue<T>(f: Feed<T> | undefined): T | undefined {
  return f && f.result.ok ? f.result.value : undefined;
}

function asOf<T>(f: Feed<T> | undefined): number | null {
  return f && f.result.ok ? f.result.fetchedAtMs : null;
}

function statusOf<T>(f: Feed<T>): SourceStatus {
  const r = f.result;
  if (r.ok) {
    return {
      source: f.source,
      what: f.what,
      ok: true,
      stale: r.stale,
      asOfMs: r.fetchedAtMs,
      ...(r.error ? { error: `refresh failed: ${r.error.message}` } : {}),
    };
  }
  return {
    source: f.source,
    what: f.what,
    ok: false,
    stale: false,
    asOfMs: r.lastOkAtMs ?? null,
    error: r.error.kind === 'blocked' ? r.error.message : describeError(r.error),
    ...(isAbsent(f) ? { absent: true } : {}),
  };
}

function describeError(e: { kind: string; message: string; status?: number }): string {
  switch (e.kind) {
    case 'rate-limited':
      return `rate-limited (HTTP ${e.status ?? 429})`;
    case 'timeout':
      return 'timed out';
    case 'network':
      return 'unreachable';
    case 'not-found':
      return 'not listed';
    case 'parse':
      return `bad response (${e.message})`;
    default:
      return e.message;
  }
}

/** Builds the bundle. Never throws for any combination of missing or failed feeds. */
export function assemble(input: AssembleInput): Bundle {
  const { nowMs, pair } = input;
  const metrics: Metric[] = [];
  const notes: string[] = [];
  const add = (id: Exclude<MetricId, `network:${string}`>, value: number | string | null, source: SourceId, at: number | null, note?: string) => {
    const spec = METRIC_SPECS[id];
    const clean = typeof value === 'number' && !Number.isFinite(value) ? null : value;
    metrics.push({ id, ...spec, value: clean, source, asOfMs: clean === null ? null : at, ...(note ? { note } : {}) });
  };

  const market = okValue(input.market) ?? null;
  const marketSrc = input.market?.source ?? 'coingecko';
  const marketAt = asOf(input.market);
  const ticker = okValue(input.ticker);
  const usdQuoted = isUsdQuote(pair.quote);
  const tickerUsable = !!ticker && usdQuoted && pair.venue !== null;
  const tickerSrc = input.ticker?.source ?? 'computed';
  const tickerAt = ticker ? Math.min(ticker.asOfMs, asOf(input.ticker) ?? ticker.asOfMs) : null;

  // --- market: price, change, volume (CONTRACT.md: venue ticker when USD-quoted, else CoinGecko)
  let price: number | null = null;
  let priceSrc: SourceId = marketSrc;
  let priceAt: number | null = null;
  if (tickerUsable && ticker) {
    // Market data is always the venue's SPOT pair of the base (multiplier already stripped by
    // pair detection), so the price is per one token even on a 1000PEPE contract page.
    price = ticker.last;
    priceSrc = tickerSrc;
    priceAt = tickerAt;
    add('price', price, priceSrc, priceAt);
    add('change24h', ticker.change24hPct, tickerSrc, tickerAt);
    const volUsd = ticker.volumeQuote ?? (ticker.volumeBase !== null ? ticker.volumeBase * ticker.last : null);
    add('volume24h', volUsd, tickerSrc, tickerAt);
  } else {
    price = market?.priceUsd ?? null;
    priceAt = marketAt;
    add('price', price, marketSrc, priceAt, price === null ? 'no price source answered' : undefined);
    add('change24h', market?.change24hPct ?? null, marketSrc, marketAt);
    add('volume24h', market?.volume24hUsd ?? null, marketSrc, marketAt);
    if (ticker && !usdQuoted) notes.push(`${pair.base}/${pair.quote} is not quoted in USD: price and volume are CoinGecko's USD figures.`);
  }

  // --- valuation (CoinGecko or its fallback)
  const valuationNote = market ? undefined : input.market && !input.market.result.ok ? `${labelOf(marketSrc)} unavailable` : 'no market data';
  add('marketCap', market?.marketCapUsd ?? null, marketSrc, marketAt, valuationNote);
  const f = market ? fdvOf(market, market.priceUsd) : null;
  const fdvNote = f && f.basis !== 'reported' ? `computed from ${f.basis === 'maxSupply' ? 'max' : 'total'} supply × price` : valuationNote;
  add('fdv', f?.value ?? null, f && f.basis !== 'reported' ? 'computed' : marketSrc, marketAt, fdvNote);
  add('fdvToMcap', ratio(f?.value, market?.marketCapUsd), 'computed', marketAt, valuationNote);
  add('circulatingSupply', market?.circulatingSupply ?? null, marketSrc, marketAt, valuationNote);
  add('totalSupply', market?.totalSupply ?? null, marketSrc, marketAt, valuationNote);
  add('maxSupply', market?.maxSupply ?? null, marketSrc, marketAt, market && market.maxSupply === null ? 'uncapped or not reported' : valuationNote);
  add('ath', market?.athUsd ?? null, marketSrc, marketAt, valuationNote);
  add('athDrawdown', pctVs(price, market?.athUsd ?? null), 'computed', minAt(priceAt, marketAt), valuationNote);

  // --- technicals from daily candles (USD-denominated: the caller only passes USD candles)
  const candles = okValue(input.candles);
  if (input.candles) {
    const candleAt = asOf(input.candles);
    // Closed candles are judged at the time the candles were fetched (an open candle cached
    // before midnight stays open when read after it).
    const cm = candles ? metricsFromCandles(candles, price, nowMs, candleAt) : null;
    const src = input.candles.source;
    const techNote = !candles ? `${labelOf(src)} candles unavailable` : cm && cm.closedCount < 50 ? `only ${cm.closedCount} closed daily candles` : undefined;
    add('sma50', cm?.sma50 ?? null, src, candleAt, techNote);
    add('priceVsSma50', cm?.priceVsSma50Pct ?? null, 'computed', minAt(candleAt, priceAt), techNote);
    add('rsi14', cm?.rsi14 ?? null, src, candleAt, techNote);
    add('support', cm?.support ?? null, 'computed', candleAt, cm && cm.support === null ? 'no swing low below price' : techNote);
    add('resistance', cm?.resistance ?? null, 'computed', candleAt, cm && cm.resistance === null ? 'no swing high above price in 180 days' : techNote);
    const last = metrics.find((m) => m.id === 'support');
    if (last && cm) last.explain = cm.srMethod;
  }

  // --- usage and revenue
  // Feeds that have no data for this asset are dropped here (see isAbsent) and noted below.
  const absentNotes: string[] = [];
  const keep = <T,>(f: Feed<T> | undefined, what: string): Feed<T> | undefined => {
    if (!isAbsent(f)) return f;
    const e = f!.result.ok ? undefined : f!.result.error;
    absentNotes.push(e?.kind === 'blocked' ? `${labelOf(f!.source)} ${what}: ${e.message}.` : `${labelOf(f!.source)} has no ${what} for this asset.`);
    return undefined;
  };
  const original = input;
  const feesFeed = keep(input.fees, 'fees data');
  const revenueFeed = keep(input.revenue, 'revenue data');
  const emissionsFeed = keep(input.emissions, 'unlock schedule');
  const networkFeeds = (input.network ?? []).filter((n) => keep(n, 'network activity data'));
  input = { ...input, fees: feesFeed, revenue: revenueFeed, emissions: emissionsFeed, network: networkFeeds };
  const fees = okValue(input.fees);
  const revenue = okValue(input.revenue);
  // Complete UTC days are judged at the time each series was FETCHED (lib/metrics/time.ts
  // judgedAt): a series cached at 23:00 and read at 01:00 keeps its last point as in progress.
  const f30 = fees ? seriesFigures(fees, nowMs, asOf(input.fees)) : null;
  const r30 = revenue ? seriesFigures(revenue, nowMs, asOf(input.revenue)) : null;
  if (input.fees) {
    const at = asOf(input.fees);
    const n = f30?.note;
    const src = input.fees.source;
    add('fees24h', f30?.last24h ?? null, src, at, f30?.totalsNote);
    add('fees30d', f30?.last30d ?? null, src, at, n);
  }
  if (input.revenue) {
    const at = asOf(input.revenue);
    const n = r30?.note;
    const src = input.revenue.source;
    add('revenue24h', r30?.last24h ?? null, src, at, r30?.totalsNote);
    add('revenue30d', r30?.last30d ?? null, src, at, n);
    add('revenueAnnualized', r30?.annualized ?? null, 'computed', at, n);
    const ann = r30?.annualized ?? null;
    add('fdvToRevenue', ann !== null && ann > 0 ? ratio(f?.value, ann) : null, 'computed', minAt(at, marketAt), ann !== null && ann <= 0 ? 'revenue is zero or negative' : undefined);
  }

  // --- unlocks and emissions
  const schedule = okValue(input.emissions);
  // Without a usable schedule, a chain that reports its issuance (Subtensor: BlockEmission ×
  // 7,200 blocks of 12 s a day) gives the emissions figure, labelled with that method.
  const issued = schedule ? null : issuanceFromNetwork(input.network ?? []);
  const issuedUsd = issued && price !== null ? issued.perDay * 30 * price : null;
  const issuedNote = issued ? `${labelOf(issued.source)} block emission × 7,200 blocks a day × 30 days × price (no DefiLlama schedule)` : undefined;
  const issuedAt = issued ? minAt(issued.asOfMs, priceAt) : null;
  if (!input.emissions && issuedUsd !== null) {
    add('emissions30dValue', issuedUsd, 'computed', issuedAt, issuedNote);
    if (input.revenue) add('revenueToEmissions', ratio(r30?.last30d ?? null, issuedUsd), 'computed', issuedAt, issuedNote);
  }
  let unlockSchedule: Bundle['unlockSchedule'];
  if (input.emissions) {
    const at = minAt(asOf(input.emissions), priceAt);
    const u = schedule
      ? unlockFigures(schedule, nowMs, price, market?.circulatingSupply ?? null, metricNumber(metrics, 'volume24h'), r30?.last30d ?? null)
      : null;
    add('nextUnlockDate', u?.nextUnlockDateMs != null ? new Date(u.nextUnlockDateMs).toISOString() : null, 'defillama', asOf(input.emissions), schedule && !u?.next ? 'no scheduled cliff unlock ahead' : undefined);
    add('nextUnlockAmount', u?.nextUnlockAmount ?? null, 'defillama', asOf(input.emissions));
    add('nextUnlockValue', u?.nextUnlockValueUsd ?? null, 'computed', at);
    add('nextUnlockPctCirculating', u?.nextUnlockPctCirculating ?? null, 'computed', minAt(at, marketAt));
    add('unlocks30dValue', u?.unlocks30dValueUsd ?? null, 'computed', at);
    add('unlockPressure', u?.unlockPressure ?? null, 'computed', at);
    if (!u && issuedUsd !== null) {
      add('emissions30dValue', issuedUsd, 'computed', issuedAt, issuedNote);
      if (input.revenue) add('revenueToEmissions', ratio(r30?.last30d ?? null, issuedUsd), 'computed', issuedAt, issuedNote);
    } else {
      const basisNote =
        u?.emissionsBasis === 'documented'
          ? `from DefiLlama's documented unlocked amounts${u.emissionsDisagree ? ` (the event schedule says ${Math.round(u.emissions30dScheduleTokens).toLocaleString('en-US')} tokens)` : ''}`
          : undefined;
      add('emissions30dValue', u?.emissions30dValueUsd ?? null, 'computed', at, basisNote);
      if (input.revenue) add('revenueToEmissions', u?.revenueToEmissions ?? null, 'computed', at, r30 && u && u.emissions30dValueUsd === 0 ? 'no emissions in the last 30 days' : undefined);
    }
    if (schedule && u) {
      const recips = new Map<string, { recipient: string; category: string; amount: number }>();
      for (const a of u.next?.allocations ?? []) {
        const k = `${a.recipient}|${a.category}`;
        const cur = recips.get(k);
        if (cur) cur.amount += a.amount;
        else recips.set(k, { ...a });
      }
      unlockSchedule = {
        recipients: [...recips.values()].sort((a, b) => b.amount - a.amount),
        months: upcomingByMonth(schedule, nowMs, 6).map((m) => ({ monthStartMs: m.monthStartMs, cliff: m.cliff, linear: m.linear })),
      };
    }
  }

  // --- network activity
  for (const feed of input.network ?? []) {
    const figures = okValue(feed) ?? [];
    for (const n of figures) {
      if (metrics.some((m) => m.id === `network:${n.key}`)) continue;
      metrics.push({
        id: `network:${n.key}`,
        group: 'network',
        label: n.label,
        format: NETWORK_FORMAT[n.key] ?? 'count',
        value: Number.isFinite(n.value) ? n.value : null,
        source: feed.source,
        asOfMs: n.asOfMs,
        explain: `${n.label}, as reported by ${labelOf(feed.source)}`,
        ...(n.trendPct !== undefined ? { trendPct: n.trendPct } : {}),
        ...(n.trendLabel ? { trendLabel: n.trendLabel } : {}),
      });
    }
  }

  // --- sources and state
  const feeds = [original.ticker, original.market, original.candles, original.fees, original.revenue, original.emissions, ...(original.network ?? [])].filter(
    (x): x is Feed<any> => !!x,
  );
  const sources = feeds.map(statusOf);
  for (const s of sources) {
    if (!s.ok && !s.absent) notes.push(`${labelOf(s.source)} ${s.what}: ${s.error}${s.asOfMs ? `; last worked ${new Date(s.asOfMs).toISOString().slice(0, 16).replace('T', ' ')} UTC` : ''}.`);
  }
  if (input.candles?.result.ok && input.candles.source !== pair.venue && pair.venue) {
    const why = !usdQuoted
      ? 'the USD pair'
      : original.ticker
        ? `${labelOf(pair.venue)} candles unavailable`
        : `${labelOf(pair.venue)} publishes no public market data`;
    notes.push(`Technicals use ${labelOf(input.candles.source)} daily candles (${why}).`);
  }
  if (input.assetProblem) notes.push(input.assetProblem.message);
  if (pair.leveraged) notes.push(`${pair.base} is a leveraged token: its price is not ${pair.base.replace(/\d*[LS]$|(UP|DOWN|BULL|BEAR)$/, '')}'s.`);
  for (const n of input.notCovered ?? []) notes.push(n);
  notes.push(...absentNotes);

  let state: OverlayState;
  const anyValue = metrics.some((m) => m.value !== null);
  if (!input.asset && input.assetProblem?.kind === 'unknown') state = 'unsupported';
  else if (!anyValue) state = 'error';
  else if (sources.some((s) => !s.ok && !s.absent) || !input.asset) state = 'partial';
  else if (sources.some((s) => s.stale)) state = 'stale';
  else state = 'ready';

  const asset = input.asset ? { id: input.asset.id, symbol: input.asset.symbol, name: market?.name || input.asset.name } : null;
  return {
    state,
    pair,
    asset,
    assetVia: input.asset?.via ?? null,
    alternatives: input.asset?.alternatives ?? [],
    metrics,
    sources,
    candlesFrom: input.candles?.result.ok ? input.candles.source : null,
    notes: [...new Set(notes)],
    ...(fees || revenue ? { methodology: { fees: fees?.methodology ?? null, revenue: revenue?.methodology ?? null } } : {}),
    ...(unlockSchedule ? { unlockSchedule } : {}),
    ...(candles ? { spark: candles.slice(-30).map((c) => c.c) } : {}),
    ...(revenue ? { revenueSpark: sparkline(revenue.daily, nowMs, 30, asOf(input.revenue)) } : {}),
    generatedAtMs: nowMs,
  };
}

/**
 * 24h / 30d figures of a fees or revenue series: complete UTC days judged at fetch time; when the
 * daily history was unavailable and DefiLlama's `/overview/fees` totals stood in, those totals.
 */
function seriesFigures(series: FeesSeries, nowMs: number, fetchedAtMs: number | null): { last24h: number | null; last30d: number | null; annualized: number | null; note?: string; totalsNote?: string } {
  if (series.totals && series.daily.length === 0) {
    const last30d = series.totals.last30dUsd;
    const note = "DefiLlama's own overview total (daily history unavailable)";
    return { last24h: series.totals.last24hUsd, last30d, annualized: last30d === null ? null : (last30d * 365) / 30, note, totalsNote: note };
  }
  const d = dailyFigures(series.daily, nowMs, fetchedAtMs);
  return { last24h: d.last24h, last30d: d.last30d, annualized: d.annualized, ...(d.daysIn30d < 30 ? { note: `${d.daysIn30d} of 30 days reported` } : {}) };
}

/** Tokens issued per day as a network source reports it (`issuancePerDay`), when one does. */
function issuanceFromNetwork(feeds: ReadonlyArray<Feed<NetworkFigure[]>>): { perDay: number; source: SourceId; asOfMs: number } | null {
  for (const f of feeds) {
    const n = okValue(f)?.find((x) => x.key === 'issuancePerDay');
    if (n && Number.isFinite(n.value) && n.value >= 0) return { perDay: n.value, source: f.source, asOfMs: n.asOfMs };
  }
  return null;
}

function metricNumber(ms: Metric[], id: MetricId): number | null {
  const v = ms.find((m) => m.id === id)?.value;
  return typeof v === 'number' ? v : null;
}

function minAt(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

/** A provider's or venue's name for notes (lib/labels.ts, shared with the UI). */
export function labelOf(s: SourceId | string): string {
  return sourceLabel(s);
}
