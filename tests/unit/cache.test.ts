import { afterEach, describe, expect, it, vi } from 'vitest';
import { SwrCache, memoryStore, idbStore, type CachePolicy, type CacheStore } from '../../lib/engine/cache';
import type { Result } from '../../lib/types';

// Timeout tests run on a fake clock; a failing one must not leave it on for the next.
afterEach(() => {
  vi.useRealTimers();
});

const num: CachePolicy<number> = {
  key: 'k',
  version: 1,
  maxAgeMs: 1000,
  staleMs: 10_000,
  check: (v) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined),
};

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

const ok = (value: number): Result<number> => ({ ok: true, value });

describe('SwrCache', () => {
  it('serves a fresh entry without calling upstream, and reports its real age', async () => {
    const c = clock();
    const cache = new SwrCache({ store: memoryStore(), now: c.now });
    const fetcher = vi.fn(async () => ok(42));
    const first = await cache.get(num, fetcher);
    c.advance(500);
    const second = await cache.get(num, fetcher);
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(second).toMatchObject({ ok: true, value: 42, stale: false, from: 'cache', fetchedAtMs: 1_000_000 });
    expect(first).toMatchObject({ from: 'network' });
  });

  it('shares one upstream call among 50 concurrent readers', async () => {
    const cache = new SwrCache({ store: memoryStore() });
    let resolveFetch!: (r: Result<number>) => void;
    const fetcher = vi.fn(() => new Promise<Result<number>>((r) => (resolveFetch = r)));
    const reads = Array.from({ length: 50 }, () => cache.get(num, fetcher));
    await vi.waitFor(() => expect(fetcher).toHaveBeenCalled());
    resolveFetch(ok(7));
    const results = await Promise.all(reads);
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(results.every((r) => r.ok && r.value === 7)).toBe(true);
  });

  it('background mode returns stale data at once, marked stale, and refreshes behind it', async () => {
    const c = clock();
    const cache = new SwrCache({ store: memoryStore(), now: c.now });
    await cache.get(num, async () => ok(1));
    c.advance(2000); // past maxAge (1000) but inside the stale window
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const fetcher = vi.fn(async () => {
      await gate;
      return ok(2);
    });
    const r = await cache.get(num, fetcher, 'background');
    expect(r).toMatchObject({ ok: true, value: 1, stale: true, fetchedAtMs: 1_000_000 });
    expect(fetcher).toHaveBeenCalledTimes(1);
    release();
    // the awaited read joins the refresh already running
    const fresh = await cache.get(num, fetcher, 'await');
    expect(fresh).toMatchObject({ ok: true, value: 2, stale: false });
    expect(fetcher).toHaveBeenCalledTimes(1);
  });

  it('keeps showing the old value, marked stale with the error, when a refresh fails', async () => {
    const c = clock();
    const cache = new SwrCache({ store: memoryStore(), now: c.now });
    await cache.get(num, async () => ok(5));
    c.advance(5000);
    const r = await cache.get(num, async () => ({ ok: false, error: { kind: 'rate-limited', status: 429, message: '429' } }));
    expect(r).toMatchObject({ ok: true, value: 5, stale: true, error: { kind: 'rate-limited' } });
  });

  it('past the stale window a failure is an error that says when data last worked', async () => {
    const c = clock();
    const cache = new SwrCache({ store: memoryStore(), now: c.now });
    await cache.get(num, async () => ok(5));
    c.advance(60_000);
    const r = await cache.get(num, async () => ({ ok: false, error: { kind: 'network', message: 'down' } }));
    expect(r).toEqual({ ok: false, error: { kind: 'network', message: 'down' }, lastOkAtMs: 1_000_000 });
  });

  it('treats a corrupted or older-version entry as a miss, deletes it and counts it', async () => {
    const store = memoryStore();
    await store.set('k', { v: 1, fetchedAtMs: Date.now(), value: 'not a number' });
    const cache = new SwrCache({ store });
    const fetcher = vi.fn(async () => ok(9));
    const r = await cache.get(num, fetcher);
    expect(r).toMatchObject({ ok: true, value: 9, from: 'network' });
    expect(cache.stats.corrupt).toBe(1);
    expect(await store.get('k')).toMatchObject({ v: 1, value: 9 });

    await store.set('k2', { v: 0, fetchedAtMs: Date.now(), value: 3 });
    const r2 = await new SwrCache({ store }).get({ ...num, key: 'k2' }, async () => ok(4));
    expect(r2).toMatchObject({ value: 4, from: 'network' });
  });

  it.each([
    ['garbage string', 'garbage'],
    ['null', null],
    ['array', [1, 2]],
    ['future timestamp', { v: 1, fetchedAtMs: Date.now() + 10 * 86_400_000, value: 1 }],
    ['NaN time', { v: 1, fetchedAtMs: Number.NaN, value: 1 }],
  ])('garbage in the store (%s) is a miss, never a throw', async (_, raw) => {
    const store = memoryStore();
    await store.set('k', raw);
    const r = await new SwrCache({ store }).get(num, async () => ok(1));
    expect(r).toMatchObject({ ok: true, value: 1, from: 'network' });
  });

  it('a hanging store is a miss within the store timeout and the cache keeps working from memory', async () => {
    const hanging: CacheStore = {
      get: () => new Promise(() => undefined),
      set: () => new Promise(() => undefined),
      del: () => new Promise(() => undefined),
    };
    vi.useFakeTimers();
    const cache = new SwrCache({ store: hanging, storeTimeoutMs: 50 });
    let settled = false;
    const pending = cache.get(num, async () => ok(3)).finally(() => (settled = true));
    // The read waits for the store's answer at most 50 ms (fake clock), then for the write 50 ms.
    await vi.advanceTimersByTimeAsync(49);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(51);
    expect(settled).toBe(true);
    vi.useRealTimers();
    const r = await pending;
    expect(r).toMatchObject({ ok: true, value: 3 });
    const fetcher = vi.fn(async () => ok(4));
    const again = await cache.get(num, fetcher);
    expect(again).toMatchObject({ value: 3, from: 'cache' });
    expect(fetcher).not.toHaveBeenCalled();
  });

  it('a throwing store (quota) is a miss, never a crash', async () => {
    const failing: CacheStore = {
      get: async () => {
        throw new Error('QuotaExceededError');
      },
      set: async () => {
        throw new Error('QuotaExceededError');
      },
      del: async () => undefined,
    };
    const cache = new SwrCache({ store: failing });
    const r = await cache.get(num, async () => ok(8));
    expect(r).toMatchObject({ ok: true, value: 8 });
    expect(cache.stats.storeFailures).toBeGreaterThan(0);
  });

  it('a fetcher that throws becomes a typed error', async () => {
    const cache = new SwrCache({ store: memoryStore() });
    const r = await cache.get(num, async () => {
      throw new Error('boom');
    });
    expect(r).toEqual({ ok: false, error: { kind: 'network', message: 'boom' } });
  });

  it('persists through IndexedDB (idb-keyval) so a restarted worker reads it back', async () => {
    const c = clock(Date.now());
    const first = new SwrCache({ store: idbStore(), now: c.now });
    await first.get({ ...num, key: 'persist' }, async () => ok(11));
    const restarted = new SwrCache({ store: idbStore(), now: c.now });
    const fetcher = vi.fn(async () => ok(12));
    const r = await restarted.get({ ...num, key: 'persist' }, fetcher);
    expect(r).toMatchObject({ value: 11, from: 'cache' });
    expect(fetcher).not.toHaveBeenCalled();
  });
});

