/**
 * Shared, pure helpers for the venue parsers: reading a URL's path safely, dropping locale
 * prefixes, stripping derivative decorations, splitting concatenated symbols and normalising
 * tickers.
 *
 * The rules are EXCHANGES.md, "Splitting a concatenated symbol": separator first; decorations
 * (`.P`, `-SWAP`, `-PERP[-INTX]`, `_SPBL`/`_UMCBL`, expiries) before splitting; the longest known
 * quote suffix, preferring a split whose remainder is a well-known base; aliases (XBT→BTC,
 * XDG→DOGE; UST→USDT only on Bitfinex); multiplier prefixes on derivatives only; leveraged
 * tokens flagged and never read as their underlying. When nothing fits the answer is
 * `undefined`: a wrong asset is worse than none (the overlay would show someone else's FDV).
 *
 * Every ticker that leaves this module matches /^[A-Z0-9]{1,20}$/ or, for tokens named in
 * Chinese characters (Gate lists `人生K线_USDT`), ./ticker-text.ts's Han rule (QUALITY.md: "a ticker is validated and
 * encoded, never concatenated raw"). Input is checked *before* it is upper-cased, because
 * `'ß'.toUpperCase()` is `'SS'` and would turn garbage into a ticker; only ASCII a–z is ever
 * upper-cased (Han has no case; other scripts, including look-alike Latin, Greek and Cyrillic
 * letters, are refused). A ticker that is all digits (`/trade/75`) is an index
 * or an id, not a symbol: refused.
 */
import type { MarketKind } from '../types';
import type { DetectedPair, VenueId } from './define';
import { hostMatches } from './match-pattern';
import { isTickerText } from './ticker-text';

/** A normalised ticker: upper-case ASCII letters and digits, 1–20 characters. */
export const TICKER_RE = /^[A-Z0-9]{1,20}$/;
const RAW_TICKER_RE = /^[A-Za-z0-9]{1,24}$/;
/** A base as sent: ASCII letters and digits, or Han beside them (Gate's `人生K线`). */
const RAW_BASE_RE = /^[\p{sc=Han}A-Za-z0-9]{1,24}$/u;
/** Han characters are allowed beside ASCII (./ticker-text.ts: no letter case, no ASCII look-alikes). */
const RAW_SYMBOL_RE = /^[\p{sc=Han}\w.:/-]{1,64}$/u;
/** Printable ASCII but `/` and `\\`, or Han: what a decoded path segment may hold. */
const SEGMENT_RE = /^[!-.0-[\]-~\p{sc=Han}]+$/u;

/** True for a normalised ticker: ASCII or Han-named, never all digits (./ticker-text.ts). */
export const isTicker: (s: unknown) => s is string = isTickerText;

/**
 * Quote assets recognised at the end of a concatenated symbol, longest first (so `TUSD` wins
 * over `USD` and `FDUSD` over `USD`). EXCHANGES.md lists the core; the fiat and coin quotes are
 * the ones Binance, Bitget, Bybit and TradingView actually list.
 */
export const QUOTES: readonly string[] = [
  'FDUSD',
  'USDT',
  'USDC',
  'USDE',
  'USD1',
  'TUSD',
  'BUSD',
  'USDP',
  'EURC',
  'USD',
  'DAI',
  'EUR',
  'TRY',
  'BRL',
  'KRW',
  'JPY',
  'GBP',
  'AUD',
  'CAD',
  'CHF',
  'MXN',
  'PLN',
  'ZAR',
  'UAH',
  'ARS',
  'BTC',
  'ETH',
  'BNB',
  'SOL',
  'XRP',
  'TRX',
].sort((a, b) => b.length - a.length);

/** Stablecoin quotes: a bare TradingView symbol ending in one of these is taken as crypto. */
export const STABLE_QUOTES: ReadonlySet<string> = new Set(['FDUSD', 'USDT', 'USDC', 'USDE', 'USD1', 'TUSD', 'BUSD', 'USDP', 'DAI']);

