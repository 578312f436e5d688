import { describe, expect, it } from 'vitest';
import { createEngine } from '../../lib/engine/engine';
import { SwrCache, memoryStore } from '../../lib/engine/cache';
import { defaultSettings, type Settings } from '../../lib/settings/schema';
import { KNOWN_ASSETS } from '../../lib/assets/overrides';
import { fakeFetch, reply, type Route } from './helpers/fake-fetch';
import { renderNotes } from './messages';

const NOW = Date.UTC(2026, 10, 28, 12);
const DAY = 86_400_000;

const SEARCH_HITS = {
  coins: [
    { id: 'io-net', symbol: 'IO', name: 'io.net', market_cap_rank: 150 },
    { id: 'iota-x', symbol: 'IO', name: 'Other IO', market_cap_rank: 900 },
    { id: 'bittensor', symbol: 'TAO', name: 'Bittensor', market_cap_rank: 30 },
    { id: 'zzz-coin', symbol: 'ZZZ', name: 'Sleepy Coin', market_cap_rank: 2000 },
  ],
};

const route: Route = (u) => {
    if (u.hostname === 'api.coingecko.com' && u.pathname === '/api/v3/search') {
      const q = (u.searchParams.get('query') ?? '').toLowerCase();
      return reply({ coins: SEARCH_HITS.coins.filter((c) => c.name.toLowerCase().includes(q) || c.symbol.toLowerCase() === q) });
    }
    if (u.hostname === 'api.coingecko.com' && u.pathname === '/api/v3/coins/list') return reply([{ id: 'bittensor', symbol: 'tao', name: 'Bittensor' }]);
    if (u.hostname === 'api.coingecko.com' && u.pathname === '/api/v3/coins/markets') {
      const ids = (u.searchParams.get('ids') ?? '').split(',');
      return Response.json(ids.map((id) => ({ id, symbol: id.slice(0, 3), name: id, current_price: 2, market_cap: 100, fully_diluted_valuation: 200, total_volume: 5, price_change_percentage_24h: 1, circulating_supply: 50, total_supply: 100, max_supply: 100, ath: 4, last_updated: new Date(NOW).toISOString() })));
    }
    if (u.hostname === 'api.kucoin.com' && u.pathname === '/api/v1/market/stats') {
      return Response.json({ code: '200000', data: { time: NOW, symbol: 'TAO-USDT', last: '400', changeRate: '0.01', vol: '10', volValue: '4000' } });
    }
    if (u.hostname === 'api.kucoin.com' && u.pathname === '/api/v1/market/candles') {
      const rows = Array.from({ length: 120 }, (_, i) => [String((Math.floor(NOW / DAY) * DAY - i * DAY) / 1000), '1', String(300 + (i % 7)), '310', '290', '1', '1']);
      return Response.json({ code: '200000', data: rows });
    }
    return undefined;
};

function engine(settings: Settings, net = fakeFetch(route)) {
  return { net, ...createEngine({ cache: new SwrCache({ store: memoryStore(), now: () => NOW }), fetch: net.fetch, now: () => NOW, settings: async () => settings }) };
}