describe('SwrCache not-found memory', () => {
  it('remembers a not-found answer for notFoundMaxAgeMs, then asks again', async () => {
    let t = 1_000_000;
    const cache = new SwrCache({ store: memoryStore(), now: () => t });
    const p = { ...num, key: 'slug', notFoundMaxAgeMs: 5000 };
    const fetcher = vi.fn(async (): Promise<Result<number>> => ({ ok: false, error: { kind: 'not-found', status: 404, message: 'Fees for x not found' } }));
    expect(await cache.get(p, fetcher)).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    expect(await cache.get(p, fetcher)).toMatchObject({ ok: false, error: { kind: 'not-found', status: 404 } });
    expect(fetcher).toHaveBeenCalledTimes(1);
    t += 6000;
    fetcher.mockResolvedValueOnce({ ok: true, value: 3 });
    expect(await cache.get(p, fetcher)).toMatchObject({ ok: true, value: 3 });
    expect(fetcher).toHaveBeenCalledTimes(2);
  });

  it('does not remember outages (rate limits) as absence', async () => {
    const cache = new SwrCache({ store: memoryStore() });
    const p = { ...num, key: 'rl', notFoundMaxAgeMs: 5000 };
    const fetcher = vi.fn(async (): Promise<Result<number>> => ({ ok: false, error: { kind: 'rate-limited', message: '429' } }));
    await cache.get(p, fetcher);
    await cache.get(p, fetcher);
    expect(fetcher).toHaveBeenCalledTimes(2);
  });
});

