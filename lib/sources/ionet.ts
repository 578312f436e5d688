/**
 * io.net network figures from its explorer API (`api.io.solutions`, no key seen in public callers).
 *
 * The routes are undocumented; the field names come from other projects' parsing code, not from
 * recorded bodies (DATA-SOURCES.md, "The seed's networks", confidence medium-low). So each body is
 * parsed tolerantly (numbers or decimal strings, extra keys ignored) and a body that does not
 * have the documented field hides that figure with a note; nothing is inferred.
 *
 * - `GET /v1/io-explorer/network/inventory-aggregated` → `{ data: { total, active, passive } }`,
 *   GPUs. `active` is io.net's inventory label, not proof that a GPU is hired: the label says so.
 * - `GET /v1/io-explorer/network/info/clusters` → `{ data: { running_clusters, total_earnings,
 *   total_compute_hours_served } }`. `total_earnings` is USD paid to GPU suppliers for compute
 *   since launch: what customers paid (fees), NOT io.net's protocol revenue.
 *
 * Not used: `/network/info/cluster/total-earnings-summary` (`data[]` of `{ daily_earnings,
 * total_earnings }`): its rows carry no date in any caller seen, so "the last complete UTC day"
 * cannot be told from today's partial one. Daily fees from it would be a guess.
 *
 * Either route may fail alone; only when both fail is the first error returned. Explorer limit:
 * 150 requests per 10 s; we send two per refresh.
 */
import type { NetworkFigure, Result } from '../types';
import { apiUrl, figuresFrom, parseBody, type RequestOptions } from './http';
import { fail, isCount, optNum } from './venue-common';
import { z } from './zod';
import { ok } from './result';

export const ionetInventorySchema = z.object({ data: z.object({ total: optNum, active: optNum, passive: optNum }) });
export const ionetClustersSchema = z.object({ data: z.object({ running_clusters: optNum, total_earnings: optNum }) });

export function parseIonetInventory(text: string, asOfMs: number): Result<NetworkFigure[]> {
  const body = parseBody(text, ionetInventorySchema);
  if (!body.ok) return body;
  const { total, active } = body.value.data;
  const out: NetworkFigure[] = [];
  if (isCount(total)) out.push({ key: 'gpus', label: 'GPUs in the io.net inventory', labelNote: ['nl_ionet_gpus'], value: total, asOfMs });
  // An "active" count above the total is not a count we understand: leave it out.
  if (isCount(active) && (!isCount(total) || active <= total)) {
    out.push({ key: 'activeGpus', label: 'GPUs marked active (inventory label, not proof of hire)', labelNote: ['nl_ionet_active_gpus'], value: active, asOfMs });
  }
  if (out.length === 0) return fail('parse', 'io.net inventory has no GPU counts');
  return ok(out);
}

export function parseIonetClusters(text: string, asOfMs: number): Result<NetworkFigure[]> {
  const body = parseBody(text, ionetClustersSchema);
  if (!body.ok) return body;
  const { running_clusters: clusters, total_earnings: earnings } = body.value.data;
  const out: NetworkFigure[] = [];
  if (isCount(clusters)) out.push({ key: 'runningClusters', label: 'running GPU clusters', labelNote: ['nl_ionet_clusters'], value: clusters, asOfMs });
  if (isCount(earnings)) {
    out.push({
      key: 'computeEarningsUsd',
      label: 'compute earnings paid to GPU suppliers since launch (USD; fees, not protocol revenue)',
      labelNote: ['nl_ionet_earnings'],
      value: earnings,
      asOfMs,
    });
  }
  if (out.length === 0) return fail('parse', 'io.net clusters info has no usable figures');
  return ok(out);
}

export const IONET_INVENTORY_URL = apiUrl('api.io.solutions', '/v1/io-explorer/network/inventory-aggregated');
export const IONET_CLUSTERS_URL = apiUrl('api.io.solutions', '/v1/io-explorer/network/info/clusters');

/** GPUs total/active, running clusters and all-time compute earnings; partial when one route fails. */
export async function fetchIonetNetwork(args: { nowMs?: number }, opts: RequestOptions): Promise<Result<NetworkFigure[]>> {
  const nowMs = args.nowMs ?? Date.now();
  return figuresFrom(
    [
      [IONET_INVENTORY_URL, (text) => parseIonetInventory(text, nowMs)],
      [IONET_CLUSTERS_URL, (text) => parseIonetClusters(text, nowMs)],
    ],
    opts,
  );
}
