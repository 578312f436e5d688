import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DailyValue } from '../../lib/types';
import { completeDays, dailyFigures, sparkline } from '../../lib/metrics/revenue';

const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
const HOUR = 3_600_000;

// "Now" is 15 June 2025, 13:00 UTC. Yesterday (the last complete day) is 14 June; the 30-day
// window is 16 May … 14 June inclusive (14 June − 29 days = 16 May).
const NOW = day(2025, 6, 15) + 13 * HOUR;

/** value of day d of a month, chosen so every day is distinguishable: 1000 + month×100 + d */
const v = (m: number, d: number) => 1000 + m * 100 + d;

/** 10 May … 15 June, every day present (15 June is today's partial day). */
function fullSeries(): DailyValue[] {
  const out: DailyValue[] = [];
  for (let d = 10; d <= 31; d++) out.push({ dayMs: day(2025, 5, d), usd: v(5, d) });
  for (let d = 1; d <= 15; d++) out.push({ dayMs: day(2025, 6, d), usd: v(6, d) });
  return out;
}

/** Expected 30-day sum computed from the definition: 16–31 May plus 1–14 June. */
function expectedWindowSum(skip: (m: number, d: number) => boolean = () => false): number {
  let s = 0;
  for (let d = 16; d <= 31; d++) if (!skip(5, d)) s += v(5, d);
  for (let d = 1; d <= 14; d++) if (!skip(6, d)) s += v(6, d);
  return s;
}

describe('dailyFigures', () => {
  it('uses yesterday for 24h, the 30 complete days ending yesterday for 30d, and drops today', () => {
    const f = dailyFigures(fullSeries(), NOW);
    expect(f.last24h).toBe(v(6, 14));
    expect(f.lastCompleteDayMs).toBe(day(2025, 6, 14));
    expect(f.daysIn30d).toBe(30);
    expect(f.last30d).toBe(expectedWindowSum());
    expect(f.annualized).toBeCloseTo((expectedWindowSum() * 365) / 30, 6);
  });

  it('reports a missing yesterday as null and counts missing days in the window', () => {
    const series = fullSeries().filter(
      (x) => x.dayMs !== day(2025, 6, 14) && x.dayMs !== day(2025, 6, 2) && x.dayMs !== day(2025, 5, 20),
    );
    const f = dailyFigures(series, NOW);
    expect(f.last24h).toBeNull();
    expect(f.lastCompleteDayMs).toBe(day(2025, 6, 13));
    expect(f.daysIn30d).toBe(27);
    const skip = (m: number, d: number) => (m === 6 && (d === 14 || d === 2)) || (m === 5 && d === 20);
    expect(f.last30d).toBe(expectedWindowSum(skip));
  });

  it('window edges at UTC midnight', () => {
    // At exactly 00:00 UTC on 15 June, 14 June has just completed: same window as NOW.
    const atMidnight = dailyFigures(fullSeries(), day(2025, 6, 15));
    expect(atMidnight.last24h).toBe(v(6, 14));
    expect(atMidnight.last30d).toBe(expectedWindowSum());
    // One millisecond earlier, 14 June is still open: yesterday is 13 June, window 15 May … 13 June.
    const before = dailyFigures(fullSeries(), day(2025, 6, 15) - 1);
    expect(before.last24h).toBe(v(6, 13));
    expect(before.lastCompleteDayMs).toBe(day(2025, 6, 13));
    expect(before.last30d).toBe(expectedWindowSum() - v(6, 14) + v(5, 15));
    expect(before.daysIn30d).toBe(30);
  });

  it('excludes the day just before the window (15 May) and includes its first day (16 May)', () => {
    const only = [
      { dayMs: day(2025, 5, 15), usd: 1_000_000 },
      { dayMs: day(2025, 5, 16), usd: 7 },
    ];
    const f = dailyFigures(only, NOW);
    expect(f.last30d).toBe(7);
    expect(f.daysIn30d).toBe(1);
    expect(f.last24h).toBeNull();
    // nothing in the window at all → null, not 0
    const none = dailyFigures([{ dayMs: day(2025, 5, 15), usd: 5 }], NOW);
    expect(none.last30d).toBeNull();
    expect(none.annualized).toBeNull();
    expect(none.daysIn30d).toBe(0);
    expect(none.lastCompleteDayMs).toBe(day(2025, 5, 15));
  });

  it('keeps negative revenue as it is', () => {
    const series: DailyValue[] = [
      { dayMs: day(2025, 6, 12), usd: 500 },
      { dayMs: day(2025, 6, 13), usd: -200 },
      { dayMs: day(2025, 6, 14), usd: -50.5 },
    ];
    const f = dailyFigures(series, NOW);
    expect(f.last24h).toBe(-50.5);
    expect(f.last30d).toBe(500 - 200 - 50.5);
    expect(f.annualized).toBeCloseTo((249.5 * 365) / 30, 9);
  });

  it('tolerates unsorted input, duplicate days (last wins) and non-finite values', () => {
    const series: DailyValue[] = [
      { dayMs: day(2025, 6, 14), usd: 1 },
      { dayMs: day(2025, 6, 12), usd: 10 },
      { dayMs: day(2025, 6, 14), usd: 2 }, // duplicate: this one wins
      { dayMs: day(2025, 6, 13), usd: Number.NaN },
      { dayMs: Number.NaN, usd: 1e9 },
      { dayMs: day(2025, 6, 15), usd: 1e9 }, // today, partial
      { dayMs: day(2025, 6, 20), usd: 1e9 }, // future
    ];
    const f = dailyFigures(series, NOW);
    expect(f.last24h).toBe(2);
    expect(f.last30d).toBe(12);
    expect(f.daysIn30d).toBe(2);
  });

  it('treats a non-midnight timestamp as its UTC day', () => {
    const f = dailyFigures([{ dayMs: day(2025, 6, 14) + 5 * HOUR, usd: 42 }], NOW);
    expect(f.last24h).toBe(42);
  });

  it('is all-null on an empty series', () => {
    expect(dailyFigures([], NOW)).toEqual({
      last24h: null,
      last30d: null,
      lastCompleteDayMs: null,
      daysIn30d: 0,
      annualized: null,
    });
  });

  it('property: order of the input does not matter (unique days)', () => {
    const arb = fc
      .uniqueArray(fc.integer({ min: -40, max: 3 }), { maxLength: 45 })
      .chain((offs) =>
        fc.tuple(
          fc.constant(offs),
          fc.shuffledSubarray(offs, { minLength: offs.length, maxLength: offs.length }),
        ),
      );
    fc.assert(
      fc.property(arb, ([offs, shuffled]) => {
        const mk = (o: number): DailyValue => ({ dayMs: day(2025, 6, 15) + o * 86_400_000, usd: o * 3 + 1 });
        const a = dailyFigures(offs.map(mk), NOW);
        const b = dailyFigures(shuffled.map(mk), NOW);
        expect(b.last24h).toBe(a.last24h);
        expect(b.daysIn30d).toBe(a.daysIn30d);
        expect(b.lastCompleteDayMs).toBe(a.lastCompleteDayMs);
        // sums of integers: exact
        expect(b.last30d).toBe(a.last30d);
        // the count follows the definition
        expect(a.daysIn30d).toBe(offs.filter((o) => o >= -30 && o <= -1).length);
      }),
    );
  });
});

