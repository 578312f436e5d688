import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AverageGain, AverageLoss, RSI, SMA } from 'technicalindicators';
import type { Candle } from '../../lib/types';
import { DAY_MS, utcDayStart } from '../../lib/metrics/time';
import {
  closedCandles,
  metricsFromCandles,
  rsiWilder,
  sma,
  supportResistance,
  wilderAverages,
} from '../../lib/metrics/technicals';

/** Deterministic PRNG (mulberry32) so the "realistic" series is the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const START = Date.UTC(2025, 0, 1);

/** A random-walk daily series: ±4 % per day around 300, wicks up to 1.5 % beyond open/close. */
function randomWalkCandles(n: number, seed: number, startMs = START): Candle[] {
  const rand = mulberry32(seed);
  const out: Candle[] = [];
  let prev = 300;
  for (let i = 0; i < n; i++) {
    const c = prev * (1 + (rand() - 0.5) * 0.08);
    const o = prev;
    const h = Math.max(o, c) * (1 + rand() * 0.015);
    const l = Math.min(o, c) * (1 - rand() * 0.015);
    out.push({ t: startMs + i * DAY_MS, o, h, l, c, v: 1000 + rand() * 500 });
    prev = c;
  }
  return out;
}

const series200 = randomWalkCandles(200, 42);
const closes200 = series200.map((k) => k.c);

describe('utcDayStart', () => {
  it('floors to 00:00 UTC', () => {
    expect(utcDayStart(Date.UTC(2025, 5, 15, 13, 45, 7, 9))).toBe(Date.UTC(2025, 5, 15));
    expect(utcDayStart(Date.UTC(2025, 5, 15))).toBe(Date.UTC(2025, 5, 15));
    expect(utcDayStart(Date.UTC(2025, 5, 15) - 1)).toBe(Date.UTC(2025, 5, 14));
  });
});

describe('sma', () => {
  it('matches technicalindicators SMA(50) on every window of a 200-close random walk', () => {
    const ref = SMA.calculate({ period: 50, values: closes200 });
    expect(ref).toHaveLength(151);
    for (let end = 50; end <= 200; end++) {
      expect(sma(closes200.slice(0, end), 50)).toBeCloseTo(ref[end - 50]!, 9);
    }
  });

  it('is the mean of the last `period` values (hand-worked)', () => {
    // closes 1..10, period 4: (7 + 8 + 9 + 10) / 4 = 34 / 4 = 8.5
    expect(sma([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 4)).toBe(8.5);
    // period = length: (2 + 4 + 9) / 3 = 5
    expect(sma([2, 4, 9], 3)).toBe(5);
  });

  it('is null with fewer values than the period or a bad period', () => {
    expect(sma([1, 2, 3], 4)).toBeNull();
    expect(sma([], 1)).toBeNull();
    expect(sma([1, 2, 3], 0)).toBeNull();
    expect(sma([1, 2, 3], 1.5)).toBeNull();
    expect(sma([1, Number.NaN, 3], 2)).toBeNull();
  });

  it('property: lies between the min and max of its window', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 1, max: 80 }),
        (xs, period) => {
          const m = sma(xs, period);
          if (period > xs.length) return m === null;
          const w = xs.slice(-period);
          return m !== null && m >= Math.min(...w) - 1e-6 && m <= Math.max(...w) + 1e-6;
        },
      ),
    );
  });
});

