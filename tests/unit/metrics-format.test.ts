import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatAge,
  formatCountdown,
  formatNumber,
  formatPct,
  formatRatio,
  formatUsd,
} from '../../lib/metrics/format';

const M = '\u2212'; // the minus sign used everywhere
const missing = [null, undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];

describe('formatUsd', () => {
  it.each([
    [3_650_000_000, '$3.65B'],
    [412_300_000, '$412.3M'],
    [12_400, '$12.4K'],
    [1_234.56, '$1,234.56'],
    [0.0412, '$0.0412'],
    [0.00001234, '$0.00001234'],
    [1_200_000_000_000, '$1.20T'],
    [45_600_000, '$45.6M'],
    [9_999.99, '$9,999.99'],
    [10_000, '$10.0K'],
    [999_960, '$1.00M'], // rounding carries into the next unit
    [1, '$1.00'],
    [0, '$0.00'],
    [-1.5, `${M}$1.50`],
    [-2_500_000, `${M}$2.50M`],
  ])('%d → %s', (v, s) => {
    expect(formatUsd(v)).toBe(s);
  });

  it('returns — for missing values', () => {
    for (const v of missing) expect(formatUsd(v)).toBe('—');
  });

  it('property: never throws, never shows NaN/Infinity/exponent for normal magnitudes, keeps the sign', () => {
    // "normal": zero or at least 1e-12 in magnitude (exponent form is reserved for < 1e-15)
    const normal = fc
      .double({ min: -1e14, max: 1e14, noNaN: true })
      .filter((v) => v === 0 || Math.abs(v) >= 1e-12);
    fc.assert(
      fc.property(normal, (v) => {
        const s = formatUsd(v);
        expect(s).not.toMatch(/NaN|Infinity|e[+-]/);
        expect(s).toMatch(/^\u2212?\$[0-9]/);
        if (s.startsWith(M)) expect(v).toBeLessThan(0);
      }),
    );
  });
});

describe('formatNumber', () => {
  it.each([
    [21_000_000, '21M'],
    [1_230_000_000, '1.23B'],
    [12_400, '12.4K'],
    [1_234, '1.23K'],
    [999, '999'],
    [12.5, '12.5'],
    [0.5, '0.5'],
    [0.01234, '0.01234'],
    [999_999, '1M'],
    [0, '0'],
    [-1500, `${M}1.5K`],
  ])('%d → %s', (v, s) => {
    expect(formatNumber(v)).toBe(s);
  });

  it('returns — for missing values', () => {
    for (const v of missing) expect(formatNumber(v)).toBe('—');
  });
});

describe('formatPct', () => {
  it('formats percent with two decimals and consistent signs', () => {
    expect(formatPct(3.1, { signed: true })).toBe('+3.10 %');
    expect(formatPct(-2.4, { signed: true })).toBe(`${M}2.40 %`);
    expect(formatPct(-2.4)).toBe(`${M}2.40 %`);
    expect(formatPct(3.1)).toBe('3.10 %');
    expect(formatPct(0, { signed: true })).toBe('0.00 %');
    // rounds to zero: no sign
    expect(formatPct(-0.001, { signed: true })).toBe('0.00 %');
    expect(formatPct(12345.678)).toBe('12,345.68 %');
    expect(formatPct(0.5, { decimals: 1 })).toBe('0.5 %');
  });

  it('returns — for missing values', () => {
    for (const v of missing) expect(formatPct(v, { signed: true })).toBe('—');
  });
});

describe('formatRatio', () => {
  it.each([
    [2.5, '2.5×'],
    [2, '2×'],
    [1.234, '1.23×'],
    [12.34, '12.3×'],
    [250.4, '250×'],
    [12_345, '12,345×'],
    [0.35, '0.35×'],
    [0.0312, '0.031×'],
    [0, '0×'],
    [-0.1, `${M}0.1×`],
  ])('%d → %s', (v, s) => {
    expect(formatRatio(v)).toBe(s);
  });

  it('returns — for missing values', () => {
    for (const v of missing) expect(formatRatio(v)).toBe('—');
  });
});

describe('formatAge', () => {
  const S = 1000;
  it.each([
    [0, 'just now'],
    [-5 * S, 'just now'],
    [9 * S, 'just now'],
    [45 * S, '45 s ago'],
    [12 * 60 * S + 59 * S, '12 min ago'],
    [3 * 3600 * S + 1, '3 h ago'],
    [2 * 86_400 * S + 5 * 3600 * S, '2 d ago'],
  ])('%d ms → %s', (ms, s) => {
    expect(formatAge(ms)).toBe(s);
  });

  it('returns — for missing values', () => {
    for (const v of missing) expect(formatAge(v)).toBe('—');
  });
});

describe('formatCountdown', () => {
  const now = Date.UTC(2025, 5, 15, 12);
  const MIN = 60_000;
  const H = 60 * MIN;
  const D = 24 * H;
  it.each([
    [12 * D + 3 * H, 'in 12 days'],
    [D, 'in 1 day'],
    [5 * H + 59 * MIN, 'in 5 h'],
    [40 * MIN + 30_000, 'in 40 min'],
    [30_000, 'today'],
    [-2 * H, 'today'],
    [-3 * D, '3 d ago'],
  ])('target = now + %d ms → %s', (delta, s) => {
    expect(formatCountdown(now + delta, now)).toBe(s);
  });

  it('returns — when either time is missing', () => {
    for (const v of missing) {
      expect(formatCountdown(v, now)).toBe('—');
      expect(formatCountdown(now, v)).toBe('—');
    }
  });
});
