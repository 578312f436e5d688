/**
 * Issue 13, worker side: the unlock calendar and the sector medians built on the real engine
 * (fake upstream), checking what reaches the UI and how many upstream calls it costs.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../lib/engine/engine';
import { SwrCache, memoryStore } from '../../lib/engine/cache';
import { cachedSchedules, unlockCalendar } from '../../lib/engine/calendar';
import { buildCalendar } from '../../lib/metrics/unlock-calendar';
import { sectorChip } from '../../lib/metrics/sector';
import { COMPUTE_NETWORKS, createSectorContext, sectorOf, sectorView, type MemberRow } from '../../lib/engine/sector';
import type { Bundle } from '../../lib/engine/bundle';
import { defaultSettings, parseSettings, type Settings } from '../../lib/settings/schema';
import { messagesGetter } from './messages';
import { setMessages } from '../../lib/i18n';
import { metricExplain, metricLabel } from '../../components/format-metric';

const NOW = Date.UTC(2026, 10, 28, 12);
const DAY = 86_400_000;
const sec = (ms: number) => ms / 1000;

/** fdv / market cap per CoinGecko id (market cap 100 USD each) */
const FDV: Record<string, number> = { filecoin: 300, aethir: 500, helium: 150, bittensor: 120, 'render-token': 110, 'akash-network': 200, 'io-net': 900 };

let heliumDown = false;

function router(calls: string[]) {
  return async (input: string): Promise<Response> => {
    calls.push(input);
    const u = new URL(input);
    if (u.hostname === 'api.coingecko.com' && u.pathname === '/api/v3/coins/markets') {
      const ids = (u.searchParams.get('ids') ?? '').split(',');
      return Response.json(
        ids.map((id) => ({ id, symbol: id.slice(0, 3), name: id, current_price: 2, market_cap: 100, fully_diluted_valuation: FDV[id] ?? 200, total_volume: 1000, price_change_percentage_24h: 1, circulating_supply: 50_000, total_supply: 100_000, max_supply: 100_000, ath: 4, last_updated: new Date(NOW).toISOString() })),
      );
    }
    if (u.hostname === 'api.coingecko.com' && u.pathname === '/api/v3/search') {
      const q = u.searchParams.get('query');
      const hit = q === 'io' ? { id: 'io-net', name: 'io.net' } : q === 'ath' ? { id: 'aethir', name: 'Aethir' } : null;
      return Response.json({ coins: hit ? [{ ...hit, api_symbol: hit.id, symbol: q!.toUpperCase(), market_cap_rank: 100, thumb: '', large: '' }] : [], exchanges: [], icos: [], categories: [], nfts: [] });
    }
    const fees = u.hostname === 'api.llama.fi' && u.pathname.match(/^\/summary\/fees\/(filecoin|aethir|helium)$/);
    if (fees) {
      // 1 USD of fees and of revenue every day for 40 complete days: annualized revenue 365 USD
      const start = Math.floor(NOW / DAY) * DAY - 40 * DAY;
      const chart = Array.from({ length: 40 }, (_, i) => [sec(start + i * DAY), 1]);
      return Response.json({ id: '1', name: fees[1], gecko_id: null, slug: fees[1], protocolType: 'chain', methodology: {}, total24h: 1, totalDataChart: chart });
    }
    if (u.hostname === 'defillama-datasets.llama.fi' && u.pathname === '/emissions/filecoin') {
      return Response.json({
        name: 'Filecoin',
        gecko_id: 'filecoin',
        metadata: {
          token: 'coingecko:filecoin',
          unlockEvents: [
            {
              timestamp: sec(NOW + 20 * DAY),
              cliffAllocations: [
                { recipient: 'Investors', category: 'privateSale', unlockType: 'cliff', amount: 1000 },
                { recipient: 'Team', category: 'insiders', unlockType: 'cliff', amount: 500 },
                { recipient: 'Investors', category: 'privateSale', unlockType: 'cliff', amount: 250 },
              ],
              linearAllocations: [],
            },
            { timestamp: sec(NOW + 120 * DAY), cliffAllocations: [{ recipient: 'Team', category: 'insiders', unlockType: 'cliff', amount: 9 }], linearAllocations: [] },
          ],
        },
      });
    }
    if (u.hostname === 'defillama-datasets.llama.fi' && u.pathname === '/emissions/helium' && heliumDown) return new Response('down', { status: 503 });
    if (u.hostname === 'defillama-datasets.llama.fi' && u.pathname === '/emissions/aethir') {
      return Response.json({
        name: 'Aethir',
        gecko_id: 'aethir',
        metadata: {
          token: 'coingecko:aethir',
          unlockEvents: [
            { timestamp: sec(NOW + 5 * DAY), cliffAllocations: [{ recipient: 'Ecosystem', category: 'ecosystem', unlockType: 'cliff', amount: 300 }], linearAllocations: [] },
            {
              timestamp: sec(NOW - 10 * DAY),
              cliffAllocations: [],
              linearAllocations: [{ recipient: 'Node rewards', category: 'farming', unlockType: 'linear', previousRatePerWeek: 0, newRatePerWeek: 70, endTimestamp: sec(NOW + 400 * DAY) }],
            },
          ],
        },
      });
    }
    return new Response('not found', { status: 404 });
  };
}

