/**
 * Schemas of the domain values the worker caches. Entries read back from IndexedDB are
 * re-validated with these (GUIDE.md, "Cache"): a corrupted or older-shaped entry is a miss.
 */
import { array, finite, nullable, oneOf, optional, str, z } from '../sources/zod';
import type { CachePolicy } from './cache';
import type { Note } from './bundle';

const nfinite = nullable(finite);

/** A Note (lib/engine/bundle.ts): a key, then strings or Notes. */
const isNote = (v: unknown): v is Note => Array.isArray(v) && typeof v[0] === 'string' && v.slice(1).every((s) => typeof s === 'string' || isNote(s));

/** One daily (or other interval) candle, normalised: open time in epoch ms, ascending order. */
export const CandleSchema = z.object({
  /** open time, epoch milliseconds (UTC) */
  t: finite,
  o: finite,
  h: finite,
  l: finite,
  c: finite,
  /** volume in base-asset units */
  v: finite,
});
export const CandlesSchema = array(CandleSchema);

/** Normalised 24h ticker from an exchange. */
export const TickerSchema = z.object({
  /** last traded price, in quote units */
  last: finite,
  /** 24h change in percent (3.1 = +3.1 %) */
  change24hPct: nfinite,
  /** 24h volume in base units */
  volumeBase: nfinite,
  /** 24h volume in quote units */
  volumeQuote: nfinite,
  /** when the exchange says this snapshot was taken, epoch ms (fetch time when absent) */
  asOfMs: finite,
});

/** Normalised CoinGecko `/coins/markets` row (also produced by the CoinPaprika fallback). */
export const MarketSnapshotSchema = z.object({
  /** provider's id (`bittensor` on CoinGecko, `tao-bittensor` on CoinPaprika) */
  id: str,
  symbol: str,
  name: str,
  priceUsd: nfinite,
  marketCapUsd: nfinite,
  /** as the provider reports it; null when the provider has none */
  fdvUsd: nfinite,
  circulatingSupply: nfinite,
  totalSupply: nfinite,
  maxSupply: nfinite,
  athUsd: nfinite,
  change24hPct: nfinite,
  /** 24h volume across all markets the provider tracks, USD */
  volume24hUsd: nfinite,
  /** provider's last_updated, epoch ms */
  lastUpdatedMs: nfinite,
  /** small logo URL, only ever shown from an allow-listed https host */
  image: optional(nullable(str)),
});

export const MarketSnapshotsSchema = array(MarketSnapshotSchema);

export const FeeProtocolsSchema = array(z.object({ slug: str, name: str, geckoId: nullable(str), kind: oneOf(['protocol', 'chain']) }));
export const FeeChainsSchema = array(z.object({ slug: str, name: str, geckoId: nullable(str) }));

/** A coin search hit (CoinGecko `/search`). */
export const SearchHitSchema = z.object({
  id: str,
  symbol: str,
  name: str,
  /** market cap rank; null when unranked */
  rank: nfinite,
});
export const SearchHitsSchema = array(SearchHitSchema);

/** One value per UTC day; `dayMs` is that day's 00:00 UTC in epoch ms. */
export const DailyValueSchema = z.object({ dayMs: finite, usd: finite });

/** DefiLlama fees or revenue history of one protocol or chain. */
export const FeesSeriesSchema = z.object({
  slug: str,
  name: str,
  dataType: oneOf(['dailyFees', 'dailyRevenue']),
  /** the provider's own definition, flattened to text; null when none */
  methodology: nullable(str),
  /** ascending by day, as the provider sent them (may include today's partial day, may skip days) */
  daily: array(DailyValueSchema),
  /**
   * The provider's own 24h / 30d totals (USD), set only when the daily history was unavailable and
   * the `/overview/fees` row stood in for it (then `daily` is empty).
   */
  totals: optional(z.object({ last24hUsd: nfinite, last30dUsd: nfinite })),
});

export const UnlockAllocationSchema = z.object({
  recipient: str,
  category: str,
  /** tokens */
  amount: finite,
});

/** All cliff allocations released at one timestamp. */
export const CliffUnlockSchema = z.object({
  atMs: finite,
  /** tokens, sum of allocations */
  amount: finite,
  allocations: array(UnlockAllocationSchema),
});

/** A linear release: `ratePerDay` tokens per day from `startMs` until `endMs`. */
export const LinearSegmentSchema = z.object({
  startMs: finite,
  endMs: finite,
  /** tokens per day */
  ratePerDay: finite,
  recipient: str,
  category: str,
});

/** A token's unlock schedule (DefiLlama emissions), normalised. */
export const EmissionScheduleSchema = z.object({
  slug: str,
  geckoId: nullable(str),
  cliffs: array(CliffUnlockSchema),
  linear: array(LinearSegmentSchema),
  /** provider's source links (https only), for the "where from" line */
  sources: array(str),
  /**
   * DefiLlama `documentedData`: cumulative tokens unlocked per allocation label (points ascending,
   * `tMs` epoch ms, `unlocked` tokens), kept only around the fetch time. The most direct record of
   * what was released in a past window; absent when the provider sends none.
   */
  documented: optional(array(z.object({ label: str, points: array(z.object({ tMs: finite, unlocked: finite })) }))),
});

export const NetworkKeySchema = oneOf([
  'activeDevices',
  'gpus',
  'activeGpus',
  'providers',
  'activeLeases',
  'subnets',
  'neurons',
  'issuancePerDay',
  'hotspots',
  'storagePowerEiB',
  'activeMiners',
  'runningClusters',
  'computeEarningsUsd',
  'computeRevenue24hUsd',
  'computeRevenue30dUsd',
  'burnedLastEpoch',
]);

/** One DePIN activity figure, labelled with what it really counts. */
export const NetworkFigureSchema = z.object({
  key: NetworkKeySchema,
  /** what it counts, for people: "onboarded hotspots", "active GPUs (leased)" */
  label: str,
  value: finite,
  asOfMs: finite,
  /** change over the source's history window, percent, when the source gives history */
  trendPct: optional(nfinite),
  /** what the trend compares, e.g. "vs 30 days ago" */
  trendLabel: optional(str),
  /**
   * `label` as a message key and substitutions (`nl_<source>_…`), which the UI words in its
   * language. Optional: figures cached by a version before it still parse (they show `label`).
   */
  labelNote: optional(z.custom<Note>(isNote)),
});
export const NetworkFiguresSchema = array(NetworkFigureSchema);

export const StringListSchema = array(str);

/** Makes a cache policy whose read-back check is a zod schema. */
export function policy<S extends z.ZodMiniType>(
  key: string,
  schema: S,
  freshness: { maxAgeMs: number; staleMs: number; notFoundMaxAgeMs?: number },
  version = 1,
): CachePolicy<z.output<S>> {
  return {
    key,
    version,
    maxAgeMs: freshness.maxAgeMs,
    staleMs: freshness.staleMs,
    notFoundMaxAgeMs: freshness.notFoundMaxAgeMs ?? 0,
    check(value) {
      const r = schema.safeParse(value);
      return r.success ? r.data : undefined;
    },
  };
}
