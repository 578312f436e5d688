/**
 * Issue 11 end to end, in real Chromium with the production build: the exchange page is hostile.
 * - Code run in the content script's isolated world (reached through CDP, as Playwright's
 *   page.evaluate runs in the page's main world) finds no API key in any storage it can reach,
 *   and a write it attempts changes nothing the user saved (QUALITY.md, "The page's context gets
 *   no secret and no write").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { FakeServer } from './fake-server';
import { installKucoinPages, installMarketFakes } from './fake-market';
import { killWorker, launch, waitState, type Launched } from './browser';

/** The extension API inside `worker.evaluate` (Chromium's service worker global). */
declare const chrome: { storage: { local: { set(items: object): Promise<void> } } };

const CG_KEY = 'CG-e2eSecretKey123';
const TAO_KEY = 'tao-e2eSecretKey456';

/** Settings as version 1 stored them (keys inside, in storage.local, `settings$` = { v: 1 }). */
const V1_USER = {
  settings: {
    watchlists: [
      { id: 'default', name: 'Compute networks', items: [{ symbol: 'TAO', assetId: null }, { symbol: 'FIL', assetId: null }, { symbol: 'HNT', assetId: null }] },
      { id: 'wl-mine', name: 'Mine', items: [{ symbol: 'RENDER', assetId: null }] },
    ],
    activeWatchlistId: 'wl-mine',
    apiKeys: { coingecko: CG_KEY, coingeckoPlan: 'demo', taostats: TAO_KEY },
    venuesOff: [],
    groupsOff: [],
    assetChoices: { 'kucoin:IO': 'io-net' },
  },
  settings$: { v: 1 },
  alerts: [{ id: 'al-1', symbol: 'TAO', kind: 'priceAbove', level: 1000 }],
};

/** Evaluates `expression` in our content script's isolated world on `page` (CDP Runtime). */
async function inContentScriptWorld(cdp: CDPSession, extensionId: string, expression: string): Promise<unknown> {
  const contexts: Array<{ id: number; origin: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable'); // reports every existing context
  const ctx = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.includes(extensionId));
  if (!ctx) throw new Error(`no isolated world of the extension among ${JSON.stringify(contexts)}`);
  const r = await cdp.send('Runtime.evaluate', { expression, contextId: ctx.id, awaitPromise: true, returnByValue: true });
  if (r.exceptionDetails) throw new Error(`isolated-world code threw: ${JSON.stringify(r.exceptionDetails)}`);
  return r.result.value;
}

/** What the hostile code tries: read every storage it can reach, then overwrite what the user saved. */
const ATTACK = `(async () => {
  const out = { reads: {}, writes: {}, idb: null };
  const areas = ['local', 'sync', 'session'];
  for (const a of areas) {
    try { out.reads[a] = await chrome.storage[a].get(null); } catch (e) { out.reads[a] = 'refused: ' + e.message; }
  }
  try { out.idb = (await indexedDB.databases()).map((d) => d.name); } catch (e) { out.idb = 'refused: ' + e.message; }
  const forged = {
    settings: { watchlists: [], activeWatchlistId: null, assetChoices: { 'kucoin:ZZZ': 'attacker-chosen-coin' }, apiKeys: { coingecko: 'CG-forged' } },
    'settings$': { v: 99 },
    secrets: { coingecko: 'CG-forged' },
    alerts: [],
  };
  for (const a of areas) {
    try { await chrome.storage[a].set(forged); out.writes[a] = 'written'; } catch (e) { out.writes[a] = 'refused: ' + e.message; }
  }
  return out;
})()`;

async function optionsState(b: Launched): Promise<{ cg: string; tao: string; lists: string[]; items: string[] }> {
  const page = await b.context.newPage();
  try {
    await page.goto(`chrome-extension://${b.extensionId}/options.html`);
    await page.getByLabel('CoinGecko API key').waitFor();
    await page.waitForFunction(() => (document.querySelector('input[aria-label="CoinGecko API key"]') as HTMLInputElement | null)?.value !== '', null, { timeout: 10_000 }).catch(() => undefined);
    return {
      cg: await page.getByLabel('CoinGecko API key').inputValue(),
      tao: await page.getByLabel('Taostats API key').inputValue(),
      lists: await page.locator('[role="group"][aria-label="Watchlists"] button[aria-pressed]').allInnerTexts(),
      items: await page.locator('[data-watchlist] li').evaluateAll((els) => els.map((e) => e.getAttribute('data-symbol') ?? '')),
    };
  } finally {
    await page.close();
  }
}

