import { describe, expect, it } from 'vitest';
import type { EmissionSchedule } from '../../lib/types';
import { buildCalendar, daysUntil, isSoon, type CalendarToken } from '../../lib/metrics/unlock-calendar';

const utc = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h);
const DAY = 86_400_000;
const NOW = utc(2025, 6, 15, 12);

function sched(partial: Partial<EmissionSchedule>): EmissionSchedule {
  return { slug: 'x', geckoId: null, cliffs: [], linear: [], sources: [], ...partial };
}

const aaa: CalendarToken = {
  symbol: 'AAA',
  name: 'Alpha',
  priceUsd: 2,
  circulatingSupply: 1_000_000,
  volume24hUsd: 50_000,
  schedule: sched({
    cliffs: [
      // three entries at one timestamp: investors twice (summed), team once
      { atMs: utc(2025, 7, 1), amount: 10_000, allocations: [{ recipient: 'Investors', category: 'privateSale', amount: 10_000 }] },
      { atMs: utc(2025, 7, 1), amount: 5_000, allocations: [{ recipient: 'Team', category: 'insiders', amount: 5_000 }] },
      { atMs: utc(2025, 7, 1), amount: 20_000, allocations: [{ recipient: 'Investors', category: 'privateSale', amount: 20_000 }] },
      // past, and just outside the 90-day window: excluded
      { atMs: utc(2025, 6, 1), amount: 999, allocations: [] },
      { atMs: NOW + 90 * DAY, amount: 777, allocations: [] },
      // inside the window, last day
      { atMs: NOW + 90 * DAY - 1, amount: 1_000, allocations: [{ recipient: 'Ecosystem', category: 'ecosystem', amount: 1_000 }] },
      // zero amount: no row
      { atMs: utc(2025, 6, 20), amount: 0, allocations: [] },
    ],
  }),
};

const bbb: CalendarToken = {
  symbol: 'BBB',
  name: 'Beta',
  priceUsd: null,
  circulatingSupply: null,
  volume24hUsd: null,
  schedule: sched({
    cliffs: [{ atMs: utc(2025, 6, 18), amount: 400, allocations: [{ recipient: 'Team', category: 'insiders', amount: 400 }] }],
    linear: [
      { startMs: utc(2025, 1, 1), endMs: utc(2026, 1, 1), ratePerDay: 10, recipient: 'Staking', category: 'staking' },
      { startMs: utc(2025, 3, 1), endMs: utc(2027, 1, 1), ratePerDay: 5, recipient: 'Ecosystem', category: 'ecosystem' },
      // already over: ignored
      { startMs: utc(2024, 1, 1), endMs: utc(2025, 1, 1), ratePerDay: 1000, recipient: 'Old', category: 'x' },
    ],
  }),
};

describe('buildCalendar', () => {
  const cal = buildCalendar([aaa, bbb, { ...aaa, symbol: 'RENDER', name: 'Render', schedule: null }, { ...aaa, symbol: 'IO', schedule: null }], NOW);

  it('merges all allocations at one timestamp into one row, recipients summed and largest first', () => {
    const row = cal.rows.find((r) => r.symbol === 'AAA' && r.atMs === utc(2025, 7, 1))!;
    expect(row.amount).toBe(35_000);
    expect(row.recipients).toEqual([
      { recipient: 'Investors', category: 'privateSale', amount: 30_000 },
      { recipient: 'Team', category: 'insiders', amount: 5_000 },
    ]);
    expect(row.valueUsd).toBe(70_000);
    expect(row.pctCirculating).toBeCloseTo(3.5, 10); // percent
    expect(row.unlockPressure).toBeCloseTo(1.4, 10); // 70 000 USD ÷ 50 000 USD of daily volume
  });

  it('orders rows earliest first across tokens and keeps only the 90-day window', () => {
    expect(cal.rows.map((r) => [r.symbol, r.atMs])).toEqual([
      ['BBB', utc(2025, 6, 18)],
      ['AAA', utc(2025, 7, 1)],
      ['AAA', NOW + 90 * DAY - 1],
    ]);
    const shorter = buildCalendar([aaa], NOW, 10);
    expect(shorter.rows).toHaveLength(0);
    expect(shorter.quiet).toEqual(['AAA']);
  });

  it('leaves USD, percent and pressure empty (not zero) without price, supply or volume', () => {
    const row = cal.rows.find((r) => r.symbol === 'BBB')!;
    expect(row.valueUsd).toBeNull();
    expect(row.pctCirculating).toBeNull();
    expect(row.unlockPressure).toBeNull();
  });

  it('summarises linear streams per token instead of listing them', () => {
    expect(cal.linear).toEqual([
      { symbol: 'BBB', tokensPerWeek: 105, valuePerWeekUsd: null, fromMs: NOW, untilMs: utc(2027, 1, 1), recipients: ['Staking', 'Ecosystem'] },
    ]);
  });

  it('starts a stream summary at a later start inside the window and reports an open end as null', () => {
    const t: CalendarToken = {
      ...aaa,
      symbol: 'CCC',
      schedule: sched({ linear: [{ startMs: NOW + 10 * DAY, endMs: Infinity, ratePerDay: 2, recipient: 'Miners', category: 'rewards' }] }),
    };
    const c = buildCalendar([t], NOW);
    expect(c.linear[0]).toMatchObject({ fromMs: NOW + 10 * DAY, untilMs: null, tokensPerWeek: 14, valuePerWeekUsd: 28 });
    expect(c.rows).toEqual([]);
    expect(c.quiet).toEqual([]);
  });

  it('lists tokens without a schedule once, in watchlist order', () => {
    const c = buildCalendar([{ ...aaa, symbol: 'RENDER', schedule: null }, { ...aaa, symbol: 'IO', schedule: null }, { ...aaa, symbol: 'RENDER', schedule: null }], NOW);
    expect(c.noSchedule).toEqual(['RENDER', 'IO']);
    expect(cal.noSchedule).toEqual(['RENDER', 'IO']);
  });
});

describe('countdown', () => {
  it('rounds up to whole days and marks the next 7 days', () => {
    expect(daysUntil(NOW + 3 * 3_600_000, NOW)).toBe(1);
    expect(daysUntil(NOW + 7 * DAY, NOW)).toBe(7);
    expect(isSoon(NOW + 7 * DAY, NOW)).toBe(true);
    expect(isSoon(NOW + 7 * DAY + 1, NOW)).toBe(false);
  });
});
