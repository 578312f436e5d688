import { describe, expect, it } from 'vitest';
import { defaultSettings, parseSettings } from '../../lib/settings/schema';
import { exportWatchlists, importWatchlists } from '../../lib/settings/watchlist-io';

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

  it('asset choices: a key over 40 characters, a non-string value or a non-object drops them all; absent gives {}; other settings survive', () => {
    const choices = (assetChoices: unknown) => parseSettings({ venuesOff: ['mexc'], assetChoices });
    expect(choices({ ['k'.repeat(41)]: 'io-net', 'kucoin:IO': 'io-net' })).toMatchObject({ assetChoices: {}, venuesOff: ['mexc'] });
    expect(choices({ 'kucoin:IO': 'io-net', 'kucoin:X': 7 }).assetChoices).toEqual({});
    expect(choices(['io-net']).assetChoices).toEqual({});
    expect(choices('io-net').assetChoices).toEqual({});
    expect(choices({ ['k'.repeat(40)]: 'io-net' }).assetChoices).toEqual({ ['k'.repeat(40)]: 'io-net' });
    expect(parseSettings({ venuesOff: ['mexc'] }).assetChoices).toEqual({});
  });

  it('garbage or nothing stored gives the defaults; an active id that no longer exists moves to the first list', () => {
    expect(parseSettings(undefined)).toEqual(defaultSettings());
    expect(parseSettings('x')).toEqual(defaultSettings());
    const s = parseSettings({ watchlists: [{ id: 'b', name: 'B', items: [] }], activeWatchlistId: 'gone' });
    expect(s.activeWatchlistId).toBe('b');
  });
});

describe('watchlist export/import', () => {
  it('round-trips', () => {
    const s = defaultSettings();
    const r = importWatchlists(exportWatchlists(s));
    expect(r).toEqual({ ok: true, watchlists: s.watchlists, skipped: [] });
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
