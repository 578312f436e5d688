/**
 * The background worker: thin by design (GUIDE.md). It registers the message listener
 * synchronously (an MV3 worker woken by a message must find its listener on the first turn),
 * and builds the cache and engine lazily on first use.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { SwrCache, idbStore, memoryStore, type CacheStore } from '../lib/engine/cache';
import { createEngine, type Engine } from '../lib/engine/engine';
import { dispatch, type Handlers } from '../lib/messaging/server';
import { createSettingsStore } from '../lib/settings/store';
import { createUserArea } from '../lib/settings/user-area';
import { idbVault } from '../lib/settings/vault';
import { STORAGE_KEYS, VAULT_ONLY } from '../lib/settings/keys';
import { defaultSettings } from '../lib/settings/schema';
import { createOverlayPrefs } from '../lib/settings/overlay-prefs';
import { chooseAsset } from '../lib/settings/asset-choice';
import { BUDGETS, HostGate, KeyBudget, TabGate, carriesUserKey } from '../lib/engine/rate-limit';
import { runAlerts } from '../lib/alerts/runner';
import type { Firing } from '../lib/alerts/rules';
import { createLogger } from '../lib/log';

const log = createLogger('worker');
import { cachedSchedules, unlockCalendar } from '../lib/engine/calendar';
import { createSectorContext } from '../lib/engine/sector';

const ALERT_ALARM = 'tokenlens-alerts';
/** minutes between alert checks (Chrome's minimum alarm period is 30 s; 5 min is plenty) */
const ALERT_PERIOD_MIN = 5;

/**
 * Chromium (2024 on) can close `storage.local` to content scripts; Firefox implements access
 * levels for `storage.session` only (Mozilla bug 1724754), so this is feature-tested at run time
 * and is defence in depth: secrets never live in storage.local, and the vault is authoritative
 * for everything the user saved, in both browsers (lib/settings/user-area.ts).
 * https://developer.chrome.com/docs/extensions/reference/api/storage#method-StorageArea-setAccessLevel
 */
