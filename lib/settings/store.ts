/**
 * The one way to settings, for the worker and the pages alike (issue 12, "One way to reach
 * storage"): versioned (`settings$` holds `{ v, rev }`), migrated by MIGRATIONS, validated by
 * zod field by field, over the user area (lib/settings/user-area.ts: vault first, durable copy
 * in storage.local, API keys in the vault only).
 *
 * Not a WXT storage item: `storage.defineItem` can only address `browser.storage` areas, which a
 * Firefox content script can read and write, so it cannot hold the keys or be the authoritative
 * copy; and the worker could not carry @wxt-dev/storage (about 2.6 KB gzip) within its 40 KB
 * budget. This module keeps WXT's on-disk convention (`settings` plus `settings$` = `{ v }`), so
 * values written by earlier versions through the WXT item are read and migrated here.
 *
 * A failed read never becomes a write (issue 11, medium 3): `read` and `update` throw when the
 * storage cannot be read, and `update` writes only after a successful read.
 */
import { ApiKeysSchema, MIGRATIONS, SETTINGS_VERSION, parseSettings, type ApiKeys, type Settings } from './schema';
import { STORAGE_KEYS } from './keys';
import type { KeyValueArea } from './user-area';

const KEY = STORAGE_KEYS.settings;
const META = STORAGE_KEYS.settingsMeta;
const SECRETS = STORAGE_KEYS.secrets;
const NO_KEYS: ApiKeys = { coingecko: '', coingeckoPlan: 'demo', taostats: '' };

function storedVersion(meta: unknown): number {
  const v = meta && typeof meta === 'object' ? (meta as { v?: unknown }).v : undefined;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : 1;
}

export function createSettingsStore(area: KeyValueArea) {
  /** the last value read, until `invalidate()` (the worker calls it on storage.onChanged) */
  let memo: Promise<Settings> | undefined;

  function read(): Promise<Settings> {
    if (!memo) {
      const p = readFresh();
      memo = p;
      // a failure is not remembered: the next read tries storage again
      p.catch(() => {
        if (memo === p) memo = undefined;
      });
    }
    return memo;
  }

  /** Throws when storage cannot be read. Moves v1 API keys into the vault on the way. */
  async function readFresh(): Promise<Settings> {
    const got = await area.get([KEY, META, SECRETS]);
    const from = storedVersion(got[META]);
    let raw = got[KEY];
    for (let v = from + 1; v <= SETTINGS_VERSION; v++) raw = MIGRATIONS[v] ? MIGRATIONS[v]!(raw) : raw;
    const s = parseSettings(raw);
    // Keys still stored beside the settings (v1, or a vault that never got them): move them now.
    const keysOutside = !!(s.apiKeys.coingecko || s.apiKeys.taostats);
    const secrets = got[SECRETS] === undefined ? undefined : ApiKeysSchema.safeParse(got[SECRETS]);
    if (secrets?.success) s.apiKeys = secrets.data;
    if (from < SETTINGS_VERSION || keysOutside) await write(s);
    return s;
  }

  async function write(s: Settings): Promise<void> {
    // One call: the vault gets settings and keys before storage.local gets the settings alone.
    // `rev` changes on every write, so a change of keys alone still notifies storage.onChanged.
    await area.set({ [SECRETS]: s.apiKeys, [KEY]: { ...s, apiKeys: NO_KEYS }, [META]: { v: SETTINGS_VERSION, rev: Date.now() } });
  }

  async function update(change: (s: Settings) => Settings | void): Promise<Settings> {
    const current = await readFresh(); // throws on a failed read: nothing is written
    const draft = structuredClone(current);
    const next = parseSettings(change(draft) ?? draft);
    await write(next);
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
