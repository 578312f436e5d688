/**
 * TradingView (www and the regional subdomains: in., uk., de., jp.…). EXCHANGES.md: charts
 * `/chart/[layout/]?symbol=KUCOIN:TAOUSDT`, symbol pages `/symbols/TAOUSDT/[?exchange=…]` and
 * `/symbols/BINANCE-SOLUSDT/`; the `.P` suffix marks a perpetual.
 *
 * TradingView also lists stocks, indices and forex, so only symbols from crypto exchanges are
 * accepted (`NASDAQ:AAPL`, `CRYPTOCAP:TOTAL` and `SPX` are undefined). A bare symbol with no
 * exchange is accepted only when it ends in a stablecoin quote (USDT, USDC, FDUSD…), or in
 * USD/EUR/BTC/ETH after a well-known crypto base (so `EURUSD` and the ETF `GBTC` are not pairs).
 *
 * The chart changes symbol in-app without touching the URL (EXCHANGES.md: "read the symbol
 * element"), which forced `pairFromPage`: the header toolbar's symbol button,
 * `#header-toolbar-symbol-search`, an id TradingView's own chart bundle defines
 * (`SymbolSearch = "header-toolbar-symbol-search"`) and that chart automations read for the
 * ticker. Its text is the bare ticker (`TAOUSDT`, `BTCUSDT.P`).
 */
import { defineVenue, type DetectedPair } from './define';
import { makePair, param, parseSymbol, seg, splitConcatenated, stripDecorations, STABLE_QUOTES, KNOWN_BASES, venueParser } from './symbols';

/** TradingView exchange prefixes that list crypto pairs. CRYPTOCAP (market-cap indices) is not one. */
const CRYPTO_EXCHANGES = new Set([
  'BINANCE', 'BINANCEUS', 'KUCOIN', 'COINBASE', 'BYBIT', 'OKX', 'KRAKEN', 'GATEIO', 'GATE', 'MEXC',
  'BITGET', 'HTX', 'HUOBI', 'BITFINEX', 'CRYPTO', 'CRYPTOCOM', 'BITSTAMP', 'GEMINI', 'UPBIT',
  'BITHUMB', 'POLONIEX', 'BINGX', 'PHEMEX', 'WHITEBIT', 'COINEX', 'BITVAVO', 'BITMART',
]);

const BITFINEX_ALIASES: ReadonlyMap<string, string> = new Map([['UST', 'USDT']]);

/** `TAOUSDT`, `BTCUSDT.P`, `1000PEPEUSDT.P` under a crypto exchange's prefix. */
function exchangeTicker(exchange: string, ticker: string): DetectedPair | undefined {
  if (!CRYPTO_EXCHANGES.has(exchange)) return undefined;
  const { symbol, market } = stripDecorations(ticker);
  if (market === 'spot') return undefined;
  const perpWord = market === undefined ? /^([A-Z0-9]{2,24})PERP$/.exec(symbol) : null;
  const core = perpWord ? perpWord[1]! : symbol;
  const kind = perpWord ? 'perp' : (market ?? 'spot');
  return parseSymbol('tradingview', core, kind, {
    separators: '',
    aliases: exchange === 'BITFINEX' ? BITFINEX_ALIASES : undefined,
  });
}

/** A ticker with no exchange: crypto only when its quote says so (see the header). */
function bareTicker(ticker: string): DetectedPair | undefined {
  const { symbol, market } = stripDecorations(ticker);
  if (market !== undefined && market !== 'perp') return undefined;
  const split = splitConcatenated(symbol);
  if (!split) return undefined;
  const crypto = STABLE_QUOTES.has(split.quote) || (['USD', 'EUR', 'BTC', 'ETH'].includes(split.quote) && KNOWN_BASES.has(split.base));
  return crypto ? makePair('tradingview', split.base, split.quote, market ?? 'spot') : undefined;
}

/** `KUCOIN:TAOUSDT`, `BINANCE-SOLUSDT` (symbol pages), or a bare `TAOUSDT`. */
function symbolText(raw: string, separator: ':' | '-'): DetectedPair | undefined {
  if (!/^[A-Za-z0-9.:_-]{1,48}$/.test(raw)) return undefined;
  const upper = raw.toUpperCase();
  const at = upper.indexOf(separator);
  if (at === -1) return bareTicker(upper);
  const exchange = upper.slice(0, at);
  const ticker = upper.slice(at + 1);
  if (!/^[A-Z0-9]{2,20}$/.test(exchange)) return undefined;
  return exchangeTicker(exchange, ticker);
}

function parse(url: URL, s: string[]): DetectedPair | undefined {
  const section = seg(s, 0);
  if (section === 'chart' && s.length <= 2) {
    const symbol = param(url.searchParams, 'symbol');
    return symbol ? symbolText(symbol, ':') : undefined;
  }
  if (section === 'symbols' && s.length >= 2 && s.length <= 4) {
    // Sub-pages (`/symbols/BTCUSDT/ideas/`, `/technicals/`) show the same symbol.
    if (!s.slice(2).every((x) => /^[a-z-]{1,24}$/.test(x))) return undefined;
    const sym = s[1]!;
    if (sym.includes('-')) return symbolText(sym, '-');
    const exchange = param(url.searchParams, 'exchange');
    return exchange ? symbolText(`${exchange}:${sym}`, ':') : symbolText(sym, ':');
  }
  return undefined;
}

/** Header symbol button text → pair (bare ticker rules; an `EXCHANGE:` prefix is honoured). */
function fromSymbolButton(text: string, url: URL): DetectedPair | undefined {
  if (!(url.hostname === 'tradingview.com' || url.hostname.endsWith('.tradingview.com'))) return undefined;
  const t = text.trim();
  if (t.length === 0 || t.length > 48) return undefined;
  return symbolText(t, ':');
}

/**
 * Account, asset, API and withdrawal pages on the venue's hosts: the manifest's `exclude_matches`
 * (lib/exchanges/manifest.ts). Apart from the venue object, so the content script does not carry it.
 */
// Charts and symbol pages only; account settings live under `/u/` and `/settings/`.
export const tradingviewExcludeMatches: readonly string[] = [];

export const tradingviewVenue = defineVenue({
  id: 'tradingview',
  label: 'TradingView',
  matches: ['https://*.tradingview.com/chart/*', 'https://*.tradingview.com/symbols/*'],
  hosts: ['*.tradingview.com'],
  detectPair: venueParser(['*.tradingview.com'], parse),
  pairFromPage: { selector: '#header-toolbar-symbol-search', parse: fromSymbolButton },
});