function setup(settings: Settings) {
  const calls: string[] = [];
  const cache = new SwrCache({ store: memoryStore(), now: () => NOW });
  const engine = createEngine({ cache, fetch: router(calls), now: () => NOW, settings: async () => settings });
  return { calls, cache, engine };
}

describe('unlock calendar on the engine', () => {
  it('lists the active watchlist: merged allocations, date order, no-schedule tokens once, one market request', async () => {
    const s = defaultSettings();
    s.watchlists.push({ id: 'w2', name: 'Mine', items: ['FIL', 'ATH', 'HNT'].map((symbol) => ({ symbol, assetId: null })) });
    s.activeWatchlistId = 'w2';
    const { calls, cache, engine } = setup(s);
    let afterCompare = -1;
    const input = await unlockCalendar(
      {
        settings: async () => s,
        compare: async (symbols) => {
          const r = await engine.compare(symbols);
          afterCompare = calls.length;
          return r;
        },
        schedule: cachedSchedules(cache),
        now: () => NOW,
      },
    );
    expect(input.watchlist).toBe('Mine');
    expect(input.tokens.map((t) => t.symbol)).toEqual(['FIL', 'ATH', 'HNT']);
    // what crosses to the page is plain data
    const cal = { ...buildCalendar(JSON.parse(JSON.stringify(input.tokens)), NOW), unavailable: input.unavailable };
    expect(cal.rows.map((r) => [r.symbol, r.atMs, r.amount])).toEqual([
      ['ATH', NOW + 5 * DAY, 300],
      ['FIL', NOW + 20 * DAY, 1750],
    ]);
    expect(cal.rows[1]!.recipients).toEqual([
      { recipient: 'Investors', category: 'privateSale', amount: 1250 },
      { recipient: 'Team', category: 'insiders', amount: 500 },
    ]);
    expect(cal.rows[1]!.valueUsd).toBe(3500); // 1750 tokens × 2 USD
    expect(cal.rows[1]!.pctCirculating).toBeCloseTo(3.5, 10); // percent of 50 000
    expect(cal.linear).toEqual([expect.objectContaining({ symbol: 'ATH', tokensPerWeek: 70, untilMs: NOW + 400 * DAY })]);
    expect(cal.noSchedule).toEqual(['HNT']);
    expect(cal.unavailable).toEqual([]);
    expect(calls.filter((c) => c.includes('/coins/markets'))).toHaveLength(1);
    // the schedules came from the cache the compare call filled: no request after it
    expect(calls.length).toBe(afterCompare);
  });
});

describe('unlock calendar when a schedule feed fails', () => {
  it('names the token as unavailable, not as having no public schedule', async () => {
    const s = defaultSettings();
    s.watchlists[0]!.items = ['FIL', 'HNT', 'RENDER'].map((symbol) => ({ symbol, assetId: null }));
    const { cache, engine } = setup(s);
    heliumDown = true;
    try {
      const input = await unlockCalendar({ settings: async () => s, compare: (x) => engine.compare(x), schedule: cachedSchedules(cache), now: () => NOW });
      expect(input.unavailable).toEqual(['HNT']);
      expect(input.tokens.map((t) => t.symbol)).toEqual(['FIL', 'RENDER']);
      expect(buildCalendar(input.tokens, NOW).noSchedule).toEqual(['RENDER']);
    } finally {
      heliumDown = false;
    }
  });
});

