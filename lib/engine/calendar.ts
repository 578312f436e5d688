/**
 * The worker's side of the unlock calendar (issue 13): the active watchlist's bundles from ONE
 * `compare` call (market data in one batched request; fundamentals through the cache), then each
 * token's full emission schedule read back from the cache entry that call just filled — the
 * bundle carries only the next cliff, the calendar needs every cliff of the next 90 days. No
 * upstream request is made here beyond that one `compare`.
 *
 * Kept out of engine.ts / assemble.ts on purpose (those are being split into modules): it takes
 * the engine's public `compare` as an injected dependency, and reads the cache with `peek`.
 */
import { metricNumber as num, type Bundle } from './bundle';
import type { SwrCache } from './cache';
import { EmissionScheduleSchema, FeeChainsSchema, FeeProtocolsSchema, policy, StringListSchema } from './domain-schemas';
import { llamaOverrides, resolveLlamaSlugs, type LlamaSlugs } from '../sources/network-registry';
import type { Settings } from '../settings/schema';
import type { EmissionSchedule } from '../types';
import type { CalendarInput, CalendarToken } from '../metrics/unlock-calendar';

/** the emission schedule of a CoinGecko id as the engine cached it, or null when none is cached */
export type ScheduleReader = (geckoId: string) => Promise<EmissionSchedule | null>;

// `peek` ignores freshness: these policies only carry the key, the version and the read-back check.
export const NO_AGE = { maxAgeMs: 0, staleMs: 0 };

/**
 * DefiLlama slugs of a CoinGecko id, resolved exactly as the engine does (override table, else
 * the DefiLlama lists the engine cached), without any request.
 */
export function cachedSlugs(cache: Pick<SwrCache, 'peek'>): (geckoId: string) => Promise<LlamaSlugs> {
  return async (geckoId) => {
    const o = llamaOverrides[geckoId];
    if (o && o.feesSlug !== undefined && o.emissionsSlug !== undefined) return resolveLlamaSlugs(geckoId, [], [], []);
    const [protocols, chains, list] = await Promise.all([
      cache.peek(policy('llama:protocols', FeeProtocolsSchema, NO_AGE)),
      cache.peek(policy('llama:chains', FeeChainsSchema, NO_AGE)),
      cache.peek(policy('llama:emissions-list', StringListSchema, NO_AGE)),
    ]);
    return resolveLlamaSlugs(geckoId, protocols?.value ?? [], chains?.value ?? [], list?.value ?? []);
  };
}

/** Reads schedules from the cache entries the engine writes (`llama:emissions:<slug>`). */
export function cachedSchedules(cache: Pick<SwrCache, 'peek'>): ScheduleReader {
  const slugs = cachedSlugs(cache);
  return async (geckoId) => {
    const slug = (await slugs(geckoId)).emissionsSlug;
    const entry = slug ? await cache.peek(policy(`llama:emissions:${slug}`, EmissionScheduleSchema, NO_AGE)) : undefined;
    return entry ? entry.value : null;
  };
}

export interface CalendarDeps {
  settings(): Promise<Settings>;
  /** the engine's `compare`: full bundles, market data batched */
  compare(symbols: string[]): Promise<Bundle[]>;
  schedule: ScheduleReader;
  now(): number;
}

/** compare() accepts at most 40 tickers (lib/messaging/server.ts) */
const MAX_TOKENS = 40;

/**
 * The calendar's inputs for the active watchlist: each token's cached schedule with its price,
 * circulating supply and 24h volume. The rows themselves are built by the page with
 * `buildCalendar` (lib/metrics/unlock-calendar.ts) from these already parsed values: it is pure
 * arithmetic, and keeping it out of the worker keeps the worker under its 40 KB gzip budget.
 * A token whose unlock schedule feed failed (not "absent") is reported in `unavailable`, not
 * among the tokens, so it is never called "no public schedule".
 */
export async function unlockCalendar(deps: CalendarDeps): Promise<CalendarInput> {
  const s = await deps.settings();
  const wl = s.watchlists.find((w) => w.id === s.activeWatchlistId) ?? s.watchlists[0];
  const symbols = [...new Set((wl?.items ?? []).map((i) => i.symbol))].slice(0, MAX_TOKENS);
  const bundles = symbols.length ? await deps.compare(symbols) : [];
  const unavailable: string[] = [];
  const tokens: CalendarToken[] = [];
  await Promise.all(
    bundles.map(async (b, i) => {
      const symbol = symbols[i]!;
      const feed = b.sources.find((x) => x.what === 'w_unlocks');
      const schedule = b.asset ? await deps.schedule(b.asset.id) : null;
      if (!schedule && feed && !feed.ok && !feed.absent) return void unavailable.push(symbol);
      tokens[i] = { symbol, name: b.asset?.name ?? null, schedule, priceUsd: num(b, 'price'), circulatingSupply: num(b, 'circulatingSupply'), volume24hUsd: num(b, 'volume24h') };
    }),
  );
  return { watchlist: wl?.name ?? null, tokens: tokens.filter(Boolean), unavailable, asOfMs: deps.now() };
}