describe('SwrCache force mode', () => {
  it('always asks upstream, and falls back to the cached value when upstream fails', async () => {
    const cache = new SwrCache({ store: memoryStore() });
    await cache.get(num, async () => ok(1));
    const fetcher = vi.fn(async () => ok(2));
    expect(await cache.get(num, fetcher, 'force')).toMatchObject({ value: 2, from: 'network' });
    const failing = vi.fn(async (): Promise<Result<number>> => ({ ok: false, error: { kind: 'network', message: 'down' } }));
    expect(await cache.get(num, failing, 'force')).toMatchObject({ ok: true, value: 2, stale: true, error: { kind: 'network' } });
  });
});

describe('SwrCache store traffic', () => {
  it('a warm read of a fresh entry touches the store not at all (memory), even with not-found memory on', async () => {
    const inner = memoryStore();
    let gets = 0;
    const counting: CacheStore = { get: (k) => (gets++, inner.get(k)), set: inner.set, del: inner.del };
    const cache = new SwrCache({ store: counting });
    const p = { ...num, key: 'warm', notFoundMaxAgeMs: 60_000 };
    await cache.get(p, async () => ok(1));
    const before = gets;
    for (let i = 0; i < 5; i++) await cache.get(p, async () => ok(2));
    expect(gets).toBe(before);
  });
});

