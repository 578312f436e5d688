/**
 * Issue 3, item 6, end to end: the production build in real Chromium on Binance (spot, then an
 * SPA switch to USD-M futures), OKX, Bybit, Coinbase and a TradingView chart, with every venue's
 * public market-data API, CoinGecko and the Binance mirror served by local fakes; and the
 * venues' account/wallet pages, where the content script must not even be injected.
 *
 * Expected numbers are computed here from the fakes' own records (fake-venues.ts,
 * fake-market.ts) with independent arithmetic (`technicalindicators` for SMA/RSI), never read
 * back from the extension.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { RSI, SMA } from 'technicalindicators';
import { FakeServer } from './fake-server';
import { installMarketFakes, TOKENS } from './fake-market';
import { installVenueApis, installVenuePages, openFor, VENUE_DATA, type VenueQuote, type VenueWithData } from './fake-venues';
import { launch, metric, PANEL, type Launched, showFull } from './browser';

const OKX_COOKIE = 'okx_session=secret-okx-session';

async function attr(page: Page, sel: string, name: string): Promise<string | null> {
  return page.locator(sel).first().getAttribute(name);
}

async function num(page: Page, id: string): Promise<number> {
  const v = await attr(page, metric(id), 'data-value');
  expect(v, `data-value of ${id}`).not.toBe('');
  expect(v, `data-value of ${id}`).not.toBeNull();
  return Number(v);
}

/** Waits until the panel shows `asset` in one of `states`; returns the state. */
async function waitState(page: Page, asset: string, states: string[], timeout = 15_000): Promise<string> {
  await page.waitForFunction(
    ({ asset, states }) => {
      const el = document.querySelector('tokenlens-overlay')?.shadowRoot?.querySelector('[data-tokenlens="overlay"]');
      return !!el && el.getAttribute('data-asset') === asset && states.includes(el.getAttribute('data-state') ?? '');
    },
    { asset, states },
    { timeout, polling: 50 },
  );
  return (await attr(page, PANEL, 'data-state'))!;
}

/** SMA50 and Wilder RSI(14) on closed daily closes (the open candle, last, excluded). */
function technicals(closes: readonly number[]) {
  const closed = closes.slice(0, -1);
  return {
    sma: SMA.calculate({ period: 50, values: closed }).at(-1)!,
    // technicalindicators rounds RSI to 2 decimals: compare at 1 decimal.
    rsi: RSI.calculate({ period: 14, values: closed }).at(-1)!,
  };
}

/** What each venue's wire format says the 24h change (percent) and volume (USD) are. */
function venueExpectations(venue: VenueWithData, q: VenueQuote): { change: number; volume: number } {
  switch (venue) {
    case 'binance': // priceChangePercent is already percent; quoteVolume is USDT
      return { change: q.changePct, volume: q.volQuote };
    case 'okx': // no change field: (last / open24h − 1) × 100; volCcy24h is quote volume for SPOT
      return { change: (q.last / openFor(q) - 1) * 100, volume: q.volQuote };
    case 'bybit': // price24hPcnt is a FRACTION; turnover24h is quote volume
      return { change: q.changePct, volume: q.volQuote };
    case 'coinbase': // /stats: (last − open) / open; only base volume, so USD volume = volume × last
      return { change: ((q.last - openFor(q)) / openFor(q)) * 100, volume: q.volBase * q.last };
  }
}

