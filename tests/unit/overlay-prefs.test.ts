import { describe, expect, it } from 'vitest';
import { createOverlayPrefs, parseLayout, type KeyValueArea } from '../../lib/settings/overlay-prefs';
import { defaultSettings, parseSettings } from '../../lib/settings/schema';
import { dispatch, type Handlers, type SenderContext } from '../../lib/messaging/server';
import { contentScriptExcludeMatches, contentScriptMatches } from '../../lib/exchanges';

function memoryArea(init: Record<string, unknown> = {}): KeyValueArea & { data: Record<string, unknown>; failGets: number } {
  const a = {
    data: { ...init },
    failGets: 0,
    async get(keys: string[]) {
      if (a.failGets > 0) {
        a.failGets--;
        throw new Error('storage read failed');
      }
      return Object.fromEntries(keys.filter((k) => k in a.data).map((k) => [k, structuredClone(a.data[k])]));
    },
    async set(items: Record<string, unknown>) {
      Object.assign(a.data, structuredClone(items));
    },
  };
  return a;
}

describe('overlay prefs through the worker', () => {
  it('answers the layout of one venue and only display settings (no keys, no watchlists)', async () => {
    const s = parseSettings({ ...defaultSettings(), apiKeys: { coingecko: 'CG-secret', coingeckoPlan: 'demo', taostats: 'tao-secret' }, groupsOff: ['unlocks', 'bogus'], venuesOff: ['binance'], upColor: 'red' });
    const area = memoryArea({ 'overlay:kucoin': { x: 40, y: 90, collapsed: true } });
    const prefs = createOverlayPrefs(area, async () => s);
    const k = await prefs.get('kucoin');
    expect(k).toEqual({ layout: { x: 40, y: 90, collapsed: true, view: null, closedGroups: [] }, hiddenGroups: ['unlocks'], off: false, upColor: 'red' });
    expect(JSON.stringify(k)).not.toMatch(/secret|watchlist/i);
    const b = await prefs.get('binance');
    expect(b.off).toBe(true);
    expect(b.layout).toEqual({ x: null, y: null, collapsed: false, view: null, closedGroups: [] });
  });

  it("maps upColor 'auto' to null (follow the UI language), and an unknown stored value to 'auto'", async () => {
    expect(parseSettings({ upColor: 'purple' }).upColor).toBe('auto');
    const prefs = createOverlayPrefs(memoryArea(), async () => defaultSettings());
    expect((await prefs.get('kucoin')).upColor).toBeNull();
  });

  it('keeps layouts saved before this version: position per venue, the old global collapsed groups', () => {
    expect(parseLayout({ x: 5, y: 6, collapsed: false }, ['usage', 'evil'])).toEqual({ x: 5, y: 6, collapsed: false, view: null, closedGroups: ['usage'] });
    // hostile or broken values fall back field by field
    expect(parseLayout({ x: 'a', y: 6, collapsed: 'yes', view: 'huge', closedGroups: ['__proto__', 'market'] }, [])).toEqual({ x: null, y: null, collapsed: false, view: null, closedGroups: ['market'] });
    expect(parseLayout('garbage', 'also')).toEqual({ x: null, y: null, collapsed: false, view: null, closedGroups: [] });
  });

  it('merges a partial layout into what is stored, per venue', async () => {
    const area = memoryArea({ 'overlay:kucoin': { x: 40, y: 90, collapsed: false }, overlayGroups: ['usage'] });
    const prefs = createOverlayPrefs(area, async () => defaultSettings());
    await prefs.setLayout('kucoin', { view: 'full' });
    await prefs.setLayout('kucoin', { closedGroups: ['market'] });
    expect(area.data['overlay:kucoin']).toEqual({ x: 40, y: 90, collapsed: false, view: 'full', closedGroups: ['market'] });
    await Promise.all([prefs.setLayout('okx', { x: 1, y: 2 }), prefs.setLayout('okx', { collapsed: true })]);
    expect(area.data['overlay:okx']).toEqual({ x: 1, y: 2, collapsed: true, view: null, closedGroups: ['usage'] });
  });

  it('a failed read is never followed by a write', async () => {
    const area = memoryArea({ 'overlay:kucoin': { x: 40, y: 90, collapsed: true, view: 'full', closedGroups: ['usage'] } });
    const prefs = createOverlayPrefs(area, async () => defaultSettings());
    area.failGets = 1;
    await expect(prefs.setLayout('kucoin', { x: 1 })).rejects.toThrow();
    expect(area.data['overlay:kucoin']).toEqual({ x: 40, y: 90, collapsed: true, view: 'full', closedGroups: ['usage'] });
    // and the queue keeps working after the failure
    await prefs.setLayout('kucoin', { x: 1 });
    expect(area.data['overlay:kucoin']).toMatchObject({ x: 1, y: 90 });
  });
});

describe('overlay prefs messages', () => {
  const ID = 'abcdefghijklmnopabcdefghijklmnop';
  const ctx: SenderContext = {
    extensionId: ID,
    extensionOrigin: `chrome-extension://${ID}/`,
    contentScripts: [{ matches: [...contentScriptMatches], exclude_matches: [...contentScriptExcludeMatches] }],
  };
  const kucoin = { id: ID, tab: { id: 1 }, frameId: 0, url: 'https://www.kucoin.com/trade/TAO-USDT' };
  const seen: unknown[] = [];
  const h = {
    getOverlayPrefs: async (d: unknown) => (seen.push(d), { ok: 1 }),
    setOverlayLayout: async (d: unknown) => (seen.push(d), { saved: true }),
  } as unknown as Handlers;

  it('a content script may ask for prefs and send a layout; bounded, finite, known groups only', async () => {
    expect(await dispatch({ type: 'getOverlayPrefs', data: { venue: 'kucoin' } }, kucoin, h, ctx)).toEqual({ ok: true, data: { ok: 1 } });
    expect((await dispatch({ type: 'getOverlayPrefs', data: { venue: 'evil' } }, kucoin, h, ctx))?.ok).toBe(false);
    const ok = { venue: 'kucoin', layout: { x: 10, y: null, collapsed: true, view: 'compact', closedGroups: ['usage', 'market'] } };
    expect((await dispatch({ type: 'setOverlayLayout', data: ok }, kucoin, h, ctx))?.ok).toBe(true);
    for (const layout of [
      { x: Number.NaN },
      { x: 1e9 },
      { y: Number.POSITIVE_INFINITY },
      { collapsed: 'yes' },
      { view: 'huge' },
      { closedGroups: ['constructor'] },
      { closedGroups: Array.from({ length: 7 }, () => 'usage') },
      { closedGroups: 'usage' },
    ]) {
      const r = await dispatch({ type: 'setOverlayLayout', data: { venue: 'kucoin', layout } }, kucoin, h, ctx);
      expect(r?.ok, JSON.stringify(layout)).toBe(false);
    }
    expect(seen).toEqual([{ venue: 'kucoin' }, ok]);
  });
});
