/**
 * Watchlist export and import as a JSON file. Import is validated with zod: a file that is not a
 * Tokenlens export changes nothing and says what was wrong; inside a good file, an item that is
 * not a valid ticker is skipped and REPORTED (never dropped silently). What happens to a list
 * whose id already exists is the user's explicit choice: merge (add the new items) or replace.
 * Exports name the first list `default`, like every install, so "merge" is the safe default.
 */
import { anyValue, array, maxLen, minLen, z } from '../sources/zod';
import { WatchItemSchema, WatchlistSchema, type Settings, type WatchItem, type Watchlist } from './schema';

const FORMAT = 'tokenlens-watchlists';

/** Items are checked one by one below, so each skipped item can be named. */
const RawListSchema = z.object({ id: anyValue, name: anyValue, items: array(anyValue).check(maxLen(10_000)) });
const FileSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  watchlists: array(RawListSchema).check(minLen(1), maxLen(100)),
});

export type ImportMode = 'merge' | 'replace';

export interface ImportResult {
  ok: true;
  watchlists: Watchlist[];
  /** `List name: item` for every item left out, with why */
  skipped: string[];
}

export function exportWatchlists(s: Settings): string {
  return JSON.stringify({ format: FORMAT, version: 1, exportedAt: new Date().toISOString(), watchlists: s.watchlists }, null, 2);
}

export function importWatchlists(text: string): ImportResult | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'the file is not JSON.' };
  }
  const r = FileSchema.safeParse(json);
  if (!r.success) return notExport(r.error.issues[0]);
  const watchlists: Watchlist[] = [];
  const skipped: string[] = [];
  for (const [i, raw] of r.data.watchlists.entries()) {
    const list = WatchlistSchema.safeParse({ id: raw.id, name: raw.name, items: [] });
    if (!list.success) return notExport({ ...list.error.issues[0], path: ['watchlists', i, ...(list.error.issues[0]?.path ?? [])] });
    const items: WatchItem[] = [];
    for (const x of raw.items) {
      const item = WatchItemSchema.safeParse(x);
      const shown = describeItem(x);
      if (!item.success) skipped.push(`${list.data.name}: ${shown} (not a ticker)`);
      else if (items.some((y) => y.symbol === item.data.symbol && y.assetId === item.data.assetId)) skipped.push(`${list.data.name}: ${shown} (listed twice)`);
      else items.push(item.data);
    }
    watchlists.push({ ...list.data, items });
  }
  return { ok: true, watchlists, skipped };
}

/**
 * Applies imported lists. A list whose id is new is added. One whose id exists is merged (its
 * new items appended, the ones already there kept in place) or replaced, as the user chose.
 */
export function applyImport(s: Settings, lists: readonly Watchlist[], mode: ImportMode): { added: string[]; merged: string[]; replaced: string[] } {
  const out = { added: [] as string[], merged: [] as string[], replaced: [] as string[] };
  for (const w of lists) {
    const existing = s.watchlists.find((x) => x.id === w.id);
    if (!existing) {
      s.watchlists.push(structuredClone(w));
      out.added.push(w.name);
    } else if (mode === 'replace') {
      existing.name = w.name;
      existing.items = structuredClone(w.items);
      out.replaced.push(w.name);
    } else {
      for (const item of w.items) if (!existing.items.some((y) => y.symbol === item.symbol && y.assetId === item.assetId)) existing.items.push({ ...item });
      out.merged.push(existing.name);
    }
  }
  return out;
}

function describeItem(x: unknown): string {
  const sym = x && typeof x === 'object' ? (x as { symbol?: unknown }).symbol : x;
  return typeof sym === 'string' ? `“${sym.slice(0, 24)}”` : JSON.stringify(sym ?? null).slice(0, 24);
}

function notExport(i: { path?: PropertyKey[]; message?: string } | undefined): { ok: false; error: string } {
  return { ok: false, error: `not a Tokenlens watchlist export (${i?.path?.map(String).join('.') || 'file'}: ${i?.message ?? 'invalid'}).` };
}
