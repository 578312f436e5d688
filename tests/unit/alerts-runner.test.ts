import { describe, expect, it, vi } from 'vitest';
import { runAlerts, type AlertStore } from '../../lib/alerts/runner';
import { parseState } from '../../lib/alerts/rules';
import { bundleOf } from './helpers/bundle';

function memStore(init: Record<string, unknown>): AlertStore & { data: Record<string, unknown> } {
  const data = structuredClone(init);
  return { data, get: async (keys) => Object.fromEntries(keys.map((k) => [k, structuredClone(data[k])])), set: async (items) => void Object.assign(data, structuredClone(items)) };
}

const bundleAt = (price: number, rsi14: number | null = null) => bundleOf({ price, rsi14 });

describe('alert round (worker)', () => {
  it('fires once when the price crosses, survives a restart, stores state before notifying', async () => {
    const store = memStore({ alerts: [{ id: 'p1', symbol: 'TAO', kind: 'priceAbove', level: 500 }] });
    let price = 450;
    const order: string[] = [];
    const notify = vi.fn(async () => {
      order.push(`notify(state armed=${parseState(store.data.alertState).p1?.armed})`);
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

  it('a failed lookup loses only the rules that need a bundle: price rules of the ticker still fire', async () => {
    const store = memStore({
      alerts: [
        { id: 'p1', symbol: 'TAO', kind: 'priceBelow', level: 500 },
        { id: 'r1', symbol: 'TAO', kind: 'rsiAbove', level: 70 },
      ],
    });
    const lookup = vi.fn(async (): Promise<never> => Promise.reject(new Error('down')));
    const r = await runAlerts({ store, lookup, prices: async () => ({ TAO: 100 }), notify: async () => true, now: () => 2 });
    expect(lookup).toHaveBeenCalledWith('TAO');
    expect(r.map((e) => e.ruleId)).toEqual(['p1']);
    // The RSI rule is untouched (still armed), so it can fire once the lookup works again.
    expect(parseState(store.data.alertState).r1?.armed ?? true).toBe(true);
    const r2 = await runAlerts({ store, lookup: async () => bundleAt(100, 80), prices: async () => ({ TAO: 100 }), notify: async () => true, now: () => 3 });
    expect(r2.map((e) => e.ruleId)).toEqual(['r1']);
  });

  it('failed prices leave bundle rules working; a refused notification is logged as not notified', async () => {
    const store = memStore({ alerts: [{ id: 'r1', symbol: 'TAO', kind: 'rsiAbove', level: 70 }] });
    const notify = vi.fn(async (): Promise<boolean> => Promise.reject(new Error('no permission')));
    const r = await runAlerts({ store, lookup: async () => bundleAt(100, 80), prices: async () => Promise.reject(new Error('down')), notify, now: () => 2 });
    expect(notify).toHaveBeenCalledTimes(1);
    expect(r).toMatchObject([{ ruleId: 'r1', notified: false }]);
    expect(store.data.alertLog).toMatchObject([{ ruleId: 'r1', notified: false }]);
  });

  it('a store that fails answers no firing and never throws', async () => {
    const store: AlertStore = { get: async () => Promise.reject(new Error('quota')), set: async () => undefined };
    const notify = vi.fn(async () => true);
    await expect(runAlerts({ store, lookup: async () => bundleAt(1), prices: async () => ({}), notify, now: () => 2 })).resolves.toEqual([]);
    expect(notify).not.toHaveBeenCalled();
  });
});
