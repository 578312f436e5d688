/**
 * Fundamentals sources: DefiLlama fees/emissions, Akash, Filfox, Helium, DePINscan, Taostats and
 * the network registry. Fixtures and their origins: tests/fixtures/fundamentals/PROVENANCE.md.
 * Expected values below were worked out by reading those fixtures.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RequestOptions } from '../../lib/sources/http';
import { fakeFetch, reply, textReply, type FetchCall } from './helpers/fake-fetch';
import { fixtureText } from './helpers/fixtures';
import type { Result } from '../../lib/types';
import {
  CHAINS_URL,
  FEES_OVERVIEW_URL,
  chainSlug,
  fetchFeeChains,
  fetchFeeProtocols,
  fetchFeesSeries,
  flattenMethodology,
  isValidSlug,
  normaliseDailyChart,
  parseFeeChains,
  parseFeeProtocols,
  parseFeesSummary,
  utcDayMs,
} from '../../lib/sources/defillama';
import {
  fetchEmissions,
  fetchEmissionsList,
  geckoIdFromToken,
  parseEmissions,
  parseEmissionsList,
} from '../../lib/sources/defillama-emissions';
import { fetchAkashNetwork, parseAkashCapacity, parseAkashDashboard } from '../../lib/sources/akash';
import { attoFilToFil, bytesToEiB, fetchFilfoxNetwork, parseFilfoxOverview } from '../../lib/sources/filfox';
import { fetchHeliumHotspots, normaliseHeliumHotspots, parseHeliumCount } from '../../lib/sources/helium';
import { fetchDepinscanDevices, parseDepinscan } from '../../lib/sources/depinscan';
import { fetchTaostatsSubnets, parseTaostatsSubnets } from '../../lib/sources/taostats';
import { llamaOverrides, networkSources, noPublicNetworkSource, resolveLlamaSlugs } from '../../lib/sources/network-registry';

// ---------------------------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------------------------

/** Fixtures are read relative to the repository root (vitest runs there). */
const fixture = (name: string): string => fixtureText(`fundamentals/${name}`);

const utc = (y: number, m: number, d: number, h = 0, mi = 0, s = 0): number => Date.UTC(y, m - 1, d, h, mi, s);

const jsonResponse = (text: string, status = 200): Response => reply(text, status);
const textResponse = textReply;

const CLOUDFLARE_403 =
  '<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head><body>Sorry, you have been blocked</body></html>';

