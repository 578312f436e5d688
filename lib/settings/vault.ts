/**
 * The vault: a key-value area in the extension origin's IndexedDB, which the worker and our
 * pages share and no content script can reach, in Chrome or Firefox (see user-area.ts).
 * Its own database, so it never shares a name or an eviction policy with the data cache.
 */
import { createStore, getMany, setMany } from 'idb-keyval';
import type { KeyValueArea } from './overlay-prefs';

export function idbVault(): KeyValueArea {
  const store = createStore('tokenlens-user', 'kv');
  return {
    async get(keys) {
      const values = await getMany(keys, store);
      const out: Record<string, unknown> = {};
      keys.forEach((k, i) => {
        if (values[i] !== undefined) out[k] = values[i];
      });
      return out;
    },
    async set(items) {
      await setMany(Object.entries(items), store);
    },
  };
}
