/**
 * What every feed module of the engine shares: the cache, the fetch function, the clock and the
 * settings. Built once by `createEngine`; feed modules receive it as their first argument, so
 * each one can be read (and tested) without the others.
 */
import type { CachePolicy, CacheResult, RevalidateMode, SwrCache } from './cache';
import type { FetchFn, RequestOptions } from '../sources/http';
import type { Settings } from '../settings/schema';
import type { CoingeckoKey } from '../sources/coingecko';
import type { Result } from '../types';

export interface EngineDeps {
  cache: SwrCache;
  fetch: FetchFn;
  /** epoch milliseconds */
  now?: () => number;
  settings: () => Promise<Settings>;
}

export interface FeedContext {
  cache: SwrCache;
  /** epoch milliseconds */
  now: () => number;
  /** request options for `fetchText`: the injected fetch and, when given, an abort signal */
  opts(signal?: AbortSignal): RequestOptions;
  /** reads one feed through the cache; the policy's schema and the fetcher agree on `T` */
  read<T>(policy: CachePolicy<T>, fetcher: () => Promise<Result<T>>, mode: RevalidateMode): Promise<CacheResult<T>>;
}

export function feedContext(deps: EngineDeps): FeedContext {
  return {
    cache: deps.cache,
    now: deps.now ?? Date.now,
    opts: (signal) => ({ fetch: deps.fetch, ...(signal ? { signal } : {}) }),
    read: (policy, fetcher, mode) => deps.cache.get(policy, fetcher, mode),
  };
}

/** The user's CoinGecko key (sent in a header by lib/sources/coingecko.ts), when set. */
export function coingeckoKey(s: Settings): CoingeckoKey | undefined {
  return s.apiKeys.coingecko ? { kind: s.apiKeys.coingeckoPlan, value: s.apiKeys.coingecko } : undefined;
}
