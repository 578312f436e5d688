/**
 * A page cannot spend the user's quota (issue 11, medium 2): pair changes debounced and budgeted
 * per tab, requests carrying the user's key budgeted per hour, Retry-After dates honoured.
 */
import { describe, expect, it, vi } from 'vitest';
import { BUDGETS, HostGate, KeyBudget, TabGate, carriesUserKey } from '../../lib/engine/rate-limit';
import { memoryStore } from '../../lib/engine/cache';

describe('TabGate: pair changes per tab', () => {
  it('a burst of 60 pair changes in 2 s admits its first and its last only; another tab is unaffected', async () => {
    let t = 0;
    const sleeps: Array<() => void> = [];
    const gate = new TabGate({ quietMs: 300, perMinute: 20 }, () => t, (_ms) => new Promise<void>((r) => sleeps.push(() => ((t += 0), r()))));
    const answers: Array<Promise<unknown>> = [];
    for (let i = 0; i < 60; i++) {
      answers.push(gate.admit(7, undefined, `kucoin:UNK${i}/USDT`));
      t += 33;
    }
    const other = await gate.admit(8, undefined, 'kucoin:UNK0/USDT');
    expect(other).toBe('go');
    t += 300;
    for (const wake of sleeps) wake();
    const got = await Promise.all(answers);
    expect(got.filter((a) => a === 'go')).toHaveLength(2);
    expect(got[0]).toBe('go');
    expect(got[59]).toBe('go');
    expect(got.filter((a) => a === 'superseded')).toHaveLength(58);
  });

  it('a new page in the tab is not part of the previous page’s burst (debounce per document, budget per tab)', async () => {
    let t = 0;
    const sleep = vi.fn(async () => undefined);
    const gate = new TabGate({ quietMs: 300, perMinute: 3 }, () => t, sleep);
    expect(await gate.admit(1, 'doc-a', 'kucoin:TAO/USDT')).toBe('go');
    t += 50; // the next page loads 50 ms later
    expect(await gate.admit(1, 'doc-b', 'kucoin:TAO/USDT')).toBe('go');
    expect(sleep).not.toHaveBeenCalled();
    t += 50; // a pushState to a new pair inside that page 50 ms later is still debounced
    expect(await gate.admit(1, 'doc-b', 'kucoin:RENDER/USDT')).toBe('go');
    expect(sleep).toHaveBeenCalledTimes(1);
    t += 50;
    expect(await gate.admit(1, 'doc-c', 'kucoin:TAO/USDT')).toEqual({ retryInMs: 59_850 }); // the tab's budget still counts every page
  });

  it('a person switching pairs is never delayed, and a tab gets at most perMinute bundles a minute', async () => {
    let t = 0;
    const sleep = vi.fn(async () => undefined);
    const gate = new TabGate({ quietMs: 300, perMinute: 3 }, () => t, sleep);
    for (let i = 0; i < 3; i++) {
      expect(await gate.admit(1, undefined, `kucoin:P${i}/USDT`)).toBe('go');
      t += 1000;
    }
    expect(sleep).not.toHaveBeenCalled();
    const refused = await gate.admit(1, undefined, 'kucoin:P0/USDT');
    expect(refused).toEqual({ retryInMs: 57_000 });
    t += 57_000;
    expect(await gate.admit(1, undefined, 'kucoin:P3/USDT')).toBe('go');
  });

  it('flipping between pairs the page was already given is never delayed; a new pair in the same burst still is', async () => {
    let t = 0;
    const sleep = vi.fn(async () => undefined);
    const gate = new TabGate({ quietMs: 300, perMinute: 60 }, () => t, sleep);
    expect(await gate.admit(1, 'doc', 'kucoin:TAO/USDT')).toBe('go');
    t += 1000;
    expect(await gate.admit(1, 'doc', 'kucoin:RENDER/USDT')).toBe('go');
    expect(sleep).not.toHaveBeenCalled();
    for (let i = 0; i < 10; i++) {
      t += 40; // a trader (or a script) flipping every 40 ms
      expect(await gate.admit(1, 'doc', i % 2 ? 'kucoin:RENDER/USDT' : 'kucoin:TAO/USDT')).toBe('go');
    }
    expect(sleep).not.toHaveBeenCalled();
    t += 40;
    expect(await gate.admit(1, 'doc', 'kucoin:IO/USDT')).toBe('go');
    expect(sleep).toHaveBeenCalledTimes(1);
    // a new page does not inherit the old page's pairs
    t += 1000;
    await gate.admit(1, 'doc-2', 'kucoin:TAO/USDT');
    t += 40;
    await gate.admit(1, 'doc-2', 'kucoin:RENDER/USDT');
    expect(sleep).toHaveBeenCalledTimes(2);
  });
});

