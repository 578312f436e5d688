/**
 * Venue id → that venue's public market data (24h ticker and daily candles). Venues without
 * public market data here (Crypto.com, Bitfinex, Upbit, Hyperliquid, TradingView) fall back to
 * the Binance market-data mirror and CoinGecko, and the overlay says so.
 */
import type { VenueId } from '../exchanges/define';
import type { VenueMarketData } from './market-data';
import { own } from '../own';
import { venueMarketData as kucoin } from './kucoin';
import { venueMarketData as binance } from './binance';
import { venueMarketData as okx } from './okx';
import { venueMarketData as bybit } from './bybit';
import { venueMarketData as coinbase } from './coinbase';
import { venueMarketData as kraken } from './kraken';
import { venueMarketData as gate } from './gate';
import { venueMarketData as mexc } from './mexc';
import { venueMarketData as bitget } from './bitget';
import { venueMarketData as htx } from './htx';

export const venueMarketData: Partial<Record<VenueId, VenueMarketData>> = {
  kucoin,
  binance,
  okx,
  bybit,
  coinbase,
  kraken,
  gate,
  mexc,
  bitget,
  htx,
};

export function venueMarketDataFor(venue: VenueId): VenueMarketData | undefined {
  return own(venueMarketData, venue);
}
