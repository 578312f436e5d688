import { describe, expect, it, vi } from 'vitest';
import { HostGate } from '../../lib/engine/rate-limit';
import { memoryStore } from '../../lib/engine/cache';

describe('HostGate', () => {
  it('after a 429 with Retry-After, refuses the host until then — also after a worker restart', async () => {
    let t = 1_000_000;
    const now = () => t;
    const store = memoryStore();
    const inner = vi.fn(async () => new Response('', { status: 429, headers: { 'retry-after': '30' } }));
    const gate = new HostGate(store, now, () => 0);
    const f = gate.wrap(inner);
    expect((await f('https://api.binance.com/api/v3/klines')).status).toBe(429);
    expect(inner).toHaveBeenCalledTimes(1);

    // Worker restarts: a new gate over the same store still honours the ban.
    const restarted = new HostGate(store, now, () => 0).wrap(inner);
    const refused = await restarted('https://api.binance.com/api/v3/ticker/24hr');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBe(30);
    expect(inner).toHaveBeenCalledTimes(1);
    // Other hosts are unaffected.
    inner.mockResolvedValueOnce(new Response('{}'));
    expect((await restarted('https://api.kucoin.com/x')).status).toBe(200);

    t += 31_000;
    inner.mockResolvedValueOnce(new Response('{}'));
    expect((await restarted('https://api.binance.com/x')).status).toBe(200);
  });

  it('a 418 without Retry-After bans for 10 minutes, with jitter of at most 20 %', async () => {
    const t = 0;
    const gate = new HostGate(memoryStore(), () => t, () => 1);
    await gate.wrap(async () => new Response('', { status: 418 }))('https://api.binance.com/x');
    const left = await gate.remainingMs('api.binance.com');
    expect(left).toBeGreaterThanOrEqual(10 * 60_000);
    expect(left).toBeLessThanOrEqual(12 * 60_000);
  });

  it('ignores a stored ban longer than a day (clock jump or garbage)', async () => {
    const store = memoryStore();
    await store.set('ban:api.bybit.com', { untilMs: 10 * 86_400_000 });
    const gate = new HostGate(store, () => 0);
    expect(await gate.remainingMs('api.bybit.com')).toBe(0);
  });
});
