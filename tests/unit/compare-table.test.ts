import { describe, expect, it } from 'vitest';
import type { Bundle } from '../../lib/engine/bundle';
import { compareColumns, sortBundles, toCsv } from '../../lib/metrics/compare-table';
import { bundleOf, type MetricValues } from './helpers/bundle';

const b = (symbol: string, values: MetricValues, name = symbol): Bundle => bundleOf(values, { symbol, name });

describe('comparison table', () => {
  const rows = [b('AKT', { marketCap: 5e8, revenue30d: 1e5 }), b('TAO', { marketCap: 3.65e9, revenue30d: null }), b('FIL', { marketCap: 3.1e9, revenue30d: 1.27e5, 'network:activeMiners': 2100 })];

  it('sorts numbers, missing values last in both directions', () => {
    expect(sortBundles(rows, 'marketCap', 'desc').map((r) => r.asset!.symbol)).toEqual(['TAO', 'FIL', 'AKT']);
    expect(sortBundles(rows, 'revenue30d', 'asc').map((r) => r.asset!.symbol)).toEqual(['AKT', 'FIL', 'TAO']);
    expect(sortBundles(rows, 'revenue30d', 'desc').map((r) => r.asset!.symbol)).toEqual(['FIL', 'AKT', 'TAO']);
  });

  it('exports raw numbers under metric-id headers, one row per token', () => {
    const csv = toCsv(rows).trim().split('\n');
    // one column per network figure (issue 9: units are not sortable against each other)
    expect(csv[0]).toBe('symbol,name,price,marketCap,fdvToMcap,revenue30d,fdvToRevenue,revenueToEmissions,nextUnlockPctCirculating,nextUnlockDate,network:activeMiners');
    expect(csv[1]).toBe('AKT,AKT,,500000000,,100000,,,,,');
    expect(csv[3]).toBe('FIL,FIL,,3100000000,,127000,,,,,2100');
    expect(csv).toHaveLength(4);
  });

  it('splits network activity into one sortable column per unit', () => {
    const net = [b('FIL', { 'network:storagePowerEiB': 22.4 }), b('AKT', { 'network:providers': 70, 'network:activeLeases': 900 }), b('TAO', { 'network:providers': null })];
    expect(compareColumns(net).slice(-3)).toEqual(['network:storagePowerEiB', 'network:providers', 'network:activeLeases']);
    expect(sortBundles(net, 'network:providers', 'desc').map((r) => r.asset!.symbol)).toEqual(['AKT', 'FIL', 'TAO']);
  });

  it('quotes separators and neutralises formulas in names', () => {
    const csv = toCsv([b('X', {}, '=HYPERLINK("evil"),x')]);
    expect(csv.split('\n')[1]).toBe(`X,"'=HYPERLINK(""evil""),x",,,,,,,,`);
  });
});
