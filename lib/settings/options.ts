/**
 * Settings storage: one versioned WXT storage item in `storage.local`, which only the extension
 * can read (not the exchange page). Migrations run when the stored version is older.
 * https://wxt.dev/storage.html#versioning-with-migrations
 */
import { storage } from 'wxt/utils/storage';
import { MIGRATIONS, SETTINGS_VERSION, defaultSettings, parseSettings, type Settings } from './schema';

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: defaultSettings(),
  version: SETTINGS_VERSION,
  migrations: MIGRATIONS,
});

export async function loadSettings(): Promise<Settings> {
  try {
    return parseSettings(await settingsItem.getValue());
  } catch {
    return defaultSettings();
  }
}

/** Read-modify-write; the value is validated before it is stored. */
export async function updateSettings(change: (s: Settings) => Settings | void): Promise<Settings> {
  const current = await loadSettings();
  const draft = structuredClone(current);
  const next = parseSettings(change(draft) ?? draft);
  await settingsItem.setValue(next);
  return next;
}

export { defaultSettings, parseSettings };
export type { Settings };
