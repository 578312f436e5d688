/**
 * Market data served by the fake APIs in end-to-end tests, written in each provider's wire
 * format (shapes from ../shared/DATA-SOURCES.md and the recorded payloads in tests/fixtures).
 * Values are invented but realistic; tests compute what the overlay must show from these same
 * token records with their own arithmetic, never by reading the extension's output back.
 */
import type { FakeServer } from './fake-server';
import { answerRpc, type FakeChain } from '../unit/helpers/fake-subtensor';

export interface FakeToken {
  id: string; // CoinGecko id
  symbol: string;
  name: string;
  /** CoinGecko price, USD */
  cgPrice: number;
  /** exchange last price, USD (differs slightly from CoinGecko on purpose) */
  venuePrice: number;
  /** exchange 24h change as a FRACTION (KuCoin `changeRate`) */
  venueChangeRate: number;
  venueVolBase: number;
  venueVolQuote: number;
  marketCap: number;
  fdv: number | null;
  circulating: number;
  total: number | null;
  max: number | null;
  ath: number;
  cgChangePct: number;
  cgVolume: number;
  /** deterministic daily closes, oldest first, ending with the still-open day */
  closes: number[];
}

const DAY = 86_400_000;

/** A seeded walk so candles are deterministic. */
export function walk(seed: number, n: number, start: number): number[] {
  let x = seed;
  const out: number[] = [];
  let p = start;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const r = x / 2147483648 - 0.5;
    p = Math.max(0.0001, p * (1 + r * 0.08));
    out.push(Number(p.toFixed(4)));
  }
  return out;
}

export const TOKENS: Record<string, FakeToken> = {
  TAO: {
    id: 'bittensor', symbol: 'tao', name: 'Bittensor', cgPrice: 412.3, venuePrice: 412.55, venueChangeRate: 0.0312,
    venueVolBase: 80_000, venueVolQuote: 33_004_000, marketCap: 3_650_000_000, fdv: 8_658_300_000, circulating: 8_850_000,
    total: 21_000_000, max: 21_000_000, ath: 757.6, cgChangePct: 2.9, cgVolume: 210_000_000, closes: walk(7, 220, 300),
  },
  RENDER: {
    id: 'render-token', symbol: 'render', name: 'Render', cgPrice: 7.12, venuePrice: 7.1, venueChangeRate: -0.0241,
    venueVolBase: 2_000_000, venueVolQuote: 14_200_000, marketCap: 3_690_000_000, fdv: 3_790_000_000, circulating: 518_000_000,
    total: 532_000_000, max: null, ath: 13.53, cgChangePct: -2.2, cgVolume: 120_000_000, closes: walk(11, 220, 6),
  },
  FIL: {
    id: 'filecoin', symbol: 'fil', name: 'Filecoin', cgPrice: 5.02, venuePrice: 5.01, venueChangeRate: 0.011,
    venueVolBase: 5_000_000, venueVolQuote: 25_050_000, marketCap: 3_100_000_000, fdv: null, circulating: 618_000_000,
    total: 1_960_000_000, max: 1_960_000_000, ath: 236.84, cgChangePct: 1.0, cgVolume: 300_000_000, closes: walk(23, 220, 4.5),
  },
  // In no default watchlist: nothing fetches it before a test asks for it.
  NEAR: {
    id: 'near', symbol: 'near', name: 'NEAR Protocol', cgPrice: 2.61, venuePrice: 2.6, venueChangeRate: -0.004,
    venueVolBase: 3_000_000, venueVolQuote: 7_800_000, marketCap: 3_200_000_000, fdv: 3_300_000_000, circulating: 1_230_000_000,
    total: 1_270_000_000, max: null, ath: 20.44, cgChangePct: -0.5, cgVolume: 250_000_000, closes: walk(31, 220, 2.5),
  },
};

