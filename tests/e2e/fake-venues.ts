/**
 * Fake exchange pages and the venues' public market-data APIs, in each venue's wire format, for
 * the multi-venue end-to-end tests (venues.e2e.ts):
 *
 * - Binance: pages on `www.binance.com`, API on `api.binance.com` (`/api/v3/ticker/24hr`,
 *   `/api/v3/klines`; rows oldest first, prices as strings, errors `{code:-1121}` with HTTP 400);
 * - OKX: `www.okx.com` serves BOTH the trade pages and `/api/v5/market/{ticker,candles}`
 *   (envelope `{code:'0', msg:'', data}`; candles newest first, 9 strings, confirm '0' on the
 *   open candle; unknown instrument `{code:'51001'}`);
 * - Bybit: pages on `www.bybit.com`, API v5 on `api.bybit.com` (`{retCode:0, result:{list}}`;
 *   `price24hPcnt` a FRACTION; klines newest first; unknown symbol `retCode 10001`);
 * - Coinbase: pages on `www.coinbase.com`, API on `api.exchange.coinbase.com`
 *   (`/products/{id}/stats` with decimal strings, `/products/{id}/candles` rows
 *   `[time (s), low, high, open, close, volume]` newest first, JSON numbers; unknown → 404
 *   `{message:'NotFound'}`);
 * - TradingView: chart pages with the header symbol button (`#header-toolbar-symbol-search`).
 *
 * Each venue quotes slightly different numbers and has its own candle history, so a test can
 * tell from the values alone which upstream a figure came from. CoinGecko and the Binance mirror
 * (`data-api.binance.vision`) stay in fake-market.ts (`installMarketFakes`).
 */
import type { FakeServer, Reply } from './fake-server';
import { dayStart, walk } from './fake-market';

const DAY = 86_400_000;

export type VenueWithData = 'binance' | 'okx' | 'bybit' | 'coinbase';

/** One venue's market for one base asset (quoted in USDT, or USD on Coinbase). */
export interface VenueQuote {
  /** last price, quote units (≈ USD) */
  last: number;
  /** 24h change in PERCENT (each venue's wire unit is derived from it) */
  changePct: number;
  /** 24h volume, base units */
  volBase: number;
  /** 24h volume, quote units (Coinbase does not report it) */
  volQuote: number;
  /** daily closes, oldest first, the LAST one is the still-open day */
  closes: number[];
}

/** Venue → base ticker → its market. Distinct numbers per venue on purpose. */
export const VENUE_DATA: Record<VenueWithData, Record<string, VenueQuote>> = {
  binance: {
    TAO: { last: 412.61, changePct: 3.47, volBase: 91_000, volQuote: 37_547_510, closes: walk(101, 220, 310) },
    RENDER: { last: 7.093, changePct: -2.58, volBase: 3_100_000, volQuote: 21_988_300, closes: walk(505, 220, 6.4) },
  },
  okx: {
    TAO: { last: 412.48, changePct: 2.71, volBase: 44_000, volQuote: 18_149_120, closes: walk(202, 220, 295) },
  },
  bybit: {
    TAO: { last: 412.7, changePct: 3.05, volBase: 27_500, volQuote: 11_349_250, closes: walk(303, 220, 305) },
  },
  coinbase: {
    TAO: { last: 412.4, changePct: 2.93, volBase: 12_345.6, volQuote: 0, closes: walk(404, 220, 290) },
  },
};

interface Bar {
  /** open time, ms */
  t: number;
  o: number;
  h: number;
  l: number;
  c: number;
  v: number;
}

/** Daily bars for `closes`, the last one opening today (UTC), oldest first. */
export function dailyBars(closes: readonly number[], nowMs: number): Bar[] {
  const today = dayStart(nowMs);
  const n = closes.length;
  return closes.map((c, i) => {
    const o = i === 0 ? c : closes[i - 1]!;
    return {
      t: today - (n - 1 - i) * DAY,
      o,
      h: Number((Math.max(o, c) * 1.012).toFixed(4)),
      l: Number((Math.min(o, c) * 0.988).toFixed(4)),
      c,
      v: 1000 + i,
    };
  });
}

