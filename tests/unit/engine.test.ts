import { describe, expect, it } from 'vitest';
import { createEngine } from '../../lib/engine/engine';
import { SwrCache, memoryStore } from '../../lib/engine/cache';
import { defaultSettings, type Settings } from '../../lib/settings/schema';
import { KNOWN_ASSETS } from '../../lib/assets/overrides';

const NOW = Date.UTC(2026, 10, 28, 12);
const DAY = 86_400_000;

function router(calls: Array<{ url: string; headers: Record<string, string> }>) {
  return async (input: string, init?: RequestInit): Promise<Response> => {
    calls.push({ url: input, headers: Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v])) });
    const u = new URL(input);
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
    return new Response('not found', { status: 404 });
  };
}

function engine(settings: Settings, calls: Array<{ url: string; headers: Record<string, string> }>) {
  return createEngine({ cache: new SwrCache({ store: memoryStore(), now: () => NOW }), fetch: router(calls), now: () => NOW, settings: async () => settings });
}

describe('engine', () => {
  it('a KuCoin TAO/USDT bundle: venue price, CoinGecko valuation, KuCoin technicals', async () => {
    const calls: Array<{ url: string; headers: Record<string, string> }> = [];
    const b = await engine(defaultSettings(), calls).getBundle({ venue: 'kucoin', base: 'TAO', quote: 'USDT', market: 'spot' }, true);
    const v = (id: string) => b.metrics.find((m) => m.id === id);
    expect(v('price')).toMatchObject({ value: 400, source: 'kucoin' });
    expect(v('change24h')?.value).toBeCloseTo(1, 10);
    expect(v('marketCap')).toMatchObject({ value: 100, source: 'coingecko' });
    expect(v('sma50')).toMatchObject({ source: 'kucoin' });
    expect(b.candlesFrom).toBe('kucoin');
    expect(b.asset).toMatchObject({ id: 'bittensor' });
  });

  it('a CoinGecko key travels only in a header, never in a URL or in what the UI receives', async () => {
    const calls: Array<{ url: string; headers: Record<string, string> }> = [];
    const s = defaultSettings();
    s.apiKeys = { coingecko: 'CG-secret123', coingeckoPlan: 'demo', taostats: 'tao-secret:456' };
    const e = engine(s, calls);
    const b = await e.getBundle({ venue: 'kucoin', base: 'TAO', quote: 'USDT', market: 'spot' }, true);
    const cg = calls.filter((c) => c.url.includes('coingecko'));
    expect(cg.length).toBeGreaterThan(0);
    for (const c of calls) {
      expect(c.url).not.toContain('secret');
    }
    expect(cg.every((c) => c.headers['x-cg-demo-api-key'] === 'CG-secret123')).toBe(true);
    expect(JSON.stringify(b)).not.toContain('secret');
  });

  it('a 20-token watchlist refresh is ONE market-data request', async () => {
    const calls: Array<{ url: string; headers: Record<string, string> }> = [];
    const tickers = Object.keys(KNOWN_ASSETS).filter((t) => t !== 'IO' && t !== 'ATH').slice(0, 20);
    expect(tickers).toHaveLength(20);
    const rows = await engine(defaultSettings(), calls).quotes(tickers);
    expect(rows.filter((r) => r.priceUsd === 2)).toHaveLength(20);
    expect(calls.filter((c) => c.url.includes('/coins/markets'))).toHaveLength(1);
    expect(calls).toHaveLength(1);
  });
});