describe('rsiWilder', () => {
  it('matches technicalindicators RSI(14) on every prefix of a 200-close random walk', () => {
    // technicalindicators rounds RSI to 2 decimals, hence the 0.005 tolerance.
    const ref = RSI.calculate({ values: closes200, period: 14 });
    expect(ref).toHaveLength(200 - 14);
    for (let end = 15; end <= 200; end++) {
      const ours = rsiWilder(closes200.slice(0, end), 14);
      expect(ours).not.toBeNull();
      expect(Math.abs(ours! - ref[end - 15]!)).toBeLessThanOrEqual(0.005 + 1e-9);
    }
    // The series is not degenerate: the RSI moves across a wide range.
    expect(Math.max(...ref) - Math.min(...ref)).toBeGreaterThan(20);
  });

  it('uses the same Wilder averages as technicalindicators AverageGain/AverageLoss (unrounded)', () => {
    for (const period of [14, 5]) {
      const gains = AverageGain.calculate({ values: closes200, period });
      const losses = AverageLoss.calculate({ values: closes200, period });
      const avg = wilderAverages(closes200, period)!;
      expect(avg.avgGain).toBeCloseTo(gains[gains.length - 1]!, 10);
      expect(avg.avgLoss).toBeCloseTo(losses[losses.length - 1]!, 10);
      const rs = gains[gains.length - 1]! / losses[losses.length - 1]!;
      expect(rsiWilder(closes200, period)).toBeCloseTo(100 - 100 / (1 + rs), 9);
    }
  });

  it('matches a series worked out by hand (period 3)', () => {
    // closes 10, 11, 10.5, 11.5, 11, 12 → changes +1, −0.5, +1, −0.5, +1
    // seed (first 3 changes): avgGain = (1 + 0 + 1) / 3 = 2/3, avgLoss = (0 + 0.5 + 0) / 3 = 1/6
    // change −0.5: avgGain = (2/3 × 2 + 0) / 3 = 4/9;   avgLoss = (1/6 × 2 + 0.5) / 3 = 5/18
    // change +1:   avgGain = (4/9 × 2 + 1) / 3 = 17/27; avgLoss = (5/18 × 2 + 0) / 3 = 5/27
    // RS = (17/27) / (5/27) = 3.4; RSI = 100 − 100 / 4.4 = 850/11 ≈ 77.2727
    const closes = [10, 11, 10.5, 11.5, 11, 12];
    expect(rsiWilder(closes, 3)).toBeCloseTo(850 / 11, 10);
    const avg = wilderAverages(closes, 3)!;
    expect(avg.avgGain).toBeCloseTo(17 / 27, 12);
    expect(avg.avgLoss).toBeCloseTo(5 / 27, 12);
    // Seed only (4 closes): RS = (2/3) / (1/6) = 4 → RSI = 100 − 100/5 = 80
    expect(rsiWilder(closes.slice(0, 4), 3)).toBeCloseTo(80, 10);
  });

  it('matches a period-14 series worked out by hand', () => {
    // 15 closes: 14 changes alternating +2, −1 (7 of each) → seed avgGain = 14/14 = 1,
    // avgLoss = 7/14 = 0.5; then one more change −3: avgGain = (1 × 13 + 0) / 14 = 13/14,
    // avgLoss = (0.5 × 13 + 3) / 14 = 9.5/14 → RS = 13/9.5 → RSI = 100 − 100/(1 + 13/9.5) = 1300/22.5
    const closes = [100];
    for (let i = 0; i < 14; i++) closes.push(closes[closes.length - 1]! + (i % 2 === 0 ? 2 : -1));
    closes.push(closes[closes.length - 1]! - 3);
    expect(closes).toHaveLength(16);
    expect(rsiWilder(closes.slice(0, 15))).toBeCloseTo(100 - 100 / 3, 10); // RS = 1/0.5 = 2
    expect(rsiWilder(closes)).toBeCloseTo(1300 / 22.5, 10);
  });

  it('is 100 on all gains, 0 on all losses, 50 on a flat series', () => {
    const up = Array.from({ length: 30 }, (_, i) => 10 + i);
    expect(rsiWilder(up)).toBe(100);
    expect(rsiWilder([...up].reverse())).toBe(0);
    expect(rsiWilder(Array.from({ length: 20 }, () => 7))).toBe(50);
  });

  it('is null with fewer than period + 1 closes', () => {
    const fourteen = Array.from({ length: 14 }, (_, i) => 10 + i);
    expect(rsiWilder(fourteen)).toBeNull();
    expect(rsiWilder([...fourteen, 30])).not.toBeNull();
    expect(rsiWilder([])).toBeNull();
    expect(rsiWilder([1, 2], 1)).toBe(100);
  });

  const closesArb = fc.array(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), {
    minLength: 15,
    maxLength: 60,
  });

  it('property: always within [0, 100]', () => {
    fc.assert(
      fc.property(closesArb, (xs) => {
        const r = rsiWilder(xs);
        return r !== null && r >= 0 && r <= 100;
      }),
    );
  });

  it('property: unchanged when every close is doubled (scale invariance)', () => {
    fc.assert(
      fc.property(closesArb, (xs) => rsiWilder(xs.map((x) => x * 2)) === rsiWilder(xs)),
    );
  });

  it('property: negating the series mirrors the RSI (100 − RSI)', () => {
    fc.assert(
      fc.property(closesArb, (xs) => {
        const a = rsiWilder(xs)!;
        const b = rsiWilder(xs.map((x) => -x))!;
        return Math.abs(a + b - 100) < 1e-6;
      }),
    );
  });
});

