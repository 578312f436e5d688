/**
 * Property tests (fast-check) for every market-data parser: schema + envelope check + normaliser,
 * and the fetch functions end to end. Hostile JSON (arbitrary values, `__proto__`/`constructor`
 * keys, huge numbers, numeric strings) must give a typed Result, never a throw, never a polluted
 * Object.prototype, and every "ok" output must keep the domain invariants (finite numbers,
 * ascending candles, percent not NaN).
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Candle, CoinSearchHit, MarketSnapshot, Result, Ticker24h } from '../../lib/types';
import { validate, type FetchFn } from '../../lib/sources/http';
import * as kucoin from '../../lib/sources/kucoin';
import * as binance from '../../lib/sources/binance';
import * as okx from '../../lib/sources/okx';
import * as bybit from '../../lib/sources/bybit';
import * as cg from '../../lib/sources/coingecko';
import * as paprika from '../../lib/sources/coinpaprika';

const NOW = Date.UTC(2026, 6, 28, 13);
const KINDS = new Set(['http', 'rate-limited', 'timeout', 'network', 'parse', 'not-found', 'blocked']);

type Kind = 'ticker' | 'candles' | 'snapshots' | 'snapshot' | 'hits';
interface Pipeline {
  name: string;
  kind: Kind;
  run(json: unknown): Result<unknown>;
}

/** Schema → envelope → normaliser, exactly as each fetch function chains them. */
const pipelines: Pipeline[] = [
  {
    name: 'kucoin ticker',
    kind: 'ticker',
    run: (j) => {
      const e = validate(kucoin.KucoinEnvelopeSchema, j);
      if (!e.ok) return e;
      const d = kucoin.readKucoinEnvelope(e.value, kucoin.KucoinStatsSchema);
      return d.ok ? kucoin.normaliseKucoinTicker(d.value, NOW) : d;
    },
  },
  {
    name: 'kucoin candles',
    kind: 'candles',
    run: (j) => {
      const e = validate(kucoin.KucoinEnvelopeSchema, j);
      if (!e.ok) return e;
      const d = kucoin.readKucoinEnvelope(e.value, kucoin.KucoinCandlesSchema);
      return d.ok ? { ok: true, value: kucoin.normaliseKucoinCandles(d.value) } : d;
    },
  },
  {
    name: 'binance ticker',
    kind: 'ticker',
    run: (j) => {
      const b = validate(binance.BinanceTickerResponseSchema, j);
      return b.ok ? binance.normaliseBinanceTickerResponse(b.value, NOW) : b;
    },
  },
  {
    name: 'binance klines',
    kind: 'candles',
    run: (j) => {
      const b = validate(binance.BinanceKlinesResponseSchema, j);
      return b.ok ? binance.normaliseBinanceKlinesResponse(b.value) : b;
    },
  },
  {
    name: 'okx ticker',
    kind: 'ticker',
    run: (j) => {
      const e = validate(okx.OkxEnvelopeSchema, j);
      if (!e.ok) return e;
      const d = okx.readOkxEnvelope(e.value, okx.OkxTickerListSchema);
      return d.ok ? okx.normaliseOkxTicker(d.value, 'TAO-USDT', NOW) : d;
    },
  },
  {
    name: 'okx candles',
    kind: 'candles',
    run: (j) => {
      const e = validate(okx.OkxEnvelopeSchema, j);
      if (!e.ok) return e;
      const d = okx.readOkxEnvelope(e.value, okx.OkxCandlesSchema);
      return d.ok ? { ok: true, value: okx.normaliseOkxCandles(d.value) } : d;
    },
  },
  {
    name: 'bybit ticker',
    kind: 'ticker',
    run: (j) => {
      const e = validate(bybit.BybitEnvelopeSchema, j);
      if (!e.ok) return e;
      const d = bybit.readBybitEnvelope(e.value, bybit.BybitTickersResultSchema);
      return d.ok ? bybit.normaliseBybitTicker(d.value, 'TAOUSDT', e.value.time, NOW) : d;
    },
  },
  {
    name: 'bybit candles',
    kind: 'candles',
    run: (j) => {
      const e = validate(bybit.BybitEnvelopeSchema, j);
      if (!e.ok) return e;
      const d = bybit.readBybitEnvelope(e.value, bybit.BybitKlineResultSchema);
      return d.ok ? { ok: true, value: bybit.normaliseBybitCandles(d.value) } : d;
    },
  },
  {
    name: 'coingecko markets',
    kind: 'snapshots',
    run: (j) => {
      const b = validate(cg.CoingeckoMarketsSchema, j);
      return b.ok ? { ok: true, value: cg.normaliseCoingeckoMarkets(b.value) } : b;
    },
  },
  {
    name: 'coingecko search',
    kind: 'hits',
    run: (j) => {
      const b = validate(cg.CoingeckoSearchSchema, j);
      return b.ok ? { ok: true, value: cg.normaliseCoingeckoSearch(b.value) } : b;
    },
  },
  {
    name: 'coingecko market_chart',
    kind: 'candles',
    run: (j) => {
      const b = validate(cg.CoingeckoMarketChartSchema, j);
      return b.ok ? { ok: true, value: cg.normaliseCoingeckoMarketChart(b.value) } : b;
    },
  },
  {
    name: 'coinpaprika ticker',
    kind: 'snapshot',
    run: (j) => {
      const b = validate(paprika.CoinpaprikaTickerSchema, j);
      return b.ok ? { ok: true, value: paprika.normaliseCoinpaprikaTicker(b.value) } : b;
    },
  },
  {
    name: 'coinpaprika search',
    kind: 'hits',
    run: (j) => {
      const b = validate(paprika.CoinpaprikaSearchSchema, j);
      return b.ok ? { ok: true, value: paprika.normaliseCoinpaprikaSearch(b.value) } : b;
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Invariants of a parser's answer

const finiteOrNull = (n: unknown) => n === null || (typeof n === 'number' && Number.isFinite(n));

function checkCandles(cs: Candle[]): void {
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]!;
    expect(Object.keys(c).sort()).toEqual(['c', 'h', 'l', 'o', 't', 'v']);
    for (const n of [c.t, c.o, c.h, c.l, c.c, c.v]) expect(Number.isFinite(n) && n >= 0).toBe(true);
    if (i > 0) expect(c.t).toBeGreaterThan(cs[i - 1]!.t);
  }
}
function checkTicker(t: Ticker24h): void {
  expect(Object.keys(t).sort()).toEqual(['asOfMs', 'change24hPct', 'last', 'volumeBase', 'volumeQuote']);
  expect(Number.isFinite(t.last) && t.last > 0).toBe(true);
  expect(Number.isFinite(t.asOfMs)).toBe(true);
  for (const n of [t.change24hPct, t.volumeBase, t.volumeQuote]) expect(finiteOrNull(n)).toBe(true);
}
const SNAPSHOT_KEYS = [
  'athUsd',
  'change24hPct',
  'circulatingSupply',
  'fdvUsd',
  'id',
  'image',
  'lastUpdatedMs',
  'marketCapUsd',
  'maxSupply',
  'name',
  'priceUsd',
  'symbol',
  'totalSupply',
  'volume24hUsd',
];
function checkSnapshot(m: MarketSnapshot): void {
  expect(Object.keys(m).sort()).toEqual(SNAPSHOT_KEYS);
  expect(typeof m.id).toBe('string');
  expect(typeof m.symbol).toBe('string');
  for (const k of ['priceUsd', 'marketCapUsd', 'fdvUsd', 'circulatingSupply', 'totalSupply', 'maxSupply', 'athUsd', 'change24hPct', 'volume24hUsd', 'lastUpdatedMs'] as const) {
    expect(finiteOrNull(m[k])).toBe(true);
  }
  if (m.image != null) expect(m.image.startsWith('https://')).toBe(true);
}
function checkHits(hits: CoinSearchHit[]): void {
  for (const h of hits) {
    expect(Object.keys(h).sort()).toEqual(['id', 'name', 'rank', 'symbol']);
    expect(h.rank === null || (Number.isInteger(h.rank) && h.rank > 0)).toBe(true);
  }
}

function checkResult(kind: Kind, r: Result<unknown>): void {
  expect(typeof r.ok).toBe('boolean');
  if (!r.ok) {
    expect(KINDS.has(r.error.kind)).toBe(true);
    expect(typeof r.error.message).toBe('string');
    return;
  }
  // The value came out of our own normalisers; the casts only pick which invariant to check.
  const v = r.value;
  if (kind === 'candles') checkCandles(v as Candle[]);
  else if (kind === 'ticker') checkTicker(v as Ticker24h);
  else if (kind === 'snapshot') checkSnapshot(v as MarketSnapshot);
  else if (kind === 'snapshots') (v as MarketSnapshot[]).forEach(checkSnapshot);
  else checkHits(v as CoinSearchHit[]);
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

/** Numbers and numeric-looking strings that break naive parsers. */
const nastyNumber = fc.oneof(
  fc.constantFrom(
    '1e400',
    '-1e400',
    'Infinity',
    '-Infinity',
    'NaN',
    '0x1F',
    ' 12 ',
    '',
    ' ',
    '1_000',
    '9'.repeat(400),
    '-0',
    '0',
    '1e-400',
    1e308,
    -1e308,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    Number.MAX_SAFE_INTEGER,
    -1,
    0,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer().map(String),
  fc.integer({ min: 1_500_000_000, max: 1_900_000_000 }).map(String), // plausible seconds
  fc.integer({ min: 1_500_000_000_000, max: 1_900_000_000_000 }), // plausible ms
);
const cell = fc.oneof(nastyNumber, fc.string(), fc.constant(null), fc.boolean(), fc.jsonValue({ maxDepth: 1 }));
/** Mostly-numeric rows (so some survive and the normal path is exercised) and free-form rows. */
const row = fc.oneof(fc.array(nastyNumber, { minLength: 6, maxLength: 9 }), fc.array(cell, { minLength: 0, maxLength: 12 }));
const rows = fc.array(fc.oneof({ weight: 5, arbitrary: row }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }), { maxLength: 30 });
const tickerish = fc.record(
  {
    instId: fc.constantFrom('TAO-USDT', 'BTC-USDT', '__proto__'),
    symbol: fc.constantFrom('TAOUSDT', 'TAO-USDT', 'constructor'),
    id: fc.constantFrom('bitcoin', 'tao-bittensor', '../x', 'constructor'),
    name: fc.string(),
    image: fc.constantFrom('https://a.example/x.png', 'javascript:alert(1)', 'http://x', '//x', 'data:image/png;base64,AA', 'not a url'),
    last: nastyNumber,
    lastPrice: nastyNumber,
    open24h: nastyNumber,
    changeRate: nastyNumber,
    priceChangePercent: nastyNumber,
    price24hPcnt: nastyNumber,
    vol: nastyNumber,
    volValue: nastyNumber,
    volume: nastyNumber,
    quoteVolume: nastyNumber,
    vol24h: nastyNumber,
    volCcy24h: nastyNumber,
    volume24h: nastyNumber,
    turnover24h: nastyNumber,
    time: nastyNumber,
    ts: nastyNumber,
    closeTime: nastyNumber,
    current_price: nastyNumber,
    market_cap: nastyNumber,
    market_cap_rank: nastyNumber,
    rank: nastyNumber,
    total_supply: nastyNumber,
    max_supply: nastyNumber,
    circulating_supply: nastyNumber,
    last_updated: fc.oneof(fc.string(), fc.constantFrom('2026-07-28T03:36:30.000Z', '+275760-09-13T00:00:00.000Z', '+275760-09-13T00:00:00.001Z')),
    quotes: fc.record({ USD: fc.record({ price: nastyNumber, market_cap: nastyNumber, percent_change_24h: nastyNumber, ath_price: nastyNumber, volume_24h: nastyNumber }) }),
  },
  { requiredKeys: [] },
);
/** Bodies shaped like each provider's envelope, so the inner schemas and normalisers get exercised. */
const providerShaped = fc.oneof(
  fc.record({ code: fc.constantFrom('200000', '400100', '429000', '0', '51001', 200000, 0), msg: fc.string(), data: fc.oneof(rows, tickerish, fc.array(tickerish, { maxLength: 3 }), fc.constant(null)) }, { requiredKeys: ['code'] }),
  fc.record({
    retCode: fc.constantFrom(0, 10001, 10006, -1),
    retMsg: fc.string(),
    result: fc.oneof(fc.record({ list: fc.oneof(rows, fc.array(tickerish, { maxLength: 3 })) }), fc.jsonValue({ maxDepth: 2 })),
    time: nastyNumber,
  }),
  fc.record({ code: fc.integer({ min: -2000, max: 0 }), msg: fc.string() }),
  rows,
  tickerish,
  fc.array(tickerish, { maxLength: 5 }),
  fc.record({ coins: fc.array(tickerish, { maxLength: 5 }), currencies: fc.array(tickerish, { maxLength: 5 }) }, { requiredKeys: [] }),
  fc.record({ prices: rows, total_volumes: fc.oneof(rows, fc.constant(null)) }, { requiredKeys: ['prices'] }),
);

/** JSON text whose objects carry `__proto__` / `constructor` / `prototype` as OWN keys (as JSON.parse makes them). */
const POISON_KEYS = ['__proto__', 'constructor', 'prototype', 'polluted', 'code', 'data', 'result', 'list', 'coins', 'currencies', 'quotes', 'USD', 'prices'];
const poisonJson: fc.Arbitrary<string> = fc.letrec<{ value: string; object: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyNumber.map((n) => JSON.stringify(n) ?? 'null'),
    fc.constant('{"polluted":1,"isAdmin":true}'),
    fc.array(tie('value'), { maxLength: 4 }).map((xs) => `[${xs.join(',')}]`),
    tie('object'),
  ),
  object: fc
    .array(fc.tuple(fc.constantFrom(...POISON_KEYS), tie('value')), { maxLength: 5 })
    .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
})).object;

