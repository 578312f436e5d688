/**
 * Freshness per feed, in milliseconds, chosen from how often the upstream changes and from its
 * rate limits (DATA-SOURCES.md, "Rate limits to respect").
 */
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/**
 * `maxAgeMs`: how long a value counts as fresh; `staleMs`: how long past that it may still be
 * shown, marked stale; `notFoundMaxAgeMs`: how long an "unknown symbol / slug" answer is
 * remembered, so that a known absence does not cost an upstream call on every visit.
 */
export const FRESHNESS = {
  ticker: { maxAgeMs: 1 * MIN, staleMs: DAY, notFoundMaxAgeMs: HOUR },
  market: { maxAgeMs: 5 * MIN, staleMs: 7 * DAY },
  candles: { maxAgeMs: 1 * HOUR, staleMs: 7 * DAY, notFoundMaxAgeMs: HOUR },
  search: { maxAgeMs: DAY, staleMs: 30 * DAY },
  coinList: { maxAgeMs: DAY, staleMs: 30 * DAY, notFoundMaxAgeMs: HOUR },
  fees: { maxAgeMs: 6 * HOUR, staleMs: 7 * DAY, notFoundMaxAgeMs: 6 * HOUR },
  emissions: { maxAgeMs: 12 * HOUR, staleMs: 14 * DAY, notFoundMaxAgeMs: 12 * HOUR },
  identity: { maxAgeMs: DAY, staleMs: 30 * DAY },
  network: { maxAgeMs: 1 * HOUR, staleMs: 3 * DAY, notFoundMaxAgeMs: HOUR },
} as const;

/** Short non-cryptographic hash for cache keys (keeps secrets and long lists out of key names). */
export function hash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}
