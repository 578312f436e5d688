/**
 * Schemas of the domain values the worker caches. Entries read back from IndexedDB are
 * re-validated with these (GUIDE.md, "Cache"): a corrupted or older-shaped entry is a miss.
 */
import { z } from '../sources/zod';
import type { CachePolicy } from './cache';

const finite = z.number().check(z.refine(Number.isFinite));
const nfinite = z.nullable(finite);

export const CandleSchema = z.object({ t: finite, o: finite, h: finite, l: finite, c: finite, v: finite });
export const CandlesSchema = z.array(CandleSchema);

export const TickerSchema = z.object({
  last: finite,
  change24hPct: nfinite,
  volumeBase: nfinite,
  volumeQuote: nfinite,
  asOfMs: finite,
});

export const MarketSnapshotSchema = z.object({
  id: z.string(),
  symbol: z.string(),
  name: z.string(),
  priceUsd: nfinite,
  marketCapUsd: nfinite,
  fdvUsd: nfinite,
  circulatingSupply: nfinite,
  totalSupply: nfinite,
  maxSupply: nfinite,
  athUsd: nfinite,
  change24hPct: nfinite,
  volume24hUsd: nfinite,
  lastUpdatedMs: nfinite,
  image: z.optional(z.nullable(z.string())),
});

export const MarketSnapshotsSchema = z.array(MarketSnapshotSchema);

export const FeeProtocolsSchema = z.array(z.object({ slug: z.string(), name: z.string(), geckoId: z.nullable(z.string()), kind: z.enum(['protocol', 'chain']) }));
export const FeeChainsSchema = z.array(z.object({ slug: z.string(), name: z.string(), geckoId: z.nullable(z.string()) }));

export const SearchHitsSchema = z.array(z.object({ id: z.string(), symbol: z.string(), name: z.string(), rank: nfinite }));

const DailySchema = z.array(z.object({ dayMs: finite, usd: finite }));
export const FeesSeriesSchema = z.object({
  slug: z.string(),
  name: z.string(),
  dataType: z.enum(['dailyFees', 'dailyRevenue']),
  methodology: z.nullable(z.string()),
  daily: DailySchema,
  totals: z.optional(z.object({ last24hUsd: nfinite, last30dUsd: nfinite })),
});

export const EmissionScheduleSchema = z.object({
  slug: z.string(),
  geckoId: z.nullable(z.string()),
  cliffs: z.array(
    z.object({
      atMs: finite,
      amount: finite,
      allocations: z.array(z.object({ recipient: z.string(), category: z.string(), amount: finite })),
    }),
  ),
  linear: z.array(z.object({ startMs: finite, endMs: finite, ratePerDay: finite, recipient: z.string(), category: z.string() })),
  sources: z.array(z.string()),
  documented: z.optional(z.array(z.object({ label: z.string(), points: z.array(z.object({ tMs: finite, unlocked: finite })) }))),
});

export const NetworkFiguresSchema = z.array(
  z.object({
    key: z.enum([
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
    ]),
    label: z.string(),
    value: finite,
    asOfMs: finite,
    trendPct: z.optional(nfinite),
    trendLabel: z.optional(z.string()),
  }),
);

export const StringListSchema = z.array(z.string());

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
