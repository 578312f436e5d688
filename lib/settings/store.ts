/**
 * The worker's access to settings, on the same `storage.local` key and version marker as the
 * WXT storage item of lib/settings/options.ts (`settings`, and `settings$` holding `{ v }`), running the
 * same MIGRATIONS. It exists so the worker does not bundle @wxt-dev/storage (about 2.6 KB gzip
 * of a 40 KB budget) for one read and one write.
 */
import { MIGRATIONS, SETTINGS_VERSION, parseSettings, type Settings } from './schema';

export interface StorageArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const KEY = 'settings';
const META = 'settings$';

export function createSettingsStore(area: StorageArea) {
  /** the last value read, until `invalidate()` (the worker calls it on storage.onChanged) */
  let memo: Promise<Settings> | undefined;

  function read(): Promise<Settings> {
    memo ??= readFresh();
    return memo;
  }

  async function readFresh(): Promise<Settings> {
    try {
      const got = await area.get([KEY, META]);
      const meta = got[META];
      const from = meta && typeof meta === 'object' && typeof (meta as { v?: unknown }).v === 'number' ? (meta as { v: number }).v : 1;
      let raw = got[KEY];
      for (let v = from + 1; v <= SETTINGS_VERSION; v++) raw = MIGRATIONS[v] ? MIGRATIONS[v]!(raw) : raw;
      return parseSettings(raw);
    } catch {
      return parseSettings(undefined);
    }
  }

  async function update(change: (s: Settings) => Settings | void): Promise<Settings> {
    const current = await readFresh();
    const draft = structuredClone(current);
    const next = parseSettings(change(draft) ?? draft);
    const got = await area.get([META]);
    const meta = got[META] && typeof got[META] === 'object' ? (got[META] as Record<string, unknown>) : {};
    // One write for value and version marker: never clear-then-write.
    await area.set({ [KEY]: next, [META]: { ...meta, v: SETTINGS_VERSION } });
    memo = Promise.resolve(next);
    return next;
  }

  return {
    read,
    update,
    invalidate() {
      memo = undefined;
    },
  };
}
