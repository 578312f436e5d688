/**
 * Pair detection, table-driven (GUIDE.md, "Units of extension": every venue matches its own
 * URLs and none of the others', in the manner of github-url-detection), plus the shared
 * fixture table, hostile input and property tests (QUALITY.md: parsers are total; tickers are
 * validated, never concatenated raw).
 */
import { fixtureText } from './helpers/fixtures';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectPair, pairFromPageText, venueForUrl, venues, type DetectedPair, type VenueId } from '../../lib/exchanges';
import {
  isLeveraged,
  makePair,
  parseSymbol,
  splitConcatenated,
  stripDecorations,
  stripMultiplier,
  withoutLocale,
} from '../../lib/exchanges/symbols';
import { testUrlsOf } from '../fixtures/venue-urls';

const TICKER = /^[A-Z0-9]{1,20}$/;
const MARKETS = new Set(['spot', 'margin', 'perp', 'future']);

/** Every property of a detected pair that the contract promises, whatever the input was. */
function expectWellFormed(pair: DetectedPair): void {
  expect(pair.base).toMatch(TICKER);
  expect(pair.quote).toMatch(TICKER);
  expect(pair.base).not.toBe(pair.quote);
  expect(MARKETS.has(pair.market)).toBe(true);
  if (pair.multiplier !== undefined) {
    expect(Number.isInteger(pair.multiplier) && pair.multiplier > 1).toBe(true);
    expect(pair.market === 'perp' || pair.market === 'future').toBe(true);
  }
  if (pair.leveraged !== undefined) expect(pair.leveraged).toBe(true);
}

// ------------------------------------------------------------------------------------------
describe('shared fixture table (tests/fixtures/exchange-urls.csv)', () => {
  const text = fixtureText('exchange-urls.csv');
  const [header, ...lines] = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const rows = lines.map((l) => {
    const [url, venue, base, quote, market, multiplier] = l.split(',').map((c) => c.trim());
    return { url: url!, venue, base, quote, market, multiplier };
  });

  it('has the expected columns and enough rows to mean something', () => {
    expect(header!.trim()).toBe('url,venue,base,quote,market,multiplier');
    expect(rows.length).toBeGreaterThanOrEqual(35);
    expect(rows.some((r) => !r.venue)).toBe(true);
  });

  it.each(rows)('$url', ({ url, venue, base, quote, market, multiplier }) => {
    const got = detectPair(url);
    if (!venue) {
      expect(got).toBeUndefined();
      return;
    }
    const expected: DetectedPair = { venue: venue as VenueId, base: base!, quote: quote!, market: market as DetectedPair['market'] };
    if (multiplier) expected.multiplier = Number(multiplier);
    expect(got).toStrictEqual(expected);
  });
});

// ------------------------------------------------------------------------------------------
describe.each(venues.map((v) => [v.id, v] as const))('venue %s', (id, venue) => {
  it('has at least six test URLs, with both markets and non-markets', () => {
    expect(testUrlsOf(venue).length).toBeGreaterThanOrEqual(6);
    expect(testUrlsOf(venue).some(([, e]) => e !== undefined)).toBe(true);
    expect(testUrlsOf(venue).some(([, e]) => e === undefined)).toBe(true);
  });

  it.each(testUrlsOf(venue).map(([url, expected]) => ({ url, expected })))('$url', ({ url, expected }) => {
    const want = expected ? { venue: id, ...expected } : undefined;
    // through the registry (hostname dispatch) and through the venue's own parser
    expect(detectPair(url)).toStrictEqual(want);
    expect(venue.detectPair(new URL(url))).toStrictEqual(want);
    // every test URL is on one of this venue's own hosts (negatives included)
    expect(venueForUrl(url)?.id).toBe(id);
  });

  it("rejects every other venue's test URLs when called directly (cross-negatives)", () => {
    const foreign = venues.filter((v) => v.id !== id).flatMap((v) => testUrlsOf(v).map(([u]) => u));
    expect(foreign.length).toBeGreaterThan(100);
    for (const url of foreign) expect(venue.detectPair(new URL(url)), url).toBeUndefined();
  });

  it('checks the host: its own market URLs moved to any other host are rejected', () => {
    const otherHosts = [
      'evil.example',
      ...venues.filter((v) => v.id !== id).flatMap((v) => testUrlsOf(v).map(([u]) => new URL(u).hostname)),
    ];
    for (const [url, expected] of testUrlsOf(venue)) {
      if (!expected) continue;
      for (const host of new Set(otherHosts)) {
        const moved = new URL(url);
        moved.hostname = host;
        expect(venue.detectPair(moved), moved.href).toBeUndefined();
        expect(detectPair(moved)?.venue, moved.href).not.toBe(id);
      }
    }
  });
});

