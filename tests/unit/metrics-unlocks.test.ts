import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CliffUnlock, EmissionSchedule, LinearSegment } from '../../lib/types';
import {
  mergeCliffs,
  nextUnlock,
  releasedBetween,
  unlockFigures,
  upcomingByMonth,
} from '../../lib/metrics/unlocks';

const utc = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h);
const DAY = 86_400_000;

// Now: 15 June 2025, 12:00 UTC.
const NOW = utc(2025, 6, 15, 12);

const cliffs: CliffUnlock[] = [
  { atMs: utc(2025, 7, 10), amount: 5000, allocations: [{ recipient: 'Team', category: 'insiders', amount: 5000 }] },
  // two entries at the same timestamp, the same recipient twice
  {
    atMs: utc(2025, 6, 20),
    amount: 300,
    allocations: [
      { recipient: 'Team', category: 'insiders', amount: 100 },
      { recipient: 'Seed', category: 'privateSale', amount: 200 },
    ],
  },
  { atMs: utc(2025, 6, 1), amount: 1000, allocations: [{ recipient: 'Team', category: 'insiders', amount: 1000 }] },
  { atMs: utc(2025, 6, 20), amount: 150, allocations: [{ recipient: 'Team', category: 'insiders', amount: 150 }] },
  { atMs: utc(2025, 6, 18), amount: 0, allocations: [] },
  { atMs: utc(2025, 9, 1), amount: 2000, allocations: [{ recipient: 'Ecosystem', category: 'ecosystem', amount: 2000 }] },
];

const linear: LinearSegment[] = [
  // 10 tokens/day through June
  { startMs: utc(2025, 6, 1), endMs: utc(2025, 7, 1), ratePerDay: 10, recipient: 'Staking', category: 'staking' },
  // 4 tokens/day from 5 July 12:00 to 31 December
  { startMs: utc(2025, 7, 5, 12), endMs: utc(2025, 12, 31), ratePerDay: 4, recipient: 'Farming', category: 'farming' },
];

const schedule: EmissionSchedule = { slug: 'demo', geckoId: 'demo', cliffs, linear, sources: [] };
const empty: EmissionSchedule = { slug: 'none', geckoId: null, cliffs: [], linear: [], sources: [] };

describe('nextUnlock', () => {
  it('is the first positive cliff after now, allocations merged and summed by recipient', () => {
    const next = nextUnlock(schedule, NOW)!;
    expect(next.atMs).toBe(utc(2025, 6, 20));
    // 300 + 150
    expect(next.amount).toBe(450);
    const byRecipient = Object.fromEntries(next.allocations.map((a) => [a.recipient, a.amount]));
    // Team: 100 + 150; Seed: 200
    expect(byRecipient).toEqual({ Team: 250, Seed: 200 });
    expect(next.allocations).toHaveLength(2);
  });

  it('skips a zero cliff and requires a time strictly after now', () => {
    // 18 June has amount 0, so from 17 June the next is still 20 June
    expect(nextUnlock(schedule, utc(2025, 6, 17))!.atMs).toBe(utc(2025, 6, 20));
    // exactly at 20 June 00:00 that cliff is no longer "after now"
    expect(nextUnlock(schedule, utc(2025, 6, 20))!.atMs).toBe(utc(2025, 7, 10));
    expect(nextUnlock(schedule, utc(2025, 6, 20) - 1)!.atMs).toBe(utc(2025, 6, 20));
    expect(nextUnlock(schedule, utc(2025, 9, 1))).toBeNull();
    expect(nextUnlock(empty, NOW)).toBeNull();
  });

  it('does not modify the input schedule', () => {
    const before = JSON.stringify(schedule);
    nextUnlock(schedule, NOW);
    mergeCliffs(schedule.cliffs);
    expect(JSON.stringify(schedule)).toBe(before);
  });
});

