/**
 * Bittensor network figures read from the chain itself (Subtensor JSON-RPC, no key).
 *
 * Endpoint (DATA-SOURCES.md, "The seed's networks"): `POST https://entrypoint-finney.opentensor.ai`
 * (same backend as lite.chain.opentensor.ai), fallback `archive.chain.opentensor.ai`. JSON-RPC 2.0
 * batches (an array body) are accepted; the answer is an array of `{ id, result | error }` in any
 * order, matched here by `id`. Public nodes allow about 100 HTTP requests per minute; a refresh
 * costs ONE batched request (two in the rare case below), cached by the engine for ≥ 10 minutes.
 *
 * Storage items (opentensor/subtensor, pallets/subtensor/src/lib.rs):
 *   `TotalNetworks: StorageValue<_, u16, ValueQuery>` — counts the root network (netuid 0);
 *   `SubnetworkN: StorageMap<_, Identity, NetUid, u16, ValueQuery, DefaultN>` — registered UIDs
 *     (miners and validators) per subnet; `Identity` hasher, so a key is the prefix followed by
 *     the SCALE-encoded netuid (u16 little-endian: netuid 1 → `0100`);
 *   `BlockEmission: StorageValue<_, u64, ValueQuery>` — rao (1e-9 TAO) issued per block.
 * Storage keys are twox128("SubtensorModule") ++ twox128(item). They are constants, written out
 * below rather than hashed at run time (an xxhash64 would cost worker bytes for three fixed
 * strings); tests/unit/subtensor.test.ts recomputes every one with an xxhash64-based twox128.
 *
 * How the figures are read, in one batch:
 *   `state_getStorage(TotalNetworks)`, `state_getStorage(BlockEmission)` and
 *   `state_queryStorageAt([SubnetworkN key of netuid 1 … 255])` → `[{ block, changes: [[key,
 *   value | null]] }]`. A removed subnet's entry is gone (null), a live one is stored even at 0.
 *   When fewer live entries come back than TotalNetworks − 1 says exist (a netuid above 255), the
 *   keys are listed with `state_getKeysPaged(prefix, 1000)` and read with `state_queryStorageAt`
 *   (the second request).
 *
 * Every value is a `"0x…"` SCALE little-endian hex string; one that does not decode to its type
 * (wrong length, a bool that is not 0/1) hides that figure: a wrong count is never shown.
 */
import type { NetworkFigure, Result, SourceError } from '../types';
import { postText, parseBody, validate, type RequestOptions } from './http';
import { fail } from './venue-common';
import { anyValue, array, finite, nullable, optional, str, tuple, union, z } from './zod';
import { ok } from './result';

export const SUBTENSOR_HOSTS = ['entrypoint-finney.opentensor.ai', 'archive.chain.opentensor.ai'] as const;

/** twox128("SubtensorModule") */
const PALLET = '0x658faa385070e074c85bf6b568cf0555';
/** twox128("SubtensorModule") ++ twox128("TotalNetworks") */
export const TOTAL_NETWORKS_KEY = `${PALLET}5f3bb7bcd0a076a48abf8c256d221721`;
/** twox128("SubtensorModule") ++ twox128("SubnetworkN"); append the netuid as u16 LE (Identity hasher) */
export const SUBNETWORK_N_PREFIX = `${PALLET}a1048e9d244171852dfe8db314dc68ca`;
/** twox128("SubtensorModule") ++ twox128("BlockEmission") */
export const BLOCK_EMISSION_KEY = `${PALLET}34ebdb22bbd04c61ef98f1974907c68d`;

/** Netuids probed in the single-request path (1 … 255); more live subnets → key listing. */
export const PROBED_NETUIDS = 255;
/** Finney produces a block every 12 s: 86 400 / 12 blocks per UTC day. */
export const BLOCKS_PER_DAY = 7_200;
/** 1 TAO = 1e9 rao. */
const RAO_PER_TAO = 1e9;
/** keys listed per `state_getKeysPaged` call: far above Subtensor's subnet limit, so one page */
const PAGE = 1000;

// ---------------------------------------------------------------------------------------------
// SCALE (little-endian, fixed width)
// ---------------------------------------------------------------------------------------------

/**
 * A fixed-width SCALE unsigned integer: `"0x…"` of exactly `width` bytes, little-endian → BigInt;
 * null for any other length or a non-hex character.
 */
export function decodeLE(hex: unknown, width: number): bigint | null {
  if (typeof hex !== 'string' || !new RegExp(`^0x[0-9a-fA-F]{${width * 2}}$`).test(hex)) return null;
  return BigInt(`0x${hex.slice(2).match(/../g)!.reverse().join('')}`);
}

