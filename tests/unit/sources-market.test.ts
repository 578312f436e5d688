/**
 * Exchange market-data sources (KuCoin, Binance, OKX, Bybit): normalisers on recorded, documented,
 * transcribed and generated fixtures (tests/fixtures/market/PROVENANCE.md), and the fetch
 * functions against an injected fake `fetch` (URLs, cookies, errors, hostile tickers).
 */
import { describe, expect, it } from 'vitest';
import type { Candle, Result } from '../../lib/types';
import { validate, type FetchFn } from '../../lib/sources/http';
import { fakeFetch, reply } from './helpers/fake-fetch';
import { fixtureJson, fixtureText as loadFixtureText } from './helpers/fixtures';
import type { VenueMarketData } from '../../lib/sources/market-data';
import * as kucoin from '../../lib/sources/kucoin';
import * as binance from '../../lib/sources/binance';
import * as okx from '../../lib/sources/okx';
import * as bybit from '../../lib/sources/bybit';

const DAY = 86_400_000;
/** 13:00 UTC on the generated series' last (still open) day. */
const NOW = Date.UTC(2026, 6, 28, 13, 0, 0);

const fixtureText = (name: string): string => loadFixtureText(`market/${name}`);
const fixture = (name: string): unknown => fixtureJson(`market/${name}`);
function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.kind}: ${r.error.message}`);
  return r.value;
}
function params(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams.entries());
}
function expectAscendingFinite(candles: Candle[]): void {
  for (let i = 0; i < candles.length; i++) {
    const c = candles[i]!;
    for (const n of [c.t, c.o, c.h, c.l, c.c, c.v]) expect(Number.isFinite(n)).toBe(true);
    if (i > 0) expect(c.t).toBeGreaterThan(candles[i - 1]!.t);
  }
}

// ---------------------------------------------------------------------------------------------
// KuCoin

describe('kucoin normalisers', () => {
  const stats = (name: string) => {
    const env = ok(validate(kucoin.KucoinEnvelopeSchema, fixture(name)));
    return ok(kucoin.readKucoinEnvelope(env, kucoin.KucoinStatsSchema));
  };
  const candles = (name: string) => {
    const env = ok(validate(kucoin.KucoinEnvelopeSchema, fixture(name)));
    return kucoin.normaliseKucoinCandles(ok(kucoin.readKucoinEnvelope(env, kucoin.KucoinCandlesSchema)));
  };

  it('recorded stats: changeRate is a fraction (0.0089 → 0.89 %), time in ms', () => {
    expect(ok(kucoin.normaliseKucoinTicker(stats('kucoin_stats_BTC-USDT.json'), NOW))).toEqual({
      last: 67400,
      change24hPct: 0.89,
      volumeBase: 6442.17728633,
      volumeQuote: 433203364.463489651,
      asOfMs: 1709897710012,
    });
  });

  it('documented stats: negative fraction -0.0114 → -1.14 %', () => {
    const t = ok(kucoin.normaliseKucoinTicker(stats('kucoin_stats_doc_example.json'), NOW));
    expect(t.last).toBe(66981.5);
    expect(t.change24hPct).toBe(-1.14);
    expect(t.asOfMs).toBe(1729175612158);
  });

  it('stats without time fall back to nowMs; null last (unknown pair) is not-found', () => {
    expect(ok(kucoin.normaliseKucoinTicker({ time: null, last: 2, changeRate: null, vol: null, volValue: null }, NOW)).asOfMs).toBe(NOW);
    const r = kucoin.normaliseKucoinTicker({ time: 1, symbol: 'FOO-USDT', last: null, changeRate: null, vol: null, volValue: null }, NOW);
    expect(r).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    expect(kucoin.normaliseKucoinTicker(null, NOW)).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });

  it('recorded 1hour candles: seconds → ms, CLOSE before HIGH/LOW, newest-first → ascending', () => {
    expect(candles('kucoin_candles_1hour_BTC-USDT.json')).toEqual([
      { t: 1706630400000, o: 43383.7, h: 43521.9, l: 43222.8, c: 43501, v: 101.30420492 },
      { t: 1706634000000, o: 43501.1, h: 43598.9, l: 43305.2, c: 43396.4, v: 101.11170513 },
      { t: 1706637600000, o: 43396.4, h: 43491.9, l: 43285.2, c: 43369.4, v: 135.02905655 },
    ]);
  });

  it('1day candles (freqdash body): oldest 2021-09-19 o 48294 h 48366.5 l 46816.2 c 47242.5', () => {
    const cs = candles('kucoin_candles_1day_BTC-USDT_freqdash.json');
    expect(cs).toHaveLength(3);
    expect(cs[0]).toEqual({ t: 1632009600000, o: 48294, h: 48366.5, l: 46816.2, c: 47242.5, v: 3934.78015558 });
    expect(cs[2]).toEqual({ t: 1632182400000, o: 43010.4, h: 43648, l: 39571, c: 40730.4, v: 10034.90921846 });
  });

  it('unknown pair code 400100 → not-found; 429000 → rate-limited; other codes → http', () => {
    expect(kucoin.readKucoinEnvelope({ code: '400100', msg: 'This pair is not provided at present', data: undefined }, kucoin.KucoinCandlesSchema)).toMatchObject({
      ok: false,
      error: { kind: 'not-found' },
    });
    expect(kucoin.readKucoinEnvelope({ code: '429000', msg: 'Too Many Requests', data: undefined }, kucoin.KucoinCandlesSchema)).toMatchObject({
      ok: false,
      error: { kind: 'rate-limited' },
    });
    expect(kucoin.readKucoinEnvelope({ code: '500000', msg: 'Internal', data: undefined }, kucoin.KucoinCandlesSchema)).toMatchObject({
      ok: false,
      error: { kind: 'http' },
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Binance

describe('binance normalisers', () => {
  const ticker = (name: string) => ok(validate(binance.BinanceTickerResponseSchema, fixture(name)));
  const klines = (name: string) => ok(binance.normaliseBinanceKlinesResponse(ok(validate(binance.BinanceKlinesResponseSchema, fixture(name)))));

  it('recorded ETHBTC ticker: priceChangePercent is already percent (-0.633)', () => {
    expect(ok(binance.normaliseBinanceTickerResponse(ticker('binance_ticker24hr_ETHBTC.json'), NOW))).toEqual({
      last: 0.035641,
      change24hPct: -0.633,
      volumeBase: 380396.976,
      volumeQuote: 13459.43958266,
      asOfMs: 1551374992637,
    });
  });

  it('documented ticker: -95.960 % stays -95.96 (not ×100)', () => {
    const t = ok(binance.normaliseBinanceTickerResponse(ticker('binance_ticker24hr_doc_example.json'), NOW));
    expect(t).toEqual({ last: 4.000002, change24hPct: -95.96, volumeBase: 8913.3, volumeQuote: 15.3, asOfMs: 1499869899040 });
  });

  it('recorded 1m klines: numeric ms times, string prices, oldest first kept ascending', () => {
    const cs = klines('binance_klines_1m_BTCUSDT.json');
    expect(cs).toHaveLength(10);
    expect(cs[0]).toEqual({ t: 1634943780000, o: 60685.22, h: 60729.84, l: 60670.9, c: 60719.27, v: 21.63272 });
    expect(cs[9]).toEqual({ t: 1634944320000, o: 60739.85, h: 60739.85, l: 60739.85, c: 60739.85, v: 0.04734 });
    expectAscendingFinite(cs);
  });

  it('1d klines (freqdash STMXUSDT body)', () => {
    const cs = klines('binance_klines_1d_STMXUSDT_freqdash.json');
    expect(cs[0]).toEqual({ t: 1632009600000, o: 0.03515, h: 0.03518, l: 0.03277, c: 0.03337, v: 127617246 });
    expect(cs[2]).toEqual({ t: 1632182400000, o: 0.02786, h: 0.02866, l: 0.02418, c: 0.02481, v: 441562231 });
  });

  it('error body -1121 → not-found, -1003 → rate-limited, others → http', () => {
    const parsed = ok(validate(binance.BinanceKlinesResponseSchema, { code: -1121, msg: 'Invalid symbol.' }));
    expect(binance.normaliseBinanceKlinesResponse(parsed)).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    expect(binance.binanceErrorToResult({ code: -1003, msg: 'Too much request weight used' })).toMatchObject({ error: { kind: 'rate-limited' } });
    expect(binance.binanceErrorToResult({ code: -1000, msg: 'Unknown' })).toMatchObject({ error: { kind: 'http' } });
  });
});

// ---------------------------------------------------------------------------------------------
// OKX

describe('okx normalisers', () => {
  const data = <S extends Parameters<typeof okx.readOkxEnvelope>[1]>(name: string, schema: S) =>
    ok(okx.readOkxEnvelope(ok(validate(okx.OkxEnvelopeSchema, fixture(name))), schema));

  it('spot ticker (freqdash body): change = (last / open24h − 1) × 100 = 180 / 16659.1 × 100 ≈ 1.0805 %', () => {
    const t = ok(okx.normaliseOkxTicker(data('okx_ticker_BTC-USDT_freqdash.json', okx.OkxTickerListSchema), 'BTC-USDT', NOW));
    expect(t.last).toBe(16839.1);
    expect(t.change24hPct).toBeCloseTo(1.08049, 5);
    expect(t.volumeBase).toBe(5150.98223027); // vol24h: base for SPOT
    expect(t.volumeQuote).toBe(86702682.03645192); // volCcy24h: quote for SPOT
    expect(t.asOfMs).toBe(1672863560203);
  });

  it('ticker for another instrument than asked, or an empty open24h → not-found / null change', () => {
    const list = data('okx_ticker_BTC-USDT_freqdash.json', okx.OkxTickerListSchema);
    expect(okx.normaliseOkxTicker(list, 'ETH-USDT', NOW)).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    const noOpen = ok(okx.normaliseOkxTicker([{ instId: 'X-USDT', last: 2, open24h: null, vol24h: null, volCcy24h: null, ts: null }], 'X-USDT', NOW));
    expect(noOpen.change24hPct).toBeNull();
    expect(noOpen.asOfMs).toBe(NOW);
  });

  it('1Dutc candles (freqdash body): newest-first → ascending', () => {
    const cs = okx.normaliseOkxCandles(data('okx_candles_1Dutc_BTC-USDT_freqdash.json', okx.OkxCandlesSchema));
    expect(cs.map((c) => c.t)).toEqual([1632009600000, 1632096000000, 1632182400000]);
    expect(cs[0]).toEqual({ t: 1632009600000, o: 48305.4, h: 48372.1, l: 46833.5, c: 47244.4, v: 11320.85422277 });
    expect(cs[2]).toEqual({ t: 1632182400000, o: 43016.9, h: 43635.5, l: 39566.8, c: 40730.3, v: 28840.93614238 });
  });

  it('recorded 9-field rows (1m SWAP) parse; v is the 6th field', () => {
    const cs = okx.normaliseOkxCandles(data('okx_candles_1m_BTC-USDT-SWAP.json', okx.OkxCandlesSchema));
    expect(cs).toEqual([
      { t: 1747093980000, o: 102806, h: 102820.5, l: 102783.1, c: 102806.1, v: 7164.04 },
      { t: 1747094040000, o: 102806.1, h: 102820.4, l: 102806.1, c: 102820.4, v: 1040.37 },
    ]);
  });

  it('code 51001 → not-found, 50011 → rate-limited', () => {
    expect(okx.readOkxEnvelope({ code: '51001', msg: "Instrument ID doesn't exist.", data: [] }, okx.OkxCandlesSchema)).toMatchObject({
      ok: false,
      error: { kind: 'not-found' },
    });
    expect(okx.readOkxEnvelope({ code: '50011', msg: 'Too Many Requests', data: [] }, okx.OkxCandlesSchema)).toMatchObject({
      ok: false,
      error: { kind: 'rate-limited' },
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Bybit

describe('bybit normalisers', () => {
  it('documented spot ticker: price24hPcnt is a fraction (0.0068 → 0.68 %); asOfMs = envelope time', () => {
    const env = ok(validate(bybit.BybitEnvelopeSchema, fixture('bybit_tickers_spot_doc_example.json')));
    const result = ok(bybit.readBybitEnvelope(env, bybit.BybitTickersResultSchema));
    expect(ok(bybit.normaliseBybitTicker(result, 'BTCUSDT', env.time, NOW))).toEqual({
      last: 20533.13,
      change24hPct: 0.68,
      volumeBase: 11801.27771,
      volumeQuote: 243765620.65899866,
      asOfMs: 1673859087947,
    });
    expect(bybit.normaliseBybitTicker(result, 'ETHUSDT', env.time, NOW)).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    expect(ok(bybit.normaliseBybitTicker(result, 'BTCUSDT', null, NOW)).asOfMs).toBe(NOW);
  });

  it('recorded daily klines (testnet): newest-first → ascending', () => {
    const env = ok(validate(bybit.BybitEnvelopeSchema, fixture('bybit_kline_D_BTCUSDT_testnet.json')));
    const cs = bybit.normaliseBybitCandles(ok(bybit.readBybitEnvelope(env, bybit.BybitKlineResultSchema)));
    expect(cs).toEqual([
      { t: 1694476800000, o: 23033.78, h: 24000, l: 18505.22, c: 18979.62, v: 60452.058887 },
      { t: 1694563200000, o: 18979.62, h: 25000, l: 18580.75, c: 19289.27, v: 59221.813269 },
      { t: 1694649600000, o: 19289.27, h: 19321.5, l: 18580.75, c: 19265.49, v: 414.689515 },
    ]);
  });

  it('retCode 10001 → not-found, 10006 → rate-limited, other non-zero → http', () => {
    const env = (retCode: number) => ({ retCode, retMsg: 'x', result: {}, time: 1 });
    expect(bybit.readBybitEnvelope(env(10001), bybit.BybitKlineResultSchema)).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    expect(bybit.readBybitEnvelope(env(10006), bybit.BybitKlineResultSchema)).toMatchObject({ ok: false, error: { kind: 'rate-limited' } });
    expect(bybit.readBybitEnvelope(env(10016), bybit.BybitKlineResultSchema)).toMatchObject({ ok: false, error: { kind: 'http' } });
  });
});

// ---------------------------------------------------------------------------------------------
// One generated 250-day series in four wire formats must give one Candle[]

describe('generated daily series (same data, four wire formats)', () => {
  const first = { t: 1763683200000, o: 318.3, h: 322.19, l: 314.04, c: 320.31, v: 37430.8153 };
  const last = { t: 1785196800000, o: 114.59, h: 117.21, l: 112.48, c: 116.13, v: 27787.0514 };
  const series = {
    kucoin: kucoin.normaliseKucoinCandles(
      ok(kucoin.readKucoinEnvelope(ok(validate(kucoin.KucoinEnvelopeSchema, fixture('kucoin_candles_1day_TAO-USDT_generated.json'))), kucoin.KucoinCandlesSchema)),
    ),
    binance: ok(binance.normaliseBinanceKlinesResponse(ok(validate(binance.BinanceKlinesResponseSchema, fixture('binance_klines_1d_TAOUSDT_generated.json'))))),
    okx: okx.normaliseOkxCandles(ok(okx.readOkxEnvelope(ok(validate(okx.OkxEnvelopeSchema, fixture('okx_candles_1Dutc_TAO-USDT_generated.json'))), okx.OkxCandlesSchema))),
    bybit: bybit.normaliseBybitCandles(
      ok(bybit.readBybitEnvelope(ok(validate(bybit.BybitEnvelopeSchema, fixture('bybit_kline_D_TAOUSDT_generated.json'))), bybit.BybitKlineResultSchema)),
    ),
  };

  it.each(Object.entries(series))('%s: 250 daily candles, ascending one day apart, open candle kept last', (_venue, cs) => {
    expect(cs).toHaveLength(250);
    expect(cs[0]).toEqual(first);
    expect(cs[249]).toEqual(last);
    expectAscendingFinite(cs);
    for (let i = 1; i < cs.length; i++) expect(cs[i]!.t - cs[i - 1]!.t).toBe(DAY);
    for (const c of cs) {
      expect(c.h).toBeGreaterThanOrEqual(Math.max(c.o, c.c));
      expect(c.l).toBeLessThanOrEqual(Math.min(c.o, c.c));
    }
  });

  it('all four venues agree candle for candle', () => {
    expect(series.binance).toEqual(series.kucoin);
    expect(series.okx).toEqual(series.kucoin);
    expect(series.bybit).toEqual(series.kucoin);
  });
});

// ---------------------------------------------------------------------------------------------
// Fetch functions: one table, the same checks for every venue

interface VenueCase {
  id: string;
  vmd: VenueMarketData;
  host: string;
  symbol: string;
  tickerPath: string;
  tickerParams: Record<string, string>;
  candlesPath: string;
  candlesParams: (nowMs: number) => Record<string, string>;
  /** a valid ticker body for TAO/USDT: last 300, open 290 (+3.448… %), vol 1000 base */
  tickerBody: unknown;
  candlesFixture: string;
  /** the venue's "unknown symbol" answer */
  notFound: { body: unknown; status: number };
  /** one good row (t = 1785196800000, c = 116.13) among malformed ones */
  mixedRows: unknown;
}

const goodRowTimeMs = 1785196800000;
const cases: VenueCase[] = [
  {
    id: 'kucoin',
    vmd: kucoin.venueMarketData,
    host: 'api.kucoin.com',
    symbol: 'TAO-USDT',
    tickerPath: '/api/v1/market/stats',
    tickerParams: { symbol: 'TAO-USDT' },
    candlesPath: '/api/v1/market/candles',
    candlesParams: (nowMs) => ({
      symbol: 'TAO-USDT',
      type: '1day',
      startAt: String(Math.floor(nowMs / 1000) - 250 * 86400),
      endAt: String(Math.floor(nowMs / 1000)),
    }),
    tickerBody: { code: '200000', data: { time: 1785240000000, symbol: 'TAO-USDT', last: '300', changeRate: '0.0345', vol: '1000', volValue: '300000' } },
    candlesFixture: 'kucoin_candles_1day_TAO-USDT_generated.json',
    notFound: { body: { code: '400100', msg: 'This pair is not provided at present' }, status: 200 },
    mixedRows: {
      code: '200000',
      data: [
        ['1785196800', '114.59', '116.13', '117.21', '112.48', '27787.0514', '3198359.0838'],
        ['x', '1', '2', '3', '4', '5', '6'],
        ['1785110400', '120.32', 'NaN', '122.87', '114.21', '1', '1'],
        ['1785024000', '1', '2'],
        null,
        'row',
        { t: 1 },
        ['1e400', '1', '1', '1', '1', '1', '1'],
      ],
    },
  },
  {
    id: 'binance',
    vmd: binance.venueMarketData,
    host: 'api.binance.com',
    symbol: 'TAOUSDT',
    tickerPath: '/api/v3/ticker/24hr',
    tickerParams: { symbol: 'TAOUSDT' },
    candlesPath: '/api/v3/klines',
    candlesParams: () => ({ symbol: 'TAOUSDT', interval: '1d', limit: '250' }),
    tickerBody: { symbol: 'TAOUSDT', lastPrice: '300.00000000', priceChangePercent: '3.450', volume: '1000.00000000', quoteVolume: '300000.00000000', closeTime: 1785240000000 },
    candlesFixture: 'binance_klines_1d_TAOUSDT_generated.json',
    notFound: { body: { code: -1121, msg: 'Invalid symbol.' }, status: 400 },
    mixedRows: [
      [goodRowTimeMs, '114.59000000', '117.21000000', '112.48000000', '116.13000000', '27787.05140000', goodRowTimeMs + DAY - 1, '1', 1, '1', '1', '0'],
      ['x', '1', '2', '3', '4', '5'],
      [1785110400000, '120.32', 'Infinity', '114.21', '114.68', '1'],
      [1785024000000, '1'],
      null,
      7,
      [1e308, '1', '1', '1', '1', '-5'],
    ],
  },
  {
    id: 'okx',
    vmd: okx.venueMarketData,
    host: 'www.okx.com',
    symbol: 'TAO-USDT',
    tickerPath: '/api/v5/market/ticker',
    tickerParams: { instId: 'TAO-USDT' },
    candlesPath: '/api/v5/market/candles',
    candlesParams: () => ({ instId: 'TAO-USDT', bar: '1Dutc', limit: '300' }),
    tickerBody: { code: '0', msg: '', data: [{ instType: 'SPOT', instId: 'TAO-USDT', last: '300', open24h: '290', vol24h: '1000', volCcy24h: '300000', ts: '1785240000000' }] },
    candlesFixture: 'okx_candles_1Dutc_TAO-USDT_generated.json',
    notFound: { body: { code: '51001', msg: "Instrument ID doesn't exist.", data: [] }, status: 200 },
    mixedRows: {
      code: '0',
      msg: '',
      data: [
        [String(goodRowTimeMs), '114.59', '117.21', '112.48', '116.13', '27787.0514', '1', '1', '0'],
        ['', '', '', '', '', '', '', '', ''],
        ['1785110400000', '120.32', '122.87', '114.21', 'abc', '1', '1', '1', '1'],
        ['1785024000000'],
        null,
        true,
      ],
    },
  },
  {
    id: 'bybit',
    vmd: bybit.venueMarketData,
    host: 'api.bybit.com',
    symbol: 'TAOUSDT',
    tickerPath: '/v5/market/tickers',
    tickerParams: { category: 'spot', symbol: 'TAOUSDT' },
    candlesPath: '/v5/market/kline',
    candlesParams: () => ({ category: 'spot', symbol: 'TAOUSDT', interval: 'D', limit: '250' }),
    tickerBody: {
      retCode: 0,
      retMsg: 'OK',
      result: { category: 'spot', list: [{ symbol: 'TAOUSDT', lastPrice: '300', price24hPcnt: '0.0345', volume24h: '1000', turnover24h: '300000' }] },
      retExtInfo: {},
      time: 1785240000000,
    },
    candlesFixture: 'bybit_kline_D_TAOUSDT_generated.json',
    notFound: { body: { retCode: 10001, retMsg: 'Not supported symbols', result: {}, retExtInfo: {}, time: 1785240000000 }, status: 200 },
    mixedRows: {
      retCode: 0,
      retMsg: 'OK',
      result: {
        list: [
          [String(goodRowTimeMs), '114.59', '117.21', '112.48', '116.13', '27787.0514', '1'],
          ['1785110400000', '120.32', '122.87', '114.21', '114.68'],
          ['1785024000000', '1', '1', '1', '1', '-1', '1'],
          null,
          {},
        ],
      },
      time: 1,
    },
  },
];

const HOSTILE = ['../x', 'A?B', '%2F', 'TAO/USDT', 'TAO#', 'TAO USDT', 'TAO&x=1', '', 'A'.repeat(21), 'ТАО', 'bıt', 'ß', 'TAO\u0000', '😀', 'tao\n'];

describe.each(cases)('$id fetch functions', (v) => {
  it('symbol(): venue format, upper-cased, undefined for hostile tickers', () => {
    expect(v.vmd.symbol('tao', 'usdt')).toBe(v.symbol);
    expect(v.vmd.symbol('TAO', 'USDT')).toBe(v.symbol);
    for (const bad of HOSTILE) {
      expect(v.vmd.symbol(bad, 'USDT')).toBeUndefined();
      expect(v.vmd.symbol('TAO', bad)).toBeUndefined();
    }
  });

  it('fetchTicker: URL, no cookies, percent', async () => {
    const { fetch, calls } = fakeFetch(() => reply(v.tickerBody));
    const t = ok(await v.vmd.fetchTicker('tao', 'usdt', { fetch }, NOW));
    expect(calls).toHaveLength(1);
    const { url, init } = calls[0]!;
    expect(url.protocol).toBe('https:');
    expect(url.host).toBe(v.host);
    expect(url.pathname).toBe(v.tickerPath);
    expect(params(url)).toEqual(v.tickerParams);
    expect(init?.credentials).toBe('omit');
    expect(t.last).toBe(300);
    expect(t.volumeBase).toBe(1000);
    expect(t.volumeQuote).toBe(300000);
    expect(t.asOfMs).toBe(1785240000000);
    // 3.45 % everywhere: KuCoin/Bybit send the fraction 0.0345, Binance the percent, OKX via open24h
    expect(t.change24hPct).toBeCloseTo(v.id === 'okx' ? (300 / 290 - 1) * 100 : 3.45, 10);
  });

  it('fetchDailyCandles: URL, ≥ 210 days requested, 250 ascending candles', async () => {
    const body = fixtureText(v.candlesFixture);
    const { fetch, calls } = fakeFetch(() => reply(body));
    const cs = ok(await v.vmd.fetchDailyCandles('TAO', 'USDT', { fetch }, NOW));
    expect(calls).toHaveLength(1);
    const { url, init } = calls[0]!;
    expect(url.host).toBe(v.host);
    expect(url.pathname).toBe(v.candlesPath);
    expect(params(url)).toEqual(v.candlesParams(NOW));
    expect(init?.credentials).toBe('omit');
    const p = params(url);
    const requestedDays = p.limit ? Number(p.limit) : (Number(p.endAt) - Number(p.startAt)) / 86400;
    expect(requestedDays).toBeGreaterThanOrEqual(210);
    expect(cs).toHaveLength(250);
    expectAscendingFinite(cs);
    expect(cs[249]!.c).toBe(116.13);
  });

  it('hostile tickers: not-found "invalid symbol", no request at all', async () => {
    const { fetch, calls } = fakeFetch(() => reply(v.tickerBody));
    for (const bad of HOSTILE) {
      for (const [base, quote] of [
        [bad, 'USDT'],
        ['TAO', bad],
      ] as const) {
        const t = await v.vmd.fetchTicker(base, quote, { fetch }, NOW);
        const c = await v.vmd.fetchDailyCandles(base, quote, { fetch }, NOW);
        expect(t).toEqual({ ok: false, error: { kind: 'not-found', message: 'invalid symbol' } });
        expect(c).toEqual({ ok: false, error: { kind: 'not-found', message: 'invalid symbol' } });
      }
    }
    expect(calls).toHaveLength(0);
  });

  it('429 with Retry-After → rate-limited with retryAfterMs', async () => {
    const { fetch } = fakeFetch(() => reply('{"msg":"slow down"}', 429, { 'retry-after': '30' }));
    expect(await v.vmd.fetchTicker('TAO', 'USDT', { fetch }, NOW)).toMatchObject({ ok: false, error: { kind: 'rate-limited', status: 429, retryAfterMs: 30_000 } });
    expect(await v.vmd.fetchDailyCandles('TAO', 'USDT', { fetch }, NOW)).toMatchObject({ ok: false, error: { kind: 'rate-limited', retryAfterMs: 30_000 } });
  });

  it('HTML error page → parse error (200) or http error (502)', async () => {
    const html = '<!DOCTYPE html><html><body><h1>Access denied</h1></body></html>';
    const page200 = fakeFetch(() => new Response(html, { status: 200, headers: { 'content-type': 'text/html' } }));
    expect(await v.vmd.fetchTicker('TAO', 'USDT', { fetch: page200.fetch }, NOW)).toMatchObject({ ok: false, error: { kind: 'parse' } });
    expect(await v.vmd.fetchDailyCandles('TAO', 'USDT', { fetch: page200.fetch }, NOW)).toMatchObject({ ok: false, error: { kind: 'parse' } });
    const page502 = fakeFetch(() => new Response(html, { status: 502 }));
    expect(await v.vmd.fetchDailyCandles('TAO', 'USDT', { fetch: page502.fetch }, NOW)).toMatchObject({ ok: false, error: { kind: 'http', status: 502 } });
  });

  it('404 and the venue’s unknown-symbol answer → not-found', async () => {
    const f404 = fakeFetch(() => reply('Not Found', 404));
    expect(await v.vmd.fetchTicker('TAO', 'USDT', { fetch: f404.fetch }, NOW)).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    const unknown = fakeFetch(() => reply(v.notFound.body, v.notFound.status));
    expect(await v.vmd.fetchTicker('NOPE', 'USDT', { fetch: unknown.fetch }, NOW)).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    expect(await v.vmd.fetchDailyCandles('NOPE', 'USDT', { fetch: unknown.fetch }, NOW)).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });

  it('malformed rows are dropped, the good row kept', async () => {
    const { fetch } = fakeFetch(() => reply(v.mixedRows));
    const cs = ok(await v.vmd.fetchDailyCandles('TAO', 'USDT', { fetch }, NOW));
    expect(cs).toEqual([{ t: goodRowTimeMs, o: 114.59, h: 117.21, l: 112.48, c: 116.13, v: 27787.0514 }]);
  });

  it('wrong shapes, truncated JSON, empty body, a throwing fetch → typed errors, never a throw', async () => {
    for (const body of ['{"unexpected":true}', '[1,2', '', 'null', '"text"', '{"code":"200000","data":{"a":1}}', '{"retCode":0,"result":null}']) {
      const { fetch } = fakeFetch(() => reply(body));
      const t = await v.vmd.fetchTicker('TAO', 'USDT', { fetch }, NOW);
      const c = await v.vmd.fetchDailyCandles('TAO', 'USDT', { fetch }, NOW);
      expect(t.ok).toBe(false);
      expect(c.ok).toBe(false);
    }
    const throwing: FetchFn = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await v.vmd.fetchTicker('TAO', 'USDT', { fetch: throwing }, NOW)).toMatchObject({ ok: false, error: { kind: 'network' } });
  });
});

describe('binance mirror', () => {
  it('the same calls on data-api.binance.vision', async () => {
    const { fetch, calls } = fakeFetch((url) =>
      reply(url.pathname === '/api/v3/klines' ? fixtureText('binance_klines_1d_TAOUSDT_generated.json') : fixtureText('binance_ticker24hr_ETHBTC.json')),
    );
    const cs = ok(await binance.fetchBinanceDailyCandles('TAO', 'USDT', { fetch }, NOW, { mirror: true }));
    expect(cs).toHaveLength(250);
    ok(await binance.binanceMirrorMarketData.fetchTicker('ETH', 'BTC', { fetch }, NOW));
    ok(await binance.binanceMirrorMarketData.fetchDailyCandles('TAO', 'USDT', { fetch }, NOW));
    expect(calls.map((c) => c.url.host)).toEqual(['data-api.binance.vision', 'data-api.binance.vision', 'data-api.binance.vision']);
    expect(calls.map((c) => c.url.pathname)).toEqual(['/api/v3/klines', '/api/v3/ticker/24hr', '/api/v3/klines']);
    expect(binance.binanceMirrorMarketData.source).toBe('binance');
  });

  it('a -1121 error body with HTTP 200 is also not-found', async () => {
    const { fetch } = fakeFetch(() => reply({ code: -1121, msg: 'Invalid symbol.' }));
    expect(await binance.fetchBinanceTicker('NOPE', 'USDT', { fetch }, NOW)).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });
});

describe('uniform venue interface', () => {
  it('every venue exports venueMarketData with its own source id', () => {
    expect(cases.map((c) => c.vmd.source)).toEqual(['kucoin', 'binance', 'okx', 'bybit']);
    for (const c of cases) {
      expect(typeof c.vmd.symbol).toBe('function');
      expect(typeof c.vmd.fetchTicker).toBe('function');
      expect(typeof c.vmd.fetchDailyCandles).toBe('function');
    }
  });

  it('KuCoin asks for the window ending at nowMs', async () => {
    const { fetch, calls } = fakeFetch(() => reply({ code: '200000', data: [] }));
    expect(ok(await kucoin.fetchKucoinDailyCandles('TAO', 'USDT', { fetch }, NOW))).toEqual([]);
    expect(calls[0]!.url.searchParams.get('endAt')).toBe(String(NOW / 1000));
  });
});
