/**
 * The venue registry and the one entry point for pair detection (CONTRACT.md, "Pair detection").
 *
 * Adding a venue is one file plus one line in `venues` (GUIDE.md, "Units of extension"); the
 * content script's `matches`/`exclude_matches` are derived from this table. Dispatch is by
 * hostname, using each venue's `hosts`: the hosts of its own `matches` (a unit test holds them
 * equal), declared once more so that the content script need not ship and parse the patterns.
 * Pure: no browser globals, no WXT modules (`npx tsx` imports it in plain Node).
 */
import type { DetectedPair, VenueDefinition, VenueId } from './define';
import { hostMatches } from './match-pattern';
import { isTicker } from './symbols';
import { binanceVenue } from './binance';
import { bitfinexVenue } from './bitfinex';
import { bitgetVenue } from './bitget';
import { bybitVenue } from './bybit';
import { coinbaseVenue } from './coinbase';
import { cryptocomVenue } from './cryptocom';
import { gateVenue } from './gate';
import { htxVenue } from './htx';
import { hyperliquidVenue } from './hyperliquid';
import { krakenVenue } from './kraken';
import { kucoinVenue } from './kucoin';
import { mexcVenue } from './mexc';
import { okxVenue } from './okx';
import { tradingviewVenue } from './tradingview';
import { upbitVenue } from './upbit';

export { defineVenue } from './define';
export type { DetectedPair, VenueDefinition, VenueId } from './define';

/** Every supported venue, in the order of the README's venues table. */
export const venues = [
  kucoinVenue,
  binanceVenue,
  okxVenue,
  bybitVenue,
  coinbaseVenue,
  krakenVenue,
  gateVenue,
  mexcVenue,
  bitgetVenue,
  htxVenue,
  cryptocomVenue,
  bitfinexVenue,
  upbitVenue,
  hyperliquidVenue,
  tradingviewVenue,
] as const satisfies readonly VenueDefinition[];


/** (host, venue) pairs, from each venue's `hosts` (the hosts of its `matches`). */
const HOSTS: ReadonlyArray<readonly [string, VenueDefinition]> = venues.flatMap((v) => v.hosts.map((h) => [h, v] as const));

const MAX_URL_LENGTH = 4096;

function toUrl(input: unknown): URL | undefined {
  try {
    if (input instanceof URL) return input;
    if (typeof input !== 'string' || input.length > MAX_URL_LENGTH) return undefined;
    return new URL(input);
  } catch {
    // expected: the URL comes from the page; a malformed one is simply not a trading page
    return undefined;
  }
}

/**
 * The venue whose hosts serve this URL (by hostname only; the page need not be a market), or
 * `undefined`. Accepts a string or a `URL`; never throws.
 */
export function venueForUrl(url: string | URL): VenueDefinition | undefined {
  const u = toUrl(url);
  if (!u || (u.protocol !== 'https:' && u.protocol !== 'http:')) return undefined;
  return HOSTS.find(([host]) => hostMatches(host, u.hostname))?.[1];
}

/**
 * The trading pair a URL shows, or `undefined` for anything that is not a market page (wallet,
 * account, deposit, API management, prediction markets, unknown hosts, invalid URLs). Hostname
 * and decoded path are matched case-insensitively; referral and tracking parameters are ignored.
 * Never throws.
 */
export function detectPair(url: string | URL): DetectedPair | undefined {
  try {
    const u = toUrl(url);
    if (!u) return undefined;
    const venue = venueForUrl(u);
    if (!venue) return undefined;
    return checked(venue, venue.detectPair(u));
  } catch {
    // expected: a venue parser that throws on a hostile URL means "no pair", never a crash
    return undefined;
  }
}

/**
 * For venues whose URL can hide the pair (TradingView, Hyperliquid): the pair named by the text
 * of the venue's `pairFromPage.selector` element. `undefined` when the venue has no such reader,
 * the URL is not that venue's, or the text names no pair. Never throws.
 */
export function pairFromPageText(venueId: VenueId, text: string, url: string | URL): DetectedPair | undefined {
  try {
    const u = toUrl(url);
    if (!u || typeof text !== 'string') return undefined;
    const venue = venues.find((v) => v.id === venueId);
    if (!venue?.pairFromPage || venueForUrl(u)?.id !== venue.id) return undefined;
    return checked(venue, venue.pairFromPage.parse(text.slice(0, 200), u));
  } catch {
    // expected: page text is the exchange's; anything a parser cannot take is "no pair"
    return undefined;
  }
}

/** Last line of defence: a result must name its own venue and carry valid tickers. */
function checked(venue: VenueDefinition, pair: DetectedPair | undefined): DetectedPair | undefined {
  if (!pair || pair.venue !== venue.id || !isTicker(pair.base) || !isTicker(pair.quote)) return undefined;
  return pair;
}
