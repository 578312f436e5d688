/**
 * Coinbase, Kraken, Gate, MEXC, Bitget and HTX market data: normalisers on fixtures
 * (tests/fixtures/venues, origins in its PROVENANCE.md), URL building through an injected fetch,
 * error mapping, and property tests that hostile JSON never throws nor pollutes prototypes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as bitget from '../../lib/sources/bitget';
import * as coinbase from '../../lib/sources/coinbase';
import * as gate from '../../lib/sources/gate';
import type { FetchFn, RequestOptions } from '../../lib/sources/http';
import * as htx from '../../lib/sources/htx';
import * as kraken from '../../lib/sources/kraken';
import type { VenueMarketData } from '../../lib/sources/market-data';
import * as mexc from '../../lib/sources/mexc';
import { venueMarketData as registry } from '../../lib/sources/venue-registry';
import type { Candle, Result, Ticker24h } from '../../lib/types';
import { fakeFetch as sharedFakeFetch, reply } from './helpers/fake-fetch';
import { fixtureJson, fixtureText as loadFixtureText } from './helpers/fixtures';

const NOW = Date.UTC(2025, 10, 11, 0, 18, 0);

const fixture = (name: string): unknown => fixtureJson(`venues/${name}`);
const fixtureText = (name: string): string => loadFixtureText(`venues/${name}`);

/** Every request answers `body` with `status` and `headers` (JSON unless told). */
const fakeFetch = (body: string, status = 200, headers: Record<string, string> = {}) => sharedFakeFetch(() => reply(body, status, headers));

function opts(fetch: FetchFn): RequestOptions {
  return { fetch, timeoutMs: 2_000 };
}