// ---------------------------------------------------------------------------------------------

function expectPrototypesClean(): void {
  const probe: Record<string, unknown> = {};
  expect(probe.polluted).toBeUndefined();
  expect(probe.isAdmin).toBeUndefined();
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'isAdmin')).toBe(false);
  expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
}

afterEach(() => {
  expectPrototypesClean();
});

describe.each(pipelines)('$name parser', (p) => {
  it('arbitrary JSON → a typed Result, never a throw', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        checkResult(p.kind, p.run(json));
      }),
      { numRuns: 200 },
    );
  });

  it('provider-shaped bodies with hostile numbers → valid outputs or typed errors', () => {
    fc.assert(
      fc.property(providerShaped, (json) => {
        checkResult(p.kind, p.run(json));
      }),
      { numRuns: 300 },
    );
  });

  it('__proto__ / constructor keys never pollute Object.prototype', () => {
    fc.assert(
      fc.property(poisonJson, (text) => {
        const r = p.run(JSON.parse(text));
        checkResult(p.kind, r);
        expectPrototypesClean();
      }),
      { numRuns: 200 },
    );
    for (const text of [
      '{"__proto__":{"polluted":1}}',
      '{"constructor":{"prototype":{"polluted":1}}}',
      '{"code":"200000","data":{"__proto__":{"polluted":1},"last":"1"}}',
      '{"code":"0","data":[{"instId":"TAO-USDT","last":"1","__proto__":{"polluted":1}}]}',
      '{"retCode":0,"result":{"list":[{"symbol":"TAOUSDT","lastPrice":"1","__proto__":{"polluted":1}}],"__proto__":{"polluted":1}},"time":1}',
      '[{"id":"x","symbol":"x","name":"x","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}]',
      '{"id":"x-x","name":"x","symbol":"x","quotes":{"__proto__":{"polluted":1},"USD":{"__proto__":{"polluted":1},"price":1}}}',
      '{"coins":[{"__proto__":{"polluted":1}}],"currencies":[{"__proto__":{"polluted":1}}]}',
    ]) {
      const r = p.run(JSON.parse(text));
      checkResult(p.kind, r);
      if (r.ok) expect(JSON.stringify(r.value)).not.toContain('polluted');
      expectPrototypesClean();
    }
  });
});

