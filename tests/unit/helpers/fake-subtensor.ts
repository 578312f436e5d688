/**
 * A fake Subtensor JSON-RPC node for unit tests: answers batched `state_getStorage`,
 * `state_queryStorageAt` and `state_getKeysPaged` calls from a small chain description, with
 * SCALE little-endian values as a real node sends them.
 */
import { BLOCK_EMISSION_KEY, TOTAL_NETWORKS_KEY, netuidOfKey, subnetworkNKey } from '../../../lib/sources/subtensor';

export interface FakeChain {
  /** TotalNetworks as stored (root included) */
  totalNetworks: number;
  /** rao per block */
  blockEmissionRao: number;
  /** netuid → registered UIDs */
  subnetworkN: Record<number, number>;
}

const u16 = (n: number) => `0x${(n & 0xff).toString(16).padStart(2, '0')}${((n >> 8) & 0xff).toString(16).padStart(2, '0')}`;
function u64(n: number): string {
  let v = BigInt(n);
  let s = '0x';
  for (let i = 0; i < 8; i++) {
    s += Number(v & BigInt(0xff)).toString(16).padStart(2, '0');
    v >>= BigInt(8);
  }
  return s;
}

/** The JSON text of the answer to one JSON-RPC batch body. */
export function answerRpc(chain: FakeChain, bodyText: string): string {
  const calls = JSON.parse(bodyText) as Array<{ id: number; method: string; params: unknown[] }>;
  const replies = calls.map((c) => {
    let result: unknown = null;
    if (c.method === 'state_getStorage') {
      if (c.params[0] === TOTAL_NETWORKS_KEY) result = u16(chain.totalNetworks);
      if (c.params[0] === BLOCK_EMISSION_KEY) result = u64(chain.blockEmissionRao);
    } else if (c.method === 'state_queryStorageAt') {
      const keys = c.params[0] as string[];
      result = [{ block: '0x01', changes: keys.map((k) => {
        const n = chain.subnetworkN[netuidOfKey(k) ?? -1];
        return [k, n === undefined ? null : u16(n)];
      }) }];
    } else if (c.method === 'state_getKeysPaged') {
      result = Object.keys(chain.subnetworkN).map((n) => subnetworkNKey(Number(n)));
    }
    return { jsonrpc: '2.0', id: c.id, result };
  });
  return JSON.stringify(replies);
}
