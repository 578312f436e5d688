/**
 * Every fallback chain of the engine, through the real sources and cache, with one fake fetch:
 * CoinGecko → CoinPaprika (market), venue → Binance mirror → CoinGecko closes (candles),
 * DePIN source → DePINscan (network), and Taostats without a key (no request at all).
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../lib/engine/engine';
import { firstUsable } from '../../lib/engine/first-usable';
import { NETWORK_SOURCES, networkFeed } from '../../lib/engine/network';
import { feedContext } from '../../lib/engine/context';
import { SwrCache, memoryStore } from '../../lib/engine/cache';
import { networkSources } from '../../lib/sources/network-registry';
import { defaultSettings, type Settings } from '../../lib/settings/schema';
import type { Bundle } from '../../lib/engine/bundle';
import { byPath, fakeFetch, reply, textReply, type Route } from './helpers/fake-fetch';
import { fixtureJson, fixtureText } from './helpers/fixtures';
import { answerRpc } from './helpers/fake-subtensor';
import { metricNote, renderNotes } from './messages';

const NOW = Date.UTC(2026, 6, 28, 14);

const cgMarkets = (ids: string[]) =>
  ids.map((id) => ({ id, symbol: 'tao', name: 'Bittensor', current_price: 300, market_cap: 3e9, fully_diluted_valuation: 6e9, total_volume: 1e8, price_change_percentage_24h: 2, circulating_supply: 1e7, total_supply: 2.1e7, max_supply: 2.1e7, ath: 700, last_updated: new Date(NOW).toISOString() }));

const paprikaTicker = (() => {
  const eth = fixtureJson('market/coinpaprika_ticker_eth-ethereum.json') as Record<string, unknown>;
  return { ...eth, id: 'tao-bittensor', name: 'Bittensor', symbol: 'TAO' };
})();

const ROUTES = {
  coingeckoMarkets: (u: URL) => reply(cgMarkets((u.searchParams.get('ids') ?? '').split(','))),
  coingeckoRefuses: () => reply({ status: { error_code: 429, error_message: 'rate limited' } }, 429),
  paprikaSearch: () => reply(fixtureText('market/coinpaprika_search_tao.json')),
  paprikaTicker: () => reply(paprikaTicker),
  kucoinStats: () => reply({ code: '200000', data: { time: NOW, symbol: 'TAO-USDT', last: '301', changeRate: '0.01', vol: '10', volValue: '3010' } }),
  kucoinCandles: () => reply(fixtureText('market/kucoin_candles_1day_TAO-USDT_generated.json')),
  mirrorKlines: () => reply(fixtureText('market/binance_klines_1d_TAOUSDT_generated.json')),
  geckoCloses: () => reply(fixtureText('market/coingecko_market_chart_bittensor_generated.json')),
  down: () => textReply('upstream error', 500),
};

const P = {
  cgMarkets: 'api.coingecko.com/api/v3/coins/markets',
  cgCloses: 'api.coingecko.com/api/v3/coins/bittensor/market_chart',
  paprikaSearch: 'api.coinpaprika.com/v1/search',
  paprikaTicker: 'api.coinpaprika.com/v1/tickers/tao-bittensor',
  kucoinStats: 'api.kucoin.com/api/v1/market/stats',
  kucoinCandles: 'api.kucoin.com/api/v1/market/candles',
  mirrorKlines: 'data-api.binance.vision/api/v3/klines',
  heliumHotspots: 'entities.nft.helium.io/v2/hotspots/pagination-metadata',
  depinscan: 'metrics-api.w3bstream.com/project',
  taostats: 'api.taostats.io/api/subnet/latest/v1',
  subtensor: 'entrypoint-finney.opentensor.ai/',
};

function setup(route: Route, settings: Settings = defaultSettings()) {
  const net = fakeFetch(route);
  const engine = createEngine({ cache: new SwrCache({ store: memoryStore(), now: () => NOW }), fetch: net.fetch, now: () => NOW, settings: async () => settings });
  return { engine, net };
}

const TAO_ON_KUCOIN = { venue: 'kucoin', base: 'TAO', quote: 'USDT', market: 'spot' } as const;
const metric = (b: Bundle, id: string) => b.metrics.find((m) => m.id === id);

describe('firstUsable', () => {
  it('stops at the first usable answer: later attempts make no call', async () => {
    const ran: number[] = [];
    const attempt = (n: number) => async () => (ran.push(n), n);
    expect(await firstUsable([attempt(1), attempt(2), attempt(3)], (n) => n === 2)).toBe(2);
    expect(ran).toEqual([1, 2]);
  });

  it('when nothing is usable, answers the FIRST attempt (the primary source’s error)', async () => {
    expect(await firstUsable([async () => 'primary failed', async () => 'fallback failed'], () => false)).toBe('primary failed');
  });

  it('no attempts: undefined', async () => {
    expect(await firstUsable<number>([], () => true)).toBeUndefined();
  });
});

describe('market: CoinGecko → CoinPaprika', () => {
  it('CoinGecko refuses (429): valuation comes from CoinPaprika, labelled so', async () => {
    const { engine, net } = setup(byPath({ [P.cgMarkets]: ROUTES.coingeckoRefuses, [P.paprikaSearch]: ROUTES.paprikaSearch, [P.paprikaTicker]: ROUTES.paprikaTicker }));
    const b = await engine.lookup('TAO', undefined, true);
    expect(metric(b, 'marketCap')).toMatchObject({ value: 18938229376, source: 'coinpaprika' });
    expect(b.sources).toContainEqual(expect.objectContaining({ source: 'coinpaprika', what: 'w_market_fallback', ok: true }));
    expect(b.sources.some((s) => s.source === 'coingecko' && s.what === 'w_market')).toBe(false);
    expect(net.to('api.coinpaprika.com').map((c) => c.url.pathname)).toEqual(['/v1/search', '/v1/tickers/tao-bittensor']);
  });

  it('CoinGecko answers: CoinPaprika is never asked', async () => {
    const { engine, net } = setup(byPath({ [P.cgMarkets]: ROUTES.coingeckoMarkets, [P.paprikaSearch]: ROUTES.paprikaSearch }));
    const b = await engine.lookup('TAO', undefined, true);
    expect(metric(b, 'marketCap')).toMatchObject({ value: 3e9, source: 'coingecko' });
    expect(net.to('api.coinpaprika.com')).toHaveLength(0);
  });

  it('CoinGecko says "not listed": an answer, not an outage: no CoinPaprika call', async () => {
    const { engine, net } = setup(byPath({ [P.cgMarkets]: () => reply([]), [P.paprikaSearch]: ROUTES.paprikaSearch, [P.paprikaTicker]: ROUTES.paprikaTicker }));
    const b = await engine.lookup('TAO', undefined, true);
    expect(metric(b, 'marketCap')?.value).toBeNull();
    expect(b.sources).toContainEqual(expect.objectContaining({ source: 'coingecko', what: 'w_market', ok: false, error: 'not listed', absent: true }));
    expect(net.to('api.coinpaprika.com')).toHaveLength(0);
  });

  it('both refuse: the CoinGecko error is what the user reads', async () => {
    const { engine } = setup(byPath({ [P.cgMarkets]: ROUTES.coingeckoRefuses, [P.paprikaSearch]: ROUTES.down }));
    const b = await engine.lookup('TAO', undefined, true);
    expect(b.sources).toContainEqual(expect.objectContaining({ source: 'coingecko', what: 'w_market', ok: false, error: 'rate-limited (HTTP 429)' }));
    expect(b.sources.some((s) => s.source === 'coinpaprika')).toBe(false);
  });
});

describe('candles: venue → Binance mirror → CoinGecko closes', () => {
  it('the venue answers: its candles, nothing else asked', async () => {
    const { engine, net } = setup(byPath({ [P.cgMarkets]: ROUTES.coingeckoMarkets, [P.kucoinStats]: ROUTES.kucoinStats, [P.kucoinCandles]: ROUTES.kucoinCandles, [P.mirrorKlines]: ROUTES.mirrorKlines }));
    const b = await engine.getBundle(TAO_ON_KUCOIN, true);
    expect(b.candlesFrom).toBe('kucoin');
    expect(net.to('data-api.binance.vision')).toHaveLength(0);
  });

  it('venue candles fail: the Binance mirror’s TAOUSDT, and a note says why', async () => {
    const { engine, net } = setup(byPath({ [P.cgMarkets]: ROUTES.coingeckoMarkets, [P.kucoinStats]: ROUTES.kucoinStats, [P.kucoinCandles]: ROUTES.down, [P.mirrorKlines]: ROUTES.mirrorKlines, [P.cgCloses]: ROUTES.geckoCloses }));
    const b = await engine.getBundle(TAO_ON_KUCOIN, true);
    expect(b.candlesFrom).toBe('binance');
    expect(typeof metric(b, 'sma50')?.value).toBe('number');
    expect(metric(b, 'sma50')?.source).toBe('binance');
    expect(net.to('data-api.binance.vision')[0]?.url.searchParams.get('symbol')).toBe('TAOUSDT');
    expect(net.calls.some((c) => c.url.pathname.endsWith('/market_chart'))).toBe(false);
    expect(renderNotes(b.notes)).toContain('Technicals use Binance daily candles (KuCoin candles unavailable).');
  });

  it('venue and mirror fail: CoinGecko daily closes', async () => {
    const { engine } = setup(byPath({ [P.cgMarkets]: ROUTES.coingeckoMarkets, [P.kucoinStats]: ROUTES.kucoinStats, [P.kucoinCandles]: ROUTES.down, [P.mirrorKlines]: ROUTES.down, [P.cgCloses]: ROUTES.geckoCloses }));
    const b = await engine.getBundle(TAO_ON_KUCOIN, true);
    expect(b.candlesFrom).toBe('coingecko');
    expect(metric(b, 'rsi14')?.source).toBe('coingecko');
  });

  it('all three fail: the venue’s failure is reported, no technicals', async () => {
    const { engine } = setup(byPath({ [P.cgMarkets]: ROUTES.coingeckoMarkets, [P.kucoinStats]: ROUTES.kucoinStats, [P.kucoinCandles]: ROUTES.down, [P.mirrorKlines]: ROUTES.down, [P.cgCloses]: ROUTES.down }));
    const b = await engine.getBundle(TAO_ON_KUCOIN, true);
    expect(b.candlesFrom).toBeNull();
    expect(b.sources).toContainEqual(expect.objectContaining({ source: 'kucoin', what: 'w_candles', ok: false }));
    expect(metric(b, 'sma50')?.value).toBeNull();
    expect(metricNote(metric(b, 'sma50'))).toBe('KuCoin candles unavailable');
  });

  it('a pair not quoted in USD skips the venue: the mirror’s USDT pair', async () => {
    const { engine, net } = setup(byPath({ [P.cgMarkets]: ROUTES.coingeckoMarkets, [P.mirrorKlines]: ROUTES.mirrorKlines }));
    const b = await engine.getBundle({ venue: 'kucoin', base: 'TAO', quote: 'BTC', market: 'spot' }, true);
    expect(b.candlesFrom).toBe('binance');
    expect(net.to('api.kucoin.com').some((c) => c.url.pathname.endsWith('/candles'))).toBe(false);
  });

  it('a leveraged token gets CoinGecko closes only (its own candles are not the asset’s)', async () => {
    const { engine, net } = setup(byPath({ [P.cgMarkets]: ROUTES.coingeckoMarkets, [P.mirrorKlines]: ROUTES.mirrorKlines, [P.cgCloses]: ROUTES.geckoCloses }));
    const b = await engine.getBundle({ ...TAO_ON_KUCOIN, leveraged: true }, true);
    expect(b.candlesFrom).toBe('coingecko');
    expect(net.to('data-api.binance.vision')).toHaveLength(0);
  });
});

describe('network: the table of DePIN sources', () => {
  it('every source an asset lists has a row in the table', () => {
    for (const ids of Object.values(networkSources)) for (const id of ids) expect(NETWORK_SOURCES[id]).toBeDefined();
  });

  it('Helium’s own API fails: DePINscan’s figure for helium', async () => {
    const { engine, net } = setup(
      byPath({ [P.cgMarkets]: ROUTES.coingeckoMarkets, [P.heliumHotspots]: ROUTES.down, [P.depinscan]: () => reply(fixtureText('fundamentals/depinscan_projects_synthetic.json')) }),
    );
    const b = await engine.lookup('HNT', undefined, true);
    const net1 = b.metrics.filter((m) => m.group === 'network');
    expect(net1.length).toBeGreaterThan(0);
    expect(net1.every((m) => m.source === 'depinscan')).toBe(true);
    expect(net.to('entities.nft.helium.io').length).toBeGreaterThan(0);
  });

  it('TAO with no key: subnets and registered neurons from the chain, Taostats not called', async () => {
    const chain = { totalNetworks: 4, blockEmissionRao: 500_000_000, subnetworkN: { 0: 64, 1: 256, 2: 256, 3: 128 } };
    const { engine, net } = setup(byPath({ [P.cgMarkets]: ROUTES.coingeckoMarkets, [P.subtensor]: (_u, init) => reply(answerRpc(chain, String(init?.body))) }));
    const b = await engine.lookup('TAO', undefined, true);
    expect(net.to('api.taostats.io')).toHaveLength(0);
    expect(net.to('entrypoint-finney.opentensor.ai')).toHaveLength(1); // one batched request
    expect(metric(b, 'network:subnets')).toMatchObject({ value: 3, source: 'subtensor' });
    expect(metric(b, 'network:neurons')).toMatchObject({ value: 640, source: 'subtensor', label: expect.stringContaining('registered neurons') });
    // A second look within the cache window costs no request.
    await engine.lookup('TAO', undefined, false);
    expect(net.to('entrypoint-finney.opentensor.ai')).toHaveLength(1);
  });

  it('TAO with the chain unreachable and no key: Taostats is not called, the figures are absent', async () => {
    const { engine, net } = setup(byPath({ [P.cgMarkets]: ROUTES.coingeckoMarkets, [P.taostats]: () => reply(fixtureText('fundamentals/taostats_subnet_latest_synthetic.json')) }));
    const b = await engine.lookup('TAO', undefined, true);
    expect(net.to('api.taostats.io')).toHaveLength(0);
    expect(net.to('archive.chain.opentensor.ai')).toHaveLength(1); // the fallback host was tried
    expect(b.metrics.some((m) => m.group === 'network')).toBe(false);
  });

  it('Taostats without a key: no request, a blocked answer that says what unlocks it (not an outage)', async () => {
    const net = fakeFetch(byPath({ [P.taostats]: () => reply(fixtureText('fundamentals/taostats_subnet_latest_synthetic.json')) }));
    const ctx = feedContext({ cache: new SwrCache({ store: memoryStore(), now: () => NOW }), fetch: net.fetch, now: () => NOW, settings: async () => defaultSettings() });
    const asset = { id: 'bittensor', symbol: 'TAO', name: 'Bittensor', via: 'override' as const, alternatives: [] };
    const feed = await networkFeed(ctx, asset, ['taostats'], defaultSettings(), 'await');
    expect(net.to('api.taostats.io')).toHaveLength(0);
    expect(feed?.source).toBe('taostats');
    expect(feed?.result).toMatchObject({ ok: false, error: { kind: 'blocked', message: 'needs a free Taostats API key (options page)' } });
  });

  it('Taostats with a key: the key travels in the authorization header only; the cache key hides it', async () => {
    const s = defaultSettings();
    s.apiKeys = { ...s.apiKeys, taostats: 'tao-secret:123' };
    const { engine, net } = setup(byPath({ [P.cgMarkets]: ROUTES.coingeckoMarkets, [P.taostats]: () => reply(fixtureText('fundamentals/taostats_subnet_latest_synthetic.json')) }), s);
    const b = await engine.lookup('TAO', undefined, true);
    const [call] = net.to('api.taostats.io');
    expect(call?.headers.authorization).toBe('tao-secret:123');
    expect(call?.url.href).not.toContain('secret');
    expect(b.metrics.find((m) => m.id === 'network:subnets')?.source).toBe('taostats');
    expect(NETWORK_SOURCES.taostats.cacheKey({ id: 'bittensor', symbol: 'TAO', name: 'Bittensor', via: 'override', alternatives: [] }, s)).not.toContain('secret');
  });
});

describe('fees: DefiLlama /overview/fees totals when the per-protocol summary fails', () => {
  it('a failing summary is replaced by the overview row’s total24h / total30d, labelled; an unknown slug is not', async () => {
    const overview = (u: URL) =>
      reply({ protocols: [{ slug: 'filecoin', name: 'Filecoin', total24h: u.searchParams.get('dataType') === 'dailyRevenue' ? 40 : 400, total30d: u.searchParams.get('dataType') === 'dailyRevenue' ? 1200 : 12_000 }] });
    const { engine, net } = setup(
      byPath({
        [P.cgMarkets]: ROUTES.coingeckoMarkets,
        'api.llama.fi/summary/fees/filecoin': () => reply('<html>502 Bad Gateway</html>', 502),
        'api.llama.fi/overview/fees': overview,
      }),
    );
    const b = await engine.lookup('FIL', 'filecoin', true);
    expect(metric(b, 'fees24h')).toMatchObject({ value: 400, source: 'defillama' });
    expect(metric(b, 'fees30d')?.value).toBe(12_000);
    expect(metric(b, 'revenue30d')?.value).toBe(1200);
    expect(metricNote(metric(b, 'revenue30d'))).toBe("DefiLlama's own overview total (daily history unavailable)");
    expect(net.to('api.llama.fi').some((c) => c.url.pathname === '/overview/fees' && c.url.searchParams.get('dataType') === 'dailyRevenue')).toBe(true);
  });
});