describe('closedCandles', () => {
  const k = (t: number, c: number): Candle => ({ t, o: c, h: c, l: c, c, v: 1 });
  const D = Date.UTC(2025, 5, 15);

  it('drops the candle still open and keeps one whose day just ended', () => {
    const candles = [k(D - 2 * DAY_MS, 1), k(D - DAY_MS, 2), k(D, 3)];
    expect(closedCandles(candles, D + 12 * 3600_000).map((x) => x.c)).toEqual([1, 2]);
    // exactly at the end of day D the candle of day D is closed
    expect(closedCandles(candles, D + DAY_MS).map((x) => x.c)).toEqual([1, 2, 3]);
    expect(closedCandles(candles, D + DAY_MS - 1).map((x) => x.c)).toEqual([1, 2]);
  });

  it('honours another interval (4h candles)', () => {
    const H4 = 4 * 3600_000;
    const candles = [k(D, 1), k(D + H4, 2), k(D + 2 * H4, 3)];
    expect(closedCandles(candles, D + 2 * H4 + 1, H4).map((x) => x.c)).toEqual([1, 2]);
  });

  it('sorts newest-first input ascending, returns a new array and leaves input untouched', () => {
    const candles = [k(D - DAY_MS, 3), k(D - 3 * DAY_MS, 1), k(D - 2 * DAY_MS, 2)];
    const copy = candles.map((x) => ({ ...x }));
    const out = closedCandles(candles, D);
    expect(out.map((x) => x.t)).toEqual([D - 3 * DAY_MS, D - 2 * DAY_MS, D - DAY_MS]);
    expect(out).not.toBe(candles);
    expect(candles).toEqual(copy);
  });

  it('keeps the last occurrence of a duplicated open time and drops non-finite rows', () => {
    const candles: Candle[] = [
      k(D - 2 * DAY_MS, 1),
      k(D - DAY_MS, 2),
      k(D - DAY_MS, 5),
      { ...k(D - 3 * DAY_MS, 9), c: Number.NaN },
      { ...k(D - 4 * DAY_MS, 9), h: Number.POSITIVE_INFINITY },
      k(Number.NaN, 9),
    ];
    expect(closedCandles(candles, D).map((x) => x.c)).toEqual([1, 5]);
  });

  it('property: order-invariant and always ascending, closed and unique', () => {
    const arb = fc
      .uniqueArray(fc.integer({ min: -400, max: 10 }), { minLength: 0, maxLength: 40 })
      .chain((days) =>
        fc.tuple(
          fc.constant(days),
          fc.shuffledSubarray(days, { minLength: days.length, maxLength: days.length }),
          fc.integer({ min: 0, max: DAY_MS * 2 }),
        ),
      );
    fc.assert(
      fc.property(arb, ([days, shuffled, offset]) => {
        const make = (d: number) => k(D + d * DAY_MS, 100 + d);
        const now = D + offset;
        const a = closedCandles(days.map(make), now);
        const b = closedCandles(shuffled.map(make), now);
        expect(b).toEqual(a);
        for (let i = 0; i < a.length; i++) {
          expect(a[i]!.t + DAY_MS).toBeLessThanOrEqual(now);
          if (i > 0) expect(a[i]!.t).toBeGreaterThan(a[i - 1]!.t);
        }
        expect(a).toHaveLength(days.filter((d) => D + d * DAY_MS + DAY_MS <= now).length);
      }),
    );
  });
});

