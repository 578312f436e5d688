import { describe, expect, it } from 'vitest';
import { defaultSettings, parseSettings } from '../../lib/settings/schema';
import { exportWatchlists, importWatchlists } from '../../lib/settings/watchlist-io';
import { loadSettings, settingsItem, updateSettings } from '../../lib/settings/options';

describe('settings schema', () => {
  it('falls back per field: one bad value never loses the rest', () => {
    const s = parseSettings({
      watchlists: [
        { id: 'a', name: 'Mine', items: [{ symbol: 'tao' }, { symbol: '../etc' }, { symbol: 'FIL', assetId: 'filecoin' }, 42] },
        { id: '', name: 'broken' },
      ],
      activeWatchlistId: 'a',
      apiKeys: { coingecko: 'CG-abc123', coingeckoPlan: 'enterprise', taostats: 'tao-1:2' },
      venuesOff: 'binance',
      assetChoices: { 'kucoin:IO': 'io-net', 'kucoin:ATH': 'javascript:alert(1)' },
    });
    expect(s.watchlists).toEqual([{ id: 'a', name: 'Mine', items: [{ symbol: 'TAO', assetId: null }, { symbol: 'FIL', assetId: 'filecoin' }] }]);
    expect(s.apiKeys).toEqual({ coingecko: 'CG-abc123', coingeckoPlan: 'demo', taostats: 'tao-1:2' });
    expect(s.venuesOff).toEqual([]);
    expect(s.assetChoices).toEqual({ 'kucoin:IO': 'io-net' });
  });

  it('garbage or nothing stored gives the defaults; an active id that no longer exists moves to the first list', () => {
    expect(parseSettings(undefined)).toEqual(defaultSettings());
    expect(parseSettings('x')).toEqual(defaultSettings());
    const s = parseSettings({ watchlists: [{ id: 'b', name: 'B', items: [] }], activeWatchlistId: 'gone' });
    expect(s.activeWatchlistId).toBe('b');
  });

  it('persists through extension storage and survives a reload of the module state', async () => {
    await updateSettings((s) => {
      s.watchlists[0]!.items.push({ symbol: 'NEWT', assetId: null });
    });
    const again = await loadSettings();
    expect(again.watchlists[0]!.items.map((i) => i.symbol)).toContain('NEWT');
    // stored under the versioned key, in storage.local
    expect(await settingsItem.getValue()).toMatchObject({ watchlists: expect.any(Array) });
  });
});

describe('watchlist export/import', () => {
  it('round-trips', () => {
    const s = defaultSettings();
    const r = importWatchlists(exportWatchlists(s));
    expect(r).toEqual({ ok: true, watchlists: s.watchlists });
  });

  it.each([
    ['not JSON', '{oops', 'not JSON'],
    ['another format', JSON.stringify({ format: 'other', version: 1, watchlists: [] }), 'not a Tokenlens watchlist export'],
    ['empty list', JSON.stringify({ format: 'tokenlens-watchlists', version: 1, watchlists: [] }), 'not a Tokenlens watchlist export'],
  ])('a bad file (%s) changes nothing and says why', (_, text, msg) => {
    const r = importWatchlists(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(msg);
  });
});

describe('worker settings store (same key and version marker as the WXT item)', async () => {
  const { createSettingsStore } = await import('../../lib/settings/store');
  const { browser } = await import('wxt/browser');
  it('reads what the options page wrote, and its writes are read back by the options page', async () => {
    await updateSettings((s) => {
      s.apiKeys.coingecko = 'CG-fromoptions';
    });
    const store = createSettingsStore(browser.storage.local);
    expect((await store.read()).apiKeys.coingecko).toBe('CG-fromoptions');
    await store.update((s) => {
      s.assetChoices['kucoin:IO'] = 'io-net';
    });
    const back = await loadSettings();
    expect(back.assetChoices).toEqual({ 'kucoin:IO': 'io-net' });
    expect(back.apiKeys.coingecko).toBe('CG-fromoptions');
    expect(await browser.storage.local.get('settings$')).toEqual({ 'settings$': { v: 1 } });
  });
});
