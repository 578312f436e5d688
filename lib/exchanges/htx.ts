/**
 * HTX (formerly Huobi; htx.com and huobi.com serve the same app). EXCHANGES.md: spot
 * `/[loc/](trade|exchange)/tao_usdt` (`?type=spot`), USDT-margined perpetuals
 * `/futures/linear_swap/exchange#contract_code=TAO-USDT` with the pair in the fragment (bots
 * also write `/exchange/#contract_code=…&contract_type=swap&type=cross` and `?contract_code=`).
 * Coin-margined: `/futures/swap/exchange#contract_code=BTC-USD` (perpetual) and
 * `/futures/exchange#symbol=BTC&contract_type=quarter` (dated), both seen only indirectly (?).
 * The content script listens to `hashchange` for these pages.
 */
import { defineVenue, type DetectedPair } from './define';
import type { MarketKind } from '../types';
import { patternsFor, segmentExcludes, withLocale } from './match-pattern';
import { hashParams, makePair, param, parseSymbol, seg, stripDecorations, venueParser, withoutLocale } from './symbols';

const HOSTS = ['www.htx.com', 'www.huobi.com'] as const;
// Pure: the content script, which ships no match patterns, drops it.
const ORIGINS = /* @__PURE__ */ HOSTS.map((h) => `https://${h}`);
const DATED = new Set(['this_week', 'next_week', 'quarter', 'next_quarter']);

/** Reads a contract parameter from the fragment first, then the query. */
function contractParam(url: URL, name: string): string | undefined {
  return param(hashParams(url), name) ?? param(url.searchParams, name);
}

/** `TAO-USDT` (perp), `BTC-USDT-250328` (future); `contract_type` may also say it is dated. */
function contract(url: URL, expectQuote: 'USD' | undefined): DetectedPair | undefined {
  const code = contractParam(url, 'contract_code');
  if (!code) return undefined;
  const { symbol, market } = stripDecorations(code);
  if (market !== undefined && market !== 'future') return undefined;
  const type = contractParam(url, 'contract_type')?.toLowerCase();
  const kind: MarketKind = market === 'future' || (type !== undefined && DATED.has(type)) ? 'future' : 'perp';
  const pair = parseSymbol('htx', symbol, kind, { separators: '-', concat: false });
  if (pair && expectQuote && pair.quote !== expectQuote) return undefined;
  return pair;
}

/** Coin-margined delivery: `#symbol=BTC&contract_type=quarter` or `contract_code=BTC250328`. */
function coinDelivery(url: URL): DetectedPair | undefined {
  const code = contractParam(url, 'contract_code');
  const m = code ? /^([A-Za-z0-9]{1,20}?)(\d{6})$/.exec(code) : null;
  if (m && stripDecorations(`${m[1]}_${m[2]}`).market === 'future') return makePair('htx', m[1]!, 'USD', 'future');
  const symbol = contractParam(url, 'symbol');
  const type = contractParam(url, 'contract_type')?.toLowerCase();
  if (symbol && type && DATED.has(type)) return makePair('htx', symbol, 'USD', 'future');
  return undefined;
}

function parse(url: URL, all: string[]): DetectedPair | undefined {
  const s = withoutLocale(all);
  const section = seg(s, 0);
  if (s.length === 2 && (section === 'trade' || section === 'exchange')) {
    return parseSymbol('htx', s[1]!, 'spot', { separators: '_', concat: false });
  }
  if (section !== 'futures') return undefined;
  if (s.length === 3 && seg(s, 1) === 'linear_swap' && seg(s, 2) === 'exchange') return contract(url, undefined);
  if (s.length === 3 && seg(s, 1) === 'swap' && seg(s, 2) === 'exchange') return contract(url, 'USD');
  if (s.length === 2 && seg(s, 1) === 'exchange') return coinDelivery(url);
  return undefined;
}

/**
 * Account, asset, API and withdrawal pages on the venue's hosts: the manifest's `exclude_matches`
 * (lib/exchanges/manifest.ts). Apart from the venue object, so the content script does not carry it.
 */
// `/*/exchange/*` and `/*/futures/*` reach far; deposits, withdrawals, API keys and the
// user centre live under these sections.
export const htxExcludeMatches: readonly string[] = segmentExcludes(ORIGINS, ['finance', 'user', 'assets', 'apikey', 'account']);

export const htxVenue = defineVenue({
  id: 'htx',
  label: 'HTX',
  // Order book in the left column, order form under the chart, market trades at the bottom of
  // the right column (EXCHANGES.md; issue 9: at 12,112 the panel covered the book): bottom-right
  // sits over the trades list, clear of both.
  overlayCorner: 'bottom-right',
  matches: patternsFor(ORIGINS, withLocale(['/trade/*', '/exchange/*', '/futures/*'])),
  hosts: HOSTS,
  detectPair: venueParser(HOSTS, parse),
});
