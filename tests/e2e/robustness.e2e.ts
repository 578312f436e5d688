/**
 * QUALITY.md reliability and security promises that need the real browser: worker killed at
 * any moment, offline and recovery, extension reload without error spam, inert API text, no
 * CSP violations on the extension's pages.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { TOKENS } from './fake-market';
import { killWorker, metric, PANEL, showFull, waitState, type Launched } from './browser';
import { kucoinWorld } from './world';

describe('robustness in real Chromium', () => {
  let apiDown = false;
  /** while set, market-data requests are held (not answered) until it resolves */
  let hold: Promise<void> | undefined;
  /** market-data requests that arrived while `hold` was set */
  let held = 0;

  const world = kucoinWorld((server) => {
    // Switches checked on every request (later handlers win).
    for (const host of ['api.coingecko.com', 'api.kucoin.com', 'data-api.binance.vision']) {
      server.on(host, async () => {
        if (hold) {
          held++;
          await hold;
        }
        return apiDown ? { status: 503, body: '<html><body>Service Unavailable</body></html>' } : undefined;
      });
    }
  });
  const server = world.server;
  let b: Launched;
  beforeAll(() => void (b = world.browser()));

  it('survives the worker being killed mid-fetch, and after a kill the next page recovers', async () => {
    const page = await b.context.newPage();
    let release = () => {};
    hold = new Promise<void>((r) => (release = r));
    held = 0;
    await page.goto('https://www.kucoin.com/trade/RENDER-USDT');
    // Mid-fetch for certain: the fake servers have the worker's requests and are not answering.
    await expect.poll(() => held, { timeout: 20_000, interval: 50 }).toBeGreaterThan(0);
    await killWorker(b, page);
    hold = undefined;
    release();
    expect(await waitState(page, ['ready'], 20_000)).toBe('ready');
    await showFull(page);
    expect(Number(await page.locator(metric('price')).getAttribute('data-value'))).toBe(TOKENS.RENDER!.venuePrice);
    await killWorker(b, page);
    await page.evaluate(() => (window as any).__nav('/trade/TAO-USDT'));
    await page.waitForFunction(() => document.querySelector('tokenlens-overlay')?.shadowRoot?.querySelector('[data-asset="TAO"][data-state="ready"]'), null, { polling: 100, timeout: 20_000 });
    expect(Number(await page.locator(metric('price')).getAttribute('data-value'))).toBe(TOKENS.TAO!.venuePrice);
    await page.close();
  });

  it('API down: cached figures stay with their age and a note; it recovers by itself when the API is back', async () => {
    const page = await b.context.newPage();
    // NEAR is not cached yet: with every API down there is nothing to show. (Not FIL: since the
    // sector medians of issue 13, visiting RENDER or TAO fetches the compute networks' market
    // data in one batch, FIL's included.)
    apiDown = true;
    await page.goto('https://www.kucoin.com/trade/NEAR-USDT');
    expect(await waitState(page, ['error', 'partial'])).toBe('error');
    expect(await page.locator(`${PANEL} .tl-notes, ${PANEL} .tl-message`).first().innerText()).toMatch(/KuCoin|CoinGecko|unavailable|HTTP|answered/);
    // Back online: the bounded retry (5 s) brings the data without a reload.
    apiDown = false;
    expect(await waitState(page, ['ready'], 15_000)).toBe('ready');
    expect(Number(await page.locator(metric('marketCap')).getAttribute('data-value'))).toBe(TOKENS.NEAR!.marketCap);
    await page.close();
  });

  it('API text is inert: a hostile coin name renders as text, nothing executes', async () => {
    const off = server.on('api.coingecko.com', ({ path }) =>
      path === '/api/v3/coins/markets'
        ? { body: [{ id: 'render-token', symbol: 'render', name: '<img src=x onerror="window.__pwned=1">Render</a><a href="javascript:alert(1)">x', current_price: 7, market_cap: 1, image: 'javascript:alert(1)', last_updated: new Date().toISOString() }] }
        : undefined,
    );
    const page = await b.context.newPage();
    // RENDER's market entry may be cached from the first test: ask for a refresh via a new pair key.
    await page.goto('https://www.kucoin.com/trade/RENDER-USDC');
    await waitState(page, ['ready', 'partial', 'stale']);
    const html = await page.evaluate(() => document.querySelector('tokenlens-overlay')!.shadowRoot!.innerHTML);
    expect(html).not.toMatch(/<img|<a |javascript:/);
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    off();
    await page.close();
  });

  it('extension pages and the worker run without CSP violations or console errors', async () => {
    const messages: string[] = [];
    for (const path of ['popup.html', 'options.html', 'compare.html', 'unlocks.html']) {
      const page = await b.context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error' || /Content Security Policy|securitypolicyviolation/i.test(m.text())) messages.push(`${path}: ${m.text()}`);
      });
      page.on('pageerror', (e) => messages.push(`${path}: ${e.message}`));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => console.error(`securitypolicyviolation ${e.violatedDirective} ${e.blockedURI}`));
      });
      await page.goto(`chrome-extension://${b.extensionId}/${path}`);
      await page.waitForLoadState('networkidle');
      await new Promise((r) => setTimeout(r, 500));
      await page.close();
    }
    // The worker: wake it from an extension page, count violations while a real message round
    // runs zod (jitless), the engine and the cache, then read the count.
    const ext = await b.context.newPage();
    await ext.goto(`chrome-extension://${b.extensionId}/options.html`);
    const worker = b.context.serviceWorkers().find((w) => w.url().includes(b.extensionId)) ?? (await b.context.waitForEvent('serviceworker', { timeout: 15_000 }));
    await worker.evaluate(() => {
      const g = globalThis as unknown as { __cspViolations: number };
      g.__cspViolations = 0;
      self.addEventListener('securitypolicyviolation', () => g.__cspViolations++);
    });
    const reply = await ext.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'lookup', data: { query: 'TAO', refresh: true } }));
    expect(reply).toMatchObject({ ok: true, data: { asset: { id: 'bittensor' } } });
    expect(await worker.evaluate(() => (globalThis as unknown as { __cspViolations: number }).__cspViolations)).toBe(0);
    await ext.close();
    expect(messages).toEqual([]);
  });

  // Last: Debian's Chromium does not bring back an extension loaded with --load-extension after
  // chrome.runtime.reload() (its pages then answer ERR_BLOCKED_BY_CLIENT), so "the new one takes
  // over" cannot be shown here; what is checked is that the orphaned content script goes quiet.
  it('an extension reload leaves the old content script quiet: no errors, no requests', async () => {
    const page = await b.context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('https://www.kucoin.com/trade/TAO-USDT');
    await waitState(page, ['ready']);
    const ext = await b.context.newPage();
    await ext.goto(`chrome-extension://${b.extensionId}/options.html`);
    await ext.evaluate(() => (globalThis as any).chrome.runtime.reload()).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 1000));
    server.reset();
    // The orphaned script sees SPA navigations and tab focus without throwing or fetching.
    for (const path of ['/trade/RENDER-USDT', '/trade/FIL-USDT', '/trade/TAO-USDT']) {
      await page.evaluate((p) => (window as any).__nav(p), path);
      await new Promise((r) => setTimeout(r, 300));
    }
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await new Promise((r) => setTimeout(r, 500));
    expect(errors).toEqual([]);
    expect(server.requests.filter((r) => r.host.startsWith('api.'))).toEqual([]);
    // The orphan notices the invalidation on the first navigation (WXT's ctx.isInvalid) and
    // removes its panel: no stale numbers stay on screen under any pair's name.
    expect(await page.locator('tokenlens-overlay').count()).toBe(0);
    await page.close();
  });
});
