/**
 * The fundamentals sections of `assemble`: fees and revenue, unlocks and emissions, network
 * activity, the feeds that answer "no such data", and the one figure that must not depend on
 * where it is shown (unlock pressure).
 */
import { describe, expect, it } from 'vitest';
import { assemble, decideState, type AssembleInput, type Feed } from '../../lib/engine/assemble';
import type { Bundle } from '../../lib/engine/bundle';
import type { EmissionSchedule, FeesSeries, MarketSnapshot, NetworkFigure, Ticker24h } from '../../lib/types';
import { metricOf } from './helpers/bundle';
import { messagesGetter, metricNote, renderNotes } from './messages';
import { setMessages } from '../../lib/i18n';
import { metricExplain } from '../../components/format-metric';

const NOW = Date.UTC(2026, 10, 28, 12);
const DAY = 86_400_000;
const TODAY = Math.floor(NOW / DAY) * DAY;

const snap: MarketSnapshot = {
  id: 'bittensor', symbol: 'tao', name: 'Bittensor', priceUsd: 400, marketCapUsd: 3.6e9, fdvUsd: 8.4e9,
  circulatingSupply: 9e6, totalSupply: 1e7, maxSupply: 2.1e7, athUsd: 800, change24hPct: 2, volume24hUsd: 1e8, lastUpdatedMs: NOW - 60_000,
};
const tick: Ticker24h = { last: 410, change24hPct: 3.5, volumeBase: 1000, volumeQuote: 410_000, asOfMs: NOW - 1000 };
const asset = { id: 'bittensor', symbol: 'TAO', name: 'Bittensor', via: 'override' as const, alternatives: [] };

function ok<T>(value: T, fetchedAtMs = NOW - 5000) {
  return { ok: true as const, value, fetchedAtMs, stale: false, from: 'cache' as const };
}
function failed(kind: 'not-found' | 'blocked' | 'timeout', message: string = kind) {
  return { ok: false as const, error: { kind, message } };
}
/** `days` complete days ending yesterday, `usd` each (today's partial day appended, to be ignored). */
function series(dataType: FeesSeries['dataType'], usd: number, days = 40): FeesSeries {
  const daily = Array.from({ length: days }, (_, i) => ({ dayMs: TODAY - (days - i) * DAY, usd }));
  return { slug: 'x', name: 'X', dataType, methodology: `${dataType} method`, daily: [...daily, { dayMs: TODAY, usd: 1e12 }] };
}
const schedule: EmissionSchedule = {
  slug: 'bittensor', geckoId: 'bittensor', sources: [],
  cliffs: [{ atMs: NOW + 10 * DAY, amount: 90_000, allocations: [{ recipient: 'team', category: 'insiders', amount: 60_000 }, { recipient: 'fund', category: 'privateSale', amount: 30_000 }] }],
  // 1,000 tokens a day, all of last month and the next one
  linear: [{ startMs: NOW - 60 * DAY, endMs: NOW + 60 * DAY, ratePerDay: 1000, recipient: 'miners', category: 'farming' }],
};
const figures: NetworkFigure[] = [
  { key: 'subnets', label: 'subnets', value: 64, asOfMs: NOW - 1000, trendPct: 3, trendLabel: 'vs 30 days ago' },
  { key: 'storagePowerEiB', label: 'storage power', value: 22.5, asOfMs: NOW - 1000 },
];

const feed = <T,>(source: Feed<T>['source'], what: string, result: Feed<T>['result']): Feed<T> => ({ source, what, result });
const m = (b: Bundle, id: string) => b.metrics.find((x) => x.id === id);

function input(over: Partial<AssembleInput> = {}): AssembleInput {
  return {
    pair: { venue: null, base: 'TAO', quote: 'USD', market: 'spot' },
    asset,
    market: feed('coingecko', 'w_market', ok(snap)),
    fees: feed('defillama', 'w_fees', ok(series('dailyFees', 1000))),
    revenue: feed('defillama', 'w_revenue', ok(series('dailyRevenue', 300))),
    emissions: feed('defillama', 'w_unlocks', ok(schedule)),
    network: [feed('taostats', 'w_network', ok(figures))],
    nowMs: NOW,
    ...over,
  };
}