describe('engine', () => {
  it('a KuCoin TAO/USDT bundle: venue price, CoinGecko valuation, KuCoin technicals', async () => {
    const b = await engine(defaultSettings()).getBundle({ venue: 'kucoin', base: 'TAO', quote: 'USDT', market: 'spot' }, true);
    const v = (id: string) => b.metrics.find((m) => m.id === id);
    expect(v('price')).toMatchObject({ value: 400, source: 'kucoin' });
    expect(v('change24h')?.value).toBeCloseTo(1, 10);
    expect(v('marketCap')).toMatchObject({ value: 100, source: 'coingecko' });
    expect(v('sma50')).toMatchObject({ source: 'kucoin' });
    expect(b.candlesFrom).toBe('kucoin');
    expect(b.asset).toMatchObject({ id: 'bittensor' });
  });

  it('a CoinGecko key travels only in a header, never in a URL or in what the UI receives', async () => {
    const s = defaultSettings();
    s.apiKeys = { coingecko: 'CG-secret123', coingeckoPlan: 'demo', taostats: 'tao-secret:456' };
    const e = engine(s);
    const b = await e.getBundle({ venue: 'kucoin', base: 'TAO', quote: 'USDT', market: 'spot' }, true);
    const cg = e.net.to('api.coingecko.com');
    expect(cg.length).toBeGreaterThan(0);
    for (const c of e.net.calls) expect(c.href).not.toContain('secret');
    expect(cg.every((c) => c.headers['x-cg-demo-api-key'] === 'CG-secret123')).toBe(true);
    expect(JSON.stringify(b)).not.toContain('secret');
  });

  it('a 20-token watchlist refresh is ONE market-data request', async () => {
    const tickers = Object.keys(KNOWN_ASSETS).filter((t) => t !== 'IO' && t !== 'ATH').slice(0, 20);
    expect(tickers).toHaveLength(20);
    const e = engine(defaultSettings());
    const rows = await e.quotes(tickers);
    expect(rows.filter((r) => r.priceUsd === 2)).toHaveLength(20);
    expect(e.net.calls.filter((c) => c.url.pathname.endsWith('/coins/markets'))).toHaveLength(1);
    expect(e.net.calls).toHaveLength(1);
  });

  it('quotes: an unknown ticker gets a row with the reason, not a price', async () => {
    const rows = await engine(defaultSettings()).quotes(['TAO', 'NOPE']);
    expect(rows[0]).toMatchObject({ symbol: 'TAO', assetId: 'bittensor', priceUsd: 2 });
    expect(rows[1]).toMatchObject({ symbol: 'NOPE', assetId: null, priceUsd: null, error: 'unknown ticker' });
  });

  it('lookup: a name that is not a ticker is searched and the best-ranked hit is shown', async () => {
    const b = await engine(defaultSettings()).lookup('Sleepy', undefined, true);
    expect(b.asset).toMatchObject({ id: 'zzz-coin', symbol: 'ZZZ' });
    expect(b.assetVia).toBe('search');
  });

  it('lookup: an id picked from the suggestions is used as is (the user’s choice)', async () => {
    const b = await engine(defaultSettings()).lookup('io', 'iota-x', true);
    expect(b.asset).toMatchObject({ id: 'iota-x', symbol: 'IO' });
    expect(b.assetVia).toBe('user');
  });

  it('lookup: an ambiguous ticker keeps the built-in default and offers the others', async () => {
    const b = await engine(defaultSettings()).lookup('IO', undefined, true);
    expect(b.asset?.id).toBe('io-net');
    expect(b.alternatives.map((a) => a.id)).toContain('iota-x');
  });

  it('lookup: nothing matches → unsupported, with the query in the note', async () => {
    const e = createEngine({ cache: new SwrCache({ store: memoryStore(), now: () => NOW }), fetch: fakeFetch((u) => (u.pathname === '/api/v3/search' ? reply({ coins: [] }) : undefined)).fetch, now: () => NOW, settings: async () => defaultSettings() });
    const b = await e.lookup('qwertyuiop', undefined, true);
    expect(b.state).toBe('unsupported');
    expect(renderNotes(b.notes)).toContain('Nothing matches “qwertyuiop”.');
  });

  it('search down: a colliding ticker keeps its built-in default; an unknown one says search failed', async () => {
    const down = fakeFetch((u) => (u.pathname === '/api/v3/search' ? reply('{}', 503) : route(u, undefined)));
    const e = createEngine({ cache: new SwrCache({ store: memoryStore(), now: () => NOW }), fetch: down.fetch, now: () => NOW, settings: async () => defaultSettings() });
    expect((await e.lookup('IO', undefined, true)).asset?.id).toBe('io-net');
    const b = await e.lookup('NOPE', undefined, true);
    expect(b.asset).toBeNull();
    expect(renderNotes(b.notes)).toContain('Could not look up which asset NOPE is: CoinGecko search failed.');
    expect(b.state).toBe('error'); // nothing to show at all, and not "unsupported": it may exist
  });

  it('suggest: from the cached coin list first (no search request), search when the list has no match', async () => {
    const e = engine(defaultSettings());
    expect((await e.suggest('bitt')).map((h) => h.id)).toEqual(['bittensor']);
    expect(e.net.calls.filter((c) => c.url.pathname === '/api/v3/search')).toHaveLength(0);
    expect((await e.suggest('sleepy')).map((h) => h.id)).toContain('zzz-coin');
    expect(e.net.calls.filter((c) => c.url.pathname === '/api/v3/coins/list')).toHaveLength(1);
  });

  it('compare: bundles in the order asked, unknown tickers as unsupported bundles, one batched market call', async () => {
    const e = engine(defaultSettings());
    const out = await e.compare(['TAO', 'NOPE', 'FIL'], true);
    expect(out.map((b) => b.asset?.id ?? null)).toEqual(['bittensor', null, 'filecoin']);
    expect(out[1]?.state).toBe('unsupported');
    expect(e.net.calls.filter((c) => c.url.pathname.endsWith('/coins/markets') && c.url.searchParams.get('ids')?.includes(','))).toHaveLength(1);
  });
});
