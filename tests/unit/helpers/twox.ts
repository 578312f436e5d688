/**
 * xxHash64 (https://github.com/Cyan4973/xxHash/blob/dev/doc/xxhash_spec.md, "XXH64") and
 * Substrate's twox128 = xxh64(data, seed 0) ++ xxh64(data, seed 1), each little-endian
 * (sp-core-hashing `twox_128`). Test-only: the worker ships the precomputed storage keys.
 */
const M = (BigInt(1) << BigInt(64)) - BigInt(1);
const P1 = BigInt('0x9E3779B185EBCA87');
const P2 = BigInt('0xC2B2AE3D27D4EB4F');
const P3 = BigInt('0x165667B19E3779F9');
const P4 = BigInt('0x85EBCA77C2B2AE63');
const P5 = BigInt('0x27D4EB2F165667C5');

const rotl = (x: bigint, r: number) => ((x << BigInt(r)) | (x >> BigInt(64 - r))) & M;
const mul = (a: bigint, b: bigint) => (a * b) & M;
const add = (a: bigint, b: bigint) => (a + b) & M;
const round = (acc: bigint, lane: bigint) => mul(rotl(add(acc, mul(lane, P2)), 31), P1);
const merge = (acc: bigint, v: bigint) => add(mul(acc ^ round(BigInt(0), v), P1), P4);

function readLE(b: Uint8Array, at: number, n: number): bigint {
  let v = BigInt(0);
  for (let i = n - 1; i >= 0; i--) v = (v << BigInt(8)) | BigInt(b[at + i]!);
  return v;
}

export function xxh64(data: Uint8Array, seed: bigint): bigint {
  const len = data.length;
  let i = 0;
  let h: bigint;
  if (len >= 32) {
    let v1 = add(add(seed, P1), P2);
    let v2 = add(seed, P2);
    let v3 = seed;
    let v4 = (seed - P1) & M;
    for (; i + 32 <= len; i += 32) {
      v1 = round(v1, readLE(data, i, 8));
      v2 = round(v2, readLE(data, i + 8, 8));
      v3 = round(v3, readLE(data, i + 16, 8));
      v4 = round(v4, readLE(data, i + 24, 8));
    }
    h = add(add(add(rotl(v1, 1), rotl(v2, 7)), rotl(v3, 12)), rotl(v4, 18));
    h = merge(merge(merge(merge(h, v1), v2), v3), v4);
  } else h = add(seed, P5);
  h = add(h, BigInt(len));
  for (; i + 8 <= len; i += 8) h = add(mul(rotl(h ^ round(BigInt(0), readLE(data, i, 8)), 27), P1), P4);
  for (; i + 4 <= len; i += 4) h = add(mul(rotl(h ^ mul(readLE(data, i, 4), P1), 23), P2), P3);
  for (; i < len; i++) h = mul(rotl(h ^ mul(BigInt(data[i]!), P5), 11), P1);
  h ^= h >> BigInt(33);
  h = mul(h, P2);
  h ^= h >> BigInt(29);
  h = mul(h, P3);
  h ^= h >> BigInt(32);
  return h;
}

function leHex(v: bigint): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += Number((v >> BigInt(8 * i)) & BigInt(0xff)).toString(16).padStart(2, '0');
  return s;
}

export function twox128(text: string): string {
  const b = new TextEncoder().encode(text);
  return leHex(xxh64(b, BigInt(0))) + leHex(xxh64(b, BigInt(1)));
}
