/**
 * Fake answers of the seed networks' keyless sources (DATA-SOURCES.md, "The seed's networks"):
 * a Subtensor JSON-RPC node (batched POST, SCALE little-endian values), the io.net explorer, the
 * Aethir dashboard and the Render Foundation burn stats, plus CoinGecko / KuCoin answers for IO and
 * ATH. Values are invented; the tests compute the expected figures from these same records.
 */
import type { FakeServer } from './fake-server';
import { coingeckoRow, kucoinCandles, walk, type FakeToken } from './fake-market';

const DAY = 86_400_000;

export const SEED_TOKENS: Record<'IO' | 'ATH', FakeToken> = {
  IO: {
    id: 'io-net', symbol: 'io', name: 'io.net', cgPrice: 0.61, venuePrice: 0.612, venueChangeRate: 0.02,
    venueVolBase: 9_000_000, venueVolQuote: 5_508_000, marketCap: 140_000_000, fdv: 488_000_000, circulating: 230_000_000,
    total: 800_000_000, max: 800_000_000, ath: 6.48, cgChangePct: 1.9, cgVolume: 40_000_000, closes: walk(41, 220, 0.6),
  },
  ATH: {
    id: 'aethir', symbol: 'ath', name: 'Aethir', cgPrice: 0.031, venuePrice: 0.0311, venueChangeRate: -0.01,
    venueVolBase: 300_000_000, venueVolQuote: 9_330_000, marketCap: 380_000_000, fdv: 1_300_000_000, circulating: 12_000_000_000,
    total: 42_000_000_000, max: 42_000_000_000, ath: 0.11, cgChangePct: -1.1, cgVolume: 30_000_000, closes: walk(43, 220, 0.03),
  },
};

export const IONET = { total: 326_712, active: 41_873, runningClusters: 1287, totalEarnings: 27_120_000 };
/** Aethir daily compute revenue, oldest first, ending YESTERDAY; plus today's partial day */
export const AETHIR_DAYS = Array.from({ length: 40 }, (_, i) => 40_000 + 100 * i);
export const AETHIR_TODAY = 7;
export const RENDER_EPOCHS = Array.from({ length: 30 }, (_, i) => ({ id: i + 1, burnedRender: 1000 + 10 * (i + 1) }));

export interface SeedOptions {
  /** the io.net inventory route answers a body of another shape */
  ionetInventoryMalformed?: boolean;
  nowMs?: () => number;
}

export function installSeedNetworkFakes(server: FakeServer, opts: SeedOptions = {}): void {
  const now = opts.nowMs ?? Date.now;
  server.on('api.io.solutions', ({ path }) => {
    if (path === '/v1/io-explorer/network/inventory-aggregated') {
      return opts.ionetInventoryMalformed ? { body: { data: 'maintenance', message: 'try later' } } : { body: { data: { total: IONET.total, active: IONET.active, passive: IONET.total - IONET.active } } };
    }
    if (path === '/v1/io-explorer/network/info/clusters') {
      return { body: { data: { running_clusters: IONET.runningClusters, total_earnings: IONET.totalEarnings, total_compute_hours_served: 5_200_000 } } };
    }
    return undefined;
  });

  server.on('dashboard-api.aethir.com', ({ path }) => {
    if (path !== '/protocol/demand-metrics/historical-network-revenue') return undefined;
    const today = Math.floor(now() / DAY) * DAY;
    const rows = AETHIR_DAYS.map((usdValue, i) => ({ date: new Date(today - (AETHIR_DAYS.length - i) * DAY).toISOString().slice(0, 10), usdValue }));
    rows.push({ date: new Date(today).toISOString().slice(0, 10), usdValue: AETHIR_TODAY });
    return { body: { dailyRevenue: rows } };
  });

  server.on('stats.renderfoundation.com', ({ path }) => (path === '/epoch-burn-stats-data.json' ? { body: RENDER_EPOCHS } : undefined));

  // CoinGecko and KuCoin for IO and ATH (later handlers win; anything else falls through).
  const seed = Object.values(SEED_TOKENS);
  server.on('api.coingecko.com', ({ path, query }) => {
    if (path === '/api/v3/coins/markets') {
      const ids = (query.get('ids') ?? '').split(',');
      const rows = seed.filter((t) => ids.includes(t.id));
      return rows.length > 0 && rows.length === ids.length ? { body: rows.map((t) => coingeckoRow(t, now())) } : undefined;
    }
    if (path === '/api/v3/search') {
      const q = (query.get('query') ?? '').toLowerCase();
      const hit = seed.find((t) => t.symbol === q);
      if (!hit) return undefined;
      return { body: { coins: [{ id: hit.id, name: hit.name, api_symbol: hit.id, symbol: hit.symbol.toUpperCase(), market_cap_rank: 200, thumb: '', large: '' }], exchanges: [], icos: [], categories: [], nfts: [] } };
    }
    return undefined;
  });
  server.on('api.kucoin.com', ({ path, query }) => {
    const t = seed.find((x) => `${x.symbol.toUpperCase()}-USDT` === query.get('symbol'));
    if (!t) return undefined;
    if (path === '/api/v1/market/stats') {
      return { body: { code: '200000', data: { time: now(), symbol: query.get('symbol'), changeRate: String(t.venueChangeRate), vol: String(t.venueVolBase), volValue: String(t.venueVolQuote), last: String(t.venuePrice) } } };
    }
    if (path === '/api/v1/market/candles') return { body: { code: '200000', data: kucoinCandles(t, now()) } };
    return undefined;
  });
}