// ------------------------------------------------------------------------------------------
describe('rules from EXCHANGES.md beyond the venue tables', () => {
  const cases: Array<[string, Omit<DetectedPair, 'venue'> & { venue: VenueId } | undefined]> = [
    // locale prefixes of every documented shape
    ['https://www.kucoin.com/pt/trade/TAO-USDT', { venue: 'kucoin', base: 'TAO', quote: 'USDT', market: 'spot' }],
    ['https://www.okx.com/zh-hant/trade-spot/tao-usdt', { venue: 'okx', base: 'TAO', quote: 'USDT', market: 'spot' }],
    ['https://www.binance.com/en-ww/trade/TAO_USDT', { venue: 'binance', base: 'TAO', quote: 'USDT', market: 'spot' }],
    ['https://www.bybit.com/es-LA/trade/spot/TAO/USDT', { venue: 'bybit', base: 'TAO', quote: 'USDT', market: 'spot' }],
    ['https://www.bitget.com/zh_CN/spot/TAOUSDT', { venue: 'bitget', base: 'TAO', quote: 'USDT', market: 'spot' }],
    ['https://www.mexc.com/EN-US/exchange/TAO_USDT', { venue: 'mexc', base: 'TAO', quote: 'USDT', market: 'spot' }],
    // only one locale segment is dropped
    ['https://www.kucoin.com/en/pt/trade/TAO-USDT', undefined],
    // case-insensitive host and path, encoded path, tracking parameters ignored
    ['HTTPS://WWW.KUCOIN.COM/TRADE/tao-usdt?spm=kcWeb.B1homepage&lang=en_US', { venue: 'kucoin', base: 'TAO', quote: 'USDT', market: 'spot' }],
    ['https://www.kucoin.com/%74rade/TAO%2DUSDT', { venue: 'kucoin', base: 'TAO', quote: 'USDT', market: 'spot' }],
    ['https://www.binance.com/en/trade/TAO_USDT?type=spot&ref=CPA_1&shareCode=x&channelCode=y&inviteCode=z', { venue: 'binance', base: 'TAO', quote: 'USDT', market: 'spot' }],
    ['https://www.kucoin.com/trade/TAO-USDT#ignored', { venue: 'kucoin', base: 'TAO', quote: 'USDT', market: 'spot' }],
    // Binance markets
    ['https://www.binance.com/en/futures/BTCUSDT_250328', { venue: 'binance', base: 'BTC', quote: 'USDT', market: 'future' }],
    ['https://www.binance.com/en/delivery/btcusd_quarter', { venue: 'binance', base: 'BTC', quote: 'USD', market: 'future' }],
    ['https://www.binance.com/en/futures/funding-history/perpetual/real-time-funding-rate', undefined],
    ['https://www.binance.com/en/futures/BTCUSDT.P', undefined],
    // OKX, Bybit, Coinbase, Kraken, Gate
    ['https://www.okx.com/trade-margin/tao-usdt', { venue: 'okx', base: 'TAO', quote: 'USDT', market: 'margin' }],
    ['https://www.okx.com/trade-futures/btc-usd-250328', { venue: 'okx', base: 'BTC', quote: 'USD', market: 'future' }],
    ['https://www.okx.com/trade-futures/btc-usd-251399', undefined],
    ['https://www.bybit.com/trade/usdc/BTC-PERP', { venue: 'bybit', base: 'BTC', quote: 'USDC', market: 'perp' }],
    ['https://www.bybit.com/trade/usdt/AAPLUSDT', { venue: 'bybit', base: 'AAPL', quote: 'USDT', market: 'perp' }],
    ['https://www.coinbase.com/advanced-trade/TAO-USD', { venue: 'coinbase', base: 'TAO', quote: 'USD', market: 'spot' }],
    ['https://pro.kraken.com/app/trade/XDG-USD', { venue: 'kraken', base: 'DOGE', quote: 'USD', market: 'spot' }],
    ['https://www.gate.io/futures_trade/USDT/TAO_USDT', { venue: 'gate', base: 'TAO', quote: 'USDT', market: 'perp' }],
    ['https://www.gate.com/futures-delivery/usdt/SOL_USDT', undefined],
    ['https://www.gate.io/margin-trade/TAO_USDT', { venue: 'gate', base: 'TAO', quote: 'USDT', market: 'margin' }],
    ['https://www.mexc.com/futures/TAO_USDT', { venue: 'mexc', base: 'TAO', quote: 'USDT', market: 'perp' }],
    // Bitget any case, HTX on huobi.com, Crypto.com perps
    ['https://www.bitget.com/spot/taousdt', { venue: 'bitget', base: 'TAO', quote: 'USDT', market: 'spot' }],
    ['https://www.bitget.com/futures/usdt/TAOUSDT_UMCBL', { venue: 'bitget', base: 'TAO', quote: 'USDT', market: 'perp' }],
    ['https://www.huobi.com/en-us/trade/tao_usdt', { venue: 'htx', base: 'TAO', quote: 'USDT', market: 'spot' }],
    ['https://crypto.com/exchange/trade/perps/BTCUSD-PERP', { venue: 'cryptocom', base: 'BTC', quote: 'USD', market: 'perp' }],
    ['https://trading.bitfinex.com/t/BTC:USD?type=margin', { venue: 'bitfinex', base: 'BTC', quote: 'USD', market: 'margin' }],
    ['https://trading.bitfinex.com/t/BTC:UST?type=exchange', { venue: 'bitfinex', base: 'BTC', quote: 'USDT', market: 'spot' }],
    // UST means USDT on Bitfinex only
    ['https://www.kucoin.com/trade/UST-USDT', { venue: 'kucoin', base: 'UST', quote: 'USDT', market: 'spot' }],
    // TradingView
    ['https://www.tradingview.com/chart/?symbol=BINANCE:TAOUSDT.P', { venue: 'tradingview', base: 'TAO', quote: 'USDT', market: 'perp' }],
    ['https://www.tradingview.com/chart/?symbol=BINANCE:1000SATSUSDT', { venue: 'tradingview', base: '1000SATS', quote: 'USDT', market: 'spot' }],
    ['https://www.tradingview.com/chart/?symbol=GBTC', undefined],
    ['https://www.tradingview.com/chart/?symbol=NASDAQ:AAPL', undefined],
    // unknown hosts
    ['https://www.kucoin.com.evil.example/trade/TAO-USDT', undefined],
    ['https://evil.example/www.kucoin.com/trade/TAO-USDT', undefined],
    ['https://www.kucoin.com@evil.example/trade/TAO-USDT', undefined],
    ['https://kucoin.com/trade/TAO-USDT', undefined],
  ];
  it.each(cases.map(([url, expected]) => ({ url, expected })))('$url', ({ url, expected }) => {
    expect(detectPair(url)).toStrictEqual(expected);
  });

  it('accepts a URL object as well as a string', () => {
    expect(detectPair(new URL('https://www.kucoin.com/trade/TAO-USDT'))).toStrictEqual({ venue: 'kucoin', base: 'TAO', quote: 'USDT', market: 'spot' });
  });
});

