/**
 * Domain types shared by the worker, the UI and the pure libraries.
 *
 * Units are part of every name that crosses a boundary:
 * - `*Ms` are epoch or duration milliseconds, `*Sec` seconds;
 * - `*Pct` are percent (3.1 means +3.1 %), never fractions;
 * - `*Usd` are US dollars; supplies are in whole tokens.
 *
 * This module holds types only (no runtime code), so UI bundles can import it freely.
 */

/** Every provider a figure can come from. `computed` = derived by Tokenlens from other figures. */
export type SourceId =
  | 'coingecko'
  | 'coinpaprika'
  | 'defillama'
  | 'kucoin'
  | 'binance'
  | 'okx'
  | 'bybit'
  | 'coinbase'
  | 'kraken'
  | 'gate'
  | 'mexc'
  | 'bitget'
  | 'htx'
  | 'akash'
  | 'filfox'
  | 'helium'
  | 'depinscan'
  | 'taostats'
  | 'subtensor'
  | 'ionet'
  | 'aethir'
  | 'renderfoundation'
  | 'computed';

/** One daily (or other interval) candle, normalised: open time in epoch ms, ascending order. */
export interface Candle {
  /** open time, epoch milliseconds (UTC) */
  t: number;
  o: number;
  h: number;
  l: number;
  c: number;
  /** volume in base-asset units */
  v: number;
}

/** Normalised 24h ticker from an exchange. */
export interface Ticker24h {
  /** last traded price, in quote units */
  last: number;
  /** 24h change in percent (3.1 = +3.1 %) */
  change24hPct: number | null;
  /** 24h volume in base units */
  volumeBase: number | null;
  /** 24h volume in quote units */
  volumeQuote: number | null;
  /** when the exchange says this snapshot was taken, epoch ms (fetch time when absent) */
  asOfMs: number;
}

/** Normalised CoinGecko `/coins/markets` row (also produced by the CoinPaprika fallback). */
export interface MarketSnapshot {
  /** provider's id (`bittensor` on CoinGecko, `tao-bittensor` on CoinPaprika) */
  id: string;
  symbol: string;
  name: string;
  priceUsd: number | null;
  marketCapUsd: number | null;
  /** as the provider reports it; null when the provider has none */
  fdvUsd: number | null;
  circulatingSupply: number | null;
  totalSupply: number | null;
  maxSupply: number | null;
  athUsd: number | null;
  change24hPct: number | null;
  volume24hUsd: number | null;
  /** provider's last_updated, epoch ms */
  lastUpdatedMs: number | null;
  /** small logo URL, only ever shown from an allow-listed https host */
  image?: string | null;
}

/** A coin search hit (CoinGecko `/search`). */
export interface CoinSearchHit {
  id: string;
  symbol: string;
  name: string;
  /** market cap rank; null when unranked */
  rank: number | null;
}

/** Typed failure of a source; JSON-safe. */
export interface SourceError {
  kind: 'http' | 'rate-limited' | 'timeout' | 'network' | 'parse' | 'not-found' | 'blocked';
  /** HTTP status when there was one */
  status?: number;
  /** how long the provider asked us to wait, milliseconds */
  retryAfterMs?: number;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: SourceError };

export type MarketKind = 'spot' | 'margin' | 'perp' | 'future';

/** One value per UTC day; `dayMs` is that day's 00:00 UTC in epoch ms. */
export interface DailyValue {
  dayMs: number;
  usd: number;
}

/** DefiLlama fees or revenue history of one protocol or chain. */
export interface FeesSeries {
  slug: string;
  name: string;
  /** 'dailyFees' or 'dailyRevenue' */
  dataType: 'dailyFees' | 'dailyRevenue';
  /** the provider's own definition, flattened to text; null when none */
  methodology: string | null;
  /** ascending by day, as the provider sent them (may include today's partial day, may skip days) */
  daily: DailyValue[];
  /**
   * The provider's own 24h / 30d totals (USD), set only when the daily history was unavailable and
   * the `/overview/fees` row stood in for it (then `daily` is empty).
   */
  totals?: { last24hUsd: number | null; last30dUsd: number | null };
}

export interface UnlockAllocation {
  recipient: string;
  category: string;
  /** tokens */
  amount: number;
}

/** All cliff allocations released at one timestamp. */
export interface CliffUnlock {
  atMs: number;
  /** tokens, sum of allocations */
  amount: number;
  allocations: UnlockAllocation[];
}

/** A linear release: `ratePerDay` tokens per day from `startMs` until `endMs`. */
export interface LinearSegment {
  startMs: number;
  endMs: number;
  /** tokens per day */
  ratePerDay: number;
  recipient: string;
  category: string;
}

/** A token's unlock schedule (DefiLlama emissions), normalised. */
export interface EmissionSchedule {
  slug: string;
  geckoId: string | null;
  cliffs: CliffUnlock[];
  linear: LinearSegment[];
  /** provider's source links (https only), for the "where from" line */
  sources: string[];
  /**
   * DefiLlama `documentedData`: cumulative tokens unlocked per allocation label (points ascending,
   * `tMs` epoch ms, `unlocked` tokens), kept only around the fetch time. The most direct record of
   * what was released in a past window; absent when the provider sends none.
   */
  documented?: Array<{ label: string; points: Array<{ tMs: number; unlocked: number }> }>;
}

export type NetworkKey =
  | 'activeDevices'
  | 'gpus'
  | 'activeGpus'
  | 'providers'
  | 'activeLeases'
  | 'subnets'
  | 'neurons'
  | 'issuancePerDay'
  | 'hotspots'
  | 'storagePowerEiB'
  | 'activeMiners'
  | 'runningClusters'
  | 'computeEarningsUsd'
  | 'computeRevenue24hUsd'
  | 'computeRevenue30dUsd'
  | 'burnedLastEpoch';

/** One DePIN activity figure, labelled with what it really counts. */
export interface NetworkFigure {
  key: NetworkKey;
  /** what it counts, for people: "onboarded hotspots", "active GPUs (leased)" */
  label: string;
  value: number;
  asOfMs: number;
  /** change over the source's history window, percent, when the source gives history */
  trendPct?: number | null;
  /** what the trend compares, e.g. "vs 30 days ago" */
  trendLabel?: string;
}
