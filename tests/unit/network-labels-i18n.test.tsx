// @vitest-environment happy-dom
/**
 * Network figures are named for what they really count, in the UI language: every source sends
 * its English `label` and the same words as a Note (`nl_<source>_…`). Rendered through the real
 * MetricCard, the rows read in English exactly as each source labels them (first letter capitalised), and in Chinese carry
 * no English word of those labels (names such as io.net, RENDER, IoT, USD stay as they are).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { assemble } from '../../lib/engine/assemble';
import type { Bundle } from '../../lib/engine/bundle';
import { networkGroup } from '../../lib/engine/metric-groups';
import { NetworkFiguresSchema } from '../../lib/engine/domain-schemas';
import { MetricCard } from '../../components/MetricCard';
import { setMessages } from '../../lib/i18n';
import { parseIonetClusters, parseIonetInventory } from '../../lib/sources/ionet';
import { parseAethirRevenue } from '../../lib/sources/aethir';
import { normaliseAkashCapacity, parseAkashDashboard } from '../../lib/sources/akash';
import { parseDepinscan } from '../../lib/sources/depinscan';
import { parseFilfoxOverview } from '../../lib/sources/filfox';
import { normaliseHeliumHotspots } from '../../lib/sources/helium';
import { parseRenderBurn } from '../../lib/sources/renderfoundation';
import { subtensorFigures } from '../../lib/sources/subtensor';
import { parseTaostatsSubnets } from '../../lib/sources/taostats';
import type { NetworkFigure, Result, SourceId } from '../../lib/types';
import { messagesGetter } from './messages';

const NOW = Date.UTC(2026, 11, 7, 10);
const fx = (name: string) => readFileSync(resolve(__dirname, '../fixtures/fundamentals', name), 'utf8');
const value = (r: Result<NetworkFigure[]>): NetworkFigure[] => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
/** 30 complete UTC days before NOW's day, $100 each */
const days30 = Array.from({ length: 30 }, (_, i) => ({ date: new Date(Date.UTC(2026, 11, 7) - (i + 1) * 86_400_000).toISOString().slice(0, 10), usdValue: 100 }));
const down = { ok: false as const, error: { kind: 'http' as const, status: 502, message: 'HTTP 502' } };

/** Every label variant each source can send (a key once per row set: the first figure of a key wins). */
const SETS: Array<[SourceId, NetworkFigure[]]> = [
  ['ionet', [...value(parseIonetInventory(fx('ionet_inventory-aggregated_synthetic.json'), NOW)), ...value(parseIonetClusters(fx('ionet_clusters_synthetic.json'), NOW))]],
  // the fixture misses a day: "… of 30 days reported"
  ['aethir', value(parseAethirRevenue(fx('aethir_historical-network-revenue_synthetic.json'), NOW))],
  // every one of the last 30 days (the 24h figure comes first and wins its key only)
  ['aethir', value(parseAethirRevenue(JSON.stringify({ dailyRevenue: days30 }), NOW)).filter((f) => f.key === 'computeRevenue30dUsd')],
  ['akash', [...normaliseAkashCapacity({ activeProviderCount: 68, activeGPU: 312, totalGPU: 492 }, NOW), ...value(parseAkashDashboard(fx('akash_dashboard-data_synthetic.json'), NOW))]],
  ['akash', normaliseAkashCapacity({ activeProviderCount: null, activeGPU: 2, totalGPU: null }, NOW)],
  ['depinscan', value(parseDepinscan(fx('depinscan_projects_synthetic.json'), { geckoId: 'helium' }, NOW))],
  ['filfox', value(parseFilfoxOverview(fx('filfox_overview_mainnet_recorded.json'), NOW))],
  ['helium', normaliseHeliumHotspots({ iot: 3, mobile: 4 }, NOW)],
  ['helium', normaliseHeliumHotspots({ iot: 3, mobile: null }, NOW)],
  ['helium', normaliseHeliumHotspots({ iot: null, mobile: 4 }, NOW)],
  ['renderfoundation', value(parseRenderBurn(fx('renderfoundation_epoch-burn-stats_synthetic.json'), NOW))],
  ['subtensor', subtensorFigures({ totalNetworks: 4, blockEmissionRao: 500_000_000n, neurons: 640, liveSubnets: 3 }, NOW)],
  ['taostats', value(parseTaostatsSubnets(fx('taostats_subnet_latest_synthetic.json'), NOW))],
];