describe('KeyBudget: requests with the user key, per hour', () => {
  it('sends at most perHour keyed requests an hour, across worker restarts; unkeyed requests are not counted', async () => {
    let t = 1_000_000;
    const store = memoryStore();
    const inner = vi.fn(async () => new Response('{}'));
    const keyed = { headers: { 'x-cg-demo-api-key': 'CG-x' } };
    const f = new KeyBudget(store, 3, carriesUserKey, () => t).wrap(inner);
    for (let i = 0; i < 3; i++) expect((await f('https://api.coingecko.com/api/v3/search?query=a', keyed)).status).toBe(200);
    expect((await f('https://api.kucoin.com/x')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 0));
    // a restarted worker still counts them
    const g = new KeyBudget(store, 3, carriesUserKey, () => t).wrap(inner);
    const refused = await g('https://api.coingecko.com/api/v3/search?query=b', keyed);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBe(3600);
    expect(inner).toHaveBeenCalledTimes(4);
    t += 3600_000;
    expect((await g('https://api.coingecko.com/api/v3/search?query=b', keyed)).status).toBe(200);
  });

  it('knows which requests carry a key', () => {
    expect(carriesUserKey({ headers: { 'x-cg-pro-api-key': 'k' } })).toBe(true);
    expect(carriesUserKey({ headers: { Authorization: 'tao-k' } })).toBe(true);
    expect(carriesUserKey({ headers: { accept: 'application/json' } })).toBe(false);
    expect(carriesUserKey(undefined)).toBe(false);
    expect(BUDGETS.keyedPerHour).toBeGreaterThan(0);
  });
});

describe('Retry-After as an HTTP date', () => {
  it('a one-hour date bans the host for an hour, not the 60 s fallback', async () => {
    const t = Date.UTC(2026, 11, 7, 12, 0, 0);
    const inner = vi.fn(async () => new Response('', { status: 429, headers: { 'retry-after': 'Mon, 07 Dec 2026 13:00:00 GMT' } }));
    const gate = new HostGate(memoryStore(), () => t, () => 0);
    await gate.wrap(inner)('https://api.coingecko.com/x');
    expect(await gate.remainingMs('api.coingecko.com')).toBe(3600_000);
  });
});

describe('failed searches are remembered', async () => {
  const { createEngine } = await import('../../lib/engine/engine');
  const { SwrCache } = await import('../../lib/engine/cache');
  const { defaultSettings } = await import('../../lib/settings/schema');
  it('a ticker no asset has costs one CoinGecko search, not one per visit', async () => {
    const NOW = Date.UTC(2026, 11, 7, 12);
    const calls: string[] = [];
    const fetch = async (input: string): Promise<Response> => {
      calls.push(input);
      const u = new URL(input);
      if (u.pathname === '/api/v3/search') return Response.json({ coins: [] });
      return new Response('not found', { status: 404 });
    };
    const e = createEngine({ cache: new SwrCache({ store: memoryStore(), now: () => NOW }), fetch, now: () => NOW, settings: async () => defaultSettings() });
    const pair = { venue: 'kucoin', base: 'NOSUCH', quote: 'USDT', market: 'spot' } as const;
    const first = await e.getBundle(pair);
    const searches = () => calls.filter((c) => c.includes('/api/v3/search')).length;
    expect(searches()).toBe(1);
    const upstream = calls.length;
    for (let i = 0; i < 5; i++) await e.getBundle(pair);
    expect(searches()).toBe(1);
    expect(calls.length).toBe(upstream);
    expect(first.state).toBeDefined();
  });
});
