/**
 * Fake upstreams for the benchmark: the e2e fakes (KuCoin page, CoinGecko, KuCoin API, Binance
 * mirror) plus CoinGecko market rows for the 20-token watchlist, and the busy page.
 */
import { FakeServer, type Recorded } from '../tests/e2e/fake-server';
import { coingeckoRow, installKucoinPages, installMarketFakes, TOKENS, walk, type FakeToken } from '../tests/e2e/fake-market';
import { AMBIGUOUS_TICKERS, KNOWN_ASSETS } from '../lib/assets/overrides';
import { installBusyPage } from './busy-page';

/** 20 tickers the worker resolves from its built-in table (no search call needed). */
export const WATCHLIST = ['BTC', 'ETH', 'SOL', 'BNB', 'XRP', 'DOGE', 'ADA', 'AVAX', 'DOT', 'LINK', 'LTC', 'NEAR', 'SUI', 'ARB', 'OP', 'TAO', 'RENDER', 'FIL', 'AKT', 'HNT'];

for (const t of WATCHLIST) {
  if (!KNOWN_ASSETS[t] || AMBIGUOUS_TICKERS.has(t)) throw new Error(`bench watchlist: ${t} is not an unambiguous built-in ticker (lib/assets/overrides.ts)`);
}

/** A market row for any built-in asset; the e2e tokens keep their own figures. */
function tokenFor(id: string): FakeToken | undefined {
  const known = Object.values(TOKENS).find((t) => t.id === id);
  if (known) return known;
  const entry = Object.entries(KNOWN_ASSETS).find(([, a]) => a.id === id);
  if (!entry) return undefined;
  const [symbol, asset] = entry;
  const n = [...id].reduce((a, c) => a + c.charCodeAt(0), 0);
  const price = 1 + (n % 500);
  return {
    id, symbol: symbol.toLowerCase(), name: asset.name, cgPrice: price, venuePrice: price, venueChangeRate: 0.01, venueVolBase: 1e6,
    venueVolQuote: 1e6 * price, marketCap: 1e9 + n * 1e6, fdv: 2e9 + n * 1e6, circulating: 1e8, total: 2e8, max: null, ath: price * 2,
    cgChangePct: 1, cgVolume: 5e7, closes: walk(n, 220, price),
  };
}

/** Hosts that serve market data (CoinGecko markets, CoinPaprika tickers, exchange tickers). */
export function isMarketData(r: Recorded): boolean {
  if (r.host === 'api.coingecko.com' || r.host === 'pro-api.coingecko.com') return /\/coins\/markets$|\/simple\/price$/.test(r.path);
  if (r.host === 'api.coinpaprika.com') return r.path.includes('/tickers');
  return /^(api\.kucoin\.com|api\.binance\.com|data-api\.binance\.vision|www\.okx\.com|api\.bybit\.com|api\.exchange\.coinbase\.com|api\.kraken\.com|api\.gateio\.ws|api\.mexc\.com|api\.bitget\.com|api\.huobi\.pro)$/.test(r.host);
}

/** API requests (everything but the exchange pages the browser opens). */
export function isApi(r: Recorded): boolean {
  return !/^www\.(kucoin|binance|bybit|coinbase|tradingview|gate|mexc|bitget|htx)\.com$|^pro\.kraken\.com$|^www\.gate\.io$/.test(r.host);
}

export async function startFakes(): Promise<{ server: FakeServer; port: number }> {
  const server = new FakeServer();
  const port = await server.start();
  installKucoinPages(server);
  installMarketFakes(server);
  // No fundamentals in the benchmark: DefiLlama answers "not found" like for an unknown slug.
  server.on('api.llama.fi', () => ({ status: 404, body: 'Not found', headers: { 'content-type': 'text/plain' } }));
  server.on('api.coingecko.com', ({ path, query }) => {
    if (path !== '/api/v3/coins/markets') return undefined;
    const ids = (query.get('ids') ?? '').split(',').filter(Boolean);
    return { body: ids.flatMap((id) => tokenFor(id) ?? []).map((t) => coingeckoRow(t, Date.now())) };
  });
  installBusyPage(server);
  return { server, port };
}
