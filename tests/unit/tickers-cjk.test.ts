/**
 * Tokens named in CJK characters (Gate's `人生K线_USDT`) and all-digit bases (Hyperliquid's
 * `/trade/75`): detected, or refused, at every place a ticker is checked; hostile tickers stay
 * refused.
 */
import { describe, expect, it } from 'vitest';
import { detectPair } from '../../lib/exchanges/index';
import { isTickerText, tickerFromText } from '../../lib/exchanges/ticker-text';
import { requestSchemas } from '../../lib/messaging/server';
import { WatchItemSchema } from '../../lib/settings/schema';
import { canonicalTicker, pickFromSearch } from '../../lib/assets/resolve';
import { createEngine } from '../../lib/engine/engine';
import { SwrCache, memoryStore } from '../../lib/engine/cache';
import { defaultSettings } from '../../lib/settings/schema';
import { byPath, fakeFetch, reply } from './helpers/fake-fetch';

const NAME = '人生K线';
const enc = encodeURIComponent;

describe('Gate tokens named in Chinese characters', () => {
  it('the real perpetual URL is detected, the name kept as listed', () => {
    expect(detectPair('https://www.gate.com/futures/USDT/%E4%BA%BA%E7%94%9FK%E7%BA%BF_USDT')).toEqual({ venue: 'gate', base: NAME, quote: 'USDT', market: 'perp' });
    expect(detectPair(`https://www.gate.io/trade/${enc('人生k线')}_USDT`)).toEqual({ venue: 'gate', base: NAME, quote: 'USDT', market: 'spot' });
    expect(detectPair(`https://www.gate.com/zh/trade/${enc('币安人生')}_usdt`)).toEqual({ venue: 'gate', base: '币安人生', quote: 'USDT', market: 'spot' });
  });

  it('NFC-normalised: a CJK compatibility ideograph is the same ticker as its unified form', () => {
    const compat = '\uF900人'; // U+F900 normalises (NFC) to U+8C48 豈
    expect(compat.normalize('NFC')).toBe('\u8C48人');
    expect(detectPair(`https://www.gate.io/trade/${enc(compat)}_USDT`)?.base).toBe('\u8C48人');
  });

  it('only Han: Kana and Hangul names are not accepted (no listing needed them)', () => {
    expect(detectPair(`https://www.gate.io/trade/${enc('한국')}_USDT`)).toBeUndefined();
    expect(detectPair(`https://www.gate.io/trade/${enc('ねこ')}_USDT`)).toBeUndefined();
  });

  it('bounded length: 20 code points at most', () => {
    expect(detectPair(`https://www.gate.io/trade/${enc('人'.repeat(20))}_USDT`)?.base).toBe('人'.repeat(20));
    expect(detectPair(`https://www.gate.io/trade/${enc('人'.repeat(21))}_USDT`)).toBeUndefined();
  });

  it('hostile or look-alike names stay refused', () => {
    const bad = [
      `${enc('人生')}${enc('/..')}_USDT`,
      `${enc('人生?')}_USDT`,
      `${enc('人生#')}_USDT`,
      `${enc('人生 ')}_USDT`,
      `${enc('../人生')}_USDT`,
      `${enc('人生%')}_USDT`,
      `${enc('ВТС')}_USDT`, // Cyrillic look-alike of BTC
      `${enc('\u212AAS')}_USDT`, // KELVIN SIGN: NFC makes it an ASCII K
      `${enc('人生😀')}_USDT`,
      `${enc('人生\u200b')}_USDT`, // zero-width space
      `${enc('人生')}_${enc('美元')}`, // quotes stay ASCII
    ];
    for (const b of bad) expect(detectPair(`https://www.gate.io/trade/${b}`), b).toBeUndefined();
  });
});

