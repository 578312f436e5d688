import { describe, expect, it, vi } from 'vitest';
import { runAlerts, type AlertStore } from '../../lib/alerts/runner';
import type { Bundle } from '../../lib/engine/bundle';

function memStore(init: Record<string, unknown>): AlertStore & { data: Record<string, unknown> } {
  const data = structuredClone(init);
  return { data, get: async (keys) => Object.fromEntries(keys.map((k) => [k, structuredClone(data[k])])), set: async (items) => void Object.assign(data, structuredClone(items)) };
}

const bundleAt = (price: number) => ({ metrics: [{ id: 'price', value: price }] }) as unknown as Bundle;

describe('alert round (worker)', () => {
  it('fires once when the price crosses, survives a restart, stores state before notifying', async () => {
    const store = memStore({ alerts: [{ id: 'p1', symbol: 'TAO', kind: 'priceAbove', level: 500 }] });
    let price = 450;
    const order: string[] = [];
    const notify = vi.fn(async () => {
      order.push(`notify(state armed=${(store.data.alertState as any)?.p1?.armed})`);
      return true;
    });
    const deps = { store, lookup: async () => bundleAt(price), prices: async () => ({ TAO: price }), notify, now: () => 1 };
    expect(await runAlerts(deps)).toEqual([]);
    price = 510;
    expect((await runAlerts(deps)).map((e) => e.ruleId)).toEqual(['p1']);
    expect(order).toEqual(['notify(state armed=false)']);
    // Alarm replays and a "restarted worker" (fresh deps over the same storage): nothing new.
    await runAlerts(deps);
    await runAlerts({ ...deps, notify });
    expect(notify).toHaveBeenCalledTimes(1);
    expect((store.data.alertLog as unknown[]).length).toBe(1);
  });

  it('a lookup failure or a missing notification permission never throws', async () => {
    const store = memStore({ alerts: [{ id: 'p1', symbol: 'TAO', kind: 'priceBelow', level: 500 }] });
    const r = await runAlerts({ store, lookup: async () => bundleAt(100), prices: async () => ({ TAO: 100 }), notify: async () => false, now: () => 2 });
    expect(r).toMatchObject([{ ruleId: 'p1', notified: false }]);
    const r2 = await runAlerts({ store, lookup: async () => Promise.reject(new Error('down')), prices: async () => Promise.reject(new Error('down')), notify: async () => true, now: () => 3 });
    expect(r2).toEqual([]);
  });
});
