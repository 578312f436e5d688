/**
 * The background worker: thin by design (GUIDE.md). It registers the message listener
 * synchronously (an MV3 worker woken by a message must find its listener on the first turn),
 * and builds the cache and engine lazily on first use.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { SwrCache, idbStore, memoryStore, type CacheStore } from '../lib/cache';
import { createEngine, type Engine } from '../lib/engine';
import { dispatch, type Handlers } from '../lib/messaging-server';
import { loadSettings, updateSettings } from '../lib/options';
import { HostGate } from '../lib/rate-limit';

export default defineBackground(() => {
  let engine: Engine | undefined;
  const getEngine = (): Engine => {
    if (engine) return engine;
    let store: CacheStore;
    try {
      store = typeof indexedDB === 'undefined' ? memoryStore() : idbStore();
    } catch {
      store = memoryStore();
    }
    const gate = new HostGate(store);
    const cache = new SwrCache({ store });
    engine = createEngine({ cache, fetch: gate.wrap((input, init) => fetch(input, init)), settings: loadSettings });
    return engine;
  };

  const handlers: Handlers = {
    getBundle: (d) => getEngine().getBundle(d.pair, d.refresh ?? false),
    lookup: (d) => getEngine().lookup(d.query, d.assetId, d.refresh ?? false),
    suggest: (d) => getEngine().suggest(d.query),
    quotes: (d) => getEngine().quotes(d.symbols),
    chooseAsset: async (d) => {
      await updateSettings((s) => {
        s.assetChoices[`${d.venue}:${d.ticker}`] = d.assetId;
      });
      return { saved: true as const };
    },
  };

  const ctx = { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') };
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const reply = dispatch(message, sender, handlers, ctx);
    // Only answer our own messages; undefined lets other listeners (none today) respond.
    return reply.then((r) => r);
  });
});