// ------------------------------------------------------------------------------------------
describe('hostile and invalid input', () => {
  const hostile: unknown[] = [
    '',
    '   ',
    'not a url',
    '//www.kucoin.com/trade/TAO-USDT',
    'www.kucoin.com/trade/TAO-USDT',
    'javascript:alert(1)//www.kucoin.com/trade/TAO-USDT',
    'javascript://www.kucoin.com/trade/TAO-USDT',
    'data:text/html,<a href="https://www.kucoin.com/trade/TAO-USDT">',
    'file:///www.kucoin.com/trade/TAO-USDT',
    'chrome-extension://abcdefghijklmnop/trade/TAO-USDT',
    'ftp://www.kucoin.com/trade/TAO-USDT',
    'https://www.kucoin.com/trade/..%2F..%2Fapi-USDT',
    'https://www.kucoin.com/trade/TAO%2FUSDT',
    'https://www.kucoin.com/trade/TAO-USDT%2F..%2F..',
    'https://www.bybit.com/trade/spot/TAO%2FUSDT',
    'https://www.kucoin.com/trade/ta%C3%9F-usdt', // ß upper-cases to SS
    'https://www.kucoin.com/trade/%E2%84%AAAS-USDT', // KELVIN SIGN
    'https://www.binance.com/en/futures/%E2%80%AEBTCUSDT',
    'https://www.kucoin.com/trade/TAO-USDT%00',
    'https://www.kucoin.com/trade/TAO-USDT%0A',
    'https://www.okx.com/trade-spot/%ZZ-usdt',
    'https://www.okx.com/trade-spot/%E0%A4%A',
    `https://www.kucoin.com/trade/${'A'.repeat(21)}-USDT`,
    `https://www.kucoin.com/trade/TAO-USDT?${'x'.repeat(10_000)}`,
    `https://www.kucoin.com/${'a/'.repeat(3000)}trade/TAO-USDT`,
    'https://app.hyperliquid.xyz/trade/<script>',
    'https://app.hyperliquid.xyz/trade/%3Cimg%20src%3Dx%3E/USDC',
    'https://trading.bitfinex.com/t/BTC:US%C3%90',
    'https://www.tradingview.com/chart/?symbol=BINANCE:TAO%2FUSDT',
    'https://www.tradingview.com/chart/?symbol=BINANCE:../../TAOUSDT',
    'https://upbit.com/exchange?code=CRIX.UPBIT.KRW-TA%C3%96',
    'https://upbit.com/exchange?code=CRIX.UPBIT.KRW-TAO%23x',
    'https://www.htx.com/futures/linear_swap/exchange#contract_code=../../x',
    'https://www.htx.com/futures/linear_swap/exchange#contract_code=TAO-USDT%3Fx%3D1',
    'https://www.htx.com/futures/linear_swap/exchange#contract_code=__proto__',
    'https://www.binance.com/en/trade/__proto___constructor',
    'https://www.binance.com/en/trade/TAO_USDT?type=__proto__',
    null,
    undefined,
    42,
    {},
    { href: 'https://www.kucoin.com/trade/TAO-USDT' },
    Symbol('x'),
  ];
  it.each(hostile.map((input) => ({ input, label: String(typeof input === 'symbol' ? 'Symbol' : JSON.stringify(input))?.slice(0, 80) })))(
    '$label → undefined',
    ({ input }) => {
      expect(() => detectPair(input as string)).not.toThrow();
      expect(detectPair(input as string)).toBeUndefined();
      expect(() => venueForUrl(input as string)).not.toThrow();
    },
  );

  it('a venue parser never throws, even on a URL of another scheme', () => {
    for (const v of venues) {
      expect(v.detectPair(new URL('javascript:void(0)'))).toBeUndefined();
      expect(v.detectPair(new URL('about:blank'))).toBeUndefined();
    }
  });
});