const base = assemble({
  pair: { venue: 'kucoin', base: 'IO', quote: 'USDT', market: 'spot' },
  asset: { id: 'io-net', symbol: 'IO', name: 'io.net', via: 'override', alternatives: [] },
  market: { source: 'coingecko', what: 'w_market', result: down },
  candles: { source: 'kucoin', what: 'w_candles', result: down },
  network: [],
  nowMs: NOW,
});

/** The network rows' labels of one row set, as MetricCard shows them in `lang`. */
function labels(source: SourceId, figures: NetworkFigure[], lang: string): string[] {
  setMessages(messagesGetter(lang));
  const metrics = networkGroup([{ source, what: 'w_network', result: { ok: true, value: figures, fetchedAtMs: NOW, stale: false, from: 'network' } }]);
  const bundle: Bundle = { ...base, metrics };
  const { container } = render(<MetricCard bundle={bundle} nowMs={NOW} />);
  const out = metrics.map((m) => container.querySelector(`[data-metric="${m.id}"] .tl-label`)?.textContent ?? '');
  cleanup();
  return out;
}

const figures = SETS.flatMap(([, f]) => f);
/** English words of the labels (4+ lowercase letters; names like DePINscan, MOBILE, io.net pass) */
const words = [...new Set(figures.flatMap((f) => f.label.match(/\b[a-z]{4,}\b/g) ?? []))];

afterEach(() => setMessages(messagesGetter('en')));

describe('network labels in the UI language', () => {
  it('every source sends its label as a Note', () => {
    expect(figures.length).toBeGreaterThanOrEqual(22);
    // every message key is sent by one of the row sets
    expect(new Set(figures.map((f) => f.labelNote![0])).size).toBe(22);
    expect(figures.filter((f) => !f.labelNote).map((f) => f.label)).toEqual([]);
    expect(figures.every((f) => f.labelNote![0].startsWith('nl_'))).toBe(true);
  });

  it('English: each row reads exactly as its source labels it', () => {
    // as a row name the label starts with a capital, like every other figure's (`Market cap`)
    const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
    for (const [source, f] of SETS) expect(labels(source, f, 'en'), source).toEqual(f.map((x) => cap(x.label)));
    // the qualifiers that a generic name would drop are there
    const all = SETS.flatMap(([source, f]) => labels(source, f, 'en')).join('\n');
    for (const s of ['not proof of hire', 'GPUs leased (of 492 on the network)', 'of 30 days reported', 'latest listed epoch (#', 'fees, not protocol revenue']) expect(all).toContain(s);
  });

  it('Chinese: no English word of any label', () => {
    expect(words.length).toBeGreaterThan(40);
    for (const [source, f] of SETS) {
      const got = labels(source, f, 'zh_CN');
      expect(got.every((s) => s.length > 0), source).toBe(true);
      for (const s of got) expect(words.filter((w) => new RegExp(`\\b${w}\\b`).test(s)), s).toEqual([]);
    }
    expect(labels('akash', SETS[3]![1], 'zh_CN')).toContain('已租出的 GPU (全网共 492 个)');
  });

  it('the cache reads figures stored before labelNote (no version bump) and keeps labelNote on new ones', () => {
    const old = { key: 'neurons', label: 'registered neurons (miners and validators, all subnets)', value: 640, asOfMs: NOW };
    expect(NetworkFiguresSchema.safeParse([old]).success).toBe(true);
    const now = { ...old, labelNote: ['nl_subtensor_neurons'] };
    expect(NetworkFiguresSchema.parse([now])).toEqual([now]);
    expect(NetworkFiguresSchema.parse([{ ...old, labelNote: ['nl_akash_gpus_of', '492'] }])[0]!.labelNote).toEqual(['nl_akash_gpus_of', '492']);
    // a corrupted Note is a miss, as any other bad field
    for (const bad of [[], [3], 'nl_x', ['nl_x', 5]]) expect(NetworkFiguresSchema.safeParse([{ ...old, labelNote: bad }]).success, JSON.stringify(bad)).toBe(false);
  });
});
