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
  // `tBTC:USDT` (tickers longer than three letters) or `tBTCUSD`; both regexes have two groups.
  const m = /^([A-Z0-9]{2,20}):([A-Z0-9]{2,20})$/.exec(raw) ?? /^([A-Z]{3})([A-Z]{3})$/.exec(raw);
  if (!m) return undefined;
  let [, base = '', quote = ''] = m;
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

/**
 * Account, asset, API and withdrawal pages on the venue's hosts: the manifest's `exclude_matches`
 * (lib/exchanges/manifest.ts). Apart from the venue object, so the content script does not carry it.
 */
// The trading host serves trade views only; wallets and API keys are on other hosts.
export const bitfinexExcludeMatches: readonly string[] = [];

export const bitfinexVenue = defineVenue({
  id: 'bitfinex',
  label: 'Bitfinex',
  matches: ['https://trading.bitfinex.com/t/*'],
  hosts: ['trading.bitfinex.com'],
  detectPair: venueParser(['trading.bitfinex.com'], parse),
});
