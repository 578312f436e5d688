/**
 * Issue 4 end to end: a KuCoin page for a token with every group (FIL: DefiLlama fees and
 * revenue, emissions, Filfox network activity) and one with few (RENDER: no schedule, no
 * public network source), showing what is missing instead of zeros.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TOKENS } from './fake-market';
import { filFundamentals, installFilFundamentals } from './fake-fundamentals';
import { metric, PANEL, type Launched, showFull } from './browser';
import { kucoinWorld } from './world';

async function val(page: Page, id: string): Promise<string | null> {
  return page.locator(metric(id)).first().getAttribute('data-value');
}

async function waitFor(page: Page, states: string[]) {
  await page.waitForFunction(
    (states) => states.includes(document.querySelector('tokenlens-overlay')?.shadowRoot?.querySelector('[data-tokenlens]')?.getAttribute('data-state') ?? ''),
    states,
    { polling: 100, timeout: 20_000 },
  );
}

describe('fundamentals on the overlay', () => {
  const now = Date.now();
  const f = filFundamentals(now);

  const world = kucoinWorld((server) => {
    // Any other DefiLlama slug: "not found", as DefiLlama answers for unknown slugs (installed
    // first: later handlers win).
    server.on('api.llama.fi', ({ path }) => (path.startsWith('/summary/fees/') ? { status: 404, body: 'Fees for x not found', headers: { 'content-type': 'text/plain' } } : undefined));
    installFilFundamentals(server, f);
  });
  let b: Launched;
  beforeAll(() => void (b = world.browser()));

  it('FIL/USDT shows valuation, usage, unlocks and network groups with correct numbers', async () => {
    const page = await b.context.newPage();
    await page.goto('https://www.kucoin.com/trade/FIL-USDT');
    await waitFor(page, ['ready']);
    const fil = TOKENS.FIL!;
    const price = fil.venuePrice;
    // Compact by default: an asset with everything shows every key figure, and one network headline.
    expect(await page.locator(PANEL).getAttribute('data-view')).toBe('compact');
    for (const id of ['marketCap', 'fdvToMcap', 'nextUnlockDate', 'nextUnlockPctCirculating', 'revenue30d']) expect(await page.locator(metric(id)).count(), id).toBe(1);
    expect(await page.locator(`${PANEL} [data-metric^="network:"]`).count()).toBe(1);
    expect(await page.locator(metric('fees24h')).count()).toBe(0);
    await showFull(page);

    // Fees and revenue: last complete UTC day, and the sum of the last 30 complete days; today's
    // partial day (123) is ignored.
    expect(Number(await val(page, 'fees24h'))).toBe(f.fees.at(-1));
    const fees30 = f.fees.slice(-30).reduce((a, x) => a + x, 0);
    expect(Number(await val(page, 'fees30d'))).toBe(fees30);
    const rev30 = f.revenue.slice(-30).reduce((a, x) => a + x, 0);
    expect(Number(await val(page, 'revenue30d'))).toBe(rev30);
    expect(Number(await val(page, 'revenueAnnualized'))).toBeCloseTo((rev30 * 365) / 30, 6);
    // FDV: CoinGecko has none for FIL here, so price (CoinGecko) × max supply
    const fdv = fil.cgPrice * fil.max!;
    expect(Number(await val(page, 'fdv'))).toBeCloseTo(fdv, 4);
    expect(Number(await val(page, 'fdvToRevenue'))).toBeCloseTo(fdv / ((rev30 * 365) / 30), 6);
    expect(await page.locator(metric('fees30d')).getAttribute('data-source')).toBe('defillama');

    // Next unlock: the cliff in 9.5 days, all allocations at that timestamp summed.
    const amount = f.cliffAllocations.reduce((a, x) => a + x.amount, 0);
    expect(Date.parse((await val(page, 'nextUnlockDate'))!)).toBe(f.cliffAtMs);
    expect(Number(await val(page, 'nextUnlockAmount'))).toBeCloseTo(amount, 6);
    expect(Number(await val(page, 'nextUnlockValue'))).toBeCloseTo(amount * price, 4);
    expect(Number(await val(page, 'nextUnlockPctCirculating'))).toBeCloseTo((amount / fil.circulating) * 100, 8);
    // The cliff is 9.5 days after today's UTC midnight: whole days from now, as the overlay counts
    // them (8 or 9 depending on the hour this runs).
    const days = Math.floor((f.cliffAtMs - Date.now()) / 86_400_000);
    await expect.poll(() => page.locator(`${metric('nextUnlockDate')} .tl-value`).innerText()).toBe(`in ${days} days`);
    // Next 30 days: the cliff plus 30 days of the linear stream (700k/week), at today's price;
    // the later cliff (70 days out) is outside the window.
    const unlocks30 = (amount + (f.linearPerWeek / 7) * 30) * price;
    expect(Number(await val(page, 'unlocks30dValue')) / unlocks30).toBeCloseTo(1, 4);
    // Unlock pressure (CONTRACT.md): the same figure as in the popup, i.e. unlocks valued at the
    // CoinGecko snapshot's price ÷ the asset's volume across all exchanges, never the venue's.
    const unlocks30AtCg = (unlocks30 / price) * fil.cgPrice;
    expect(Number(await val(page, 'unlockPressure')) / (unlocks30AtCg / fil.cgVolume)).toBeCloseTo(1, 4);
    // Last 30 days: the linear stream only.
    const emissions30 = (f.linearPerWeek / 7) * 30 * price;
    expect(Number(await val(page, 'emissions30dValue')) / emissions30).toBeCloseTo(1, 4);
    expect(Number(await val(page, 'revenueToEmissions')) / (rev30 / emissions30)).toBeCloseTo(1, 4);
    // Recipients of the next unlock, largest first, the duplicated recipient summed.
    await expect.poll(() => page.locator(`${PANEL} .tl-recipients`).innerText()).toMatch(/Protocol Labs 4M · Filecoin Foundation 2.18M/);

    // Network: Filfox storage power in EiB and active miners, labelled for what they count.
    expect(Number(await val(page, 'network:storagePowerEiB'))).toBeCloseTo(20, 10);
    expect(Number(await val(page, 'network:activeMiners'))).toBe(f.activeMiners);
    expect(await page.locator(metric('network:activeMiners')).getAttribute('data-source')).toBe('filfox');
    expect(await page.locator(`${metric('network:storagePowerEiB')} .tl-label`).innerText()).toMatch(/storage power/i);
    // The methodology text is on the card.
    expect(await page.locator(`${PANEL} .tl-method`).innerText()).toMatch(/DefiLlama/);
    await page.close();
  });

  it('RENDER/USDT shows what is missing, not zeros', async () => {
    const page = await b.context.newPage();
    await page.goto('https://www.kucoin.com/trade/RENDER-USDT');
    await waitFor(page, ['ready', 'partial']);
    // No unlock schedule and no public network source: no such figures, and no zero in their place.
    expect(await page.locator(metric('nextUnlockDate')).count()).toBe(0);
    expect(await page.locator(`${PANEL} [data-metric^="network:"]`).count()).toBe(0);
    // one muted "Not covered" line, expanding to the reasons
    expect(await page.locator(`${PANEL} .tl-cover summary`).innerText()).toMatch(/^Not covered: .*Unlocks.*|^Not covered: .*Network/);
    const notes = (await page.locator(`${PANEL} .tl-notes`).textContent()) ?? '';
    expect(notes).toMatch(/No public unlock schedule for Render/);
    expect(notes).toMatch(/Render publishes no public API for frames rendered or node counts/);
    // DefiLlama answered 404 for the fees slug: no zero revenue either.
    for (const id of ['fees24h', 'revenue30d', 'fdvToRevenue']) {
      const v = await page.locator(metric(id)).count();
      if (v) expect(await val(page, id)).toBe('');
    }
    // Market figures are all there.
    expect(Number(await val(page, 'marketCap'))).toBe(TOKENS.RENDER!.marketCap);
    await page.close();
  });
});