describe('metricsFromCandles', () => {
  // 199 closed days plus today's open candle with an absurd close that must not be used.
  const today = START + 199 * DAY_MS;
  const nowMs = today + 9 * 3600_000;
  const closed = randomWalkCandles(199, 7);
  const open: Candle = { t: today, o: 1, h: 1e6, l: 1e-3, c: 1e6, v: 1 };
  const candles = [...closed, open];
  const closes = closed.map((x) => x.c);
  const price = closes[closes.length - 1]! * 1.01;

  it('excludes the open candle from SMA50 and RSI14 (reference: technicalindicators)', () => {
    const m = metricsFromCandles(candles, price, nowMs);
    const refSma = SMA.calculate({ period: 50, values: closes });
    const refRsi = RSI.calculate({ period: 14, values: closes });
    expect(m.closedCount).toBe(199);
    expect(m.lastClosedMs).toBe(today - DAY_MS);
    expect(m.sma50).toBeCloseTo(refSma[refSma.length - 1]!, 9);
    expect(Math.abs(m.rsi14! - refRsi[refRsi.length - 1]!)).toBeLessThanOrEqual(0.005 + 1e-9);
    expect(m.priceVsSma50Pct).toBeCloseTo((price / refSma[refSma.length - 1]! - 1) * 100, 9);
    // the open candle's 1e6 high is not a resistance level
    expect(m.resistance === null || m.resistance < 1e5).toBe(true);
    expect(typeof m.srMethod).toBe('string');
  });

  it('gives the same result for the same data newest-first', () => {
    expect(metricsFromCandles([...candles].reverse(), price, nowMs)).toEqual(
      metricsFromCandles(candles, price, nowMs),
    );
  });

  it('includes the last candle once its day has ended', () => {
    const m = metricsFromCandles(candles, price, today + DAY_MS);
    expect(m.closedCount).toBe(200);
    const refSma = SMA.calculate({ period: 50, values: [...closes, 1e6] });
    expect(m.sma50).toBeCloseTo(refSma[refSma.length - 1]!, 6);
  });

  it('returns nulls where not computable', () => {
    const m = metricsFromCandles(closed.slice(0, 10), null, nowMs);
    expect(m).toMatchObject({
      sma50: null,
      priceVsSma50Pct: null,
      rsi14: null,
      support: null,
      resistance: null,
      closedCount: 10,
    });
    const empty = metricsFromCandles([], 5, nowMs);
    expect(empty.lastClosedMs).toBeNull();
    expect(empty.closedCount).toBe(0);
    // 20 closed candles: RSI yes, SMA50 no
    const some = metricsFromCandles(closed.slice(0, 20), 300, nowMs);
    expect(some.rsi14).not.toBeNull();
    expect(some.sma50).toBeNull();
  });
});

