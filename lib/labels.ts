/**
 * Provider and venue names as their owners write them, for the worker's notes and the UI's
 * "where from" lines alike (one table; the rest are the id capitalised: Binance, Kraken…).
 */
import { own } from './own';

const SPECIAL: Record<string, string> = {
  coingecko: 'CoinGecko',
  coinpaprika: 'CoinPaprika',
  defillama: 'DefiLlama',
  kucoin: 'KuCoin',
  okx: 'OKX',
  htx: 'HTX',
  mexc: 'MEXC',
  akash: 'Akash Console',
  depinscan: 'DePINscan',
  cryptocom: 'Crypto.com',
  tradingview: 'TradingView',
  computed: 'computed',
};

export function sourceLabel(id: string): string {
  return own(SPECIAL, id) ?? id.charAt(0).toUpperCase() + id.slice(1);
}