describe('the page is hostile (production build, real Chromium)', () => {
  const server = new FakeServer();
  let b: Launched;

  beforeAll(async () => {
    const port = await server.start();
    installKucoinPages(server);
    installMarketFakes(server, {});
    server.on('api.llama.fi', () => ({ status: 404, body: 'Not found', headers: { 'content-type': 'text/plain' } }));
    b = await launch(port);
    // An existing user of version 1: keys and watchlists in storage.local, as that version wrote them.
    await b.worker.evaluate(async (v1) => {
      await chrome.storage.local.set(v1);
    }, V1_USER);
    // An update starts a new worker over the old data: do the same.
    const blank = await b.context.newPage();
    await killWorker(b, blank);
    await blank.close();
  });

  it("code in the content script's world finds no key in any storage it can reach, and its writes change nothing the user saved", async () => {
    const page: Page = await b.context.newPage();
    await page.goto('https://www.kucoin.com/trade/TAO-USDT');
    await waitState(page, ['ready', 'partial']);
    // The upgrade kept everything: keys and lists as the user saved them.
    const before = await optionsState(b);
    expect(before).toEqual({ cg: CG_KEY, tao: TAO_KEY, lists: ['Compute networks (3)', 'Mine (1)'], items: ['RENDER'] });

    const cdp = await b.context.newCDPSession(page);
    const seen = await inContentScriptWorld(cdp, b.extensionId, ATTACK);
    const text = JSON.stringify(seen);
    if (process.env.TL_DEBUG) console.log(text);
    expect(text, `the content script's world read: ${text}`).not.toContain(CG_KEY);
    expect(text).not.toContain(TAO_KEY);
    expect(text).not.toMatch(/CG-e2e|tao-e2e/);
    // its IndexedDB is the page's, not the extension's vault
    expect((seen as { idb: unknown }).idb).not.toContain('tokenlens-user');

    // Whatever the writes did, the user's settings, keys, lists and alerts are unchanged, for the
    // pages and for the worker (a fresh read after the storage.onChanged the write may cause).
    const after = await optionsState(b);
    expect(after).toEqual(before);
    // The vault, read from an extension page (same origin as the worker, the vault's only readers).
    const ext = await b.context.newPage();
    await ext.goto(`chrome-extension://${b.extensionId}/options.html`);
    const worker = await ext.evaluate(async () => {
      const db: IDBDatabase = await new Promise((res, rej) => {
        const r = indexedDB.open('tokenlens-user');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const get = (k: string) =>
        new Promise<unknown>((res, rej) => {
          const r = db.transaction('kv').objectStore('kv').get(k);
          r.onsuccess = () => res(r.result);
          r.onerror = () => rej(r.error);
        });
      return { settings: await get('settings'), secrets: await get('secrets'), alerts: await get('alerts') };
    });
    await ext.close();
    expect(worker.secrets).toMatchObject({ coingecko: CG_KEY, taostats: TAO_KEY });
    expect(worker.settings).toMatchObject({ watchlists: V1_USER.settings.watchlists, assetChoices: { 'kucoin:IO': 'io-net' } });
    expect(worker.alerts).toEqual(V1_USER.alerts);
    // and the key still goes upstream with the user's requests (the worker reads it from the vault)
    server.reset();
    await page.reload();
    await waitState(page, ['ready', 'partial']);
    await page.goto('https://www.kucoin.com/trade/FIL-USDT');
    await waitState(page, ['ready', 'partial']);
    expect(server.requests.some((r) => r.host === 'api.coingecko.com' && r.headers['x-cg-demo-api-key'] === CG_KEY)).toBe(true);
    await cdp.detach();
    await page.close();
  });
});
