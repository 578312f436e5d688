/**
 * Issue 9 end to end, at 1366×768 on a busy KuCoin-like page: the compact default and its place
 * (clear of the order book and the order form), the view toggle remembered across a reload,
 * every full-view figure reachable by scrolling, group collapse remembered, the popup's Enter
 * closing the suggestions, the comparison page's sticky first column, and the Chinese UI
 * (`--lang=zh-CN`: translated labels, red-up colours).
 *
 * TL_SCREENSHOTS=1 also writes docs/overlay-compact.png, overlay-full.png, overlay-zh-CN.png,
 * popup.png and compare.png (README).
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FakeServer } from './fake-server';
import { installKucoinPages, installMarketFakes, TOKENS } from './fake-market';
import { filFundamentals, installFilFundamentals } from './fake-fundamentals';
import { launch, metric, PANEL, waitState, type Launched } from './browser';

const DOCS = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs');
const SHOTS = process.env.TL_SCREENSHOTS === '1';
const VIEWPORT = { width: 1366, height: 768 };

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(DOCS, { recursive: true });
  await page.screenshot({ path: join(DOCS, name) });
}

/**
 * A busy KuCoin-like trade page laid out as the venue's standard one: order book in the left
 * column, chart in the middle with the order form under it, markets and market trades on the
 * right, open orders below.
 */
function busyPage(base: string): string {
  const rows = (n: number, cls: string, p0: number, dir: number) =>
    Array.from({ length: n }, (_, i) => `<tr class="${cls}"><td>${(p0 + dir * i * 0.01).toFixed(2)}</td><td>${(13.2 + ((i * 7) % 11)).toFixed(3)}</td><td>${(2200 + i * 37).toLocaleString('en-US')}</td></tr>`).join('');
  const market = Array.from({ length: 18 }, (_, i) => `<tr><td>${['BTC', 'ETH', 'SOL', 'TAO', 'FIL', 'RENDER', 'AKT', 'XRP', 'DOGE'][i % 9]}/USDT</td><td>${(1 + i * 3.7).toFixed(2)}</td><td class="${i % 3 ? 'up' : 'dn'}">${i % 3 ? '+' : '-'}${(i * 0.37).toFixed(2)}%</td></tr>`).join('');
  return `<!doctype html><html lang="en" class="theme-dark"><head><meta charset="utf-8"><title>${base}/USDT KuCoin fake</title>
<style>
body{margin:0;background:#0b0e11;color:#eaecef;font:12px/1.4 sans-serif;overflow:hidden}
header{height:56px;display:flex;align-items:center;gap:24px;padding:0 16px;border-bottom:1px solid #222;font-size:14px}
#book{position:absolute;left:0;top:57px;width:300px;bottom:0;border-right:1px solid #222}
#chart{position:absolute;left:301px;right:301px;top:57px;height:380px;background:linear-gradient(#12161c,#0e1217);border-bottom:1px solid #222}
#form{position:absolute;left:301px;right:301px;top:438px;height:230px;display:flex;gap:12px;padding:10px;box-sizing:border-box}
#form fieldset{flex:1;border:1px solid #2a313c;border-radius:6px}
#form input{width:100%;margin:4px 0;background:#1e2329;border:1px solid #333;color:#eee;padding:6px;box-sizing:border-box}
#buy{width:100%;padding:8px;background:#0ecb81;border:0;color:#fff;font-weight:600}
#orders{position:absolute;left:301px;right:301px;top:669px;bottom:0;border-top:1px solid #222;padding:6px 10px}
#markets{position:absolute;right:0;top:57px;width:300px;height:380px;border-left:1px solid #222;overflow:hidden}
#trades{position:absolute;right:0;top:438px;width:300px;bottom:0;border-left:1px solid #222;overflow:hidden}
table{width:100%;border-collapse:collapse}td{padding:1px 8px;text-align:right}td:first-child{text-align:left}
.ask td:first-child,.dn{color:#f6465d}.bid td:first-child,.up{color:#0ecb81}
h4{margin:6px 8px;color:#848e9c;font-weight:400}
polyline{fill:none;stroke:#0ecb81;stroke-width:2}
</style></head><body>
<header><strong>KuCoin</strong><span>${base}/USDT</span><span class="up">+1.84%</span><span>24h Vol 18.2M</span></header>
<div id="book"><h4>Order book</h4><table>${rows(16, 'ask', 3.94, -1)}</table><div style="padding:4px 8px;font-size:16px" class="up">3.78</div><table>${rows(16, 'bid', 3.77, -1)}</table></div>
<div id="chart"><svg width="100%" height="100%" viewBox="0 0 760 380" preserveAspectRatio="none"><polyline points="${Array.from({ length: 60 }, (_, i) => `${i * 13},${200 + Math.round(60 * Math.sin(i / 5) + 30 * Math.cos(i / 2))}`).join(' ')}"/></svg></div>
<form id="form" onsubmit="event.preventDefault();window.__orders=(window.__orders||0)+1"><fieldset><legend>Buy ${base}</legend><input placeholder="Price"><input placeholder="Amount"><button id="buy" type="submit">Buy ${base}</button></fieldset><fieldset><legend>Sell ${base}</legend><input placeholder="Price"><input placeholder="Amount"><input placeholder="Total"></fieldset></form>
<div id="orders"><h4>Open orders (0)</h4></div>
<div id="markets"><h4>Markets</h4><table>${market}</table></div>
<div id="trades"><h4>Market trades</h4><table>${rows(20, 'bid', 3.78, 1)}</table></div>
<script>window.__nav=(p)=>history.pushState({},'',p);</script>
</body></html>`;
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y;
}