describe('sector medians', () => {
  it('compute networks: the built-in list is the sector of its members only', () => {
    const s = defaultSettings();
    expect(sectorOf({ id: 'filecoin', symbol: 'FIL' }, s)).toEqual({ name: 'Compute networks', symbols: Object.values(COMPUTE_NETWORKS) });
    expect(sectorOf({ id: 'bitcoin', symbol: 'BTC' }, s)).toBeNull();
  });

  it('a watchlist marked as a sector makes its members a sector; the flag defaults to off', () => {
    const s = parseSettings({ watchlists: [{ id: 'l1', name: 'L1s', items: [{ symbol: 'BTC' }, { symbol: 'ETH' }], sector: true }, { id: 'x', name: 'X', items: [{ symbol: 'SOL' }], sector: 'yes' }] });
    expect(s.watchlists.map((w) => w.sector)).toEqual([true, false]);
    expect(sectorOf({ id: 'bitcoin', symbol: 'BTC' }, s)).toEqual({ name: 'L1s', symbols: ['BTC', 'ETH'] });
    expect(sectorOf({ id: 'solana', symbol: 'SOL' }, s)).toBeNull();
    expect(parseSettings({ watchlists: [{ id: 'a', name: 'A', items: [] }] }).watchlists[0]).not.toHaveProperty('sector');
  });

  it('decorates a member bundle from ONE batched market request and cached fundamentals only', async () => {
    const s = defaultSettings();
    const { calls, cache, engine } = setup(s);
    const ctx = createSectorContext({ settings: async () => s, quotes: (x) => engine.quotes(x), cache, now: () => NOW }, 60_000);
    // earlier visits left ATH's and HNT's revenue in the cache (and which assets IO and ATH are:
    // identity searches are cached for a day); nothing else about the members
    await engine.lookup('ATH', undefined);
    await engine.lookup('HNT', undefined);
    await engine.lookup('IO', undefined);
    const own = await engine.lookup('FIL', undefined);
    const before = calls.length;
    const b = await ctx.decorate(own);
    // exactly one upstream request: the batched markets call
    expect(calls.slice(before)).toHaveLength(1);
    expect(calls.slice(before)[0]).toContain('/coins/markets');
    const fdvToMcap = b.sector?.medians.find((m) => m.id === 'fdvToMcap');
    // 7 members: 1.1, 1.2, 1.5, 2, 3, 5, 9 → median 2
    expect(fdvToMcap?.median).toBe(2);
    expect(fdvToMcap?.members.map((m) => m.symbol).sort()).toEqual(['AKT', 'ATH', 'FIL', 'HNT', 'IO', 'RENDER', 'TAO']);
    expect(b.sector?.name).toBe('Compute networks');
    // FDV / revenue: FIL (own bundle), ATH and HNT (cached revenue): 300/365, 500/365, 150/365
    const fdvToRevenue = b.sector?.medians.find((m) => m.id === 'fdvToRevenue');
    expect(fdvToRevenue?.median).toBeCloseTo(300 / 365, 12);
    expect(fdvToRevenue?.members.map((m) => m.symbol)).toEqual(['FIL', 'ATH', 'HNT']);
    // the median travels as a metric right after its figure (CONTRACT.md `data-metric="sector:<id>"`)
    const i = b.metrics.findIndex((m) => m.id === 'fdvToMcap');
    expect(b.metrics[i + 1]).toMatchObject({ id: 'sector:fdvToMcap', group: b.metrics[i]!.group, value: 2, source: 'computed', format: 'ratio' });
    // worded by the UI from public/_locales (issue 9), not by the worker
    setMessages(messagesGetter('en'));
    expect(metricLabel(b.metrics[i + 1]!)).toBe('sector median');
    expect(metricExplain(b.metrics[i + 1]!)).toMatch(/^Median of FDV \/ market cap over 7 members of Compute networks that have it \(FIL, .*\); oldest data: \d{4}-\d\d-\d\d \d\d:\d\d UTC\.$/);
    expect(b.metrics.filter((m) => m.id.startsWith('sector:')).map((m) => m.id)).toEqual(['sector:fdvToMcap', 'sector:fdvToRevenue']);
    expect(own.metrics.some((m) => m.id.startsWith('sector:'))).toBe(false);
    // unlock pressure: only FIL has a schedule here → no median
    expect(b.sector?.medians.find((m) => m.id === 'unlockPressure')).toBeUndefined();
    // a second visit within the market freshness: no request at all
    const n = calls.length;
    await ctx.decorate(own);
    expect(calls.length).toBe(n);
  });

  it('sends the bundle without medians when the quote is late, and leaves non-members alone', async () => {
    const s = defaultSettings();
    const ctx = createSectorContext({ settings: async () => s, quotes: () => new Promise(() => {}), cache: { peek: async () => undefined }, now: () => NOW }, 10);
    const own = { asset: { id: 'filecoin', symbol: 'FIL', name: 'Filecoin' }, metrics: [], pair: { base: 'FIL' } } as unknown as Bundle;
    const late = await ctx.decorate(own);
    expect(late.sector).toBeUndefined();
    expect(late.sectorPending).toBe(true); // the overlay asks again for the medians
    const other = { ...own, asset: { id: 'bitcoin', symbol: 'BTC', name: 'Bitcoin' } } as Bundle;
    expect(await ctx.decorate(other)).toBe(other);
  });

  it('uses the asset’s own current figure over its cached one and picks a chip', () => {
    const none = { value: null, asOfMs: null };
    const row = (id: string, symbol: string, v: number | null): MemberRow => ({
      id,
      symbol,
      figures: { fdvToMcap: none, fdvToRevenue: { value: v, asOfMs: NOW }, revenueToEmissions: none, unlockPressure: none },
    });
    const mk = (id: string, symbol: string, fdvToRevenue: number | null): Bundle =>
      ({ asset: { id, symbol, name: symbol }, pair: { base: symbol }, metrics: [{ id: 'fdvToRevenue', value: fdvToRevenue, asOfMs: NOW }] }) as unknown as Bundle;
    const members = [row('a', 'A', 100), row('b', 'B', 200), row('c', 'C', 300), row('d', 'D', null)];
    // A's own 6350 replaces its cached 100: 200, 300, 6350 → 300
    const v = sectorView('S', mk('a', 'A', 6350), members);
    expect(v.medians).toEqual([{ id: 'fdvToRevenue', median: 300, members: expect.any(Array), oldestAsOfMs: NOW }]);
    expect(v.medians[0]!.members.map((m) => m.symbol)).toEqual(['A', 'B', 'C']);
    // the compact chip, derived in the UI from the medians and the asset's own figure
    expect(sectorChip(v.medians, (id) => (id === 'fdvToRevenue' ? 6350 : null))).toMatchObject({ metric: 'fdvToRevenue', side: 'above', tone: 'worse' });
    expect(sectorChip(v.medians, () => 400)).toBeNull();
    expect(sectorView('S', mk('a', 'A', 6350), members.slice(0, 2)).medians).toEqual([]);
  });
});

describe('unlockCalendar message', () => {
  it('is for extension pages only, and its request takes no field', async () => {
    const { senderProblem, requestSchemas } = await import('../../lib/messaging/server');
    const { contentScriptExcludeMatches, contentScriptMatches } = await import('../../lib/exchanges/manifest');
    const ID = 'abcdefghijklmnopabcdefghijklmnop';
    const ctx = { extensionId: ID, extensionOrigin: `chrome-extension://${ID}/`, contentScripts: [{ matches: [...contentScriptMatches], exclude_matches: [...contentScriptExcludeMatches] }] };
    const kucoin = { id: ID, tab: { id: 1 }, frameId: 0, url: 'https://www.kucoin.com/trade/TAO-USDT' };
    expect(senderProblem(kucoin, 'unlockCalendar', ctx)).toBe('not allowed from a web page');
    expect(senderProblem({ id: ID, url: `chrome-extension://${ID}/unlocks.html` }, 'unlockCalendar', ctx)).toBeNull();
    expect(requestSchemas.unlockCalendar.safeParse({}).success).toBe(true);
  });
});
