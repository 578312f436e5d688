/**
 * What the manifest's content-script entry is made of, from the venue table: `matches` (trade
 * pages) and `exclude_matches` (account, asset, API and withdrawal pages). Used at build time
 * (wxt.config.ts) and by the worker's tests; the content script itself imports only the venue
 * objects (lib/exchanges/index.ts), so the exclusion lists never ship in the page bundle.
 */
import { venues } from './index';
import type { VenueId } from './define';
import { binanceExcludeMatches } from './binance';
import { bitfinexExcludeMatches } from './bitfinex';
import { bitgetExcludeMatches } from './bitget';
import { bybitExcludeMatches } from './bybit';
import { coinbaseExcludeMatches } from './coinbase';
import { cryptocomExcludeMatches } from './cryptocom';
import { gateExcludeMatches } from './gate';
import { htxExcludeMatches } from './htx';
import { hyperliquidExcludeMatches } from './hyperliquid';
import { krakenExcludeMatches } from './kraken';
import { kucoinExcludeMatches } from './kucoin';
import { mexcExcludeMatches } from './mexc';
import { okxExcludeMatches } from './okx';
import { tradingviewExcludeMatches } from './tradingview';
import { upbitExcludeMatches } from './upbit';

/** Each venue's excluded pages; the compiler insists every venue has an entry. */
export const EXCLUDE_MATCHES: Record<VenueId, readonly string[]> = {
  binance: binanceExcludeMatches,
  bitfinex: bitfinexExcludeMatches,
  bitget: bitgetExcludeMatches,
  bybit: bybitExcludeMatches,
  coinbase: coinbaseExcludeMatches,
  cryptocom: cryptocomExcludeMatches,
  gate: gateExcludeMatches,
  htx: htxExcludeMatches,
  hyperliquid: hyperliquidExcludeMatches,
  kraken: krakenExcludeMatches,
  kucoin: kucoinExcludeMatches,
  mexc: mexcExcludeMatches,
  okx: okxExcludeMatches,
  tradingview: tradingviewExcludeMatches,
  upbit: upbitExcludeMatches,
};

/** Content-script `matches`: the union of every venue's trade-page patterns, de-duplicated. */
export const contentScriptMatches: readonly string[] = Array.from(new Set(venues.flatMap((v) => v.matches)));
/** Content-script `exclude_matches`: account, asset, API and withdrawal pages, in venue order. */
export const contentScriptExcludeMatches: readonly string[] = Array.from(new Set(venues.flatMap((v) => EXCLUDE_MATCHES[v.id])));