/** OKX's 24h open for a given last price and percent change. */
export function openFor(q: VenueQuote): number {
  return Number((q.last / (1 + q.changePct / 100)).toFixed(6));
}

// ---------------------------------------------------------------------------------------------
// Pages

function page(title: string, body: string, opts: { htmlAttrs?: string; head?: string } = {}): string {
  return `<!doctype html><html lang="en" ${opts.htmlAttrs ?? ''}><head><meta charset="utf-8"><title>${title}</title>
<style>body{margin:0;background:#0b0e11;color:#eaecef;font-family:sans-serif}
#chart{position:absolute;left:0;top:60px;right:360px;bottom:0;background:#12161c}
#order-form{position:absolute;right:0;top:60px;width:340px;height:400px;background:#1e2329}</style>
<script>window.__nav=(p)=>history.pushState({},'',p);${opts.head ?? ''}</script></head>
<body>${body}</body></html>`;
}

function tradePage(venue: string, opts: { htmlAttrs?: string; head?: string; extra?: string } = {}): string {
  return page(
    `${venue} fake trade`,
    `<header style="height:60px">${venue}</header>${opts.extra ?? ''}<div id="chart">chart</div><form id="order-form"><button type="button">Buy</button></form>`,
    opts,
  );
}

function accountPage(venue: string): string {
  return page(`${venue} fake account`, `<header style="height:60px">${venue}</header><main><h1>Wallet overview</h1><p>Total balance 0.00 USDT</p></main>`);
}

/** Paths the fakes treat as trade pages (everything else on the venue host is an account page). */
const TRADE_PATH: Record<string, RegExp> = {
  'www.binance.com': /\/(trade|futures|delivery)\//,
  'www.okx.com': /\/trade-(spot|margin|swap|futures)\//,
  'www.bybit.com': /\/trade\//,
  'www.coinbase.com': /\/advanced-trade\//,
  'www.tradingview.com': /^\/(chart|symbols)\//,
};

export interface PageOptions {
  /** Cookie the fake OKX page sets from script (`SameSite=None; Secure`, so only `credentials: 'omit'` keeps it off). */
  okxCookie?: string;
}