/** SCALE u16 (2 bytes, little-endian); null when the value is not exactly 2 bytes. */
export function decodeU16(hex: unknown): number | null {
  const v = decodeLE(hex, 2);
  return v === null ? null : Number(v);
}

/** SCALE u64 (8 bytes, little-endian) as a BigInt; null when not exactly 8 bytes. */
export function decodeU64(hex: unknown): bigint | null {
  return decodeLE(hex, 8);
}

/** SCALE bool (one byte, 0x00 or 0x01); null for any other encoding. */
export function decodeBool(hex: unknown): boolean | null {
  const v = decodeLE(hex, 1);
  return v === null || v > BigInt(1) ? null : v === BigInt(1);
}

/** SCALE u16 little-endian encoding, without `0x` (netuid 1 → `0100`). */
export function encodeU16(n: number): string {
  return ((n & 0xff) * 256 + ((n >> 8) & 0xff) + 0x10000).toString(16).slice(1);
}

/** SubnetworkN storage key of one netuid. */
export function subnetworkNKey(netuid: number): string {
  return SUBNETWORK_N_PREFIX + encodeU16(netuid);
}

/** The netuid encoded in a SubnetworkN key; null when the key is not one. */
export function netuidOfKey(key: string): number | null {
  if (typeof key !== 'string' || key.length !== SUBNETWORK_N_PREFIX.length + 4) return null;
  if (key.slice(0, SUBNETWORK_N_PREFIX.length).toLowerCase() !== SUBNETWORK_N_PREFIX) return null;
  return decodeU16(`0x${key.slice(SUBNETWORK_N_PREFIX.length)}`);
}

// ---------------------------------------------------------------------------------------------
// JSON-RPC
// ---------------------------------------------------------------------------------------------

export interface RpcCall {
  method: 'state_getStorage' | 'state_getKeysPaged' | 'state_queryStorageAt';
  params: unknown[];
}

export const rpcBatchReplySchema = array(z.object({ id: union([finite, str]), result: optional(anyValue), error: optional(anyValue) }));

const keysSchema = array(str);
const changeSetsSchema = array(z.object({ changes: array(tuple([str, nullable(str)])) }));

/** JSON-RPC 2.0 batch body: ids are 1-based positions. */
export function batchBody(calls: readonly RpcCall[]): string {
  return JSON.stringify(calls.map((c, i) => ({ jsonrpc: '2.0', id: i + 1, method: c.method, params: c.params })));
}

/**
 * One batched POST to one host; the results in call order. A missing reply or an `error` member
 * fails the whole batch (a partial answer would give wrong sums).
 */
export async function rpcBatch(host: (typeof SUBTENSOR_HOSTS)[number], calls: readonly RpcCall[], opts: RequestOptions): Promise<Result<unknown[]>> {
  const text = await postText(`https://${host}/`, batchBody(calls), opts);
  // A 400/404 from a JSON-RPC node is a broken endpoint, not "this asset has no such data".
  if (!text.ok) return text.error.kind === 'not-found' ? fail('http', text.error.message, text.error.status ? { status: text.error.status } : {}) : text;
  const replies = parseBody(text.value, rpcBatchReplySchema);
  if (!replies.ok) return replies;
  const out: unknown[] = [];
  for (let i = 0; i < calls.length; i++) {
    const r = replies.value.find((x) => Number(x.id) === i + 1);
    if (!r || r.error != null) return fail(r ? 'http' : 'parse', `${host}: ${calls[i]!.method} ${r ? 'failed' : 'unanswered'}`);
    out.push(r.result ?? null);
  }
  return ok(out);
}

// ---------------------------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------------------------

export interface ChainReading {
  /** TotalNetworks (root included); null when absent or not a u16 */
  totalNetworks: number | null;
  /** BlockEmission in rao; null when absent or not a u64 */
  blockEmissionRao: bigint | null;
  /** sum of SubnetworkN over netuids ≠ 0; null when a value did not decode */
  neurons: number | null;
  /** live SubnetworkN entries seen (netuid ≠ 0) */
  liveSubnets: number;
}

/** Sums SubnetworkN values of `[key, value]` changes, netuid 0 (root) excluded. */
export function sumSubnetworkN(changes: ReadonlyArray<readonly [string, string | null]>): { neurons: number | null; live: number } {
  let neurons = 0;
  let live = 0;
  const seen = new Set<number>();
  for (const [key, value] of changes) {
    const netuid = netuidOfKey(key);
    if (netuid === null || netuid === 0 || value === null || seen.has(netuid)) continue;
    const n = decodeU16(value);
    if (n === null) return { neurons: null, live };
    seen.add(netuid);
    neurons += n;
    live++;
  }
  return { neurons, live };
}

