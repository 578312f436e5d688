/**
 * Subtensor (Bittensor chain) over JSON-RPC: storage keys, SCALE decoding, the batched request,
 * its fallback host, and the figures. Storage values are hand-made SCALE encodings.
 */
import { describe, expect, it } from 'vitest';
import type { FetchFn } from '../../lib/sources/http';
import {
  BLOCK_EMISSION_KEY,
  SUBNETWORK_N_PREFIX,
  TOTAL_NETWORKS_KEY,
  batchBody,
  decodeBool,
  decodeU16,
  decodeU64,
  encodeU16,
  fetchSubtensorNetwork,
  netuidOfKey,
  subnetworkNKey,
  sumSubnetworkN,
} from '../../lib/sources/subtensor';
import { twox128, xxh64 } from './helpers/twox';

describe('twox128 storage keys', () => {
  it('the xxhash64 helper matches the reference vectors', () => {
    // xxHash spec test vectors: XXH64("", 0) and XXH64("a", 0).
    expect(xxh64(new Uint8Array(0), BigInt(0)).toString(16)).toBe('ef46db3751d8e999');
    expect(xxh64(new TextEncoder().encode('a'), BigInt(0)).toString(16)).toBe('d24ec4f1a98c6e5b');
    // Well-known Substrate prefixes (System, Balances): exercise the ≥ 32-byte path too below.
    expect(twox128('System')).toBe('26aa394eea5630e07c48ae0c9558cef7');
    expect(twox128('Balances')).toBe('c2261276cc9d1f8598ea4b6a74b15c2f');
  });

  it('the constant keys are twox128("SubtensorModule") ++ twox128(item)', () => {
    const pallet = twox128('SubtensorModule');
    expect(TOTAL_NETWORKS_KEY).toBe(`0x${pallet}${twox128('TotalNetworks')}`);
    expect(SUBNETWORK_N_PREFIX).toBe(`0x${pallet}${twox128('SubnetworkN')}`);
    expect(BLOCK_EMISSION_KEY).toBe(`0x${pallet}${twox128('BlockEmission')}`);
  });
});

describe('SCALE decoding (little-endian, fixed width)', () => {
  it('u16', () => {
    expect(decodeU16('0x0100')).toBe(1);
    expect(decodeU16('0x8100')).toBe(129);
    expect(decodeU16('0x0001')).toBe(256);
    expect(decodeU16('0xffff')).toBe(65535);
    expect(decodeU16('0x01')).toBeNull(); // too short
    expect(decodeU16('0x010000')).toBeNull(); // too long
    expect(decodeU16('0x0g00')).toBeNull();
    expect(decodeU16('0100')).toBeNull(); // no 0x
  });
  it('u64', () => {
    // 1 TAO = 1 000 000 000 rao = 0x3b9aca00 → LE 00ca9a3b00000000
    expect(decodeU64('0x00ca9a3b00000000')).toBe(BigInt(1_000_000_000));
    expect(decodeU64('0xffffffffffffffff')).toBe(BigInt('18446744073709551615'));
    expect(decodeU64('0x00ca9a3b')).toBeNull();
  });
  it('bool', () => {
    expect(decodeBool('0x01')).toBe(true);
    expect(decodeBool('0x00')).toBe(false);
    expect(decodeBool('0x02')).toBeNull();
    expect(decodeBool('0x0100')).toBeNull();
  });
  it('map keys: Identity hasher, netuid as u16 LE', () => {
    expect(encodeU16(1)).toBe('0100');
    expect(encodeU16(300)).toBe('2c01');
    expect(subnetworkNKey(1)).toBe(`${SUBNETWORK_N_PREFIX}0100`);
    expect(netuidOfKey(subnetworkNKey(300))).toBe(300);
    expect(netuidOfKey(`${TOTAL_NETWORKS_KEY}`)).toBeNull();
    expect(netuidOfKey(`${SUBNETWORK_N_PREFIX}01`)).toBeNull();
  });
  it('sums SubnetworkN over subnets, root and removed subnets excluded; a bad value voids the sum', () => {
    const changes: Array<[string, string | null]> = [
      [subnetworkNKey(0), '0x4000'], // root: 64, excluded
      [subnetworkNKey(1), '0x0001'], // 256
      [subnetworkNKey(2), '0x0000'], // live, 0 neurons
      [subnetworkNKey(3), null], // removed
    ];
    expect(sumSubnetworkN(changes)).toEqual({ neurons: 256, live: 2 });
    expect(sumSubnetworkN([...changes, [subnetworkNKey(4), '0x01']]).neurons).toBeNull();
  });
});

interface Call {
  url: string;
  body: Array<{ id: number; method: string; params: unknown[] }>;
}

