import { describe, expect, it } from 'vitest';
import { assemble, type AssembleInput } from '../../lib/engine/assemble';
import type { Bundle } from '../../lib/engine/bundle';
import { metricNote, renderNotes } from './messages';
import type { Candle, MarketSnapshot, Ticker24h } from '../../lib/types';

const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);
const DAY = 86_400_000;

const snap: MarketSnapshot = {
  id: 'bittensor', symbol: 'tao', name: 'Bittensor', priceUsd: 400, marketCapUsd: 3_600_000_000, fdvUsd: null,
  circulatingSupply: 9_000_000, totalSupply: 10_000_000, maxSupply: 21_000_000, athUsd: 800, change24hPct: 2,
  volume24hUsd: 1e8, lastUpdatedMs: NOW - 60_000,
};
const tick: Ticker24h = { last: 410, change24hPct: 3.5, volumeBase: 1000, volumeQuote: 410_000, asOfMs: NOW - 1000 };

function ok<T>(value: T, fetchedAtMs = NOW - 5000, stale = false) {
  return { ok: true as const, value, fetchedAtMs, stale, from: 'cache' as const };
}
const pair = (quote = 'USDT'): Bundle['pair'] => ({ venue: 'kucoin', base: 'TAO', quote, market: 'spot' });
const asset = { id: 'bittensor', symbol: 'TAO', name: 'Bittensor', via: 'override' as const, alternatives: [] };

function value(b: Bundle, id: string) {
  return b.metrics.find((m) => m.id === id);
}

function base(over: Partial<AssembleInput> = {}): AssembleInput {
  return {
    pair: pair(),
    asset,
    market: { source: 'coingecko', what: 'w_market', result: ok(snap) },
    ticker: { source: 'kucoin', what: 'w_ticker', result: ok(tick) },
    nowMs: NOW,
    ...over,
  };
}

describe('assemble', () => {
  it('takes price, change and volume from the venue when the pair is USD-quoted', () => {
    const b = assemble(base());
    expect(value(b, 'price')).toMatchObject({ value: 410, source: 'kucoin' });
    expect(value(b, 'change24h')).toMatchObject({ value: 3.5, source: 'kucoin' });
    expect(value(b, 'volume24h')).toMatchObject({ value: 410_000, source: 'kucoin' });
    expect(b.state).toBe('ready');
  });

  it('uses CoinGecko’s USD price for a pair not quoted in USD', () => {
    const b = assemble(base({ pair: pair('BTC') }));
    expect(value(b, 'price')).toMatchObject({ value: 400, source: 'coingecko' });
  });

  it('computes FDV from max supply when CoinGecko has none, and says so', () => {
    const b = assemble(base());
    // 400 × 21,000,000 (CoinGecko price, as FDV is a CoinGecko figure)
    expect(value(b, 'fdv')).toMatchObject({ value: 8_400_000_000, source: 'computed' });
    expect(metricNote(value(b, 'fdv'))).toBe('computed from max supply × price');
    expect(value(b, 'fdvToMcap')?.value).toBeCloseTo(8_400_000_000 / 3_600_000_000, 12);
    // ATH drawdown against the price on screen: (410 / 800 − 1) × 100
    expect(value(b, 'athDrawdown')?.value).toBeCloseTo(-48.75, 10);
  });

  it('CoinGecko refusing leaves the exchange figures on screen: state partial with a note naming it', () => {
    const b = assemble(base({ market: { source: 'coingecko', what: 'w_market', result: { ok: false, error: { kind: 'rate-limited', status: 429, message: '429' } } } }));
    expect(b.state).toBe('partial');
    expect(value(b, 'price')).toMatchObject({ value: 410 });
    expect(value(b, 'marketCap')).toMatchObject({ value: null, asOfMs: null });
    expect(renderNotes(b.notes).join(' ')).toMatch(/CoinGecko market data: rate-limited \(HTTP 429\)/);
    expect(b.sources.find((s) => s.source === 'coingecko')).toMatchObject({ ok: false });
  });

  it('stale data is shown, marked stale, with its own age', () => {
    const b = assemble(base({ market: { source: 'coingecko', what: 'w_market', result: ok(snap, NOW - 3 * 3600_000, true) } }));
    expect(b.state).toBe('stale');
    expect(value(b, 'marketCap')).toMatchObject({ value: 3_600_000_000, asOfMs: NOW - 3 * 3600_000 });
  });

  it('an unknown asset is unsupported; nothing at all is an error', () => {
    expect(assemble({ pair: pair(), asset: null, assetProblem: { kind: 'unknown', note: ['n_no_ticker', 'TAO'] }, nowMs: NOW }).state).toBe('unsupported');
    const dead = assemble({ pair: pair(), asset, market: { source: 'coingecko', what: 'w_market', result: { ok: false, error: { kind: 'network', message: 'x' } } }, nowMs: NOW });
    expect(dead.state).toBe('error');
  });

  it('technicals drop the open candle and say when there are too few candles', () => {
    const closes = Array.from({ length: 61 }, (_, i) => 100 + i);
    const today = Math.floor(NOW / DAY) * DAY;
    const candles: Candle[] = closes.map((c, i) => ({ t: today - (60 - i) * DAY, o: c, h: c + 1, l: c - 1, c, v: 1 }));
    const b = assemble(base({ candles: { source: 'kucoin', what: 'w_candles', result: ok(candles) } }));
    // closed: closes[0..59] = 100..159; last 50 = 110..159, mean 134.5
    expect(value(b, 'sma50')?.value).toBeCloseTo(134.5, 10);
    expect(value(b, 'priceVsSma50')?.value).toBeCloseTo((410 / 134.5 - 1) * 100, 10);
    // strictly rising: no losses → RSI 100
    expect(value(b, 'rsi14')?.value).toBe(100);
    const few = assemble(base({ candles: { source: 'kucoin', what: 'w_candles', result: ok(candles.slice(-20)) } }));
    expect(value(few, 'sma50')).toMatchObject({ value: null });
    expect(metricNote(value(few, 'sma50'))).toBe('only 19 closed daily candles');
  });

  it('never emits NaN or Infinity as a value', () => {
    const weird = { ...snap, marketCapUsd: 0, athUsd: 0, maxSupply: null, totalSupply: null };
    const b = assemble(base({ market: { source: 'coingecko', what: 'w_market', result: ok(weird) } }));
    for (const m of b.metrics) if (typeof m.value === 'number') expect(Number.isFinite(m.value)).toBe(true);
    expect(value(b, 'fdvToMcap')?.value).toBeNull();
    expect(value(b, 'athDrawdown')?.value).toBeNull();
  });
});
