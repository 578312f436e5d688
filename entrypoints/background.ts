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
import { HostGate } from '../lib/engine/rate-limit';
import { runAlerts } from '../lib/alerts/runner';
import type { Firing } from '../lib/alerts/rules';
import { cachedSchedules, unlockCalendar } from '../lib/engine/calendar';
import { createSectorContext } from '../lib/engine/sector';

const ALERT_ALARM = 'tokenlens-alerts';
/** minutes between alert checks (Chrome's minimum alarm period is 30 s; 5 min is plenty) */
const ALERT_PERIOD_MIN = 5;

export default defineBackground(() => {
  const settings = createSettingsStore(browser.storage.local);
  // Settings are read once per worker life and re-read only when they change.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && ('settings' in changes || 'settings$' in changes)) settings.invalidate();
  });
  let engine: Engine | undefined;
  let cache: SwrCache | undefined; // issue 13: the engine's cache, read back by the calendar and sector medians
  const getEngine = (): Engine => {
    if (engine) return engine;
    let store: CacheStore;
    try {
      store = typeof indexedDB === 'undefined' ? memoryStore() : idbStore();
    } catch {
      store = memoryStore();
    }
    const gate = new HostGate(store);
    cache = new SwrCache({ store });
    engine = createEngine({ cache, fetch: gate.wrap((input, init) => fetch(input, init)), settings: settings.read });
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
      store: { get: (keys) => browser.storage.local.get(keys), set: (items) => browser.storage.local.set(items) },
      lookup: (symbol) => getEngine().lookup(symbol, undefined, true),
      prices: async (symbols) => Object.fromEntries((await getEngine().quotes(symbols, true)).map((r) => [r.symbol, r.priceUsd])),
      notify,
      now: Date.now,
    });

  // issue 13: sector medians on the overlay / popup bundle, and the unlock calendar
  const sector = createSectorContext({ settings: settings.read, quotes: (s) => getEngine().quotes(s), cache: { peek: (p) => (getEngine(), cache!.peek(p)) }, now: Date.now });
  const handlers: Handlers = {
    compare: (d) => getEngine().compare(d.symbols, d.refresh ?? false),
    runAlerts: () => alerts(),
    getBundle: async (d) => sector.decorate(await getEngine().getBundle(d.pair, d.refresh ?? false)),
    lookup: async (d) => sector.decorate(await getEngine().lookup(d.query, d.assetId, d.refresh ?? false)),
    unlockCalendar: () => unlockCalendar({ settings: settings.read, compare: (s) => getEngine().compare(s), schedule: (id) => (getEngine(), cachedSchedules(cache!)(id)), now: Date.now }),
    suggest: (d) => getEngine().suggest(d.query),
    quotes: (d) => getEngine().quotes(d.symbols),
    chooseAsset: async (d) => {
      await settings.update((s) => {
        s.assetChoices[`${d.venue}:${d.ticker}`] = d.assetId;
      });
      return { saved: true as const };
    },
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
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const reply = dispatch(message, sender, handlers, ctx);
    // Only answer our own messages; undefined lets other listeners (none today) respond.
    return reply.then((r) => r);
  });
});