export function dayStart(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

export function coingeckoRow(t: FakeToken, nowMs: number) {
  return {
    id: t.id, symbol: t.symbol, name: t.name, image: `https://coin-images.coingecko.com/coins/images/1/large/${t.id}.png`,
    current_price: t.cgPrice, market_cap: t.marketCap, market_cap_rank: 30, fully_diluted_valuation: t.fdv,
    total_volume: t.cgVolume, high_24h: t.cgPrice * 1.02, low_24h: t.cgPrice * 0.97, price_change_24h: 1,
    price_change_percentage_24h: t.cgChangePct, circulating_supply: t.circulating, total_supply: t.total, max_supply: t.max,
    ath: t.ath, ath_change_percentage: (t.cgPrice / t.ath - 1) * 100, ath_date: '2024-03-07T18:45:36.466Z',
    last_updated: new Date(nowMs - 60_000).toISOString(),
  };
}

/** KuCoin candles: `[time(s), open, close, high, low, volume, turnover]`, strings, newest first. */
export function kucoinCandles(t: FakeToken, nowMs: number): string[][] {
  const today = dayStart(nowMs);
  const n = t.closes.length;
  const rows = t.closes.map((c, i) => {
    const open = i === 0 ? c : t.closes[i - 1]!;
    const hi = Math.max(open, c) * 1.01;
    const lo = Math.min(open, c) * 0.99;
    const time = (today - (n - 1 - i) * DAY) / 1000;
    return [String(time), String(open), String(c), String(hi), String(lo), '1000', String(1000 * c)];
  });
  return rows.reverse();
}

/** Binance klines: `[openTime(ms), o, h, l, c, v, closeTime, quoteVol, …]`, oldest first. */
export function binanceKlines(t: FakeToken, nowMs: number): unknown[][] {
  const today = dayStart(nowMs);
  const n = t.closes.length;
  return t.closes.map((c, i) => {
    const open = i === 0 ? c : t.closes[i - 1]!;
    const openTime = today - (n - 1 - i) * DAY;
    return [openTime, String(open), String(Math.max(open, c) * 1.01), String(Math.min(open, c) * 0.99), String(c), '1000', openTime + DAY - 1, String(1000 * c), 100, '500', '1', '0'];
  });
}

export function byCoingeckoIds(ids: string): FakeToken[] {
  const want = ids.split(',');
  return Object.values(TOKENS).filter((t) => want.includes(t.id));
}

export interface MarketOptions {
  /** CoinGecko answers 429 to everything */
  coingeckoDown?: boolean;
  nowMs?: () => number;
}

/** The fake Bittensor chain: 128 subnets (netuid 0 is root), 0.5 TAO per block. */
export const CHAIN: FakeChain = { totalNetworks: 129, blockEmissionRao: 500_000_000, subnetworkN: Object.fromEntries(Array.from({ length: 129 }, (_, i) => [i, i === 0 ? 64 : 200 + i])) };
/** subnets = TotalNetworks − 1; neurons = Σ SubnetworkN over netuids 1…128 */
export const CHAIN_SUBNETS = 128;
export const CHAIN_NEURONS = Array.from({ length: 128 }, (_, i) => 200 + i + 1).reduce((a, b) => a + b, 0);

/**
 * A Subtensor JSON-RPC node on both of its hosts (TAO's keyless network source): batched POSTs
 * answered with SCALE little-endian values from `CHAIN`.
 */
export function installSubtensorFake(server: FakeServer): void {
  const rpc = (method: string, body: string) =>
    method === 'OPTIONS'
      ? { status: 204, body: '', headers: { 'access-control-allow-headers': '*', 'access-control-allow-methods': 'POST' } }
      : method === 'POST'
        ? { body: JSON.parse(answerRpc(CHAIN, body)) as object }
        : undefined;
  server.on('entrypoint-finney.opentensor.ai', ({ method, body }) => rpc(method, body));
  server.on('archive.chain.opentensor.ai', ({ method, body }) => rpc(method, body));
}

/** Installs handlers for CoinGecko, KuCoin, the Binance mirror and the Subtensor chain on the fake server. */
export function installMarketFakes(server: FakeServer, opts: MarketOptions = {}): void {
  const now = opts.nowMs ?? Date.now;
  installSubtensorFake(server);
  server.on('api.coingecko.com', ({ path, query }) => {
    if (opts.coingeckoDown) return { status: 429, body: { status: { error_code: 429, error_message: 'You have exceeded the Rate Limit' } }, headers: { 'retry-after': '60' } };
    if (path === '/api/v3/coins/markets') return { body: byCoingeckoIds(query.get('ids') ?? '').map((t) => coingeckoRow(t, now())) };
    if (path === '/api/v3/coins/list') {
      // the fake tokens plus a look-alike, as the real list has many
      return { body: [...Object.values(TOKENS).map((t) => ({ id: t.id, symbol: t.symbol, name: t.name })), { id: 'render-clone', symbol: 'rndrx', name: 'Render Clone Bridged' }] };
    }
    if (path === '/api/v3/search') {
      const q = (query.get('query') ?? '').toLowerCase();
      const coins = Object.values(TOKENS)
        .filter((t) => t.symbol === q || t.name.toLowerCase().includes(q) || t.id.includes(q))
        .map((t, i) => ({ id: t.id, name: t.name, api_symbol: t.id, symbol: t.symbol.toUpperCase(), market_cap_rank: 30 + i, thumb: '', large: '' }));
      return { body: { coins, exchanges: [], icos: [], categories: [], nfts: [] } };
    }
    const chart = path.match(/^\/api\/v3\/coins\/([a-z0-9-]+)\/market_chart$/);
    if (chart) {
      const t = Object.values(TOKENS).find((x) => x.id === chart[1]);
      if (!t) return { status: 404, body: { error: 'coin not found' } };
      const today = dayStart(now());
      const prices = t.closes.map((c, i) => [today - (t.closes.length - 1 - i) * DAY, c]);
      return { body: { prices, market_caps: [], total_volumes: [] } };
    }
    return undefined;
  });
  server.on('api.kucoin.com', ({ path, query }) => {
    const symbol = query.get('symbol') ?? '';
    const t = Object.values(TOKENS).find((x) => `${x.symbol.toUpperCase()}-USDT` === symbol);
    if (path === '/api/v1/market/stats') {
      if (!t) return { body: { code: '200000', data: { time: now(), symbol, last: null, changeRate: null, vol: null, volValue: null } } };
      return {
        body: {
          code: '200000',
          data: {
            time: now(), symbol, buy: String(t.venuePrice), sell: String(t.venuePrice), changeRate: String(t.venueChangeRate),
            changePrice: '1', high: String(t.venuePrice * 1.03), low: String(t.venuePrice * 0.96), vol: String(t.venueVolBase),
            volValue: String(t.venueVolQuote), last: String(t.venuePrice), averagePrice: String(t.venuePrice), takerFeeRate: '0.001',
          },
        },
      };
    }
    if (path === '/api/v1/market/candles') {
      if (!t) return { body: { code: '400100', msg: 'This pair is not provided at present' } };
      return { body: { code: '200000', data: kucoinCandles(t, now()) } };
    }
    return undefined;
  });
  server.on('data-api.binance.vision', ({ path, query }) => {
    if (path !== '/api/v3/klines') return undefined;
    const t = Object.values(TOKENS).find((x) => `${x.symbol.toUpperCase()}USDT` === query.get('symbol'));
    if (!t) return { status: 400, body: { code: -1121, msg: 'Invalid symbol.' } };
    return { body: binanceKlines(t, now()) };
  });
}

/** A KuCoin-like trade page: dark, with an order form on the right and a pushState helper. */
export function kucoinPage(): string {
  return `<!doctype html><html lang="en" class="theme-dark"><head><meta charset="utf-8"><title>KuCoin fake</title>
<style>body{margin:0;background:#0b0e11;color:#eaecef;font-family:sans-serif}
#chart{position:absolute;left:0;top:60px;right:360px;bottom:0;background:#12161c}
#order-form{position:absolute;right:0;top:60px;width:340px;height:400px;background:#1e2329}
#buy{margin:20px;width:300px;height:40px}</style></head>
<body><header style="height:60px">KuCoin</header><div id="chart">chart</div>
<form id="order-form" onsubmit="event.preventDefault();window.__orders=(window.__orders||0)+1"><button id="buy" type="submit">Buy</button></form>
<script>window.__nav=(p)=>history.pushState({},'',p);document.cookie='kc_session=secret-session; path=/';</script>
</body></html>`;
}

export function installKucoinPages(server: FakeServer): void {
  server.on('www.kucoin.com', ({ path }) => (path.includes('/trade/') ? { body: kucoinPage() } : { body: '<!doctype html><title>KuCoin</title><p>account</p>' }));
}
