import { describe, expect, it } from 'vitest';
import { verdict, verdictParts } from '../../lib/metrics/verdict';
import { bundleOf as bundle } from './helpers/bundle';

const NOW = Date.UTC(2026, 10, 28);

describe('verdict strip', () => {
  it('states figures only, most relevant first', () => {
    const b = bundle({
      revenueToEmissions: 0.12,
      nextUnlockPctCirculating: 4.1,
      nextUnlockDate: new Date(NOW + 9 * 86_400_000).toISOString(),
      unlockPressure: 1.84,
      fdvToMcap: 2.37,
    });
    expect(verdict(b, NOW)).toBe('revenue covers 12.00 % of emissions · 4.10 % of supply unlocks in 9 days · 30-day unlocks 1.84× daily volume');
  });

  it('never uses advice words, and says nothing without figures', () => {
    const b = bundle({ fdvToMcap: 3, fdvToRevenue: 6350, revenueToEmissions: 0.01 });
    const text = verdictParts(b, NOW, 10).join(' ');
    expect(text).not.toMatch(/\b(buy|sell|bull|bear|cheap|expensive|undervalued|overvalued|should|good|bad)/i);
    expect(verdict(bundle({ revenueToEmissions: null, fdvToMcap: 1 }), NOW)).toBe('');
  });
});
