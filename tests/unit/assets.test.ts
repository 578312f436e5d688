import { describe, expect, it } from 'vitest';
import { canonicalTicker, pickFromSearch, resolveBuiltIn } from '../../lib/assets/resolve';

describe('asset resolution', () => {
  it('renames and aliases', () => {
    expect(canonicalTicker('rndr')).toBe('RENDER');
    expect(canonicalTicker('MATIC')).toBe('POL');
    expect(canonicalTicker('XBT')).toBe('BTC');
    expect(resolveBuiltIn('kraken', 'XBT')).toMatchObject({ id: 'bitcoin', via: 'override' });
    expect(resolveBuiltIn('binance', 'RNDR')).toMatchObject({ id: 'render-token' });
  });

  it('the user’s pick wins, then per-venue overrides', () => {
    expect(resolveBuiltIn('kucoin', 'TAO', 'some-other')).toMatchObject({ id: 'some-other', via: 'user' });
    expect(resolveBuiltIn('upbit', 'TOKAMAK')).toMatchObject({ id: 'tokamak-network' });
  });

  it('colliding tickers go to search and keep the alternatives', () => {
    expect(resolveBuiltIn('kucoin', 'IO')).toEqual({ needsSearch: true, ambiguous: true });
    const r = pickFromSearch('IO', [
      { id: 'io-net', symbol: 'IO', name: 'io.net', rank: 250 },
      { id: 'iostoken', symbol: 'IOST', name: 'IOST', rank: 300 },
      { id: 'other-io', symbol: 'io', name: 'Other IO', rank: 100 },
    ]);
    // io.net is the built-in default even though another IO ranks higher; the other is offered.
    expect(r).toMatchObject({ id: 'io-net', via: 'override', alternatives: [{ id: 'other-io' }] });
  });

  it('unknown tickers take the best-ranked exact symbol match only', () => {
    const r = pickFromSearch('ABC', [
      { id: 'abc-low', symbol: 'ABC', name: 'Low', rank: 900 },
      { id: 'abcd', symbol: 'ABCD', name: 'Not exact', rank: 1 },
      { id: 'abc-top', symbol: 'abc', name: 'Top', rank: 40 },
      { id: 'abc-unranked', symbol: 'ABC', name: 'Unranked', rank: null },
    ]);
    expect(r).toMatchObject({ id: 'abc-top', via: 'search' });
    expect(r?.alternatives.map((a) => a.id)).toEqual(['abc-low', 'abc-unranked']);
    expect(pickFromSearch('ZZZ', [{ id: 'zzzz', symbol: 'ZZZZ', name: 'x', rank: 1 }])).toBeUndefined();
  });

  it('a leveraged token never resolves to its underlying', () => {
    expect(resolveBuiltIn('kucoin', 'BTC3L')).toEqual({ needsSearch: true, ambiguous: false });
    expect(pickFromSearch('BTC3L', [{ id: 'bitcoin', symbol: 'BTC', name: 'Bitcoin', rank: 1 }])).toBeUndefined();
  });
});