/** A fake Subtensor node: TotalNetworks, BlockEmission and SubnetworkN values from `chain`. */
function fakeChain(chain: { total: string | null; emission: string | null; n: Record<number, string> }, failHosts: string[] = []) {
  const calls: Call[] = [];
  const fetch: FetchFn = async (url, init) => {
    const body = JSON.parse(String(init?.body)) as Call['body'];
    calls.push({ url, body });
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('omit');
    if (failHosts.includes(new URL(url).hostname)) return new Response('busy', { status: 503 });
    const replies = body.map((c) => {
      let result: unknown = null;
      if (c.method === 'state_getStorage') result = c.params[0] === TOTAL_NETWORKS_KEY ? chain.total : c.params[0] === BLOCK_EMISSION_KEY ? chain.emission : null;
      if (c.method === 'state_queryStorageAt') {
        const keys = c.params[0] as string[];
        result = [{ block: '0xabc', changes: keys.map((k) => [k, chain.n[netuidOfKey(k) ?? -1] ?? null]) }];
      }
      if (c.method === 'state_getKeysPaged') {
        result = Object.keys(chain.n).map((n) => subnetworkNKey(Number(n)));
      }
      return { jsonrpc: '2.0', id: c.id, result };
    });
    // Replies out of order: matched by id.
    return new Response(JSON.stringify(replies.reverse()), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { fetch, calls };
}

const NOW = Date.UTC(2026, 11, 7, 10);

describe('fetchSubtensorNetwork', () => {
  it('one batched POST gives subnets, registered neurons and daily issuance', async () => {
    const { fetch, calls } = fakeChain({ total: '0x0400', emission: '0x0065cd1d00000000', n: { 0: '0x4000', 1: '0x0001', 2: '0x0001', 3: '0x8000' } });
    const r = await fetchSubtensorNetwork({ nowMs: NOW }, { fetch });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('https://entrypoint-finney.opentensor.ai/');
    expect(calls[0]!.body.map((c) => c.method)).toEqual(['state_getStorage', 'state_getStorage', 'state_queryStorageAt']);
    expect(r.ok && r.value).toEqual([
      { key: 'subnets', label: 'subnets (excluding root)', labelNote: ['nl_subtensor_subnets'], value: 3, asOfMs: NOW },
      { key: 'neurons', label: 'registered neurons (miners and validators, all subnets)', labelNote: ['nl_subtensor_neurons'], value: 640, asOfMs: NOW },
      // 0x1dcd6500 = 500 000 000 rao = 0.5 TAO per block × 7 200 blocks
      { key: 'issuancePerDay', label: expect.stringContaining('7,200'), labelNote: ['nl_subtensor_issuance'], value: 3600, asOfMs: NOW },
    ]);
  });

  it('falls back to the archive host when the main one fails', async () => {
    const { fetch, calls } = fakeChain({ total: '0x0200', emission: null, n: { 1: '0x0a00' } }, ['entrypoint-finney.opentensor.ai']);
    const r = await fetchSubtensorNetwork({ nowMs: NOW }, { fetch });
    expect(calls.map((c) => new URL(c.url).hostname)).toEqual(['entrypoint-finney.opentensor.ai', 'archive.chain.opentensor.ai']);
    expect(r.ok && r.value.map((f) => [f.key, f.value])).toEqual([
      ['subnets', 1],
      ['neurons', 10],
    ]);
  });

  it('both hosts down: the first error, no figures', async () => {
    const { fetch } = fakeChain({ total: '0x0200', emission: null, n: {} }, ['entrypoint-finney.opentensor.ai', 'archive.chain.opentensor.ai']);
    const r = await fetchSubtensorNetwork({ nowMs: NOW }, { fetch });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe('http');
  });

  it('lists the keys (second request) when a live netuid is above the probed range', async () => {
    const { fetch, calls } = fakeChain({ total: '0x0300', emission: null, n: { 1: '0x0100', 300: '0x0200' } });
    const r = await fetchSubtensorNetwork({ nowMs: NOW }, { fetch });
    expect(calls.map((c) => c.body.map((b) => b.method).join(','))).toEqual([
      'state_getStorage,state_getStorage,state_queryStorageAt',
      'state_getKeysPaged',
      'state_queryStorageAt',
    ]);
    expect(r.ok && r.value.find((f) => f.key === 'neurons')?.value).toBe(3);
  });

  it('a value that is not SCALE u16 hides neurons but not subnets', async () => {
    const { fetch } = fakeChain({ total: '0x0300', emission: '0x00', n: { 1: '0x0100', 2: '0x010203' } });
    const r = await fetchSubtensorNetwork({ nowMs: NOW }, { fetch });
    expect(r.ok && r.value.map((f) => f.key)).toEqual(['subnets']);
  });

  it('a JSON-RPC error or a non-JSON answer fails that host', async () => {
    const fetch: FetchFn = async (url) =>
      new URL(url).hostname === 'entrypoint-finney.opentensor.ai'
        ? new Response('<html>gateway</html>', { status: 200 })
        : new Response(JSON.stringify([{ jsonrpc: '2.0', id: 1, error: { code: -32601, message: 'Method not found' } }]), { status: 200 });
    const r = await fetchSubtensorNetwork({ nowMs: NOW }, { fetch });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe('parse');
  });

  it('the batch body is JSON-RPC 2.0 with 1-based ids', () => {
    expect(JSON.parse(batchBody([{ method: 'state_getStorage', params: [TOTAL_NETWORKS_KEY] }]))).toEqual([
      { jsonrpc: '2.0', id: 1, method: 'state_getStorage', params: [TOTAL_NETWORKS_KEY] },
    ]);
  });
});
