/**
 * Fake DefiLlama and Filfox answers for end-to-end tests, in the wire shapes of
 * ../shared/DATA-SOURCES.md (fees summary `totalDataChart: [[unixSeconds, usd]]`; emissions
 * body with `metadata.unlockEvents`; Filfox big numbers as decimal strings). All dates are
 * relative to "now", so the countdowns and 30-day windows are always in range.
 */
import type { FakeServer } from './fake-server';

const DAY = 86_400_000;

export interface FilFundamentals {
  /** complete-day fees, oldest first, ending yesterday (USD) */
  fees: number[];
  revenue: number[];
  /** today's partial day (must be ignored) */
  feesToday: number;
  /** next cliff: in `cliffInDays`, two allocations to the same recipient (summed) plus one other */
  cliffAtMs: number;
  cliffAllocations: Array<{ recipient: string; category: string; amount: number }>;
  /** a linear stream running from 60 days ago to 300 days ahead */
  linearPerWeek: number;
  linearStartMs: number;
  linearEndMs: number;
  /** a second cliff 70 days ahead, beyond the 30-day window */
  laterCliffAtMs: number;
  laterCliffAmount: number;
  rawBytePower: bigint;
  activeMiners: number;
}

export function filFundamentals(nowMs: number): FilFundamentals {
  const today = Math.floor(nowMs / DAY) * DAY;
  return {
    fees: Array.from({ length: 40 }, (_, i) => 9000 + i * 100),
    revenue: Array.from({ length: 40 }, (_, i) => 4000 + i * 10),
    feesToday: 123,
    cliffAtMs: today + 9 * DAY + 12 * 3600_000,
    cliffAllocations: [
      { recipient: 'Protocol Labs', category: 'insiders', amount: 3_000_000 },
      { recipient: 'Protocol Labs', category: 'insiders', amount: 1_000_000 },
      { recipient: 'Filecoin Foundation', category: 'ecosystem', amount: 2_180_000 },
    ],
    linearPerWeek: 700_000,
    linearStartMs: today - 60 * DAY,
    linearEndMs: today + 300 * DAY,
    laterCliffAtMs: today + 70 * DAY,
    laterCliffAmount: 5_000_000,
    rawBytePower: BigInt('23058430092136939520'), // exactly 20 EiB
    activeMiners: 2100,
  };
}

function chart(values: number[], nowMs: number, today?: number): Array<[number, number]> {
  const start = Math.floor(nowMs / DAY) * DAY - values.length * DAY;
  const rows: Array<[number, number]> = values.map((v, i) => [(start + i * DAY) / 1000, v]);
  if (today !== undefined) rows.push([Math.floor(nowMs / DAY) * DAY / 1000, today]);
  return rows;
}

export function installFilFundamentals(server: FakeServer, f: FilFundamentals, nowMs: () => number = Date.now): void {
  server.on('api.llama.fi', ({ path, query }) => {
    if (path !== '/summary/fees/filecoin') return undefined;
    const revenue = query.get('dataType') === 'dailyRevenue';
    return {
      body: {
        id: '2000', name: 'Filecoin', gecko_id: 'filecoin', slug: 'filecoin', protocolType: 'chain',
        methodology: revenue ? { Revenue: 'Base fees burned' } : { Fees: 'Base fees and miner tips paid by users for messages' },
        total24h: 1, totalDataChart: revenue ? chart(f.revenue, nowMs(), 7) : chart(f.fees, nowMs(), f.feesToday),
      },
    };
  });
  server.on('defillama-datasets.llama.fi', ({ path }) => {
    if (path !== '/emissions/filecoin') return undefined;
    return {
      body: {
        name: 'Filecoin', gecko_id: 'filecoin',
        metadata: {
          token: 'coingecko:filecoin', chain: null, sources: ['https://spec.filecoin.io/'],
          unlockEvents: [
            {
              timestamp: f.linearStartMs / 1000, cliffAllocations: [],
              linearAllocations: [{ recipient: 'Mining Reserve', category: 'farming', unlockType: 'linear', previousRatePerWeek: 0, newRatePerWeek: f.linearPerWeek, endTimestamp: f.linearEndMs / 1000 }],
              summary: { netChangeInWeeklyRate: f.linearPerWeek, totalNewWeeklyRate: f.linearPerWeek },
            },
            {
              timestamp: f.cliffAtMs / 1000,
              cliffAllocations: f.cliffAllocations.map((a) => ({ ...a, unlockType: 'cliff' })),
              linearAllocations: [], summary: { totalTokensCliff: f.cliffAllocations.reduce((s, a) => s + a.amount, 0) },
            },
            {
              timestamp: f.laterCliffAtMs / 1000,
              cliffAllocations: [{ recipient: 'Investors', category: 'privateSale', unlockType: 'cliff', amount: f.laterCliffAmount }],
              linearAllocations: [], summary: { totalTokensCliff: f.laterCliffAmount },
            },
          ],
        },
      },
    };
  });
  server.on('filfox.info', ({ path }) => {
    if (path !== '/api/v1/overview') return undefined;
    return {
      body: {
        height: 5_000_000, timestamp: Math.floor(nowMs() / 1000) - 30,
        totalRawBytePower: f.rawBytePower.toString(), totalQualityAdjPower: (f.rawBytePower * BigInt(2)).toString(),
        totalRawBytePowerDelta: '-1152921504606846976', activeMiners: f.activeMiners,
        totalSupply: '645038152779187902447934168',
      },
    };
  });
}
