/**
 * Watchlist export and import as a JSON file. Import is validated with zod and all-or-nothing:
 * a bad file changes nothing and says what was wrong.
 */
import { maxLen, minLen, z } from '../sources/zod';
import { WatchlistSchema, type Settings, type Watchlist } from './schema';

const FORMAT = 'tokenlens-watchlists';

const FileSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  watchlists: z.array(WatchlistSchema).check(minLen(1), maxLen(100)),
});

export function exportWatchlists(s: Settings): string {
  return JSON.stringify({ format: FORMAT, version: 1, exportedAt: new Date().toISOString(), watchlists: s.watchlists }, null, 2);
}

export function importWatchlists(text: string): { ok: true; watchlists: Watchlist[] } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'the file is not JSON.' };
  }
  const r = FileSchema.safeParse(json);
  if (!r.success) {
    const i = r.error.issues[0];
    return { ok: false, error: `not a Tokenlens watchlist export (${i?.path.join('.') || 'file'}: ${i?.message ?? 'invalid'}).` };
  }
  return { ok: true, watchlists: r.data.watchlists };
}