describe('candle normalisers on arbitrary rows', () => {
  it('always ascending, unique, finite — whatever the row soup', () => {
    let nonEmpty = 0;
    fc.assert(
      fc.property(rows, (data) => {
        const k = kucoin.readKucoinEnvelope({ code: '200000', msg: null, data }, kucoin.KucoinCandlesSchema);
        if (k.ok) {
          const cs = kucoin.normaliseKucoinCandles(k.value);
          checkCandles(cs);
          if (cs.length > 0) nonEmpty++;
        }
        const b = validate(binance.BinanceKlinesSchema, data);
        if (b.ok) checkCandles(binance.normaliseBinanceCandles(b.value));
        const o = okx.readOkxEnvelope({ code: '0', msg: '', data }, okx.OkxCandlesSchema);
        if (o.ok) checkCandles(okx.normaliseOkxCandles(o.value));
        const y = bybit.readBybitEnvelope({ retCode: 0, retMsg: 'OK', result: { list: data }, time: 1 }, bybit.BybitKlineResultSchema);
        if (y.ok) checkCandles(bybit.normaliseBybitCandles(y.value));
        // An array of rows always parses: bad rows are dropped, never fatal.
        expect(k.ok && b.ok && o.ok && y.ok).toBe(true);
      }),
      { numRuns: 300 },
    );
    // the property must have seen surviving rows, not only rejected ones
    expect(nonEmpty).toBeGreaterThan(10);
  });

  it('well-formed rows in any order come out sorted with every row kept', () => {
    const day = fc.integer({ min: 17_000, max: 21_000 });
    const price = fc.double({ min: 0.0001, max: 1e6, noNaN: true });
    const bar = fc.record({ day, o: price, h: price, l: price, c: price, v: fc.double({ min: 0, max: 1e9, noNaN: true }) });
    fc.assert(
      fc.property(fc.uniqueArray(bar, { selector: (b) => b.day, maxLength: 60 }), (bars) => {
        const ms = (d: number) => d * 86_400_000;
        const kucoinRows = bars.map((b) => [String(ms(b.day) / 1000), String(b.o), String(b.c), String(b.h), String(b.l), String(b.v), '0']);
        const binanceRows = bars.map((b) => [ms(b.day), String(b.o), String(b.h), String(b.l), String(b.c), String(b.v), 0, '0']);
        const k = kucoin.normaliseKucoinCandles(kucoin.KucoinCandlesSchema.parse(kucoinRows));
        const bn = binance.normaliseBinanceCandles(binance.BinanceKlinesSchema.parse(binanceRows));
        const expected = [...bars].sort((a, b) => a.day - b.day).map((b) => ({ t: ms(b.day), o: b.o, h: b.h, l: b.l, c: b.c, v: b.v }));
        expect(k).toEqual(expected);
        expect(bn).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});

describe('fetch functions end to end on arbitrary answers', () => {
  const fetchers: Array<[string, Kind, (f: FetchFn) => Promise<Result<unknown>>]> = [
    ['kucoin ticker', 'ticker', (f) => kucoin.fetchKucoinTicker('TAO', 'USDT', { fetch: f }, NOW)],
    ['kucoin candles', 'candles', (f) => kucoin.fetchKucoinDailyCandles('TAO', 'USDT', { fetch: f }, NOW)],
    ['binance ticker', 'ticker', (f) => binance.fetchBinanceTicker('TAO', 'USDT', { fetch: f }, NOW)],
    ['binance candles', 'candles', (f) => binance.fetchBinanceDailyCandles('TAO', 'USDT', { fetch: f }, NOW, { mirror: true })],
    ['okx ticker', 'ticker', (f) => okx.fetchOkxTicker('TAO', 'USDT', { fetch: f }, NOW)],
    ['okx candles', 'candles', (f) => okx.fetchOkxDailyCandles('TAO', 'USDT', { fetch: f }, NOW)],
    ['bybit ticker', 'ticker', (f) => bybit.fetchBybitTicker('TAO', 'USDT', { fetch: f }, NOW)],
    ['bybit candles', 'candles', (f) => bybit.fetchBybitDailyCandles('TAO', 'USDT', { fetch: f }, NOW)],
    ['coingecko markets', 'snapshots', (f) => cg.fetchCoingeckoMarkets({ ids: ['bittensor'] }, { fetch: f })],
    ['coingecko search', 'hits', (f) => cg.fetchCoingeckoSearch({ query: 'tao' }, { fetch: f })],
    ['coingecko chart', 'candles', (f) => cg.fetchCoingeckoDailyCloses({ id: 'bittensor' }, { fetch: f })],
    ['coinpaprika ticker', 'snapshot', (f) => paprika.fetchCoinpaprikaTicker({ id: 'tao-bittensor' }, { fetch: f })],
    ['coinpaprika search', 'hits', (f) => paprika.fetchCoinpaprikaSearch({ query: 'tao' }, { fetch: f })],
  ];
  const body = fc.oneof(
    fc.string(),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    providerShaped.map((v) => JSON.stringify(v)),
    poisonJson,
    fc.constantFrom('<html><body>502 Bad Gateway</body></html>', '{"code":"200000","data":[[', '\u0000', '{"__proto__":{"polluted":1}}'),
  );
  const status = fc.constantFrom(200, 200, 200, 400, 401, 403, 404, 418, 429, 500, 502, 503);

  it.each(fetchers)('%s: any status and body → a typed Result, never a throw', async (_name, kind, call) => {
    await fc.assert(
      fc.asyncProperty(body, status, fc.option(fc.constantFrom('5', 'soon', 'Wed, 21 Oct 2026 07:28:00 GMT', '-1', '1e9')), async (text, code, retryAfter) => {
        const fetch: FetchFn = async () => new Response(text, { status: code, headers: retryAfter === null ? {} : { 'retry-after': retryAfter } });
        const r = await call(fetch);
        checkResult(kind, r);
        if (!r.ok && r.error.kind === 'rate-limited') expect(Number.isFinite(r.error.retryAfterMs)).toBe(true);
        expectPrototypesClean();
      }),
      { numRuns: 60 },
    );
  });
});