describe('all-digit bases are ids, not tickers', () => {
  it('Hyperliquid /trade/75 is not a ticker "75"', () => {
    expect(detectPair('https://app.hyperliquid.xyz/trade/75')).toBeUndefined();
    expect(detectPair('https://app.hyperliquid.xyz/trade/75/USDC')).toBeUndefined();
    expect(detectPair('https://app.hyperliquid.xyz/trade/TAO')?.base).toBe('TAO');
  });
  it('nor anywhere else; tickers that merely contain digits are fine', () => {
    expect(detectPair('https://www.gate.io/trade/75_USDT')).toBeUndefined();
    expect(detectPair('https://www.binance.com/en/trade/1INCH_USDT')?.base).toBe('1INCH');
    expect(isTickerText('75')).toBe(false);
    expect(isTickerText('1000SATS')).toBe(true);
  });
});

describe('the worker and the settings accept the same tickers, and refuse the same', () => {
  const pair = (base: string) => ({ pair: { venue: 'gate', base, quote: 'USDT', market: 'perp' } });
  it('messages: a CJK base passes; hostile, lower-case, digit-only or look-alike bases do not', () => {
    expect(requestSchemas.getBundle.safeParse(pair(NAME)).success).toBe(true);
    for (const b of ['../', '?', '#', 'a/b', '75', 'ВТС', '人生k线', '\uF900', 'tao', '', '人'.repeat(21)]) {
      expect(requestSchemas.getBundle.safeParse(pair(b)).success, b).toBe(false);
    }
    expect(requestSchemas.compare.safeParse({ symbols: ['TAO', NAME] }).success).toBe(true);
  });
  it('watchlist tickers: CJK kept (ASCII upper-cased), `ß` no longer becomes SS', () => {
    expect(WatchItemSchema.parse({ symbol: ' 人生k线 ', assetId: null }).symbol).toBe(NAME);
    expect(WatchItemSchema.parse({ symbol: 'tao', assetId: null }).symbol).toBe('TAO');
    expect(WatchItemSchema.safeParse({ symbol: 'ß', assetId: null }).success).toBe(false);
    expect(WatchItemSchema.safeParse({ symbol: '../x', assetId: null }).success).toBe(false);
    expect(tickerFromText('\u212AAS')).toBeUndefined();
  });
  it('canonicalTicker keeps CJK as it is and still renames ASCII aliases', () => {
    expect(canonicalTicker(NAME)).toBe(NAME);
    expect(canonicalTicker('rndr')).toBe('RENDER');
    expect(canonicalTicker('ß')).toBe('ß');
  });
});

describe('resolved through search like any other ticker', () => {
  it('the overlay asks CoinGecko search with the name percent-encoded and picks the exact symbol', async () => {
    const NOW = Date.UTC(2026, 11, 7, 10);
    const net = fakeFetch(
      byPath({
        'api.coingecko.com/api/v3/search': () => reply({ coins: [{ id: 'renshengkxian', symbol: '人生k线', name: 'Rensheng K', market_cap_rank: 900 }, { id: 'other', symbol: 'K', name: 'K', market_cap_rank: 5 }] }),
      }),
    );
    const engine = createEngine({ cache: new SwrCache({ store: memoryStore(), now: () => NOW }), fetch: net.fetch, now: () => NOW, settings: async () => defaultSettings() });
    const b = await engine.getBundle({ venue: 'gate', base: NAME, quote: 'USDT', market: 'perp' }, true);
    const search = net.to('api.coingecko.com').find((c) => c.url.pathname === '/api/v3/search');
    expect(search?.url.href).toContain('query=%E4%BA%BA%E7%94%9Fk%E7%BA%BF');
    expect(b.asset?.id).toBe('renshengkxian');
    expect(b.pair.base).toBe(NAME);
    // Gate's own API is asked with the pair percent-encoded, never raw
    const gate = net.to('api.gateio.ws');
    expect(gate.length).toBeGreaterThan(0);
    for (const c of gate) expect(c.url.search).toContain('currency_pair=%E4%BA%BA%E7%94%9FK%E7%BA%BF_USDT');
    for (const c of net.calls) expect(c.url.href).not.toMatch(/[^\x21-\x7e]/);
    expect(pickFromSearch(NAME, [{ id: 'renshengkxian', symbol: '人生k线', name: 'R', rank: null }])?.id).toBe('renshengkxian');
  });
});