function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.kind}: ${r.error.message}`);
  return r.value;
}

function errorOf(r: Result<unknown>) {
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

function expectCandle(actual: Candle | undefined, expected: Candle): void {
  expect(actual).toBeDefined();
  for (const key of ['t', 'o', 'h', 'l', 'c', 'v'] as const) expect(actual![key], key).toBeCloseTo(expected[key], 8);
}

function expectAscendingFinite(candles: Candle[]): void {
  for (let i = 0; i < candles.length; i++) {
    const k = candles[i]!;
    for (const v of [k.t, k.o, k.h, k.l, k.c, k.v]) expect(Number.isFinite(v)).toBe(true);
    if (i > 0) expect(k.t).toBeGreaterThan(candles[i - 1]!.t);
  }
}

// ---------------------------------------------------------------------------------------------
// Per-venue table: module, request expectations, venue-specific error bodies
// ---------------------------------------------------------------------------------------------

interface VenueModule {
  venueMarketData: VenueMarketData;
  venueSymbol(base: string, quote: string): string | undefined;
  parseTicker(raw: unknown, nowMs: number, symbol?: string): Result<Ticker24h>;
  parseCandles(raw: unknown): Result<Candle[]>;
}

interface VenueCase {
  id: 'coinbase' | 'kraken' | 'gate' | 'mexc' | 'bitget' | 'htx';
  mod: VenueModule;
  host: string;
  /** base, quote asked for */
  pair: [string, string];
  symbol: string;
  ticker: { path: string; params: Record<string, string>; fixture: string };
  candles: { path: string; params: Record<string, string>; fixture: string };
  /** a body the venue sends (with `status`) for an unknown symbol */
  unknownSymbol: { status: number; body: string };
}

const VENUES: VenueCase[] = [
  {
    id: 'coinbase',
    mod: coinbase,
    host: 'api.exchange.coinbase.com',
    pair: ['tao', 'usd'],
    symbol: 'TAO-USD',
    ticker: { path: '/products/TAO-USD/stats', params: {}, fixture: 'coinbase_stats_ETH-USD.json' },
    candles: { path: '/products/TAO-USD/candles', params: { granularity: '86400' }, fixture: 'coinbase_candles_BTC-USDT_1h.json' },
    unknownSymbol: { status: 404, body: '{"message":"NotFound"}' },
  },
  {
    id: 'kraken',
    mod: kraken,
    host: 'api.kraken.com',
    pair: ['TAO', 'USD'],
    symbol: 'TAOUSD',
    ticker: { path: '/0/public/Ticker', params: { pair: 'TAOUSD' }, fixture: 'kraken_ticker_XBTUSDT.json' },
    candles: { path: '/0/public/OHLC', params: { pair: 'TAOUSD', interval: '1440' }, fixture: 'kraken_ohlc_XBTUSDT_1m.json' },
    unknownSymbol: { status: 200, body: '{"error":["EQuery:Unknown asset pair"]}' },
  },
  {
    id: 'gate',
    mod: gate,
    host: 'api.gateio.ws',
    pair: ['tao', 'usdt'],
    symbol: 'TAO_USDT',
    ticker: { path: '/api/v4/spot/tickers', params: { currency_pair: 'TAO_USDT' }, fixture: 'gate_tickers_TAO_USDT.json' },
    candles: {
      path: '/api/v4/spot/candlesticks',
      params: { currency_pair: 'TAO_USDT', interval: '1d', limit: '250' },
      fixture: 'gate_candlesticks_TAO_USDT_1d.json',
    },
    unknownSymbol: { status: 400, body: '{"label":"INVALID_CURRENCY_PAIR","message":"Invalid currency pair TAO_XYZ"}' },
  },
  {
    id: 'mexc',
    mod: mexc,
    host: 'api.mexc.com',
    pair: ['TAO', 'USDT'],
    symbol: 'TAOUSDT',
    ticker: { path: '/api/v3/ticker/24hr', params: { symbol: 'TAOUSDT' }, fixture: 'mexc_ticker24hr_BTCUSDT.json' },
    candles: {
      path: '/api/v3/klines',
      params: { symbol: 'TAOUSDT', interval: '1d', limit: '250' },
      fixture: 'mexc_klines_BTCUSDT_1h.json',
    },
    unknownSymbol: { status: 400, body: '{"code":-1121,"msg":"Invalid symbol."}' },
  },
  {
    id: 'bitget',
    mod: bitget,
    host: 'api.bitget.com',
    pair: ['TAO', 'usdt'],
    symbol: 'TAOUSDT',
    ticker: { path: '/api/v2/spot/market/tickers', params: { symbol: 'TAOUSDT' }, fixture: 'bitget_tickers_TAOUSDT.json' },
    candles: {
      path: '/api/v2/spot/market/candles',
      params: { symbol: 'TAOUSDT', granularity: '1Dutc', limit: '250' },
      fixture: 'bitget_candles_TAOUSDT_1Dutc.json',
    },
    unknownSymbol: { status: 200, body: '{"code":"40034","msg":"Parameter TAOXYZ does not exist","requestTime":1762820282123,"data":null}' },
  },
  {
    id: 'htx',
    mod: htx,
    host: 'api.huobi.pro',
    pair: ['TAO', 'USDT'],
    symbol: 'taousdt',
    ticker: { path: '/market/detail/merged', params: { symbol: 'taousdt' }, fixture: 'htx_merged_btcusdt.json' },
    candles: {
      path: '/market/history/kline',
      params: { symbol: 'taousdt', period: '1day', size: '250' },
      fixture: 'htx_kline_btcusdt_1day.json',
    },
    unknownSymbol: {
      status: 200,
      body: '{"status":"error","err-code":"invalid-parameter","err-msg":"invalid symbol","data":null}',
    },
  },
];

const HOSTILE_TICKERS = [
  '',
  'TAO/../../x',
  '../',
  'TAO?x=1',
  'TAO&symbol=BTC',
  'TAO#frag',
  'tao usd',
  'TAO-USD',
  'TAO_USDT',
  'A'.repeat(21),
  '%2e%2e',
  'TAO\u0000',
  'ТАО', // Cyrillic letters
  '__proto__',
  'constructor ',
];

describe.each(VENUES)('$id: requests and errors', (v) => {
  it('builds its venue symbol from upper- or lower-case tickers', () => {
    expect(v.mod.venueSymbol(...v.pair)).toBe(v.symbol);
    expect(v.mod.venueMarketData.symbol(v.pair[0].toLowerCase(), v.pair[1].toUpperCase())).toBe(v.symbol);
  });

  it('registers itself under its own id', () => {
    expect(v.mod.venueMarketData.source).toBe(v.id);
    expect(registry[v.id]).toBe(v.mod.venueMarketData);
  });

  it('requests the ticker on the right host, path and params, without credentials', async () => {
    const { fetch, calls } = fakeFetch(fixtureText(v.ticker.fixture));
    const r = await v.mod.venueMarketData.fetchTicker(...v.pair, opts(fetch), NOW);
    expect(calls).toHaveLength(1);
    const url = new URL(calls[0]!.href);
    expect(url.protocol).toBe('https:');
    expect(url.host).toBe(v.host);
    expect(url.pathname).toBe(v.ticker.path);
    expect(Object.fromEntries(url.searchParams)).toEqual(v.ticker.params);
    expect(calls[0]!.init?.credentials).toBe('omit');
    expect(calls[0]!.init?.method).toBe('GET');
    // the fixtures are for other pairs (BTC, ETH); the venue's answer is what counts, except
    // where the parser must pick the asked-for pair out of a list (checked separately)
    if (v.id !== 'mexc') expect(r.ok).toBe(true);
  });

  it('requests daily candles on the right host, path and params, without credentials', async () => {
    const { fetch, calls } = fakeFetch(fixtureText(v.candles.fixture));
    const r = await v.mod.venueMarketData.fetchDailyCandles(...v.pair, opts(fetch), NOW);
    expect(calls).toHaveLength(1);
    const url = new URL(calls[0]!.href);
    expect(url.host).toBe(v.host);
    expect(url.pathname).toBe(v.candles.path);
    expect(Object.fromEntries(url.searchParams)).toEqual(v.candles.params);
    expect(calls[0]!.init?.credentials).toBe('omit');
    expect(unwrap(r).length).toBeGreaterThan(0);
  });

  it.each(HOSTILE_TICKERS)('refuses the hostile ticker %j without fetching', async (bad) => {
    const { fetch, calls } = fakeFetch('{}');
    expect(v.mod.venueSymbol(bad, 'USDT')).toBeUndefined();
    expect(v.mod.venueSymbol('TAO', bad)).toBeUndefined();
    const t = await v.mod.venueMarketData.fetchTicker(bad, 'USDT', opts(fetch), NOW);
    const c = await v.mod.venueMarketData.fetchDailyCandles('TAO', bad, opts(fetch), NOW);
    expect(errorOf(t)).toEqual({ kind: 'not-found', message: 'invalid symbol' });
    expect(errorOf(c)).toEqual({ kind: 'not-found', message: 'invalid symbol' });
    expect(calls).toHaveLength(0);
  });

  it('maps 429 with Retry-After to rate-limited', async () => {
    const { fetch } = fakeFetch('{"message":"slow down"}', 429, { 'retry-after': '7' });
    for (const r of [
      await v.mod.venueMarketData.fetchTicker(...v.pair, opts(fetch), NOW),
      await v.mod.venueMarketData.fetchDailyCandles(...v.pair, opts(fetch), NOW),
    ]) {
      const e = errorOf(r);
      expect(e.kind).toBe('rate-limited');
      expect(e.status).toBe(429);
      expect(e.retryAfterMs).toBe(7000);
    }
  });

  it('maps an HTML page (e.g. a Cloudflare challenge) to parse', async () => {
    const { fetch } = fakeFetch('<!DOCTYPE html><html><body>Just a moment...</body></html>', 200, { 'content-type': 'text/html' });
    for (const r of [
      await v.mod.venueMarketData.fetchTicker(...v.pair, opts(fetch), NOW),
      await v.mod.venueMarketData.fetchDailyCandles(...v.pair, opts(fetch), NOW),
    ]) {
      expect(errorOf(r).kind).toBe('parse');
    }
  });

  it('maps the venue’s unknown-symbol answer to not-found', async () => {
    const { fetch } = fakeFetch(v.unknownSymbol.body, v.unknownSymbol.status);
    for (const r of [
      await v.mod.venueMarketData.fetchTicker(...v.pair, opts(fetch), NOW),
      await v.mod.venueMarketData.fetchDailyCandles(...v.pair, opts(fetch), NOW),
    ]) {
      expect(errorOf(r).kind).toBe('not-found');
    }
  });

  it('maps the same unknown-symbol body to not-found even when sent with HTTP 200', () => {
    const body = JSON.parse(v.unknownSymbol.body) as unknown;
    expect(errorOf(v.mod.parseTicker(body, NOW, v.symbol)).kind).toBe('not-found');
    expect(errorOf(v.mod.parseCandles(body)).kind).toBe('not-found');
  });

  it('maps a 5xx to http', async () => {
    const { fetch } = fakeFetch('{"message":"oops"}', 503);
    const e = errorOf(await v.mod.venueMarketData.fetchTicker(...v.pair, opts(fetch), NOW));
    expect(e.kind).toBe('http');
    expect(e.status).toBe(503);
  });

  it('maps a shape it does not know to parse, not to a ticker of zeros', () => {
    expect(errorOf(v.mod.parseTicker({ hello: 'world' }, NOW, v.symbol)).kind).toMatch(/parse|not-found/);
    expect(errorOf(v.mod.parseCandles({ hello: 'world' })).kind).toMatch(/parse|not-found/);
  });
});

// ---------------------------------------------------------------------------------------------
// Normalisers on fixtures; expected values read from the fixture files by hand
// ---------------------------------------------------------------------------------------------

describe('coinbase normaliser', () => {
  it('/stats: change from the 24h open, base volume, no quote volume, fetch time', () => {
    const t = unwrap(coinbase.parseTicker(fixture('coinbase_stats_ETH-USD.json'), NOW));
    expect(t.last).toBe(201.68);
    // (201.68 - 197.97) / 197.97 = +1.874 %
    expect(t.change24hPct).toBeCloseTo(1.874021316, 6);
    expect(t.volumeBase).toBe(143965.7925589);
    expect(t.volumeQuote).toBeNull();
    expect(t.asOfMs).toBe(NOW);
  });

  it('candles: [time, LOW, HIGH, OPEN, close, volume] in seconds', () => {
    // recorded row: [1710327600, 73241.5, 73402.47, 73243.33, 73370.65, 1.56794406]
    const c = unwrap(coinbase.parseCandles(fixture('coinbase_candles_BTC-USDT_1h.json')));
    expect(c).toHaveLength(1);
    expectCandle(c[0], { t: 1710327600000, o: 73243.33, h: 73402.47, l: 73241.5, c: 73370.65, v: 1.56794406 });
  });

  it('candles: newest-first rows come out ascending; bad rows dropped', () => {
    const raw = [
      [1762819200, 400, 420, 410, 415, 10],
      [1762732800, 390, 430, 425, 410, 20],
      [1762646400, 'x', 430, 425, 410, 20],
      [1762560000, 380, 1e400, 400, 425, 30],
      [1762473600, 380, 440],
      [1762387200, 370, 450, 400, 425, 40],
    ];
    const c = unwrap(coinbase.parseCandles(raw));
    expect(c.map((k) => k.t / 1000)).toEqual([1762387200, 1762732800, 1762819200]);
    expectCandle(c[2], { t: 1762819200000, o: 410, h: 420, l: 400, c: 415, v: 10 });
  });

  it('a zero or missing open gives a null change, not Infinity', () => {
    expect(unwrap(coinbase.parseTicker({ open: '0', last: '5', volume: '1' }, NOW)).change24hPct).toBeNull();
    expect(unwrap(coinbase.parseTicker({ last: '5' }, NOW)).change24hPct).toBeNull();
  });
});

describe('kraken normaliser', () => {
  it('ticker: last from c[0], 24h volume from v[1], quote volume = p[1] × v[1], no 24h change from `o`', () => {
    const t = unwrap(kraken.parseTicker(fixture('kraken_ticker_XBTUSDT.json'), NOW));
    expect(t.last).toBe(73380.6);
    expect(t.volumeBase).toBe(598.03698452);
    // 598.03698452 × 71501.5752 (ccxt computes the same 42 760 586.42 on this recording)
    expect(t.volumeQuote).toBeCloseTo(42760586.421038, 4);
    // `o` (71450.7) is today's UTC open, not 24 h ago: left null rather than mislabelled
    expect(t.change24hPct).toBeNull();
    expect(t.asOfMs).toBe(NOW);
  });

  it('ticker: reads the pair under Kraken’s own key (XXBTZUSD for XBTUSD)', () => {
    const body = { error: [], result: { XXBTZUSD: { c: ['100.5', '1'], v: ['1', '2'], p: ['100', '101'] } } };
    const t = unwrap(kraken.parseTicker(body, NOW));
    expect(t.last).toBe(100.5);
    expect(t.volumeBase).toBe(2);
    expect(t.volumeQuote).toBe(202);
  });

  it('OHLC: volume is column 7 (column 6 is VWAP), `last` cursor skipped, 95 recorded rows', () => {
    const c = unwrap(kraken.parseCandles(fixture('kraken_ohlc_XBTUSDT_1m.json')));
    expect(c).toHaveLength(95);
    expectCandle(c[0], { t: 1762777020000, o: 106038.2, h: 106038.2, l: 106038.2, c: 106038.2, v: 0 });
    // [1762777200, "106038.1", "106044.3", "106038.1", "106040.1", "106039.6" (vwap), "0.08317981", 3]
    expectCandle(c[3], { t: 1762777200000, o: 106038.1, h: 106044.3, l: 106038.1, c: 106040.1, v: 0.08317981 });
    expectCandle(c[94], { t: 1762820220000, o: 105899.4, h: 105899.4, l: 105899.4, c: 105899.4, v: 0 });
    expectAscendingFinite(c);
  });

  it('OHLC: a string `last` cursor (ccxt recording) is not a row either', () => {
    const c = unwrap(kraken.parseCandles(fixture('kraken_ohlc_XBTUSDT_1h_ccxt.json')));
    expect(c).toHaveLength(6);
    expectCandle(c[1], { t: 1706630400000, o: 43366.3, h: 43529.2, l: 43234.2, c: 43485, v: 12.51327406 });
  });

  it('symbols: BTC is sent as XBT on either side', () => {
    expect(kraken.venueSymbol('btc', 'usd')).toBe('XBTUSD');
    expect(kraken.venueSymbol('ETH', 'BTC')).toBe('ETHXBT');
    expect(kraken.tickerUrl('XBTUSD')).toBe('https://api.kraken.com/0/public/Ticker?pair=XBTUSD');
  });

  it('errors: a non-empty `error` wins over any result', () => {
    const withResult = { error: ['EQuery:Unknown asset pair'], result: { XBTUSD: { c: ['1'] } } };
    expect(errorOf(kraken.parseTicker(withResult, NOW)).kind).toBe('not-found');
    expect(errorOf(kraken.parseCandles({ error: ['EAPI:Rate limit exceeded'] })).kind).toBe('rate-limited');
    expect(errorOf(kraken.parseCandles({ error: ['EGeneral:Internal error'] })).kind).toBe('http');
    expect(errorOf(kraken.parseCandles({ error: [], result: { last: 5 } })).kind).toBe('not-found');
  });
});

describe('gate normaliser', () => {
  it('ticker: change_percentage is already percent', () => {
    const t = unwrap(gate.parseTicker(fixture('gate_tickers_TAO_USDT.json'), NOW, 'TAO_USDT'));
    expect(t).toEqual({ last: 412.37, change24hPct: -2.84, volumeBase: 18452.3371, volumeQuote: 7695318.120466, asOfMs: NOW });
  });

  it('ticker: another pair in the list is not taken for the asked one', () => {
    expect(errorOf(gate.parseTicker(fixture('gate_tickers_TAO_USDT.json'), NOW, 'AKT_USDT')).kind).toBe('not-found');
    expect(errorOf(gate.parseTicker([], NOW, 'TAO_USDT')).kind).toBe('not-found');
  });

  it('candles: [time, QUOTE vol, CLOSE, high, low, OPEN, BASE vol, closed]; open day kept', () => {
    const c = unwrap(gate.parseCandles(fixture('gate_candlesticks_TAO_USDT_1d.json')));
    expect(c).toHaveLength(4);
    // ["1762560000", "8624149.92", "414.6", "418.9", "401.3", "405.2", "21034.512", "true"]
    expectCandle(c[0], { t: 1762560000000, o: 405.2, h: 418.9, l: 401.3, c: 414.6, v: 21034.512 });
    // ["1762819200", "1285310.11", "412.37", "415.5", "408.02", "409.88", "3120.77", "false"]
    expectCandle(c[3], { t: 1762819200000, o: 409.88, h: 415.5, l: 408.02, c: 412.37, v: 3120.77 });
    expectAscendingFinite(c);
  });

  it('candles: a 6-column row (no base volume) estimates it as quote volume ÷ close', () => {
    const c = unwrap(gate.parseCandles([['1762560000', '8000', '400', '410', '390', '395']]));
    expectCandle(c[0], { t: 1762560000000, o: 395, h: 410, l: 390, c: 400, v: 20 });
  });
});

describe('mexc normaliser', () => {
  it('ticker: priceChangePercent is a FRACTION (0.0173 → 1.73 %); asOf = closeTime', () => {
    const t = unwrap(mexc.parseTicker(fixture('mexc_ticker24hr_BTCUSDT.json'), NOW, 'BTCUSDT'));
    expect(t.last).toBe(73397.77);
    expect(t.change24hPct).toBeCloseTo(1.73, 10);
    // cross-check against the recording's own priceChange / openPrice = 1248.51 / 72149.26
    expect(t.change24hPct!).toBeCloseTo((1248.51 / 72149.26) * 100, 2);
    expect(t.volumeBase).toBe(7729.258925);
    expect(t.volumeQuote).toBe(554877037.44);
    expect(t.asOfMs).toBe(1710328251172);
  });

  it('ticker: an array answer is searched for the asked symbol', () => {
    const one = fixture('mexc_ticker24hr_BTCUSDT.json');
    const list = [{ symbol: 'ETHUSDT', lastPrice: '1', priceChangePercent: '0', volume: '1', quoteVolume: '1', closeTime: 1 }, one];
    expect(unwrap(mexc.parseTicker(list, NOW, 'BTCUSDT')).last).toBe(73397.77);
    expect(errorOf(mexc.parseTicker(list, NOW, 'TAOUSDT')).kind).toBe('not-found');
  });

  it('klines: 8 fields; volume is column 6, not the close time or quote volume', () => {
    // [1710327600000, "73260.0", "73442.95", "73238.69", "73414.21", "49.560236", 1710331200000, "3633995.45"]
    const c = unwrap(mexc.parseCandles(fixture('mexc_klines_BTCUSDT_1h.json')));
    expect(c).toHaveLength(1);
    expectCandle(c[0], { t: 1710327600000, o: 73260, h: 73442.95, l: 73238.69, c: 73414.21, v: 49.560236 });
  });
});

describe('bitget normaliser', () => {
  it('ticker: change24h is a FRACTION; asOf = ts', () => {
    const t = unwrap(bitget.parseTicker(fixture('bitget_tickers_TAOUSDT.json'), NOW, 'TAOUSDT'));
    expect(t.last).toBe(412.41);
    expect(t.change24hPct).toBeCloseTo(-2.859, 10);
    expect(t.volumeBase).toBe(13941.7725);
    expect(t.volumeQuote).toBe(5812774.3012);
    expect(t.asOfMs).toBe(1762820282001);
  });

  it('candles: [ts, o, h, l, c, BASE vol, USDT vol, quote vol]', () => {
    const c = unwrap(bitget.parseCandles(fixture('bitget_candles_TAOUSDT_1Dutc.json')));
    expect(c).toHaveLength(4);
    // ["1762560000000", "405.31", "419.02", "401.2", "414.7", "15320.118", "6282448.43", "6282448.43"]
    expectCandle(c[0], { t: 1762560000000, o: 405.31, h: 419.02, l: 401.2, c: 414.7, v: 15320.118 });
    expectCandle(c[3], { t: 1762819200000, o: 409.95, h: 415.61, l: 407.9, c: 412.41, v: 2290.0344 });
    expectAscendingFinite(c);
  });

  it('a non-00000 code is an error even with data', () => {
    expect(errorOf(bitget.parseTicker({ code: '50001', msg: 'system error', data: [] }, NOW)).kind).toBe('http');
    expect(errorOf(bitget.parseCandles({ code: '429', msg: 'Too Many Requests', data: null })).kind).toBe('rate-limited');
    expect(errorOf(bitget.parseTicker({ code: '00000', msg: 'success', data: [] }, NOW, 'TAOUSDT')).kind).toBe('not-found');
  });
});

describe('htx normaliser', () => {
  it('ticker: change from tick.open (rolling 24 h); amount = BASE, vol = QUOTE; asOf = ts', () => {
    const t = unwrap(htx.parseTicker(fixture('htx_merged_btcusdt.json'), NOW));
    expect(t.last).toBe(47323.59);
    // (47323.59 - 46266.36) / 46266.36 = +2.285 %
    expect(t.change24hPct).toBeCloseTo(2.2850943969, 8);
    expect(t.volumeBase).toBe(17729.513874233984);
    expect(t.volumeQuote).toBe(826655192.2141494); // sent as 8.266551922141494E8
    expect(t.asOfMs).toBe(1629098174462);
  });

  it('klines: newest-first objects come out ascending; over-long decimals parse; v = amount', () => {
    const c = unwrap(htx.parseCandles(fixture('htx_kline_btcusdt_1day.json')));
    expect(c).toHaveLength(3);
    // {"amount":27195.320357908427801956,"open":8632.82,"close":8677.2,"high":8756.04,"id":1579449600,"low":8480.0,"vol":235036539.68...}
    expectCandle(c[0], { t: 1579449600000, o: 8632.82, h: 8756.04, l: 8480, c: 8677.2, v: 27195.320357908428 });
    // {"amount":25326.647313510339831018,"open":8645.13,"close":8659.62,"high":8817.73,"id":1579622400,"low":8500.0,...}
    expectCandle(c[2], { t: 1579622400000, o: 8645.13, h: 8817.73, l: 8500, c: 8659.62, v: 25326.64731351034 });
    expectAscendingFinite(c);
    // HTX days open at 16:00 UTC (UTC+8 midnight): passed through as sent
    expect(new Date(c[2]!.t).getUTCHours()).toBe(16);
  });

  it('symbols are lower case', () => {
    expect(htx.venueSymbol('TAO', 'USDT')).toBe('taousdt');
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests: hostile JSON never throws, never pollutes Object.prototype
// ---------------------------------------------------------------------------------------------

/** Builds an object the way JSON.parse does: `__proto__` becomes an own key, not the prototype. */
function jsonObject(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

const numericish = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.double().map(String),
  fc.bigInt().map(String),
  fc.constantFrom('1e400', '-1e400', '1e-400', 'NaN', 'Infinity', '-Infinity', '0x1F', '', ' ', '  12.5 ', '-0', '9007199254740993'),
  fc.constantFrom('219864523.567705105282063018560000000000000000', '1'.repeat(400), `0.${'9'.repeat(300)}`),
  fc.constant(Number.MAX_VALUE),
  fc.constant(null),
);

const dangerousKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'last');

/** an object whose keys include `__proto__`-style names, values arbitrary */
const protoObject: fc.Arbitrary<unknown> = fc
  .array(fc.tuple(fc.oneof(dangerousKey, fc.string()), fc.oneof(fc.jsonValue(), numericish)), { maxLength: 6 })
  .map((entries) => jsonObject([['__proto__', { polluted: 'yes', lastPr: '1', close: 1 }], ...entries]));

const anyValue: fc.Arbitrary<unknown> = fc.oneof(fc.jsonValue(), numericish, protoObject);

const row: fc.Arbitrary<unknown> = fc.oneof(
  fc.array(numericish, { maxLength: 9 }),
  fc.array(anyValue, { maxLength: 9 }),
  fc.record({ id: numericish, open: numericish, close: numericish, high: numericish, low: numericish, amount: numericish, vol: numericish }),
  protoObject,
);
const rows = fc.array(row, { maxLength: 12 });

const tickerObject: fc.Arbitrary<unknown> = fc
  .tuple(
    fc.dictionary(
      fc.constantFrom(
        'open',
        'last',
        'volume',
        'c',
        'v',
        'p',
        'o',
        'currency_pair',
        'change_percentage',
        'base_volume',
        'quote_volume',
        'symbol',
        'lastPrice',
        'priceChangePercent',
        'quoteVolume',
        'closeTime',
        'lastPr',
        'change24h',
        'baseVolume',
        'ts',
        'close',
        'amount',
        'vol',
      ),
      fc.oneof(numericish, fc.array(numericish, { maxLength: 3 }), fc.constantFrom('TAO_USDT', 'TAOUSDT'), anyValue),
    ),
    fc.array(fc.tuple(dangerousKey, anyValue), { maxLength: 3 }),
  )
  .map(([known, extra]) => jsonObject([...Object.entries(known), ...extra]));

/** bodies shaped like each venue's envelopes, filled with hostile content */
const payload = fc.oneof(anyValue, rows, tickerObject, fc.array(tickerObject, { maxLength: 3 }));
const bodies: fc.Arbitrary<unknown> = fc.oneof(
  anyValue,
  payload,
  // kraken
  fc
    .tuple(fc.oneof(fc.constant([]), fc.array(anyValue, { maxLength: 2 })), fc.oneof(dangerousKey, fc.constant('XXBTZUSD')), payload, numericish)
    .map(([error, key, value, last]) => ({ error, result: jsonObject([[key, value], ['last', last]]) })),
  // bitget
  fc
    .tuple(fc.oneof(fc.constantFrom('00000', '40034', '429', 0, '00000 '), fc.string()), payload)
    .map(([code, data]) => jsonObject([['code', code], ['msg', 'x'], ['data', data], ['__proto__', { polluted: 1 }]])),
  // htx
  fc
    .tuple(fc.constantFrom('ok', 'error', 'OK', ''), numericish, payload, payload)
    .map(([status, ts, tick, data]) => jsonObject([['status', status], ['ts', ts], ['tick', tick], ['data', data], ['err-code', 'x']])),
  // error bodies
  fc.record({ message: fc.string(), label: fc.string(), code: fc.oneof(fc.integer(), fc.string()), msg: fc.string() }),
);

function checkNoPollution(before: string[]): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
}

function checkTicker(r: Result<Ticker24h>): void {
  expect(typeof r.ok).toBe('boolean');
  if (!r.ok) {
    expect(typeof r.error.message).toBe('string');
    return;
  }
  expect(Number.isFinite(r.value.last)).toBe(true);
  expect(Number.isFinite(r.value.asOfMs)).toBe(true);
  for (const v of [r.value.change24hPct, r.value.volumeBase, r.value.volumeQuote]) expect(v === null || Number.isFinite(v)).toBe(true);
}

function checkCandles(r: Result<Candle[]>): void {
  expect(typeof r.ok).toBe('boolean');
  if (r.ok) expectAscendingFinite(r.value);
}

describe.each(VENUES)('$id: parsers on arbitrary JSON', (v) => {
  it('never throw, keep their units finite, never pollute Object.prototype', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    fc.assert(
      fc.property(bodies, (body) => {
        checkTicker(v.mod.parseTicker(body, NOW, v.symbol));
        checkTicker(v.mod.parseTicker(body, NOW));
        checkCandles(v.mod.parseCandles(body));
        checkNoPollution(before);
      }),
      { numRuns: 400 },
    );
  });

  it('survive the same bodies through fetch + JSON.parse (so `__proto__` keys are real JSON keys)', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const text = JSON.stringify(body) ?? 'null';
        const { fetch } = fakeFetch(text);
        checkTicker(await v.mod.venueMarketData.fetchTicker(...v.pair, opts(fetch), NOW));
        checkCandles(await v.mod.venueMarketData.fetchDailyCandles(...v.pair, opts(fetch), NOW));
        checkNoPollution(before);
      }),
      { numRuns: 100 },
    );
  });

  it('never throw on arbitrary text bodies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.constantFrom('{"__proto__":{"polluted":1}}', '[[1e999,1,1,1,1,1]]', '{', 'null')), async (text) => {
        const { fetch } = fakeFetch(text);
        checkTicker(await v.mod.venueMarketData.fetchTicker(...v.pair, opts(fetch), NOW));
        checkCandles(await v.mod.venueMarketData.fetchDailyCandles(...v.pair, opts(fetch), NOW));
      }),
      { numRuns: 60 },
    );
  });
});

describe('venue registry', () => {
  it('keys each venue by its own source id and covers the ten venues with public market data', () => {
    for (const [key, venue] of Object.entries(registry)) expect(venue!.source).toBe(key);
    expect(Object.keys(registry).sort()).toEqual(['binance', 'bitget', 'bybit', 'coinbase', 'gate', 'htx', 'kraken', 'kucoin', 'mexc', 'okx']);
  });
});