describe('mergeCliffs', () => {
  it('merges by timestamp, ascending, and drops non-finite entries', () => {
    const merged = mergeCliffs([
      ...cliffs,
      { atMs: Number.NaN, amount: 5, allocations: [] },
      { atMs: utc(2025, 8, 1), amount: Number.NaN, allocations: [] },
    ]);
    expect(merged.map((c) => c.atMs)).toEqual([
      utc(2025, 6, 1),
      utc(2025, 6, 18),
      utc(2025, 6, 20),
      utc(2025, 7, 10),
      utc(2025, 9, 1),
    ]);
    expect(merged.map((c) => c.amount)).toEqual([1000, 0, 450, 5000, 2000]);
  });
});

describe('releasedBetween', () => {
  it('sums cliffs in [from, to) and pro-rates linear segments by the millisecond', () => {
    // [15 Jun 12:00, 15 Jul 12:00): cliffs 450 (20 Jun) + 5000 (10 Jul);
    // linear 10/day × 15.5 days (15 Jun 12:00 → 1 Jul) = 155; 4/day × 10 days (5 Jul 12:00 → 15 Jul 12:00) = 40
    expect(releasedBetween(schedule, NOW, NOW + 30 * DAY)).toBeCloseTo(450 + 5000 + 155 + 40, 9);
  });

  it('pro-rates a segment across the window edge', () => {
    // [30 Jun 18:00, 2 Jul 00:00): only 6 h of the June segment → 0.25 day × 10 = 2.5
    expect(releasedBetween(schedule, utc(2025, 6, 30, 18), utc(2025, 7, 2))).toBeCloseTo(2.5, 12);
    // [5 Jul 00:00, 6 Jul 00:00): the July segment starts at 12:00 → 0.5 day × 4 = 2
    expect(releasedBetween(schedule, utc(2025, 7, 5), utc(2025, 7, 6))).toBeCloseTo(2, 12);
  });

  it('window is half-open for cliffs', () => {
    const at = utc(2025, 7, 10);
    expect(releasedBetween({ ...schedule, linear: [] }, at, at + 1)).toBe(5000);
    expect(releasedBetween({ ...schedule, linear: [] }, at - 1, at)).toBe(0);
  });

  it('is 0 for an empty or reversed window', () => {
    expect(releasedBetween(schedule, NOW, NOW)).toBe(0);
    expect(releasedBetween(schedule, NOW + DAY, NOW)).toBe(0);
    expect(releasedBetween(empty, 0, NOW)).toBe(0);
  });

  it('property: additive over adjacent windows', () => {
    const lo = utc(2025, 5, 1);
    const hi = utc(2026, 2, 1);
    fc.assert(
      fc.property(
        fc.integer({ min: lo, max: hi }),
        fc.integer({ min: lo, max: hi }),
        fc.integer({ min: lo, max: hi }),
        (x, y, z) => {
          const [a, b, c] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
          const whole = releasedBetween(schedule, a, c);
          const parts = releasedBetween(schedule, a, b) + releasedBetween(schedule, b, c);
          return Math.abs(whole - parts) < 1e-6 && whole >= 0;
        },
      ),
    );
  });
});

describe('upcomingByMonth', () => {
  it('buckets cliff and linear releases by calendar UTC month, current month from now', () => {
    const months = upcomingByMonth(schedule, NOW);
    expect(months.map((m) => m.monthStartMs)).toEqual([
      utc(2025, 6, 1),
      utc(2025, 7, 1),
      utc(2025, 8, 1),
      utc(2025, 9, 1),
      utc(2025, 10, 1),
      utc(2025, 11, 1),
    ]);
    // June from 15 Jun 12:00: cliff 450 (the 1 June cliff is past); linear 15.5 d × 10 = 155
    // July: cliff 5000; linear 4/day from 5 Jul 12:00 to 1 Aug = 26.5 d × 4 = 106
    // Aug: 31 d × 4 = 124; Sep: cliff 2000 on the 1st + 30 d × 4 = 120; Oct 124; Nov 120
    const cliffsByMonth = [450, 5000, 0, 2000, 0, 0];
    const linearByMonth = [155, 106, 124, 120, 124, 120];
    months.forEach((m, i) => {
      expect(m.cliff).toBeCloseTo(cliffsByMonth[i]!, 9);
      expect(m.linear).toBeCloseTo(linearByMonth[i]!, 9);
    });
  });

  it('crosses a year boundary and honours the month count', () => {
    const months = upcomingByMonth(schedule, utc(2025, 12, 20), 3);
    expect(months.map((m) => m.monthStartMs)).toEqual([utc(2025, 12, 1), utc(2026, 1, 1), utc(2026, 2, 1)]);
    // 20 Dec 00:00 → 31 Dec 00:00 = 11 days × 4 = 44
    expect(months[0]!.linear).toBeCloseTo(44, 9);
    expect(months[1]!.linear).toBe(0);
  });
});