describe('assemble: fees and revenue', () => {
  it('last complete day, 30-day sums, annualized revenue and FDV ÷ revenue (today’s partial day ignored)', () => {
    const b = assemble(input());
    expect(m(b, 'fees24h')).toMatchObject({ value: 1000, source: 'defillama', group: 'usage' });
    expect(m(b, 'fees30d')?.value).toBe(30_000);
    expect(m(b, 'revenue30d')?.value).toBe(9000);
    expect(m(b, 'revenueAnnualized')?.value).toBeCloseTo((9000 * 365) / 30, 6);
    expect(m(b, 'fdvToRevenue')?.value).toBeCloseTo(8.4e9 / ((9000 * 365) / 30), 6);
    expect(b.methodology).toEqual({ fees: 'dailyFees method', revenue: 'dailyRevenue method' });
    expect(b.revenueSpark).toHaveLength(30);
    expect(b.state).toBe('ready');
  });

  it('missing days are counted in a note; zero revenue leaves FDV ÷ revenue empty, with the reason', () => {
    const b = assemble(input({ revenue: feed('defillama', 'w_revenue', ok(series('dailyRevenue', 0, 12))) }));
    expect(m(b, 'revenue30d')?.value).toBe(0);
    expect(metricNote(m(b, 'revenue30d'))).toBe('12 of 30 days reported');
    expect(m(b, 'fdvToRevenue')?.value).toBeNull();
    expect(metricNote(m(b, 'fdvToRevenue'))).toBe('revenue is zero or negative');
  });

  it('DefiLlama not covering the asset is an answer: metrics left out, a note, and not partial', () => {
    const b = assemble(input({ fees: feed('defillama', 'w_fees', failed('not-found')), revenue: feed('defillama', 'w_revenue', failed('not-found')) }));
    expect(m(b, 'fees24h')).toBeUndefined();
    expect(m(b, 'revenue30d')).toBeUndefined();
    expect(renderNotes(b.notes)).toContain('DefiLlama has no fees data for this asset.');
    expect(b.sources).toContainEqual(expect.objectContaining({ source: 'defillama', what: 'w_fees', absent: true }));
    expect(b.methodology).toBeUndefined();
    expect(b.state).toBe('ready');
  });

  it('a timeout is an outage: empty metrics shown, state partial, the failure in the notes', () => {
    const b = assemble(input({ revenue: feed('defillama', 'w_revenue', failed('timeout')) }));
    expect(m(b, 'revenue30d')?.value).toBeNull();
    expect(renderNotes(b.notes)).toContain('DefiLlama revenue: timed out.');
    expect(b.state).toBe('partial');
  });
});