describe('supportResistance', () => {
  // Hand-built: index → low / high.
  //   i:     0   1  2  3  4  5   6   7   8   9   10   11   12   13   14
  //   low:  10   9  8  7  8  9  10  11  10   9  8.5    9  9.5   10 10.5
  //   high: 12  11 10  9 10 11  12  14  12  11 10.5   11 11.5   12   20
  // Swing lows (lower than the 3 lows on each side): i=3 (7), i=10 (8.5).
  // Swing highs (higher than the 3 highs on each side): i=7 (14). The 20 at i=14 has no
  // right-hand side yet, so it is not a confirmed swing high.
  const lows = [10, 9, 8, 7, 8, 9, 10, 11, 10, 9, 8.5, 9, 9.5, 10, 10.5];
  const highs = [12, 11, 10, 9, 10, 11, 12, 14, 12, 11, 10.5, 11, 11.5, 12, 20];
  const candles: Candle[] = lows.map((l, i) => ({
    t: START + i * DAY_MS,
    o: (l + highs[i]!) / 2,
    h: highs[i]!,
    l,
    c: (l + highs[i]!) / 2,
    v: 1,
  }));

  it('finds the nearest swing low below and swing high above', () => {
    expect(supportResistance(candles, 11)).toMatchObject({ support: 8.5, resistance: 14 });
    expect(supportResistance(candles, 8)).toMatchObject({ support: 7, resistance: 14 });
  });

  it('uses strict inequalities against price', () => {
    // price exactly on the 8.5 swing low: support is the next one below
    expect(supportResistance(candles, 8.5).support).toBe(7);
    // price exactly on the 14 swing high: no swing high strictly above
    expect(supportResistance(candles, 14).resistance).toBeNull();
    expect(supportResistance(candles, 7).support).toBeNull();
  });

  it('does not invent resistance from the highest high', () => {
    const sr = supportResistance(candles, 15);
    expect(sr.support).toBe(8.5);
    expect(sr.resistance).toBeNull();
  });

  it('is order-invariant and explains its method', () => {
    const sr = supportResistance([...candles].reverse(), 11);
    expect(sr).toMatchObject({ support: 8.5, resistance: 14 });
    expect(sr.method).toMatch(/swing/i);
    expect(sr.method).toMatch(/3/);
    expect(sr.method).toMatch(/180/);
  });

  it('only considers the last `lookback` candles', () => {
    // last 8 candles = i 7..14: the low at i=10 still has 3 candles each side; the high at i=7 is
    // now the first candle of the window and cannot be a pivot.
    expect(supportResistance(candles, 11, { lookback: 8 })).toMatchObject({
      support: 8.5,
      resistance: null,
    });
    expect(supportResistance(candles, 11, { lookback: 6 })).toMatchObject({
      support: null,
      resistance: null,
    });
  });

  it('honours a narrower wing', () => {
    // lows 5 4 5 3 5, highs 6 7 6 8 6: with wing 1, swing lows at 4 and 3, swing highs at 7 and 8
    const small: Candle[] = [5, 4, 5, 3, 5].map((l, i) => ({
      t: START + i * DAY_MS,
      o: l,
      h: [6, 7, 6, 8, 6][i]!,
      l,
      c: l,
      v: 1,
    }));
    expect(supportResistance(small, 4.5, { wing: 1 })).toMatchObject({ support: 4, resistance: 7 });
    expect(supportResistance(small, 7.5, { wing: 1 })).toMatchObject({ support: 4, resistance: 8 });
    // the default wing of 3 needs 7 candles: nothing here
    expect(supportResistance(small, 4.5)).toMatchObject({ support: null, resistance: null });
  });

  it('ignores flat (equal) lows and a non-finite price', () => {
    const flat: Candle[] = [5, 4, 3, 3, 4, 5, 6, 7].map((l, i) => ({
      t: START + i * DAY_MS,
      o: l,
      h: l + 1,
      l,
      c: l,
      v: 1,
    }));
    expect(supportResistance(flat, 10, { wing: 2 }).support).toBeNull();
    expect(supportResistance(candles, Number.NaN)).toMatchObject({ support: null, resistance: null });
  });

  it('property: support < price < resistance, and both are actual lows/highs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 200, max: 400, noNaN: true }), (seed, price) => {
        const ks = randomWalkCandles(120, seed);
        const sr = supportResistance(ks, price);
        if (sr.support !== null) {
          expect(sr.support).toBeLessThan(price);
          expect(ks.some((x) => x.l === sr.support)).toBe(true);
        }
        if (sr.resistance !== null) {
          expect(sr.resistance).toBeGreaterThan(price);
          expect(ks.some((x) => x.h === sr.resistance)).toBe(true);
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('closed candles are judged at fetch time', () => {
  it('the candle open when fetched stays out of SMA50 and RSI when read after midnight', () => {
    const today = utcDayStart(Date.UTC(2026, 11, 7, 23));
    // 60 daily candles ending with the one opened today at 00:00, close 100 + i; the open one spikes.
    const candles: Candle[] = Array.from({ length: 60 }, (_, i) => {
      const c = i === 59 ? 1_000 : 100 + i;
      return { t: today - (59 - i) * DAY_MS, o: c, h: c, l: c, c, v: 1 };
    });
    const fetchedAt = today + 23 * 3_600_000;
    const readAt = today + DAY_MS + 3_600_000;
    const judged = metricsFromCandles(candles, 150, readAt, fetchedAt);
    expect(judged.closedCount).toBe(59);
    expect(judged.sma50).toBeCloseTo(100 + (9 + 58) / 2, 9); // closes 109 … 158
    const naive = metricsFromCandles(candles, 150, readAt);
    expect(naive.closedCount).toBe(60); // the spike would have counted as closed
    expect(naive.sma50).not.toBeCloseTo(judged.sma50!, 3);
  });
});
