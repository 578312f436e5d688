import { describe, expect, it } from 'vitest';
import { levelOf, verdict, verdictParts } from '../../lib/metrics/verdict';
import { bundleOf as bundle } from './helpers/bundle';

const NOW = Date.UTC(2026, 10, 28);

describe('verdict strip', () => {
  it('states figures only, most relevant first: "of circulating", volume across all exchanges', () => {
    const b = bundle({
      revenueToEmissions: 0.12,
      nextUnlockPctCirculating: 4.1,
      nextUnlockDate: new Date(NOW + 9 * 86_400_000).toISOString(),
      unlockPressure: 1.84,
      fdvToMcap: 2.37,
    });
    expect(verdict(b, NOW)).toBe('revenue covers 12.0% of emissions · 4.1% of circulating unlocks in 9 days · 30-day unlocks 1.84× of 24h volume across all exchanges');
  });

  it('one low / medium / high chip per clause, by the README thresholds', () => {
    const b = bundle({ revenueToEmissions: 1.2, unlockPressure: 6, fdvToMcap: 2 });
    expect(verdictParts(b, NOW).map((p) => [p.id, p.level])).toEqual([
      ['revenueToEmissions', 'low'],
      ['unlockPressure', 'high'],
      ['fdvToMcap', 'medium'],
    ]);
    expect([levelOf(0.99, 1, 5), levelOf(1, 1, 5), levelOf(5, 1, 5)]).toEqual(['low', 'medium', 'high']);
    expect(verdictParts(bundle({ revenueToEmissions: 0.2 }), NOW)[0]!.level).toBe('high');
  });

  it('never uses advice words, and says nothing without figures', () => {
    const b = bundle({ fdvToMcap: 3, fdvToRevenue: 6350, revenueToEmissions: 0.01 });
    const text = verdictParts(b, NOW, 10)
      .map((p) => p.text)
      .join(' ');
    expect(text).not.toMatch(/\b(buy|sell|bull|bear|cheap|expensive|undervalued|overvalued|should|good|bad)/i);
    expect(verdict(bundle({ revenueToEmissions: null, fdvToMcap: 1 }), NOW)).toBe('');
  });
});
