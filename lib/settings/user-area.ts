/**
 * Where everything the user saves lives, and why (issue 11, medium 1; QUALITY.md, "Where
 * secrets can live").
 *
 * The exchange page is hostile, and code running in our content script's world can use every
 * storage area content scripts may use. In Firefox that includes `storage.local` and
 * `storage.sync` with no way to close them (`setAccessLevel` is implemented for `session` only,
 * Mozilla bug 1724754). Chromium (2024 on) keeps access levels for `local` too, but only a run-time
 * test tells whether this browser does. What no content script can reach, in either browser, is
 * the extension origin's IndexedDB, shared by the worker and our pages. So:
 *
 * - the VAULT (extension-origin IndexedDB) is the authoritative copy of everything the user saved
 *   (settings, watchlists, asset choices, alert rules) and the only home of the API keys;
 * - `storage.local` keeps a durable copy of the same values WITHOUT the keys: browsers treat
 *   extension storage as app data, while an origin's IndexedDB is what "clear site data" tools
 *   target, so a wiped vault falls back to that copy (the keys, which can be re-entered from the
 *   provider's dashboard, are the only thing such a wipe costs);
 * - every write goes to the vault first, then to `storage.local`; every read prefers the vault.
 *   A value planted in `storage.local` by a content script (Firefox) is therefore never read
 *   while the vault holds the key, and the next real write replaces it;
 * - the worker also asks Chromium to close `storage.local` to content scripts
 *   (`setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' })`, feature-tested at run time), so there
 *   the page's world cannot even read the durable copy.
 *
 * A failed read throws: callers must never write defaults after it (issue 11, medium 3).
 */
import type { KeyValueArea } from './overlay-prefs';
import { own } from '../own';

export type { KeyValueArea };

export function createUserArea(local: KeyValueArea, vault: KeyValueArea, vaultOnly: ReadonlySet<string>): KeyValueArea {
  return {
    async get(keys) {
      const plain = keys.filter((k) => !vaultOnly.has(k));
      const [v, l] = await Promise.all([vault.get(keys), plain.length ? local.get(plain) : Promise.resolve<Record<string, unknown>>({})]);
      const out: Record<string, unknown> = {};
      for (const k of keys) {
        // own properties only: a stored key named `constructor` or `__proto__` is an ordinary key
        const fromVault = own(v, k);
        const value = fromVault !== undefined ? fromVault : own(l, k);
        if (value !== undefined) out[k] = value;
      }
      return out;
    },
    async set(items) {
      await vault.set(items);
      const plain = Object.fromEntries(Object.entries(items).filter(([k]) => !vaultOnly.has(k)));
      if (Object.keys(plain).length) await local.set(plain);
    },
  };
}