export function installVenuePages(server: FakeServer, opts: PageOptions = {}): void {
  const html = (host: string, path: string, trade: () => string): Reply => ({
    body: TRADE_PATH[host]!.test(path) ? trade() : accountPage(host),
    headers: { 'cache-control': 'no-store' },
  });
  server.on('www.binance.com', ({ host, path }) =>
    // Binance exposes its palette as CSS custom properties.
    html(host, path, () => tradePage('Binance', { htmlAttrs: 'style="--color-Buy:#2ebd85;--color-Sell:#f6465d;--color-PrimaryYellow:#f0b90b"' })),
  );
  server.on('www.okx.com', ({ host, path }) => {
    if (path.startsWith('/api/')) return undefined; // the API handlers below
    // The page's own same-origin request after the cookie is set: proves the cookie rides along
    // for the page, so its absence on the worker's calls means something.
    const cookie = opts.okxCookie ? `document.cookie=${JSON.stringify(`${opts.okxCookie}; path=/; SameSite=None; Secure`)};` : '';
    const own = `window.__ownFetch=fetch('/api/v5/public/time',{credentials:'include'}).then(r=>r.json());`;
    return html(host, path, () => tradePage('OKX', { htmlAttrs: 'class="theme-dark"', head: cookie + own }));
  });
  server.on('www.bybit.com', ({ host, path }) => html(host, path, () => tradePage('Bybit', { htmlAttrs: 'data-theme="dark"' })));
  server.on('www.coinbase.com', ({ host, path }) => html(host, path, () => tradePage('Coinbase')));
  server.on('www.tradingview.com', ({ host, path, query }) =>
    html(host, path, () => {
      const symbol = (query.get('symbol') ?? '').split(':').pop() ?? '';
      const button = `<div id="header-toolbar-symbol-search" role="button"><div class="js-button-text">${symbol.replace(/[^A-Za-z0-9.]/g, '')}</div></div>`;
      return tradePage('TradingView', { htmlAttrs: 'class="theme-dark"', extra: button });
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// APIs

export interface ApiOptions {
  nowMs?: () => number;
  /** ms to hold back this venue/base's market-data answers (to widen SPA races) */
  delay?: (venue: VenueWithData, base: string) => number;
}

function quoteFor(venue: VenueWithData, symbol: string, format: (base: string, quote: string) => string): [string, VenueQuote] | undefined {
  const quote = venue === 'coinbase' ? 'USD' : 'USDT';
  for (const [base, q] of Object.entries(VENUE_DATA[venue])) if (format(base, quote) === symbol) return [base, q];
  return undefined;
}

export function installVenueApis(server: FakeServer, opts: ApiOptions = {}): void {
  const now = opts.nowMs ?? Date.now;
  const delay = (v: VenueWithData, base: string) => opts.delay?.(v, base) ?? 0;

  // Binance: https://developers.binance.com/docs/binance-spot-api-docs/rest-api/market-data-endpoints
  server.on('api.binance.com', ({ path, query }) => {
    const hit = quoteFor('binance', query.get('symbol') ?? '', (b, q) => `${b}${q}`);
    const invalid: Reply = { status: 400, body: { code: -1121, msg: 'Invalid symbol.' } };
    if (path === '/api/v3/ticker/24hr') {
      if (!hit) return invalid;
      const [base, q] = hit;
      const t = now();
      const open = q.last / (1 + q.changePct / 100);
      return {
        delayMs: delay('binance', base),
        body: {
          symbol: `${base}USDT`, priceChange: (q.last - open).toFixed(8), priceChangePercent: q.changePct.toFixed(3),
          weightedAvgPrice: String(q.last), prevClosePrice: open.toFixed(8), lastPrice: String(q.last), lastQty: '1.00000000',
          bidPrice: String(q.last), bidQty: '2.0', askPrice: String(q.last), askQty: '3.0', openPrice: open.toFixed(8),
          highPrice: (q.last * 1.04).toFixed(8), lowPrice: (q.last * 0.95).toFixed(8), volume: String(q.volBase), quoteVolume: String(q.volQuote),
          openTime: t - DAY, closeTime: t, firstId: 1, lastId: 1000, count: 1000,
        },
      };
    }
    if (path === '/api/v3/klines') {
      if (!hit) return invalid;
      const [base, q] = hit;
      const limit = Number(query.get('limit') ?? 500);
      const rows = dailyBars(q.closes, now()).map((b) => [b.t, String(b.o), String(b.h), String(b.l), String(b.c), String(b.v), b.t + DAY - 1, String(b.v * b.c), 100, '500', '1', '0']);
      return { delayMs: delay('binance', base), body: rows.slice(-limit) };
    }
    return undefined;
  });

  // OKX: https://www.okx.com/docs-v5/en/#public-data-rest-api — served from the trading host.
  server.on('www.okx.com', ({ path, query }) => {
    if (path === '/api/v5/public/time') return { body: { code: '0', msg: '', data: [{ ts: String(now()) }] } };
    if (!path.startsWith('/api/v5/market/')) return undefined;
    const instId = query.get('instId') ?? '';
    const hit = quoteFor('okx', instId, (b, q) => `${b}-${q}`);
    if (!hit) return { body: { code: '51001', msg: "Instrument ID doesn't exist", data: [] } };
    const [base, q] = hit;
    if (path === '/api/v5/market/ticker') {
      const t = now();
      return {
        delayMs: delay('okx', base),
        body: {
          code: '0', msg: '',
          data: [{
            instType: 'SPOT', instId, last: String(q.last), lastSz: '0.1', askPx: String(q.last), askSz: '1', bidPx: String(q.last), bidSz: '1',
            open24h: String(openFor(q)), high24h: String(q.last * 1.04), low24h: String(q.last * 0.95), volCcy24h: String(q.volQuote),
            vol24h: String(q.volBase), ts: String(t), sodUtc0: String(q.last), sodUtc8: String(q.last),
          }],
        },
      };
    }
    if (path === '/api/v5/market/candles') {
      const limit = Math.min(Number(query.get('limit') ?? 100), 300);
      const bars = dailyBars(q.closes, now());
      const rows = bars.map((b, i) => [String(b.t), String(b.o), String(b.h), String(b.l), String(b.c), String(b.v), String(b.v * b.c), String(b.v * b.c), i === bars.length - 1 ? '0' : '1']);
      return { delayMs: delay('okx', base), body: { code: '0', msg: '', data: rows.reverse().slice(0, limit) } };
    }
    return undefined;
  });

  // Bybit: https://bybit-exchange.github.io/docs/v5/market/tickers and /kline
  server.on('api.bybit.com', ({ path, query }) => {
    const symbol = query.get('symbol') ?? '';
    const t = now();
    const hit = query.get('category') === 'spot' ? quoteFor('bybit', symbol, (b, q) => `${b}${q}`) : undefined;
    if (!hit) return { body: { retCode: 10001, retMsg: 'Not supported symbols', result: {}, retExtInfo: {}, time: t } };
    const [base, q] = hit;
    if (path === '/v5/market/tickers') {
      const open = q.last / (1 + q.changePct / 100);
      return {
        delayMs: delay('bybit', base),
        body: {
          retCode: 0, retMsg: 'OK',
          result: {
            category: 'spot',
            list: [{
              symbol, bid1Price: String(q.last), bid1Size: '1', ask1Price: String(q.last), ask1Size: '1', lastPrice: String(q.last),
              prevPrice24h: open.toFixed(4), price24hPcnt: String(q.changePct / 100), highPrice24h: String(q.last * 1.04),
              lowPrice24h: String(q.last * 0.95), turnover24h: String(q.volQuote), volume24h: String(q.volBase), usdIndexPrice: String(q.last),
            }],
          },
          retExtInfo: {}, time: t,
        },
      };
    }
    if (path === '/v5/market/kline') {
      const limit = Math.min(Number(query.get('limit') ?? 200), 1000);
      const rows = dailyBars(q.closes, t).map((b) => [String(b.t), String(b.o), String(b.h), String(b.l), String(b.c), String(b.v), String(b.v * b.c)]);
      return { delayMs: delay('bybit', base), body: { retCode: 0, retMsg: 'OK', result: { category: 'spot', symbol, list: rows.reverse().slice(0, limit) }, retExtInfo: {}, time: t } };
    }
    return undefined;
  });

  // Coinbase Exchange: https://docs.cdp.coinbase.com/api-reference/exchange-api/rest-api/products
  server.on('api.exchange.coinbase.com', ({ path, query }) => {
    const m = /^\/products\/([A-Za-z0-9-]+)\/(stats|candles)$/.exec(path);
    if (!m) return undefined;
    const hit = quoteFor('coinbase', m[1]!, (b, q) => `${b}-${q}`);
    if (!hit) return { status: 404, body: { message: 'NotFound' } };
    const [base, q] = hit;
    if (m[2] === 'stats') {
      return {
        delayMs: delay('coinbase', base),
        body: {
          open: String(openFor(q)), high: (q.last * 1.04).toFixed(2), low: (q.last * 0.95).toFixed(2), last: String(q.last),
          volume: String(q.volBase), volume_30day: String(q.volBase * 30), rfq_volume_24hour: '0', conversions_volume_24hour: '0',
        },
      };
    }
    if (query.get('granularity') !== '86400') return { status: 400, body: { message: 'Unsupported granularity' } };
    const rows = dailyBars(q.closes, now()).map((b) => [b.t / 1000, b.l, b.h, b.o, b.c, b.v]);
    return { delayMs: delay('coinbase', base), body: rows.reverse().slice(0, 300) };
  });
}
