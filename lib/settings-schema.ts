/**
 * Settings and watchlists: zod schema and migrations (pure; no storage access here, so the
 * schema and each migration step are unit-tested in plain Node).
 *
 * Every field has its own `.catch()`, so one bad value falls back alone and nothing else the
 * user saved is lost (GUIDE.md, "Libraries before hand-written code").
 */
import { z } from './sources/zod';

export const SETTINGS_VERSION = 1;

export const TICKER_RE = /^[A-Z0-9]{1,20}$/;
export const ASSET_ID_RE = /^[a-z0-9][a-z0-9-]{0,99}$/;

const ticker = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().regex(TICKER_RE));

export const WatchItemSchema = z.object({
  symbol: ticker,
  /** CoinGecko id when the user picked a specific asset */
  assetId: z.string().regex(ASSET_ID_RE).nullable().catch(null),
});

export const WatchlistSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(60),
  items: z
    .array(z.unknown())
    .catch([])
    // one malformed item is dropped alone, the rest of the list survives
    .transform((xs) => dedupe(xs.flatMap((x) => {
      const r = WatchItemSchema.safeParse(x);
      return r.success ? [r.data] : [];
    }))),
});

export type WatchItem = z.infer<typeof WatchItemSchema>;
export type Watchlist = z.infer<typeof WatchlistSchema>;

const apiKey = z
  .string()
  .trim()
  .max(200)
  // printable ASCII without spaces: it travels in an HTTP header
  .regex(/^[\x21-\x7e]*$/);

export const SettingsSchema = z.object({
  watchlists: z
    .array(z.unknown())
    .catch([])
    .transform((xs) => xs.flatMap((x) => {
      const r = WatchlistSchema.safeParse(x);
      return r.success ? [r.data] : [];
    })),
  activeWatchlistId: z.string().nullable().catch(null),
  apiKeys: z
    .object({
      coingecko: apiKey.catch(''),
      coingeckoPlan: z.enum(['demo', 'pro']).catch('demo'),
      taostats: apiKey.catch(''),
    })
    .catch({ coingecko: '', coingeckoPlan: 'demo', taostats: '' }),
  /** venues where the overlay stays off */
  venuesOff: z.array(z.string().max(20)).catch([]),
  /** metric groups hidden in the overlay */
  groupsOff: z.array(z.string().max(20)).catch([]),
  /** the user's pick for an ambiguous ticker: key `<venue>:<TICKER>` → CoinGecko id */
  assetChoices: z
    .record(z.string().max(40), z.string())
    .catch({})
    .transform((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => ASSET_ID_RE.test(v)))),
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
