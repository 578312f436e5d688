/**
 * assemble() with the seed networks' new inputs: fees judged at fetch time, DefiLlama overview
 * totals standing in for a failed summary, TAO emissions from the chain's issuance, and the
 * new network figures with their units.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assemble, type AssembleInput } from '../../lib/engine/assemble';
import type { Bundle } from '../../lib/engine/bundle';
import type { FeesSeries, MarketSnapshot, NetworkFigure } from '../../lib/types';
import { parseOverviewTotals } from '../../lib/sources/defillama';
import { metricNote } from './messages';

const DAY = 86_400_000;
const D8 = Date.UTC(2026, 11, 8);
const snap: MarketSnapshot = {
  id: 'bittensor', symbol: 'tao', name: 'Bittensor', priceUsd: 400, marketCapUsd: 3.6e9, fdvUsd: 8.4e9,
  circulatingSupply: 9e6, totalSupply: 1e7, maxSupply: 2.1e7, athUsd: 800, change24hPct: 2, volume24hUsd: 1e8, lastUpdatedMs: D8,
};
const ok = <T,>(value: T, fetchedAtMs: number) => ({ ok: true as const, value, fetchedAtMs, stale: false, from: 'cache' as const });
const asset = { id: 'bittensor', symbol: 'TAO', name: 'Bittensor', via: 'override' as const, alternatives: [] };
const m = (b: Bundle, id: string) => b.metrics.find((x) => x.id === id);

function input(over: Partial<AssembleInput>, nowMs: number): AssembleInput {
  return { pair: { venue: null, base: 'TAO', quote: 'USD', market: 'spot' }, asset, market: { source: 'coingecko', what: 'w_market', result: ok(snap, nowMs) }, nowMs, ...over };
}

describe('fees and revenue judged at fetch time', () => {
  // Daily revenue: 12-05 = 50, 12-06 = 60, 12-07 = 70 (in progress when fetched at 23:00 on 12-07).
  const series: FeesSeries = {
    slug: 'x', name: 'X', dataType: 'dailyRevenue', methodology: null,
    daily: [50, 60, 70].map((usd, i) => ({ dayMs: D8 - (3 - i) * DAY, usd })),
  };
  it('a series cached at 23:00 and read at 01:00 shows the day before as revenue 24h', () => {
    const fetchedAt = D8 - DAY + 23 * 3_600_000;
    const readAt = D8 + 3_600_000;
    const b = assemble(input({ revenue: { source: 'defillama', what: 'w_revenue', result: ok(series, fetchedAt) } }, readAt));
    expect(m(b, 'revenue24h')?.value).toBe(60);
    expect(m(b, 'revenue30d')?.value).toBe(110);
    expect(b.revenueSpark).toEqual([50, 60]);
  });
});

describe('DefiLlama /overview/fees totals as the fallback', () => {
  const text = readFileSync(resolve(__dirname, '../fixtures/fundamentals/defillama_overview-fees_dailyRevenue_recorded.json'), 'utf8');
  it('parses one slug’s totals; a row without totals or an unknown slug is not-found', () => {
    const r = parseOverviewTotals(text, 'near', 'dailyRevenue');
    expect(r.ok && r.value).toMatchObject({ slug: 'near', daily: [], totals: { last24hUsd: 22275, last30dUsd: 862497 } });
    const none = parseOverviewTotals(text, 'moonbeam', 'dailyRevenue');
    expect(!none.ok && none.error.kind).toBe('not-found');
    const unknown = parseOverviewTotals(text, 'no-such-chain', 'dailyRevenue');
    expect(!unknown.ok && unknown.error.kind).toBe('not-found');
    expect(parseOverviewTotals('{"protocols":{}}', 'near', 'dailyRevenue').ok).toBe(false);
  });
  it('assemble shows the totals, labelled, and annualises the 30d total', () => {
    const r = parseOverviewTotals(text, 'near', 'dailyRevenue');
    if (!r.ok) throw new Error('fixture');
    const b = assemble(input({ revenue: { source: 'defillama', what: 'w_revenue_totals', result: ok(r.value, D8) } }, D8 + 1000));
    expect(m(b, 'revenue24h')).toMatchObject({ value: 22275, source: 'defillama' });
    expect(m(b, 'revenue30d')?.value).toBe(862497);
    expect(metricNote(m(b, 'revenue30d'))).toBe("DefiLlama's own overview total (daily history unavailable)");
    expect(metricNote(m(b, 'revenue24h'))).toBe("DefiLlama's own overview total (daily history unavailable)");
    expect(m(b, 'revenueAnnualized')?.value).toBeCloseTo((862497 * 365) / 30, 6);
  });
});

describe('TAO emissions from the chain when DefiLlama has no schedule', () => {
  const figures: NetworkFigure[] = [
    { key: 'subnets', label: 'subnets (excluding root)', value: 3, asOfMs: D8 },
    { key: 'neurons', label: 'registered neurons (miners and validators, all subnets)', value: 640, asOfMs: D8 },
    { key: 'issuancePerDay', label: 'TAO issued per day', value: 3600, asOfMs: D8 },
  ];
  const network = [{ source: 'subtensor' as const, what: 'w_network', result: ok(figures, D8) }];

  it('schedule failed: emissions30dValue = issuance × 30 × price, method in the note', () => {
    const emissions = { source: 'defillama' as const, what: 'w_unlocks', result: { ok: false as const, error: { kind: 'http' as const, message: 'HTTP 502' } } };
    const b = assemble(input({ network, emissions }, D8 + 1000));
    expect(m(b, 'emissions30dValue')).toMatchObject({ value: 3600 * 30 * 400, source: 'computed' });
    expect(metricNote(m(b, 'emissions30dValue'))).toBe('Subtensor (Bittensor chain) block emission × 7,200 blocks a day × 30 days × price (no DefiLlama schedule)');
    expect(m(b, 'network:subnets')).toMatchObject({ value: 3, source: 'subtensor', format: 'count' });
    expect(m(b, 'network:neurons')?.label).toContain('registered neurons');
    expect(m(b, 'network:issuancePerDay')?.format).toBe('tokens');
  });
  it('no emissions feed at all: the chain figure still gives emissions30dValue', () => {
    const b = assemble(input({ network }, D8 + 1000));
    expect(m(b, 'emissions30dValue')?.value).toBe(3600 * 30 * 400);
  });
  it('a usable schedule wins over the chain figure', () => {
    const schedule = { slug: 'bittensor', geckoId: 'bittensor', cliffs: [], linear: [{ startMs: D8 - 100 * DAY, endMs: D8 + 100 * DAY, ratePerDay: 1000, recipient: 'miners', category: 'farming' }], sources: [] };
    const b = assemble(input({ network, emissions: { source: 'defillama', what: 'w_unlocks', result: ok(schedule, D8) } }, D8));
    expect(m(b, 'emissions30dValue')?.value).toBeCloseTo(1000 * 30 * 400, 6);
    expect(m(b, 'emissions30dValue')?.note).toBeUndefined();
  });
});

describe('new network figures keep their units', () => {
  it('USD and token figures are formatted as such', () => {
    const figs: NetworkFigure[] = [
      { key: 'gpus', label: 'GPUs', value: 10, asOfMs: D8 },
      { key: 'activeGpus', label: 'GPUs active', value: 5, asOfMs: D8 },
      { key: 'computeEarningsUsd', label: 'earnings', value: 1e6, asOfMs: D8 },
      { key: 'computeRevenue30dUsd', label: 'rev', value: 1e5, asOfMs: D8 },
      { key: 'burnedLastEpoch', label: 'burn', value: 1e4, asOfMs: D8 },
    ];
    const b = assemble(input({ network: [{ source: 'ionet', what: 'w_network', result: ok(figs, D8) }] }, D8));
    expect(['gpus', 'activeGpus', 'computeEarningsUsd', 'computeRevenue30dUsd', 'burnedLastEpoch'].map((k) => m(b, `network:${k}`)?.format)).toEqual(['count', 'count', 'usd', 'usd', 'tokens']);
    expect(m(b, 'network:gpus')?.source).toBe('ionet');
  });
});