/**
 * Well-known bases, used only to choose between two splits (`XAUTUSD` is XAUT/USD, not
 * XAU/TUSD; `BTCTUSD` is BTC/TUSD) and to accept bare TradingView symbols quoted in USD/BTC.
 */
export const KNOWN_BASES: ReadonlySet<string> = new Set([
  'BTC', 'ETH', 'BNB', 'SOL', 'XRP', 'ADA', 'DOGE', 'TRX', 'TON', 'DOT', 'LINK', 'LTC', 'BCH',
  'AVAX', 'MATIC', 'POL', 'UNI', 'ATOM', 'XLM', 'ETC', 'FIL', 'APT', 'ARB', 'OP', 'NEAR', 'SUI',
  'TAO', 'HYPE', 'PEPE', 'SHIB', 'XAUT', 'PAXG', 'WBTC', 'USDT', 'USDC', 'DAI', 'AAVE', 'EOS',
  'XTZ', 'ALGO', 'ICP', 'INJ', 'SEI', 'TIA', 'RENDER', 'FET', 'WLD', 'ENA', 'ONDO', 'JUP', 'PYTH',
  'BONK', 'WIF', 'FLOKI', 'TRUMP', 'KAS', 'HBAR', 'VET', 'SAND', 'MANA', 'AXS', 'CRV', 'MKR',
  'LDO', 'RUNE', 'STX', 'XMR', 'ZEC', 'DASH', 'BSV', 'CRO', 'OKB', 'KCS', 'GT', 'MX', 'BGB', 'HT',
]);

/** Underlyings of Binance-style UP/DOWN and FTX-style BULL/BEAR leveraged tokens (in KNOWN_BASES order: gzip). */
const LEVERAGED_UNDERLYINGS: ReadonlySet<string> = new Set([
  'BTC', 'ETH', 'BNB', 'SOL', 'XRP', 'ADA', 'DOGE', 'TRX', 'DOT', 'LINK', 'LTC', 'BCH', 'AVAX',
  'MATIC', 'UNI', 'ATOM', 'XLM', 'ETC', 'FIL', 'AAVE', 'EOS', 'XTZ', 'ALGO', 'VET', 'MKR', 'BSV',
  'OKB', 'SXP', 'SUSHI', 'YFI', '1INCH', 'TOMO', 'BAL', 'COMP',
]);

/** Aliases every venue shares (Kraken's ISO-style codes, also used by KuCoin futures). */
export const GLOBAL_ALIASES: ReadonlyMap<string, string> = new Map([
  ['XBT', 'BTC'],
  ['XDG', 'DOGE'],
]);

/**
 * Leveraged token? `BTC3L`, `ETH5S` (a letter base, then 1–2 digits, then L/S), or a well-known
 * underlying followed by UP/DOWN/BULL/BEAR (`BTCUP`, `ETHBEAR`). `JUP` is not J+UP because `J`
 * is not a known underlying.
 */
export function isLeveraged(base: string): boolean {
  if (/^[A-Z]{2,10}\d{1,2}[LS]$/.test(base)) return true;
  const m = /^([A-Z0-9]{2,10}?)(UP|DOWN|BULL|BEAR)$/.exec(base);
  return !!m && LEVERAGED_UNDERLYINGS.has(m[1]!);
}

/**
 * Strips a contract-size prefix from a derivative's base: `1000PEPE` → PEPE ×1000,
 * `1MBABYDOGE` → BABYDOGE ×1 000 000. Call it for derivatives only: spot tickers such as
 * `1000SATS` and `1INCH` are real names.
 */
export function stripMultiplier(base: string): { base: string; multiplier?: number } {
  const m = /^(10{3,8}|1M)([A-Z][A-Z0-9]{1,19})$/.exec(base);
  if (!m) return { base };
  const multiplier = m[1] === '1M' ? 1_000_000 : Number(m[1]);
  return { base: m[2]!, multiplier };
}

const MONTHS = 'JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC';