function closeLocalStorageToContentScripts(): void {
  for (const area of [browser.storage.local, browser.storage.sync] as Array<{ setAccessLevel?: (o: { accessLevel: string }) => Promise<void> } | undefined>) {
    if (typeof area?.setAccessLevel !== 'function') continue;
    try {
      void Promise.resolve(area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' })).catch(() => undefined);
    } catch {
      // unsupported for this area in this browser
    }
  }
}

export default defineBackground(() => {
  closeLocalStorageToContentScripts();
  // Everything the user saved: vault (extension-origin IndexedDB) first, durable copy without
  // the API keys in storage.local (lib/settings/user-area.ts explains the choice).
  // Version 1 data (storage.local only) moves into the vault on the first settings read
  // (lib/settings/store.ts), alert rules included.
  const userArea = createUserArea(browser.storage.local, idbVault(), VAULT_ONLY);
  const settings = createSettingsStore(userArea);
  // Settings are read once per worker life and re-read only when they change.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && (STORAGE_KEYS.settings in changes || STORAGE_KEYS.settingsMeta in changes)) settings.invalidate();
  });
  // Data requests go on without the user's settings when storage cannot be read (public
  // endpoints, no key); nothing is written from that fallback.
  const settingsForData = () => settings.read().catch(() => defaultSettings());
  const overlayPrefs = createOverlayPrefs(browser.storage.local, settingsForData);
  const tabGate = new TabGate({ quietMs: BUDGETS.pairQuietMs, perMinute: BUDGETS.bundlesPerTabPerMinute });
  let engine: Engine | undefined;
  let cache: SwrCache | undefined; // issue 13: the engine's cache, read back by the calendar and sector medians
  const getEngine = (): Engine => {
    if (engine) return engine;
    let store: CacheStore;
    try {
      store = typeof indexedDB === 'undefined' ? memoryStore() : idbStore();
    } catch (e) {
      // Private windows and some Firefox profiles refuse IndexedDB: the cache lives in memory.
      log.warn('IndexedDB unavailable, caching in memory', e);
      store = memoryStore();
    }
    const gate = new HostGate(store);
    const keyBudget = new KeyBudget(store, BUDGETS.keyedPerHour, carriesUserKey);
    cache = new SwrCache({ store });
    engine = createEngine({ cache, fetch: gate.wrap(keyBudget.wrap((input, init) => fetch(input, init))), settings: settingsForData });
    return engine;
  };

  const notify = async (f: Firing): Promise<boolean> => {
    // `notifications` is optional: requested by the options page when the first alert is made.
    if (!browser.notifications || !(await browser.permissions.contains({ permissions: ['notifications'] }))) return false;
    await browser.notifications.create(`tokenlens-${f.rule.id}-${Date.now()}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: f.title,
      message: f.message,
    });
    return true;
  };
  const alerts = () =>
    runAlerts({
      store: userArea,
      lookup: (symbol) => getEngine().lookup(symbol, undefined, true),
      prices: async (symbols) => Object.fromEntries((await getEngine().quotes(symbols, true)).map((r) => [r.symbol, r.priceUsd])),
      notify,
      now: Date.now,
    });

  // issue 13: sector medians on the overlay / popup bundle, and the unlock calendar
  const sector = createSectorContext({ settings: settingsForData, quotes: (s) => getEngine().quotes(s), cache: { peek: (p) => (getEngine(), cache!.peek(p)) }, now: Date.now });
  const handlers: Handlers = {
    compare: (d) => getEngine().compare(d.symbols, d.refresh ?? false),
    runAlerts: () => alerts(),
    getBundle: async (d, sender) => {
      // Pair changes from a tab (a page can pushState as fast as it likes): debounced and budgeted.
      if (sender.tab?.id !== undefined && !sender.url?.startsWith(ctx.extensionOrigin)) {
        const a = await tabGate.admit(sender.tab.id, sender.documentId, `${d.pair.venue}:${d.pair.base}/${d.pair.quote}`);
        if (a === 'superseded') throw new Error('superseded');
        if (a !== 'go') throw new Error(`rate-limited: too many pair changes; retry in ${Math.ceil(a.retryInMs / 1000)} s`);
      }
      return sector.decorate(await getEngine().getBundle(d.pair, d.refresh ?? false));
    },
    // The popup asks once (the overlay asks again while data is stale), so it waits longer for the medians.
    lookup: async (d) => sector.decorate(await getEngine().lookup(d.query, d.assetId, d.refresh ?? false), 10_000),
    unlockCalendar: () => unlockCalendar({ settings: settingsForData, compare: (s) => getEngine().compare(s), schedule: (id) => (getEngine(), cachedSchedules(cache!)(id)), now: Date.now }),
    suggest: (d) => getEngine().suggest(d.query),
    quotes: (d) => getEngine().quotes(d.symbols),
    getOverlayPrefs: (d) => overlayPrefs.get(d.venue),
    setOverlayLayout: (d) => overlayPrefs.setLayout(d.venue, d.layout),
    chooseAsset: (d) => chooseAsset(d, { offered: (v, t) => getEngine().offeredAssets(v, t), update: settings.update }),
  };

  // Alarms: registered synchronously; the alarm itself is (re)created on install and startup.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALERT_ALARM) void alerts();
  });
  const ensureAlarm = () => void browser.alarms.create(ALERT_ALARM, { periodInMinutes: ALERT_PERIOD_MIN });
  browser.runtime.onInstalled.addListener(ensureAlarm);
  browser.runtime.onStartup.addListener(ensureAlarm);

  const ctx = {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    contentScripts: browser.runtime.getManifest().content_scripts ?? [],
  };
  // The worker runs on the native API (scripts/content-script-browser.ts), not the polyfill: a
  // listener answers asynchronously by returning `true` and calling `sendResponse` later, which
  // Chrome and Firefox both support; a returned Promise is Firefox-only in older Chromes.
  // https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/runtime/onMessage
  // https://developer.chrome.com/docs/extensions/develop/concepts/messaging#simple
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (r: unknown) => void) => {
    void dispatch(message, sender, handlers, ctx).then(sendResponse);
    return true;
  });
});