function changesOf(result: unknown): Result<Array<[string, string | null]>> {
  const sets = validate(changeSetsSchema, result);
  if (!sets.ok) return sets;
  return ok(sets.value.flatMap((s) => s.changes));
}

/** Reads the chain through one host: one batch, plus the key listing when netuids exceed 255. */
export async function readChain(host: (typeof SUBTENSOR_HOSTS)[number], opts: RequestOptions): Promise<Result<ChainReading>> {
  const probe: string[] = [];
  for (let n = 1; n <= PROBED_NETUIDS; n++) probe.push(subnetworkNKey(n));
  const first = await rpcBatch(
    host,
    [
      { method: 'state_getStorage', params: [TOTAL_NETWORKS_KEY] },
      { method: 'state_getStorage', params: [BLOCK_EMISSION_KEY] },
      { method: 'state_queryStorageAt', params: [probe] },
    ],
    opts,
  );
  if (!first.ok) return first;
  const [totalRaw, emissionRaw, probed] = first.value;
  const totalNetworks = decodeU16(totalRaw);
  const blockEmissionRao = decodeU64(emissionRaw);
  const changes = changesOf(probed);
  if (!changes.ok) return changes;
  let sum = sumSubnetworkN(changes.value);
  if (totalNetworks !== null && sum.neurons !== null && sum.live < totalNetworks - 1) {
    // Some live subnet has a netuid above the probed range: list the real keys (second request).
    const listed = await rpcBatch(host, [{ method: 'state_getKeysPaged', params: [SUBNETWORK_N_PREFIX, PAGE] }], opts);
    if (!listed.ok) return listed;
    const keys = validate(keysSchema, listed.value[0]);
    if (!keys.ok) return keys;
    const read = await rpcBatch(host, [{ method: 'state_queryStorageAt', params: [keys.value] }], opts);
    if (!read.ok) return read;
    const all = changesOf(read.value[0]);
    if (!all.ok) return all;
    sum = sumSubnetworkN(all.value);
  }
  return ok({ totalNetworks, blockEmissionRao, neurons: sum.live > 0 ? sum.neurons : null, liveSubnets: sum.live });
}

/** Chain reading → labelled figures (a figure that did not decode is left out). */
export function subtensorFigures(r: ChainReading, asOfMs: number): NetworkFigure[] {
  const out: NetworkFigure[] = [];
  if (r.totalNetworks !== null && r.totalNetworks >= 1) {
    out.push({ key: 'subnets', label: 'subnets (excluding root)', labelNote: ['nl_subtensor_subnets'], value: r.totalNetworks - 1, asOfMs });
  }
  if (r.neurons !== null) {
    out.push({ key: 'neurons', label: 'registered neurons (miners and validators, all subnets)', labelNote: ['nl_subtensor_neurons'], value: r.neurons, asOfMs });
  }
  if (r.blockEmissionRao !== null) {
    const perDay = (Number(r.blockEmissionRao) / RAO_PER_TAO) * BLOCKS_PER_DAY;
    if (Number.isFinite(perDay) && perDay >= 0) {
      out.push({ key: 'issuancePerDay', label: 'TAO issued per day (block emission × 7,200 blocks of 12 s)', labelNote: ['nl_subtensor_issuance'], value: perDay, asOfMs });
    }
  }
  return out;
}

/**
 * Subnets, registered neurons and daily issuance. The main host first; on any failure (down,
 * rate-limited, an answer that does not decode) the archive host is tried once.
 */
export async function fetchSubtensorNetwork(args: { nowMs?: number }, opts: RequestOptions): Promise<Result<NetworkFigure[]>> {
  const nowMs = args.nowMs ?? Date.now();
  let firstError: SourceError | undefined;
  for (const host of SUBTENSOR_HOSTS) {
    const r = await readChain(host, opts);
    if (r.ok) {
      const figures = subtensorFigures(r.value, nowMs);
      if (figures.length > 0) return ok(figures);
      firstError ??= { kind: 'parse', message: `${host}: nothing decoded` };
      continue;
    }
    if (r.error.kind === 'blocked') return r;
    firstError ??= r.error;
  }
  return { ok: false, error: firstError ?? { kind: 'network', message: 'Subtensor unreachable' } };
}