describe('SwrCache bounds (issue 11: the cache and its memory copy never grow without limit)', () => {
  const at = (key: string): CachePolicy<number> => ({ ...num, key });
  const settle = () => new Promise((r) => setTimeout(r, 0));
  // the store's own view, not the cache's memory copy
  const stored = async (s: CacheStore, key: string) => (await s.get(key)) !== undefined;

  it('IndexedDB keeps at most `entries`, dropping the least recently read first', async () => {
    const store = memoryStore();
    const cache = new SwrCache({ store, bounds: { memory: { entries: 100, bytes: 1e9 }, store: { entries: 3, bytes: 1e9 } } });
    for (const k of ['a', 'b', 'c']) await cache.get(at(k), async () => ok(1));
    await cache.get(at('a'), async () => ok(1)); // a read: 'b' is now the least recently read
    await cache.get(at('d'), async () => ok(1));
    await settle();
    expect(await stored(store, 'b')).toBe(false);
    for (const k of ['a', 'c', 'd']) expect(await stored(store, k), k).toBe(true);
  });

  it('bounds bytes too: a large entry pushes out the older ones', async () => {
    const store = memoryStore();
    const big: CachePolicy<string> = { key: 'big', version: 1, maxAgeMs: 1000, staleMs: 1000, check: (v) => (typeof v === 'string' ? v : undefined) };
    const cache = new SwrCache({ store, bounds: { memory: { entries: 100, bytes: 1e9 }, store: { entries: 100, bytes: 1_960 } } }); // ~40 B each small entry, ~1,940 B the big one
    for (const k of ['a', 'b']) await cache.get(at(k), async () => ok(1));
    await cache.get(big, async () => ({ ok: true, value: 'x'.repeat(1_900) }));
    await settle();
    expect(await stored(store, 'a')).toBe(false);
    expect(await stored(store, 'b')).toBe(false);
    expect(await stored(store, 'big')).toBe(true);
  });

  it('the memory copy is bounded: an evicted key is read back from the store', async () => {
    const inner = memoryStore();
    const gets: string[] = [];
    const store: CacheStore = { ...inner, get: (k) => (gets.push(k), inner.get(k)) };
    const cache = new SwrCache({ store, bounds: { memory: { entries: 2, bytes: 1e9 }, store: { entries: 100, bytes: 1e9 } } });
    for (const k of ['a', 'b', 'c']) await cache.get(at(k), async () => ok(1));
    gets.length = 0;
    const fetcher = vi.fn(async () => ok(2));
    expect(await cache.get(at('a'), fetcher)).toMatchObject({ ok: true, value: 1, from: 'cache' });
    expect(gets).toContain('a'); // not in memory any more, still in IndexedDB
    expect(fetcher).not.toHaveBeenCalled();
  });

  it('an older store without an index is seeded from its keys; the quota records are never evicted', async () => {
    const store = memoryStore();
    // written by a version before the index, and by the quota gates (lib/engine/rate-limit.ts)
    await store.set('budget:keyed', [1, 2, 3]);
    await store.set('ban:api.coingecko.com', { untilMs: 1 });
    await store.set('old', { v: 1, fetchedAtMs: Date.now(), value: 1 });
    const cache = new SwrCache({ store, bounds: { memory: { entries: 100, bytes: 1e9 }, store: { entries: 1, bytes: 1e9 } } });
    await cache.get(at('new'), async () => ok(1));
    await vi.waitFor(async () => expect(await stored(store, 'old')).toBe(false));
    expect(await stored(store, 'new')).toBe(true);
    expect(await store.get('budget:keyed')).toEqual([1, 2, 3]);
    expect(await stored(store, 'ban:api.coingecko.com')).toBe(true);
  });

  it('a burst of writes saves the index once, not once per entry', async () => {
    const inner = memoryStore();
    const indexSaves: unknown[] = [];
    const store: CacheStore = { ...inner, set: (k, v) => (k === '#lru' && indexSaves.push(v), inner.set(k, v)) };
    const cache = new SwrCache({ store, bounds: { memory: { entries: 100, bytes: 1e9 }, store: { entries: 100, bytes: 1e9 } } });
    for (const k of ['a', 'b', 'c', 'd', 'e']) await cache.get(at(k), async () => ok(1));
    await vi.waitFor(() => expect(indexSaves).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 300));
    expect(indexSaves).toHaveLength(1);
    expect((indexSaves[0] as Array<[string, number]>).map(([k]) => k)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('a restarted worker keeps the order: the index is stored beside the entries', async () => {
    const store = memoryStore();
    const bounds = { memory: { entries: 100, bytes: 1e9 }, store: { entries: 2, bytes: 1e9 } };
    const first = new SwrCache({ store, bounds });
    for (const k of ['a', 'b']) await first.get(at(k), async () => ok(1));
    await vi.waitFor(async () => expect(await store.get('#lru')).toBeDefined()); // the index is saved a moment after the writes
    const second = new SwrCache({ store, bounds });
    await second.get(at('c'), async () => ok(1));
    await settle();
    expect(await stored(store, 'a')).toBe(false);
    expect(await stored(store, 'b')).toBe(true);
    expect(await stored(store, 'c')).toBe(true);
  });
});
