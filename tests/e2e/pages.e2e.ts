/**
 * Issue 5 end to end: options watchlists (create, add, reload, export, import), an alert that
 * fires once when the fake price crosses its level, and the comparison page sorted and
 * exported to CSV.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TOKENS } from './fake-market';
import { killWorker, type Launched } from './browser';
import { kucoinWorld } from './world';

describe('extension pages', () => {

  const world = kucoinWorld();
  let b: Launched;
  beforeAll(() => void (b = world.browser()));

  const options = async (): Promise<Page> => {
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/options.html`);
    await page.getByRole('textbox', { name: 'Add to watchlist' }).waitFor();
    return page;
  };

  it('watchlists: create, add, survive a reload, export, delete, import back; a bad file changes nothing', async () => {
    const page = await options();
    const name = page.getByRole('textbox', { name: 'Watchlist name' });
    const before = await name.inputValue();
    await page.getByRole('button', { name: 'New watchlist' }).click();
    // The field shows the active list: wait for the new one, or the rename lands on the old list.
    await expect.poll(() => name.inputValue()).not.toBe(before);
    await name.fill('Alpha');
    await name.press('Tab');
    for (const t of ['fil', 'TAO']) {
      const add = page.getByRole('textbox', { name: 'Add to watchlist' });
      await add.fill(t);
      await add.press('Enter');
      await page.waitForSelector(`ul[aria-label="Alpha tokens"] li[data-symbol="${t.toUpperCase()}"]`);
    }
    // keyboard reorder: TAO up
    await page.getByRole('button', { name: 'Move TAO up' }).click();
    await expect.poll(() => page.locator('ul[aria-label="Alpha tokens"] li').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-symbol')))).toEqual(['TAO', 'FIL']);
    await page.reload();
    await page.waitForSelector('ul[aria-label="Alpha tokens"] li[data-symbol="FIL"]');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export watchlists' }).click()]);
    const file = await download.path();
    const exported = JSON.parse(readFileSync(file!, 'utf8'));
    const alpha = exported.watchlists.find((w: { name: string }) => w.name === 'Alpha');
    expect(alpha.items.map((i: { symbol: string }) => i.symbol)).toEqual(['TAO', 'FIL']);

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Delete watchlist' }).click();
    await page.waitForSelector('ul[aria-label="Alpha tokens"]', { state: 'detached' });

    // a bad file: nothing changes, and the page says why
    await page.getByLabel('Import watchlists').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"other"}') });
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/Nothing imported/);
    expect(await page.getByRole('button', { name: /^Alpha/ }).count()).toBe(0);

    await page.getByLabel('Import watchlists').setInputFiles(file!);
    await page.getByRole('button', { name: /^Alpha \(2\)/ }).click();
    await page.waitForSelector('ul[aria-label="Alpha tokens"] li[data-symbol="TAO"]');
    await page.close();
  });

  it('comparison page: sorted by a column, CSV export matching the fake data', async () => {
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/compare.html`);
    await page.waitForSelector('tr[data-symbol="TAO"] [data-metric="marketCap"]');
    const order = () => page.locator('tbody tr').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-symbol')));
    // default: market cap, descending; tokens without a market cap last
    const known = ['RENDER', 'TAO', 'FIL'].sort((a, b) => TOKENS[b]!.marketCap - TOKENS[a]!.marketCap);
    expect((await order()).slice(0, 3)).toEqual(known);
    await page.getByRole('button', { name: /^Market cap/ }).click();
    expect((await order()).slice(0, 3)).toEqual([...known].reverse());
    expect(await page.locator('th[aria-sort="ascending"]').innerText()).toMatch(/Market cap/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8').trim().split('\n');
    const header = csv[0]!.split(',');
    expect(header).toContain('marketCap');
    const rows = csv.slice(1).map((l) => Object.fromEntries(l.split(',').map((c, i) => [header[i], c])));
    expect(rows).toHaveLength(7);
    for (const sym of ['TAO', 'RENDER', 'FIL']) {
      const row = rows.find((r) => r.symbol === sym)!;
      expect(Number(row.marketCap)).toBe(TOKENS[sym]!.marketCap);
      expect(Number(row.price)).toBe(TOKENS[sym]!.cgPrice);
      expect(row.marketCap).toMatch(/^\d+(\.\d+)?$/);
    }
    await page.close();
  });
  // Moves NEAR's fake price only (no other test here reads NEAR), and puts it back: the tests
  // of this file pass in any order.
  it('an alert fires once when the price crosses its level, not again on replay or worker restart', async () => {
    const near = TOKENS.NEAR!;
    const nearPrice = near.cgPrice;
    near.cgPrice = 4.5;
    const page = await options();
    try {
      await page.getByLabel('Alert token').fill('NEAR');
      await page.getByRole('combobox', { name: 'Alert condition' }).selectOption('priceAbove');
      await page.getByRole('textbox', { name: 'Alert level' }).fill('5');
      await page.getByRole('button', { name: 'Add alert' }).click();
      await page.waitForSelector('ul[aria-label="Alert rules"] li');
      let n = 0;
      const status = page.locator('section[aria-labelledby="tl-alerts-h"] [role="status"]');
      const check = async () => {
        n++;
        await page.getByRole('button', { name: 'Check alerts now' }).click();
        await expect.poll(() => status.innerText(), { timeout: 20_000 }).toMatch(new RegExp(`^Check ${n}:`));
        return status.innerText();
      };
      expect(await check()).toMatch(/nothing new/);
      near.cgPrice = 5.125;
      expect(await check()).toMatch(/1 alert\(s\) fired/);
      expect(await check()).toMatch(/nothing new/);
      // Kill the service worker (CDP Target.closeTarget): state persisted, no second firing.
      await killWorker(b, page);
      expect(await check()).toMatch(/nothing new/);
      await expect.poll(() => page.locator('ul[aria-label="Recent alert firings"] li').count()).toBe(1);
      expect(await page.locator('ul[aria-label="Recent alert firings"] li').innerText()).toMatch(/NEAR is at \$5.125/);
      // crossing back re-arms, crossing again fires again
      near.cgPrice = 4.8;
      expect(await check()).toMatch(/nothing new/);
      near.cgPrice = 5.3;
      expect(await check()).toMatch(/1 alert\(s\) fired/);
    } finally {
      near.cgPrice = nearPrice;
      await page.close();
    }
  });
});
