import { describe, expect, it } from 'vitest';
import { chipFor, median, pickChip, sectorMedian, usableFigure, type SectorMember } from '../../lib/metrics/sector';

const m = (symbol: string, value: number | null | undefined, asOfMs: number | null = 1000): SectorMember => ({ symbol, value, asOfMs });

describe('median', () => {
  it('is undefined for no values, the value itself for one, the mean of the middle two for an even count', () => {
    expect(median([])).toBeUndefined();
    expect(median([7])).toBe(7);
    expect(median([10, 2])).toBe(6);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([40, 1, 10, 20])).toBe(15);
  });
});

describe('sectorMedian', () => {
  it('is undefined with 0, 1 or 2 members having the figure', () => {
    expect(sectorMedian('fdvToRevenue', [])).toBeUndefined();
    expect(sectorMedian('fdvToRevenue', [m('A', 10)])).toBeUndefined();
    expect(sectorMedian('fdvToRevenue', [m('A', 10), m('B', 30)])).toBeUndefined();
  });

  it('takes the middle value with 3 members and lists them with the oldest time', () => {
    const r = sectorMedian('fdvToRevenue', [m('A', 300, 5000), m('B', 10, 2000), m('C', 210, 9000)]);
    expect(r?.median).toBe(210);
    expect(r?.members.map((x) => x.symbol)).toEqual(['A', 'B', 'C']);
    expect(r?.oldestAsOfMs).toBe(2000);
  });

  it('averages the two middle values with an even number of members', () => {
    const r = sectorMedian('fdvToMcap', [m('A', 1), m('B', 2), m('C', 4), m('D', 100)]);
    expect(r?.median).toBe(3);
    expect(r?.members).toHaveLength(4);
  });

  it('skips members with a missing, non-finite or non-positive multiple', () => {
    const members = [m('A', 100), m('B', null), m('C', undefined), m('D', Number.NaN), m('E', Infinity), m('F', 0), m('G', -5), m('H', 300)];
    // only A and H have a usable FDV / revenue: not enough for a median
    expect(sectorMedian('fdvToRevenue', members)).toBeUndefined();
    const r = sectorMedian('fdvToRevenue', [...members, m('I', 200)]);
    expect(r?.median).toBe(200);
    expect(r?.members.map((x) => x.symbol)).toEqual(['A', 'H', 'I']);
  });

  it('keeps a zero unlock pressure or revenue / emissions (a real answer), drops negatives', () => {
    expect(usableFigure('unlockPressure', 0)).toBe(true);
    expect(usableFigure('revenueToEmissions', 0)).toBe(true);
    expect(usableFigure('revenueToEmissions', -0.2)).toBe(false);
    expect(usableFigure('fdvToMcap', 0)).toBe(false);
    const r = sectorMedian('unlockPressure', [m('A', 0), m('B', 0), m('C', 2), m('D', -1)]);
    expect(r?.median).toBe(0);
    expect(r?.members.map((x) => x.symbol)).toEqual(['A', 'B', 'C']);
  });

  it('has no oldest time when no member carries one', () => {
    expect(sectorMedian('fdvToMcap', [m('A', 1, null), m('B', 2, null), m('C', 3, null)])?.oldestAsOfMs).toBeNull();
  });
});

describe('chip rule', () => {
  it('fires strictly beyond 3× or ⅓ of the median', () => {
    expect(chipFor('fdvToRevenue', 630, 210)).toBeNull(); // exactly 3×
    expect(chipFor('fdvToRevenue', 70, 210)).toBeNull(); // exactly ⅓
    expect(chipFor('fdvToRevenue', 631, 210)).toMatchObject({ side: 'above', tone: 'worse' });
    expect(chipFor('fdvToRevenue', 69, 210)).toMatchObject({ side: 'below', tone: 'better' });
    expect(chipFor('fdvToRevenue', 6350, 210)?.factor).toBeCloseTo(30.238, 3);
  });

  it('reverses the tone where a larger value is better (revenue / emissions)', () => {
    expect(chipFor('revenueToEmissions', 4, 1)).toMatchObject({ side: 'above', tone: 'better' });
    expect(chipFor('revenueToEmissions', 0.1, 1)).toMatchObject({ side: 'below', tone: 'worse' });
    expect(chipFor('revenueToEmissions', 0, 1)).toMatchObject({ side: 'below', tone: 'worse', factor: 0 });
  });

  it('gives no chip without a figure or with a zero / missing median', () => {
    expect(chipFor('unlockPressure', 5, 0)).toBeNull();
    expect(chipFor('unlockPressure', null, 1)).toBeNull();
    expect(chipFor('fdvToMcap', 0, 1)).toBeNull();
    expect(chipFor('fdvToMcap', 5, undefined)).toBeNull();
  });

  it('picks the figure furthest from its median, bad news first on a tie', () => {
    const a = chipFor('fdvToMcap', 8, 2); // 4×, worse
    const b = chipFor('fdvToRevenue', 1000, 100); // 10×, worse
    const c = chipFor('revenueToEmissions', 0.1, 1); // ⅒, worse
    const d = chipFor('unlockPressure', 0.1, 1); // ⅒, better
    expect(pickChip([a, b])?.metric).toBe('fdvToRevenue');
    expect(pickChip([d, c])?.metric).toBe('revenueToEmissions');
    expect(pickChip([null, null])).toBeNull();
  });
});
