/**
 * Every `browser.storage.local` key Tokenlens uses, named once (issue 12, "One way to reach
 * storage"). Nothing else spells a key: the worker, the pages and the tests import these.
 */
export const STORAGE_KEYS = {
  /** the settings item (lib/settings/options.ts) and WXT's version marker next to it */
  settings: 'settings',
  settingsMeta: 'settings$',
  /** the API keys: in the vault ONLY (lib/settings/user-area.ts), never in storage.local */
  secrets: 'secrets',
  /** alert rules, their last-fired state and the log (lib/alerts/runner.ts) */
  alerts: 'alerts',
  alertState: 'alertState',
  alertLog: 'alertLog',
  /** before overlay prefs went through the worker: one global list of collapsed groups */
  legacyOverlayGroups: 'overlayGroups',
} as const;

/** The overlay's layout on one venue: `overlay:<venue>`, written by the worker only. */
export const OVERLAY_LAYOUT_PREFIX = 'overlay:';
export const overlayLayoutKey = (venue: string): string => `${OVERLAY_LAYOUT_PREFIX}${venue}`;

/** Keys that live in the vault alone (extension-origin IndexedDB), never in storage.local. */
export const VAULT_ONLY: ReadonlySet<string> = new Set([STORAGE_KEYS.secrets]);
