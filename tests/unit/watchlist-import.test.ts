/**
 * Import: merge or replace is explicit, and every item left out is reported (issue 11, low:
 * importing a one-item export used to replace the seven-item default list silently, and bad
 * items vanished without a word). Quotes for long lists go in batches of 100.
 */
import { describe, expect, it, vi } from 'vitest';
import { applyImport, exportWatchlists, importWatchlists } from '../../lib/settings/watchlist-io';
import { defaultSettings } from '../../lib/settings/schema';
import { quotesInBatches } from '../../lib/messaging/quotes';

const oneItemExport = JSON.stringify({
  format: 'tokenlens-watchlists',
  version: 1,
  watchlists: [{ id: 'default', name: 'Compute networks', items: [{ symbol: 'NEAR', assetId: null }, { symbol: '../etc' }, 42, { symbol: 'near' }] }],
});

describe('watchlist import', () => {
  it('reports every skipped item with why', () => {
    const r = importWatchlists(oneItemExport);
    if (!r.ok) throw new Error(r.error);
    expect(r.watchlists[0]!.items).toEqual([{ symbol: 'NEAR', assetId: null }]);
    expect(r.skipped).toEqual(['Compute networks: “../etc” (not a ticker)', 'Compute networks: 42 (not a ticker)', 'Compute networks: “near” (listed twice)']);
  });

  it('merge (the default) keeps the seven-item default list and adds the new token', () => {
    const s = defaultSettings();
    const r = importWatchlists(oneItemExport);
    if (!r.ok) throw new Error(r.error);
    expect(applyImport(s, r.watchlists, 'merge')).toEqual({ added: [], merged: ['Compute networks'], replaced: [] });
    expect(s.watchlists[0]!.items.map((i) => i.symbol)).toEqual(['TAO', 'RENDER', 'AKT', 'IO', 'ATH', 'FIL', 'HNT', 'NEAR']);
  });

  it('replace replaces the list with the same id, only when asked; new ids are added', () => {
    const s = defaultSettings();
    const file = JSON.parse(oneItemExport) as { watchlists: unknown[] };
    file.watchlists.push({ id: 'wl-x', name: 'Other', items: [{ symbol: 'TAO', assetId: 'bittensor' }] });
    const r = importWatchlists(JSON.stringify(file));
    if (!r.ok) throw new Error(r.error);
    expect(applyImport(s, r.watchlists, 'replace')).toEqual({ added: ['Other'], merged: [], replaced: ['Compute networks'] });
    expect(s.watchlists.map((w) => [w.id, w.items.map((i) => i.symbol)])).toEqual([['default', ['NEAR']], ['wl-x', ['TAO']]]);
  });

  it('a file that is not an export changes nothing and says why', () => {
    expect(importWatchlists(JSON.stringify({ format: 'tokenlens-watchlists', version: 1, watchlists: [{ id: '', name: 'x', items: [] }] }))).toMatchObject({ ok: false, error: expect.stringContaining('watchlists.0.id') });
    expect(importWatchlists(exportWatchlists(defaultSettings()))).toMatchObject({ ok: true, skipped: [] });
  });
});

describe('quotes for long watchlists', () => {
  it('150 symbols go as 100 + 50, rows in list order; a failed batch keeps its symbols with the reason', async () => {
    const symbols = Array.from({ length: 150 }, (_, i) => `T${i}`);
    const send = vi.fn(async (_t: 'quotes', d: { symbols: string[] }) =>
      d.symbols.length === 50
        ? { ok: false as const, error: 'worker busy' }
        : { ok: true as const, data: d.symbols.map((symbol) => ({ symbol, assetId: null, name: symbol, priceUsd: 1, change24hPct: 0, asOfMs: 1 })) },
    );
    const rows = await quotesInBatches(send, symbols);
    expect(send.mock.calls.map((c) => c[1].symbols.length)).toEqual([100, 50]);
    expect(rows!.map((r) => r.symbol)).toEqual(symbols);
    expect(rows![120]).toMatchObject({ priceUsd: null, error: 'worker busy' });
    expect(await quotesInBatches(async () => ({ ok: false, error: 'x' }), ['A'])).toBeNull();
  });
});