/** The panel shows `base` with price/change/volume and technicals from `venue`, valuation from CoinGecko. */
async function expectVenueFigures(page: Page, venue: VenueWithData, base: string): Promise<void> {
  const q = VENUE_DATA[venue][base]!;
  const token = TOKENS[base]!;
  const exp = venueExpectations(venue, q);
  expect(await attr(page, PANEL, 'data-asset')).toBe(base);
  await showFull(page);
  expect(await num(page, 'price')).toBe(q.last);
  expect(await attr(page, metric('price'), 'data-source')).toBe(venue);
  expect(await num(page, 'change24h')).toBeCloseTo(exp.change, 6);
  expect(await attr(page, metric('change24h'), 'data-source')).toBe(venue);
  expect(await num(page, 'volume24h')).toBeCloseTo(exp.volume, 4);
  // valuation: CoinGecko, whatever the venue
  expect(await num(page, 'marketCap')).toBe(token.marketCap);
  expect(await attr(page, metric('marketCap'), 'data-source')).toBe('coingecko');
  expect(await num(page, 'athDrawdown')).toBeCloseTo((q.last / token.ath - 1) * 100, 8);
  // technicals: the venue's own daily candles
  const t = technicals(q.closes);
  expect(await num(page, 'sma50')).toBeCloseTo(t.sma, 6);
  expect(await attr(page, metric('sma50'), 'data-source')).toBe(venue);
  expect(await num(page, 'rsi14')).toBeCloseTo(t.rsi, 1);
  expect(await attr(page, metric('rsi14'), 'data-source')).toBe(venue);
  expect(await num(page, 'priceVsSma50')).toBeCloseTo((q.last / t.sma - 1) * 100, 6);
}