describe('completeDays', () => {
  it('returns complete days ascending', () => {
    const out = completeDays(
      [
        { dayMs: day(2025, 6, 15), usd: 3 },
        { dayMs: day(2025, 6, 13), usd: 1 },
        { dayMs: day(2025, 6, 14), usd: 2 },
      ],
      NOW,
    );
    expect(out).toEqual([
      { dayMs: day(2025, 6, 13), usd: 1 },
      { dayMs: day(2025, 6, 14), usd: 2 },
    ]);
  });
});

describe('sparkline', () => {
  it('lists the complete days of the window oldest first, omitting missing days', () => {
    const series = fullSeries().filter((x) => x.dayMs !== day(2025, 6, 10));
    const expected: number[] = [];
    for (let d = 16; d <= 31; d++) expected.push(v(5, d));
    for (let d = 1; d <= 14; d++) if (d !== 10) expected.push(v(6, d));
    expect(sparkline([...series].reverse(), NOW)).toEqual(expected);
    expect(sparkline(series, NOW)).toHaveLength(29);
  });

  it('honours a shorter window', () => {
    expect(sparkline(fullSeries(), NOW, 3)).toEqual([v(6, 12), v(6, 13), v(6, 14)]);
  });
});

describe('complete days are judged at fetch time', () => {
  const DAY = 86_400_000;
  const d7 = Date.UTC(2026, 11, 7);
  // Values per day: 12-05 = 5, 12-06 = 6, 12-07 = 7 (the last one in progress when fetched).
  const series: DailyValue[] = [5, 6, 7].map((usd, i) => ({ dayMs: d7 - (2 - i) * DAY, usd }));

  it('a series fetched at 23:00 and read at 01:00 does not treat its last point as a complete day', () => {
    const fetchedAt = d7 + 23 * 3_600_000;
    const readAt = d7 + DAY + 3_600_000; // 01:00 the next day
    const f = dailyFigures(series, readAt, fetchedAt);
    expect(f.last24h).toBe(6); // not the partial 7
    expect(f.last30d).toBe(11);
    expect(f.lastCompleteDayMs).toBe(d7 - DAY);
    expect(sparkline(series, readAt, 30, fetchedAt)).toEqual([5, 6]);
    // Without the fetch time the partial day would count (the bug this guards against).
    expect(dailyFigures(series, readAt).last24h).toBe(7);
  });

  it('a fetch time after the read time (clock skew) changes nothing', () => {
    const readAt = d7 + 12 * 3_600_000;
    expect(dailyFigures(series, readAt, readAt + DAY)).toEqual(dailyFigures(series, readAt));
    expect(dailyFigures(series, readAt, Number.NaN)).toEqual(dailyFigures(series, readAt));
  });
});