function plausibleExpiry(digits: string): boolean {
  const d = digits.length === 8 ? digits.slice(2) : digits;
  if (digits.length === 8 && !digits.startsWith('20')) return false;
  const month = Number(d.slice(2, 4));
  const day = Number(d.slice(4, 6));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Result of `stripDecorations`: the bare symbol and the market the decoration implied. */
export interface Stripped {
  symbol: string;
  market?: MarketKind;
}

/**
 * Removes derivative decorations from an upper-cased symbol and reports what they meant:
 * `.P`, `-SWAP`, `-PERP`, `_PERP`, `_PERPETUAL`, `-INTX` (perpetual); `_UMCBL`/`_DMCBL`/`_CMCBL`
 * (Bitget legacy perpetual); `_SPBL` (Bitget legacy spot); expiries `_250328`, `-250328`,
 * `_20260710`, `-26DEC25` (dated future). At most three decorations are removed.
 */
export function stripDecorations(symbol: string): Stripped {
  // Non-ASCII input is returned untouched (never upper-cased), so the parsers reject it.
  // RAW_SYMBOL_RE leaves only ASCII and Han, which has no case: upper-casing cannot change them.
  if (!RAW_SYMBOL_RE.test(symbol)) return { symbol };
  let s = symbol.toUpperCase();
  let market: MarketKind | undefined;
  for (let i = 0; i < 3; i++) {
    let m: RegExpExecArray | null;
    if (s.endsWith('.P') && s.length > 2) {
      s = s.slice(0, -2);
      market ??= 'perp';
    } else if ((m = /^(.+?)[-_](?:SWAP|PERP|PERPETUAL|INTX|UMCBL|DMCBL|CMCBL)$/.exec(s))) {
      s = m[1]!;
      market ??= 'perp';
    } else if ((m = /^(.+?)_SPBL$/.exec(s))) {
      s = m[1]!;
      market ??= 'spot';
    } else if ((m = /^(.+?)[-_](\d{6}|\d{8})$/.exec(s)) && plausibleExpiry(m[2]!)) {
      s = m[1]!;
      market ??= 'future';
    } else if ((m = new RegExp(`^(.+?)-\\d{1,2}(?:${MONTHS})\\d{2}$`).exec(s))) {
      s = m[1]!;
      market ??= 'future';
    } else break;
  }
  return { symbol: s, market };
}

/**
 * Splits a concatenated symbol (`TAOUSDT`) by a known quote suffix, longest first, preferring a
 * split whose base is a well-known asset. `undefined` when no quote fits or the base is empty.
 */
export function splitConcatenated(symbol: string, quotes: readonly string[] = QUOTES): { base: string; quote: string } | undefined {
  if (!RAW_TICKER_RE.test(symbol)) return undefined;
  const s = symbol.toUpperCase();
  if (!TICKER_RE.test(s)) return undefined;
  const candidates = quotes
    .filter((q) => s.length > q.length && s.endsWith(q))
    .map((q) => ({ base: s.slice(0, -q.length), quote: q }));
  if (candidates.length === 0) return undefined;
  return candidates.find((c) => KNOWN_BASES.has(GLOBAL_ALIASES.get(c.base) ?? c.base)) ?? candidates[0];
}

/** Options of `makePair` and `parseSymbol`. */
export interface PairOptions {
  /** venue-specific aliases, applied after the global ones (Bitfinex: UST → USDT) */
  aliases?: ReadonlyMap<string, string>;
  /** a contract multiplier the venue already decoded (Hyperliquid `k`); skips prefix stripping */
  multiplier?: number;
}

const DERIVATIVES: ReadonlySet<MarketKind> = new Set<MarketKind>(['perp', 'future']);

/** True for perpetuals and dated futures. */
export function isDerivative(market: MarketKind): boolean {
  return DERIVATIVES.has(market);
}

/**
 * Builds a validated `DetectedPair` from raw base and quote strings: ASCII check, upper case,
 * multiplier prefix (derivatives only), aliases, leveraged flag (spot and margin only).
 * `undefined` when either side is not a ticker or both are the same asset.
 */
export function makePair(
  venue: VenueId,
  rawBase: string,
  rawQuote: string,
  market: MarketKind,
  opts: PairOptions = {},
): DetectedPair | undefined {
  // Base: ASCII, or Han as the decoded path gave it (NFC, see pathSegments); quote: ASCII only.
  // Checked before upper-casing, which then changes ASCII a–z only (Han has no case).
  if (!RAW_BASE_RE.test(rawBase) || !RAW_TICKER_RE.test(rawQuote)) return undefined;
  let base = rawBase.toUpperCase();
  let quote = rawQuote.toUpperCase();
  let multiplier = opts.multiplier;
  if (multiplier === undefined && isDerivative(market)) {
    const m = stripMultiplier(base);
    base = m.base;
    multiplier = m.multiplier;
  }
  const alias = (t: string) => opts.aliases?.get(t) ?? GLOBAL_ALIASES.get(t) ?? t;
  base = alias(base);
  quote = alias(quote);
  if (!isTicker(base) || !isTicker(quote) || base === quote) return undefined;
  const pair: DetectedPair = { venue, base, quote, market };
  if (multiplier !== undefined && multiplier !== 1) pair.multiplier = multiplier;
  if (!isDerivative(market) && isLeveraged(base)) pair.leveraged = true;
  return pair;
}

/** Options of `parseSymbol`. */
export interface ParseOptions extends PairOptions {
  /** quote written first (Upbit `KRW-TAO`) */
  quoteFirst?: boolean;
  /** allow splitting a symbol with no separator by quote suffix (default true) */
  concat?: boolean;
  /** quotes allowed when splitting a concatenated symbol (default `QUOTES`) */
  quotes?: readonly string[];
  /** reject quotes outside `QUOTES` even when a separator names them (ambiguous path shapes) */
  knownQuoteOnly?: boolean;
  /**
   * separator characters this venue writes between base and quote (default `-_/:`); `''` for
   * venues that only ever concatenate, so `funding-history` is never read as FUNDING/HISTORY
   */
  separators?: string;
}

/**
 * Parses one symbol (`TAO-USDT`, `tao_usdt`, `BTC:USD`, `TAOUSDT`) whose decorations have already
 * been stripped. Exactly one separator (`-`, `_`, `/`, `:`) or none; anything else is rejected.
 */
export function parseSymbol(venue: VenueId, raw: string, market: MarketKind, opts: ParseOptions = {}): DetectedPair | undefined {
  if (!RAW_SYMBOL_RE.test(raw)) return undefined;
  const separators = opts.separators ?? '-_/:';
  if (['-', '_', '/', ':', '.'].some((c) => raw.includes(c) && !separators.includes(c))) return undefined;
  const parts = separators === '' ? [raw] : raw.split(new RegExp(`[${separators.replace(/[-\]\\^]/g, '\\$&')}]`));
  let base: string;
  let quote: string;
  if (parts.length === 2) {
    [base, quote] = (opts.quoteFirst ? [parts[1], parts[0]] : [parts[0], parts[1]]) as [string, string];
  } else if (parts.length === 1 && opts.concat !== false) {
    const split = splitConcatenated(raw, opts.quotes);
    if (!split) return undefined;
    ({ base, quote } = split);
  } else return undefined;
  const pair = makePair(venue, base, quote, market, opts);
  if (pair && opts.knownQuoteOnly && !QUOTES.includes(pair.quote)) return undefined;
  return pair;
}

/**
 * A decorated symbol (`BTCUSDT.P`, `BTC-USDT-SWAP`, `BTC_USDT_250328`): the decorations go
 * (stripDecorations), and the rest is parsed when the market they imply is one of `allowed`
 * (`undefined`: no decoration), as `market` when given, else as the decoration says (perp when
 * there is none). One helper for the venues' shared pattern (QUALITY.md: 20 KB page budget).
 */
export function parseDecorated(
  venue: VenueId,
  raw: string,
  allowed: readonly (MarketKind | undefined)[],
  opts: ParseOptions,
  market?: MarketKind,
): DetectedPair | undefined {
  const s = stripDecorations(raw);
  return allowed.includes(s.market) ? parseSymbol(venue, s.symbol, market ?? s.market ?? 'perp', opts) : undefined;
}

// ---------------------------------------------------------------------------------------------
// URL helpers shared by the venue files.

/** `/en`, `/pt`, `/zh-CN`, `/zh-hans`, `/en-US`, `/zh-MY`, `/en-ww`, `/es-LA` (EXCHANGES.md). */
export const LOCALE_RE = /^[a-z]{2}(?:[-_][a-z0-9]{2,4})?$/i;
/** Two-letter first segments that are sections, not locales (Binance `/my/…` is the account). */
const NOT_LOCALES = new Set(['my']);

/** Drops one leading locale segment, if there is one. */
export function withoutLocale(segments: readonly string[]): string[] {
  const first = segments[0];
  if (first !== undefined && LOCALE_RE.test(first) && !NOT_LOCALES.has(first.toLowerCase())) return segments.slice(1);
  return [...segments];
}

const MAX_URL_PART = 2048;

/**
 * The URL's path as decoded, NFC-normalised segments (empty segments dropped), or `undefined` when
 * the path is malformed or hostile: undecodable escapes, an encoded `/` or `\` inside a segment
 * (`%2F`), or anything but printable ASCII and Han characters once decoded (unicode look-alikes
 * never reach a parser).
 */
export function pathSegments(url: URL): string[] | undefined {
  if (url.pathname.length > MAX_URL_PART) return undefined;
  const out: string[] = [];
  for (const raw of url.pathname.split('/')) {
    if (raw === '') continue;
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      // expected: a malformed %-escape in a page URL is not a pair
      return undefined;
    }
    // Han allowed, every other non-ASCII refused, checked BEFORE NFC (so one token name has one
    // spelling): NFC maps look-alikes such as the KELVIN SIGN to ASCII `K`. NFC of printable ASCII
    // and Han stays printable ASCII and Han (compatibility ideographs become unified ones).
    if (!SEGMENT_RE.test(seg)) return undefined;
    seg = seg.normalize(); // NFC: the default form
    out.push(seg);
  }
  return out;
}

