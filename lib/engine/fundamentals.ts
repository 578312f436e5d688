/**
 * Fundamentals feeds: DefiLlama fees and revenue, the DefiLlama unlock schedule (emissions), and
 * DePIN network activity (./network.ts). Also says which of them do not exist for the asset, so
 * the overlay can tell "not covered" from "failed".
 */
import type { RevalidateMode } from './cache';
import type { AssembleInput, Feed } from './assemble';
import type { Note } from './bundle';
import type { FeedContext } from './context';
import { FRESHNESS } from './freshness';
import { networkFeed } from './network';
import { EmissionScheduleSchema, FeeChainsSchema, FeeProtocolsSchema, FeesSeriesSchema, policy, StringListSchema } from './domain-schemas';
import type { Resolution } from '../assets/resolve';
import { fetchFeeChains, fetchFeeProtocols, fetchFeesSeries, fetchOverviewTotals } from '../sources/defillama';
import { fetchEmissions, fetchEmissionsList } from '../sources/defillama-emissions';
import { own } from '../own';
import { llamaOverrides, networkGaps, networkSources, noPublicNetworkSource, resolveLlamaSlugs, type LlamaSlugs } from '../sources/network-registry';
import type { Settings } from '../settings/schema';
import type { EmissionSchedule, FeesSeries, NetworkFigure } from '../types';

export type Fundamentals = Pick<AssembleInput, 'fees' | 'revenue' | 'emissions' | 'network' | 'notCovered'>;

/** DefiLlama slugs of an asset: the override table, else DefiLlama's own lists (cached a day). */
export async function llamaSlugs(ctx: FeedContext, geckoId: string, mode: RevalidateMode): Promise<LlamaSlugs> {
  // The override table answers both questions for the tokens it lists: no list download.
  const o = own(llamaOverrides, geckoId);
  if (o && o.feesSlug !== undefined && o.emissionsSlug !== undefined && !o.confirmFeesSlug) return resolveLlamaSlugs(geckoId, [], [], []);
  const [protocols, chains, emissions] = await Promise.all([
    ctx.read(policy('llama:protocols', FeeProtocolsSchema, FRESHNESS.identity), () => fetchFeeProtocols(ctx.opts()), mode),
    ctx.read(policy('llama:chains', FeeChainsSchema, FRESHNESS.identity), () => fetchFeeChains(ctx.opts()), mode),
    ctx.read(policy('llama:emissions-list', StringListSchema, FRESHNESS.identity), () => fetchEmissionsList(ctx.opts()), mode),
  ]);
  return resolveLlamaSlugs(geckoId, protocols.ok ? protocols.value : [], chains.ok ? chains.value : [], emissions.ok ? emissions.value : []);
}

/**
 * DefiLlama's daily series of one slug; when that summary FAILS (an outage, not "no such slug"),
 * DefiLlama's `/overview/fees` row totals (`total24h`, `total30d`) stand in (DATA-SOURCES.md,
 * "Defaults per metric").
 */
async function feesFeed(ctx: FeedContext, slug: string, dataType: FeesSeries['dataType'], mode: RevalidateMode): Promise<Feed<FeesSeries>> {
  const what = dataType === 'dailyFees' ? 'w_fees' : 'w_revenue';
  const result = await ctx.read(policy(`llama:${dataType}:${slug}`, FeesSeriesSchema, FRESHNESS.fees), () => fetchFeesSeries({ slug, dataType }, ctx.opts()), mode);
  if (result.ok || result.error.kind === 'not-found' || result.error.kind === 'blocked') return { source: 'defillama', what, result };
  const totals = await ctx.read(
    policy(`llama:overview-totals:${dataType}:${slug}`, FeesSeriesSchema, FRESHNESS.fees),
    () => fetchOverviewTotals({ slug, dataType }, ctx.opts()),
    mode,
  );
  if (totals.ok) return { source: 'defillama', what: `${what}_totals`, result: totals };
  return { source: 'defillama', what, result };
}

function emissionsFeed(ctx: FeedContext, slug: string, mode: RevalidateMode): Promise<Feed<EmissionSchedule>> {
  return ctx
    .read(policy(`llama:emissions:${slug}`, EmissionScheduleSchema, FRESHNESS.emissions), () => fetchEmissions({ slug, nowMs: ctx.now() }, ctx.opts()), mode)
    .then((result) => ({ source: 'defillama', what: 'w_unlocks', result }));
}

/** Every fundamentals feed that applies to the asset, fetched in parallel. */
export async function fundamentals(ctx: FeedContext, asset: Resolution, s: Settings, mode: RevalidateMode): Promise<Fundamentals> {
  const slugs = await llamaSlugs(ctx, asset.id, mode);
  const notCovered: Note[] = [];
  if (!slugs.feesSlug) notCovered.push(['n_no_llama_fees', asset.name]);
  if (!slugs.emissionsSlug) notCovered.push(['n_no_unlocks', asset.name]);
  const nets = own(networkSources, asset.id) ?? [];
  // The registry's per-asset findings ("Render publishes no public API for …") are research
  // data in English, not UI words: they pass through the generic `n_text` ("$1") untranslated.
  const noNetwork = own(noPublicNetworkSource, asset.id);
  if (nets.length === 0 && noNetwork) notCovered.push(['n_text', noNetwork]);
  const gap = own(networkGaps, asset.id);
  if (gap) notCovered.push(['n_text', gap]);

  const none = Promise.resolve(undefined);
  const [fees, revenue, emissions, network] = await Promise.all([
    slugs.feesSlug ? feesFeed(ctx, slugs.feesSlug, 'dailyFees', mode) : none,
    slugs.feesSlug ? feesFeed(ctx, slugs.feesSlug, 'dailyRevenue', mode) : none,
    slugs.emissionsSlug ? emissionsFeed(ctx, slugs.emissionsSlug, mode) : none,
    nets.length > 0 ? networkFeed(ctx, asset, nets, s, mode).then((f): Array<Feed<NetworkFigure[]>> => (f ? [f] : [])) : none,
  ]);
  return {
    notCovered,
    ...(fees ? { fees } : {}),
    ...(revenue ? { revenue } : {}),
    ...(emissions ? { emissions } : {}),
    ...(network ? { network } : {}),
  };
}
