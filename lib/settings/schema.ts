/**
 * Settings and watchlists: zod schema and migrations (pure; no storage access here, so the
 * schema and each migration step are unit-tested in plain Node).
 *
 * Every field has its own fallback (`fallback` from lib/sources/zod.ts, zod's `z.catch` as one
 * transform, tested beside it in tests/unit/zod-helpers.test.ts), so one bad value falls back
 * alone and nothing else the user saved is lost (GUIDE.md, "Libraries before hand-written code").
 * (An earlier note blamed `fallback` for the sector toggle not surviving a reload; the cause was
 * the e2e test reloading before the save landed, fixed in tests/e2e/sector.e2e.ts.)
 */
import { isTickerText, tickerFromText } from '../exchanges/ticker-text';
import { anyValue, array, bool, fallback, matches, maxLen, minLen, nullable, oneOf, optional, refine, str, trimmed, z } from '../sources/zod';

export const SETTINGS_VERSION = 2;

/**
 * Migration steps: `MIGRATIONS[n]` turns a version n−1 value into version n. Run by the one
 * settings store (lib/settings/store.ts) that the worker and the pages share. v1 is the first
 * stored shape.
 * - v2: same shape; the API keys leave `storage.local` for the vault (lib/settings/user-area.ts).
 *   That move is about where values live, not their shape, so the store does it: it reads the
 *   v1 keys, writes them to the vault, and only then rewrites `storage.local` without them.
 */
export const MIGRATIONS: Record<number, (old: unknown) => unknown> = { 2: (old) => old };

/** ASCII tickers; CJK-named ones are checked with `isTickerText` (lib/exchanges/ticker-text.ts). */
export const TICKER_RE = /^[A-Z0-9]{1,20}$/;
export const ASSET_ID_RE = /^[a-z0-9][a-z0-9-]{0,99}$/;

/**
 * A watchlist ticker: ASCII (`TAO`) or CJK-named (`人生K线`), see lib/exchanges/ticker-text.ts.
 * Only ASCII a–z is upper-cased (`ß` no longer becomes `SS`); anything else is refused.
 */
const ticker = z.pipe(
  z.pipe(
    str,
    z.transform((s: string) => tickerFromText(s) ?? ''),
  ),
  str.check(refine(isTickerText)),
);

export const WatchItemSchema = z.object({
  symbol: ticker,
  /** CoinGecko id when the user picked a specific asset */
  assetId: fallback(nullable(str.check(matches(ASSET_ID_RE))), null),
});

export const WatchlistSchema = z.object({
  id: str.check(minLen(1), maxLen(64)),
  name: trimmed.check(minLen(1), maxLen(60)),
  items: z.pipe(
    fallback(array(anyValue), []),
    // one malformed item is dropped alone, the rest of the list survives
    z.transform((xs: unknown[]) => dedupe(xs.flatMap((x) => {
      const r = WatchItemSchema.safeParse(x);
      return r.success ? [r.data] : [];
    }))),
  ),
  /**
   * The user marked this list as a sector (issue 13): its members get sector medians. Optional so
   * lists saved before it keep their exact shape; a bad value reads as false.
   */
  sector: optional(fallback(bool, false)),
});

export type WatchItem = z.infer<typeof WatchItemSchema>;
export type Watchlist = z.infer<typeof WatchlistSchema>;

const apiKey = trimmed.check(
  maxLen(200),
  // printable ASCII without spaces: it travels in an HTTP header
  matches(/^[\x21-\x7e]*$/),
);

/** The API keys: kept in the vault only, never in storage a content script can reach. */
export const ApiKeysSchema = z.object({
  coingecko: fallback(apiKey, ''),
  coingeckoPlan: fallback(oneOf(['demo', 'pro']), 'demo'),
  taostats: fallback(apiKey, ''),
});
export type ApiKeys = z.infer<typeof ApiKeysSchema>;

export const SettingsSchema = z.object({
  watchlists: z.pipe(
    fallback(array(anyValue), []),
    z.transform((xs: unknown[]) => xs.flatMap((x) => {
      const r = WatchlistSchema.safeParse(x);
      return r.success ? [r.data] : [];
    })),
  ),
  activeWatchlistId: fallback(nullable(str), null),
  apiKeys: fallback(ApiKeysSchema, { coingecko: '', coingeckoPlan: 'demo', taostats: '' }),
  /** venues where the overlay stays off */
  venuesOff: fallback(array(str.check(maxLen(20))), []),
  /** metric groups hidden in the overlay */
  groupsOff: fallback(array(str.check(maxLen(20))), []),
  /** colour of a rise in the overlay: 'auto' follows the UI language (red in CJK locales) */
  upColor: fallback(oneOf(['auto', 'green', 'red']), 'auto'),
  /** the user's pick for an ambiguous ticker: key `<venue>:<TICKER>` → CoinGecko id */
  // What z.record(maxLen(40) string, string) checked, as one transform (zod's record type costs
  // the worker ~0.4 KB gzip of its 40 KB budget): a plain object whose keys are ≤ 40 characters
  // and values strings, else {} (as the catch did); then only values that are CoinGecko ids.
  assetChoices: z.pipe(
    optional(anyValue), // optional: an absent key is accepted (zod 4 requires a bare unknown() key)
    z.transform((r: unknown): Record<string, string> => {
      if (!r || typeof r !== 'object' || Array.isArray(r)) return {};
      const entries = Object.entries(r);
      if (entries.some(([k, v]) => k.length > 40 || typeof v !== 'string')) return {};
      return Object.fromEntries((entries as Array<[string, string]>).filter(([, v]) => ASSET_ID_RE.test(v)));
    }),
  ),
});

export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_WATCHLIST_ID = 'default';

export function defaultSettings(): Settings {
  return {
    watchlists: [
      {
        id: DEFAULT_WATCHLIST_ID,
        name: 'Compute networks',
        items: ['TAO', 'RENDER', 'AKT', 'IO', 'ATH', 'FIL', 'HNT'].map((symbol) => ({ symbol, assetId: null })),
      },
    ],
    activeWatchlistId: DEFAULT_WATCHLIST_ID,
    apiKeys: { coingecko: '', coingeckoPlan: 'demo', taostats: '' },
    venuesOff: [],
    groupsOff: [],
    upColor: 'auto',
    assetChoices: {},
  };
}

/** Parses anything stored into valid settings; never throws, never drops a valid field. */
export function parseSettings(raw: unknown): Settings {
  const base = defaultSettings();
  if (!raw || typeof raw !== 'object') return base;
  const r = SettingsSchema.safeParse(raw);
  if (!r.success) return base;
  const s = r.data;
  // A stored object without watchlists at all keeps the defaults; an explicit empty list stays empty.
  if (!('watchlists' in raw)) s.watchlists = base.watchlists;
  if (s.activeWatchlistId === null || !s.watchlists.some((w) => w.id === s.activeWatchlistId)) {
    s.activeWatchlistId = s.watchlists[0]?.id ?? null;
  }
  return s;
}

function dedupe(items: WatchItem[]): WatchItem[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const k = `${i.symbol}|${i.assetId ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
