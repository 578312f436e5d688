/**
 * Ids from the network or from storage are ordinary ids, even when they are `constructor`,
 * `__proto__` or `toString` (issue 11, medium 4; QUALITY.md "A page cannot drive the extension").
 * Lookups keyed by them must use Maps or own-property checks.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../lib/engine/engine';
import { SwrCache, memoryStore } from '../../lib/engine/cache';
import { defaultSettings } from '../../lib/settings/schema';
import { parseSettings } from '../../lib/settings/schema';
import { sourceLabel } from '../../lib/labels';
import { renderNotes } from './messages';

const NOW = Date.UTC(2026, 10, 28, 12);
const HOSTILE = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

function engineWith(searchIds: string[]) {
  const fetch = async (input: string): Promise<Response> => {
    const u = new URL(input);
    if (u.hostname === 'api.coingecko.com' && u.pathname === '/api/v3/search') {
      return Response.json({ coins: searchIds.map((id, i) => ({ id, symbol: 'zzz', name: `Coin ${id}`, market_cap_rank: i + 1 })) });
    }
    if (u.hostname === 'api.coingecko.com' && u.pathname === '/api/v3/coins/markets') {
      const ids = (u.searchParams.get('ids') ?? '').split(',');
      return Response.json(ids.map((id) => ({ id, symbol: 'zzz', name: id, current_price: 2, market_cap: 100, fully_diluted_valuation: 200, total_volume: 5, price_change_percentage_24h: 1, circulating_supply: 50, total_supply: 100, max_supply: 100, ath: 4, last_updated: new Date(NOW).toISOString() })));
    }
    return new Response('not found', { status: 404 });
  };
  return createEngine({ cache: new SwrCache({ store: memoryStore(), now: () => NOW }), fetch, now: () => NOW, settings: async () => defaultSettings() });
}

describe('hostile ids are ordinary ids', () => {
  it.each(HOSTILE)('the bundle builder takes the asset id %s without throwing or inventing notes', async (id) => {
    const e = engineWith([id]);
    const b = await e.lookup('ZZZ', id);
    expect(b.asset?.id).toBe(id);
    const text = JSON.stringify(b);
    expect(text).not.toMatch(/\[object |function |native code|\{\}/);
    // notes are message keys with plain-text substitutions, and read as plain sentences
    for (const n of b.notes) expect(n.every((s) => typeof s === 'string' || Array.isArray(s))).toBe(true);
    for (const s of renderNotes(b.notes)) expect(s).not.toMatch(/\[object |^n_|\$\d|\{\}/);
  });

  it.each(HOSTILE)('search hits with the id %s are offered as they are, or dropped by the parser, never a crash', async (id) => {
    const e = engineWith(['zzz-main', id]);
    const b = await e.getBundle({ venue: 'kucoin', base: 'ZZZ', quote: 'USDT', market: 'spot' });
    expect(b.asset?.id).toBe('zzz-main');
    // CoinGecko ids are lower case: mixed-case ones fail the search schema; the others are offered
    if (id === id.toLowerCase()) expect(b.alternatives.map((a) => a.id)).toContain(id);
    expect(JSON.stringify(b.notes)).not.toContain('{}');
  });

  it('asset choices from storage keep only own, valid entries', () => {
    const raw = JSON.parse('{"assetChoices":{"__proto__":"evil-coin","kucoin:IO":"io-net","constructor":"x"}}');
    const s = parseSettings(raw);
    expect(Object.getPrototypeOf(s.assetChoices)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).evil).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(s.assetChoices, 'kucoin:IO')).toBe(true);
  });

  it.each(HOSTILE)('labels: a provider id %s is named as itself', (id) => {
    expect(sourceLabel(id)).toBe(id.charAt(0).toUpperCase() + id.slice(1));
  });
});

describe('chooseAsset: only an asset the worker offered is stored', async () => {
  const { chooseAsset } = await import('../../lib/settings/asset-choice');
  it('stores an offered id, refuses any other (a forged option), and the engine offers the default and its alternatives', async () => {
    const e = engineWith(['zzz-main', 'zzz-other', 'constructor']);
    expect(await e.offeredAssets('kucoin', 'ZZZ')).toEqual(['zzz-main', 'zzz-other', 'constructor']);
    const s = defaultSettings();
    const deps = { offered: (v: string, t: string) => e.offeredAssets(v as 'kucoin', t), update: async (c: (x: typeof s) => void) => c(s) };
    await expect(chooseAsset({ venue: 'kucoin', ticker: 'ZZZ', assetId: 'attacker-chosen-coin' }, deps)).rejects.toThrow(/refused/);
    expect(s.assetChoices).toEqual({});
    await chooseAsset({ venue: 'kucoin', ticker: 'ZZZ', assetId: 'constructor' }, deps);
    expect(s.assetChoices).toEqual({ 'kucoin:ZZZ': 'constructor' });
    // a ticker with one built-in answer offers only that answer
    expect(await e.offeredAssets('kucoin', 'TAO')).toEqual(['bittensor']);
  });
});
