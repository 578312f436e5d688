/**
 * Bitfinex. EXCHANGES.md: `trading.bitfinex.com/t/BTC:USD?type=exchange|margin`; symbols of two
 * three-letter codes are concatenated (`/t/BTCUSD`), longer ones use `:`; derivatives are
 * `BTCF0:USTF0` (F0 = perpetual). Bitfinex writes its own codes: UST = USDt (here only, since
 * elsewhere UST is TerraUSD), UDC = USDC, plus the legacy three-letter names listed below.
 * Paper-trading pairs (`TESTBTC:TESTUSD`) are not real markets. Bitfinex is an SPA.
 */
import { defineVenue, type DetectedPair } from './define';
import type { MarketKind } from '../types';
import { makePair, param, seg, venueParser } from './symbols';

/** Bitfinex's own codes → the usual tickers (Bitfinex API `pub:map:currency:sym`). */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['UST', 'USDT'],
  ['UDC', 'USDC'],
  ['TSD', 'TUSD'],
  ['DSH', 'DASH'],
  ['IOT', 'IOTA'],
  ['QTM', 'QTUM'],
  ['MNA', 'MANA'],
  ['ATO', 'ATOM'],
  ['ALG', 'ALGO'],
]);

function parse(url: URL, s: string[]): DetectedPair | undefined {
  if (s.length !== 2 || seg(s, 0) !== 't') return undefined;
  const raw = s[1]!.toUpperCase();
  let base: string;
  let quote: string;
  const colon = /^([A-Z0-9]{2,20}):([A-Z0-9]{2,20})$/.exec(raw);
  const six = /^([A-Z]{3})([A-Z]{3})$/.exec(raw);
  if (colon) [, base, quote] = colon as unknown as [string, string, string];
  else if (six) [, base, quote] = six as unknown as [string, string, string];
  else return undefined;
  if (base.startsWith('TEST') || quote.startsWith('TEST')) return undefined;
  let market: MarketKind;
  const perpBase = /^(.+)F0$/.exec(base);
  const perpQuote = /^(.+)F0$/.exec(quote);
  if (perpBase && perpQuote) {
    market = 'perp';
    base = perpBase[1]!;
    quote = perpQuote[1]!;
  } else if (perpBase || perpQuote) {
    return undefined;
  } else {
    const type = param(url.searchParams, 'type')?.toLowerCase();
    if (type === undefined || type === 'exchange') market = 'spot';
    else if (type === 'margin') market = 'margin';
    else return undefined;
  }
  return makePair('bitfinex', base, quote, market, { aliases: ALIASES });
}

export const bitfinexVenue = defineVenue({
  id: 'bitfinex',
  label: 'Bitfinex',
  matches: ['https://trading.bitfinex.com/t/*'],
  // The trading host serves trade views only; wallets and API keys are on other hosts.
  excludeMatches: [],
  hosts: ['trading.bitfinex.com'],
  detectPair: venueParser(['trading.bitfinex.com'], parse),
  testUrls: [
    ['https://trading.bitfinex.com/t/BTC:USD?type=exchange', { base: 'BTC', quote: 'USD', market: 'spot' }],
    ['https://trading.bitfinex.com/t/ETH:UST?type=margin', { base: 'ETH', quote: 'USDT', market: 'margin' }],
    ['https://trading.bitfinex.com/t/BTCUSD', { base: 'BTC', quote: 'USD', market: 'spot' }],
    ['https://trading.bitfinex.com/t/btceur?type=exchange&refcode=AbC12', { base: 'BTC', quote: 'EUR', market: 'spot' }],
    ['https://trading.bitfinex.com/t/DOGE:USD', { base: 'DOGE', quote: 'USD', market: 'spot' }],
    ['https://trading.bitfinex.com/t/BTC%3AUST', { base: 'BTC', quote: 'USDT', market: 'spot' }],
    ['https://trading.bitfinex.com/t/BTCF0:USTF0', { base: 'BTC', quote: 'USDT', market: 'perp' }],
    ['https://trading.bitfinex.com/t/ETHF0:USTF0?type=exchange', { base: 'ETH', quote: 'USDT', market: 'perp' }],
    ['https://trading.bitfinex.com/t/TESTBTC:TESTUSD', undefined],
    ['https://trading.bitfinex.com/t/BTCF0:UST', undefined],
    ['https://trading.bitfinex.com/t/BTCUSDT', undefined],
    ['https://trading.bitfinex.com/t', undefined],
    ['https://trading.bitfinex.com/f/USD', undefined],
  ],
});