// ------------------------------------------------------------------------------------------
describe('property tests (fast-check)', () => {
  const hosts = [...new Set(venues.flatMap((v) => testUrlsOf(v).map(([u]) => new URL(u).host)))];
  const keywords = [
    'trade', 'futures', 'delivery', 'spot', 'usdt', 'usdc', 'coin', 'inverse', 'exchange', 'linear_swap',
    'swap', 'trade-spot', 'trade-swap', 'trade-futures', 'trade-margin', 'advanced-trade', 'perpetuals',
    'app', 't', 'chart', 'symbols', 'mix', 'margin-trade', 'futures_trade', 'futures-delivery', 'perps',
    'en', 'zh-CN', 'my', 'wallet', 'TAO-USDT', 'TAO_USDT', 'TAOUSDT', 'BTC:USD', 'kPEPE', 'XBTUSDTM',
    'tao-usdt-swap', 'BTCF0:USTF0', '1000PEPEUSDT', '..', '%2F', '%00', '%C3%9F', 'BTC-PERP-INTX',
  ];
  const segment = fc.oneof(
    fc.constantFrom(...keywords),
    fc.stringMatching(/^[A-Za-z0-9_:.@-]{1,14}$/),
    fc.string({ unit: 'binary', maxLength: 12 }).map((s) => encodeURIComponent(s)),
  );
  const query = fc.oneof(
    fc.constant(''),
    fc.constantFrom('?type=spot', '?type=cross', '?type=margin', '?symbol=BINANCE:TAOUSDT.P', '?code=CRIX.UPBIT.KRW-TAO', '?exchange=KUCOIN'),
    fc.string({ unit: 'binary', maxLength: 30 }).map((s) => `?symbol=${encodeURIComponent(s)}&code=${encodeURIComponent(s)}`),
  );
  const hash = fc.oneof(fc.constant(''), fc.string({ unit: 'binary', maxLength: 30 }).map((s) => `#contract_code=${encodeURIComponent(s)}`));

  it('detectPair never throws for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const got = detectPair(s);
        if (got) expectWellFormed(got);
      }),
      { numRuns: 2000 },
    );
  });

  it('detectPair never throws for arbitrary web URLs', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (s) => {
        const got = detectPair(s);
        if (got) expectWellFormed(got);
      }),
      { numRuns: 500 },
    );
  });

  it('on every venue host, arbitrary paths yield a well-formed pair of that venue or undefined', () => {
    fc.assert(
      fc.property(fc.constantFrom(...hosts), fc.array(segment, { maxLength: 5 }), query, hash, (host, segs, q, h) => {
        const url = `https://${host}/${segs.join('/')}${q}${h}`;
        const got = detectPair(url);
        if (!got) return;
        expectWellFormed(got);
        expect(got.venue).toBe(venueForUrl(url)?.id);
      }),
      { numRuns: 3000 },
    );
  });

  it('pairFromPageText never throws and yields only well-formed pairs', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<VenueId>('tradingview', 'hyperliquid', 'kucoin'),
        fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.stringMatching(/^[A-Za-z0-9:./| $-]{0,30}$/)),
        fc.constantFrom('https://www.tradingview.com/chart/', 'https://app.hyperliquid.xyz/trade', 'https://www.kucoin.com/trade/TAO-USDT'),
        (venue, text, url) => {
          const got = pairFromPageText(venue, text, url);
          if (got) {
            expectWellFormed(got);
            expect(got.venue).toBe(venue);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

// ------------------------------------------------------------------------------------------
describe('pairFromPageText (venues whose URL can hide the pair)', () => {
  it('TradingView: reads the header symbol button', () => {
    const url = 'https://www.tradingview.com/chart/aBc123/';
    expect(pairFromPageText('tradingview', 'TAOUSDT', url)).toStrictEqual({ venue: 'tradingview', base: 'TAO', quote: 'USDT', market: 'spot' });
    expect(pairFromPageText('tradingview', ' BTCUSDT.P \n', url)).toStrictEqual({ venue: 'tradingview', base: 'BTC', quote: 'USDT', market: 'perp' });
    expect(pairFromPageText('tradingview', 'BINANCE:SOLUSDT', url)).toStrictEqual({ venue: 'tradingview', base: 'SOL', quote: 'USDT', market: 'spot' });
    expect(pairFromPageText('tradingview', 'AAPL', url)).toBeUndefined();
    expect(pairFromPageText('tradingview', 'EURUSD', url)).toBeUndefined();
    expect(pairFromPageText('tradingview', 'NASDAQ:TSLA', url)).toBeUndefined();
    expect(pairFromPageText('tradingview', '', url)).toBeUndefined();
  });

  it('Hyperliquid: reads the title on bare /trade only', () => {
    const url = 'https://app.hyperliquid.xyz/trade';
    expect(pairFromPageText('hyperliquid', '97,123.0 | BTC | Hyperliquid', url)).toStrictEqual({ venue: 'hyperliquid', base: 'BTC', quote: 'USDC', market: 'perp' });
    expect(pairFromPageText('hyperliquid', '38.12 | HYPE/USDC | Hyperliquid', url)).toStrictEqual({ venue: 'hyperliquid', base: 'HYPE', quote: 'USDC', market: 'spot' });
    expect(pairFromPageText('hyperliquid', '0.0123 | kPEPE-USD | Hyperliquid', url)).toStrictEqual({ venue: 'hyperliquid', base: 'PEPE', quote: 'USDC', market: 'perp', multiplier: 1000 });
    expect(pairFromPageText('hyperliquid', 'Hyperliquid', url)).toBeUndefined();
    expect(pairFromPageText('hyperliquid', 'BTC | ETH | Hyperliquid', url)).toBeUndefined();
    expect(pairFromPageText('hyperliquid', 'xyz:TSLA | Hyperliquid', url)).toBeUndefined();
    expect(pairFromPageText('hyperliquid', 'BTC | Hyperliquid', 'https://app.hyperliquid.xyz/portfolio')).toBeUndefined();
  });

  it('is undefined for venues without a page reader, foreign URLs and invalid URLs', () => {
    expect(pairFromPageText('kucoin', 'TAOUSDT', 'https://www.kucoin.com/trade/TAO-USDT')).toBeUndefined();
    expect(pairFromPageText('tradingview', 'TAOUSDT', 'https://app.hyperliquid.xyz/trade')).toBeUndefined();
    expect(pairFromPageText('tradingview', 'TAOUSDT', 'not a url')).toBeUndefined();
    expect(pairFromPageText('nope' as VenueId, 'TAOUSDT', 'https://www.tradingview.com/chart/')).toBeUndefined();
  });

  it('only TradingView and Hyperliquid read the page', () => {
    expect(venues.filter((v) => v.pairFromPage).map((v) => v.id).sort()).toEqual(['hyperliquid', 'tradingview']);
    for (const v of venues.filter((x) => x.pairFromPage)) {
      // one narrow selector: an id or a single element, no combinators beyond one child step
      expect(v.pairFromPage!.selector).toMatch(/^(#[a-z-]+|head > title)$/);
    }
  });
});

// ------------------------------------------------------------------------------------------
describe('symbols.ts helpers', () => {
  it.each([
    ['TAOUSDT', 'TAO', 'USDT'],
    ['BTCFDUSD', 'BTC', 'FDUSD'],
    ['BTCTUSD', 'BTC', 'TUSD'],
    ['XAUTUSD', 'XAUT', 'USD'],
    ['XBTUSD', 'XBT', 'USD'],
    ['ETHBTC', 'ETH', 'BTC'],
    ['SUSDT', 'S', 'USDT'],
    ['USDCUSDT', 'USDC', 'USDT'],
    ['BTCTRY', 'BTC', 'TRY'],
    ['ENAUSDE', 'ENA', 'USDE'],
    ['1000SATSUSDT', '1000SATS', 'USDT'],
  ])('splitConcatenated(%s) → %s/%s', (sym, base, quote) => {
    expect(splitConcatenated(sym)).toEqual({ base, quote });
  });

  it.each(['USDT', 'DEPOSIT', 'WITHDRAW', 'HOME', '', 'TAO-USDT', 'taß', 'ÜSDT'])('splitConcatenated(%j) → undefined', (sym) => {
    expect(splitConcatenated(sym)).toBeUndefined();
  });

  it('strips derivative decorations and says what they meant', () => {
    expect(stripDecorations('BTCUSDT.P')).toEqual({ symbol: 'BTCUSDT', market: 'perp' });
    expect(stripDecorations('tao-usdt-swap')).toEqual({ symbol: 'TAO-USDT', market: 'perp' });
    expect(stripDecorations('BTC-PERP-INTX')).toEqual({ symbol: 'BTC', market: 'perp' });
    expect(stripDecorations('TAOUSDT_SPBL')).toEqual({ symbol: 'TAOUSDT', market: 'spot' });
    expect(stripDecorations('TAOUSDT_UMCBL')).toEqual({ symbol: 'TAOUSDT', market: 'perp' });
    expect(stripDecorations('BTCUSD_DMCBL')).toEqual({ symbol: 'BTCUSD', market: 'perp' });
    expect(stripDecorations('BTCUSDT_250328')).toEqual({ symbol: 'BTCUSDT', market: 'future' });
    expect(stripDecorations('btc-usd-250328')).toEqual({ symbol: 'BTC-USD', market: 'future' });
    expect(stripDecorations('SOL_USDT_20260710')).toEqual({ symbol: 'SOL_USDT', market: 'future' });
    expect(stripDecorations('BTC-26DEC25')).toEqual({ symbol: 'BTC', market: 'future' });
    // not a date: left alone
    expect(stripDecorations('BTC_USDT_991399')).toEqual({ symbol: 'BTC_USDT_991399', market: undefined });
    expect(stripDecorations('TAO_USDT')).toEqual({ symbol: 'TAO_USDT', market: undefined });
  });

  it('multiplier prefixes apply to derivatives only', () => {
    expect(stripMultiplier('1000PEPE')).toEqual({ base: 'PEPE', multiplier: 1000 });
    expect(stripMultiplier('10000LADYS')).toEqual({ base: 'LADYS', multiplier: 10000 });
    expect(stripMultiplier('1000000MOG')).toEqual({ base: 'MOG', multiplier: 1000000 });
    expect(stripMultiplier('1MBABYDOGE')).toEqual({ base: 'BABYDOGE', multiplier: 1000000 });
    expect(stripMultiplier('1INCH')).toEqual({ base: '1INCH' });
    expect(stripMultiplier('1000X')).toEqual({ base: '1000X' });
    expect(makePair('binance', '1000PEPE', 'USDT', 'perp')).toStrictEqual({ venue: 'binance', base: 'PEPE', quote: 'USDT', market: 'perp', multiplier: 1000 });
    expect(makePair('binance', '1000SATS', 'USDT', 'spot')).toStrictEqual({ venue: 'binance', base: '1000SATS', quote: 'USDT', market: 'spot' });
    expect(makePair('binance', '1INCH', 'USDT', 'perp')).toStrictEqual({ venue: 'binance', base: '1INCH', quote: 'USDT', market: 'perp' });
  });

  it('flags leveraged tokens without mistaking real names for them', () => {
    for (const t of ['BTC3L', 'ETH3S', 'SOL5L', 'BTCUP', 'ETHDOWN', 'BNBBULL', 'XRPBEAR', 'LINKUP', '1INCHUP']) expect(isLeveraged(t), t).toBe(true);
    for (const t of ['JUP', 'SETUP', 'BTC', 'C98', 'API3', 'T', 'SUP', 'POPCAT', 'SKL', 'X2Y2', 'ZKUP']) expect(isLeveraged(t), t).toBe(false);
    expect(makePair('kucoin', 'BTC3L', 'USDT', 'spot')).toStrictEqual({ venue: 'kucoin', base: 'BTC3L', quote: 'USDT', market: 'spot', leveraged: true });
    expect(makePair('kucoin', 'JUP', 'USDT', 'spot')).toStrictEqual({ venue: 'kucoin', base: 'JUP', quote: 'USDT', market: 'spot' });
  });

  it('resolves XBT and XDG everywhere, UST only where a venue asks', () => {
    expect(makePair('kraken', 'xbt', 'usd', 'spot')?.base).toBe('BTC');
    expect(makePair('kraken', 'xdg', 'usd', 'spot')?.base).toBe('DOGE');
    expect(makePair('kucoin', 'UST', 'USDT', 'spot')?.base).toBe('UST');
    expect(makePair('bitfinex', 'BTC', 'UST', 'spot', { aliases: new Map([['UST', 'USDT']]) })?.quote).toBe('USDT');
  });

  it('validates tickers before upper-casing them', () => {
    expect(makePair('kucoin', 'taß', 'USDT', 'spot')).toBeUndefined();
    expect(makePair('kucoin', 'ﬀ', 'USDT', 'spot')).toBeUndefined();
    expect(makePair('kucoin', 'A'.repeat(21), 'USDT', 'spot')).toBeUndefined();
    expect(makePair('kucoin', 'USDT', 'usdt', 'spot')).toBeUndefined();
    expect(parseSymbol('kucoin', 'TAO-USDT-X', 'spot')).toBeUndefined();
    expect(parseSymbol('binance', 'FUNDING-HISTORY', 'perp', { separators: '' })).toBeUndefined();
    expect(parseSymbol('upbit', 'KRW-TAO', 'spot', { quoteFirst: true })).toStrictEqual({ venue: 'upbit', base: 'TAO', quote: 'KRW', market: 'spot' });
    expect(parseSymbol('coinbase', 'PRICE-ALERTS', 'spot', { knownQuoteOnly: true })).toBeUndefined();
  });

  it('drops one locale segment of the documented shapes', () => {
    for (const loc of ['en', 'pt', 'zh-CN', 'zh-hans', 'zh-hant', 'en-US', 'zh-MY', 'en-ww', 'es-LA', 'zh_CN']) {
      expect(withoutLocale([loc, 'trade', 'X'])).toEqual(['trade', 'X']);
    }
    for (const notLoc of ['trade', 'my', 'futures', 'eng', 'en-toolong', 't']) {
      expect(withoutLocale([notLoc, 'X'])).toEqual([notLoc, 'X']);
    }
  });
});
