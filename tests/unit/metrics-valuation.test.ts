import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fdv, pctVs, product, ratio } from '../../lib/metrics/valuation';

describe('fdv', () => {
  it('prefers the reported fully_diluted_valuation', () => {
    expect(fdv({ fdvUsd: 3.65e9, maxSupply: 21e6, totalSupply: 10e6 }, 400)).toEqual({
      value: 3.65e9,
      basis: 'reported',
    });
    // reported is used even without a price
    expect(fdv({ fdvUsd: 1e9, maxSupply: null, totalSupply: null }, null)).toEqual({
      value: 1e9,
      basis: 'reported',
    });
  });

  it('falls back to price × max supply, then price × total supply', () => {
    // 400 USD × 21,000,000 = 8,400,000,000
    expect(fdv({ fdvUsd: null, maxSupply: 21e6, totalSupply: 10e6 }, 400)).toEqual({
      value: 8.4e9,
      basis: 'maxSupply',
    });
    // uncapped (ETH-like): 2.5 USD × 1,000,000 = 2,500,000
    expect(fdv({ fdvUsd: null, maxSupply: null, totalSupply: 1e6 }, 2.5)).toEqual({
      value: 2.5e6,
      basis: 'totalSupply',
    });
  });

  it('treats a zero/negative reported FDV or zero supply as unknown', () => {
    expect(fdv({ fdvUsd: 0, maxSupply: 100, totalSupply: 50 }, 2)).toEqual({ value: 200, basis: 'maxSupply' });
    expect(fdv({ fdvUsd: -5, maxSupply: 0, totalSupply: 50 }, 2)).toEqual({ value: 100, basis: 'totalSupply' });
  });

  it('is null when nothing is usable', () => {
    expect(fdv({ fdvUsd: null, maxSupply: 21e6, totalSupply: 1 }, null)).toBeNull();
    expect(fdv({ fdvUsd: null, maxSupply: null, totalSupply: null }, 3)).toBeNull();
    expect(fdv({ fdvUsd: Number.NaN, maxSupply: null, totalSupply: null }, 3)).toBeNull();
    expect(fdv({ fdvUsd: null, maxSupply: 10, totalSupply: 10 }, 0)).toBeNull();
  });
});

describe('ratio', () => {
  it('divides', () => {
    expect(ratio(5, 2)).toBe(2.5);
    expect(ratio(-3, 4)).toBe(-0.75);
    expect(ratio(0, 4)).toBe(0);
  });

  it('is null for missing, non-finite or non-positive denominators', () => {
    expect(ratio(null, 2)).toBeNull();
    expect(ratio(2, undefined)).toBeNull();
    expect(ratio(2, 0)).toBeNull();
    expect(ratio(2, -1)).toBeNull();
    expect(ratio(Number.NaN, 1)).toBeNull();
    expect(ratio(1, Number.POSITIVE_INFINITY)).toBeNull();
    expect(ratio(Number.POSITIVE_INFINITY, 1)).toBeNull();
    // overflow: 1e308 / 1e-10 is Infinity
    expect(ratio(1e308, 1e-10)).toBeNull();
  });

  it('property: never returns a non-finite number', () => {
    const any = fc.oneof(
      fc.double(),
      fc.constant(null),
      fc.constant(undefined),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -0, Number.MIN_VALUE),
    );
    fc.assert(
      fc.property(any, any, (a, b) => {
        const r = ratio(a, b);
        return r === null || Number.isFinite(r);
      }),
    );
  });

  it('property: r × b ≈ a whenever a ratio is returned', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.double({ min: 1e-3, max: 1e9, noNaN: true }), (a, b) => {
        const r = ratio(a, b)!;
        return Math.abs(r * b - a) <= 1e-9 * Math.max(1, Math.abs(a));
      }),
    );
  });
});

describe('pctVs', () => {
  it('is a percent, not a fraction', () => {
    // 110 vs 100: (1.1 − 1) × 100 = 10
    expect(pctVs(110, 100)).toBeCloseTo(10, 12);
    // ATH drawdown: price 25 vs ATH 100 → (0.25 − 1) × 100 = −75
    expect(pctVs(25, 100)).toBe(-75);
    expect(pctVs(100, 100)).toBe(0);
  });

  it('is null when the reference is missing or ≤ 0, or the price is missing', () => {
    expect(pctVs(1, 0)).toBeNull();
    expect(pctVs(1, -2)).toBeNull();
    expect(pctVs(1, null)).toBeNull();
    expect(pctVs(null, 1)).toBeNull();
    expect(pctVs(undefined, 1)).toBeNull();
    expect(pctVs(Number.NaN, 1)).toBeNull();
  });
});

describe('product', () => {
  it('multiplies, keeps a real zero and refuses missing sides', () => {
    expect(product(2, 3.5)).toBe(7);
    expect(product(0, 3.5)).toBe(0);
    expect(product(null, 3.5)).toBeNull();
    expect(product(2, undefined)).toBeNull();
    expect(product(1e308, 10)).toBeNull();
  });
});
