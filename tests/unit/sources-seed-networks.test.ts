/**
 * io.net explorer, Aethir dashboard and Render Foundation stats: each parser on a body written
 * from the documented shape (tests/fixtures/fundamentals/PROVENANCE.md says none is recorded) and
 * on bodies that do not match, which must hide the figure, never guess it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FetchFn } from '../../lib/sources/http';
import { IONET_CLUSTERS_URL, IONET_INVENTORY_URL, fetchIonetNetwork, parseIonetClusters, parseIonetInventory } from '../../lib/sources/ionet';
import { AETHIR_REVENUE_URL, fetchAethirRevenue, isoDayMs, parseAethirRevenue } from '../../lib/sources/aethir';
import { RENDER_BURN_URL, parseRenderBurn } from '../../lib/sources/renderfoundation';

const fx = (name: string) => readFileSync(resolve(__dirname, '../fixtures/fundamentals', name), 'utf8');
const NOW = Date.UTC(2026, 11, 7, 10);

describe('io.net explorer', () => {
  it('inventory: total and active GPUs (a string count accepted)', () => {
    const r = parseIonetInventory(fx('ionet_inventory-aggregated_synthetic.json'), NOW);
    expect(r.ok && r.value.map((f) => [f.key, f.value])).toEqual([
      ['gpus', 326712],
      ['activeGpus', 41873],
    ]);
    expect(r.ok && r.value[1]!.label).toContain('not proof of hire');
  });
  it('clusters: running clusters and all-time compute earnings, labelled as fees', () => {
    const r = parseIonetClusters(fx('ionet_clusters_synthetic.json'), NOW);
    expect(r.ok && r.value.map((f) => [f.key, f.value])).toEqual([
      ['runningClusters', 1287],
      ['computeEarningsUsd', 27120000.5],
    ]);
    expect(r.ok && r.value[1]!.label).toContain('fees, not protocol revenue');
  });
  it('bodies that do not match hide the figures', () => {
    for (const bad of ['{}', '{"data":[]}', '{"data":{"total":"lots"}}', '<html></html>', '{"data":{"total":-5,"active":3}}']) {
      expect(parseIonetInventory(bad, NOW).ok, bad).toBe(bad === '{"data":{"total":-5,"active":3}}');
    }
    // active above total is not a count we understand
    const r = parseIonetInventory('{"data":{"total":10,"active":11}}', NOW);
    expect(r.ok && r.value.map((f) => f.key)).toEqual(['gpus']);
    expect(parseIonetClusters('{"data":{"clusters":5}}', NOW).ok).toBe(false);
  });
  it('one malformed route leaves the other route’s figures', async () => {
    const fetch: FetchFn = async (url) =>
      url === IONET_INVENTORY_URL ? new Response('{"data":"maintenance"}') : url === IONET_CLUSTERS_URL ? new Response(fx('ionet_clusters_synthetic.json')) : new Response('', { status: 404 });
    const r = await fetchIonetNetwork({ nowMs: NOW }, { fetch });
    expect(r.ok && r.value.map((f) => f.key)).toEqual(['runningClusters', 'computeEarningsUsd']);
    const both: FetchFn = async () => new Response('{"data":"maintenance"}');
    const r2 = await fetchIonetNetwork({ nowMs: NOW }, { fetch: both });
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.error.kind).toBe('parse');
  });
});

describe('Aethir dashboard revenue', () => {
  it('last complete UTC day and last 30 complete days, junk rows skipped', () => {
    const r = parseAethirRevenue(fx('aethir_historical-network-revenue_synthetic.json'), NOW);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // yesterday 2026-12-06 = day 35 → 40000 + 3500; window 11-07 … 12-06 without 11-20
    expect(r.value.map((f) => [f.key, f.value])).toEqual([
      ['computeRevenue24hUsd', 43500],
      ['computeRevenue30dUsd', 1219600],
    ]);
    expect(r.value[1]!.label).toContain('29 of 30 days');
  });
  it('a series fetched before midnight and read after it keeps the day boundaries of the fetch', () => {
    const fetchedAt = Date.UTC(2026, 11, 7, 23); // 23:00; the row for 12-07 is still in progress
    const r = parseAethirRevenue(fx('aethir_historical-network-revenue_synthetic.json'), fetchedAt);
    // 12-07 (43600) is never treated as complete, whenever the cached figures are read.
    expect(r.ok && r.value[0]!.value).toBe(43500);
    expect(r.ok && r.value[0]!.asOfMs).toBe(fetchedAt);
  });
  it('bodies that do not match hide the figures', () => {
    for (const bad of ['{}', '{"dailyRevenue":{}}', '[]', 'null', '{"dailyRevenue":[{"date":"2026-12-06"}]}', '{"dailyRevenue":[{"date":"06/12/2026","usdValue":1}]}']) {
      expect(parseAethirRevenue(bad, NOW).ok, bad).toBe(false);
    }
  });
  it('dates are read as UTC calendar days only', () => {
    expect(isoDayMs('2026-12-06')).toBe(Date.UTC(2026, 11, 6));
    expect(isoDayMs('2026-02-30')).toBeNull();
    expect(isoDayMs('2026-12-06T00:00:00Z')).toBeNull();
  });
  it('fetches from the dashboard host', async () => {
    const seen: string[] = [];
    const fetch: FetchFn = async (url) => (seen.push(url), new Response(fx('aethir_historical-network-revenue_synthetic.json')));
    expect((await fetchAethirRevenue({ nowMs: NOW }, { fetch })).ok).toBe(true);
    expect(seen).toEqual([AETHIR_REVENUE_URL]);
    expect(AETHIR_REVENUE_URL).toBe('https://dashboard-api.aethir.com/protocol/demand-metrics/historical-network-revenue');
  });
});

describe('Render Foundation burn stats', () => {
  it('the latest listed epoch, with the change vs the one before', () => {
    const r = parseRenderBurn(fx('renderfoundation_epoch-burn-stats_synthetic.json'), NOW);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toHaveLength(1);
    expect(r.value[0]).toMatchObject({ key: 'burnedLastEpoch', value: 1590, asOfMs: NOW, trendLabel: 'vs epoch #58' });
    expect(r.value[0]!.label).toContain('#59');
    expect(r.value[0]!.trendPct).toBeCloseTo((10 / 1580) * 100, 9);
  });
  it('accepts the list wrapped in data', () => {
    const r = parseRenderBurn('{"data":[{"id":"3","burnedRender":"12.5"}]}', NOW);
    expect(r.ok && r.value[0]!.value).toBe(12.5);
  });
  it('bodies that do not match hide the figure', () => {
    for (const bad of ['{}', '[]', '[{"epoch":3,"burned":1}]', '[{"id":1.5,"burnedRender":3}]', '[{"id":2,"burnedRender":-1}]', '<!doctype html>']) {
      expect(parseRenderBurn(bad, NOW).ok, bad).toBe(false);
    }
  });
  it('reads the static stats file', () => {
    expect(RENDER_BURN_URL).toBe('https://stats.renderfoundation.com/epoch-burn-stats-data.json');
  });
});