describe('assemble: unlocks and emissions', () => {
  it('next cliff, its share of circulating supply, 30-day unlocks and emissions, recipients merged and sorted', () => {
    const b = assemble(input());
    expect(m(b, 'nextUnlockDate')?.value).toBe(new Date(NOW + 10 * DAY).toISOString());
    expect(m(b, 'nextUnlockAmount')?.value).toBe(90_000);
    expect(m(b, 'nextUnlockValue')?.value).toBe(90_000 * 400);
    expect(m(b, 'nextUnlockPctCirculating')?.value).toBeCloseTo(1, 10);
    expect(m(b, 'unlocks30dValue')?.value).toBeCloseTo((90_000 + 30_000) * 400, 3);
    expect(m(b, 'emissions30dValue')?.value).toBeCloseTo(30_000 * 400, 3);
    expect(m(b, 'revenueToEmissions')?.value).toBeCloseTo(9000 / (30_000 * 400), 12);
    expect(b.unlockSchedule?.recipients).toEqual([
      { recipient: 'team', category: 'insiders', amount: 60_000 },
      { recipient: 'fund', category: 'privateSale', amount: 30_000 },
    ]);
    expect(b.unlockSchedule?.months.length).toBeGreaterThan(0);
  });

  it('no cliff ahead: the date is empty with a note; revenue ÷ emissions only when revenue is tracked', () => {
    const b = assemble(input({ emissions: feed('defillama', 'w_unlocks', ok({ ...schedule, cliffs: [] })), revenue: undefined }));
    expect(m(b, 'nextUnlockDate')?.value).toBeNull();
    expect(metricNote(m(b, 'nextUnlockDate'))).toBe('no scheduled cliff unlock ahead');
    expect(m(b, 'revenueToEmissions')).toBeUndefined();
  });

  it('unlock pressure divides by the all-exchange volume: overlay (venue ticker) and popup agree', () => {
    const overlay = assemble(input({ pair: { venue: 'kucoin', base: 'TAO', quote: 'USDT', market: 'spot' }, ticker: feed('kucoin', 'w_ticker', ok(tick)) }));
    const popup = assemble(input());
    // the overlay shows the venue's price and volume…
    expect(m(overlay, 'price')).toMatchObject({ value: 410, source: 'kucoin' });
    expect(m(overlay, 'volume24h')?.value).toBe(410_000);
    // …but unlock pressure is one figure: unlocks at the snapshot's price ÷ the snapshot's volume
    const expected = ((90_000 + 30_000) * 400) / 1e8;
    expect(m(popup, 'unlockPressure')?.value).toBeCloseTo(expected, 12);
    expect(m(overlay, 'unlockPressure')?.value).toBe(m(popup, 'unlockPressure')?.value);
  });

  it('without market data there is no all-exchange volume: unlock pressure is empty, not the venue’s', () => {
    const b = assemble(input({ pair: { venue: 'kucoin', base: 'TAO', quote: 'USDT', market: 'spot' }, ticker: feed('kucoin', 'w_ticker', ok(tick)), market: undefined }));
    expect(m(b, 'unlocks30dValue')?.value).toBeCloseTo(120_000 * 410, 3);
    expect(m(b, 'unlockPressure')?.value).toBeNull();
  });
});

describe('assemble: network activity', () => {
  it('one metric per figure, labelled by its source, EiB formatted as such, trend kept', () => {
    const b = assemble(input());
    expect(m(b, 'network:subnets')).toMatchObject({ group: 'network', value: 64, source: 'taostats', format: 'count', trendPct: 3, trendLabel: 'vs 30 days ago' });
    // its tooltip names who reported it, in the UI language
    setMessages(messagesGetter('en'));
    expect(metricExplain(m(b, 'network:subnets')!)).toBe('As reported by Taostats');
    expect(m(b, 'network:storagePowerEiB')?.format).toBe('eib');
  });

  it('the first figure of a key wins; a missing key is noted as what unlocks it, not as an outage', () => {
    const dup = assemble(input({ network: [feed('taostats', 'w_network', ok([...figures, { key: 'subnets', label: 'again', value: 1, asOfMs: NOW }]))] }));
    expect(dup.metrics.filter((x) => x.id === 'network:subnets')).toHaveLength(1);
    const blocked = assemble(input({ network: [feed('taostats', 'w_subnets_key', failed('blocked', 'needs a free Taostats API key (options page)'))] }));
    expect(blocked.metrics.some((x) => x.group === 'network')).toBe(false);
    expect(renderNotes(blocked.notes)).toContain('Taostats subnets (add a free Taostats key in options): needs a free Taostats API key (options page).');
    expect(blocked.state).toBe('ready');
  });
});

describe('decideState', () => {
  const some = [metricOf('price', 1)];
  const okSource = { source: 'coingecko' as const, what: 'w_market', ok: true, stale: false, asOfMs: NOW };
  it('unsupported, error, partial, stale, ready, in that precedence', () => {
    expect(decideState({ asset: null, assetProblem: { kind: 'unknown', note: ['n_no_ticker', 'X'] } }, some, [])).toBe('unsupported');
    expect(decideState({ asset }, [metricOf('price', null)], [okSource])).toBe('error');
    expect(decideState({ asset }, some, [{ ...okSource, ok: false }])).toBe('partial');
    expect(decideState({ asset: null, assetProblem: { kind: 'unreachable', note: ['n_lookup_failed', 'X'] } }, some, [okSource])).toBe('partial');
    expect(decideState({ asset }, some, [{ ...okSource, ok: false, absent: true }])).toBe('ready');
    expect(decideState({ asset }, some, [{ ...okSource, stale: true }])).toBe('stale');
    expect(decideState({ asset }, some, [okSource])).toBe('ready');
  });
});
