/**
 * Settings for our extension pages (options, popup, compare): the same store the worker uses
 * (lib/settings/store.ts) over the same user area (vault first, durable copy in storage.local,
 * API keys in the vault only; see lib/settings/user-area.ts).
 */
import { browser } from 'wxt/browser';
import { STORAGE_KEYS, VAULT_ONLY } from './keys';
import { createSettingsStore } from './store';
import { createUserArea, type KeyValueArea } from './user-area';
import { idbVault } from './vault';
import { defaultSettings, parseSettings, type Settings } from './schema';

let area: KeyValueArea | undefined;
/** The user area as our pages see it (also used for alert rules). */
export function userArea(): KeyValueArea {
  area ??= createUserArea(browser.storage.local, idbVault(), VAULT_ONLY);
  return area;
}

let store: ReturnType<typeof createSettingsStore> | undefined;
function settingsStore() {
  store ??= createSettingsStore(userArea());
  return store;
}

/** Throws when storage cannot be read; a page that will write must use this one. */
export function readSettings(): Promise<Settings> {
  const s = settingsStore();
  s.invalidate();
  return s.read();
}

/** For pages that only display settings: the defaults when storage cannot be read (never written back). */
export async function loadSettings(): Promise<Settings> {
  try {
    return await readSettings();
  } catch {
    return defaultSettings();
  }
}

/** Read-modify-write; throws, writing nothing, when the read fails. The value is validated before it is stored. */
export function updateSettings(change: (s: Settings) => Settings | void): Promise<Settings> {
  return settingsStore().update(change);
}

/** Calls `onChange` when settings change in another tab or the worker. Returns the unsubscribe. */
export function watchSettings(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, areaName: string) => {
    if (areaName === 'local' && (STORAGE_KEYS.settings in changes || STORAGE_KEYS.settingsMeta in changes)) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export { defaultSettings, parseSettings };
export type { Settings };