/** Parameters carried in the fragment (`#contract_code=TAO-USDT`, HTX), as `URLSearchParams`. */
export function hashParams(url: URL): URLSearchParams {
  return new URLSearchParams(url.hash.replace(/^#\/?\??/, ''));
}

/** A query or fragment value, trimmed and size-capped; `undefined` when absent or oversized. */
export function param(params: URLSearchParams, name: string): string | undefined {
  const v = params.get(name);
  if (v === null) return undefined;
  const t = v.trim();
  return t.length > 0 && t.length <= 64 ? t : undefined;
}

/**
 * Wraps a venue's parser: only http(s) URLs on the venue's hosts (entries may be `*.host`), a
 * bounded URL, decoded path segments, and a parser that can never throw out of `detectPair`.
 */
export function venueParser(
  hosts: readonly string[],
  parse: (url: URL, segments: string[]) => DetectedPair | undefined,
): (url: URL) => DetectedPair | undefined {
  return (url: URL) => {
    try {
      if (!(url instanceof URL)) return undefined;
      if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
      if (!hosts.some((h) => hostMatches(h, url.hostname))) return undefined;
      if (url.href.length > MAX_URL_PART * 2 || url.search.length > MAX_URL_PART || url.hash.length > MAX_URL_PART) return undefined;
      const segments = pathSegments(url);
      if (!segments) return undefined;
      const pair = parse(url, segments);
      return pair && isTicker(pair.base) && isTicker(pair.quote) ? pair : undefined;
    } catch {
      // expected: parsers see hostile URLs; a throw means "no pair", never a crash in the page
      return undefined;
    }
  };
}

/** Lower-cased segment at `i` (path keywords are matched case-insensitively). */
export function seg(segments: readonly string[], i: number): string | undefined {
  return segments[i]?.toLowerCase();
}
