/**
 * DePIN network-activity feeds. Which sources apply to an asset, in which order, is data in
 * lib/sources/network-registry.ts; how to call each one is the table below, like the venue
 * table (lib/sources/venue-registry.ts). Adding a source = one id in `NetworkSourceId`, one row
 * here, and its place in `networkSources`.
 */
import type { RevalidateMode } from './cache';
import type { Feed } from './assemble';
import type { FeedContext } from './context';
import { firstUsable } from './first-usable';
import { FRESHNESS, hash } from './freshness';
import { NetworkFiguresSchema, policy } from './domain-schemas';
import type { Resolution } from '../assets/resolve';
import type { RequestOptions } from '../sources/http';
import { fetchAkashNetwork } from '../sources/akash';
import { fetchFilfoxNetwork } from '../sources/filfox';
import { fetchHeliumHotspots } from '../sources/helium';
import { fetchDepinscanDevices } from '../sources/depinscan';
import { fetchTaostatsSubnets } from '../sources/taostats';
import { fetchSubtensorNetwork } from '../sources/subtensor';
import { fetchIonetNetwork } from '../sources/ionet';
import { fetchAethirRevenue } from '../sources/aethir';
import { fetchRenderBurn } from '../sources/renderfoundation';
import type { NetworkSourceId } from '../sources/network-registry';
import type { Settings } from '../settings/schema';
import type { NetworkFigure, Result } from '../types';

export interface NetworkArgs {
  asset: Resolution;
  settings: Settings;
  /** epoch milliseconds */
  nowMs: number;
}

export interface NetworkSource {
  /** cache key of this source's figures for the asset (`net:<id>:…`); never holds a secret */
  cacheKey(asset: Resolution, s: Settings): string;
  fetch(args: NetworkArgs, opts: RequestOptions): Promise<Result<NetworkFigure[]>>;
  /**
   * For sources that need a user key: whether the settings hold one, and what to show when they
   * do not. Without the key no request is made: it is not an outage, the note says what unlocks it.
   */
  requiresKey?: { has(s: Settings): boolean; what: string; message: string };
}

/**
 * A keyless source whose figures are the same for every asset it covers: cached once per source
 * (`net:<id>:all`), fetched with the fetch time only.
 */
function wholeNetwork(id: NetworkSourceId, fetch: (args: { nowMs: number }, opts: RequestOptions) => Promise<Result<NetworkFigure[]>>): NetworkSource {
  return { cacheKey: () => `net:${id}:all`, fetch: ({ nowMs }, opts) => fetch({ nowMs }, opts) };
}

export const NETWORK_SOURCES: Record<NetworkSourceId, NetworkSource> = {
  akash: wholeNetwork('akash', fetchAkashNetwork),
  filfox: wholeNetwork('filfox', fetchFilfoxNetwork),
  helium: wholeNetwork('helium', fetchHeliumHotspots),
  depinscan: {
    cacheKey: (asset) => `net:depinscan:${asset.id}`,
    fetch: ({ asset, nowMs }, opts) => fetchDepinscanDevices({ geckoId: asset.id, projectName: asset.name, nowMs }, opts),
  },
  taostats: {
    // The key is hashed into the cache key: a new key is a new entry, and the key stays secret.
    cacheKey: (_asset, s) => `net:taostats:${hash(s.apiKeys.taostats)}`,
    fetch: ({ settings, nowMs }, opts) => fetchTaostatsSubnets({ apiKey: settings.apiKeys.taostats, nowMs }, opts),
    requiresKey: {
      has: (s) => !!s.apiKeys.taostats,
      what: 'w_subnets_key',
      message: 'needs a free Taostats API key (options page)',
    },
  },
  // Bittensor's chain over JSON-RPC: one batched POST per refresh, cached FRESHNESS.network
  // (1 h, well above the 10 minutes the public nodes' ~100 requests/minute call for).
  subtensor: wholeNetwork('subtensor', fetchSubtensorNetwork),
  ionet: wholeNetwork('ionet', fetchIonetNetwork),
  // nowMs is the fetch time: complete UTC days of the revenue series are judged at it.
  aethir: wholeNetwork('aethir', fetchAethirRevenue),
  renderfoundation: wholeNetwork('renderfoundation', fetchRenderBurn),
};

/** The network feed of one source; a keyed source without its key answers `blocked` at once. */
async function networkSourceFeed(ctx: FeedContext, id: NetworkSourceId, asset: Resolution, s: Settings, mode: RevalidateMode): Promise<Feed<NetworkFigure[]>> {
  const src = NETWORK_SOURCES[id];
  if (src.requiresKey && !src.requiresKey.has(s)) {
    return { source: id, what: src.requiresKey.what, result: { ok: false, error: { kind: 'blocked', message: src.requiresKey.message } } };
  }
  const result = await ctx.read(
    policy(src.cacheKey(asset, s), NetworkFiguresSchema, FRESHNESS.network),
    () => src.fetch({ asset, settings: s, nowMs: ctx.now() }, ctx.opts()),
    mode,
  );
  return { source: id, what: 'w_network', result };
}

/** The first source in `order` with at least one figure; else the first source's answer. */
export function networkFeed(ctx: FeedContext, asset: Resolution, order: readonly NetworkSourceId[], s: Settings, mode: RevalidateMode): Promise<Feed<NetworkFigure[]> | undefined> {
  return firstUsable(
    order.map((id) => () => networkSourceFeed(ctx, id, asset, s, mode)),
    (f) => f.result.ok && f.result.value.length > 0,
  );
}