describe('unlockFigures', () => {
  it('computes every figure from the definitions', () => {
    const price = 2;
    const f = unlockFigures(schedule, NOW, price, 90_000, 5645, 4580);
    expect(f.nextUnlockDateMs).toBe(utc(2025, 6, 20));
    expect(f.nextUnlockAmount).toBe(450);
    // 450 × 2
    expect(f.nextUnlockValueUsd).toBe(900);
    // 450 / 90,000 × 100 = 0.5 (percent)
    expect(f.nextUnlockPctCirculating).toBeCloseTo(0.5, 12);
    // next 30 days: (450 + 5000 + 155 + 40) × 2 = 11,290
    expect(f.unlocks30dValueUsd).toBeCloseTo(11_290, 9);
    // 11,290 / 5,645 = 2
    expect(f.unlockPressure).toBeCloseTo(2, 12);
    // last 30 days [16 May 12:00, 15 Jun 12:00): cliff 1000 (1 Jun) + 10/day × 14.5 d = 145 → 1145 × 2 = 2290
    expect(f.emissions30dValueUsd).toBeCloseTo(2290, 9);
    // 4580 / 2290 = 2
    expect(f.revenueToEmissions).toBeCloseTo(2, 12);
    expect(f.next?.amount).toBe(450);
  });

  it('missing price → every USD value null, but token figures stay', () => {
    const f = unlockFigures(schedule, NOW, null, 90_000, 1000, 500);
    expect(f.nextUnlockAmount).toBe(450);
    expect(f.nextUnlockPctCirculating).toBeCloseTo(0.5, 12);
    expect(f.nextUnlockValueUsd).toBeNull();
    expect(f.unlocks30dValueUsd).toBeNull();
    expect(f.unlockPressure).toBeNull();
    expect(f.emissions30dValueUsd).toBeNull();
    expect(f.revenueToEmissions).toBeNull();
  });

  it('missing circulating, volume or revenue → just those figures null', () => {
    const f = unlockFigures(schedule, NOW, 2, null, null, null);
    expect(f.nextUnlockPctCirculating).toBeNull();
    expect(f.unlockPressure).toBeNull();
    expect(f.revenueToEmissions).toBeNull();
    expect(f.nextUnlockValueUsd).toBe(900);
    const zero = unlockFigures(schedule, NOW, 2, 0, 0, 100);
    expect(zero.nextUnlockPctCirculating).toBeNull();
    expect(zero.unlockPressure).toBeNull();
  });

  it('revenueToEmissions: negative revenue is kept; no emissions → null', () => {
    const neg = unlockFigures(schedule, NOW, 2, 90_000, 1, -229);
    // −229 / 2290 = −0.1
    expect(neg.revenueToEmissions).toBeCloseTo(-0.1, 12);
    // before any release: emissions over the last 30 days are 0 tokens → value 0 → ratio null
    const early = unlockFigures(schedule, utc(2025, 5, 1), 2, 90_000, 1, 1000);
    expect(early.emissions30dValueUsd).toBe(0);
    expect(early.revenueToEmissions).toBeNull();
  });

  it('no scheduled cliff → next-unlock figures null', () => {
    const f = unlockFigures({ ...schedule, cliffs: [] }, NOW, 2, 90_000, 1000, 100);
    expect(f.next).toBeNull();
    expect(f.nextUnlockDateMs).toBeNull();
    expect(f.nextUnlockAmount).toBeNull();
    expect(f.nextUnlockValueUsd).toBeNull();
    expect(f.nextUnlockPctCirculating).toBeNull();
    // linear only: (155 + 40) × 2
    expect(f.unlocks30dValueUsd).toBeCloseTo(390, 9);
  });
});
