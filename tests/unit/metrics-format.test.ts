/**
 * Formatting one way everywhere, in the UI locale (issue 9): prices in full, totals compact with
 * 3 significant digits, counts exact, percentages and relative times in the locale's style.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { setMessages } from '../../lib/i18n';
import { formatAge, formatCount, formatCountdown, formatNumber, formatPct, formatPrice, formatRatio, formatUsd } from '../../lib/metrics/format';
import { messagesGetter } from './messages';

const missing = [null, undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
const NBSP = /[\u00a0\u202f]/g;
/** The UI in `locale`, as the extension would be with that `_locales` file picked. */
const inLocale = (locale: string) => setMessages((key) => (key === 'locale' ? locale : ''));

afterEach(() => setMessages(messagesGetter('en')));

describe('English (the en messages file)', () => {
  it.each([
    [3_650_000_000, '$3.65B'],
    [412_300_000, '$412M'],
    [12_900, '$12.9K'],
    [4_390, '$4.39K'], // never "$4,390.00" beside "$12.9K"
    [1_200_000_000_000, '$1.2T'],
    [412, '$412'],
    [0, '$0'],
  ])('totals compact, 3 significant digits: %d → %s', (v, s) => expect(formatUsd(v)).toBe(s));

  it.each([
    [1_234.56, '$1,234.56'],
    [64_210.5, '$64,210.50'],
    [0.041234, '$0.04123'],
    [0.00001234, '$0.00001234'],
    [1, '$1.00'],
  ])('prices in full with grouping, small prices with 4 significant digits: %d → %s', (v, s) => expect(formatPrice(v)).toBe(s));

  it('counts exact with grouping, token amounts compact', () => {
    expect(formatCount(3127)).toBe('3,127');
    expect(formatCount(22.41)).toBe('22.41');
    expect(formatNumber(21_000_000)).toBe('21M');
    expect(formatNumber(1_234_567_890)).toBe('1.23B');
  });

  it('percentages and ratios', () => {
    expect(formatPct(1.1, { signed: true })).toBe('+1.1%');
    expect(formatPct(-2.44, { signed: true })).toBe('-2.4%');
    expect(formatPct(0, { signed: true })).toBe('0.0%');
    expect(formatPct(0.043)).toBe('0.04%');
    expect(formatRatio(2.237)).toBe('2.24×');
    expect(formatRatio(12.34)).toBe('12.3×');
    expect(formatRatio(617.4)).toBe('617×');
    expect(formatRatio(0.351)).toBe('0.35×');
    // each precision has its own formatter: a small ratio first must not change the next one
    expect(formatRatio(0.151)).toBe('0.15×');
    expect(formatRatio(3.174)).toBe('3.17×');
  });

  it('relative times', () => {
    const now = Date.UTC(2026, 11, 7);
    expect(formatCountdown(now + 9 * 86_400_000 + 5_000, now)).toBe('in 9 days');
    expect(formatCountdown(now + 5 * 3_600_000, now)).toBe('in 5 hours');
    expect(formatCountdown(now + 30_000, now)).toBe('today');
    expect(formatCountdown(now + 11 * 86_400_000, now, 'narrow')).toMatch(/^in 11 ?d/);
    expect(formatAge(49_000)).toMatch(/^49 ?s ago$/);
    expect(formatAge(3 * 60_000)).toMatch(/^3 ?m(in)? ago$/);
    expect(formatAge(2_000)).toBe('now');
  });

  it('returns — for missing values', () => {
    for (const v of missing) for (const f of [formatUsd, formatPrice, formatNumber, formatCount, formatPct, formatRatio, formatAge]) expect(f(v)).toBe('—');
    expect(formatCountdown(null, 0)).toBe('—');
  });

  it('property: totals never show more than 3 significant digits, never NaN or an exponent', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e14, noNaN: true }), (v) => {
        const s = formatUsd(v);
        expect(s).not.toMatch(/NaN|Infinity|e[+-]/);
        expect(s.replace(/\D/g, '').replace(/^0+/, '').length).toBeLessThanOrEqual(3);
      }),
    );
  });
});

describe('other UI languages', () => {
  it('Chinese: 万/亿 units and Chinese relative times', () => {
    inLocale('zh-CN');
    expect(formatUsd(3_650_000_000)).toBe('$36.5亿');
    expect(formatCountdown(Date.UTC(2026, 0, 10), Date.UTC(2026, 0, 1))).toBe('9天后');
    expect(formatAge(49_000)).toBe('49秒前');
  });

  it('German-style separators in Spanish and Brazilian Portuguese, Turkish percent sign first', () => {
    inLocale('es');
    expect(formatPrice(1234.56).replace(NBSP, ' ')).toMatch(/^1\.234,56 \$$|^1234,56 \$$/);
    expect(formatPct(1.1, { signed: true }).replace(NBSP, ' ')).toBe('+1,1 %');
    inLocale('pt-BR');
    expect(formatCount(3127)).toBe('3.127');
    inLocale('tr');
    expect(formatPct(1.1, { signed: true })).toBe('+%1,1');
  });

  it('Korean, Japanese and Russian relative times', () => {
    const now = Date.UTC(2026, 0, 1);
    inLocale('ko');
    expect(formatCountdown(now + 9 * 86_400_000, now)).toBe('9일 후');
    inLocale('ja');
    expect(formatCountdown(now + 9 * 86_400_000, now)).toBe('9 日後');
    inLocale('ru');
    expect(formatCountdown(now + 9 * 86_400_000, now)).toBe('через 9 дней');
  });
});
