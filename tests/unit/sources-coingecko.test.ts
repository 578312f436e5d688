/**
 * CoinGecko source: normalisers on recorded and documented bodies (tests/fixtures/market/), the
 * key/host choice, and the fetch functions against an injected fake `fetch`.
 */
import { describe, expect, it } from 'vitest';
import type { Result } from '../../lib/types';
import { validate } from '../../lib/sources/http';
import { fakeFetch, reply, type FetchCall } from './helpers/fake-fetch';
import { fixtureJson, fixtureText as loadFixtureText } from './helpers/fixtures';
import {
  COINGECKO_MAX_IDS,
  CoingeckoMarketChartSchema,
  CoingeckoMarketsSchema,
  CoingeckoSearchSchema,
  coingeckoBase,
  fetchCoingeckoDailyCloses,
  fetchCoingeckoMarkets,
  fetchCoingeckoSearch,
  normaliseCoingeckoMarketChart,
  normaliseCoingeckoMarkets,
  normaliseCoingeckoSearch,
} from '../../lib/sources/coingecko';
import { normaliseKucoinCandles, readKucoinEnvelope, KucoinCandlesSchema, KucoinEnvelopeSchema } from '../../lib/sources/kucoin';

const DAY = 86_400_000;

const fixtureText = (name: string): string => loadFixtureText(`market/${name}`);
const fixture = (name: string): unknown => fixtureJson(`market/${name}`);
function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.kind}: ${r.error.message}`);
  return r.value;
}
const headersOf = (call: FetchCall): Record<string, string> => call.headers;

const markets = (name: string) => normaliseCoingeckoMarkets(ok(validate(CoingeckoMarketsSchema, fixture(name))));

describe('normaliseCoingeckoMarkets', () => {
  it('recorded bitcoin/ethereum (2026-07-28): values as sent, symbol upper-cased, ISO → ms', () => {
    const [btc, eth] = markets('coingecko_markets_bitcoin-ethereum.json');
    expect(btc).toEqual({
      id: 'bitcoin',
      symbol: 'BTC',
      name: 'Bitcoin',
      priceUsd: 63236,
      marketCapUsd: 1268723428054,
      fdvUsd: 1268723428054,
      circulatingSupply: 20062193,
      totalSupply: 20062228,
      maxSupply: 21000000,
      athUsd: 126080,
      change24hPct: -3.1,
      volume24hUsd: 26668820367,
      lastUpdatedMs: Date.UTC(2026, 6, 28, 3, 36, 30),
      image: 'https://coin-images.coingecko.com/coins/images/1/large/bitcoin.png?1696501400',
    });
    // ETH: max_supply null, yet CoinGecko reports an FDV (kept as reported)
    expect(eth).toMatchObject({ id: 'ethereum', symbol: 'ETH', maxSupply: null, fdvUsd: 226428787410, totalSupply: 120682600.3094177, change24hPct: -3.7 });
  });

  it('recorded hive/hive_dollar (2022-09-16): null FDV and supplies; 0 market cap and 0 circulating → null', () => {
    const [hive, hbd] = markets('coingecko_markets_hive-hive_dollar.json');
    expect(hive).toMatchObject({ id: 'hive', symbol: 'HIVE', marketCapUsd: 204906869, fdvUsd: null, circulatingSupply: 371261453.714, totalSupply: null, maxSupply: null, athUsd: 3.41 });
    expect(hbd).toMatchObject({
      id: 'hive_dollar',
      symbol: 'HBD',
      priceUsd: 0.98186,
      marketCapUsd: null,
      circulatingSupply: null,
      fdvUsd: null,
      change24hPct: -2.91843,
      lastUpdatedMs: Date.UTC(2022, 8, 16, 6, 10, 36, 600),
    });
  });

  it('documented example: percent change 3.12502 stays percent', () => {
    const [btc] = markets('coingecko_markets_doc_example.json');
    expect(btc).toMatchObject({ priceUsd: 70187, change24hPct: 3.12502, athUsd: 73738, lastUpdatedMs: Date.parse('2024-04-07T16:49:31.736Z') });
  });

  it('image only when https; malformed rows dropped; bad dates → null', () => {
    const rows = ok(
      validate(CoingeckoMarketsSchema, [
        { id: 'a', symbol: 'a', name: 'A', image: 'javascript:alert(1)', last_updated: 'yesterday' },
        { id: 'b', symbol: 'b', name: 'B', image: 'http://assets.coingecko.com/x.png' },
        { id: 'c', symbol: 'c', name: 'C', image: 'https://user:pw@evil.example/x.png' },
        { id: 'd', symbol: 'd', name: 'D', image: 'https://assets.coingecko.com/d.png', current_price: '1.5', market_cap: -3 },
        { symbol: 'no id' },
        null,
        'row',
      ]),
    );
    const out = normaliseCoingeckoMarkets(rows);
    expect(out.map((m) => [m.id, m.image])).toEqual([
      ['a', null],
      ['b', null],
      ['c', null],
      ['d', 'https://assets.coingecko.com/d.png'],
    ]);
    expect(out[0]!.lastUpdatedMs).toBeNull();
    expect(out[3]).toMatchObject({ priceUsd: 1.5, marketCapUsd: null });
  });
});

describe('normaliseCoingeckoSearch', () => {
  it('documented example: coins only, rank = market_cap_rank', () => {
    expect(normaliseCoingeckoSearch(ok(validate(CoingeckoSearchSchema, fixture('coingecko_search_doc_example.json'))))).toEqual([
      { id: 'ethereum', symbol: 'ETH', name: 'Ethereum', rank: 2 },
      { id: 'ethereum-classic', symbol: 'ETC', name: 'Ethereum Classic', rank: 27 },
      { id: 'sweth', symbol: 'SWETH', name: 'Swell Ethereum', rank: 142 },
    ]);
  });

  it('unranked → null; unusable ids dropped', () => {
    const body = ok(
      validate(CoingeckoSearchSchema, {
        coins: [
          { id: 'tao-x', name: 'x', symbol: 'tao', market_cap_rank: null },
          { id: '../etc', name: 'bad', symbol: 'BAD', market_cap_rank: 1 },
          { id: 'y', name: 'y', symbol: 'Y', market_cap_rank: 0 },
        ],
      }),
    );
    expect(normaliseCoingeckoSearch(body)).toEqual([
      { id: 'tao-x', symbol: 'TAO', name: 'x', rank: null },
      { id: 'y', symbol: 'Y', name: 'y', rank: null },
    ]);
  });
});

describe('normaliseCoingeckoMarketChart (closes only)', () => {
  it('documented example: the non-midnight "now" point is dropped; the 00:00 price of day D closes day D−1', () => {
    const cs = normaliseCoingeckoMarketChart(ok(validate(CoingeckoMarketChartSchema, fixture('coingecko_market_chart_doc_example.json'))));
    // points: 2024-03-31 00:00 → 69702.31…, 2024-04-01 00:00 → 71246.95…, 2024-04-01 14:48:02 (now) → dropped
    expect(cs.map((c) => c.t)).toEqual([Date.UTC(2024, 2, 30), Date.UTC(2024, 2, 31)]);
    expect(cs[0]).toMatchObject({ o: 69702.3087473573, h: 69702.3087473573, l: 69702.3087473573, c: 69702.3087473573 });
    expect(cs[1]!.c).toBe(71246.9514406015);
    // v: 24h USD volume / price (base units, approximate)
    expect(cs[0]!.v).toBeCloseTo(16408802301.8374 / 69702.3087473573, 6);
  });

  it('a final point exactly at midnight is kept', () => {
    const cs = normaliseCoingeckoMarketChart({ prices: [[Date.UTC(2026, 0, 2), 10], [Date.UTC(2026, 0, 3), 11]], total_volumes: null });
    expect(cs).toEqual([
      { t: Date.UTC(2026, 0, 1), o: 10, h: 10, l: 10, c: 10, v: 0 },
      { t: Date.UTC(2026, 0, 2), o: 11, h: 11, l: 11, c: 11, v: 0 },
    ]);
  });

  it('generated 200-day chart: 200 closed days whose closes equal the exchange candles of the same days', () => {
    const cs = normaliseCoingeckoMarketChart(ok(validate(CoingeckoMarketChartSchema, fixture('coingecko_market_chart_bittensor_generated.json'))));
    expect(cs).toHaveLength(200);
    for (let i = 1; i < cs.length; i++) expect(cs[i]!.t - cs[i - 1]!.t).toBe(DAY);
    const env = ok(validate(KucoinEnvelopeSchema, fixture('kucoin_candles_1day_TAO-USDT_generated.json')));
    const venue = normaliseKucoinCandles(ok(readKucoinEnvelope(env, KucoinCandlesSchema)));
    const closed = venue.slice(0, -1); // the venue's last candle is still open; CoinGecko has none for it
    expect(cs[cs.length - 1]!.t).toBe(closed[closed.length - 1]!.t);
    const byT = new Map(closed.map((c) => [c.t, c]));
    for (const c of cs) {
      const k = byT.get(c.t)!;
      expect(c.c).toBe(k.c);
      expect(c.v).toBeCloseTo(k.v, 3);
    }
  });
});

describe('coingeckoBase', () => {
  it('keyless, demo and pro', () => {
    expect(coingeckoBase()).toEqual({ host: 'api.coingecko.com', headers: {} });
    expect(coingeckoBase({ kind: 'demo', value: 'CG-demo123' })).toEqual({ host: 'api.coingecko.com', headers: { 'x-cg-demo-api-key': 'CG-demo123' } });
    expect(coingeckoBase({ kind: 'pro', value: ' CG-pro456 ' })).toEqual({ host: 'pro-api.coingecko.com', headers: { 'x-cg-pro-api-key': 'CG-pro456' } });
  });

  it('a key no header can carry is not sent', () => {
    for (const value of ['', 'a b', 'key\r\nx-evil: 1', 'ключ']) expect(coingeckoBase({ kind: 'pro', value })).toEqual({ host: 'api.coingecko.com', headers: {} });
  });
});

describe('fetchCoingeckoMarkets', () => {
  const body = fixtureText('coingecko_markets_bitcoin-ethereum.json');

  it('keyless: one call, documented params, no key anywhere, no cookies', async () => {
    const { fetch, calls } = fakeFetch(() => reply(body));
    const out = ok(await fetchCoingeckoMarkets({ ids: ['bitcoin', 'ethereum', 'bitcoin'] }, { fetch }));
    expect(out.map((m) => m.id)).toEqual(['bitcoin', 'ethereum']);
    expect(calls).toHaveLength(1);
    const { url, init } = calls[0]!;
    expect(url.origin).toBe('https://api.coingecko.com');
    expect(url.pathname).toBe('/api/v3/coins/markets');
    expect(Object.fromEntries(url.searchParams)).toEqual({ vs_currency: 'usd', ids: 'bitcoin,ethereum', price_change_percentage: '24h', per_page: '250' });
    expect(init?.credentials).toBe('omit');
    expect(Object.keys(headersOf(calls[0]!)).filter((k) => k.startsWith('x-cg'))).toEqual([]);
  });

  it('demo key goes in x-cg-demo-api-key, never in the URL', async () => {
    const { fetch, calls } = fakeFetch(() => reply(body));
    ok(await fetchCoingeckoMarkets({ ids: ['bitcoin'], key: { kind: 'demo', value: 'CG-secretdemo' } }, { fetch, headers: { 'x-other': '1' } }));
    expect(calls[0]!.url.host).toBe('api.coingecko.com');
    expect(calls[0]!.url.href).not.toContain('CG-secretdemo');
    expect(headersOf(calls[0]!)).toMatchObject({ 'x-cg-demo-api-key': 'CG-secretdemo', 'x-other': '1' });
  });

  it('pro key: pro-api host and x-cg-pro-api-key', async () => {
    const { fetch, calls } = fakeFetch(() => reply(body));
    ok(await fetchCoingeckoMarkets({ ids: ['bitcoin'], key: { kind: 'pro', value: 'CG-secretpro' } }, { fetch }));
    expect(calls[0]!.url.host).toBe('pro-api.coingecko.com');
    expect(calls[0]!.url.href).not.toContain('CG-secretpro');
    expect(headersOf(calls[0]!)['x-cg-pro-api-key']).toBe('CG-secretpro');
    expect(headersOf(calls[0]!)['x-cg-demo-api-key']).toBeUndefined();
  });

  it(`${COINGECKO_MAX_IDS} ids in one call; one more is refused without a request`, async () => {
    const ids = Array.from({ length: COINGECKO_MAX_IDS }, (_, i) => `coin-${i}`);
    const { fetch, calls } = fakeFetch(() => reply('[]'));
    expect(ok(await fetchCoingeckoMarkets({ ids }, { fetch }))).toEqual([]);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url.searchParams.get('ids')!.split(',')).toHaveLength(COINGECKO_MAX_IDS);
    expect(await fetchCoingeckoMarkets({ ids: [...ids, 'one-more'] }, { fetch })).toMatchObject({ ok: false, error: { kind: 'blocked' } });
    expect(calls).toHaveLength(1);
  });

  it('hostile or empty ids: no request', async () => {
    const { fetch, calls } = fakeFetch(() => reply(body));
    for (const bad of ['../bitcoin', 'bit coin', 'Bitcoin', 'a,b', 'a/b', '%2e%2e', 'биткоин', '', 'x'.repeat(101), 'a?b', 'a#b']) {
      expect(await fetchCoingeckoMarkets({ ids: ['bitcoin', bad] }, { fetch })).toEqual({ ok: false, error: { kind: 'not-found', message: 'invalid coin id' } });
    }
    expect(await fetchCoingeckoMarkets({ ids: [] }, { fetch })).toEqual({ ok: true, value: [] });
    expect(calls).toHaveLength(0);
  });

  it('401 (bad key) → http 401; 429 + Retry-After → rate-limited; HTML → parse', async () => {
    expect(await fetchCoingeckoMarkets({ ids: ['bitcoin'] }, { fetch: fakeFetch(() => reply('{"status":{"error_code":10002}}', 401)).fetch })).toMatchObject({
      ok: false,
      error: { kind: 'http', status: 401 },
    });
    expect(await fetchCoingeckoMarkets({ ids: ['bitcoin'] }, { fetch: fakeFetch(() => reply('{}', 429, { 'retry-after': '61' })).fetch })).toMatchObject({
      ok: false,
      error: { kind: 'rate-limited', retryAfterMs: 61_000 },
    });
    expect(await fetchCoingeckoMarkets({ ids: ['bitcoin'] }, { fetch: fakeFetch(() => new Response('<html>Just a moment...</html>', { status: 200 })).fetch })).toMatchObject({
      ok: false,
      error: { kind: 'parse' },
    });
    expect(await fetchCoingeckoMarkets({ ids: ['bitcoin'] }, { fetch: fakeFetch(() => reply({ error: 'nope' })).fetch })).toMatchObject({ ok: false, error: { kind: 'parse' } });
  });
});

describe('fetchCoingeckoSearch', () => {
  it('encodes the query; returns hits', async () => {
    const { fetch, calls } = fakeFetch(() => reply(fixtureText('coingecko_search_doc_example.json')));
    const hits = ok(await fetchCoingeckoSearch({ query: ' eth & co=1#x ', key: { kind: 'demo', value: 'CG-k' } }, { fetch }));
    expect(hits).toHaveLength(3);
    const { url } = calls[0]!;
    expect(url.pathname).toBe('/api/v3/search');
    expect(url.searchParams.get('query')).toBe('eth & co=1#x');
    expect(Array.from(url.searchParams.keys())).toEqual(['query']);
    expect(url.hash).toBe('');
    expect(headersOf(calls[0]!)['x-cg-demo-api-key']).toBe('CG-k');
  });

  it('empty, too long or control-character queries: no request', async () => {
    const { fetch, calls } = fakeFetch(() => reply('{"coins":[]}'));
    for (const query of ['', '   ', 'a'.repeat(101), 'tao\u0000', 'tao\nx']) {
      expect(await fetchCoingeckoSearch({ query }, { fetch })).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    }
    expect(calls).toHaveLength(0);
  });
});

describe('fetchCoingeckoDailyCloses', () => {
  it('builds /coins/{id}/market_chart?vs_currency=usd&days=200&interval=daily', async () => {
    const { fetch, calls } = fakeFetch(() => reply(fixtureText('coingecko_market_chart_bittensor_generated.json')));
    const cs = ok(await fetchCoingeckoDailyCloses({ id: 'bittensor' }, { fetch }));
    expect(cs).toHaveLength(200);
    const { url, init } = calls[0]!;
    expect(url.origin + url.pathname).toBe('https://api.coingecko.com/api/v3/coins/bittensor/market_chart');
    expect(Object.fromEntries(url.searchParams)).toEqual({ vs_currency: 'usd', days: '200', interval: 'daily' });
    expect(init?.credentials).toBe('omit');
  });

  it('hostile ids: no request; 404 → not-found', async () => {
    const { fetch, calls } = fakeFetch(() => reply('{"error":"coin not found"}', 404));
    for (const id of ['..', '../x', 'a/b', '%2F', 'A', 'ü']) {
      expect(await fetchCoingeckoDailyCloses({ id }, { fetch })).toMatchObject({ ok: false, error: { kind: 'not-found', message: 'invalid coin id' } });
    }
    expect(calls).toHaveLength(0);
    expect(await fetchCoingeckoDailyCloses({ id: 'no-such-coin' }, { fetch })).toMatchObject({ ok: false, error: { kind: 'not-found', status: 404 } });
  });
});