function expectOk<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.kind}: ${r.error.message}`);
  return r.value;
}

function expectErr<T>(r: Result<T>, kind: string): void {
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error.kind).toBe(kind);
}

const headersOf = (call: FetchCall | undefined): Record<string, string> => call?.headers ?? {};

// ---------------------------------------------------------------------------------------------
// DefiLlama fees
// ---------------------------------------------------------------------------------------------

describe('DefiLlama fees: normalisers on fixtures', () => {
  it('chain-level filecoin summary: 43 days ascending, skipped day absent, partial today kept', () => {
    const s = expectOk(parseFeesSummary(fixture('defillama_summary_fees_filecoin_synthetic.json'), 'filecoin', 'dailyFees'));
    expect(s.slug).toBe('filecoin');
    expect(s.name).toBe('Filecoin');
    expect(s.dataType).toBe('dailyFees');
    expect(s.daily).toHaveLength(43);
    expect(s.daily[0]).toEqual({ dayMs: utc(2026, 8, 1), usd: 1000 });
    expect(s.daily.at(-1)).toEqual({ dayMs: utc(2026, 9, 13), usd: 123.45 });
    expect(s.daily.at(-2)).toEqual({ dayMs: utc(2026, 9, 12), usd: 1420 });
    expect(s.daily.find((d) => d.dayMs === utc(2026, 8, 20))).toBeUndefined();
    expect(s.daily.find((d) => d.dayMs === utc(2026, 8, 21))?.usd).toBe(1200);
    for (let i = 1; i < s.daily.length; i++) expect(s.daily[i]!.dayMs).toBeGreaterThan(s.daily[i - 1]!.dayMs);
    expect(s.methodology).toBe(
      [
        'Fees: Base fees and miner tips paid by users for messages',
        'Revenue: Base fees burned',
        'HoldersRevenue / Burn: Base fees burned',
        'HoldersRevenue / Penalties: Slashed collateral burned',
      ].join('\n'),
    );
  });

  it('Aethir-like revenue: negatives kept, string numbers read, null/garbage rows skipped, noon floored to midnight', () => {
    const s = expectOk(
      parseFeesSummary(fixture('defillama_summary_fees_aethir-like_dailyRevenue_synthetic.json'), 'aethir', 'dailyRevenue'),
    );
    expect(s.daily).toEqual([
      { dayMs: utc(2026, 9, 1), usd: 5000 },
      { dayMs: utc(2026, 9, 2), usd: -1200.5 },
      { dayMs: utc(2026, 9, 3), usd: 250 },
      { dayMs: utc(2026, 9, 5), usd: 800 },
      { dayMs: utc(2026, 9, 7), usd: -0.25 },
    ]);
    expect(s.methodology).toMatch(/^Revenue = compute rental income/);
    expect(s.dataType).toBe('dailyRevenue');
  });

  it('official OpenAPI example (Hyperliquid): methodology null, one point', () => {
    const s = expectOk(parseFeesSummary(fixture('defillama_summary_fees_hyperliquid_openapi-example.json'), 'hyperliquid', 'dailyFees'));
    expect(s.methodology).toBeNull();
    expect(s.name).toBe('Hyperliquid');
    expect(s.daily).toEqual([{ dayMs: utc(2024, 12, 23), usd: 1472923 }]);
  });

  it('expectGeckoId refuses a body naming another asset', () => {
    const text = fixture('defillama_summary_fees_aethir-like_dailyRevenue_synthetic.json');
    expectErr(parseFeesSummary(text, 'aethir', 'dailyRevenue', 'not-aethir'), 'not-found');
    expect(parseFeesSummary(text, 'aethir', 'dailyRevenue', 'aethir').ok).toBe(true);
  });

  it('methodology flattening: string, object, nested, empty', () => {
    expect(flattenMethodology('  Gas   fees ')).toBe('Gas fees');
    expect(flattenMethodology({ UserFees: 'Gas fees paid by users', Revenue: 'Burned coins' })).toBe(
      'UserFees: Gas fees paid by users\nRevenue: Burned coins',
    );
    expect(flattenMethodology(null)).toBeNull();
    expect(flattenMethodology({})).toBeNull();
    expect(flattenMethodology({ a: '', b: [] })).toBeNull();
    expect(flattenMethodology(JSON.parse('{"__proto__":"x"}'))).toBe('__proto__: x');
  });

  it('UTC day of a timestamp; rows on the same day: later wins', () => {
    expect(utcDayMs(1734912000 + 86399)).toBe(utc(2024, 12, 23));
    expect(utcDayMs(Number.POSITIVE_INFINITY)).toBeNull();
    expect(utcDayMs(1e300)).toBeNull();
    expect(normaliseDailyChart([[1734912000, 1], [1734912000 + 60, 2]])).toEqual([{ dayMs: utc(2024, 12, 23), usd: 2 }]);
  });

  it('recorded overview rows: numeric ids tolerated, inactive rows kept, kind from protocolType', () => {
    const rows = expectOk(parseFeeProtocols(fixture('defillama_overview-fees_dailyRevenue_recorded.json')));
    expect(rows).toHaveLength(13);
    expect(rows.map((r) => r.slug)).toEqual([
      'near', 'moonbeam', 'base', 'asset-chain', 'moonriver', 'optimism', 'manta', 'aurora', 'canto', 'celestia',
      'arbitrum', 'arbitrum-nova', 'bitlayer',
    ]);
    expect(rows.every((r) => r.kind === 'chain' && r.geckoId === null)).toBe(true);
    expect(rows.find((r) => r.slug === 'arbitrum-nova')?.name).toBe('Arbitrum Nova');
  });

  it('overview rows with gecko_id and protocolType protocol', () => {
    const text = JSON.stringify({
      protocols: [
        { name: 'Aethir', slug: 'aethir', gecko_id: 'aethir', protocolType: 'protocol', id: 5000 },
        { name: 'NoSlug' },
        { name: 'Bad', slug: '../x' },
        { name: 'Dup', slug: 'aethir' },
        42,
      ],
    });
    expect(expectOk(parseFeeProtocols(text))).toEqual([{ slug: 'aethir', name: 'Aethir', geckoId: 'aethir', kind: 'protocol' }]);
  });

  it('chains: slug = lower-cased name with dashes, joined data kept', () => {
    const chains = expectOk(parseFeeChains(fixture('defillama_v2-chains_synthetic.json')));
    expect(chains).toEqual([
      { slug: 'ethereum', name: 'Ethereum', geckoId: 'ethereum' },
      { slug: 'akash', name: 'Akash', geckoId: 'akash-network' },
      { slug: 'filecoin', name: 'Filecoin', geckoId: 'filecoin' },
      { slug: 'arbitrum-nova', name: 'Arbitrum Nova', geckoId: null },
      { slug: 'example-chain', name: 'Example Chain', geckoId: 'examplecoin' },
    ]);
    expect(chainSlug('  Hyperliquid  L1 ')).toBe('hyperliquid-l1');
  });
});

describe('DefiLlama fees: fetching', () => {
  it('builds the summary URL (host, path, dataType) with credentials omitted', async () => {
    const { opts, calls } = fakeFetch(() => jsonResponse(fixture('defillama_summary_fees_filecoin_synthetic.json')));
    const r = await fetchFeesSeries({ slug: 'filecoin', dataType: 'dailyRevenue' }, opts);
    expect(r.ok).toBe(true);
    expect(calls).toHaveLength(1);
    const u = new URL(calls[0]!.href);
    expect(u.protocol).toBe('https:');
    expect(u.host).toBe('api.llama.fi');
    expect(u.pathname).toBe('/summary/fees/filecoin');
    expect(u.searchParams.get('dataType')).toBe('dailyRevenue');
    expect(calls[0]!.init?.credentials).toBe('omit');
  });

  it.each(['../etc', 'a/b', 'x?y=1', 'x#y', '', ' aethir', 'ré', '.hidden', 'a'.repeat(101), '%2e%2e'])(
    'refuses slug %j without fetching',
    async (slug) => {
      const { opts, calls } = fakeFetch(() => jsonResponse('{}'));
      expectErr(await fetchFeesSeries({ slug, dataType: 'dailyFees' }, opts), 'not-found');
      expect(calls).toHaveLength(0);
    },
  );

  it('unknown slug: 4xx with a plain-text body → not-found', async () => {
    for (const status of [400, 404]) {
      const { opts } = fakeFetch(() => textResponse('Fees for nope not found', status));
      const r = await fetchFeesSeries({ slug: 'nope', dataType: 'dailyFees' }, opts);
      expectErr(r, 'not-found');
    }
  });

  it('plain-text "not found" with status 200 → not-found; other plain text → parse', async () => {
    const a = fakeFetch(() => textResponse('Fees for nope not found', 200));
    expectErr(await fetchFeesSeries({ slug: 'nope', dataType: 'dailyFees' }, a.opts), 'not-found');
    const b = fakeFetch(() => textResponse('Internal error', 200));
    expectErr(await fetchFeesSeries({ slug: 'nope', dataType: 'dailyFees' }, b.opts), 'parse');
  });

  it('402 → http error with status; Cloudflare 403 HTML → http error; 200 HTML → parse error', async () => {
    const a = fakeFetch(() => textResponse('Payment Required', 402));
    const ra = await fetchFeesSeries({ slug: 'aethir', dataType: 'dailyRevenue' }, a.opts);
    expectErr(ra, 'http');
    if (!ra.ok) expect(ra.error.status).toBe(402);
    const b = fakeFetch(() => textResponse(CLOUDFLARE_403, 403, 'text/html'));
    const rb = await fetchFeesSeries({ slug: 'aethir', dataType: 'dailyRevenue' }, b.opts);
    expectErr(rb, 'http');
    if (!rb.ok) expect(rb.error.status).toBe(403);
    const c = fakeFetch(() => textResponse(CLOUDFLARE_403, 200, 'text/html'));
    expectErr(await fetchFeesSeries({ slug: 'aethir', dataType: 'dailyRevenue' }, c.opts), 'parse');
  });

  it('a rejecting fetch is a network error, never a throw', async () => {
    const opts: RequestOptions = { fetch: () => Promise.reject(new TypeError('Failed to fetch')) };
    expectErr(await fetchFeesSeries({ slug: 'aethir', dataType: 'dailyFees' }, opts), 'network');
  });

  it('overview and chains URLs', async () => {
    const { opts, calls } = fakeFetch((u) =>
      jsonResponse(u.pathname === '/v2/chains' ? fixture('defillama_v2-chains_synthetic.json') : fixture('defillama_overview-fees_dailyRevenue_recorded.json')),
    );
    expect(expectOk(await fetchFeeProtocols(opts))).toHaveLength(13);
    expect(expectOk(await fetchFeeChains(opts))).toHaveLength(5);
    const overview = new URL(calls[0]!.href);
    expect(overview.host).toBe('api.llama.fi');
    expect(overview.pathname).toBe('/overview/fees');
    expect(overview.searchParams.get('excludeTotalDataChart')).toBe('true');
    expect(overview.searchParams.get('excludeTotalDataChartBreakdown')).toBe('true');
    expect(overview.searchParams.get('dataType')).toBe('dailyFees');
    expect(calls[0]!.href).toBe(FEES_OVERVIEW_URL);
    expect(calls[1]!.href).toBe(CHAINS_URL);
    expect(new URL(calls[1]!.href).pathname).toBe('/v2/chains');
    expect(calls.every((c) => c.init?.credentials === 'omit')).toBe(true);
  });

  it('isValidSlug', () => {
    expect(isValidSlug('render-network-bme')).toBe(true);
    expect(isValidSlug('uniswap-v3.1_x')).toBe(true);
    expect(isValidSlug('..')).toBe(false);
    expect(isValidSlug(42)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// DefiLlama emissions
// ---------------------------------------------------------------------------------------------

describe('DefiLlama emissions', () => {
  it('recorded Ondo body: duplicated recipient summed, float noise kept, non-midnight seconds → ms', () => {
    const s = expectOk(parseEmissions(fixture('defillama_emissions_ondo-finance_recorded.json'), 'ondo-finance'));
    expect(s.slug).toBe('ondo-finance');
    expect(s.geckoId).toBe('ondo-finance'); // top-level gecko_id; metadata.token is ethereum:0x…
    expect(s.sources).toEqual([]);
    expect(s.cliffs.map((c) => c.atMs)).toEqual([1705536000000, 1737092916000, 1768649832000, 1800206748000, 1831763664000]);
    const first = s.cliffs[0]!;
    expect(first.allocations.map((a) => a.recipient)).toEqual([
      'Community Access Sale',
      'Ecosystem Growth',
      'Protocol Development',
      'Private Sales',
    ]);
    const eco = first.allocations.find((a) => a.recipient === 'Ecosystem Growth')!;
    expect(eco.amount).toBe(1250608690.8 + 792052170.8399999);
    expect(eco.category).toBe('noncirculating');
    expect(first.amount).toBeCloseTo(3139669769.44, 3);
    for (const c of s.cliffs.slice(1)) expect(c.amount).toBeCloseTo(1710101379.64, 3);
    expect(s.linear).toEqual([
      {
        startMs: 1705536000000,
        endMs: 1737092916000,
        ratePerDay: 381900 / 7,
        recipient: 'Community Access Sale',
        category: 'publicSale',
      },
    ]);
  });

  it('legacy double-encoded body parses the same as the object form', () => {
    const a = expectOk(parseEmissions(fixture('defillama_emissions_ondo-finance_recorded.json'), 'ondo-finance'));
    const b = expectOk(parseEmissions(fixture('defillama_emissions_ondo-finance_legacy-double-encoded.json'), 'ondo-finance'));
    expect(b).toEqual(a);
    const c = expectOk(parseEmissions(fixture('defillama_emissions_examplenet_synthetic.json'), 'examplenet'));
    const d = expectOk(parseEmissions(fixture('defillama_emissions_examplenet_legacy-double-encoded_synthetic.json'), 'examplenet'));
    expect(d).toEqual(c);
    // Pro-spec shape: body as an object
    const e = expectOk(parseEmissions(JSON.stringify({ body: JSON.parse(fixture('defillama_emissions_examplenet_synthetic.json')) }), 'examplenet'));
    expect(e).toEqual(c);
  });

  it('synthetic schedule: same-timestamp events merged, rate change and rate 0 end streams, https sources only', () => {
    const s = expectOk(parseEmissions(fixture('defillama_emissions_examplenet_synthetic.json'), 'examplenet'));
    expect(s.geckoId).toBe('examplenet'); // from metadata.token coingecko:examplenet
    expect(s.sources).toEqual(['https://docs.example.org/tokenomics']);
    expect(s.cliffs).toEqual([
      {
        atMs: utc(2026, 1, 1),
        amount: 3750.5,
        allocations: [
          { recipient: 'Team', category: 'insiders', amount: 1500.5 },
          { recipient: 'Investors', category: 'privateSale', amount: 2000 },
          { recipient: 'Advisors', category: 'insiders', amount: 250 },
        ],
      },
      { atMs: utc(2026, 10, 1, 12, 34, 56), amount: 1000, allocations: [{ recipient: 'Team', category: 'insiders', amount: 1000 }] },
    ]);
    expect(s.linear).toEqual([
      { startMs: utc(2026, 1, 1), endMs: utc(2026, 4, 1), ratePerDay: 1000, recipient: 'Ecosystem', category: 'noncirculating' },
      { startMs: utc(2026, 4, 1), endMs: utc(2026, 7, 1), ratePerDay: 2000, recipient: 'Ecosystem', category: 'noncirculating' },
    ]);
  });

  it('metadata.events fallback: cliffs summed, linear rate change and spread total, chain token → null geckoId', () => {
    const s = expectOk(parseEmissions(fixture('defillama_emissions_events-only_synthetic.json'), 'eventsnet'));
    expect(s.geckoId).toBeNull();
    expect(s.sources).toEqual(['https://eventsnet.example/vesting']);
    expect(s.cliffs).toEqual([
      {
        atMs: utc(2026, 3, 1),
        amount: 175,
        allocations: [
          { recipient: 'Seed Round', category: 'privateSale', amount: 150 },
          { recipient: 'Treasury', category: 'noncirculating', amount: 25 },
        ],
      },
    ]);
    expect(s.linear).toEqual([
      { startMs: utc(2026, 3, 1), endMs: utc(2026, 3, 31), ratePerDay: 100, recipient: 'Staking Rewards', category: 'staking' },
      { startMs: utc(2026, 5, 1), endMs: utc(2026, 5, 31), ratePerDay: 100, recipient: 'Community', category: 'airdrop' },
    ]);
  });

  it('geckoId from token', () => {
    expect(geckoIdFromToken('coingecko:bittensor')).toBe('bittensor');
    expect(geckoIdFromToken('ethereum:0xfaba6f8e4a5e8ab82f62fe7c39859fa577269be3')).toBeNull();
    expect(geckoIdFromToken('coingecko:../x')).toBeNull();
    expect(geckoIdFromToken(null)).toBeNull();
  });

  it('emissions list: slugs and {name|slug} objects, invalid and duplicate entries dropped', () => {
    expect(expectOk(parseEmissionsList(fixture('defillama_emissionsProtocolsList_synthetic.json')))).toEqual([
      'aethir',
      'bittensor',
      'filecoin',
      'helium',
      'ondo-finance',
      'examplenet',
      'eventsnet',
    ]);
    expectErr(parseEmissionsList('{"message":"nope"}'), 'parse');
  });

  it('a body without metadata is a parse error; numbers as strings are read', () => {
    expectErr(parseEmissions('{"name":"x"}', 'x'), 'parse');
    expectErr(parseEmissions('{"body":"{not json"}', 'x'), 'parse');
    const s = expectOk(
      parseEmissions(
        JSON.stringify({ metadata: { unlockEvents: [{ timestamp: '1767225600', cliffAllocations: [{ recipient: 'A', category: 'c', amount: '12.5' }] }] } }),
        'x',
      ),
    );
    expect(s.cliffs).toEqual([{ atMs: utc(2026, 1, 1), amount: 12.5, allocations: [{ recipient: 'A', category: 'c', amount: 12.5 }] }]);
  });

  it('URLs: datasets host, encoded slug, credentials omitted; bad slug not fetched; 402 typed', async () => {
    const { opts, calls } = fakeFetch((u) =>
      jsonResponse(u.pathname === '/emissionsProtocolsList' ? '["bittensor"]' : fixture('defillama_emissions_ondo-finance_recorded.json')),
    );
    expect(expectOk(await fetchEmissions({ slug: 'ondo-finance' }, opts)).cliffs).toHaveLength(5);
    expect(expectOk(await fetchEmissionsList(opts))).toEqual(['bittensor']);
    expect(calls.map((c) => new URL(c.href).host)).toEqual(['defillama-datasets.llama.fi', 'defillama-datasets.llama.fi']);
    expect(calls.map((c) => new URL(c.href).pathname)).toEqual(['/emissions/ondo-finance', '/emissionsProtocolsList']);
    expect(calls.every((c) => c.init?.credentials === 'omit')).toBe(true);
    expectErr(await fetchEmissions({ slug: '../../etc/passwd' }, opts), 'not-found');
    expect(calls).toHaveLength(2);
    const paid = fakeFetch(() => textResponse('Payment required', 402));
    const r = await fetchEmissions({ slug: 'bittensor' }, paid.opts);
    expectErr(r, 'http');
    const cf = fakeFetch(() => textResponse(CLOUDFLARE_403, 403, 'text/html'));
    expectErr(await fetchEmissions({ slug: 'bittensor' }, cf.opts), 'http');
    const nf = fakeFetch(() => textResponse('Not found', 404));
    expectErr(await fetchEmissions({ slug: 'nope' }, nf.opts), 'not-found');
  });
});

// ---------------------------------------------------------------------------------------------
// Akash
// ---------------------------------------------------------------------------------------------

describe('Akash Console API', () => {
  const NOW = utc(2026, 9, 12, 8);

  it('capacity: active providers and leased GPUs, labelled with the network total', () => {
    expect(expectOk(parseAkashCapacity(fixture('akash_network-capacity_synthetic.json'), NOW))).toEqual([
      { key: 'providers', label: 'active providers', labelNote: ['nl_akash_providers'], value: 68, asOfMs: NOW },
      { key: 'gpus', label: 'GPUs leased (of 492 on the network)', labelNote: ['nl_akash_gpus_of', '492'], value: 312, asOfMs: NOW },
    ]);
  });

  it('dashboard: active leases with a trend vs the previous snapshot', () => {
    const [f] = expectOk(parseAkashDashboard(fixture('akash_dashboard-data_synthetic.json'), NOW));
    expect(f).toMatchObject({ key: 'activeLeases', label: 'active leases', value: 1650, asOfMs: utc(2026, 9, 12) });
    expect(f!.trendPct).toBeCloseTo(10, 10);
    expect(f!.trendLabel).toBe('vs the previous daily snapshot');
    const noCompare = expectOk(parseAkashDashboard('{"now":{"activeLeaseCount":"7"}}', NOW));
    expect(noCompare).toEqual([{ key: 'activeLeases', label: 'active leases', labelNote: ['nl_akash_leases'], value: 7, asOfMs: NOW }]);
  });

  it('numbers as strings; no usable counts → parse error', () => {
    expect(expectOk(parseAkashCapacity('{"activeProviderCount":"5","activeGPU":"2","totalGPU":"1"}', NOW))).toEqual([
      { key: 'providers', label: 'active providers', labelNote: ['nl_akash_providers'], value: 5, asOfMs: NOW },
      { key: 'gpus', label: 'GPUs leased', labelNote: ['nl_akash_gpus'], value: 2, asOfMs: NOW },
    ]);
    expectErr(parseAkashCapacity('{}', NOW), 'parse');
    expectErr(parseAkashDashboard('{"now":{}}', NOW), 'parse');
  });

  it('fetches both routes; partial when one fails; error when both fail', async () => {
    const { opts, calls } = fakeFetch((u) =>
      u.pathname === '/v1/network-capacity'
        ? jsonResponse(fixture('akash_network-capacity_synthetic.json'))
        : jsonResponse(fixture('akash_dashboard-data_synthetic.json')),
    );
    const figures = expectOk(await fetchAkashNetwork({ nowMs: NOW }, opts));
    expect(figures.map((f) => f.key)).toEqual(['providers', 'gpus', 'activeLeases']);
    expect(calls.map((c) => c.href).sort()).toEqual([
      'https://console-api.akash.network/v1/dashboard-data',
      'https://console-api.akash.network/v1/network-capacity',
    ]);
    expect(calls.every((c) => c.init?.credentials === 'omit')).toBe(true);

    const half = fakeFetch((u) =>
      u.pathname === '/v1/network-capacity' ? textResponse('oops', 500) : jsonResponse(fixture('akash_dashboard-data_synthetic.json')),
    );
    expect(expectOk(await fetchAkashNetwork({ nowMs: NOW }, half.opts)).map((f) => f.key)).toEqual(['activeLeases']);

    const none = fakeFetch(() => textResponse(CLOUDFLARE_403, 403, 'text/html'));
    expectErr(await fetchAkashNetwork({ nowMs: NOW }, none.opts), 'http');
  });
});

// ---------------------------------------------------------------------------------------------
// Filfox
// ---------------------------------------------------------------------------------------------

describe('Filfox overview', () => {
  it('recorded body: raw byte power in EiB (BigInt), 24h trend, active miners, tipset time', () => {
    const figures = expectOk(parseFilfoxOverview(fixture('filfox_overview_mainnet_recorded.json'), 0));
    const power = figures.find((f) => f.key === 'storagePowerEiB')!;
    expect(power.value).toBe(3.787343144416809); // 4366509356523454464 / 2^60
    expect(power.label).toBe('raw byte storage power (EiB)');
    expect(power.asOfMs).toBe(1617285090000);
    expect(power.trendPct).toBeCloseTo(0.626724924765414, 9);
    expect(power.trendLabel).toBe('vs 24h earlier');
    const miners = figures.find((f) => f.key === 'activeMiners')!;
    expect(miners.value).toBe(1766);
  });

  it('bytes and attoFIL strings convert without losing precision', () => {
    expect(bytesToEiB('1152921504606846976')).toBe(1);
    expect(bytesToEiB('1729382256910270464')).toBe(1.5);
    expect(bytesToEiB('-576460752303423488')).toBe(-0.5);
    expect(bytesToEiB('12.5')).toBeNull();
    expect(bytesToEiB('1e18')).toBeNull();
    expect(bytesToEiB(2 ** 60)).toBeNull(); // unsafe JSON number: refused, not guessed
    expect(bytesToEiB(1024)).toBe(1024 / 2 ** 60);
    expect(attoFilToFil('109025215451432166916968320')).toBe('109025215.45143216691696832');
    expect(attoFilToFil('1500000000000000000')).toBe('1.5');
    expect(attoFilToFil('1')).toBe('0.000000000000000001');
    expect(attoFilToFil('2000000000000000000000000000')).toBe('2000000000');
    expect(attoFilToFil('-987844956')).toBe('-0.000000000987844956');
    expect(attoFilToFil('abc')).toBeNull();
  });

  it('fetch URL; HTML page → parse error', async () => {
    const { opts, calls } = fakeFetch(() => jsonResponse(fixture('filfox_overview_mainnet_recorded.json')));
    expect(expectOk(await fetchFilfoxNetwork({}, opts))).toHaveLength(2);
    expect(calls[0]!.href).toBe('https://filfox.info/api/v1/overview');
    expect(calls[0]!.init?.credentials).toBe('omit');
    const html = fakeFetch(() => textResponse('<html>maintenance</html>', 200, 'text/html'));
    expectErr(await fetchFilfoxNetwork({}, html.opts), 'parse');
    expectErr(parseFilfoxOverview('{"totalRawBytePower":"lots"}', 0), 'parse');
  });
});

// ---------------------------------------------------------------------------------------------
// Helium
// ---------------------------------------------------------------------------------------------

describe('Helium entity API', () => {
  const NOW = utc(2026, 9, 12);

  it('pagination metadata → onboarded hotspot count', () => {
    expect(expectOk(parseHeliumCount(fixture('helium_pagination-metadata_iot_synthetic.json')))).toBe(371234);
    expect(expectOk(parseHeliumCount('{"count":"12"}'))).toBe(12);
    expectErr(parseHeliumCount('{"pageSize":10000}'), 'parse');
    expectErr(parseHeliumCount('{"totalItems":-1}'), 'parse');
  });

  it('labels say onboarded, never active', () => {
    expect(normaliseHeliumHotspots({ iot: 3, mobile: 4 }, NOW)).toEqual([
      { key: 'hotspots', label: 'onboarded hotspots (IoT + MOBILE)', labelNote: ['nl_helium_both'], value: 7, asOfMs: NOW },
    ]);
    expect(normaliseHeliumHotspots({ iot: 3, mobile: null }, NOW)[0]?.label).toBe('onboarded IoT hotspots');
    expect(normaliseHeliumHotspots({ iot: null, mobile: null }, NOW)).toEqual([]);
  });

  it('fetches both subnetworks; partial and failure cases', async () => {
    const { opts, calls } = fakeFetch((u) =>
      jsonResponse(
        u.searchParams.get('subnetwork') === 'iot'
          ? fixture('helium_pagination-metadata_iot_synthetic.json')
          : fixture('helium_pagination-metadata_mobile_synthetic.json'),
      ),
    );
    expect(expectOk(await fetchHeliumHotspots({ nowMs: NOW }, opts))).toEqual([
      { key: 'hotspots', label: 'onboarded hotspots (IoT + MOBILE)', labelNote: ['nl_helium_both'], value: 371234 + 27654, asOfMs: NOW },
    ]);
    const urls = calls.map((c) => new URL(c.href));
    expect(urls.every((u) => u.host === 'entities.nft.helium.io' && u.pathname === '/v2/hotspots/pagination-metadata')).toBe(true);
    expect(urls.map((u) => u.searchParams.get('subnetwork')).sort()).toEqual(['iot', 'mobile']);
    expect(calls.every((c) => c.init?.credentials === 'omit')).toBe(true);

    const half = fakeFetch((u) =>
      u.searchParams.get('subnetwork') === 'iot' ? textResponse('{"statusCode":400}', 400) : jsonResponse('{"totalItems":5}'),
    );
    expect(expectOk(await fetchHeliumHotspots({ nowMs: NOW }, half.opts))[0]?.label).toBe('onboarded MOBILE hotspots');
    const none = fakeFetch(() => textResponse(CLOUDFLARE_403, 403, 'text/html'));
    expectErr(await fetchHeliumHotspots({ nowMs: NOW }, none.opts), 'http');
  });
});

// ---------------------------------------------------------------------------------------------
// DePINscan
// ---------------------------------------------------------------------------------------------

describe('DePINscan projects', () => {
  const NOW = utc(2026, 9, 12);

  it('numbers as strings; matched by CoinGecko id, else by project name', () => {
    const text = fixture('depinscan_projects_synthetic.json');
    expect(expectOk(parseDepinscan(text, { geckoId: 'helium' }, NOW))).toEqual([
      { key: 'activeDevices', label: 'devices (DePINscan)', labelNote: ['nl_depinscan_devices'], value: 987654, asOfMs: NOW },
    ]);
    expect(expectOk(parseDepinscan(text, { geckoId: 'akash-network', projectName: 'akash network' }, NOW))[0]?.value).toBe(70);
    expectErr(parseDepinscan(text, { geckoId: 'render-token' }, NOW), 'not-found'); // "" devices
    expectErr(parseDepinscan(text, { geckoId: 'nothing' }, NOW), 'not-found');
  });

  it('eliza sample: 0 devices is "no count", not zero devices', () => {
    const text = fixture('depinscan_projects_eliza-sample.json');
    expectErr(parseDepinscan(text, { geckoId: 'render-token' }, NOW), 'not-found');
    expectErr(parseDepinscan(text, { projectName: 'Solana' }, NOW), 'not-found');
  });

  it('fetch URL; invalid query not fetched; non-array → parse', async () => {
    const { opts, calls } = fakeFetch(() => jsonResponse(fixture('depinscan_projects_synthetic.json')));
    expect(expectOk(await fetchDepinscanDevices({ geckoId: 'helium', nowMs: NOW }, opts))[0]?.value).toBe(987654);
    expect(calls[0]!.href).toBe('https://metrics-api.w3bstream.com/project');
    expect(calls[0]!.init?.credentials).toBe('omit');
    expectErr(await fetchDepinscanDevices({ geckoId: '../x' }, opts), 'not-found');
    expectErr(await fetchDepinscanDevices({}, opts), 'not-found');
    expect(calls).toHaveLength(1);
    expectErr(parseDepinscan('{"data":[]}', { geckoId: 'helium' }, NOW), 'parse');
  });
});

// ---------------------------------------------------------------------------------------------
// Taostats
// ---------------------------------------------------------------------------------------------

describe('Taostats subnets', () => {
  const NOW = utc(2026, 9, 12);

  it('counts entries other than netuid 0; as-of from the newest row', () => {
    expect(expectOk(parseTaostatsSubnets(fixture('taostats_subnet_latest_synthetic.json'), NOW))).toEqual([
      { key: 'subnets', label: 'subnets (excluding root)', labelNote: ['nl_taostats_subnets'], value: 5, asOfMs: Date.parse('2026-09-12T11:30:00Z') },
    ]);
  });

  it('more pages: uses pagination total_items minus root', () => {
    expect(expectOk(parseTaostatsSubnets(fixture('taostats_subnet_latest_more-pages_synthetic.json'), NOW))[0]?.value).toBe(128);
  });

  it('no key: blocked without fetching', async () => {
    const { opts, calls } = fakeFetch(() => jsonResponse('{}'));
    for (const apiKey of [undefined, null, '', '   ']) {
      const r = await fetchTaostatsSubnets({ apiKey }, opts);
      expect(r).toEqual({ ok: false, error: { kind: 'blocked', message: 'needs a free Taostats API key' } });
    }
    expectErr(await fetchTaostatsSubnets({ apiKey: 'bad key\r\nX-Evil: 1' }, opts), 'blocked');
    expect(calls).toHaveLength(0);
  });

  it('key in the Authorization header (no Bearer), never in the URL', async () => {
    const key = 'tao-0000aaaa-1111-2222-3333-444455556666:abcdef01';
    const { opts, calls } = fakeFetch(() => jsonResponse(fixture('taostats_subnet_latest_synthetic.json')));
    expect(expectOk(await fetchTaostatsSubnets({ apiKey: key, nowMs: NOW }, opts))[0]?.value).toBe(5);
    const u = new URL(calls[0]!.href);
    expect(u.host).toBe('api.taostats.io');
    expect(u.pathname).toBe('/api/subnet/latest/v1');
    expect(calls[0]!.href).not.toContain('tao-0000');
    expect(calls[0]!.href).not.toContain(encodeURIComponent(key));
    expect(headersOf(calls[0]).authorization).toBe(key);
    expect(calls[0]!.init?.credentials).toBe('omit');
  });

  it('401 → blocked; 429 → rate-limited; HTML → parse', async () => {
    const key = 'tao-key:1';
    const a = fakeFetch(() => textResponse('{"message":"Unauthorized"}', 401));
    expectErr(await fetchTaostatsSubnets({ apiKey: key }, a.opts), 'blocked');
    const b = fakeFetch(() => textResponse('slow down', 429));
    expectErr(await fetchTaostatsSubnets({ apiKey: key }, b.opts), 'rate-limited');
    const c = fakeFetch(() => textResponse('<html></html>', 200, 'text/html'));
    expectErr(await fetchTaostatsSubnets({ apiKey: key }, c.opts), 'parse');
  });
});

// ---------------------------------------------------------------------------------------------
// Registry
// ---------------------------------------------------------------------------------------------

describe('network registry', () => {
  const protocols = [
    { slug: 'akash', geckoId: null, kind: 'chain' as const },
    { slug: 'filecoin', geckoId: null, kind: 'chain' as const },
    { slug: 'example-chain', geckoId: null, kind: 'chain' as const },
    { slug: 'foo-v2', geckoId: 'foo', kind: 'protocol' as const },
    { slug: 'foo', geckoId: 'foo', kind: 'protocol' as const },
    { slug: 'bar-dex', geckoId: 'bar', kind: 'protocol' as const },
    { slug: 'render', geckoId: null, kind: 'protocol' as const },
  ];
  const chains = [
    { slug: 'akash', geckoId: 'akash-network' },
    { slug: 'example-chain', geckoId: 'examplecoin' },
    { slug: 'other-chain', geckoId: 'othercoin' },
  ];

  it('sources per asset and the no-public-source explanations', () => {
    expect(networkSources['akash-network']).toEqual(['akash', 'depinscan']);
    expect(networkSources.filecoin?.[0]).toBe('filfox');
    expect(networkSources.helium?.[0]).toBe('helium');
    // The chain first (keyless), Taostats (keyed) when the chain cannot be read.
    expect(networkSources.bittensor).toEqual(['subtensor', 'taostats']);
    expect(networkSources['io-net']?.[0]).toBe('ionet');
    expect(networkSources.aethir).toEqual(['aethir']);
    expect(networkSources['render-token']).toEqual(['renderfoundation']);
    expect(noPublicNetworkSource.gensyn?.length).toBeGreaterThan(40);
    for (const id of ['render-token', 'io-net', 'aethir']) expect(noPublicNetworkSource[id]).toBeUndefined();
  });

  it('overrides from the identity table', () => {
    expect(resolveLlamaSlugs('bittensor', protocols, chains, ['bittensor'])).toEqual({ feesSlug: null, emissionsSlug: 'bittensor', via: 'override' });
    expect(resolveLlamaSlugs('render-token', [], [], [])).toEqual({ feesSlug: 'render-network-bme', emissionsSlug: null, via: 'override' });
    expect(resolveLlamaSlugs('aethir', [], [], [])).toEqual({ feesSlug: 'aethir', emissionsSlug: 'aethir', via: 'override' });
    // Aethir's fees slug is confirmed against the /overview/fees list when that list is known.
    expect(resolveLlamaSlugs('aethir', protocols, chains, []).feesSlug).toBeNull();
    expect(resolveLlamaSlugs('aethir', [...protocols, { slug: 'aethir', geckoId: null, kind: 'protocol' }], chains, []).feesSlug).toBe('aethir');
    expect(resolveLlamaSlugs('filecoin', [], [], [])).toEqual({ feesSlug: 'filecoin', emissionsSlug: 'filecoin', via: 'override' });
    expect(resolveLlamaSlugs('helium', [], [], [])).toEqual({ feesSlug: 'helium', emissionsSlug: 'helium', via: 'override' });
    expect(resolveLlamaSlugs('akash-network', protocols, chains, [])).toEqual({ feesSlug: 'akash', emissionsSlug: null, via: 'override' });
    expect(llamaOverrides['akash-network']?.feesSlug).toBe('akash');
  });

  it('gecko_id join: protocol rows first (slug equal to the id wins a tie), then chains present in the fee list', () => {
    expect(resolveLlamaSlugs('foo', protocols, chains, [])).toEqual({ feesSlug: 'foo', emissionsSlug: null, via: 'gecko_id' });
    expect(resolveLlamaSlugs('bar', protocols, chains, ['bar-dex'])).toEqual({ feesSlug: 'bar-dex', emissionsSlug: 'bar-dex', via: 'gecko_id' });
    expect(resolveLlamaSlugs('examplecoin', protocols, chains, [])).toEqual({ feesSlug: 'example-chain', emissionsSlug: null, via: 'gecko_id' });
    // a chain whose slug DefiLlama has no fees for is not used…
    expect(resolveLlamaSlugs('othercoin', protocols, chains, [])).toEqual({ feesSlug: null, emissionsSlug: null, via: 'none' });
    // …unless the fee list is unknown (empty)
    expect(resolveLlamaSlugs('othercoin', [], chains, []).feesSlug).toBe('other-chain');
  });

  it('never by ticker or name: a slug equal to a ticker-like string does not match without gecko_id', () => {
    expect(resolveLlamaSlugs('render', protocols, chains, []).feesSlug).toBeNull();
  });

  it('emissions without override: only the fees slug or the CoinGecko id itself', () => {
    expect(resolveLlamaSlugs('bar', protocols, chains, ['bar', 'bar-token']).emissionsSlug).toBe('bar');
    expect(resolveLlamaSlugs('bar', protocols, chains, ['bar-token']).emissionsSlug).toBeNull();
    expect(resolveLlamaSlugs('ondo-finance', [], [], ['ondo-finance'])).toEqual({ feesSlug: null, emissionsSlug: 'ondo-finance', via: 'gecko_id' });
    expect(resolveLlamaSlugs('unknown', protocols, chains, ['ondo-finance'])).toEqual({ feesSlug: null, emissionsSlug: null, via: 'none' });
  });

  it('prototype keys are not overrides', () => {
    for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '']) {
      expect(resolveLlamaSlugs(id, protocols, chains, []).via).toBe('none');
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests: every parser is total and pollution-proof
// ---------------------------------------------------------------------------------------------

const HOSTILE_KEYS = [
  '__proto__', 'constructor', 'prototype', 'toString', 'metadata', 'unlockEvents', 'events', 'cliffAllocations',
  'linearAllocations', 'timestamp', 'amount', 'recipient', 'category', 'newRatePerWeek', 'endTimestamp', 'noOfTokens',
  'unlockType', 'rateDurationDays', 'body', 'token', 'gecko_id', 'sources', 'name', 'displayName', 'slug', 'protocols',
  'protocolType', 'totalDataChart', 'methodology', 'message', 'data', 'pagination', 'netuid', 'total_items', 'total_pages',
  'next_page', 'now', 'compare', 'date', 'activeLeaseCount', 'activeProviderCount', 'activeGPU', 'totalGPU',
  'totalRawBytePower', 'totalRawBytePowerDelta', 'activeMiners', 'totalItems', 'count', 'coingecko_id', 'project_name',
  'total_devices',
];

const LEAF_LITERALS = [
  'null', 'true', 'false', '0', '-0', '-1', '1e308', '-1e308', '1e400', '-1e400', '9007199254740993',
  '123456789012345678901234567890', '"123456789012345678901234567890"', '"-5"', '""', '" "', '"1e400"', '"NaN"',
  '"Infinity"', '"linear"', '"linear_start"', '"cliff"', '"chain"', '"coingecko:x"', '"coingecko:__proto__"',
  '"https://a.example/x"', '"javascript:alert(1)"', '"2026-01-01T00:00:00Z"', '"<html>"', '1705536000', '"1705536000"',
  '8640000000000', '-8640000000000001', '{"polluted":"yes"}', '[1705536000,5]', '["1705536000","-3"]',
];

const leafText = fc.oneof(
  fc.constantFrom(...LEAF_LITERALS),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
  fc.integer().map(String),
  fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)),
);

/** JSON text built by hand so that `"__proto__"` keys reach JSON.parse literally. */
const jsonText = fc.letrec<{ node: string; arr: string; obj: string }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leafText, tie('arr'), tie('obj')),
  arr: fc.array(tie('node'), { maxLength: 5 }).map((items) => `[${items.join(',')}]`),
  obj: fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 6 })), tie('node')), { maxLength: 6 })
    .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
})).node;

const hostileText = fc.oneof(
  jsonText,
  jsonText.map((t) => `{"body":${JSON.stringify(t)}}`),
  jsonText.map((t) => `{"protocols":[${t}],"__proto__":${t}}`),
  jsonText.map((t) => `{"metadata":{"unlockEvents":[{"timestamp":1705536000,"cliffAllocations":[${t}],"linearAllocations":[${t}]}],"events":[${t}]},"__proto__":{"polluted":"yes"}}`),
  jsonText.map((t) => `{"data":[${t},{"netuid":1,"__proto__":{"polluted":"yes"}}],"pagination":${t}}`),
  jsonText.map((t) => `{"totalDataChart":[${t},[1705536000,${t}]],"methodology":${t},"name":${t}}`),
  jsonText.map((t) => `{"now":${t},"compare":${t},"activeGPU":${t},"totalRawBytePower":${t}}`),
  jsonText.map((t) => `[${t},{"coingecko_id":"helium","total_devices":${t}}]`),
  jsonText.chain((t) => fc.nat({ max: Math.max(0, t.length) }).map((n) => t.slice(0, n))), // truncated
  fc.string({ maxLength: 40 }),
  fc.constant(CLOUDFLARE_403),
);

function allFinite(value: unknown, depth = 0): boolean {
  if (depth > 20) return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((v) => allFinite(v, depth + 1));
  if (value && typeof value === 'object') return Object.values(value).every((v) => allFinite(v, depth + 1));
  return true;
}

const ERROR_KINDS = ['http', 'rate-limited', 'timeout', 'network', 'parse', 'not-found', 'blocked'];

const parsers: Array<[string, (text: string) => Result<unknown>]> = [
  ['parseFeesSummary', (t) => parseFeesSummary(t, 'x', 'dailyFees', 'x')],
  ['parseFeeProtocols', parseFeeProtocols],
  ['parseFeeChains', parseFeeChains],
  ['parseEmissions', (t) => parseEmissions(t, 'x')],
  ['parseEmissionsList', parseEmissionsList],
  ['parseAkashCapacity', (t) => parseAkashCapacity(t, 1)],
  ['parseAkashDashboard', (t) => parseAkashDashboard(t, 1)],
  ['parseFilfoxOverview', (t) => parseFilfoxOverview(t, 1)],
  ['parseHeliumCount', parseHeliumCount],
  ['parseDepinscan', (t) => parseDepinscan(t, { geckoId: 'helium', projectName: 'Helium' }, 1)],
  ['parseTaostatsSubnets', (t) => parseTaostatsSubnets(t, 1)],
];

describe('property: parsers never throw, never pollute, only yield finite numbers', () => {
  it.each(parsers)('%s', (_name, parse) => {
    const protoKeysBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    fc.assert(
      fc.property(hostileText, (text) => {
        const r = parse(text);
        expect(typeof r.ok).toBe('boolean');
        if (r.ok) expect(allFinite(r.value)).toBe(true);
        else {
          expect(ERROR_KINDS).toContain(r.error.kind);
          expect(typeof r.error.message).toBe('string');
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 400 },
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeysBefore);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('fetchers turn arbitrary bodies and statuses into results (no throw)', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, fc.constantFrom(200, 400, 402, 403, 404, 418, 429, 500, 503), async (body, status) => {
        const { opts } = fakeFetch(() => textResponse(body, status));
        const results = await Promise.all([
          fetchFeesSeries({ slug: 'aethir', dataType: 'dailyRevenue' }, opts),
          fetchFeeProtocols(opts),
          fetchFeeChains(opts),
          fetchEmissions({ slug: 'bittensor' }, opts),
          fetchEmissionsList(opts),
          fetchAkashNetwork({ nowMs: 1 }, opts),
          fetchFilfoxNetwork({ nowMs: 1 }, opts),
          fetchHeliumHotspots({ nowMs: 1 }, opts),
          fetchDepinscanDevices({ geckoId: 'helium', nowMs: 1 }, opts),
          fetchTaostatsSubnets({ apiKey: 'k', nowMs: 1 }, opts),
        ]);
        for (const r of results) {
          expect(typeof r.ok).toBe('boolean');
          if (r.ok) expect(allFinite(r.value)).toBe(true);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 60 },
    );
  });

  it('slug validation: arbitrary strings never reach fetch unless they match the slug pattern', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.constantFrom('..', '.', '%2F', 'a/b', 'a?b', 'a#b', '\u0000', 'é')), async (slug) => {
        const { opts, calls } = fakeFetch(() => jsonResponse('{}'));
        await fetchFeesSeries({ slug, dataType: 'dailyFees' }, opts);
        await fetchEmissions({ slug }, opts);
        if (!/^[a-z0-9][a-z0-9-._]{0,99}$/i.test(slug)) expect(calls).toHaveLength(0);
        for (const c of calls) {
          const u = new URL(c.href);
          expect(['api.llama.fi', 'defillama-datasets.llama.fi']).toContain(u.host);
          expect(u.pathname.split('/').filter(Boolean)).toHaveLength(u.host === 'api.llama.fi' ? 3 : 2);
        }
      }),
      { numRuns: 200 },
    );
  });
});
