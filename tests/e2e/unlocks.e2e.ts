/**
 * Issue 13 end to end: unlocks.html lists the active watchlist's cliff unlocks of the next 90
 * days in date order (FIL and TAO have schedules on the fake DefiLlama, the rest have none), the
 * exported .ics parses and holds one event per row with stable UIDs, and the popup shows the next
 * three rows. With TL_SCREENSHOT=1 it also refreshes docs/unlocks.png.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { TOKENS } from './fake-market';
import { filFundamentals, installFilFundamentals } from './fake-fundamentals';
import { type Launched } from './browser';
import { kucoinWorld } from './world';

const DAY = 86_400_000;
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface Row {
  asset: string;
  date: string;
  amount: number;
  valueUsd: string;
  soon: string;
}

async function rows(page: Page): Promise<Row[]> {
  return page.locator('[data-unlock-row]').evaluateAll((els) =>
    els.map((e) => ({
      asset: e.getAttribute('data-asset')!,
      date: e.getAttribute('data-date')!,
      amount: Number(e.getAttribute('data-amount')),
      valueUsd: e.getAttribute('data-value-usd')!,
      soon: e.getAttribute('data-soon') ?? '',
    })),
  );
}

describe('unlock calendar', () => {
  const now = Date.now();
  const f = filFundamentals(now);
  // TAO: two allocations at one midnight 5 days ahead (summed into one row, marked as within 7
  // days), and one unlock past the 90 days
  const taoAt = Math.floor(now / DAY) * DAY + 5 * DAY;
  const taoLate = Math.floor(now / DAY) * DAY + 120 * DAY;

  const world = kucoinWorld((server) => {
    server.on('api.llama.fi', ({ path }) => (path.startsWith('/summary/fees/') ? { status: 404, body: 'Fees for x not found', headers: { 'content-type': 'text/plain' } } : undefined));
    installFilFundamentals(server, f);
    server.on('defillama-datasets.llama.fi', ({ path }) => {
      if (path !== '/emissions/bittensor') return undefined;
      return {
        body: {
          name: 'Bittensor',
          gecko_id: 'bittensor',
          metadata: {
            token: 'coingecko:bittensor',
            unlockEvents: [
              {
                timestamp: taoAt / 1000,
                cliffAllocations: [
                  { recipient: 'Investors; seed, round', category: 'privateSale', unlockType: 'cliff', amount: 40_000 },
                  { recipient: 'Team', category: 'insiders', unlockType: 'cliff', amount: 10_000 },
                ],
                linearAllocations: [],
              },
              { timestamp: taoLate / 1000, cliffAllocations: [{ recipient: 'Team', category: 'insiders', unlockType: 'cliff', amount: 1 }], linearAllocations: [] },
            ],
          },
        },
      };
    });
  });
  let b: Launched;
  beforeAll(() => void (b = world.browser()));

  it('lists the watchlist’s unlocks in date order, exports one event per row, and the popup shows the next three', async () => {
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/unlocks.html`);
    await page.locator('[data-unlock-row]').first().waitFor({ timeout: 30_000 });
    await page.locator('[data-no-schedule]').waitFor();

    const got = await rows(page);
    const fil = TOKENS.FIL!;
    const filAmount = f.cliffAllocations.reduce((s, a) => s + a.amount, 0);
    expect(got.map((r) => [r.asset, r.date, r.amount])).toEqual([
      ['TAO', new Date(taoAt).toISOString(), 50_000],
      ['FIL', new Date(f.cliffAtMs).toISOString(), filAmount],
      ['FIL', new Date(f.laterCliffAtMs).toISOString(), f.laterCliffAmount],
    ]);
    // date order, and USD at today's price (CoinGecko price: the page has no venue)
    expect(got.map((r) => Date.parse(r.date))).toEqual([...got.map((r) => Date.parse(r.date))].sort((a, b) => a - b));
    expect(Number(got[1]!.valueUsd)).toBeCloseTo(filAmount * fil.cgPrice, 6);
    expect(Number(got[0]!.valueUsd)).toBeCloseTo(50_000 * TOKENS.TAO!.cgPrice, 6);
    // TAO in 5 days is marked; FIL in 9.5 days is not
    expect(got.map((r) => r.soon)).toEqual(['true', 'false', 'false']);
    expect(await page.locator('[data-unlock-row][data-asset="TAO"].tl-soon').count()).toBe(1);
    // recipients listed, linear stream summarised once, tokens without a schedule listed once
    await expect.poll(() => page.locator('[data-unlock-row][data-asset="TAO"] td').last().innerText()).toBe('Investors; seed, round, Team');
    expect(await page.locator('[data-linear]').evaluateAll((els) => els.map((e) => e.getAttribute('data-linear')))).toEqual(['FIL']);
    const noSchedule = await page.locator('[data-no-schedule]').innerText();
    expect(noSchedule).toMatch(/^No public schedule: /);
    expect(noSchedule).toContain('RENDER');
    expect(noSchedule.match(/RENDER/g)).toHaveLength(1);
    expect(noSchedule).not.toMatch(/FIL|TAO/);

    // Export calendar: a download (no `downloads` permission), parsed back with ical.js
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export calendar' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^tokenlens-unlocks-\d{4}-\d{2}-\d{2}\.ics$/);
    const text = readFileSync((await download.path())!, 'utf8');
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(got.length);
    expect(events.map((e) => e.uid)).toEqual(got.map((r) => `${r.asset.toLowerCase()}-${Date.parse(r.date)}@tokenlens`));
    expect(events.map((e) => e.startDate.toJSDate().getTime())).toEqual(got.map((r) => Date.parse(r.date)));
    // TAO's unlock is at 00:00 UTC: an all-day event; FIL's at 12:00 UTC: timed
    expect(events[0]!.startDate.isDate).toBe(true);
    expect(events[1]!.startDate.isDate).toBe(false);
    // escaped ';' and ',' come back intact
    expect(events[0]!.description).toContain('Investors; seed, round, Team');
    expect(text.split('\r\n').every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);

    if (process.env.TL_SCREENSHOT === '1') {
      await page.setViewportSize({ width: 1200, height: 560 });
      await page.screenshot({ path: resolve(ROOT, 'docs/unlocks.png'), fullPage: true });
    }
    await page.close();

    const popup = await b.context.newPage();
    await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
    await popup.locator('.tl-next-unlocks [data-unlock-row]').first().waitFor({ timeout: 20_000 });
    expect(await rows(popup)).toEqual(got.slice(0, 3).map((r) => ({ ...r, soon: '' })));
    expect(await popup.locator('.tl-next-unlocks a').getAttribute('href')).toBe(`chrome-extension://${b.extensionId}/unlocks.html`);
    await popup.close();
  });
});
