/**
 * Issue 13 end to end: sector medians. The comparison page's median row, and the overlay's full
 * view on a compute-network member (FIL on KuCoin) showing `data-metric="sector:<id>"` with the
 * median over the members that have the figure. On the fake CoinGecko only TAO, RENDER and FIL
 * have market data, so FDV / market cap has exactly three members (the minimum) and the other
 * ratios have fewer, hence no median.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { filFundamentals, installFilFundamentals } from './fake-fundamentals';
import { metric, waitState, type Launched, showFull } from './browser';
import { kucoinWorld } from './world';

describe('sector medians', () => {

  const world = kucoinWorld((server) => {
    server.on('api.llama.fi', ({ path }) => (path.startsWith('/summary/fees/') ? { status: 404, body: 'Fees for x not found', headers: { 'content-type': 'text/plain' } } : undefined));
    installFilFundamentals(server, filFundamentals(Date.now()));
  });
  let b: Launched;
  beforeAll(() => void (b = world.browser()));

  it('the comparison page has a median row, and the full view of a sector member shows its medians', async () => {
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/compare.html`);
    const cell = page.locator('tfoot [data-median-row] [data-metric="sector:fdvToMcap"]');
    await cell.waitFor({ timeout: 30_000 });
    const figures = await page.locator('tbody td[data-metric="fdvToMcap"]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
    expect(figures).toHaveLength(3);
    const median = [...figures].sort((x, y) => x - y)[1]!;
    expect(Number(await cell.getAttribute('data-value'))).toBeCloseTo(median, 10);
    expect(await cell.getAttribute('data-source')).toBe('computed');
    expect(await cell.innerText()).toMatch(/^sector median \d/);
    expect(await cell.getAttribute('title')).toMatch(/3 members of Compute networks .*(TAO|RENDER|FIL).*(TAO|RENDER|FIL)/);
    // two members with FDV / revenue at most: no median for it
    expect(await page.locator('tfoot [data-metric="sector:fdvToRevenue"]').count()).toBe(0);
    await page.close();

    const kucoin = await b.context.newPage();
    await kucoin.goto('https://www.kucoin.com/trade/FIL-USDT');
    await waitState(kucoin, ['ready', 'partial']);
    await showFull(kucoin); // the medians sit beside their figures in the full view
    const med = kucoin.locator(metric('sector:fdvToMcap'));
    // on a cold cache the medians may come with the overlay's next refresh: wait for the element
    await med.waitFor({ timeout: 30_000 });
    expect(await med.getAttribute('data-source')).toBe('computed');
    // FIL's own figure may differ slightly on the venue page (venue price), the median is TAO's
    expect(Number(await med.getAttribute('data-value'))).toBeCloseTo(median, 6);
    // next to its figure: the row right after FDV / market cap
    const order = await kucoin.locator(`${metric('fdvToMcap')} ~ [data-metric]`).first().getAttribute('data-metric');
    expect(order).toBe('sector:fdvToMcap');
    expect(await med.innerText()).toMatch(/sector median\s*[\d.]+×/);
    // the comparison page's tooltip message (`sector_median_explain`), in the UI language
    expect(await med.locator('.tl-explain').textContent()).toMatch(/over 3 members of Compute networks that have it \(.*TAO/);
    expect(await kucoin.locator(metric('sector:unlockPressure')).count()).toBe(0);
    await kucoin.close();
  });

  it('a watchlist marked as a sector in the options gives its members medians in the popup', async () => {
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/options.html`);
    const name = page.getByRole('textbox', { name: 'Watchlist name' });
    const before = await name.inputValue();
    await page.getByRole('button', { name: 'New watchlist' }).click();
    // The field shows the active list: wait for the new one, or the rename lands on the old list.
    await expect.poll(() => name.inputValue()).not.toBe(before);
    await name.fill('Layer ones');
    await name.press('Tab');
    for (const t of ['NEAR', 'TAO', 'RENDER']) {
      const add = page.getByRole('textbox', { name: 'Add to watchlist' });
      await add.fill(t);
      await add.press('Enter');
      await page.waitForSelector(`ul[aria-label="Layer ones tokens"] li[data-symbol="${t}"]`);
    }
    const box = page.getByRole('checkbox', { name: /Treat this list as a sector/ });
    await box.check();
    // The save is asynchronous (vault first, then the durable storage.local copy): wait until it
    // has landed, as a person would not reload within the same few milliseconds. Polled from the
    // test side: page.waitForFunction does not await an async predicate (a Promise is truthy), so
    // it returned at once and the reload sometimes cut the save short (CI, 2026-12-07).
    const stored = () =>
      page.evaluate(async () => {
        const got = await (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('settings');
        const lists = (got.settings as { watchlists?: Array<{ name?: string; sector?: boolean }> } | undefined)?.watchlists ?? [];
        return lists.some((w) => w.name === 'Layer ones' && w.sector === true);
      });
    await expect.poll(stored, { timeout: 10_000 }).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByRole('checkbox', { name: /Treat this list as a sector/ }).isChecked()).toBe(true);
    await page.close();

    const popup = await b.context.newPage();
    await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
    const field = popup.getByRole('searchbox', { name: 'Search token' });
    await field.fill('NEAR');
    await field.press('Enter');
    const med = popup.locator('[data-tokenlens="popup"][data-asset="NEAR"] [data-metric="sector:fdvToMcap"]');
    await med.waitFor({ timeout: 30_000 });
    const figures = [3_300_000_000 / 3_200_000_000, 8_658_300_000 / 3_650_000_000, 3_790_000_000 / 3_690_000_000].sort((x, y) => x - y);
    expect(Number(await med.getAttribute('data-value'))).toBeCloseTo(figures[1]!, 10);
    expect(await med.locator('.tl-explain').textContent()).toMatch(/over 3 members of Layer ones that have it \(NEAR, /);
    await popup.close();
  });
});
