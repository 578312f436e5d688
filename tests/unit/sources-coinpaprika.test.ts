/**
 * CoinPaprika source (keyless fallback): normalisers on the fixtures (tests/fixtures/market/) and
 * the fetch functions against an injected fake `fetch`.
 */
import { describe, expect, it } from 'vitest';
import type { Result } from '../../lib/types';
import { validate } from '../../lib/sources/http';
import { fakeFetch } from './helpers/fake-fetch';
import { fixtureText as loadFixtureText } from './helpers/fixtures';
import {
  CoinpaprikaSearchSchema,
  CoinpaprikaTickerSchema,
  fetchCoinpaprikaSearch,
  fetchCoinpaprikaTicker,
  normaliseCoinpaprikaSearch,
  normaliseCoinpaprikaTicker,
} from '../../lib/sources/coinpaprika';

const fixtureText = (name: string): string => loadFixtureText(`market/${name}`);
function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.kind}: ${r.error.message}`);
  return r.value;
}
const reply = (body: string, status = 200, headers: Record<string, string> = {}) => new Response(body, { status, headers });

describe('normaliseCoinpaprikaTicker', () => {
  it('ETH ticker: percent as is, max_supply 0 → null, no FDV, no image', () => {
    const t = normaliseCoinpaprikaTicker(ok(validate(CoinpaprikaTickerSchema, JSON.parse(fixtureText('coinpaprika_ticker_eth-ethereum.json')))));
    expect(t).toEqual({
      id: 'eth-ethereum',
      symbol: 'ETH',
      name: 'Ethereum',
      priceUsd: 173.00001891,
      marketCapUsd: 18938229376,
      fdvUsd: null,
      circulatingSupply: 109469522,
      totalSupply: 109469556,
      maxSupply: null,
      athUsd: 1432.88,
      change24hPct: 0.92,
      volume24hUsd: 8256159044.3763,
      lastUpdatedMs: Date.UTC(2020, 0, 28, 21, 56, 3),
      image: null,
    });
  });

  it('no USD quote: market fields null, identity kept', () => {
    const t = normaliseCoinpaprikaTicker(ok(validate(CoinpaprikaTickerSchema, { id: 'x-x', name: 'X', symbol: 'x', rank: 0, circulating_supply: 0, total_supply: 5, max_supply: null, last_updated: null })));
    expect(t).toMatchObject({ id: 'x-x', symbol: 'X', priceUsd: null, marketCapUsd: null, change24hPct: null, circulatingSupply: null, totalSupply: 5, lastUpdatedMs: null });
  });
});

describe('normaliseCoinpaprikaSearch', () => {
  it('rank 0 → null, inactive coins dropped, symbols upper-cased', () => {
    expect(normaliseCoinpaprikaSearch(ok(validate(CoinpaprikaSearchSchema, JSON.parse(fixtureText('coinpaprika_search_tao.json')))))).toEqual([
      { id: 'tao-bittensor', symbol: 'TAO', name: 'Bittensor', rank: 31 },
      { id: 'tao-taoswap', symbol: 'TAO', name: 'TaoSwap', rank: null },
      { id: 'wtao-wrapped-tao', symbol: 'WTAO', name: 'Wrapped TAO', rank: 1450 },
    ]);
  });

  it('a body without currencies is an empty list', () => {
    expect(normaliseCoinpaprikaSearch(ok(validate(CoinpaprikaSearchSchema, { exchanges: [] })))).toEqual([]);
  });
});

describe('fetchCoinpaprikaTicker', () => {
  it('GET https://api.coinpaprika.com/v1/tickers/{id}, no cookies, no key', async () => {
    const { fetch, calls } = fakeFetch(() => reply(fixtureText('coinpaprika_ticker_eth-ethereum.json')));
    expect(ok(await fetchCoinpaprikaTicker({ id: 'eth-ethereum' }, { fetch })).priceUsd).toBe(173.00001891);
    expect(calls[0]!.url.href).toBe('https://api.coinpaprika.com/v1/tickers/eth-ethereum');
    expect(calls[0]!.init?.credentials).toBe('omit');
  });

  it('hostile ids: no request; 404 → not-found; 429 → rate-limited; HTML → parse', async () => {
    const { fetch, calls } = fakeFetch(() => reply('{"error":"id not found"}', 404));
    for (const id of ['../x', 'a/b', '%2F', 'ETH-ETHEREUM', 'eth_ethereum', 'éth', '', 'a'.repeat(101), 'x?y']) {
      expect(await fetchCoinpaprikaTicker({ id }, { fetch })).toEqual({ ok: false, error: { kind: 'not-found', message: 'invalid coin id' } });
    }
    expect(calls).toHaveLength(0);
    expect(await fetchCoinpaprikaTicker({ id: 'nope-nope' }, { fetch })).toMatchObject({ ok: false, error: { kind: 'not-found', status: 404 } });
    expect(await fetchCoinpaprikaTicker({ id: 'tao-bittensor' }, { fetch: fakeFetch(() => reply('', 429, { 'retry-after': '120' })).fetch })).toMatchObject({
      ok: false,
      error: { kind: 'rate-limited', retryAfterMs: 120_000 },
    });
    expect(await fetchCoinpaprikaTicker({ id: 'tao-bittensor' }, { fetch: fakeFetch(() => reply('<html>502</html>')).fetch })).toMatchObject({
      ok: false,
      error: { kind: 'parse' },
    });
  });
});

describe('fetchCoinpaprikaSearch', () => {
  it('GET /v1/search?q=…&c=currencies with the query encoded', async () => {
    const { fetch, calls } = fakeFetch(() => reply(fixtureText('coinpaprika_search_tao.json')));
    expect(ok(await fetchCoinpaprikaSearch({ query: 'tao&c=exchanges' }, { fetch }))).toHaveLength(3);
    const { url } = calls[0]!;
    expect(url.origin + url.pathname).toBe('https://api.coinpaprika.com/v1/search');
    expect(Object.fromEntries(url.searchParams)).toEqual({ q: 'tao&c=exchanges', c: 'currencies' });
  });

  it('empty or control-character queries: no request', async () => {
    const { fetch, calls } = fakeFetch(() => reply('{}'));
    for (const query of ['', ' ', '\u0007', 'x'.repeat(101)]) expect((await fetchCoinpaprikaSearch({ query }, { fetch })).ok).toBe(false);
    expect(calls).toHaveLength(0);
  });
});
