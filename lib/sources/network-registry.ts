/**
 * Which fundamentals sources apply to which asset (keyed by CoinGecko id). Pure data plus one
 * pure resolver; no network, no browser globals.
 *
 * Identity rules (DATA-SOURCES.md, "Identity"): never match by ticker. DefiLlama slugs come from
 * the built-in override table first, else from an exact `gecko_id` join against DefiLlama's own
 * lists.
 */
import { own } from '../own';

export type NetworkSourceId = 'akash' | 'filfox' | 'helium' | 'depinscan' | 'taostats' | 'subtensor' | 'ionet' | 'aethir' | 'renderfoundation';

/**
 * Network-activity sources per CoinGecko id, in the order to try (DePINscan is the fallback).
 * Bittensor: the chain itself first (keyless); Taostats (keyed) only when the chain cannot be read.
 */
export const networkSources: Record<string, NetworkSourceId[]> = {
  'akash-network': ['akash', 'depinscan'],
  filecoin: ['filfox', 'depinscan'],
  helium: ['helium', 'depinscan'],
  bittensor: ['subtensor', 'taostats'],
  'io-net': ['ionet', 'depinscan'],
  aethir: ['aethir'],
  'render-token': ['renderfoundation'],
};

/** Assets with no public usage source: why, for the "no network data" line. */
export const noPublicNetworkSource: Record<string, string> = {
  gensyn:
    'Gensyn has no public usage source (and no settled token id); nothing to show until one exists.',
};

/**
 * What is missing even with the sources above, for the overlay's notes (why not more).
 */
export const networkGaps: Record<string, string> = {
  'render-token': 'Render publishes no public API for frames rendered or node counts; burn per epoch and DefiLlama fees are the usage figures.',
  'io-net': 'DefiLlama tracks no io.net fees; io.net compute earnings are what GPU suppliers were paid (fees), not protocol revenue.',
  aethir: 'Aethir publishes no public node or GPU counts; its dashboard revenue is what customers paid for compute (fees), not protocol revenue.',
};

export interface LlamaOverride {
  /** DefiLlama fees slug; null = known to have none; absent = not overridden */
  feesSlug?: string | null;
  /** DefiLlama emissions slug; null = known to have none; absent = not overridden */
  emissionsSlug?: string | null;
  /**
   * The fees slug is only a candidate: use it when DefiLlama's `/overview/fees` list holds it
   * (DATA-SOURCES.md: "confirm the slug at runtime"); when the list is unavailable, try it anyway
   * (an unknown slug answers not-found, which is shown as "not covered").
   */
  confirmFeesSlug?: boolean;
}

/**
 * Built-in DefiLlama identities (DATA-SOURCES.md identity table). Fields the table marks "—"
 * are left absent (not null) so an exact gecko_id join can still find a later listing, except
 * Bittensor fees, which are subnet-level only and must not resolve to a protocol.
 */
export const llamaOverrides: Record<string, LlamaOverride> = {
  bittensor: { feesSlug: null, emissionsSlug: 'bittensor' },
  'render-token': { feesSlug: 'render-network-bme' },
  'akash-network': { feesSlug: 'akash' },
  aethir: { feesSlug: 'aethir', emissionsSlug: 'aethir', confirmFeesSlug: true },
  filecoin: { feesSlug: 'filecoin', emissionsSlug: 'filecoin' },
  helium: { feesSlug: 'helium', emissionsSlug: 'helium' },
};

export interface LlamaSlugs {
  feesSlug: string | null;
  emissionsSlug: string | null;
  /** 'override' when any slug came from the table; 'gecko_id' when found by the join alone */
  via: 'override' | 'gecko_id' | 'none';
}

interface ProtocolRow {
  slug: string;
  geckoId: string | null;
  kind?: 'protocol' | 'chain';
}

interface ChainRow {
  slug: string;
  geckoId: string | null;
}

/**
 * DefiLlama fees and emissions slugs for a CoinGecko id.
 * 1. override table (per field; a null there means "none", not "look it up"; a slug marked
 *    `confirmFeesSlug` is dropped when the fee list is known and does not hold it);
 * 2. fees: a fee-list row whose `gecko_id` equals the id (a row whose slug equals the id wins a
 *    tie, then list order); else a chain from `/v2/chains` with that `gecko_id` whose slug is in
 *    the fee list (or the fee list is empty, i.e. unknown);
 * 3. emissions: the list holds slugs only, so a slug is accepted only when it equals the fees
 *    slug found above or the CoinGecko id itself.
 */
export function resolveLlamaSlugs(
  geckoId: string,
  protocols: readonly ProtocolRow[],
  chains: readonly ChainRow[],
  emissionsList: readonly string[],
): LlamaSlugs {
  const id = geckoId.trim();
  if (!id) return { feesSlug: null, emissionsSlug: null, via: 'none' };
  const override = own(llamaOverrides, id);
  let fromOverride = false;

  let feesSlug: string | null = null;
  if (override && override.feesSlug !== undefined) {
    feesSlug = override.feesSlug;
    fromOverride = true;
    // A candidate slug the (non-empty, i.e. known) fee list does not hold is not used.
    if (override.confirmFeesSlug && feesSlug && protocols.length > 0 && !protocols.some((p) => p.slug === feesSlug)) feesSlug = null;
  } else {
    const matches = protocols.filter((p) => p.geckoId === id);
    const pick = matches.find((p) => p.slug === id) ?? matches[0];
    if (pick) feesSlug = pick.slug;
    else {
      const feeSlugs = new Set(protocols.map((p) => p.slug));
      const chain = chains.find((c) => c.geckoId === id && (feeSlugs.size === 0 || feeSlugs.has(c.slug)));
      if (chain) feesSlug = chain.slug;
    }
  }

  let emissionsSlug: string | null = null;
  if (override && override.emissionsSlug !== undefined) {
    emissionsSlug = override.emissionsSlug;
    fromOverride = true;
  } else {
    const listed = new Set(emissionsList);
    if (feesSlug && listed.has(feesSlug)) emissionsSlug = feesSlug;
    else if (listed.has(id)) emissionsSlug = id;
  }

  const via: LlamaSlugs['via'] = fromOverride ? 'override' : feesSlug || emissionsSlug ? 'gecko_id' : 'none';
  return { feesSlug, emissionsSlug, via };
}