function installServer(server: FakeServer): void {
  installKucoinPages(server);
  installMarketFakes(server);
  server.on('api.llama.fi', ({ path }) => (path.startsWith('/summary/fees/') ? { status: 404, body: 'not found', headers: { 'content-type': 'text/plain' } } : undefined));
  installFilFundamentals(server, filFundamentals(Date.now()));
  // later handlers win: the busy layout for trade pages
  server.on('www.kucoin.com', ({ path }) => {
    const m = /\/trade\/([A-Z0-9]+)-USDT/.exec(path);
    return m ? { body: busyPage(m[1]!) } : undefined;
  });
}

describe('views, at 1366×768 on a busy page (English)', () => {
  const server = new FakeServer();
  let b: Launched;

  beforeAll(async () => {
    const port = await server.start();
    installServer(server);
    b = await launch(port, { viewport: VIEWPORT });
  });

  afterAll(async () => {
    await b?.close();
    await server.stop();
  });

  it('opens compact: the key figures in a small card, clear of the order book and the order form', async () => {
    const page = await b.context.newPage();
    await page.goto('https://www.kucoin.com/trade/FIL-USDT');
    expect(await waitState(page, ['ready'])).toBe('ready');
    expect(await page.locator(PANEL).getAttribute('data-view')).toBe('compact');
    for (const id of ['marketCap', 'fdvToMcap', 'nextUnlockDate', 'nextUnlockPctCirculating', 'revenue30d']) {
      expect(await page.locator(metric(id)).getAttribute('data-value'), id).not.toBe('');
    }
    expect(await page.locator(`${PANEL} [data-metric^="network:"]`).count()).toBe(1);
    // what the page shows anyway stays in the full view
    expect(await page.locator(metric('price')).count()).toBe(0);
    expect(await page.locator(metric("marketCap")).innerText()).toMatch(/^\$\d{1,3}(\.\d{1,2})?B$/);
    const box = (await page.locator(PANEL).boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(310);
    expect(box.height).toBeLessThanOrEqual(200);
    await shot(page, 'overlay-compact.png');
    for (const sel of ['#book', '#form']) expect(overlaps(box, (await page.locator(sel).boundingBox())!), sel).toBe(false);
    expect(box.y + box.height).toBeLessThanOrEqual(VIEWPORT.height);
    // the toggle says what it does, to assistive technology too
    const toggle = page.locator(`${PANEL} [data-tokenlens-action="toggle-view"]`);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator(PANEL).getAttribute('data-up-color')).toBe('green');
    await shot(page, 'overlay-compact.png');
    await page.close();
  });

  it('the toggle works from the keyboard and the choice survives a reload', async () => {
    const page = await b.context.newPage();
    await page.goto('https://www.kucoin.com/trade/FIL-USDT');
    await waitState(page, ['ready']);
    const toggle = page.locator(`${PANEL} [data-tokenlens-action="toggle-view"]`);
    await toggle.focus();
    await page.keyboard.press('Enter');
    await page.locator(`${PANEL}[data-view="full"]`).waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(Number(await page.locator(metric('price')).getAttribute('data-value'))).toBe(TOKENS.FIL!.venuePrice);
    await page.reload();
    await waitState(page, ['ready']);
    expect(await page.locator(PANEL).getAttribute('data-view')).toBe('full');
    await shot(page, 'overlay-full.png');
    await page.close();
  });

  it('full view: every figure can be scrolled into view inside the panel, within the viewport', async () => {
    const page = await b.context.newPage();
    await page.goto('https://www.kucoin.com/trade/FIL-USDT');
    await waitState(page, ['ready']);
    await page.locator(`${PANEL}[data-view="full"] [data-group="technicals"]`).waitFor();
    const report = await page.evaluate(() => {
      const panel = document.querySelector('tokenlens-overlay')!.shadowRoot!.querySelector<HTMLElement>('[data-tokenlens="overlay"]')!;
      const out: Array<{ id: string; ok: boolean }> = [];
      const figures = [...panel.querySelectorAll<HTMLElement>('[data-metric]')].filter((el) => !el.closest('[hidden]'));
      for (const el of figures) {
        el.scrollIntoView({ block: 'nearest' });
        const r = el.getBoundingClientRect();
        const p = panel.getBoundingClientRect();
        out.push({ id: el.dataset.metric!, ok: r.height > 0 && r.top >= Math.max(0, p.top) - 0.5 && r.bottom <= Math.min(innerHeight, p.bottom) + 0.5 });
      }
      return { count: figures.length, bad: out.filter((o) => !o.ok).map((o) => o.id), panelBottom: panel.getBoundingClientRect().bottom };
    });
    expect(report.count).toBeGreaterThan(25);
    expect(report.bad).toEqual([]);
    expect(report.panelBottom).toBeLessThanOrEqual(VIEWPORT.height);
    await page.close();
  });

  it('a collapsed group stays collapsed after a reload', async () => {
    const page = await b.context.newPage();
    await page.goto('https://www.kucoin.com/trade/FIL-USDT');
    await waitState(page, ['ready']);
    const head = page.locator(`${PANEL} [data-group="technicals"] .tl-group-head`);
    await head.click();
    expect(await head.getAttribute('aria-expanded')).toBe('false');
    await page.reload();
    await waitState(page, ['ready']);
    await page.locator(`${PANEL} [data-group="technicals"] .tl-group-head[aria-expanded="false"]`).waitFor();
    await page.locator(`${PANEL} [data-group="technicals"] .tl-group-head`).click();
    await page.locator(`${PANEL} [data-group="technicals"] .tl-group-head[aria-expanded="true"]`).waitFor();
    await page.close();
  });

  it('popup: Enter closes the suggestions and they do not come back over the result', async () => {
    const page = await b.context.newPage();
    await page.setViewportSize({ width: 380, height: 600 });
    await page.goto(`chrome-extension://${b.extensionId}/popup.html`);
    const field = page.getByRole('searchbox', { name: 'Search token' });
    await field.fill('fil');
    await page.getByRole('option').first().waitFor();
    // Enter at once, then type-and-Enter racing the 200 ms suggestion debounce
    await field.press('Enter');
    await page.waitForSelector('[data-tokenlens="popup"][data-asset="FIL"] [data-metric="marketCap"]');
    expect(await page.getByRole('option').count()).toBe(0);
    await field.fill('ren');
    await field.press('Enter');
    await page.waitForSelector('[data-tokenlens="popup"] [data-metric="marketCap"]');
    // a negative check needs time to pass: longer than the debounce plus the worker's answer
    await page.waitForTimeout(600);
    expect(await page.getByRole('option').count()).toBe(0);
    expect(await page.locator('[aria-expanded="true"][role="combobox"]').count()).toBe(0);
    await field.fill('FIL');
    await field.press('Enter');
    await page.waitForSelector('[data-tokenlens="popup"][data-asset="FIL"] [data-metric="marketCap"]');
    await shot(page, 'popup.png');
    await page.close();
  });

  it('comparison page at 1366 px: the table scrolls in its box, the token column stays, one column per network unit', async () => {
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/compare.html`);
    await page.waitForSelector('tr[data-symbol="FIL"] [data-metric="marketCap"]');
    // the same ratio name as the overlay
    expect(await page.getByRole('button', { name: /^FDV \/ market cap/ }).count()).toBe(1);
    // network figures each in their own sortable column
    const netHeads = await page.locator('thead th button').allInnerTexts();
    expect(netHeads.filter((h) => /EiB|miners/i.test(h)).length).toBeGreaterThanOrEqual(2);
    expect(await page.locator('tr[data-symbol="FIL"] td[data-metric="network:storagePowerEiB"]').count()).toBe(1);
    expect(await page.locator('tr[data-symbol="FIL"] td[data-metric="network:activeMiners"]').count()).toBe(1);
    await shot(page, 'compare.png');
    const before = (await page.locator('tr[data-symbol="FIL"] th').boundingBox())!;
    const scrolled = await page.locator('.tl-table-wrap').evaluate((el) => {
      el.scrollLeft = 400;
      return el.scrollLeft;
    });
    const after = (await page.locator('tr[data-symbol="FIL"] th').boundingBox())!;
    if (scrolled > 0) expect(after.x).toBeCloseTo(before.x, 0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    await page.close();
  });
});

describe('Chinese UI (--lang=zh-CN)', () => {
  const server = new FakeServer();
  let b: Launched;

  beforeAll(async () => {
    const port = await server.start();
    installServer(server);
    b = await launch(port, { viewport: VIEWPORT, lang: 'zh-CN' });
  });

  afterAll(async () => {
    await b?.close();
    await server.stop();
  });

  it('labels, numbers and colours follow the language: red rises', async () => {
    const page = await b.context.newPage();
    await page.goto('https://www.kucoin.com/trade/FIL-USDT');
    await waitState(page, ['ready']);
    expect(await page.locator(PANEL).getAttribute('data-up-color')).toBe('red');
    expect(await page.locator(`${PANEL} .tl-cell .tl-label`).first().innerText()).toBe('市值');
    expect(await page.locator(`${PANEL} .tl-state`).innerText()).not.toBe('live');
    // Chinese number units (亿) and relative time (天后)
    expect(await page.locator(metric('marketCap')).innerText()).toMatch(/亿/);
    expect(await page.locator(metric('nextUnlockDate')).innerText()).toMatch(/天后/);
    expect(await page.locator(`${PANEL} [data-tokenlens-action="toggle-view"]`).getAttribute('aria-label')).not.toBe('All figures');
    await shot(page, 'overlay-zh-CN.png');
    await page.close();
  });
});