/** Records every rendering of the panel (asset, state and a few figures) from now on. */
async function recordPanel(page: Page): Promise<void> {
  await page.evaluate(() => {
    const root = document.querySelector('tokenlens-overlay')!.shadowRoot!;
    const w = window as unknown as { __snaps: Array<Record<string, string | null>> };
    w.__snaps = [];
    const snap = () => {
      const p = root.querySelector('[data-tokenlens="overlay"]');
      if (!p) return;
      const v = (id: string) => root.querySelector(`[data-metric="${id}"]`)?.getAttribute('data-value') ?? null;
      w.__snaps.push({ asset: p.getAttribute('data-asset'), state: p.getAttribute('data-state'), price: v('price'), marketCap: v('marketCap'), sma50: v('sma50'), rsi14: v('rsi14') });
    };
    snap();
    new MutationObserver(snap).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

describe('venues: Binance, OKX, Bybit, Coinbase, TradingView (production build, real Chromium)', () => {
  const server = new FakeServer();
  let b: Launched;

  beforeAll(async () => {
    const port = await server.start();
    installMarketFakes(server, {});
    installVenuePages(server, { okxCookie: OKX_COOKIE });
    // RENDER's Binance answers are held back so the SPA switch has a visible loading window.
    installVenueApis(server, { delay: (venue, base) => (venue === 'binance' && base === 'RENDER' ? 700 : 0) });
    // No fundamentals here: DefiLlama answers "not found" as for an unknown slug.
    server.on('api.llama.fi', () => ({ status: 404, body: 'Not found', headers: { 'content-type': 'text/plain' } }));
    b = await launch(port);
  });

  afterAll(async () => {
    await b?.close();
    await server.stop();
  });

  it('Binance spot TAO_USDT shows Binance figures; an SPA switch to USD-M RENDERUSDT shows RENDER’s, never TAO’s', async () => {
    const page = await b.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto('https://www.binance.com/en/trade/TAO_USDT?type=spot');
    expect(await waitState(page, 'TAO', ['ready', 'partial', 'stale', 'error', 'unsupported'])).toBe('ready');
    await expectVenueFigures(page, 'binance', 'TAO');
    expect(server.requests.some((r) => r.host === 'api.binance.com' && r.path === '/api/v3/ticker/24hr' && r.query.get('symbol') === 'TAOUSDT')).toBe(true);
    expect(server.requests.some((r) => r.host === 'api.binance.com' && r.path === '/api/v3/klines' && r.query.get('symbol') === 'TAOUSDT' && r.query.get('interval') === '1d')).toBe(true);

    // SPA switch (no reload) to the USD-M perpetual of another asset.
    await recordPanel(page);
    await page.evaluate(() => (window as any).__nav('/en/futures/RENDERUSDT'));
    expect(await waitState(page, 'RENDER', ['ready', 'partial', 'stale', 'error', 'unsupported'])).toBe('ready');
    await expectVenueFigures(page, 'binance', 'RENDER');

    // Every rendering labelled RENDER showed RENDER's numbers or none: never TAO's.
    const render = VENUE_DATA.binance.RENDER!;
    const rt = technicals(render.closes);
    const snaps = (await page.evaluate(() => (window as any).__snaps)) as Array<Record<string, string | null>>;
    const underRender = snaps.filter((s) => s.asset === 'RENDER');
    expect(underRender.length).toBeGreaterThan(0);
    expect(underRender.some((s) => s.state === 'loading')).toBe(true); // the race window was exercised
    const wrong = underRender.filter(
      (s) =>
        (s.price && Number(s.price) !== render.last) ||
        (s.marketCap && Number(s.marketCap) !== TOKENS.RENDER!.marketCap) ||
        (s.sma50 && Math.abs(Number(s.sma50) - rt.sma) > 1e-6) ||
        (s.rsi14 && Math.abs(Number(s.rsi14) - rt.rsi) > 0.05),
    );
    expect(wrong).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('OKX trade-spot tao-usdt shows OKX figures, and the worker’s calls to www.okx.com carry no cookie', async () => {
    const page = await b.context.newPage();
    await page.goto('https://www.okx.com/trade-spot/tao-usdt');
    expect(await waitState(page, 'TAO', ['ready', 'partial', 'stale', 'error', 'unsupported'])).toBe('ready');
    await expectVenueFigures(page, 'okx', 'TAO');

    // Control: the page holds the session cookie and its own request to the host carries it.
    expect(await page.evaluate(() => document.cookie)).toContain(OKX_COOKIE);
    await page.evaluate(() => (window as any).__ownFetch);
    const own = server.requests.filter((r) => r.host === 'www.okx.com' && r.path === '/api/v5/public/time');
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((r) => r.cookie?.includes(OKX_COOKIE))).toBe(true);
    // The worker's market-data calls to the same host: no cookie at all.
    const api = server.requests.filter((r) => r.host === 'www.okx.com' && r.path.startsWith('/api/v5/market/'));
    expect(api.map((r) => r.path).sort()).toEqual(expect.arrayContaining(['/api/v5/market/candles', '/api/v5/market/ticker']));
    expect(api.map((r) => r.query.get('instId'))).toEqual(api.map(() => 'TAO-USDT'));
    expect(api.find((r) => r.path === '/api/v5/market/candles')!.query.get('bar')).toBe('1Dutc');
    expect(api.map((r) => r.cookie ?? null)).toEqual(api.map(() => null));
    await page.close();
  });

  it('Bybit spot TAO/USDT shows Bybit figures', async () => {
    const page = await b.context.newPage();
    await page.goto('https://www.bybit.com/trade/spot/TAO/USDT');
    expect(await waitState(page, 'TAO', ['ready', 'partial', 'stale', 'error', 'unsupported'])).toBe('ready');
    await expectVenueFigures(page, 'bybit', 'TAO');
    await page.close();
  });

  it('Coinbase advanced-trade spot TAO-USD shows Coinbase figures', async () => {
    const page = await b.context.newPage();
    await page.goto('https://www.coinbase.com/advanced-trade/spot/TAO-USD');
    expect(await waitState(page, 'TAO', ['ready', 'partial', 'stale', 'error', 'unsupported'])).toBe('ready');
    await expectVenueFigures(page, 'coinbase', 'TAO');
    await page.close();
  });

  it('TradingView chart BINANCE:TAOUSDT shows TAO: CoinGecko price, Binance-mirror technicals, a note saying so; an in-app symbol change follows', async () => {
    server.reset();
    const page = await b.context.newPage();
    await page.goto('https://www.tradingview.com/chart/?symbol=BINANCE:TAOUSDT');
    expect(await waitState(page, 'TAO', ['ready', 'partial', 'stale', 'error', 'unsupported'])).toBe('ready');
    await showFull(page);
    const tao = TOKENS.TAO!;
    // TradingView has no market data of its own (README venue table): price is CoinGecko's.
    expect(await num(page, 'price')).toBe(tao.cgPrice);
    expect(await attr(page, metric('price'), 'data-source')).toBe('coingecko');
    expect(await num(page, 'change24h')).toBeCloseTo(tao.cgChangePct, 8);
    expect(await num(page, 'volume24h')).toBe(tao.cgVolume);
    expect(await num(page, 'marketCap')).toBe(tao.marketCap);
    // Technicals from the Binance market-data mirror's TAOUSDT daily candles.
    const t = technicals(tao.closes);
    expect(await num(page, 'sma50')).toBeCloseTo(t.sma, 6);
    expect(await attr(page, metric('sma50'), 'data-source')).toBe('binance');
    expect(await num(page, 'rsi14')).toBeCloseTo(t.rsi, 1);
    expect(await num(page, 'priceVsSma50')).toBeCloseTo((tao.cgPrice / t.sma - 1) * 100, 6);
    expect(server.requests.some((r) => r.host === 'data-api.binance.vision' && r.path === '/api/v3/klines' && r.query.get('symbol') === 'TAOUSDT')).toBe(true);
    expect(server.requests.filter((r) => r.host === 'api.binance.com').map((r) => r.path)).toEqual([]);
    const notes = await page.locator(`${PANEL} .tl-notes`).textContent();
    expect(notes).toMatch(/Binance daily candles/);

    // In-app symbol change: TradingView keeps the URL and rewrites the header symbol button.
    await page.evaluate(() => {
      document.querySelector('#header-toolbar-symbol-search .js-button-text')!.textContent = 'RENDERUSDT';
    });
    expect(await waitState(page, 'RENDER', ['ready', 'partial', 'stale', 'error', 'unsupported'])).toBe('ready');
    const render = TOKENS.RENDER!;
    expect(await num(page, 'price')).toBe(render.cgPrice);
    expect(await attr(page, metric('price'), 'data-source')).toBe('coingecko');
    expect(await num(page, 'sma50')).toBeCloseTo(technicals(render.closes).sma, 6);
    await page.close();
  });

  it('account and wallet pages get no overlay: the content script is not injected', async () => {
    const urls = [
      'https://www.binance.com/en/my/wallet/account/main',
      'https://www.binance.com/en/my/wallet/futures/balance',
      'https://www.okx.com/balance/overview',
      'https://www.bybit.com/user/assets/home/overview',
      'https://www.bybit.com/trade/usdc/assets/unifiedtranslog',
      'https://www.coinbase.com/settings',
      'https://www.coinbase.com/advanced-trade/portfolio',
      'https://www.tradingview.com/u/tokenlens/',
      'https://www.tradingview.com/markets/cryptocurrencies/prices-all/',
    ];
    // Control, in the same browser at the same time: a trade page does get the overlay.
    const control = 'https://www.bybit.com/trade/spot/TAO/USDT';
    const pages = await Promise.all([...urls, control].map(() => b.context.newPage()));
    await Promise.all(pages.map((p, i) => p.goto([...urls, control][i]!, { waitUntil: 'load' })));
    await new Promise((r) => setTimeout(r, 1500));
    const found = await Promise.all(
      pages.map((p) => p.evaluate(() => ({ host: document.querySelectorAll('tokenlens-overlay').length, title: document.title }))),
    );
    const injected = urls.filter((_, i) => found[i]!.host > 0);
    expect(injected).toEqual([]);
    expect(found[urls.length]!.host).toBe(1);
    await Promise.all(pages.map((p) => p.close()));
  });
});
